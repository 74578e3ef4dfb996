"""A council tax request checked at the edge: its kind, real dates inside
what the back office accepts (limits.REQUEST_BACK_DAYS / _AHEAD_DAYS), and
nothing else in the body (a person is never named in it: a request is the
linked person's own, so one jointly liable person cannot consent for the
other). Returns the details kept and sent."""
from datetime import date, timedelta

from ...errors import ValidationFailed
from . import backoffice, limits, wording

FIELDS = {"paperless": {"paperless"}, "move": {"move", "date", "address", "postcode"},
          "single_person_discount": {"action", "date"}, "instalment_day": {"day"}}


def checked(body, now):
    kind = body.get("kind")
    if kind not in limits.REQUEST_KINDS:
        raise ValidationFailed([("kind", wording.REQUEST_KIND)])
    extra = sorted(set(body) - FIELDS[kind] - {"kind"})
    if extra:
        raise ValidationFailed([(name, wording.NOT_ASKED) for name in extra])
    problems, details = [], {}
    if kind == "paperless":
        if not isinstance(body.get("paperless"), bool):
            problems.append(("paperless", wording.PAPERLESS))
        details["paperless"] = body.get("paperless")
    if kind == "move":
        if body.get("move") not in limits.MOVES:
            problems.append(("move", wording.MOVE))
        address = body.get("address")
        if body.get("move") in ("in", "within") and not (isinstance(address, str) and address.strip()):
            problems.append(("address", wording.ADDRESS))
        for name in ("address", "postcode"):
            value = body.get(name)
            if value is not None and (not isinstance(value, str) or len(value) > limits.ADDRESS_MAX):
                problems.append((name, wording.ADDRESS))
            elif value:
                details[name] = value.strip()
        details["move"] = body.get("move")
    if kind == "single_person_discount":
        if body.get("action") not in ("apply", "end"):
            problems.append(("action", wording.DISCOUNT_ACTION))
        details["action"] = body.get("action")
    if kind in ("move", "single_person_discount"):
        when = _date(body.get("date"), now, problems)
        details["date"] = when.isoformat() if when else None
    if kind == "instalment_day":
        day = body.get("day")
        if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= 28:
            problems.append(("day", wording.INSTALMENT_DAY))
        details["day"] = day
    if problems:
        raise ValidationFailed(problems)
    return kind, details


def _date(value, now, problems):
    try:
        when = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        when = None
    if when is None:
        problems.append(("date", wording.DATE))
        return None
    today = now.astimezone(backoffice.LONDON).date()
    first, last = today - timedelta(days=limits.REQUEST_BACK_DAYS), today + timedelta(days=limits.REQUEST_AHEAD_DAYS)
    if not first <= when <= last:
        problems.append(("date", wording.date_window(first, last)))
        return None
    return when
