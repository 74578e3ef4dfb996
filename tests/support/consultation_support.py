"""Consultations loaded and answered as administrators and residents would,
through the domain functions with a pinned clock."""
import copy
import dataclasses
import json
from datetime import datetime, timezone
from pathlib import Path

from chalicelib.auth.principal import Principal
from support.officers import all_roles

DEMO = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo" / "consultations"
# The demo's moments: opens 09:00 on 1 June 2026 (BST: 08:00 UTC), closes 23:59:59 on 14 June (22:59:59 UTC).
OPENS = datetime(2026, 6, 1, 8, 0, tzinfo=timezone.utc)
LAST_SECOND = datetime(2026, 6, 14, 22, 59, 59, tzinfo=timezone.utc)
MIDNIGHT = datetime(2026, 6, 14, 23, 0, 0, tzinfo=timezone.utc)  # 00:00:00 on 15 June in London
DURING = datetime(2026, 6, 5, 12, 0, tzinfo=timezone.utc)
YES = {"support": "yes", "comments": "", "name": None, "email": None}


def demo(consultation_id="micklegate-parking", **changes):
    data = json.loads((DEMO / f"{consultation_id}.json").read_text())
    data.update(changes)
    return copy.deepcopy(data)


def at(deps, moment, principal=None, client="203.0.113.9"):
    return dataclasses.replace(deps, clock=lambda: moment, principal=principal, client=client)


def admin():
    return Principal(user_id="admin-1", role="admin", email="admin@council.example")


def officer():
    return Principal(user_id="officer-1", role="staff", roles=all_roles(), email="officer@council.example")


def resident(user_id="resident-1", email="ada@example.org"):
    return Principal(user_id=user_id, role="resident", email=email, email_verified=True)


def wards(deps):
    """The wards the demo names, as the council's boundaries."""
    from support.wards_support import ward
    deps.wards.put_many([ward("w-micklegate", -1.095, 53.950, name="Micklegate"),
                         ward("w-bishopthorpe", -1.105, 53.915, name="Bishopthorpe")])


def loaded(deps, data=None, moment=DURING):
    """The demo (or `data`) loaded by an administrator: its staff view."""
    from chalicelib.handlers.consultations.managing import load
    wards(deps)
    view, _ = load(at(deps, moment, admin()), (data or demo())["id"], data or demo(), None)
    return view


def respond(deps, moment, answers=None, principal=None, postcode="YO1 7HH", client="203.0.113.9", key=None):
    from chalicelib.handlers.consultations import responding
    body = {"answers": dict(answers or YES), **({"postcode": postcode} if postcode else {})}
    now = at(deps, moment, principal, client)
    if principal is not None:
        return responding.respond_signed_in(now, "micklegate-parking", body, None)
    return responding.respond_anonymously(now, "micklegate-parking", body, key)
