"""A Y update store that keeps up: the document's updates committed in batches, in order.

pycrdt-store's ``SQLiteYStore.write`` commits each update in its own transaction, in a task
the room starts per update; under a busy class (hundreds of updates a second) the commits
queue up and the store falls seconds behind the document, and everything queued is lost
with the process. :class:`CommitBatchingYStore` instead

- captures every update of the room's document the moment it is applied
  (:meth:`~CommitBatchingYStore.follow`), so "everything the document holds now" is always
  either committed or queued here;
- commits what is queued in one transaction per batch (group commit: while one batch
  commits, the next one gathers), at most :data:`MAX_BATCH_UPDATES` updates a transaction,
  so a commit's time stays bounded;
- lets a save wait for the store (:meth:`~CommitBatchingYStore.commit`) and record the hash
  of the content it is about to write to the file, in the same transaction, so the store is
  never behind a file this server wrote and a restart recognises that file as its own
  (:meth:`~CommitBatchingYStore.wrote`).

Batching is switched on by :func:`.durability.install_durability` only for the package
versions it was written for (``batching``); otherwise the store behaves as upstream's.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections import deque

from pycrdt import Doc, Subscription
from pycrdt.store import SQLiteYStore

from .crash_points import crash_point

#: Most updates committed in one transaction (a commit of 500 small updates takes a few ms).
MAX_BATCH_UPDATES = 500
#: Updates between two rebuilds of the document's checkpoint (upstream rebuilds every 100).
CHECKPOINT_EVERY = 2000
#: Hashes of file writes kept per document: the file holds the newest one, or one being written.
WRITES_KEPT = 20
#: Commit latencies kept for the benchmark (seconds from an update's capture to its commit).
LATENCIES_KEPT = 100_000
#: The update a transaction that changed nothing produces.
EMPTY_UPDATE = b"\x00\x00"

_WRITES_TABLE = (
    "CREATE TABLE IF NOT EXISTS pmxlab_file_writes "
    "(path TEXT NOT NULL, content_hash TEXT NOT NULL, timestamp REAL NOT NULL)"
)


def content_hash(content) -> str:
    """The SHA-256 of a document's content as canonical JSON (sorted keys), the identity of a
    file write that a restart compares with the file's content.

    Example: ``content_hash({"cells": [], "metadata": {}})``.
    """
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class CommitBatchingYStore(SQLiteYStore):
    """pycrdt-store's SQLite store with batched, ordered commits of a followed document.

    Example::

        store = ProjectSQLiteYStore(path="json:notebook:<id>")  # a subclass
        store.follow(room.ydoc)          # from now on every update is queued as it is applied
        await store.commit(written=content_hash(content))  # store holds all; the write recorded
    """

    #: Set by install_durability when the installed pycrdt-store is the one this was written for.
    batching = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pending: list[tuple[bytes, float]] = []
        self._pending_writes: list[str] = []
        self._queued = 0  # updates queued since start (a sequence number)
        self._committed = 0
        self._writes_queued = 0
        self._writes_committed = 0
        self._since_checkpoint = 0
        self._subscription: Subscription | None = None
        self._flusher: asyncio.Task | None = None
        self.commit_latencies: deque[float] = deque(maxlen=LATENCIES_KEPT)

    @property
    def updates_seen(self) -> int:
        """How many updates were queued so far: unchanged while the followed document is."""
        return self._queued

    def follow(self, ydoc: Doc) -> bool:
        """Queues every later update of ``ydoc`` as it is applied (and its state now, so
        nothing applied before is missed); the room's own per-update writes are then ignored.
        Call once the room's document is loaded. Returns whether the store follows it."""
        if not self.batching:
            return False
        if self._subscription is None:
            self._subscription = ydoc.observe(lambda event: self._queue(event.update))
            self._queue(ydoc.get_update())
        return True

    async def write(self, data: bytes) -> None:
        if not self.batching:
            return await super().write(data)
        if self._subscription is not None:
            return  # an update of the followed document: queued when it was applied
        self._queue(data)
        await self.commit()

    async def encode_state_as_update(self, ydoc: Doc) -> None:
        if not self.batching:
            return await super().encode_state_as_update(ydoc)
        self._queue(ydoc.get_update())
        await self.commit()

    async def commit(self, written: str | None = None) -> None:
        """Returns once every update queued so far is committed, together with ``written``
        (the :func:`content_hash` of a file write about to happen) if given."""
        if written is not None:
            self._pending_writes.append(written)
            self._writes_queued += 1
        updates, writes = self._queued, self._writes_queued
        while self._committed < updates or self._writes_committed < writes:
            async with self.lock:
                if self._committed < updates or self._writes_committed < writes:
                    await self._commit_batch()

    async def wrote(self, content) -> bool:
        """Whether this store recorded writing ``content`` to the document's file."""
        await self._ensure_writes_table()
        async with self.lock:
            async with self._db:
                cursor = await self._db.cursor()
                await cursor.execute(
                    "SELECT 1 FROM pmxlab_file_writes WHERE path = ? AND content_hash = ? LIMIT 1",
                    (self.path, content_hash(content)),
                )
                return await cursor.fetchone() is not None

    async def set_aside(self, new_path: str) -> None:
        """Moves the document's history (updates, checkpoint, file writes) to ``new_path``,
        leaving this path empty for a fresh history."""
        await self._ensure_writes_table()
        async with self.lock:
            async with self._db:
                cursor = await self._db.cursor()
                await cursor.execute("UPDATE yupdates SET path = ? WHERE path = ?", (new_path, self.path))
                await cursor.execute("DELETE FROM ycheckpoints WHERE path = ?", (self.path,))
                await cursor.execute("UPDATE pmxlab_file_writes SET path = ? WHERE path = ?", (new_path, self.path))

    def _queue(self, update: bytes) -> None:
        if update == EMPTY_UPDATE:
            return
        self._pending.append((update, time.monotonic()))
        self._queued += 1
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.ensure_future(self._flush_in_background())

    async def _flush_in_background(self) -> None:
        try:
            await self.commit()
        except Exception as error:  # the next update or save tries again
            self.log.error("pmxlab | could not commit Y updates of %s: %r", self.path, error, exc_info=error)

    async def _ensure_writes_table(self) -> None:
        if self.db_initialized is None:
            raise RuntimeError("YStore not started")
        await self.db_initialized.wait()
        if getattr(self, "_writes_table_ready", False):
            return
        async with self.lock:
            async with self._db:
                cursor = await self._db.cursor()
                await cursor.execute(_WRITES_TABLE)
        self._writes_table_ready = True

    async def _commit_batch(self) -> None:
        """One transaction: the first queued updates, the queued file writes, maybe a new
        checkpoint. Called with ``self.lock`` held; the batch leaves the queue once committed."""
        if self.db_initialized is None:
            raise RuntimeError("YStore not started")
        await self.db_initialized.wait()
        batch = self._pending[:MAX_BATCH_UPDATES]
        writes = list(self._pending_writes)
        now = time.time()
        async with self._db:
            cursor = await self._db.cursor()
            await cursor.execute(_WRITES_TABLE)
            metadata = await self.get_metadata()
            await cursor.executemany(
                "INSERT INTO yupdates VALUES (?, ?, ?, ?)",
                [(self.path, self._compress(update) if self._compress else update, metadata, now) for update, _ in batch],
            )
            if writes:
                await cursor.executemany(
                    "INSERT INTO pmxlab_file_writes VALUES (?, ?, ?)", [(self.path, written, now) for written in writes]
                )
                await cursor.execute(
                    "DELETE FROM pmxlab_file_writes WHERE path = ? AND rowid NOT IN "
                    "(SELECT rowid FROM pmxlab_file_writes WHERE path = ? ORDER BY rowid DESC LIMIT ?)",
                    (self.path, self.path, WRITES_KEPT),
                )
            if self._since_checkpoint + len(batch) >= CHECKPOINT_EVERY:
                await self._checkpoint(cursor, now)
            crash_point("store-batch", lambda: b"".join(update for update, _ in batch))
        self._writes_table_ready = True
        committed = time.monotonic()
        self.commit_latencies.extend(committed - queued for _, queued in batch)
        del self._pending[: len(batch)]
        del self._pending_writes[: len(writes)]
        self._committed += len(batch)
        self._writes_committed += len(writes)
        self._since_checkpoint = 0 if self._since_checkpoint + len(batch) >= CHECKPOINT_EVERY else self._since_checkpoint + len(batch)

    async def _checkpoint(self, cursor, now: float) -> None:
        """The document's state as one checkpoint row, which loading starts from (as upstream's)."""
        await cursor.execute("SELECT checkpoint, timestamp FROM ycheckpoints WHERE path = ?", (self.path,))
        row = await cursor.fetchone()
        ydoc = Doc()
        since = 0.0
        if row:
            blob, since = row
            ydoc.apply_update(self._decompress(blob) if self._decompress else blob)
        await cursor.execute(
            "SELECT yupdate FROM yupdates WHERE path = ? AND timestamp >= ? ORDER BY timestamp ASC", (self.path, since)
        )
        for (update,) in await cursor.fetchall():
            ydoc.apply_update(self._decompress(update) if self._decompress else update)
        state = ydoc.get_update()
        await cursor.execute(
            "INSERT OR REPLACE INTO ycheckpoints (path, checkpoint, timestamp) VALUES (?, ?, ?)",
            (self.path, self._compress(state) if self._compress else state, now),
        )
