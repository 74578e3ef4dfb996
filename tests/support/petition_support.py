"""Petitions made, sponsored, published and signed as residents and staff
would, through the domain functions with a pinned clock."""
import dataclasses
import re
from datetime import datetime, timezone

from chalicelib.auth.principal import Principal
from support.officers import all_roles

NOON = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
CROSSING = {"action": "Put a zebra crossing outside Scarcroft Primary School",
            "background": "Children cross Scarcroft Road at the school gate with no crossing and fast traffic.",
            "details": "The nearest crossing is 300 m away.", "lat": 53.9505, "lon": -1.0870}


def at(deps, moment, principal=None, client=None):
    """deps at a pinned moment, as `principal` from `client`."""
    return dataclasses.replace(deps, clock=lambda: moment, principal=principal,
                               client=client if client is not None else deps.client)


def resident(user_id="resident-1", email="creator@example.org"):
    return Principal(user_id=user_id, role="resident", email=email, email_verified=True)


def officer(user_id="officer-1"):
    return Principal(user_id=user_id, role="staff", roles=all_roles(), email="officer@council.example")


def tokens_sent(to):
    """The confirmation tokens mailed to `to`, oldest first."""
    from chalicelib.storage.outbox import OutboxModel
    rows = sorted(OutboxModel.recipient_index.query(to), key=lambda m: m.created_at)
    return [t for m in rows for t in re.findall(r"/petitions/confirm\?token=([\w.-]+)", m.body)]


def messages_to(to):
    from chalicelib.storage.outbox import OutboxModel
    return sorted((m.subject for m in OutboxModel.recipient_index.query(to)))


def sign_and_confirm(deps, petition_id, n, sponsor=False, token=None, client=None, domain="example.org",
                     postcode="YO1 7HH", name=None):
    from chalicelib.handlers.petitions.signing import confirm, sign
    email = f"signer{n}@{domain}"
    body = {"name": name or f"Signer {n}", "email": email, "postcode": postcode, "in_area": True}
    if sponsor:
        body["token"] = token
    sign(dataclasses.replace(deps, client=client or f"198.51.100.{n % 250}"), petition_id, body, sponsor=sponsor)
    confirm(deps, {"token": tokens_sent(email)[-1]})
    return email


def published(deps, moment=NOON, sponsors=5):
    """A petition started, sponsored by `sponsors` confirmed sponsors and published at `moment`."""
    from chalicelib.handlers.petitions import drafting, moderation
    made, _ = drafting.create(at(deps, moment, resident()), dict(CROSSING), None)
    for n in range(sponsors):
        sign_and_confirm(at(deps, moment), made["id"], 900 + n, sponsor=True,
                         token=made["sponsor_link"].rsplit("=", 1)[1])
    staff = at(deps, moment, officer())
    version = deps.petitions.get(made["id"]).version
    return moderation.publish(staff, made["id"], {"note": "Fine."}, version)


_TOLD = set()


def tell(deps, petition_id, deliver=None, again=False):
    """Run the alert fan-out of each new event about the petition, in this
    process, page job after page job as the queue's workers would; again:
    every event so far, as a redelivery would (their deliveries are claimed
    already). Returns the summed outcomes."""
    import chalicelib.handlers.petitions.routes  # noqa: F401 (registers petitions' audiences, as app.py does)
    from collections import Counter
    from chalicelib.handlers.alerts.worker import dispatch_event
    from chalicelib.storage.records import Event
    from chalicelib.storage.reports.reports import EventModel
    from chalicelib.storage.binding import record_of
    found = sorted((record_of(Event, m) for m in EventModel.scan() if (m.payload or {}).get("petition_id") == petition_id
                    and (again or m.id not in _TOLD)), key=lambda e: e.created_at)
    _TOLD.update(e.id for e in found)
    total = Counter()
    for event in found:
        total.update(dispatch_event(deps, event, deliver, sleep=lambda s: None))
    return dict(total)
