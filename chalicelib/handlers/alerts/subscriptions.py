"""Alert subscriptions: subscribe, double opt-in, list, delete, unsubscribe.

Who may manage an alert: a signed-in owner, or whoever holds the alert's
management token (returned once, to the anonymous push subscriber who made
it). E-mail and SMS reach only addresses proven to want them: a verified
account's own e-mail is confirmed at once, any other address stays pending
until the link sent to it is followed (double opt-in). Push needs neither:
the browser's subscription is itself the consent.
"""
import hashlib
import hmac
import json
from datetime import timedelta

from ... import ids, validation
from ...errors import ApiError, NotFound, ValidationFailed
from ...storage.records import Alert, AlertIndexRow
from . import channels as alert_channels, crew_points, targets as alert_targets
from . import wording as W
from .limits import TOKEN_MAX
from .wording import (BODY_NOT_OBJECT, CONFIRM_EMAIL, CONFIRM_EMAIL_SUBJECT, CONFIRM_SMS, NO_SUCH_ALERT,
                      SIGN_IN_OR_TOKEN, TOKEN_DOES_NOT_OPEN, TOKEN_FOR_ANOTHER_ALERT, UNSUBSCRIBE_HOW,
                      UNSUBSCRIBE_LINK_NOT_VALID)

CONFIRM_WITHIN = timedelta(days=7)
CONFIRMS_PER_ADDRESS = (3, timedelta(hours=1))


def subscribe(deps, body):
    """Returns (view, created); the same subscriber asking for the same
    target again gets the same alert (created False)."""
    if not isinstance(body, dict):
        raise ValidationFailed([("body", BODY_NOT_OBJECT)])
    problems = validation.Problems()
    channels = alert_channels.check_channels(deps, body, problems)
    problems.raise_if_any()
    target, keys = alert_targets.check_target(deps, body.get("kind"), body)
    user_id = deps.principal.user_id if deps.principal else None
    alert_id = _identity(user_id, body["kind"], target, channels)
    now = deps.clock()
    pending = [c for c in channels if not _proven(deps, c, channels[c])]
    existing = deps.alerts.get(alert_id)
    if existing is not None:
        return _again(deps, _restated(deps, existing, target, channels), channels), False
    from ...auth import rate_limits
    rate_limits.creation(deps, "alert")
    # 429 before anything is stored; an inbox already asked enough is not asked (nor counted) again.
    rate_limits.messages(deps, [c for c in pending if c in ("email", "sms") and _may_ask(deps, channels[c])])

    manage = None if user_id else f"{alert_id}.{deps.new_token()}"
    confirm = f"{alert_id}.{deps.new_token()}" if pending else None
    alert = Alert(id=alert_id, kind=body["kind"], user_id=user_id, channels=channels, pending=pending,
                  target=target, index_keys=[k for k, *_ in keys], created_at=now,
                  manage_hash=ids.digest(manage) if manage else None,
                  confirm_hash=ids.digest(confirm) if confirm else None,
                  expires=now + CONFIRM_WITHIN if pending else None)
    rows = [AlertIndexRow(key, alert_id, lat=lat, lon=lon, radius_m=radius, expires=alert.expires,
                          **crew_points.row_extras(target)) for key, lat, lon, radius in keys]
    if not deps.alerts.create(alert, rows):
        return _again(deps, deps.alerts.get(alert_id), channels), False
    if confirm:
        _send_confirmation(deps, alert, confirm, _askable(deps, alert))
    return view(alert, management_token=manage), True


def _identity(user_id, kind, target, channels):
    """The same subscriber + target + channels is the same alert: a retried
    POST never makes a second one, with or without an Idempotency-Key."""
    # The ward's name is shown, not chosen: a renamed ward is still the same alert.
    # A crew member's point moves, and a phone may renew its push keys: the
    # same crew member, team and push endpoint is the same jobs alert.
    shown = crew_points.FIELDS if kind == "jobs" else ("ward_name",)
    chosen = {k: v for k, v in target.items() if k not in shown}
    if kind == "jobs" and "push" in channels:
        channels = {**channels, "push": channels["push"]["endpoint"]}
    canonical = json.dumps({"owner": user_id, "kind": kind, "target": chosen, "channels": channels},
                           sort_keys=True, separators=(",", ":"))
    return "al" + ids.digest(canonical)[:24]


