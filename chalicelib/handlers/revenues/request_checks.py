"""A council tax request checked at the edge: its kind, real dates inside
what the back office accepts (limits.REQUEST_BACK_DAYS / _AHEAD_DAYS), and
nothing else in the body (a person is never named in it: a request is the
linked person's own, so one jointly liable person cannot consent for the
other). Returns the details kept and sent."""
from datetime import date, timedelta

from ...errors import ValidationFailed
from . import backoffice, limits, wording

# A move also carries what councils' moving forms ask (handlers/moving builds it): everyone on the
# bill, the old home left furnished or not, sold or rented with who to contact, the forwarding address.
MOVE_MORE = {"people", "furnished", "tenure", "contact", "tenancy_end", "forwarding", "uprn", "move_ref"}
FIELDS = {"paperless": {"paperless"}, "move": {"move", "date", "address", "postcode"} | MOVE_MORE,
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
        details.update(move_more(body, problems))
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


def move_more(body, problems):
    """What a move tells beyond where and when, checked: the people (names),
    furnished (true/false), tenure (sold/rented), the contact ({role, name,
    phone?, email?}: the buyer or solicitor when sold, the landlord or agent
    when rented), the tenancy's end, the forwarding address, and the
    address's UPRN and the move's own reference when made by a move."""
    out = {}
    people = body.get("people")
    if people is not None:
        if not (isinstance(people, list) and 1 <= len(people) <= limits.PEOPLE_MAX
                and all(isinstance(p, str) and 0 < len(p.strip()) <= limits.NAME_MAX for p in people)):
            problems.append(("people", wording.PEOPLE.format(most=limits.PEOPLE_MAX)))
        else:
            out["people"] = [p.strip() for p in people]
    if body.get("furnished") is not None:
        if not isinstance(body["furnished"], bool):
            problems.append(("furnished", wording.FURNISHED))
        out["furnished"] = body["furnished"]
    tenure = body.get("tenure")
    if tenure is not None:
        if tenure not in limits.TENURES:
            problems.append(("tenure", wording.TENURE))
        out["tenure"] = tenure
    contact = body.get("contact")
    if contact is not None:
        roles = {role for pair in limits.CONTACT_ROLES.values() for role in pair}  # which fits the tenure: the caller's
        if not (isinstance(contact, dict) and contact.get("role") in roles and set(contact) <= {"role", "name", "phone", "email"}
                and all(isinstance(contact.get(k), str) and len(contact[k]) <= limits.ADDRESS_MAX
                        for k in contact) and (contact.get("name") or "").strip()):
            problems.append(("contact", wording.CONTACT))
        else:
            out["contact"] = {k: v.strip() for k, v in contact.items()}
    end = body.get("tenancy_end")
    if end is not None:
        try:
            out["tenancy_end"] = date.fromisoformat(end).isoformat() if isinstance(end, str) and len(end) == 10 \
                else None
        except ValueError:
            out["tenancy_end"] = None
        if out["tenancy_end"] is None:
            problems.append(("tenancy_end", wording.DATE))
    for name in ("forwarding", "uprn", "move_ref"):
        value = body.get(name)
        if value is not None:
            if not isinstance(value, str) or not value.strip() or len(value) > limits.ADDRESS_MAX:
                problems.append((name, wording.ADDRESS))
            else:
                out[name] = value.strip()
    return out
