"""A field update's body, checked before the job is read: every problem at
once. `saved_at` is when the crew member pressed the button; a phone with no
signal queues the update and sends it later, so it may be hours old, but not
from the future (beyond a phone clock's drift) nor older than a week."""
from datetime import timedelta, timezone

from ... import validation
from ...stamps import parse, stamp
from .limits import (FIELD_STATUSES, NOTE_MAX, REASON_MAX, SAVED_AT_MAX_AGE_DAYS, SAVED_AT_SKEW_S,
                     UPDATE_PHOTOS_MAX)
from .wording import (BODY_NOT_OBJECT, HALF_A_POINT, NOT_A_LIST_OF_UPLOADS, NOT_AN_UPDATE_FIELD, NOTHING_TO_ADD, ONE_OF,
                      REASON_MISSING, REASON_WITHOUT_UNABLE, SAME_UPLOAD_TWICE, SAVED_AT_FORMAT, SAVED_AT_IN_FUTURE,
                      SAVED_AT_MISSING, SAVED_AT_TOO_OLD, TOO_MANY_PHOTOS)

FIELDS = ("status", "note", "reason", "photos", "lat", "lon", "saved_at")


def read_form(body, now):
    problems = validation.Problems()
    if not isinstance(body, dict):
        problems.add("body", BODY_NOT_OBJECT)
        problems.raise_if_any()
    for name in sorted(set(body) - set(FIELDS)):
        problems.add(name, NOT_AN_UPDATE_FIELD)
    form = {"status": body.get("status")}
    if form["status"] is not None and form["status"] not in FIELD_STATUSES:
        problems.add("status", ONE_OF.format(choices=", ".join(FIELD_STATUSES)))
    form["note"] = validation.text(body.get("note"), "note", problems, 0, NOTE_MAX)
    form["reason"] = validation.text(body.get("reason"), "reason", problems, 0, REASON_MAX)
    if form["status"] == "unable" and not form["reason"] and "reason" not in dict(problems.items):
        problems.add("reason", REASON_MISSING)
    elif form["reason"] and form["status"] != "unable":
        problems.add("reason", REASON_WITHOUT_UNABLE)
    form["photos"] = _photos(body.get("photos"), problems)
    form["lat"], form["lon"] = _point(body, problems)
    form["saved_at"] = _saved_at(body.get("saved_at"), now, problems)
    if not (form["status"] or form["note"] or form["photos"]) and not problems.items:
        problems.add("body", NOTHING_TO_ADD)
    problems.raise_if_any()
    return form


def _photos(value, problems):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        problems.add("photos", NOT_A_LIST_OF_UPLOADS)
        return []
    if len(value) > UPDATE_PHOTOS_MAX:
        problems.add("photos", TOO_MANY_PHOTOS.format(most=UPDATE_PHOTOS_MAX))
    elif len(set(value)) != len(value):
        problems.add("photos", SAME_UPLOAD_TWICE)
    return value


def _point(body, problems):
    if body.get("lat") is None and body.get("lon") is None:
        return None, None
    if (body.get("lat") is None) != (body.get("lon") is None):
        problems.add("lat" if body.get("lat") is None else "lon", HALF_A_POINT)
        return None, None
    lat = validation.number(body["lat"], "lat", problems, -90, 90, text_ok=False)
    lon = validation.number(body["lon"], "lon", problems, -180, 180, text_ok=False)
    return (None, None) if lat is None or lon is None else (round(lat, 7), round(lon, 7))


def _saved_at(value, now, problems):
    if value is None:
        problems.add("saved_at", SAVED_AT_MISSING)
        return None
    try:
        when = parse(value) if isinstance(value, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        problems.add("saved_at", SAVED_AT_FORMAT)
        return None
    when = when.astimezone(timezone.utc)
    if when > now + timedelta(seconds=SAVED_AT_SKEW_S):
        problems.add("saved_at", SAVED_AT_IN_FUTURE)
    elif when < now - timedelta(days=SAVED_AT_MAX_AGE_DAYS):
        problems.add("saved_at", SAVED_AT_TOO_OLD.format(days=SAVED_AT_MAX_AGE_DAYS))
    return stamp(when)
