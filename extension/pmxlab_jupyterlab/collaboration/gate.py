"""Holds back a client's changes that arrive past a gap in its clocks, as Yjs does.

Every change a Yjs client makes gets the next clock of that client. Yjs integrates a change
only once all earlier clocks of its client are integrated and keeps the rest pending until
the gap is filled. yrs 0.27 (pycrdt 0.14) integrates it as soon as the items it refers to
exist, and leaves what it integrated past the gap out of the transaction's update
(y-crdt/y-crdt#632), so the Y store and the other clients never get it. y-websocket causes
such a gap at every reconnect with offline edits: new edits are sent as soon as the socket
opens, the offline ones in the sync step 2 that answers the server's sync step 1. A cell
moved twice whose second move arrives first was then held twice.

A :class:`Gate` per room gives pycrdt only what Yjs would integrate now
(:meth:`Gate.admit`) and holds the rest, per connection that sent it. Once the document has
the missing clocks, :meth:`Gate.release` applies the held part as a normal update, which the
store records and the room broadcasts. A save waits for its connection's held changes
(:meth:`Gate.settled`). Held bytes are capped per connection and per room: past a cap the
connection's held changes are dropped and the connection is closed (``on_overflow``); the
client reconnects and its sync step 2 sends everything the server lacks again, the dropped
part included. A connection's held changes are dropped when it ends: they belong to a Y
client whose earlier changes the server lacks, and whichever client holds those sends them,
together with everything after them, in its sync step 2 (computed from the server's state,
which lacks both).

Active only for the pycrdt version it was tested with (:mod:`.versions`).

Example::

    gate = Gate(room.ydoc, log, room.room_id)
    part = gate.admit(connection, update)   # what to apply now, or None
    if part is not None:
        room.ydoc.apply_update(part)
    gate.release()                          # held parts whose gap is filled are applied
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from logging import Logger

from pycrdt import Doc, write_var_uint

from .update_format import (
    EMPTY_DELETE_SET,
    Run,
    UpdateFormatError,
    encode_update,
    read_state_vector,
    read_update,
    read_var_uint,
)

#: Most bytes of changes held back for one connection (a reconnect holds a few kilobytes).
MAX_HELD_BYTES_PER_CONNECTION = 2 * 2**20
#: Most bytes of changes held back in one room, all connections together.
MAX_HELD_BYTES_PER_ROOM = 8 * 2**20
#: Close code for a connection whose held changes passed a cap ("try again later"):
#: y-websocket reconnects and sends what the server lacks in its sync step 2.
OVERFLOW_CLOSE_CODE = 1013
#: y-protocols message types: a sync message (0) of kind step 2 (1) or update (2) carries an update.
_SYNC, _SYNC_STEP2, _SYNC_UPDATE = 0, 1, 2


def split(runs: tuple[Run, ...] | list[Run], state: dict[int, int]) -> tuple[list[Run], list[Run]]:
    """(runs Yjs would integrate now, runs it would hold) against a document's state vector.

    A run is integrated when its client's clocks up to its start are all there (it may
    overlap them); a run past a gap is held, and so is every later run of its client. Runs
    the state holds entirely are left out of both. ``runs`` are in clock order per client.

    Example: with state ``{7: 10}``, runs of client 7 at clocks 5-12 and 20-25 split into
    ``([5-12], [20-25])``.
    """
    now: list[Run] = []
    held: list[Run] = []
    reached: dict[int, int] = {}
    for run in runs:
        have = reached.get(run.client, state.get(run.client, 0))
        if run.end <= have:
            continue
        if run.start <= have:
            now.append(run)
            reached[run.client] = run.end
        else:
            held.append(run)
            reached[run.client] = -1  # nothing after a held run fits either
    return now, held


@dataclass(eq=False)
class _Held:
    """Changes held back for a connection: runs still missing from the document, and the
    update's delete set (applied with every part: deleting twice changes nothing)."""

    connection: object
    runs: list[Run]
    delete_set: bytes
    size: int
    released: bool | None = None  # True once applied, False if dropped
    outcome: asyncio.Future | None = None


