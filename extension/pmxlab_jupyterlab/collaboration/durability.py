"""Closes the ways jupyter-collaboration 5.0 (jupyter-server-ydoc 3.0) loses or duplicates edits.

1. Shutdown (SIGTERM, ``api/shutdown``) cancels a document's pending debounced save instead
   of running it, so edits made within ``document_save_delay`` of a stop never reach the
   file, while clients keep editing (and getting saves acknowledged) until the rooms stop.
   :func:`flush_rooms` disconnects the clients, saves every room with a save pending and
   writes every room's full state to the Y store, before upstream stops the rooms.
2. A room that starts while its Y store holds edits the file lacks (the save never ran:
   crash, kill) is overwritten with the older file, and reconnecting clients merge their
   history into a reloaded one, which duplicates cells. :func:`restore_unsaved_edits` saves
   the store's content to the file when the file is an earlier state of the store, and
   otherwise (the file changed outside the collaboration) starts a fresh history that
   clients must reload.
3. A save that waited for the file's lock can write an older state over a newer one;
   every save now writes the newest state.
4. A refused connection (close 1003) is still served, so what the client sent meanwhile is
   merged into the room; it is now dropped.
5. Stopping hangs until killed: :func:`release_worker_threads`.
6. A ``save`` request is answered "success" also when a newer edit cancelled the save, and
   the Y store commits each update on its own and falls seconds behind under load: see
   :mod:`.saving` and :mod:`.store`. Every write of the file now commits the store first
   (with the hash of the content written), so the store is never behind a file this server
   wrote, and a restart recognises such a file by its hash.
7. Every connection rewrites the session records (``sessions.json``) in place
   (``save_current_session``: truncate, then write); a kill in between leaves an empty file,
   and the next server refuses every client's session (close 1003, all reload: found by the
   chaos test). The file is now replaced atomically (:func:`save_session_atomically`).
8. ``YNotebook.aget`` reads the cells one by one across event-loop checkpoints, so edits
   applied meanwhile shift them: a cell inserted above the reading position makes it read a
   cell twice, and if that cell changed in between it "corrects" the duplicate by giving the
   live cell a new id (a document edit every client receives: the cell's id is lost); a cell
   deleted above makes it skip one. Rooms call it to compare the document with the file and
   before every save. It now reads the document in one go (:func:`_get_at_once`).
9. Two cells can hold the same id for a while: pycrdt 0.14 (yrs 0.27, y-crdt/y-crdt#632)
   integrates a client's change that arrives ahead of an earlier one of the same client, so a
   cell moved twice (a move deletes the cell and inserts a clone with its id) can arrive as
   the second move first, and the first copy stays until the first move arrives. Upstream's
   ``YNotebook.get`` (every save) then gives the later copy a new random id *in the shared
   document*, an edit every client receives, so the cell keeps that id after the copies
   reconcile. It now de-duplicates the content it returns only (:func:`unique_cell_ids`),
   and the document keeps its ids.
10. The cause of 9: the room's gate (:mod:`.gate`, wired in :func:`.saving.next_message`)
    holds back what a client sends past a gap in its clocks until the gap is filled, as Yjs
    does, so pycrdt never integrates it out of order (9 stays as the guard where the gate is
    off: other pycrdt versions).

They are applied to upstream's classes by :func:`install_durability` (the fix an upstream
pull request would make in ``YDocWebSocketHandler.open`` (before its session check),
``YDocWebSocketHandler.on_message``, ``__anext__`` and ``on_close``,
``FileLoader._save_content_at_path``, ``YDocExtension.stop_extension``,
``YNotebook.aget`` and ``YNotebook._get``), only for the package versions of :mod:`.versions`.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import time
import warnings
from collections.abc import Callable, Iterator
from logging import Logger
from uuid import NAMESPACE_URL, uuid5

from jupyter_server_ydoc import handlers as upstream_handlers
from jupyter_server_ydoc import utils as upstream_utils
from jupyter_server_ydoc.app import YDocExtension
from jupyter_server_ydoc.handlers import YDocWebSocketHandler
from jupyter_server_ydoc.loaders import FileLoader
from jupyter_server_ydoc.rooms import DocumentRoom
from jupyter_server_ydoc.utils import OutOfBandChanges
from jupyter_server_ydoc.websocketserver import JupyterWebsocketServer
from jupyter_ydoc import YNotebook, ydocs
from pycrdt import Doc
from pycrdt.store import YDocNotFound

from .crash_points import crash_point
from .saving import DOCUMENT_ATTRIBUTE, next_message, release_barriers, request_save, save_request_id
from .gate import Gate
from .store import CommitBatchingYStore, content_hash
from .versions import refuse_gate, refuse_unsupported

_INSTALLED = "_pmxlab_durability"
#: Times restore_unsaved_edits reads, compares and saves the file when it changes meanwhile.
_SAVE_ATTEMPTS = 3
#: On stop, how long to wait for disconnected clients to leave their rooms: polls × interval.
_LEAVE_POLLS = 50
_LEAVE_POLL_INTERVAL_S = 0.05
_DOCUMENT = DOCUMENT_ATTRIBUTE
_STORE = "_pmxlab_store"
_LAST_READ = "_pmxlab_last_read"


async def flush_rooms(server: JupyterWebsocketServer, log: Logger) -> None:
    """Disconnects every document room's clients, then saves and stores what they sent.

    Clients are disconnected first so that no edit arrives (and no save is acknowledged)
    after the state is written; they reconnect to the next server and send what it lacks.

    Example: ``await flush_rooms(ydoc_extension.ywebsocket_server, log)`` before stopping rooms.
    """
    rooms = [room for room in list(server.rooms.values()) if isinstance(room, DocumentRoom) and room.ready]
    for room in rooms:
        for client in list(room.clients):
            client.close(1001, "server shutting down")
    for _ in range(_LEAVE_POLLS):
        if not any(room.clients for room in rooms):
            break
        await asyncio.sleep(_LEAVE_POLL_INTERVAL_S)
    await asyncio.gather(*(_flush_room(room, log) for room in rooms))


async def _flush_room(room: DocumentRoom, log: Logger) -> None:
    pending = room._saving_document
    try:
        if pending is not None and not pending.done():
            pending.cancel()
            content = await room._document.aget()
            await room._file.maybe_save_content({"format": room.file_format, "type": room.file_type, "content": content})
            log.info("pmxlab | saved %s on shutdown (its save was pending)", room._file.path)
        if room.ystore is not None:
            # updates reach the store in background tasks that stopping the room cancels
            await room.ystore.encode_state_as_update(room.ydoc)
    except Exception as error:  # one failing room must not keep the others unsaved
        log.error("pmxlab | could not flush room %s on shutdown: %r", room.room_id, error, exc_info=error)


async def restore_unsaved_edits(room: DocumentRoom, log: Logger, forget_sessions: Callable[[], None]) -> None:
    """Makes the file and the Y store agree before the room loads, without losing an edit.

    - The file is an earlier state of the store (its save was never followed by the save of
      later edits: crash, kill): the store's content is saved to the file, and the room
      continues the store's history, which reconnecting clients share.
    - The file is one this server wrote (its content hash is recorded in the store, which
      was committed before the write): as above, without replaying the history.
    - The file holds content the store never held (edited while the server was down): the file wins, as upstream intends, but in a fresh history. The
      store's rows are kept under a ``.diverged-<time>`` name and the session records are
      dropped, so the session check that follows refuses every client (close 1003) and
      they reload instead of merging their old history (which duplicates cells). The
      clients then re-apply unsaved edits.

    Runs before the handler's session check (which upstream does before loading the room).

    Example: ``await restore_unsaved_edits(room, log, forget_sessions)`` before ``handler.open()``.
    """
    ystore = room.ystore
    if ystore is None or room.ready:
        return
    for attempt in range(1, _SAVE_ATTEMPTS + 1):
        # file first, store second, as upstream's initialize does: anyio's worker threads then
        # belong to the request's task, not to the store's long-lived one
        model = await room._file.load_content(room.file_format, room.file_type)
        async with ystore.start_lock:
            if not ystore.started.is_set():
                room.create_task(ystore.start())
                await ystore.started.wait()
        try:
            updates = [update async for update, _metadata, _timestamp in ystore.read()]
        except YDocNotFound:
            return
        on_disk = _persistent(model["content"])
        if isinstance(ystore, CommitBatchingYStore) and ystore.batching and await ystore.wrote(on_disk):
            stored, history_holds_file = _replay(updates, room.file_type)[0], True
        else:
            stored, history_holds_file = _replay(updates, room.file_type, on_disk)
        if stored == on_disk or not history_holds_file:
            break
        log.warning("pmxlab | %s lacks edits kept in the Y store; saving them", room._file.path)
        try:
            setattr(room._file, _STORE, ystore)  # the save records its content hash first
            await room._file.maybe_save_content({"format": room.file_format, "type": room.file_type, "content": stored})
            break
        except OutOfBandChanges:
            # The file's time changed between reading and writing it (seen once in the chaos
            # test after a crash). Giving up here let upstream load the file over the store and
            # lose the edits, so the file is read and compared again.
            if attempt == _SAVE_ATTEMPTS:
                raise
            log.warning("pmxlab | %s changed while its missing edits were being saved; comparing again", room._file.path)
    if stored == on_disk or history_holds_file:
        # Load the store here: upstream would see the trust marks differ and set the file's
        # content over it, re-creating cells that clients then hold twice.
        async with room._update_lock:
            await ystore.apply_updates(room.ydoc)
            room.ready = True
        return
    if not isinstance(ystore, CommitBatchingYStore):
        log.warning("pmxlab | %s: the Y store is not pmxlab's; upstream loads the file over it", room._file.path)
        return
    diverged = f"{ystore.path}.diverged-{int(time.time())}"
    log.warning("pmxlab | %s holds content its Y store never held; reloading it in a new history (old one kept as %s)",
                room._file.path, diverged)
    await ystore.set_aside(diverged)
    forget_sessions()


def _replay(updates: list[bytes], file_type: str, target=None) -> tuple:
    """The stored content, and whether some prefix of the stored updates equals ``target``
    (not looked for when ``target`` is None)."""
    doc = Doc()
    document = ydocs.get(file_type, ydocs["file"])(doc)
    cell_count = len(target["cells"]) if isinstance(target, dict) and isinstance(target.get("cells"), list) else None
    held = False
    for update in updates:
        doc.apply_update(update)
        if target is None or held or (cell_count is not None and getattr(document, "cell_number", cell_count) != cell_count):
            continue
        held = _persistent(document.get()) == target
    return _persistent(document.get()), held


async def _get_at_once(document: YNotebook, deduplicate: bool = True) -> dict:
    """The notebook's content read without yielding to the event loop, so no edit lands midway.

    Blocks the loop for the read (a few milliseconds for hundreds of cells, seconds for
    thousands on a busy machine), which upstream's ``aget`` avoids at the price of reading a
    document that changes under it. The read is remembered with the followed store's update
    count, so a save that follows it at once does not read the document again
    (:func:`_newest_content`).

    Example: ``content = await _get_at_once(room._document)``.
    """
    content = document.get(deduplicate)
    store = document.__dict__.get(_STORE)
    if store is not None:
        document.__dict__[_LAST_READ] = (store.updates_seen, content)
    return content


def unique_cell_ids(content: dict) -> dict:
    """The notebook content with one cell per id, as upstream's de-duplication returns it, computed
    on the content alone: an exact copy of an earlier cell is left out; another cell with a taken
    id gets an id derived from it (``uuid5``, the same on every save while both copies exist).

    Example: ``unique_cell_ids({"cells": [a, a_changed], ...})["cells"][1]["id"] != a["id"]``.
    """
    first: dict[str, dict] = {}
    cells = []
    for cell in content["cells"]:
        cell_id = cell.get("id")
        if cell_id and cell_id in first:
            if cell == first[cell_id]:
                continue
            copy = 1
            while (new_id := str(uuid5(NAMESPACE_URL, f"pmxlab-cell-copy:{cell_id}/{copy}"))) in first:
                copy += 1
            warnings.warn(
                f"pmxlab | two different cells hold the id {cell_id!r} (a change that arrived ahead of an earlier "
                f"one, y-crdt#632): the file gets {new_id!r} for the later one until they reconcile; the shared "
                "document keeps its ids",
                UserWarning,
                stacklevel=2,
            )
            cell = {**cell, "id": new_id}
            cell_id = new_id
        if cell_id:
            first[cell_id] = cell
        cells.append(cell)
    return {**content, "cells": cells}


def _keeping_document_ids(upstream_get: Callable[[YNotebook, bool], Iterator[dict | None]]):
    """``YNotebook._get`` (a generator: ``None`` per cell, then the content) with the
    de-duplication of :func:`unique_cell_ids` instead of upstream's, which renames the live cell."""

    def _get(document: YNotebook, deduplicate: bool) -> Iterator[dict | None]:
        content = None
        for content in upstream_get(document, False):
            if content is None:
                yield None
        yield unique_cell_ids(content) if deduplicate else content

    return _get


