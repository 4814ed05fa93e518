"""Named points where the kill tests crash the server on purpose (``test/collab/kill-points.test.mjs``).

With ``PMXLAB_COLLAB_CRASH=<point>:<marker>`` in its environment the server kills itself
(SIGKILL: no cleanup, as a crash or an out-of-memory kill) the first time it reaches
``<point>`` while handling data that contains ``<marker>``, so a test can stop it exactly
between two steps of a save. Unset (always, outside those tests) a point costs one
comparison. The points:

- ``store-batch``: inside a Y store transaction, its rows inserted, before the commit
  (data: the batch's updates);
- ``store-committed``: a save committed the store and recorded the write, file not written
  (data: the content to write);
- ``file-written``: the file written, nothing after it (no reply, no further commit);
- ``save-replied``: a save request answered "success" (data: the document's content).

Example: ``crash_point("file-written", lambda: json.dumps(content))``.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

#: The environment variable that arms one crash point.
CRASH_ENV = "PMXLAB_COLLAB_CRASH"
_POINT, _, _MARKER = os.environ.get(CRASH_ENV, "").partition(":")


def crash_point(name: str, data: Callable[[], str | bytes]) -> None:
    """Kills this process if the armed point is ``name`` and ``data()`` contains the marker."""
    if name != _POINT or not _MARKER:
        return
    held = data()
    marker = _MARKER.encode("utf-8") if isinstance(held, bytes) else _MARKER
    if marker in held:
        os.kill(os.getpid(), signal.SIGKILL)
