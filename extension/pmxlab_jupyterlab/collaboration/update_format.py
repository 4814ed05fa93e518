"""Yjs updates (encoding v1, what y-websocket clients send) read at the level the gate needs:
which clocks of which client an update carries, in runs that can be cut out and re-encoded.

An update is a count of clients, then for each client its number of structs, its id, the clock
of its first struct and the structs; then the delete set. A v1 struct is self-contained (its
content, origins and parent are written out in full), so consecutive structs can be copied
byte for byte into a new update. A Skip struct stands for clocks the update does not carry
(Yjs writes one where a merged update, or a sync step 2 with pending structs, has a gap).

Written from Yjs 13.6's ``writeClientsStructs``/``readClientsStructRefs``
(``src/utils/encoding.js``), ``readItemContent`` (``src/structs/Item.js``) and lib0's
``readAny``; :mod:`.versions` turns the gate off for other pycrdt versions than the one the
round trip was tested with.

Example::

    update = read_update(data)                 # UpdateFormatError if it is not one
    again = encode_update(update.runs, update.delete_set)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pycrdt import write_var_uint

#: A delete set that deletes nothing (no clients).
EMPTY_DELETE_SET = b"\x00"
_GC, _SKIP = 0, 10
_ORIGIN, _RIGHT_ORIGIN, _PARENT_SUB = 0x80, 0x40, 0x20
#: Content refs (the low five bits of an item's info byte), Yjs's ``contentRefs``.
_DELETED, _JSON, _BINARY, _STRING, _EMBED, _FORMAT, _TYPE, _ANY, _DOC = range(1, 10)
#: Type refs of ContentType that carry a name (YXmlElement, YXmlHook).
_NAMED_TYPES = (3, 5)


class UpdateFormatError(ValueError):
    """Data that is not a Yjs v1 update; the message says what is wrong and at which byte."""


@dataclass(frozen=True)
class Run:
    """Consecutive structs of one client, covering its clocks ``start`` to ``end`` (exclusive):
    ``count`` structs encoded in ``body`` (v1, byte for byte as they arrived)."""

    client: int
    start: int
    end: int
    count: int
    body: bytes


@dataclass(frozen=True)
class Update:
    """An update's structs as runs (split at Skip structs) and its delete set (encoded)."""

    runs: tuple[Run, ...]
    delete_set: bytes


class _Reader:
    """lib0 decoding over bytes; every read past the end raises :class:`UpdateFormatError`."""

    def __init__(self, data: bytes, what: str) -> None:
        self.data = data
        self.pos = 0
        self.what = what

    def fail(self, problem: str) -> UpdateFormatError:
        return UpdateFormatError(f"{self.what}: {problem} at byte {self.pos} of {len(self.data)}")

    def u8(self) -> int:
        if self.pos >= len(self.data):
            raise self.fail("truncated")
        byte = self.data[self.pos]
        self.pos += 1
        return byte

    def var_uint(self) -> int:
        data, pos = self.data, self.pos
        if pos < len(data) and data[pos] < 0x80:  # most numbers in an update fit one byte
            self.pos = pos + 1
            return data[pos]
        value = shift = 0
        while True:
            byte = self.u8()
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                return value
            shift += 7
            if shift > 63:
                raise self.fail("variable-length integer longer than 64 bits")

    def skip_var_int(self) -> None:
        while self.u8() & 0x80:
            pass

    def take(self, length: int) -> bytes:
        if self.pos + length > len(self.data):
            raise self.fail(f"truncated ({length} bytes announced)")
        chunk = self.data[self.pos : self.pos + length]
        self.pos += length
        return chunk

    def var_bytes(self) -> bytes:
        return self.take(self.var_uint())

    def skip_pair(self) -> None:
        """Skips two integers: an id (client, clock) or a deleted range (clock, length)."""
        self.var_uint()
        self.var_uint()

    def utf16_length(self) -> int:
        """Reads a string and returns its length in UTF-16 code units (Yjs's ``string.length``)."""
        raw = self.var_bytes()
        if raw.isascii():
            return len(raw)
        try:
            return len(raw.decode("utf-8", "surrogatepass").encode("utf-16-le", "surrogatepass")) // 2
        except UnicodeError as error:
            raise self.fail(f"string that is not UTF-8 ({error.reason})") from None

    def any(self, depth: int = 0) -> None:
        """Skips one lib0 ``Any`` value."""
        if depth > 100:
            raise self.fail("value nested more than 100 deep")
        tag = self.u8()
        if tag in (127, 126, 121, 120):  # undefined, null, false, true
            return
        if tag == 125:  # integer
            self.skip_var_int()
        elif tag == 124:  # float32
            self.take(4)
        elif tag in (123, 122):  # float64, bigint64
            self.take(8)
        elif tag == 119:  # string
            self.var_bytes()
        elif tag == 118:  # object
            for _ in range(self.var_uint()):
                self.var_bytes()
                self.any(depth + 1)
        elif tag == 117:  # array
            for _ in range(self.var_uint()):
                self.any(depth + 1)
        elif tag == 116:  # Uint8Array
            self.var_bytes()
        else:
            self.pos -= 1
            raise self.fail(f"unknown value type {tag}")


