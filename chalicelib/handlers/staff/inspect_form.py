"""The inspect form (PATCH /v1/staff/reports/{id}), checked before the
report is read: every problem with the request itself, at once."""
import re
from datetime import date

from ... import states, validation
from ...errors import ValidationFailed
from .limits import DUE_YEARS_AHEAD, INSTRUCTIONS_MAX, NOTE_MAX, PUBLIC_UPDATE_MAX, TEAM_ID_PATTERN

FIELDS = ("status", "priority", "service_code", "fields", "lat", "lon", "private", "duplicate_of", "team",
          "due", "instructions", "internal_note", "public_update", "template")
NULLABLE = {"duplicate_of", "team", "due", "instructions"}  # null clears it
TEAM_ID = re.compile(TEAM_ID_PATTERN)


def read_form(body):
    """{field: value} for the fields present, each checked."""
    problems = validation.Problems()
    for name in sorted(set(body) - set(FIELDS)):
        problems.add(name, "Is not a field staff can set here.")
    form = {name: body[name] for name in FIELDS if name in body}
    for name, value in form.items():
        if value is None and name not in NULLABLE:
            problems.add(name, "Cannot be null.")
    if not form and not problems.items:
        problems.add("body", "Give at least one change.")
    _check(form, problems)
    problems.raise_if_any()
    return form


def _check(form, problems):
    if "status" in form and form["status"] not in states.LABELS:
        problems.add("status", f"Must be one of: {', '.join(states.LABELS)}.")
    if "priority" in form and form["priority"] not in states.PRIORITIES:
        problems.add("priority", f"Must be one of: {', '.join(states.PRIORITIES)}.")
    if "service_code" in form and not (isinstance(form["service_code"], str) and form["service_code"]):
        problems.add("service_code", "Must be a category code (GET /v1/services).")
    if "fields" in form and not isinstance(form["fields"], dict):
        problems.add("fields", "Must be an object of the category's questions and answers.")
    if ("lat" in form) != ("lon" in form):
        problems.add("lat" if "lat" not in form else "lon", "Move the pin with both lat and lon.")
    for name, low, high in (("lat", -90, 90), ("lon", -180, 180)):
        if form.get(name) is not None:
            form[name] = validation.number(form[name], name, problems, low, high, text_ok=False)
    if "private" in form and not isinstance(form["private"], bool):
        problems.add("private", "Must be true or false.")
    if form.get("duplicate_of") is not None and not isinstance(form["duplicate_of"], str):
        problems.add("duplicate_of", "Must be a report reference.")
    if form.get("team") is not None and not (isinstance(form["team"], str) and TEAM_ID.match(form["team"])):
        problems.add("team", "Must be a team id (GET /v1/staff/teams).")
    if form.get("due") is not None:
        form["due"] = validation.iso_date(form["due"], "due", problems)
    texts = (("instructions", INSTRUCTIONS_MAX), ("internal_note", NOTE_MAX), ("public_update", PUBLIC_UPDATE_MAX))
    for name, most in texts:
        if form.get(name) is not None:
            form[name] = validation.text(form[name], name, problems, 1, most)
    if "template" in form and not isinstance(form["template"], str):
        problems.add("template", "Must be a response template's id.")
    if "template" in form and "public_update" in form:
        problems.add("template", "Give a template or your own public update, not both.")
    if form.get("status") == "duplicate" and "duplicate_of" in form and form["duplicate_of"] is None:
        problems.add("duplicate_of", "A duplicate names its original.")


def check_due(value, report, problems):
    """A due date staff set: not before the report came in, nor years ahead."""
    day = date.fromisoformat(value)
    created = report.created_at.date()
    if day < created or day.year > created.year + DUE_YEARS_AHEAD:
        problems.add("due", f"Must fall between {created.isoformat()} and the end of "
                            f"{created.year + DUE_YEARS_AHEAD}.")

