"""pmxlab's JupyterHub pieces for a class on one machine (see jupyter-config/hub/README.md).

Accounts are NativeAuthenticator's (self sign-up, approval by an instructor) on top of
LocalAuthenticator, so every approved student is a system user with a private home: the
hub creates the user when an instructor approves the sign-up, not at an arbitrary first
login, and a student's files are protected by the operating system, not only by the hub.
"""
import os
import pwd
from pathlib import Path

from jupyterhub import orm
from jupyterhub.auth import LocalAuthenticator
from jupyterhub.utils import maybe_future
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.handlers import ToggleAuthorizationHandler, admin_users_scope
from nativeauthenticator.orm import UserInfo
from traitlets import Unicode

STUDENTS = "students"


class ApproveHandler(ToggleAuthorizationHandler):
    """/hub/authorize/<name>: approving a sign-up puts the student in the students group and
    adds the user to the authenticator (PmxlabAuthenticator: creates the system user and
    home); withdrawing the approval leaves the home in place (nothing a student wrote is
    deleted by a click)."""

    @admin_users_scope
    async def get(self, slug):
        info = UserInfo.find(self.db, slug)
        if info is not None and not info.is_authorized:
            user = self.user_from_username(info.username)
            # Creating the system user can fail (name taken by a system account): then the
            # sign-up stays unapproved and the instructor sees why.
            await maybe_future(self.authenticator.add_user(user))
            group = orm.Group.find(self.db, STUDENTS)
            if group is not None and user.orm_user not in group.users and not user.admin:
                group.users.append(user.orm_user)
                self.db.commit()
        await super().get(slug)


class ClassAuthenticator(NativeAuthenticator):
    """NativeAuthenticator sign-up and login; an instructor's approval puts the student in
    the students group. On its own it serves a hub whose servers are containers (Kubernetes,
    jupyter-config/k8s/), where there are no system users to create."""

    def get_handlers(self, app):
        return [(path, ApproveHandler if handler is ToggleAuthorizationHandler else handler) for path, handler in super().get_handlers(app)]


class PmxlabAuthenticator(LocalAuthenticator, ClassAuthenticator):
    """The class on one machine: ClassAuthenticator, and a system user per approved student."""

    homes = Unicode("/home", help="Folder under which student homes are created.").tag(config=True)
    node_modules = Unicode(help="The repository's node_modules, linked into each home so tslab finds @pmxlab/kernel.").tag(config=True)

    def add_system_user(self, user):
        super().add_system_user(user)
        home = Path(pwd.getpwnam(user.name).pw_dir)
        # useradd honours the machine's HOME_MODE/UMASK (often 0755): a class needs 0700.
        os.chmod(home, 0o700)
        if self.node_modules:
            link = home / "node_modules"
            if not link.exists():
                link.symlink_to(self.node_modules)
                os.lchown(link, pwd.getpwnam(user.name).pw_uid, pwd.getpwnam(user.name).pw_gid)