def _restated(deps, alert, target, channels):
    """A jobs alert subscribed again: its point, radius and urgent_near_only
    become what the phone says now (a phone without a point gives it up),
    and its push keys the phone's current ones."""
    push = channels.get("push")
    if alert.kind != "jobs" or (alert.target == target and (alert.channels or {}).get("push") == push):
        return alert
    alert.target = target
    if push:
        alert.channels = {**alert.channels, "push": push}
    deps.alerts.relocate(alert, crew_points.index_rows(alert))
    return alert


def _proven(deps, channel, address):
    if channel == "push":
        return True
    p = deps.principal
    return channel == "email" and p is not None and p.email_verified and (p.email or "").lower() == address.lower()


def _again(deps, alert, channels):
    """A repeat of an earlier subscription. Only possession of the push
    subscription (a secret of that browser) earns a fresh management token;
    an e-mail or phone someone merely knows earns nothing but another
    confirmation message to that address if it is still pending."""
    if alert.user_id is None and "push" in channels:
        manage = f"{alert.id}.{deps.new_token()}"
        alert.manage_hash = ids.digest(manage)
        deps.alerts.save(alert)
        return view(alert, management_token=manage)
    if alert.pending and alert.confirm_hash and alert.user_id == (deps.principal.user_id if deps.principal else None):
        channels = _askable(deps, alert)
        if channels:  # else the earlier message's link stays the one that works
            from ...auth import rate_limits
            rate_limits.messages(deps, channels)
            confirm = f"{alert.id}.{deps.new_token()}"
            alert.confirm_hash = ids.digest(confirm)
            deps.alerts.save(alert)
            _send_confirmation(deps, alert, confirm, channels)
    return view(alert)


def _send_confirmation(deps, alert, token, channels):
    link = f"{_base(deps)}/alerts/confirm?token={token}"  # the web app's page, which POSTs it
    text = CONFIRM_EMAIL.format(describes=describe(alert), link=link, token=token, days=CONFIRM_WITHIN.days)
    now = deps.clock()
    if "email" in channels:
        from ...notify.email import send_email
        send_email(alert.channels["email"], CONFIRM_EMAIL_SUBJECT, text, now, deps.new_opaque_id)
    if "sms" in channels:
        from ...notify.sms import send_sms
        send_sms(alert.channels["sms"], CONFIRM_SMS.format(link=link), deps.settings, now,
                 deps.new_opaque_id)


def _askable(deps, alert):
    """The pending channels whose address may be asked again now. Anyone may
    type anyone's address or number: at most CONFIRMS_PER_ADDRESS requests
    reach one inbox or phone per hour, however many alerts or repeats ask.
    The alert still waits; a message already sent keeps its working link."""
    from ...auth import throttle
    now = deps.clock()
    return [c for c in ("email", "sms") if c in (alert.pending or []) and throttle.record(
        deps.counters, "alert-confirm", alert.channels[c].lower(), CONFIRMS_PER_ADDRESS, now)
        <= CONFIRMS_PER_ADDRESS[0]]


def _may_ask(deps, address):
    from ...auth import throttle
    return throttle.count(deps.counters, "alert-confirm", address.lower(), CONFIRMS_PER_ADDRESS,
                          deps.clock()) < CONFIRMS_PER_ADDRESS[0]


def describe(alert):
    t = alert.target
    also = W.DESCRIBE_PETITIONS_TOO if t.get("petitions") else ""
    ward = t.get("ward_name") or t.get("ward")
    return {"report": lambda: W.DESCRIBE_REPORT.format(report_id=t.get("report_id")),
            "planning": lambda: W.DESCRIBE_PLANNING.format(reference=t.get("reference")),
            "area": lambda: W.DESCRIBE_AREA.format(
                petitions=also, radius_m=t.get("radius_m"),
                updates=W.DESCRIBE_UPDATES_TOO if t.get("include_updates") else ""),
            "ward": lambda: W.DESCRIBE_WARD.format(petitions=also, ward=ward),
            "category": lambda: W.DESCRIBE_CATEGORY.format(
                service_code=t.get("service_code"), in_area=W.DESCRIBE_IN_AN_AREA if t.get("area") else ""),
            "broadcast": lambda: W.DESCRIBE_BROADCAST.format(topics=", ".join(t.get("topics", []))),
            "meetings": lambda: W.DESCRIBE_MEETINGS.format(follows=(
                W.DESCRIBE_MEETINGS_COMMITTEE.format(committee=t["committee"]) if t.get("committee") else
                W.DESCRIBE_MEETINGS_WARD.format(ward=ward) if t.get("ward") else
                W.DESCRIBE_MEETINGS_TOPIC.format(topic=t.get("topic")))),
            "jobs": lambda: W.DESCRIBE_JOBS.format(team=t.get("team"), near_only=(
                W.DESCRIBE_NEAR_ONLY.format(radius_m=t.get("radius_m")) if t.get("urgent_near_only") else ""))
            }[alert.kind]()


