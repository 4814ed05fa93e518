"""The upstream versions the durability fixes were written for.

:mod:`.durability` and :mod:`.store` replace upstream methods, read private attributes and
write pycrdt-store's tables, all of which may change in any release. The fixes are applied
only when the installed packages are exactly these; otherwise the server logs a warning and
collaboration runs with upstream's behaviour. Re-read the patched code (listed in
docs/collaboration.md) before adding a version here.

The gate (:mod:`.gate`) reads the Yjs updates clients send and hands pycrdt re-encoded parts
of them; it is active only with the pycrdt of :data:`GATE_WRITTEN_FOR` (whose yrs it was
tested against, y-crdt/y-crdt#632). Before adding a version, run ``test/collab/gate*.test.mjs``
on it (and check whether its yrs still integrates changes past a gap).
"""

from __future__ import annotations

from collections.abc import Callable
from logging import Logger
from importlib.metadata import PackageNotFoundError, version

#: Distribution name → the version the fixes were written against (requirements.txt pins them).
WRITTEN_FOR = {
    "jupyter-server-ydoc": "3.0.4",
    "jupyter-ydoc": "4.2.1",
    "pycrdt-store": "0.1.5",
    "pycrdt-websocket": "0.16.5",
}
#: The same for the gate: pycrdt 0.14.13 bundles yrs 0.27.
GATE_WRITTEN_FOR = {"pycrdt": "0.14.13"}


def version_mismatches(installed: Callable[[str], str] | None = None, written_for: dict[str, str] = WRITTEN_FOR) -> list[str]:
    """One line per package of ``written_for`` whose installed version differs, e.g.
    ``"jupyter-ydoc 4.3.0 (written for 4.2.1)"``; empty when all match.

    Example: ``if version_mismatches(): log.warning(...)``.
    """
    mismatches = []
    for name, expected in written_for.items():
        try:
            found = (installed or version)(name)
        except PackageNotFoundError:
            found = "not installed"
        if found != expected:
            mismatches.append(f"{name} {found} (written for {expected})")
    return mismatches


def refuse_unsupported(log: Logger, installed: Callable[[str], str] | None = None) -> bool:
    """Logs a warning and returns True when :func:`version_mismatches` finds any.

    Example: ``if refuse_unsupported(serverapp.log): return``.
    """
    mismatches = version_mismatches(installed)
    if mismatches:
        log.warning(
            "pmxlab | collaboration durability fixes NOT applied, written for other versions: %s. "
            "Collaboration works with upstream's behaviour (edits can be lost around restarts); "
            "see docs/collaboration.md.",
            "; ".join(mismatches),
        )
    return bool(mismatches)


def refuse_gate(log: Logger, installed: Callable[[str], str] | None = None) -> bool:
    """Logs a warning and returns True when the installed pycrdt is not the one the gate was
    tested with (:data:`GATE_WRITTEN_FOR`).

    Example: ``Gate.enabled = not refuse_gate(serverapp.log)``.
    """
    mismatches = version_mismatches(installed, GATE_WRITTEN_FOR)
    if mismatches:
        log.warning(
            "pmxlab | changes that arrive ahead of their client's earlier changes are NOT held back, "
            "the gate was tested with other versions: %s. pycrdt applies them as they come (with yrs 0.27 "
            "out of order, y-crdt/y-crdt#632); see docs/collaboration.md.",
            "; ".join(mismatches),
        )
    return bool(mismatches)
