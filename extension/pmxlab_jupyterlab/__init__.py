"""pmxlab JupyterLab extension, installed as a prebuilt extension (share/jupyter/labextensions)."""

__version__ = "0.1.0"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "@pmxlab/jupyterlab"}]
