"""The inspect form (PATCH /v1/staff/reports/{id}), checked before the
report is read: every problem with the request itself, at once."""
import re
from datetime import date

from ... import states, validation
from .limits import DUE_YEARS_AHEAD, INSTRUCTIONS_MAX, NOTE_MAX, PUBLIC_UPDATE_MAX, TEAM_ID_PATTERN
from .wording import (DUE_OUT_OF_RANGE, DUPLICATE_WITHOUT_ORIGINAL, FIELDS_NOT_AN_OBJECT, NO_CHANGE,
                      NOT_A_CATEGORY_CODE, NOT_A_REPORT_REFERENCE, NOT_A_STAFF_FIELD, NOT_A_TEAM_ID, NOT_A_TEMPLATE_ID,
                      NOT_NULL, ONE_OF, PIN_NEEDS_BOTH, TEMPLATE_AND_UPDATE, TRUE_OR_FALSE)

FIELDS = ("status", "priority", "service_code", "fields", "lat", "lon", "private", "duplicate_of", "team",
          "due", "instructions", "internal_note", "public_update", "template")
NULLABLE = {"duplicate_of", "team", "due", "instructions"}  # null clears it
TEAM_ID = re.compile(TEAM_ID_PATTERN)


def read_form(body):
    """{field: value} for the fields present, each checked."""
    problems = validation.Problems()
    for name in sorted(set(body) - set(FIELDS)):
        problems.add(name, NOT_A_STAFF_FIELD)
    form = {name: body[name] for name in FIELDS if name in body}
    for name, value in form.items():
        if value is None and name not in NULLABLE:
            problems.add(name, NOT_NULL)
    if not form and not problems.items:
        problems.add("body", NO_CHANGE)
    _check(form, problems)
    problems.raise_if_any()
    return form


def _check(form, problems):
    if "status" in form and form["status"] not in states.LABELS:
        problems.add("status", ONE_OF.format(choices=", ".join(states.LABELS)))
    if "priority" in form and form["priority"] not in states.PRIORITIES:
        problems.add("priority", ONE_OF.format(choices=", ".join(states.PRIORITIES)))
    if "service_code" in form and not (isinstance(form["service_code"], str) and form["service_code"]):
        problems.add("service_code", NOT_A_CATEGORY_CODE)
    if "fields" in form and not isinstance(form["fields"], dict):
        problems.add("fields", FIELDS_NOT_AN_OBJECT)
    if ("lat" in form) != ("lon" in form):
        problems.add("lat" if "lat" not in form else "lon", PIN_NEEDS_BOTH)
    for name, low, high in (("lat", -90, 90), ("lon", -180, 180)):
        if form.get(name) is not None:
            form[name] = validation.number(form[name], name, problems, low, high, text_ok=False)
    if "private" in form and not isinstance(form["private"], bool):
        problems.add("private", TRUE_OR_FALSE)
    if form.get("duplicate_of") is not None and not isinstance(form["duplicate_of"], str):
        problems.add("duplicate_of", NOT_A_REPORT_REFERENCE)
    if form.get("team") is not None and not (isinstance(form["team"], str) and TEAM_ID.match(form["team"])):
        problems.add("team", NOT_A_TEAM_ID)
    if form.get("due") is not None:
        form["due"] = validation.iso_date(form["due"], "due", problems)
    texts = (("instructions", INSTRUCTIONS_MAX), ("internal_note", NOTE_MAX), ("public_update", PUBLIC_UPDATE_MAX))
    for name, most in texts:
        if form.get(name) is not None:
            form[name] = validation.text(form[name], name, problems, 1, most)
    if "template" in form and not isinstance(form["template"], str):
        problems.add("template", NOT_A_TEMPLATE_ID)
    if "template" in form and "public_update" in form:
        problems.add("template", TEMPLATE_AND_UPDATE)
    if form.get("status") == "duplicate" and "duplicate_of" in form and form["duplicate_of"] is None:
        problems.add("duplicate_of", DUPLICATE_WITHOUT_ORIGINAL)


def check_due(value, report, problems):
    """A due date staff set: not before the report came in, nor years ahead."""
    day = date.fromisoformat(value)
    created = report.created_at.date()
    if day < created or day.year > created.year + DUE_YEARS_AHEAD:
        problems.add("due", DUE_OUT_OF_RANGE.format(first=created.isoformat(),
                                                     last_year=created.year + DUE_YEARS_AHEAD))

