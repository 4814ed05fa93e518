"""What jupyter-config/hub/group_shares.py changes, on JupyterHub's own tables (an in-memory
hub database, no hub running): prints one JSON object of observations for
test/hub/sharing.test.mjs, which holds the expectations. Run with the project's .venv python
from the repository root.
"""

import json
import logging
import sys

sys.path.insert(0, "jupyter-config/hub")

import group_shares  # noqa: E402
from jupyterhub import orm, roles, scopes  # noqa: E402
from jupyterhub.apihandlers import base  # noqa: E402

ACCESS = "access:servers!server=alice/"
log = logging.getLogger("probe")
seen = {}

db = orm.new_session_factory("sqlite://")()
db.add(orm.OAuthClient(identifier="jupyterhub"))
roles.create_role(db, {"name": "user", "scopes": ["self"]})
alice, bob, carol = (orm.User(name=name) for name in ("alice", "bob", "carol"))
db.add_all([alice, bob, carol])
db.commit()
for user in (alice, bob, carol):
    roles.assign_default_roles(db, user)
server = orm.Spawner(user=alice, name="")
db.add(server)
db.add(orm.OAuthClient(identifier="jupyterhub-user-alice", spawner=server))
team = orm.Group(name="team-1", users=[bob])
students = orm.Group(name="students", users=[bob, carol])
db.add_all([team, students])
db.commit()
share = orm.Share(owner=alice, spawner=server, group=team, scopes=[ACCESS])
db.add(share)
db.commit()


def token(user, **kwargs):
    return orm.APIToken.find(db, user.new_api_token(**kwargs))


tokens = {
    # a /hub/token token (scopes: inherit)
    "bob": token(bob),
    # what the hub's OAuth issues when bob opens alice's server in a browser
    "bob-oauth": token(bob, scopes=[ACCESS], client_id="jupyterhub-user-alice"),
    # a token bob limited to reading his own name
    "bob-limited": token(bob, scopes=["read:users:name!user=bob"]),
    "carol": token(carol),
}


def reaches():
    return {name: ACCESS in scopes.get_scopes_for(t) for name, t in tokens.items()}


upstream = scopes.get_scopes_for
seen["upstream"] = reaches()
seen["bob the user, upstream"] = ACCESS in scopes.get_scopes_for(bob)
seen["installs on 6.1.1"] = group_shares.install(log, "6.1.1")
seen["unchanged on 6.1.1"] = scopes.get_scopes_for is upstream and base.get_scopes_for is upstream
seen["installs"] = group_shares.install(log)
seen["wrapped"] = scopes.get_scopes_for.__wrapped__ is upstream and base.get_scopes_for is scopes.get_scopes_for
seen["installed"] = reaches()
team.users.remove(bob)
db.commit()
seen["bob left the team"] = reaches()
team.users.append(bob)
db.commit()
db.delete(share)
db.commit()
seen["share revoked"] = reaches()
class_share = orm.Share(owner=alice, spawner=server, group=students, scopes=[ACCESS])
db.add(class_share)
db.commit()
seen["shared with the students group"] = reaches()
print(json.dumps(seen))