class Gate:
    """One room's changes held back until the clocks before them arrive (module docstring)."""

    #: Set by install_durability when the installed pycrdt is the version this was tested with.
    enabled = False

    def __init__(
        self,
        doc: Doc,
        log: Logger,
        room: str,
        on_overflow: Callable[[object], None] = lambda connection: None,
        describe: Callable[[object], str] = repr,
        max_connection_bytes: int = MAX_HELD_BYTES_PER_CONNECTION,
        max_room_bytes: int = MAX_HELD_BYTES_PER_ROOM,
    ) -> None:
        self.doc = doc
        self.log = log
        self.room = room
        self.on_overflow = on_overflow
        self.describe = describe
        self.max_connection_bytes = max_connection_bytes
        self.max_room_bytes = max_room_bytes
        self._held: list[_Held] = []
        self._checked_state: bytes | None = None  # the document's state when nothing fitted

    @property
    def held_bytes(self) -> int:
        return sum(entry.size for entry in self._held)

    def holds(self, connection: object) -> bool:
        """Whether changes that ``connection`` sent are held back."""
        return bool(self._held_for(connection))

    def admit(self, connection: object, update: bytes) -> bytes | None:
        """The part of ``update`` (sent by ``connection``) to apply now: ``update`` itself when
        nothing lies past a gap, else an update of the rest (its delete set included), or None
        when nothing is left. The part past a gap is held. Raises :class:`UpdateFormatError`
        (nothing held) when ``update`` is not a Yjs v1 update.
        """
        parsed = read_update(update)
        state = read_state_vector(self.doc.get_state())
        now, held = split(parsed.runs, state)
        if not held:
            return update
        entry = _Held(connection, held, parsed.delete_set, sum(len(run.body) for run in held) + len(parsed.delete_set))
        self._held.append(entry)
        first = held[0]
        self.log.info(
            "pmxlab | room %s: holding back %d bytes from %s until the clocks before them arrive "
            "(client %d from clock %d; the document has it up to %d)",
            self.room, entry.size, self.describe(connection), first.client, first.start, state.get(first.client, 0),
        )
        self._enforce_caps(connection)
        if not now and parsed.delete_set == EMPTY_DELETE_SET:
            return None
        return encode_update(now, parsed.delete_set)

    def release(self) -> None:
        """Applies held parts whose gap the document has filled, each as a normal update."""
        if not self._held:
            return
        state_bytes = self.doc.get_state()
        if state_bytes == self._checked_state:
            return
        while True:
            state = read_state_vector(state_bytes)
            applied = False
            for entry in list(self._held):
                now, rest = split(entry.runs, state)
                if not now and len(rest) == len(entry.runs):
                    continue
                entry.runs = rest
                if now:
                    applied = True
                    try:
                        self.doc.apply_update(encode_update(now, entry.delete_set))
                    except Exception as error:
                        self.log.error("pmxlab | room %s: could not apply changes held back for %s: %r; dropped "
                                       "(the client sends them again when it reconnects)",
                                       self.room, self.describe(entry.connection), error)
                        self._finish(entry, False)
                        break
                    self.log.info("pmxlab | room %s: applied %d runs held back for %s%s", self.room, len(now),
                                  self.describe(entry.connection), "" if not rest else f" ({len(rest)} still held)")
                if not rest:
                    self._finish(entry, True)
                    if not now:
                        self.log.info("pmxlab | room %s: what was held back for %s arrived again with the changes "
                                      "before it", self.room, self.describe(entry.connection))
                if applied:
                    break
            if not applied or not self._held:
                break
            state_bytes = self.doc.get_state()
        self._checked_state = state_bytes

    def forget(self, connection: object) -> None:
        """Drops what ``connection`` sent that is still held (it ended; module docstring: why
        that loses nothing)."""
        entries = self._held_for(connection)
        for entry in entries:
            self._finish(entry, False)
        if entries:
            self.log.info("pmxlab | room %s: dropped %d bytes held back for %s, which ended (the client sends "
                          "them again with the changes before them when it reconnects)",
                          self.room, sum(entry.size for entry in entries), self.describe(connection))

    async def settled(self, connection: object) -> bool:
        """Waits until the changes ``connection`` sent so far are applied: True, or False if any
        of them were dropped (their connection ended, a cap was passed, or they failed to apply)."""
        loop = asyncio.get_running_loop()
        for entry in self._held_for(connection):
            if entry.released is None:
                if entry.outcome is None:
                    entry.outcome = loop.create_future()
                await asyncio.shield(entry.outcome)  # a waiter that times out leaves it to others
            if not entry.released:
                return False
        return True

    def _enforce_caps(self, connection: object) -> None:
        entries = self._held_for(connection)
        mine = sum(entry.size for entry in entries)
        total = self.held_bytes
        if mine <= self.max_connection_bytes and total <= self.max_room_bytes:
            return
        for entry in entries:
            self._finish(entry, False)
        self.log.warning(
            "pmxlab | room %s: %d bytes held back for %s (%d in the room) pass the cap of %d per connection "
            "(%d per room); dropped, and the connection is closed so that the client sends them again "
            "when it reconnects", self.room, mine, self.describe(connection), total,
            self.max_connection_bytes, self.max_room_bytes,
        )
        self.on_overflow(connection)

    def _held_for(self, connection: object) -> list[_Held]:
        """The entries held for ``connection``, as a new list (finishing one removes it from ``_held``)."""
        return [entry for entry in self._held if entry.connection == connection]

    def _finish(self, entry: _Held, released: bool) -> None:
        entry.released = released
        self._held.remove(entry)
        if entry.outcome is not None and not entry.outcome.done():
            entry.outcome.set_result(released)


def admit_message(gate: Gate, connection: object, message: bytes) -> bytes | None:
    """The y-protocols message for the room's serve loop: ``message`` itself unless it is a
    sync step 2 or update with a part past a gap (then the message of the part to apply now,
    or None if nothing is). A sync message whose update cannot be read is dropped with one
    error in the log naming the room, the connection and what is wrong at which byte.
    """
    if len(message) < 2 or message[0] != _SYNC or message[1] not in (_SYNC_STEP2, _SYNC_UPDATE):
        return message
    try:
        length, start = read_var_uint(message, 2, "sync message")
        if start + length > len(message):
            raise UpdateFormatError(f"sync message: truncated ({length} bytes of update announced, "
                                    f"{len(message) - start} there)")
        update = bytes(message[start : start + length])
        part = gate.admit(connection, update)
    except UpdateFormatError as error:
        gate.log.error("pmxlab | room %s: dropped a sync message from %s that is not a Yjs update: %s",
                       gate.room, gate.describe(connection), error)
        return None
    if part is update:
        return message
    if part is None:
        return None
    return bytes(message[:2]) + write_var_uint(len(part)) + part
