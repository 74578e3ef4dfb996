"""Services and calendars as data: checked, then loaded (doorstep
appointments load FILE; the demo's in doorstep_cli/demo/appointments.json).

A calendar serves services of one length: its seats are keyed by start, so
two lengths on one calendar could overlap unseen (docs/decisions/)."""
import re

from . import wording

MODES = ("in_person", "phone", "video")
ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,59}$")
CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
SETUP_MAX = 99  # services and calendars together
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NUMBERS = {"minutes": (5, 480), "book_ahead_days": (1, 366), "book_notice_minutes": (0, 20160),
           "cancel_notice_minutes": (0, 20160)}


def problems_of(document):
    """[(path, message)] of everything wrong with a setup document."""
    out = []
    calendars = {c.get("id"): c for c in document.get("calendars") or [] if isinstance(c, dict)}
    lengths = {}
    for i, s in enumerate(document.get("services") or []):
        at = f"services[{i}]"
        if not ID.match(str(s.get("id", ""))):
            out.append((f"{at}.id", wording.BAD_ID))
        for name in ("name", "place", "sender"):
            if not isinstance(s.get(name), str) or not s[name].strip():
                out.append((f"{at}.{name}", wording.REQUIRED))
        if s.get("mode") not in MODES:
            out.append((f"{at}.mode", wording.one_of(MODES)))
        for name, (low, high) in NUMBERS.items():
            if not isinstance(s.get(name), int) or not low <= s[name] <= high:
                out.append((f"{at}.{name}", wording.between(low, high)))
        for j, calendar_id in enumerate(s.get("calendars") or [None]):
            if calendar_id not in calendars:
                out.append((f"{at}.calendars[{j}]", wording.NO_CALENDAR))
            elif lengths.setdefault(calendar_id, s.get("minutes")) != s.get("minutes"):
                out.append((f"{at}.minutes", wording.ONE_LENGTH))
        for j, q in enumerate(s.get("questions") or []):
            if not re.match(r"^[a-z][a-z0-9_]{0,39}$", str(q.get("id", ""))) or not q.get("label"):
                out.append((f"{at}.questions[{j}]", wording.BAD_QUESTION))
            elif "staff_label" in q and not (isinstance(q["staff_label"], str) and 0 < len(q["staff_label"]) <= 200):
                out.append((f"{at}.questions[{j}].staff_label", wording.BAD_STAFF_LABEL))
    if len(document.get("services") or []) + len(document.get("calendars") or []) > SETUP_MAX:
        out.append(("services", wording.between(1, SETUP_MAX)))  # one transaction's worth, with the version
    for i, c in enumerate(document.get("calendars") or []):
        at = f"calendars[{i}]"
        if not ID.match(str(c.get("id", ""))):
            out.append((f"{at}.id", wording.BAD_ID))
        if not isinstance(c.get("capacity"), int) or not 1 <= c["capacity"] <= 99:
            out.append((f"{at}.capacity", wording.between(1, 99)))
        for day, spans in (c.get("hours") or {}).items():
            if day not in DAYS:
                out.append((f"{at}.hours.{day}", wording.one_of(DAYS)))
            out.extend((f"{at}.hours.{day}", wording.BAD_SPAN) for span in spans if not _span(span))
        out.extend((f"{at}.breaks", wording.BAD_SPAN) for span in c.get("breaks") or [] if not _span(span))
    return out


def _span(span):
    return (isinstance(span, list) and len(span) == 2 and all(isinstance(t, str) and CLOCK.match(t) for t in span)
            and span[0] < span[1])


def load(deps, document, if_match=None):
    """Check and store a setup document, made to the version `if_match` names
    (the one stored now when None); returns (services, calendars, new version)."""
    from ...errors import Conflict, ValidationFailed
    from ...storage.errors import EditConflict
    from ..shared.versions import expected_version
    problems = problems_of(document) if isinstance(document, dict) else [("$", wording.NOT_A_SETUP)]
    if problems:
        raise ValidationFailed(problems, wording.setup_refused(len(problems)))
    expected = (expected_version(if_match, "doorstep appointments list") if if_match is not None
                else deps.appointments.setup_version())
    try:
        version = deps.appointments.put_setup(document["services"], document["calendars"], expected)
    except EditConflict:
        raise Conflict(wording.setup_changed(deps.appointments.setup_version()), code="edit_conflict") from None
    return len(document["services"]), len(document["calendars"]), version
