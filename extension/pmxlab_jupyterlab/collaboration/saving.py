"""A save reply that never lies: "success" only once the file holds what the client sent.

Upstream (jupyter-server-ydoc 3.0.4, ``YDocWebSocketHandler.on_message``) answers a RAW
``save`` request with the room's debounced save task: a newer edit from anyone cancels that
task before it writes (the task swallows the cancellation), and the reply still says
"success" — under a steady stream of edits nearly every such save is cancelled, and the
debounced save that would follow never fires. The save also runs without regard to the
client's earlier Yjs messages, which wait in the handler's ``_message_queue`` for the room's
serve loop (read from tornado 6.6: each message is handed over in its own task, so the loop
has normally drained the queue first, but nothing guarantees it).

:func:`request_save` instead puts a barrier into the same queue, waits until the serve loop
reaches it (every earlier message applied) and, where the room's gate holds back changes
the connection sent past a gap in their client's clocks (:mod:`.gate`), until they are
applied; then it writes the file itself (the store is committed first, see
:mod:`.durability`) and answers "success" only when the write returned; "failed" otherwise
(also when the held changes are dropped or not applied within the timeout). The waiting
and the write run in a task of their own, so the connection's later messages keep flowing.
"""

from __future__ import annotations

import asyncio
import json
from logging import Logger

from jupyter_server_ydoc.handlers import YDocWebSocketHandler
from jupyter_server_ydoc.rooms import DocumentRoom
from jupyter_server_ydoc.utils import MessageType, OutOfBandChanges
from pycrdt import Decoder

from .crash_points import crash_point
from .gate import OVERFLOW_CLOSE_CODE, Gate, admit_message

#: Longest a save request waits for the client's earlier messages to be applied, changes the
#: gate holds back included (seconds).
BARRIER_TIMEOUT_S = 30.0
_BARRIERS = "_pmxlab_save_barriers"
_SAVER = "_pmxlab_saver"
_SAVES = "_pmxlab_save_tasks"
_GATE = "_pmxlab_gate"
#: The loader attribute naming the document whose newest state every save writes (durability).
DOCUMENT_ATTRIBUTE = "_pmxlab_document"


class SaveBarrier:
    """A marker in a handler's message queue; ``passed`` resolves when the serve loop reaches it."""

    def __init__(self) -> None:
        self.passed: asyncio.Future[None] = asyncio.get_running_loop().create_future()


def save_request_id(message: bytes) -> int | None:
    """The id of a RAW ``save`` request, or None for any other message."""
    try:
        decoder = Decoder(message)
        if decoder.read_var_uint() != MessageType.RAW or decoder.read_var_string() != "save":
            return None
        return decoder.read_var_uint()
    except Exception:
        return None


async def next_message(handler: YDocWebSocketHandler) -> bytes:
    """The handler's next Yjs message for the serve loop, passing (and releasing) barriers.

    With the room's gate (:mod:`.gate`) the loop gets only the part of an update that can be
    integrated now; before waiting, held parts whose gap the last message filled are applied
    (the serve loop calls this right after applying each message), and when the connection
    ends, what it sent that is still held is dropped.
    """
    gate = room_gate(handler)
    while True:
        if gate is not None:
            gate.release()
        message = await handler._message_queue.get()
        if isinstance(message, SaveBarrier):
            if not message.passed.done():
                message.passed.set_result(None)
            continue
        if not message:
            if gate is not None:
                gate.forget(handler)
            raise StopAsyncIteration()
        if gate is not None:
            message = admit_message(gate, handler, message)
            if message is None:
                continue
        return message


def room_gate(handler: YDocWebSocketHandler) -> Gate | None:
    """The gate of the handler's document room (made on first use), None where it is off."""
    room = handler.room
    if not Gate.enabled or not isinstance(room, DocumentRoom):
        return None
    gate = room.__dict__.get(_GATE)
    if gate is None:
        gate = room.__dict__[_GATE] = Gate(room.ydoc, room.log, room.room_id, _close_overflowing, _describe)
    return gate


def _close_overflowing(handler: YDocWebSocketHandler) -> None:
    handler.close(OVERFLOW_CLOSE_CODE, "too many changes held back; reconnect and sync")


def _describe(handler: YDocWebSocketHandler) -> str:
    try:
        return f"{handler.current_user.username} at {handler.request.remote_ip}"
    except Exception:
        return "a closed connection"