def view(alert, management_token=None):
    """What the alert's own subscriber sees; nobody else's data is in it."""
    channels = alert.channels or {}
    out = {"id": alert.id, "kind": alert.kind, **alert.target, "channels": sorted(channels),
           "confirmed": alert.confirmed, "pending": list(alert.pending or []),
           "created_at": alert.created_at.strftime("%Y-%m-%dT%H:%M:%SZ")}
    if "email" in channels:
        out["email"] = channels["email"]
    if "sms" in channels:
        out["phone"] = channels["sms"]
    if "push" in channels:
        out["push_endpoint"] = channels["push"]["endpoint"]
    if management_token:
        out["management_token"] = management_token
    return out


def list_alerts(deps, token=None):
    """Signed in: all of mine. Anonymous: the one alert a management token opens."""
    if token:
        return {"alerts": [view(_by_token(deps, token, "manage_hash"))]}
    if deps.principal is None:
        raise ApiError(SIGN_IN_OR_TOKEN, status=401,
                       code="unauthorized", headers={"WWW-Authenticate": 'Bearer error="invalid_request"'})
    return {"alerts": [view(a) for a in deps.alerts.of_user(deps.principal.user_id)]}


def delete_alert(deps, alert_id, token=None):
    if token:
        alert = _by_token(deps, token, "manage_hash")
        if alert.id != alert_id:
            raise ApiError(TOKEN_FOR_ANOTHER_ALERT, status=403, code="forbidden")
    else:
        alert = deps.alerts.get(alert_id) if isinstance(alert_id, str) else None
        mine = alert is not None and deps.principal is not None and alert.user_id == deps.principal.user_id
        if not mine:
            raise NotFound(NO_SUCH_ALERT, code="alert_not_found")
    deps.alerts.delete(alert)


def confirm(deps, body):
    token = validation.token_alone(body.get("token") if isinstance(body, dict) else None, "token", TOKEN_MAX)
    alert = _by_token(deps, token, "confirm_hash")
    alert.pending, alert.confirm_hash, alert.expires = [], None, None
    deps.alerts.confirm(alert)
    return view(alert)


def _by_token(deps, token, field):
    alert_id = token.split(".", 1)[0] if isinstance(token, str) else ""
    alert = deps.alerts.get(alert_id) if alert_id.startswith("al") and len(alert_id) == 26 else None
    stored = getattr(alert, field, None) if alert is not None else None
    if not stored or not ids.constant_time_equal(stored, ids.digest(token)) \
            or (field == "confirm_hash" and alert.expires and alert.expires < deps.clock()):
        raise ApiError(TOKEN_DOES_NOT_OPEN, status=403, code="invalid_token")
    return alert


def unsubscribe_token(alert_id):
    """Derived, not stored: every message can carry it, and it still
    verifies after the alert is gone (one-click unsubscribe is idempotent)."""
    from ...auth.keys import signing_key
    mac = hmac.new(signing_key(), f"alert-unsubscribe:{alert_id}".encode(), hashlib.sha256).hexdigest()[:32]
    return f"{alert_id}.{mac}"


def meeting_notices_token(alert_id):
    """The stop link of a council meeting notice an alert brought (a report
    followed, its neighbourhood's agenda items): it stops those notices by
    this alert and nothing else. `m` marks it apart from the whole alert's."""
    from ...auth.keys import signing_key
    mac = hmac.new(signing_key(), f"alert-meeting-notices:{alert_id}".encode(), hashlib.sha256).hexdigest()[:32]
    return f"{alert_id}.m{mac}"


def unsubscribe(deps, token, commit):
    """GET shows what the link would stop (mail scanners follow links, so a
    GET never unsubscribes); POST (RFC 8058 one-click) stops it: the whole
    alert, or by a meeting notice's link only the meeting notices it brought."""
    alert_id, _, mark = token.partition(".") if isinstance(token, str) else ("", "", "")
    meetings_only = mark.startswith("m")
    expected = meeting_notices_token(alert_id) if meetings_only else unsubscribe_token(alert_id)
    # Compared as bytes: compare_digest refuses a str with non-ASCII characters.
    if not token or not hmac.compare_digest(expected.encode(), token.encode()):
        raise ApiError(UNSUBSCRIBE_LINK_NOT_VALID, status=403, code="invalid_token")
    alert = deps.alerts.get(alert_id)
    if meetings_only:
        return _stop_meeting_notices(deps, alert_id, alert, commit)
    if not commit:
        return {"alert_id": alert_id, "subscribed": alert is not None,
                "describes": describe(alert) if alert else None,
                "unsubscribe": UNSUBSCRIBE_HOW, "stops": "alert"}
    if alert is not None:
        deps.alerts.delete(alert)
    return {"alert_id": alert_id, "subscribed": False, "stops": "alert"}


