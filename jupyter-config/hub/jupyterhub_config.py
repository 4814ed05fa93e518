# JupyterHub configuration of `npm run hub` (scripts/hub.sh): pmxlab for a class on one
# machine. Everything is set from the environment, with embedded defaults:
#   PMXLAB_HUB_IP (127.0.0.1), PMXLAB_HUB_PORT (8000): where students open the hub;
#   PMXLAB_HUB_API_PORT (PORT+1), PMXLAB_HUB_PROXY_API_PORT (PORT+2): internal, loopback only;
#   PMXLAB_HUB_STATE (.pmxlab/hub/, git-ignored): hub database, cookie secret, proxy pid;
#   PMXLAB_HUB_HOMES (/home): where approved students' homes are created;
#   PMXLAB_HUB_INSTRUCTORS ("instructor"): comma-separated instructor (admin) account names —
#     they sign up at /hub/signup like everyone and are approved automatically;
#   PMXLAB_HUB_CULL_TIMEOUT (3600 s): idle single-user servers are stopped after this;
#   PMXLAB_HUB_SERVICE_PORT (PORT+3): the class service (@pmxlab/server), loopback only;
#   PMXLAB_LLM_*, PMXLAB_DATABASE_URL, PMXLAB_RECORD_TEXT, PMXLAB_TUTOR_RATE, PMXLAB_GRADER_USER,
#     PMXLAB_LOG_LEVEL: passed to the class service only (never to a student's server).
# LTI 1.3 and OAuth sign-in: see jupyter-config/hub/README.md.
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import group_shares  # noqa: E402
from pmxlab_hub import STUDENTS, PmxlabAuthenticator  # noqa: E402
from traitlets.log import get_logger  # noqa: E402

c = get_config()  # noqa: F821 (JupyterHub's config loader provides it)

ip = os.environ.get("PMXLAB_HUB_IP", "127.0.0.1")
port = int(os.environ.get("PMXLAB_HUB_PORT", "8000"))
state = Path(os.environ.get("PMXLAB_HUB_STATE", ROOT / ".pmxlab" / "hub"))
state.mkdir(parents=True, exist_ok=True)
instructors = {name.strip() for name in os.environ.get("PMXLAB_HUB_INSTRUCTORS", "instructor").split(",") if name.strip()}
venv_bin = ROOT / ".venv" / "bin"
node_bin = ROOT / "node_modules" / ".bin"

