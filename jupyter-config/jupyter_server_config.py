# pmxlab's Node service (@pmxlab/server) under JupyterLab's own URL and auth:
# jupyter-server-proxy starts it on the first request to <base_url>/pmxlab-server/ and proxies
# to it over a Unix socket, so nothing but the authenticated Jupyter server can reach it.
# Read next to jupyter_server_config.json (JUPYTER_CONFIG_DIR=jupyter-config, scripts/start.sh);
# a Python file because the command needs the repository's absolute path. See docs/server.md.
import os

_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

c.ServerProxy.servers = {  # noqa: F821 (`c` is the config object Jupyter provides)
    "pmxlab-server": {
        "command": ["node", os.path.join(_root, "server", "dist", "main.js"), "--socket", "{unix_socket}"],
        "unix_socket": True,
        # The kernel library loads in a few seconds on a busy machine.
        "timeout": 60,
        "absolute_url": False,
        "launcher_entry": {"enabled": False},
        # The instructor notebooks whose solutions the leak guard knows; PMXLAB_* set in the
        # environment of `npm start` (LLM endpoint, database, data folder) pass through.
        "environment": {"PMXLAB_COURSES_DIR": os.environ.get("PMXLAB_COURSES_DIR", os.path.join(_root, "courses"))},
    }
}
