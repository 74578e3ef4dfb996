"""What the event "My child is starting school" offers, each part with its state, read when its page is:

- England: the school place (apply, with the telling's child and home filled in; applied, with the
  application's offer once released; closed after the closing date).
- Scotland: the catchment school the home lies in, and a placing request for another (optional, or the
  request's own state: waiting, granted, refused, deemed refused).
- Free school meals and the clothing grant, as the council's schools settings name them (`awards`):
  awarded without a form where the benefits back office showed entitlement (awards.py), asked for
  otherwise, checking until the back office has answered.
- School transport: offered only where the distance rule makes the child eligible (rules.
  transport_offer, from the home to the catchment or nearest school, on the ellipsoid), with the
  distance shown either way."""
from datetime import date

from ...geo.distance import geodesic_m
from ...geo.polygon import contains
from ...stamps import london_today, stamp
from . import wording
from .rules import round_dates, transport_offer
from ..shared.clock import date_words
from .view import shown as application_view

AWARDS = ("free_school_meals", "clothing_grant")


def shown(deps, told, given_up=lambda: False):
    schools, settings = deps.schools.all()
    dates = round_dates(deps.council, deps.calendar, settings, told["round"])
    home, child = told["home"], told["child"]
    of_phase = [s for s in schools if s.get("phase") == dates["phase"] and not s.get("closed")]
    catchment = next((s for s in of_phase if s.get("area") and contains(s["area"], home["lon"], home["lat"])), None)
    nearest = min(of_phase, key=lambda s: geodesic_m(home["lon"], home["lat"], s["lon"], s["lat"]), default=None)
    app = _application(deps, told)
    parts = _catchment(deps, told, dates, catchment, app) if dates["scheme"] == "catchment" else \
        [_place(deps, told, dates, app)]
    parts += [_award(name, told, settings, dates["phase"], given_up) for name in AWARDS
              if name in (settings.get("awards") or {})]
    parts.append(_transport(deps, told, dates, catchment or nearest))
    return {"id": told["id"], "round": told["round"], "child": child, "home": {"uprn": home["uprn"],
            "address": home["address"]}, "scheme": dates["scheme"], "created_at": stamp(told["created_at"]),
            "parts": [p for p in parts if p is not None]}


def _application(deps, told):
    """The parent's application for this child and school year, if they made one."""
    name = told["child"]["name"].strip().lower()
    found = [a for a in deps.school_applications.of_user(told["user_id"])
             if a["round"] == told["round"] and (a.get("child") or {}).get("name", "").strip().lower() == name]
    return found[0] if found else None


def _apply_link(told):
    return f"/schools/apply?start={told['id']}"


def _place(deps, told, dates, app):
    child = told["child"]["name"]
    if app is not None:
        seen = application_view(deps, app)
        count = len(app["preferences"])
        applied = wording.PART_APPLIED["one" if count == 1 else "other"]
        text = seen["offer"]["text"] if seen["offer"] else applied.format(
            count=count, date=date_words(dates["dates"]["offer"]["date"]))
        return {"name": "school_place", "state": "offered" if seen["offer"] else "applied", "text": text,
                "link": f"/schools/{app['id']}"}
    closing = dates["dates"]["closing"]["date"]
    if london_today(deps.clock()) > date.fromisoformat(closing):
        return {"name": "school_place", "state": "closed", "text": wording.PART_CLOSED.format(date=date_words(closing)),
                "link": None}
    return {"name": "school_place", "state": "to_do", "link": _apply_link(told),
            "text": wording.PART_APPLY.format(child=child, date=date_words(closing))}


def _catchment(deps, told, dates, school, app):
    child = told["child"]["name"]
    enrol = dates["dates"].get("enrolment")
    told_school = {"name": "catchment_school", "state": "told" if school else "unknown", "link": None,
                   "text": wording.PART_CATCHMENT.format(child=child, school=school["name"]) + (
                       " " + wording.PART_ENROL.format(date=date_words(enrol["date"])) if enrol else "")
                   if school else wording.PART_NO_CATCHMENT}
    if app is not None:
        placing = application_view(deps, app)["placing"]
        request = {"name": "placing_request", "state": placing["state"], "text": placing["text"],
                   "link": f"/schools/{app['id']}"}
    else:
        request = {"name": "placing_request", "state": "optional", "link": _apply_link(told),
                   "text": wording.PART_PLACING.format(
                       received=date_words(dates["dates"]["placing_received_by"]["date"]),
                       answer=date_words(dates["dates"]["placing_answer_by"]["date"]))}
    return [told_school, request]


def _award(name, told, settings, phase, given_up):
    """`given_up()`, asked only while the award is unchecked: whether checking it was given up (the telling's
    effect failed its last try), when the parent is asked to apply, as with no qualifying claim."""
    rule = settings["awards"][name]
    given = (told.get("awards") or {}).get(name)
    amount = (rule.get("amount") or {}).get(phase)
    state = given["state"] if given else "unchecked" if given_up() else "checking"
    words = {"awarded": wording.PART_AWARDED, "ask": wording.PART_ASK, "checking": wording.PART_CHECKING,
             "unchecked": wording.PART_UNCHECKED}[state]
    text = words.format(what=wording.AWARD_NAMES[name], amount=f"£{amount / 100:,.2f}" if amount else "")
    if state == "awarded" and amount:
        text += " " + wording.PART_AMOUNT.format(amount=f"£{amount / 100:,.2f}")
    return {"name": name, "state": state, "text": text, "source": rule.get("source"),
            "link": rule.get("apply_url") if state in ("ask", "unchecked") else None}


def _transport(deps, told, dates, school):
    if school is None:
        return None
    born = date.fromisoformat(told["child"]["date_of_birth"])
    starts = date(dates["year"], 9, 1)
    age = starts.year - born.year - ((starts.month, starts.day) < (born.month, born.day))
    found = transport_offer(deps.council, school, told["home"], age, starts)
    if found is None:
        return None
    facts = {"school": school["name"], "distance": _km(found["distance_m"]), "limit": _miles(found["walking_m"])}
    if found["eligible"]:
        return {"name": "transport", "state": "offered", "text": wording.PART_TRANSPORT.format(**facts),
                "distance_m": found["distance_m"], "source": found["source"], "link": "/forms"}
    return {"name": "transport", "state": "not_eligible", "text": wording.PART_NO_TRANSPORT.format(**facts),
            "distance_m": found["distance_m"], "source": found["source"], "link": None}


def _km(metres):
    return f"{metres / 1000:.1f} km ({metres / 1609.344:.1f} miles)"


def _miles(metres):
    return f"{metres / 1609.344:.0f} miles"
