"""The allocation: which school each application is offered, from its inputs alone.

Pure: the schools, the round's applications (each read once by the caller) and a seed. Equal
preference is student-proposing deferred acceptance: each child asks their first preference; each
school holds the best of those asking, up to its places, by its own criteria; a child let go asks
their next; it ends when nobody is let go. Each child is then offered the highest preference any
school could give them, and no school's rank on a form counts in another school's order (the School
Admissions Code's equal preference). A child no preference could take is allocated the nearest school
with a place left, marked so (England's scheme: one offer to every applicant).

A school orders children by its criteria, as ordered rules: the first rule a child meets, then the
straight-line distance from their home to the school (nearer first, to the centimetre), then the
draw: sha256 of the run's recorded seed and the application's id, so the same inputs and seed give
the same offers, and a tie the criteria and distance cannot break is broken by the draw alone."""
import bisect
import hashlib

from ...geo.distance import geodesic_m
from ...geo.polygon import contains

RULES = ("looked_after", "catchment_sibling", "sibling", "catchment", "distance")


def draw(seed, app_id):
    return hashlib.sha256(f"{seed}:{app_id}".encode()).hexdigest()[:16]


def meets(rule, application, preference, in_area):
    if rule == "looked_after":
        return bool(application.get("looked_after"))
    if rule == "sibling":
        return bool(preference.get("sibling"))
    if rule == "catchment":
        return in_area
    if rule == "catchment_sibling":
        return in_area and bool(preference.get("sibling"))
    return rule == "distance"


def priority(school, application, preference, seed):
    """(key, distance in metres): the school's order for this child, as one sortable string
    "rule.centimetres.draw" (smaller first), and the distance it was measured at."""
    home = application["home"]
    metres = geodesic_m(home["lon"], home["lat"], school["lon"], school["lat"])
    in_area = bool(school.get("area")) and contains(school["area"], home["lon"], home["lat"])
    rules = school["criteria"]
    index = next((i for i, rule in enumerate(rules) if meets(rule, application, preference, in_area)), len(rules))
    return f"{index:02d}.{round(metres * 100):010d}.{draw(seed, application['id'])}", metres


def places(school, year_group):
    return int((school.get("places") or {}).get(year_group) or 0)


def allocate(schools, applications, seed, phase, year_group, allocate_unplaced=True):
    """The round's offers, `year_group` the phase's entry year (its places: reception, p1, year_7 ...):
    {"offers": {application id: offer}, "waits": [(school id, key, application id)], "counts": {...}}.

    An offer: {user_id, school_id (None: nothing offered), preference (its rank, 1 first; None when
    allocated), allocated, distance_m, waiting: [{school_id, key}]}, the waiting lists being those of
    the schools ranked above the one offered."""
    by_id = {s["id"]: s for s in schools if s.get("phase") == phase and not s.get("closed")}
    asks, keys = {}, {}
    for app in applications:
        ranked = sorted(app["preferences"], key=lambda p: p["rank"])
        asks[app["id"]] = [p for p in ranked if p["school_id"] in by_id]
        for p in asks[app["id"]]:
            keys[app["id"], p["school_id"]] = priority(by_id[p["school_id"]], app, p, seed)
    held = {school_id: [] for school_id in by_id}  # sorted [(key, application id)], at most its places
    following = {app_id: 0 for app_id in asks}
    waiting = list(asks)
    while waiting:
        app_id = waiting.pop()
        wanted = asks[app_id]
        if following[app_id] >= len(wanted):
            continue  # every preference let them go
        school_id = wanted[following[app_id]]["school_id"]
        following[app_id] += 1
        holding = held[school_id]
        bisect.insort(holding, (keys[app_id, school_id][0], app_id))
        if len(holding) > places(by_id[school_id], year_group):
            waiting.append(holding.pop()[1])
    offered = {app_id: school_id for school_id, holding in held.items() for _, app_id in holding}
    apps = {a["id"]: a for a in applications}
    offers, waits, counts = {}, [], {"applications": len(apps), "first": 0, "other_preference": 0, "allocated": 0,
                                     "none": 0}
    left = {school_id: places(s, year_group) - len(held[school_id]) for school_id, s in by_id.items()}
    for app_id in sorted(apps, key=lambda a: draw(seed, a)):  # the unplaced take what is left in the draw's order
        school_id = offered.get(app_id)
        rank = next((p["rank"] for p in asks[app_id] if p["school_id"] == school_id), None)
        offer = {"user_id": apps[app_id]["user_id"], "school_id": school_id, "preference": rank, "allocated": False,
                 "distance_m": round(keys[app_id, school_id][1]) if school_id else None, "waiting": []}
        above = [p for p in asks[app_id] if rank is None or p["rank"] < rank]
        for p in above:
            key = keys[app_id, p["school_id"]][0]
            offer["waiting"].append({"school_id": p["school_id"], "key": key})
            waits.append((p["school_id"], key, app_id))
        if school_id is None and allocate_unplaced:
            nearest = _nearest_with_room(by_id, left, apps[app_id]["home"])
            if nearest is not None:
                left[nearest[0]] -= 1
                offer.update(school_id=nearest[0], allocated=True, distance_m=round(nearest[1]))
        counts["first" if rank == 1 else "other_preference" if rank else "allocated" if offer["school_id"]
               else "none"] += 1
        offers[app_id] = offer
    return {"offers": offers, "waits": waits, "counts": counts}


def _nearest_with_room(by_id, left, home):
    found = sorted((geodesic_m(home["lon"], home["lat"], s["lon"], s["lat"]), school_id)
                   for school_id, s in by_id.items() if left[school_id] > 0)
    return (found[0][1], found[0][0]) if found else None