def _stop_meeting_notices(deps, alert_id, alert, commit):
    """The alert's meeting notices stopped (idempotent), the alert itself kept:
    `subscribed` is whether those notices still come, `alert_kept` whether
    the alert's own news does."""
    if commit and alert is not None and not alert.meeting_notices_stopped:
        alert.meeting_notices_stopped = True
        deps.alerts.save(alert)  # its version: a change made meanwhile fails this (409), never lost
    return {"alert_id": alert_id, "stops": "meeting_notices",
            "subscribed": alert is not None and not alert.meeting_notices_stopped,
            "alert_kept": alert is not None, "describes": describe(alert) if alert else None,
            **({} if commit else {"unsubscribe": W.STOP_MEETING_NOTICES_HOW})}


def own_report_follow(deps, report):
    """(Alert, [AlertIndexRow]) by which a new report's signed-in reporter
    follows it by e-mail, when that is their verified account address (nobody
    else's inbox gets unasked mail); None otherwise. The report is stored with
    them in one transaction, so its "received" message cannot be dispatched
    before its follower exists. Anonymous reporters keep their tracking token
    and may subscribe (push at once; e-mail through double opt-in) like anyone."""
    p = deps.principal
    email = (report.contact or {}).get("email")
    if p is None or not p.email_verified or not email or email.lower() != (p.email or "").lower():
        return None
    return report_follow(p.user_id, report.id, {"email": email}, report.created_at, report=report, why="reported")


def claim_for_account(deps, user):
    """An account that proved its e-mail address takes over the anonymous
    alerts that mail only that address (made before they registered), so
    they are listed, managed and erased with the account. An alert that also
    pushes to a browser or texts a phone stays as it was: those belong to
    whoever made it, and may not be this person. Returns the alert ids."""
    claimed = []
    for alert in deps.alerts.with_email(user.email):
        if alert.user_id is None and set(alert.channels) == {"email"} \
                and alert.channels["email"].lower() == user.email.lower():
            alert.user_id = user.id
            deps.alerts.save(alert)
            claimed.append(alert.id)
    return claimed


def held_about(deps, user):
    """Every alert held about this person, for their export: their own, and
    those someone else made that mail their proven address (shown with that
    channel alone: the rest is the other person's)."""
    mine = deps.alerts.of_user(user.id)
    theirs = deps.alerts.with_email(user.email) if user.email and user.email_verified else []
    return [view(a) for a in mine] + [_email_only(a) for a in theirs if a.user_id != user.id]


def _email_only(alert):
    shown = {k: v for k, v in view(alert).items() if k not in ("push_endpoint", "phone")}
    return {**shown, "channels": ["email"], "pending": [c for c in alert.pending or [] if c == "email"],
            "made_by_you": False}


def report_follow(user_id, report_id, channels, created_at, pending=(), report=None, why=None):
    """(Alert, [AlertIndexRow]) by which someone follows a report on
    `channels`, with the id the same subscription made through the API gets
    (staff/: a caller staff took a report for; the followers of a report
    marked as a duplicate, moved to the original). With the report, its
    reporter's or supporter's interest in its place and category is indexed
    too, for the meetings that concern them (alerts/targets.interest_keys),
    with `why` ("reported", "supported"; None: followed) for their history."""
    target = {"report_id": report_id}
    alert_id = _identity(user_id, "report", target, channels)
    keys = [(f"report#{report_id}", None, None, None)] + (alert_targets.interest_keys(report) if report else [])
    rows = [AlertIndexRow(key, alert_id, lat=lat, lon=lon, why=why if lat is not None else None)
            for key, lat, lon, _ in keys]
    return (Alert(id=alert_id, kind="report", user_id=user_id, channels=dict(channels), pending=list(pending),
                  target=target, index_keys=[k for k, *_ in keys], created_at=created_at), rows)


def forget_user(deps, user_id):
    """Account erasure: the resident's alerts (and their addresses) go too."""
    for alert in deps.alerts.of_user(user_id):
        deps.alerts.delete(alert)


def _base(deps):
    from ...config import links_base
    return deps.base_url or links_base(deps.settings, deps.council)
