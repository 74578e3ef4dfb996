"""Shared by the alert tests: browser push subscriptions, a recording
delivery channel, and the events a report's life writes."""
import base64
import os

MINSTER = {"lat": 53.9623, "lon": -1.0819}
FAR_AWAY = {"lat": 53.9390, "lon": -1.1330}  # Dringhouses, about 4 km south-west of the Minster


def b64(raw):
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def push_subscription(n=1):
    """What PushSubscription.toJSON() gives a browser (fake but well-formed keys)."""
    return {"endpoint": f"https://push.example.net/send/device-{n}",
            "keys": {"p256dh": b64(b"\x04" + os.urandom(64)), "auth": b64(os.urandom(16))}}


def push_alert(n=1, **target):
    return {"channels": ["push"], "push_subscription": push_subscription(n), **target}


def area(radius_m=500, where=MINSTER):
    return {"kind": "area", **where, "radius_m": radius_m}


class FakeDeliver:
    """Records every message; answers from a script per channel (default "sent")."""

    def __init__(self, **script):
        self.calls = []
        self.script = {k: list(v) if isinstance(v, (list, tuple)) else v for k, v in script.items()}

    def __call__(self, channel, address, message, settings, now, new_id):
        self.calls.append((channel, address, message))
        answer = self.script.get(channel, "sent")
        if isinstance(answer, list):
            return answer.pop(0) if len(answer) > 1 else answer[0]
        return answer

    def to(self, channel=None):
        return [a if c != "push" else a["endpoint"] for c, a, _ in self.calls if channel in (None, c)]


def events_of(report_id):
    """The event rows written for a report (tests only: a scan is fine here)."""
    from chalicelib.storage.reports.reports import EventModel
    return sorted((e for e in EventModel.scan() if e.report_id == report_id), key=lambda e: e.created_at)


def outbox_to(address):
    from chalicelib.storage.outbox import OutboxModel
    return list(OutboxModel.recipient_index.query(address))


def token_in(text):
    import re
    return re.search(r"Token: (\S+)", text).group(1)


def square(w, s, size=0.02):
    e, n = w + size, s + size
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


# Square test wards: Guildhall holds the Minster, Heworth is its eastern
# neighbour (they share the edge at lon -1.07), Dringhouses holds FAR_AWAY.
WARDS = {"guildhall": square(-1.09, 53.955), "heworth": square(-1.07, 53.955),
         "dringhouses": square(-1.14, 53.93)}


def store_wards(deps):
    from chalicelib.storage.places.wards import Ward
    deps.wards.put_many([Ward(i, i.title(), g) for i, g in WARDS.items()])


def many_alerts(n, key, prefix="many", made=None, ids=None):
    """n confirmed push alerts under one index key (a ward's followers, say),
    written in batches: the API would take a transaction each. Made a day
    ago: an alert hears only of what happens after it is made."""
    from datetime import datetime, timedelta, timezone
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    ids = ids or [f"{prefix}{i:06d}" for i in range(n)]
    now = made or datetime.now(timezone.utc) - timedelta(days=1)
    with AlertModel.batch_write() as alerts, AlertIndexModel.batch_write() as rows:
        for i, alert_id in enumerate(ids):
            alerts.save(AlertModel(alert_id, kind="ward", channels={"push": push_subscription(i)},
                                   target={"ward": key.split("#")[-1]}, index_keys=[key], created_at=now))
            rows.save(AlertIndexModel(key, alert_id))
    return ids


def in_one_hours_window():
    """Confirmation requests count in fixed windows of an hour (auth/throttle.py):
    a test's requests start a minute into one, ticking on, so they never straddle
    its end, whatever the hour the suite runs at."""
    from datetime import datetime, timezone
    import time_machine
    return time_machine.travel(datetime(2026, 11, 2, 10, 1, tzinfo=timezone.utc), tick=True)
