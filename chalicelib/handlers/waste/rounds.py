"""A garden crew's round list (GET /v1/crew/garden/rounds/{round_id}): the
properties subscribed on the day, each with its number of bins, in address
order; nothing of the subscriber but the address.

Only members of the team that empties garden bins (`crew_team` in the garden
rules) may read it. A day the round does not go out (not its day, moved or
cancelled) answers `collects: false` and no stops, without reading any.
"""
from datetime import date, timedelta

from ... import bindays, validation
from ...auth.policy import Forbidden
from ...errors import NotFound
from ...stamps import london_today
from .garden import rules
from .limits import CREW_ROUND_DAYS
from .wording import GARDEN_CREW_ONLY, NO_SUCH_GARDEN_ROUND, ROUND_DAY_TOO_FAR


def crew_round(deps, round_id, params):
    settings, _ = rules(deps)
    if deps.principal.team != settings["crew_team"]:
        raise Forbidden(GARDEN_CREW_ONLY, code="not_garden_crew")
    today = london_today(deps.clock())
    problems = validation.Problems()
    day = today
    if params.get("date") not in (None, ""):
        given = validation.iso_date(params["date"], "date", problems)
        if given and abs((date.fromisoformat(given) - today).days) > CREW_ROUND_DAYS:
            problems.add("date", ROUND_DAY_TOO_FAR.format(days=CREW_ROUND_DAYS))
        elif given:
            day = date.fromisoformat(given)
    problems.raise_if_any()
    found = deps.bin_rounds.get(round_id) if isinstance(round_id, str) and len(round_id) <= 40 else None
    if found is None or found.stream != "garden":
        raise NotFound(NO_SUCH_GARDEN_ROUND, code="round_not_found")
    goes_out = any(c.date == day for c in bindays.collections(found.to_round(), day, until=day + timedelta(days=1)))
    stops = []
    if goes_out:
        on = day.isoformat()
        stops = sorted((s for s in deps.garden.of_round(round_id, on)
                        if s.status == "active" and s.start <= on <= s.end), key=lambda s: s.address)
    return {"round": round_id, "date": day.isoformat(), "collects": goes_out, "properties": len(stops),
            "bins": sum(int(s.bins) for s in stops),
            "stops": [{"uprn": s.uprn, "address": s.address, "bins": int(s.bins)} for s in stops]}