def release_barriers(handler: YDocWebSocketHandler) -> None:
    """Fails the save requests of a closing connection that still wait for their barrier."""
    for barrier in getattr(handler, _BARRIERS, ()):
        if not barrier.passed.done():
            barrier.passed.cancel()


def request_save(handler: YDocWebSocketHandler, save_id: int, log: Logger) -> None:
    """Puts the save request's barrier into the connection's message queue (behind the
    messages that came before it) and answers it from a task of its own (:func:`answer_save`).

    Tornado reads a connection's next message only once ``on_message`` has returned, so
    awaiting the save there would hold up the connection's later messages for the whole
    save, and a save waiting for changes the gate holds back until a later message fills
    their gap would wait for itself until it timed out.
    """
    barrier = None
    if isinstance(handler.room, DocumentRoom):
        barrier = SaveBarrier()
        handler.__dict__.setdefault(_BARRIERS, set()).add(barrier)
        handler._message_queue.put_nowait(barrier)
    task = asyncio.ensure_future(answer_save(handler, save_id, barrier, log))
    tasks = handler.__dict__.setdefault(_SAVES, set())
    tasks.add(task)  # the loop keeps only weak references to tasks
    task.add_done_callback(tasks.discard)


async def answer_save(handler: YDocWebSocketHandler, save_id: int, barrier: SaveBarrier | None, log: Logger) -> None:
    """Saves once the client's earlier messages are applied (``barrier`` passed, the changes
    of theirs the gate held back applied) and replies with the outcome; "failed" without a
    barrier (not a document room)."""
    room = handler.room
    status = "failed"
    if barrier is not None:
        try:
            async with asyncio.timeout(BARRIER_TIMEOUT_S):
                await barrier.passed
                gate = room_gate(handler)
                held_applied = gate is None or await gate.settled(handler)
            status = await _saver(room, log).save() if held_applied else "failed"
        except (asyncio.CancelledError, asyncio.TimeoutError):
            status = "failed"  # the connection closed, or its messages were not all applied in time
        finally:
            handler.__dict__.get(_BARRIERS, set()).discard(barrier)
    reply = handler._encode_json_message({"type": "save", "responseTo": save_id, "status": status})
    try:
        await handler.write_message(reply, binary=True)
    except Exception:
        return  # closed meanwhile: no reply, which acknowledges nothing
    if status == "success":
        crash_point("save-replied", lambda: json.dumps(room._document.get()))


class RoomSaver:
    """Coalesces a room's save requests: one write covers every request made before it began.

    A busy class asks for many saves a second and each write serialises the whole notebook,
    so requests that arrive while a write runs wait for the next one, which writes the newest
    state (it includes their edits: their barriers had passed when they asked).

    Example: ``status = await RoomSaver(room, log).save()``.
    """

    def __init__(self, room: DocumentRoom, log: Logger) -> None:
        self.room = room
        self.log = log
        self.requested = 0  # requests numbered in arrival order
        self.covered = 0  # every request up to this number is in the file
        self.lock = asyncio.Lock()

    async def save(self) -> str:
        self.requested += 1
        ticket = self.requested
        async with self.lock:
            if self.covered >= ticket:
                return "success"
            covering = self.requested
            status = await save_room(self.room, self.log)
            if status == "success":
                self.covered = max(self.covered, covering)
            return status


def _saver(room: DocumentRoom, log: Logger) -> RoomSaver:
    saver = room.__dict__.get(_SAVER)
    if saver is None:
        saver = room.__dict__[_SAVER] = RoomSaver(room, log)
    return saver


async def save_room(room: DocumentRoom, log: Logger) -> str:
    """Writes the room's document to its file now: "success" once written, else "failed"."""
    async with room._update_lock:
        pass  # a load or an out-of-band reload in progress finishes first (upstream: "skipped")
    try:
        # a loader that knows the document reads it once it holds the file's lock
        known = getattr(room._file, DOCUMENT_ATTRIBUTE, None) is room._document
        content = None if known else room._document.get()
        saved = await room._file.maybe_save_content({"format": room.file_format, "type": room.file_type, "content": content})
    except OutOfBandChanges:
        log.info("pmxlab | %s changed outside the collaboration; the save request fails", room._file.path)
        room.create_task(room._on_outofband_change())
        return "failed"
    except Exception as error:
        log.error("pmxlab | could not save %s: %r", room._file.path, error, exc_info=error)
        return "failed"
    if saved is None:
        return "failed"  # not writable
    room._document.dirty = False
    room._document.hash = saved["hash"]
    return "success"