def _newest_content(document: YNotebook, store: CommitBatchingYStore | None) -> dict:
    """The document's content now: the last read if no update came since, else a new read."""
    last = document.__dict__.get(_LAST_READ)
    if store is not None and last is not None and last[0] == store.updates_seen:
        return last[1]
    return document.get()


async def save_session_atomically(root_dir: str, session_id: str, version: str, lock: asyncio.Lock,
                                  document_version: str | None = None, session_store_path: str | None = None) -> None:
    """Upstream's ``save_current_session`` applied to a copy of the session records, which
    then replaces them in one step, so a kill never leaves them empty.

    Example: ``await save_session_atomically(root, SERVER_SESSION, version, lock, None, path)``.
    """
    async with lock:
        store = upstream_utils._get_jupyter_session_store(root_dir, session_store_path)
        copy = store.with_name(f".{store.name}.writing")
        if store.exists():
            shutil.copyfile(store, copy)
        else:
            copy.unlink(missing_ok=True)
        await upstream_utils.save_current_session(root_dir, session_id, version, asyncio.Lock(), document_version, str(copy))
        os.replace(copy, store)


def release_worker_threads() -> None:
    """Lets anyio's worker threads end, so a stopping server exits instead of hanging.

    The rooms' file and store I/O runs in anyio worker threads, which are not daemon threads
    and end only when the task that first needed them ends; rooms' tasks never end once the
    event loop stops, so without this the process waits for them until it is killed. A
    worker busy with a last write finishes it first. (anyio 4 internals; does nothing if
    they change.)

    Example: ``release_worker_threads()`` after the rooms are stopped.
    """
    try:
        from anyio._backends._asyncio import _threadpool_workers

        workers = list(_threadpool_workers.get())
    except (ImportError, LookupError):
        return
    for worker in workers:
        worker.stop()


