"""Server extension for jupyter-collaboration: state in the project and durable rooms.

Enabled by ``ServerApp.jpserver_extensions`` in ``jupyter-config/jupyter_server_config.json``,
which also selects the state classes of :mod:`.state`.
"""

from pathlib import Path

from nbformat.sign import NotebookNotary

from .state import collaboration_state_dir
from .versions import refuse_unsupported

SESSION_STORE_SETTING = "collaborative_session_store_path"


def _load_jupyter_server_extension(serverapp):
    """Installs the durability fixes (for the upstream versions they were written for) and keeps session ids and notebook signatures in the project.

    Extensions load in alphabetical order, so jupyter_server_ydoc has published its settings
    already; an explicitly configured ``YDocExtension.session_store_path`` is left alone.
    """
    settings = serverapp.web_app.settings
    if not settings.get(SESSION_STORE_SETTING):
        settings[SESSION_STORE_SETTING] = str(collaboration_state_dir(serverapp.root_dir) / "sessions.json")

    def forget_sessions():
        Path(settings[SESSION_STORE_SETTING]).unlink(missing_ok=True)

    # durability imports upstream internals, which another version may lack: check first
    if not refuse_unsupported(serverapp.log):
        from .durability import install_durability

        install_durability(serverapp.log, forget_sessions)
    _keep_notebook_trust_in_project(serverapp)
    serverapp.log.info("pmxlab | collaboration state in %s", collaboration_state_dir(serverapp.root_dir))


def _keep_notebook_trust_in_project(serverapp):
    """Notebook signatures (``nbsignatures.db``, ``notebook_secret``) go to
    ``<root_dir>/.pmxlab/trust`` instead of ``~/.local/share/jupyter``, unless configured."""
    contents_manager = serverapp.contents_manager
    if "data_dir" in serverapp.config.get("NotebookNotary", {}) or contents_manager.trait_has_value("notary"):
        return
    trust_dir = collaboration_state_dir(serverapp.root_dir, "trust")
    contents_manager.notary = NotebookNotary(parent=contents_manager, data_dir=str(trust_dir))
