"""Server state kept under the served folder (``<root_dir>/.pmxlab/collaboration``).

jupyter-collaboration and jupyter-server-fileid default to files in the working directory
and in ``~/.local/share/jupyter``; these subclasses move them next to the notebooks they
describe, so nothing lands in home folders and each served folder has its own state.
Select them with ``FileIdExtension.file_id_manager_class`` and ``YDocExtension.ystore_class``.
"""

from pathlib import Path

from jupyter_server.serverapp import ServerApp
from jupyter_server_fileid.manager import ArbitraryFileIdManager
from jupyter_server_ydoc.stores import SQLiteYStore
from traitlets import default

from .store import CommitBatchingYStore


def collaboration_state_dir(root_dir: str, part: str = "collaboration") -> Path:
    """The folder holding the Y update store, file ids and session ids (or another ``part``
    of the server's state, such as ``trust`` for notebook signatures), created on demand.

    Example: ``collaboration_state_dir("/srv/courses")`` is ``/srv/courses/.pmxlab/collaboration``.
    """
    folder = Path(root_dir).expanduser().resolve() / ".pmxlab" / part
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class ProjectFileIdManager(ArbitraryFileIdManager):
    """File ids (the collaboration room names) in ``<root_dir>/.pmxlab/collaboration``."""

    @default("db_path")
    def _default_db_path(self) -> str:
        return str(collaboration_state_dir(self.root_dir) / "file_id_manager.db")


class ProjectSQLiteYStore(SQLiteYStore, CommitBatchingYStore):
    """The Y update store in ``<root_dir>/.pmxlab/collaboration`` of the running server,
    committing in batches (:mod:`.store`)."""

    @default("db_path")
    def _default_db_path(self) -> str:
        return str(collaboration_state_dir(ServerApp.instance().root_dir) / "ystore.db")