def _persistent(content):
    """The content without cell trust marks, which the contents manager sets on load and
    strips on save (they are not in the file)."""
    if not isinstance(content, dict) or not isinstance(content.get("cells"), list):
        return content
    cells = [{**cell, "metadata": {k: v for k, v in cell.get("metadata", {}).items() if k != "trusted"}} for cell in content["cells"]]
    return {**content, "cells": cells}


def install_durability(log: Logger, forget_sessions: Callable[[], None]) -> bool:
    """Wraps ``YDocWebSocketHandler.open``, ``on_message``, ``__anext__`` and ``on_close``,
    ``FileLoader._save_content_at_path`` and ``YDocExtension.stop_extension``, replaces
    ``YNotebook.aget`` and ``YNotebook._get``, switches on the store's batching and (for the pycrdt
    it was tested with, :func:`.versions.refuse_gate`) the gate (once) — only when the installed
    packages are the versions of :data:`.versions.WRITTEN_FOR`. Otherwise it logs a warning,
    changes nothing (collaboration works as upstream's) and returns False.

    Example: ``install_durability(serverapp.log, forget_sessions)`` from a server extension's load hook.
    """
    if getattr(YDocExtension, _INSTALLED, False):
        return True
    if refuse_unsupported(log):
        return False
    open_ = YDocWebSocketHandler.open
    on_message = YDocWebSocketHandler.on_message
    on_close = YDocWebSocketHandler.on_close
    save_at_path = FileLoader._save_content_at_path
    stop_extension = YDocExtension.stop_extension

    async def open_after_restore(handler: YDocWebSocketHandler, *args, **kwargs) -> None:
        room = handler.room
        if isinstance(room, DocumentRoom) and not room.ready:
            async with handler._room_lock(handler._room_id):
                try:
                    await restore_unsaved_edits(room, log, forget_sessions)
                except Exception as error:  # never block opening the document
                    log.error("pmxlab | could not restore unsaved edits of %s: %r", room.room_id, error, exc_info=error)
        await open_(handler, *args, **kwargs)
        connection = handler.ws_connection
        if connection is None or connection.is_closing():
            # Upstream goes on serving a connection it refused (close 1003): whatever the
            # client sent meanwhile would be merged into the room. Drop it and stop serving.
            while not handler._message_queue.empty():
                handler._message_queue.get_nowait()
            handler._message_queue.put_nowait(b"")
            release_barriers(handler)
        elif isinstance(room, DocumentRoom) and room.ready:
            # No edit was applied since the room became ready (its serve loops start after
            # this returns), so the store misses nothing by following it from here.
            setattr(room._file, _DOCUMENT, room._document)
            if isinstance(room.ystore, CommitBatchingYStore) and room.ystore.follow(room.ydoc):
                setattr(room._file, _STORE, room.ystore)
                room._document.__dict__[_STORE] = room.ystore

    async def on_message_in_order(handler: YDocWebSocketHandler, message) -> None:
        save_id = save_request_id(message)
        if save_id is None:
            return await on_message(handler, message)
        request_save(handler, save_id, log)

    def on_close_releasing(handler: YDocWebSocketHandler) -> None:
        release_barriers(handler)
        on_close(handler)

    async def stop_after_flush(extension: YDocExtension) -> None:
        http_server = getattr(extension.serverapp, "http_server", None)
        if http_server is not None:
            http_server.stop()  # no new connections while the rooms are flushed
        await flush_rooms(extension.ywebsocket_server, log)
        await stop_extension(extension)
        release_worker_threads()

    async def save_after_store(loader: FileLoader, model: dict, path: str) -> dict:
        # Saves take their content before waiting for the file's lock, so a save that waited
        # could write an older state over a newer one; write the newest state instead.
        document = getattr(loader, _DOCUMENT, None)
        store = getattr(loader, _STORE, None)
        if document is not None:
            model = {**model, "content": _newest_content(document, store)}
        # The store first, with the hash of what is written: after a crash the file is then
        # never newer than the store, and a restart knows it as this server's own write.
        if store is not None:
            await store.commit(written=content_hash(_persistent(model["content"])))
        crash_point("store-committed", lambda: json.dumps(model["content"]))
        saved = await save_at_path(loader, model, path)
        crash_point("file-written", lambda: json.dumps(model["content"]))
        return saved

    YDocWebSocketHandler.open = open_after_restore
    upstream_handlers.save_current_session = save_session_atomically
    YDocWebSocketHandler.on_message = on_message_in_order
    YDocWebSocketHandler.__anext__ = next_message
    YDocWebSocketHandler.on_close = on_close_releasing
    FileLoader._save_content_at_path = save_after_store
    YDocExtension.stop_extension = stop_after_flush
    YNotebook.aget = _get_at_once
    YNotebook._get = _keeping_document_ids(YNotebook._get)
    CommitBatchingYStore.batching = True
    Gate.enabled = not refuse_gate(log)
    setattr(YDocExtension, _INSTALLED, True)
    return True
