"""What a parent sees of their application: the child, the home, the preferences, the round's dates
each with its rule, and, once the round's offers are released and only then, the offer, the waiting
lists with the child's place on each, the answer and the appeals.

Nobody sees an offer early by any route: the offer lives in the run's partition, read here only after
the round's release row (a consistent read) names the run; the parent's own partition, which the
export reads, holds no offer."""
from datetime import date

from ...stamps import london_today, stamp
from ..shared.clock import date_words
from . import wording
from .rules import round_dates

PRIVATE = {"Cache-Control": "private, no-store"}


def mine_or_404(deps, app_id):
    from ...errors import NotFound
    found = deps.school_applications.get(deps.principal.user_id, app_id) if app_id else None
    if found is None:
        raise NotFound(wording.NO_APPLICATION, code="application_not_found")
    return found


def one(deps, app_id):
    return shown(deps, mine_or_404(deps, app_id))


def mine(deps):
    return {"applications": [brief(a) for a in deps.school_applications.of_user(deps.principal.user_id)]}


def brief(app):
    return {"id": app["id"], "round": app["round"], "child_name": (app.get("child") or {}).get("name"),
            "created_at": stamp(app["created_at"]), "version": app["version"]}


def shown(deps, app, staff=False):
    schools, settings = deps.schools.all()
    names = {s["id"]: s["name"] for s in schools}
    dates = round_dates(deps.council, deps.calendar, settings, app["round"])
    out = {**brief(app), "child": app["child"], "home": {k: app["home"][k] for k in ("uprn", "address")},
           "looked_after": app.get("looked_after"),
           "preferences": [{**p, "school_name": names.get(p["school_id"])} for p in app["preferences"]],
           "round_dates": _dates(dates), "scheme": dates["scheme"],
           "answer": app.get("answer"), "appeals": app.get("appeals") or [],
           "updated_at": stamp(app.get("updated_at")), "offer": None,
           "told_by": ["email", *[c for c in ("sms", "push") if (app.get("tell") or {}).get(c)]]}
    release = deps.allocations.release(app["round"])
    closing = dates["dates"].get("closing")
    # What the parent may do now, said by the server's day (a phone's clock may be wrong).
    out["can_change"] = release is None and (closing is None or london_today(deps.clock()) <= date.fromisoformat(
        closing["date"]))
    out["waiting_offers"] = []
    if release is not None:
        out["offer"] = offer_view(deps, app, release, names)
        out["waiting_offers"] = waiting_offers(deps, app, names)
    offer = out["offer"]
    out["placing"] = placing(deps, app, dates, offer) if dates["scheme"] == "catchment" else None
    refused = out["placing"] is not None and out["placing"]["state"] == "deemed_refused"
    appealed = {a["school_id"] for a in out["appeals"]}
    out["appealable"] = [p["school_id"] for p in app["preferences"] if p["school_id"] not in appealed and (
        refused or offer and p["school_id"] != offer["school_id"] and
        (offer["preference"] is None or p["rank"] < offer["preference"]))]
    return out


def waiting_offers(deps, app, names):
    """Places offered from waiting lists, each with its own answer-by date and the parent's answer."""
    child = (app.get("child") or {}).get("name") or ""
    return [{"school_id": r["school_id"], "school_name": names.get(r["school_id"]), "accept_by": r["accept_by"],
             "answer": r.get("answer"), "text": wording.WAITING_OFFERED.format(
                 school=names.get(r["school_id"]), child=child, date=date_words(r["accept_by"]))}
            for r in deps.allocations.reoffers(app["round"], app["id"])]


def placing(deps, app, dates, offer):
    """A Scottish placing request's state: answered by the release (granted or refused), else waiting
    until the day the law says it is answered by (received by 15 March: 30 April; later: two months
    after receipt) and then deemed refused, which may be appealed as a refusal (1980 Act s.28C)."""
    from .rules import deemed_refused_on
    received = london_today(app["created_at"])
    by = dates["dates"]["placing_received_by"]
    if received <= date.fromisoformat(by["date"]):
        decided_by = date.fromisoformat(dates["dates"]["placing_answer_by"]["date"])
    else:
        decided_by = deemed_refused_on(received, dates["late_deemed_refused_months"])
    school = (app["preferences"] or [{}])[0].get("school_id")
    if offer is not None:
        state = "granted" if offer["school_id"] == school else "refused"
    else:
        state = "deemed_refused" if london_today(deps.clock()) > decided_by else "waiting"
    words = {"waiting": wording.PLACING_WAITING, "deemed_refused": wording.PLACING_DEEMED,
             "granted": wording.PLACING_GRANTED, "refused": wording.PLACING_REFUSED}[state]
    return {"state": state, "received": received.isoformat(), "decided_by": decided_by.isoformat(),
            "source": by["source"], "text": words.format(date=date_words(decided_by.isoformat()))}


def offer_view(deps, app, release, names):
    offer = deps.allocations.offer(app["round"], release["run_id"], app["id"])
    if offer is None:  # applied after the run: a late application, looked at after offer day
        return None
    child = (app.get("child") or {}).get("name") or ""
    school = names.get(offer["school_id"])
    if offer["school_id"] is None:
        text = wording.NOTHING.format(child=child)
    elif offer["allocated"]:
        text = wording.ALLOCATED.format(child=child, school=school)
    else:
        text = wording.OFFERED.format(child=child, school=school, rank=wording.ORDINALS.get(offer["preference"]))
    waiting = []
    on_lists = {school for _, school in _lists_of(deps, app["round"], release["run_id"], offer["waiting"], app["id"])}
    for entry in offer["waiting"]:
        if entry["school_id"] not in on_lists:
            continue  # offered that school's place, or left its list for a place preferred
        place = deps.allocations.place_on_list(app["round"], release["run_id"], entry["school_id"], entry["key"])
        waiting.append({"school_id": entry["school_id"], "school_name": names.get(entry["school_id"]),
                        "place": place, "text": wording.WAITING.format(child=child, place=place,
                                                                      school=names.get(entry["school_id"]))})
    return {"school_id": offer["school_id"], "school_name": school, "preference": offer["preference"],
            "allocated": offer["allocated"], "distance_m": offer["distance_m"], "text": text, "waiting": waiting,
            "released_at": stamp(release["created_at"])}


def _lists_of(deps, round_id, run_id, entries, app_id):
    """(key, school) of the entries still on their lists (one read each: a child is on three at most)."""
    return [(e["key"], e["school_id"]) for e in entries
            if deps.allocations.on_list(round_id, run_id, e["school_id"], e["key"], app_id)]


def _dates(dates):
    return {name: {**d, "text": date_words(d["date"])} for name, d in dates["dates"].items()}


