"""The upstream versions the durability fixes were written for.

:mod:`.durability` and :mod:`.store` replace upstream methods, read private attributes and
write pycrdt-store's tables, all of which may change in any release. The fixes are applied
only when the installed packages are exactly these; otherwise the server logs a warning and
collaboration runs with upstream's behaviour. Re-read the patched code (listed in
docs/collaboration.md) before adding a version here.
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


def version_mismatches(installed: Callable[[str], str] | None = None) -> list[str]:
    """One line per package whose installed version differs, e.g.
    ``"jupyter-ydoc 4.3.0 (written for 4.2.1)"``; empty when all match.

    Example: ``if version_mismatches(): log.warning(...)``.
    """
    mismatches = []
    for name, expected in WRITTEN_FOR.items():
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
