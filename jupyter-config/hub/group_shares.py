"""Group shares that let the group's members in, for JupyterHub 5.5.4 (docs/hub.md, "Upstream").

JupyterHub records a share of a server with a group (``POST /hub/api/shares/<owner>/``
``{"group": …}``), and a member passes the hub's consent page, but the member's tokens lack the
share, so the server answers 403. The cause is ``get_scopes_for`` in ``jupyterhub/scopes.py``
(5.5.4; the same in 6.1.1): for a *user* it adds the shares of the user and of the user's
groups, for an *API token* (what a browser's OAuth login and a ``/hub/token`` token both are)
only ``owner.shared_with_me``, the owner's own shares.

:func:`install` wraps that one function: a token of a user additionally holds the scopes of
every share with a group the user belongs to, as far as the token's own scopes reach (the
intersection upstream takes with the owner's permissions). Removing the member from the
group or revoking the share takes the scopes away on the next lookup, as for a share by name.
It reads upstream internals, so it installs only on the version it was written for. Upstream
still logs "discarding scopes [...] not present in roles of owner" for a member's OAuth token
before the wrapper adds the share back: expected while the fix is in place.
"""

from __future__ import annotations

from logging import Logger

import sqlalchemy as sa

import jupyterhub
from jupyterhub import orm, scopes

#: The JupyterHub version this wrapper was written against (requirements-hub.txt pins it).
WRITTEN_FOR = "5.5.4"


#: Groups that are the class itself, not a team: a share with one grants nothing through this
#: wrapper, so one click cannot open a student's server (their work) to the whole class.
CLASS_GROUPS = frozenset({"students", "instructors"})


def group_share_scopes(user: orm.User) -> frozenset[str]:
    """The expanded scopes of every share with a team `user` is in (any group but
    :data:`CLASS_GROUPS`), e.g. ``{"access:servers!server=alice/"}``; upstream's user branch
    adds the same for every group."""
    return frozenset(
        scope
        for group in user.groups
        if group.name not in CLASS_GROUPS
        for share in group.shared_with_me
        for scope in scopes.expand_share_scopes(share)
    )


def _token_reach(token: orm.APIToken) -> set[str] | None:
    """The token's own expanded scopes, as upstream's token branch computes them before the
    intersection with the owner's; None for an ``inherit`` token (it holds whatever the owner holds)."""
    requested = set(token.scopes)
    if "inherit" in requested:
        return None
    reach = set(scopes.expand_scopes(requested, owner=token.user, oauth_client=token.oauth_client))
    if token.client_id != "jupyterhub":
        # an OAuth token may reach the server or service that issued it (upstream, the same)
        reach |= scopes.access_scopes(token.oauth_client)
    return reach


def _with_group_shares(upstream):
    def get_scopes_for(orm_object):
        expanded = upstream(orm_object)
        if isinstance(orm_object, orm.APIToken) and orm_object.user is not None:
            shared = group_share_scopes(orm_object.user)
            if shared:
                reach = _token_reach(orm_object)
                granted = shared if reach is None else scopes._intersect_expanded_scopes(reach, shared, db=sa.inspect(orm_object).session)
                expanded = expanded | granted
        return expanded

    get_scopes_for.__wrapped__ = upstream
    get_scopes_for.__doc__ = f"{upstream.__doc__}\n\npmxlab: a user's token also holds their groups' shares (group_shares.py)."
    return get_scopes_for


def install(log: Logger, version: str = jupyterhub.__version__) -> bool:
    """Wraps ``jupyterhub.scopes.get_scopes_for`` (and the name ``apihandlers/base.py``
    imported from it, used for the token model) when `version` is :data:`WRITTEN_FOR`;
    otherwise logs why not and changes nothing. Returns whether it installed.

    Example (jupyterhub_config.py): ``group_shares.install(c.Application.log)``.
    """
    if version != WRITTEN_FOR:
        log.warning(
            "pmxlab | group shares fix NOT applied: written for JupyterHub %s, this is %s; "
            "a share with a group lets no member in (share with each member by name). Re-read "
            "get_scopes_for in jupyterhub/scopes.py before allowing this version (docs/hub.md).",
            WRITTEN_FOR,
            version,
        )
        return False
    from jupyterhub.apihandlers import base

    if getattr(scopes.get_scopes_for, "__wrapped__", None) is None:
        scopes.get_scopes_for = _with_group_shares(scopes.get_scopes_for)
    base.get_scopes_for = scopes.get_scopes_for
    log.info("pmxlab | group shares: a member's tokens carry their groups' shares (JupyterHub %s)", version)
    return True
