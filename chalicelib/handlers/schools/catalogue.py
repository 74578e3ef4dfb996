"""A council's schools file checked before anything is stored (doorstep import schools, or a council's
folder): every school and setting, with where and why for each refusal. The checks' words are for the
officer loading the file, as the other imports' are (doorstep_cli/council_pack.py)."""
import re
from datetime import date

from .allocation import RULES
from .rules import PHASES

SCHOOL_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,59}$")
YEAR_GROUP = re.compile(r"^[a-z0-9_]{1,20}$")
MOST_PREFERENCES = 6


def problems(document, area, jurisdiction):
    """[(where, reason)] for a schools file; [] when it may be stored."""
    if not isinstance(document, dict) or not isinstance(document.get("schools"), list):
        return [("", "must be an object with a list of schools")]
    found = [(f"settings {w}", r) for w, r in _settings(document.get("settings") or {})]
    seen = set()
    for n, school in enumerate(document["schools"], 1):
        found += [(f"school {n}", r) for r in _school(school, seen, area, jurisdiction)]
    return found


def _settings(settings):
    out = []
    most = settings.get("max_preferences", 3)
    if isinstance(most, bool) or not isinstance(most, int) or not 1 <= most <= MOST_PREFERENCES:
        out.append(("max_preferences", f"must be a whole number from 1 to {MOST_PREFERENCES}"))
    for n, holiday in enumerate(settings.get("school_holidays") or [], 1):
        days = [_day(holiday.get(k)) if isinstance(holiday, dict) else None for k in ("from", "to")]
        if None in days or days[0] > days[1] or not isinstance(holiday.get("name"), str):
            out.append((f"school_holidays {n}", "needs a name and from and to dates (YYYY-MM-DD), from first"))
    awards = settings.get("awards") or {}
    for name, rule in awards.items():
        if name not in ("free_school_meals", "clothing_grant", "qualifying") or not isinstance(rule, dict) \
                or not isinstance(rule.get("source"), str) or not rule["source"].strip():
            out.append((f"awards {name}", "must be free_school_meals, clothing_grant or qualifying, each with its "
                                          "source in words"))
        elif name == "qualifying" and not (isinstance(rule.get("claim_status"), list) and rule["claim_status"]):
            out.append(("awards qualifying", "needs claim_status: the back office's claim statuses that show "
                                             "entitlement"))
        elif any(not isinstance(v, int) or isinstance(v, bool) or v < 0 for v in (rule.get("amount") or {}).values()):
            out.append((f"awards {name}", "amount must give each phase's pence as a whole number"))
    for phase, dates in (settings.get("dates") or {}).items():
        for name, given in (dates or {}).items():
            if phase not in PHASES or not isinstance(given, dict) or not re.fullmatch(
                    r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", str(given.get("month_day"))) \
                    or not isinstance(given.get("source"), str) or not given["source"].strip():
                out.append((f"dates {phase} {name}", "needs a phase, a month_day (MM-DD) and its source in words"))
    return out


def _school(school, seen, area, jurisdiction):
    if not isinstance(school, dict):
        return ["is not an object"]
    out = []
    school_id = school.get("id")
    if not isinstance(school_id, str) or not SCHOOL_ID.match(school_id):
        out.append("id must be lower-case letters, digits and - (2 to 60)")
    elif school_id in seen:
        out.append(f"id {school_id!r} repeats an earlier one")
    seen.add(school_id)
    if not isinstance(school.get("name"), str) or not school["name"].strip():
        out.append("name is missing")
    if school.get("phase") not in PHASES:
        out.append(f"phase must be one of {', '.join(PHASES)}")
    lat, lon = school.get("lat"), school.get("lon")
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)):
        out.append("lat and lon must be numbers")
    elif area is not None and not area.contains(lon, lat):
        out.append("the school's point is outside the council's area")
    if school.get("area") is not None and (not isinstance(school["area"], dict)
                                           or school["area"].get("type") not in ("Polygon", "MultiPolygon")):
        out.append("area must be a GeoJSON Polygon or MultiPolygon (the admission or catchment area)")
    places = school.get("places")
    if not isinstance(places, dict) or not places or not all(
            YEAR_GROUP.match(str(k)) and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 2000
            for k, v in places.items()):
        out.append("places must give each year group's places as a whole number from 0 to 2000")
    out += _criteria(school.get("criteria"), jurisdiction)
    return out


def _criteria(criteria, jurisdiction):
    if not isinstance(criteria, list) or not criteria or not all(c in RULES for c in criteria):
        return [f"criteria must be a list of rules from {', '.join(RULES)}"]
    if len(set(criteria)) != len(criteria) or criteria[-1] != "distance":
        return ["criteria must name each rule once and end with distance (everyone else, nearest first)"]
    if jurisdiction == "england" and criteria[0] != "looked_after":
        return ["criteria must begin with looked_after: looked after and previously looked after children "
                "come first in England (SI 2012/8 reg. 7)"]
    return []


def _day(value):
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None