def _struct(reader: _Reader) -> tuple[int, int]:
    """Reads one struct: its ref (0 GC, 10 Skip, 1-9 an item's content) and length in clocks."""
    info = reader.u8()
    ref = info & 0x1F
    if ref in (_GC, _SKIP):
        return ref, reader.var_uint()
    if ref > _DOC:
        reader.pos -= 1
        raise reader.fail(f"unknown struct type {ref}")
    if info & _ORIGIN:
        reader.skip_pair()
    if info & _RIGHT_ORIGIN:
        reader.skip_pair()
    if not info & (_ORIGIN | _RIGHT_ORIGIN):
        if reader.var_uint() == 1:
            reader.var_bytes()  # a root type's name
        else:
            reader.skip_pair()  # the parent item's id
        if info & _PARENT_SUB:
            reader.var_bytes()
    if ref == _DELETED:
        return ref, reader.var_uint()
    if ref in (_JSON, _ANY):  # a count of values: JSON strings, or lib0 Any values
        count = reader.var_uint()
        skip_value = reader.var_bytes if ref == _JSON else reader.any
        for _ in range(count):
            skip_value()
        return ref, count
    if ref == _BINARY:
        reader.var_bytes()
    elif ref == _STRING:
        return ref, reader.utf16_length()
    elif ref == _EMBED:
        reader.var_bytes()
    elif ref == _FORMAT:
        reader.var_bytes()  # key
        reader.var_bytes()  # value (JSON)
    elif ref == _TYPE:
        if reader.var_uint() in _NAMED_TYPES:
            reader.var_bytes()
    elif ref == _DOC:
        reader.var_bytes()
        reader.any()
    return ref, 1


def read_update(data: bytes) -> Update:
    """The runs and delete set of a v1 update; :class:`UpdateFormatError` if ``data`` is not one.

    Example: ``[(run.client, run.start, run.end) for run in read_update(data).runs]``.
    """
    reader = _Reader(data, "Y update")
    runs: list[Run] = []
    for _ in range(reader.var_uint()):
        count, client, clock = reader.var_uint(), reader.var_uint(), reader.var_uint()
        run_at, run_start, run_count = reader.pos, clock, 0
        for _ in range(count):
            at = reader.pos
            ref, length = _struct(reader)
            if ref == _SKIP:
                if run_count:
                    runs.append(Run(client, run_start, clock, run_count, data[run_at:at]))
                run_at, run_start, run_count = reader.pos, clock + length, 0
            else:
                run_count += 1
            clock += length
        if run_count:
            runs.append(Run(client, run_start, clock, run_count, data[run_at : reader.pos]))
    delete_set_at = reader.pos
    for _ in range(reader.var_uint()):
        reader.var_uint()
        for _ in range(reader.var_uint()):
            reader.skip_pair()  # clock and length of a deleted range
    return Update(tuple(runs), data[delete_set_at : reader.pos])


def read_state_vector(data: bytes) -> dict[int, int]:
    """A state vector (client id → number of clocks held), as ``Doc.get_state`` encodes it."""
    reader = _Reader(data, "state vector")
    return {reader.var_uint(): reader.var_uint() for _ in range(reader.var_uint())}


def read_var_uint(data: bytes, pos: int, what: str) -> tuple[int, int]:
    """Reads a variable-length integer of ``data`` at ``pos``: (value, position after it)."""
    reader = _Reader(data, what)
    reader.pos = pos
    return reader.var_uint(), reader.pos


def encode_update(runs: Iterable[Run], delete_set: bytes = EMPTY_DELETE_SET) -> bytes:
    """A v1 update of ``runs`` (one block per client, Skip structs between a client's runs that
    are not adjacent) and ``delete_set``.

    Example: ``encode_update(read_update(data).runs[:1])`` is the update of the first run alone.
    """
    by_client: dict[int, list[Run]] = {}
    for run in runs:
        by_client.setdefault(run.client, []).append(run)
    blocks = [write_var_uint(len(by_client))]
    for client, client_runs in by_client.items():
        client_runs.sort(key=lambda run: run.start)
        bodies, count, clock = [], 0, client_runs[0].start
        for run in client_runs:
            if run.start < clock:
                raise ValueError(f"runs of client {client} overlap at clock {run.start}")
            if run.start > clock:
                bodies.append(bytes([_SKIP]) + write_var_uint(run.start - clock))
                count += 1
            bodies.append(run.body)
            count += run.count
            clock = run.end
        blocks.append(write_var_uint(count) + write_var_uint(client) + write_var_uint(client_runs[0].start) + b"".join(bodies))
    return b"".join(blocks) + delete_set
