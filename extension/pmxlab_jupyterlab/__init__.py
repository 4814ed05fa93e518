"""pmxlab JupyterLab extension: the prebuilt front end (share/jupyter/labextensions) and a
server extension that keeps real-time collaboration state in the project and never drops
edits the server has received (see docs/collaboration.md)."""

__version__ = "0.1.0"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "@pmxlab/jupyterlab"}]


def _jupyter_server_extension_points():
    return [{"module": "pmxlab_jupyterlab.collaboration"}]
