"""A field update's body, checked before the job is read: every problem at
once. `saved_at` is when the crew member pressed the button; a phone with no
signal queues the update and sends it later, so it may be hours old, but not
from the future (beyond a phone clock's drift) nor older than a week."""
from datetime import timedelta, timezone

from ... import validation
from ...stamps import parse, stamp
from .limits import (FIELD_STATUSES, NOTE_MAX, REASON_MAX, SAVED_AT_MAX_AGE_DAYS, SAVED_AT_SKEW_S,
                     UPDATE_PHOTOS_MAX)

FIELDS = ("status", "note", "reason", "photos", "lat", "lon", "saved_at")


def read_form(body, now):
    problems = validation.Problems()
    if not isinstance(body, dict):
        problems.add("body", "Must be a JSON object.")
        problems.raise_if_any()
    for name in sorted(set(body) - set(FIELDS)):
        problems.add(name, "Is not a field of a crew's update.")
    form = {"status": body.get("status")}
    if form["status"] is not None and form["status"] not in FIELD_STATUSES:
        problems.add("status", f"Must be one of: {', '.join(FIELD_STATUSES)}.")
    form["note"] = validation.text(body.get("note"), "note", problems, 0, NOTE_MAX)
    form["reason"] = validation.text(body.get("reason"), "reason", problems, 0, REASON_MAX)
    if form["status"] == "unable" and not form["reason"] and "reason" not in dict(problems.items):
        problems.add("reason", "Say why the job cannot be done: staff read it in their inbox.")
    elif form["reason"] and form["status"] != "unable":
        problems.add("reason", "Goes with status unable.")
    form["photos"] = _photos(body.get("photos"), problems)
    form["lat"], form["lon"] = _point(body, problems)
    form["saved_at"] = _saved_at(body.get("saved_at"), now, problems)
    if not (form["status"] or form["note"] or form["photos"]) and not problems.items:
        problems.add("body", "Give a status, a note or a photo.")
    problems.raise_if_any()
    return form


def _photos(value, problems):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        problems.add("photos", "Must be a list of upload ids (POST /v1/uploads).")
        return []
    if len(value) > UPDATE_PHOTOS_MAX:
        problems.add("photos", f"At most {UPDATE_PHOTOS_MAX} photos.")
    elif len(set(value)) != len(value):
        problems.add("photos", "Lists the same upload twice.")
    return value


def _point(body, problems):
    if body.get("lat") is None and body.get("lon") is None:
        return None, None
    if (body.get("lat") is None) != (body.get("lon") is None):
        problems.add("lat" if body.get("lat") is None else "lon", "Give both lat and lon, or neither.")
        return None, None
    lat = validation.number(body["lat"], "lat", problems, -90, 90, text_ok=False)
    lon = validation.number(body["lon"], "lon", problems, -180, 180, text_ok=False)
    return (None, None) if lat is None or lon is None else (round(lat, 7), round(lon, 7))


def _saved_at(value, now, problems):
    if value is None:
        problems.add("saved_at", "Is required: when the button was pressed (ISO 8601, with its time zone).")
        return None
    try:
        when = parse(value) if isinstance(value, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        problems.add("saved_at", "Must be a date-time with its time zone, e.g. 2026-11-22T09:30:00Z.")
        return None
    when = when.astimezone(timezone.utc)
    if when > now + timedelta(seconds=SAVED_AT_SKEW_S):
        problems.add("saved_at", "Is in the future: check the phone's clock.")
    elif when < now - timedelta(days=SAVED_AT_MAX_AGE_DAYS):
        problems.add("saved_at", f"Is over {SAVED_AT_MAX_AGE_DAYS} days old: read the job again and resend.")
    return stamp(when)
