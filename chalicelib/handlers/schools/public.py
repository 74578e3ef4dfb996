"""A round's dates and the council's schools of its phase, and the rounds taking applications now,
for anyone: public facts."""
from datetime import date

from ...stamps import london_today
from .applying import round_of
from .rules import PHASES, round_dates
from .view import _dates


def round_view(deps, round_id):
    dates, schools, _ = round_of(deps, round_id)
    return {"round": round_id, "scheme": dates["scheme"], "rules": dates["rules"], "source": dates["source"],
            "min_preferences": dates["min_preferences"], "max_preferences": dates["max_preferences"],
            "dates": _dates(dates),
            "schools": [{"id": s["id"], "name": s["name"], "lat": s["lat"], "lon": s["lon"],
                         "places": (s.get("places") or {}).get(dates["year_group"], 0),
                         "criteria": s["criteria"]} for s in sorted(schools.values(), key=lambda s: s["name"])]}


def entry_year(today):
    """The September a child applying today would start in: applications for a September are made in
    the offer year before it (1 August to 31 July)."""
    return today.year + 1 if today.month >= 8 else today.year


def rounds_view(deps):
    """GET /v1/school-rounds: the rounds of this offer year and the next, each phase, by the council's
    rules and London's day: `open` while applications (England: until the closing date) or placing
    requests (Scotland: until the school year starts; a late one is deemed refused after two months)
    are taken."""
    _, settings = deps.schools.all()
    today = london_today(deps.clock())
    out = []
    for year in (entry_year(today), entry_year(today) + 1):
        for phase in PHASES:
            round_id = f"{year}-{phase}"
            dates = round_dates(deps.council, deps.calendar, settings, round_id)
            if dates is None:
                continue
            closing = dates["dates"].get("closing")
            ends = date.fromisoformat(closing["date"]) if closing else date(year, 7, 31)
            out.append({"round": round_id, "year": year, "phase": phase, "scheme": dates["scheme"],
                        "open": today <= ends, "dates": _dates(dates)})
    return {"rounds": out}
