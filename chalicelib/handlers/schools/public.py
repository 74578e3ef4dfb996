"""A round's dates and the council's schools of its phase, for anyone: public facts."""
from .applying import round_of
from .view import _dates


def round_view(deps, round_id):
    dates, schools, _ = round_of(deps, round_id)
    return {"round": round_id, "scheme": dates["scheme"], "rules": dates["rules"], "source": dates["source"],
            "min_preferences": dates["min_preferences"], "max_preferences": dates["max_preferences"],
            "dates": _dates(dates),
            "schools": [{"id": s["id"], "name": s["name"], "lat": s["lat"], "lon": s["lon"],
                         "places": (s.get("places") or {}).get(dates["year_group"], 0),
                         "criteria": s["criteria"]} for s in sorted(schools.values(), key=lambda s: s["name"])]}