c.JupyterHub.bind_url = f"http://{ip}:{port}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{os.environ.get('PMXLAB_HUB_API_PORT', port + 1)}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('PMXLAB_HUB_PROXY_API_PORT', port + 2)}"
c.ConfigurableHTTPProxy.command = [str(node_bin / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")

# Accounts: self sign-up, approval by an instructor, a system user per approved student.
c.JupyterHub.authenticator_class = PmxlabAuthenticator
c.PmxlabAuthenticator.create_system_users = True
c.PmxlabAuthenticator.homes = os.environ.get("PMXLAB_HUB_HOMES", "/home")
c.PmxlabAuthenticator.add_user_cmd = ["useradd", "--create-home", "--base-dir", c.PmxlabAuthenticator.homes, "--shell", "/bin/bash", "--user-group"]
c.PmxlabAuthenticator.node_modules = str(ROOT / "node_modules")
c.PmxlabAuthenticator.admin_users = instructors
# The gate is the approval: NativeAuthenticator refuses the login of an unapproved sign-up,
# so every approved account is allowed (no separate allow list to keep in step).
c.PmxlabAuthenticator.allow_all = True
c.PmxlabAuthenticator.minimum_password_length = 10
c.PmxlabAuthenticator.check_common_password = True
c.PmxlabAuthenticator.allowed_failed_logins = 5
c.PmxlabAuthenticator.seconds_before_next_try = 60

# Roles through groups: instructors (hub admins: approve sign-ups, see and start every
# server) and students (their own server only, and what others share with them).
c.JupyterHub.load_groups = {"instructors": {"users": sorted(instructors)}, STUDENTS: {"users": []}}
c.JupyterHub.load_roles = [
    # Team co-editing (JupyterHub sharing): every user may share their own server with a
    # user or a group, and revoke it; sharing by name needs reading names: students' names
    # (not the instructors' or anyone else's) and group names. Everyone may use the class service.
    {"name": "user", "scopes": ["self", "shares!user", "read:users:name!group=students", "read:groups:name", "access:services!service=pmxlab"]},
    # The class service reads who is in the class (the roster of its class view).
    {"name": "pmxlab-service", "scopes": [f"read:groups!group={STUDENTS}"], "services": ["pmxlab"]},
    {"name": "idle-culler", "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"], "services": ["idle-culler"]},
]
# A share with a group (a team an instructor makes on /hub/admin) lets its members in: JupyterHub
# 5.5.4 records such a share but leaves it out of the members' tokens (group_shares.py).
group_shares.install(get_logger())

# Each student's server: the pmxlab environment (the project venv, the extension, the tslab
# kernel), started as the student's system user in their home.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(venv_bin / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.args = [
    f"--LabApp.app_settings_dir={ROOT / 'jupyter-config' / 'lab' / 'settings'}",
    # A course release keeps its manifest in <course>/.pmxlab-release.json (as `pmxlab release`
    # does); the class service writes it through the student's server, which refuses hidden
    # files unless allowed.
    "--ContentsManager.allow_hidden=True",
]
c.Spawner.environment = {
    "PATH": f"{node_bin}:{venv_bin}:/usr/local/bin:/usr/bin:/bin",
    "JUPYTER_CONFIG_DIR": str(ROOT / "jupyter-config"),
    "JUPYTER_PLATFORM_DIRS": "1",
    # User settings and workspaces stay in the student's home (jupyter-config is shared, read-only).
    "JUPYTERLAB_SETTINGS_DIR": lambda spawner: str(Path(spawner.user_env({}).get("HOME", "~")) / ".pmxlab" / "user-settings"),
    "JUPYTERLAB_WORKSPACES_DIR": lambda spawner: str(Path(spawner.user_env({}).get("HOME", "~")) / ".pmxlab" / "workspaces"),
    # On the hub the tutor is the class service's; the per-user tutor started by
    # jupyter-server-proxy must not look for the instructor courses (closed to students).
    "PMXLAB_COURSES_DIR": str(state / "no-courses-for-students"),
}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# Idle servers are stopped (jupyterhub-idle-culler, a hub service).
c.JupyterHub.services = [
    {"name": "idle-culler", "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={os.environ.get('PMXLAB_HUB_CULL_TIMEOUT', '3600')}"]},
]

# The class service: @pmxlab/server with hub OAuth at /services/pmxlab/ (docs/hub.md): one
# database for the class, the tutor, releases, submissions, grading, the class view. The LLM
# key and the database URL are in its environment only: a user's server gets the variables
# of Spawner.environment and Spawner.env_keep, and neither names them.
service_port = int(os.environ.get("PMXLAB_HUB_SERVICE_PORT", port + 3))
service_env = {name: value for name, value in os.environ.items() if name.startswith("PMXLAB_LLM_") or name in {"PMXLAB_DATABASE_URL", "PMXLAB_RECORD_TEXT", "PMXLAB_TUTOR_RATE", "PMXLAB_GRADER_USER", "PMXLAB_LOG_LEVEL"}}
c.JupyterHub.services.append(
    {
        "name": "pmxlab",
        "url": f"http://127.0.0.1:{service_port}",
        "command": [shutil.which("node") or "node", str(ROOT / "server" / "dist" / "main.js"), "--hub"],
        # Part of the hub: no "authorize this service" page; its browser tokens may act on the
        # user's own server (to put a course release into their home, as them).
        "oauth_no_confirm": True,
        "oauth_client_allowed_scopes": ["access:servers!user"],
        "environment": {
            **service_env,
            # The proxy as the service reaches it: users' servers are <this>/user/<name>/.
            "PMXLAB_HUB_PUBLIC_URL": f"http://127.0.0.1:{port}" if ip in ("0.0.0.0", "", "::") else f"http://{ip}:{port}",
            "PMXLAB_DATA_DIR": str(state / "service"),
            # The instructor versions of the courses (solutions, hidden checks): readable by the
            # service only (scripts/hub.sh closes the folder to other users).
            "PMXLAB_COURSES_DIR": os.environ.get("PMXLAB_HUB_COURSES", str(ROOT / "courses")),
        },
    }
)
