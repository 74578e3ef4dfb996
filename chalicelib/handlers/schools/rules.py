"""The dates of a round of admissions, each with the rule that sets it: the law of the council's
jurisdiction (data/school_admissions.json, versions with the day each starts) and the council's own
(its schools file's settings: school holidays, Scotland's enrolment), on the council's calendar.

A round is an entry year and a phase ("2027-primary"). Its offer year is the academic year before
entry (1 August to 31 July), so a month-day from August on is in the calendar year before entry and
one before August in the entry year: secondary closes 31 October 2026 and primary 15 January 2027 for
entry in September 2027. A round keeps the version in force on the day its offer year begins."""
import json
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "school_admissions.json"
ROUND = re.compile(r"^(20[2-9][0-9])-(primary|secondary)$")
PHASES = ("primary", "secondary")


@cache
def _document():
    return json.loads(DATA.read_text(encoding="utf-8"))


def parse_round(round_id):
    """(entry year, phase), or None for a name that is not a round's."""
    found = ROUND.match(round_id or "")
    return (int(found.group(1)), found.group(2)) if found else None


def in_force(jurisdiction, day):
    """The version of the jurisdiction's admissions rules in force on `day`, or None."""
    versions = _document()["jurisdictions"].get(jurisdiction, ())
    started = [v for v in versions if date.fromisoformat(v["from"]) <= day]
    return max(started, key=lambda v: v["from"]) if started else None


def in_offer_year(entry_year, month_day):
    """A month-day of the offer year as a date: August on is the year before entry."""
    month, day = (int(p) for p in month_day.split("-"))
    return date(entry_year - 1 if month >= 8 else entry_year, month, day)


class SchoolDays:
    """The days the council's schools meet: its working days less its school holidays
    ([{"from", "to", "name"}], both days counted), for the appeals' "school days"."""

    def __init__(self, calendar, holidays=()):
        self.calendar = calendar
        self.holidays = [(date.fromisoformat(h["from"]), date.fromisoformat(h["to"])) for h in holidays]

    def is_school_day(self, day):
        return self.calendar.is_working_day(day) and not any(a <= day <= b for a, b in self.holidays)

    def add(self, start, days):
        """The day `days` school days after `start` (not counted itself)."""
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_school_day(day):
                counted += 1
        return day


def next_working_day(calendar, day):
    """`day` itself when it is a working day, else the first one after it (a weekend, a bank holiday)."""
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def round_dates(council, calendar, settings, round_id):
    """{name: {"date": YYYY-MM-DD, "source": words}} for the round, plus "rules" (the version's name)
    and "scheme" (coordinated or catchment); None when the jurisdiction has no version for it."""
    year, phase = parse_round(round_id)
    opens = date(year - 1, 8, 1)
    rule = in_force(council.jurisdiction, opens)
    if rule is None:
        return None
    out = {"round": round_id, "year": year, "phase": phase, "year_group": rule["entry_year_group"][phase],
           "rules": rule["rule"], "scheme": rule["scheme"],
           "source": rule["source"], "dates": {}}
    dates = out["dates"]
    if rule["scheme"] == "coordinated":
        closing = in_offer_year(year, rule["closing"][phase])
        offer = in_offer_year(year, rule["offer"][phase])
        if rule.get("offer_next_working_day"):
            offer = next_working_day(calendar, offer)
        school_days = SchoolDays(calendar, settings.get("school_holidays") or ())
        appeal_by = school_days.add(offer, rule["appeal_lodge_school_days"])
        dates.update(
            closing={"date": closing.isoformat(), "source": rule["closing_source"]},
            offer={"date": offer.isoformat(), "source": rule["offer_source"]},
            accept_by={"date": (offer + timedelta(days=rule["accept_within_days"])).isoformat(),
                       "source": rule["accept_source"]},
            appeal_by={"date": appeal_by.isoformat(), "source": rule["appeal_source"]},
            appeals_heard_by={"date": school_days.add(appeal_by, rule["appeal_heard_school_days"]).isoformat(),
                              "source": rule["appeal_source"]})
        out.update(min_preferences=rule["min_preferences"], accept_within_days=rule["accept_within_days"],
                   max_preferences=max(rule["min_preferences"], int(settings.get("max_preferences") or 0)))
    else:
        placing = rule["placing"]
        dates.update(
            placing_received_by={"date": in_offer_year(year, placing["received_by"]).isoformat(),
                                 "source": rule["placing_source"]},
            placing_answer_by={"date": in_offer_year(year, placing["answer_by"]).isoformat(),
                               "source": rule["placing_source"]})
        for name, given in (settings.get("dates") or {}).get(phase, {}).items():
            dates[name] = {"date": in_offer_year(year, given["month_day"]).isoformat(), "source": given["source"]}
        out.update(min_preferences=1, max_preferences=max(1, int(settings.get("max_preferences") or 1)),
                   late_deemed_refused_months=placing["late_deemed_refused_months"])
    return out


def _born(year, given):
    years, month_day = given
    month, day = (int(p) for p in month_day.split("-"))
    return date(year + years, month, day)


def age_group(jurisdiction, round_id, born):
    """"normal", "deferred" (Scotland: a child not yet 5 when the year started, a year late) or None
    (outside the round's age group) for a child born on `born`, by the rules in force when the round
    opens; "normal" when the jurisdiction's rules say nothing of it."""
    year, phase = parse_round(round_id)
    rule = in_force(jurisdiction, date(year - 1, 8, 1)) or {}
    group = (rule.get("age_group") or {}).get(phase)
    if group is None:
        return "normal"
    if _born(year, group["born_from"]) <= born < _born(year, group["born_before"]):
        return "normal"
    if "deferred_from" in group and _born(year, group["deferred_from"]) <= born < _born(year, group["born_from"]):
        return "deferred"
    return None


def normal_entry(jurisdiction, phase, born):
    """The entry year whose normal age group holds a child born on `born` (the nearest tried)."""
    for year in range(born.year + 3, born.year + 14):
        round_id = f"{year}-{phase}"
        if parse_round(round_id) and age_group(jurisdiction, round_id, born) == "normal":
            return year  # (a year no round can have, as a child born in 144 would need, is not tried)
    return None


def transport(council, on_day):
    """The jurisdiction's walking distances for free school transport in force on `on_day`."""
    rule = in_force(council.jurisdiction, on_day)
    return (rule or {}).get("transport")


def walking_distance_m(rule, age):
    """The statutory walking distance for a child of `age` (years) under `rule` (transport's answer)."""
    for band in rule["walking_m"]:
        if "under_age" not in band or age < band["under_age"]:
            return band["metres"]
    return None


def deemed_refused_on(received, months):
    """A late placing request is deemed refused `months` after it was received (the same day of the
    month, or the month's last day when it has none)."""
    import calendar as months_calendar
    month = received.month - 1 + months
    year, month = received.year + month // 12, month % 12 + 1
    return date(year, month, min(received.day, months_calendar.monthrange(year, month)[1]))


def transport_offer(council, school, home, age, on_day):
    """{"eligible", "distance_m", "walking_m", "source"} for free school transport to `school` from
    `home` ({lon, lat}) for a child of `age` on `on_day`: eligible only beyond the statutory walking
    distance, measured on the ellipsoid (geo.distance.geodesic_m). A straight line is never longer than
    the walking route, so a child it finds beyond the distance is eligible whatever the route; one within
    it may still be by the route, which the council measures (not offered here). None without rules."""
    from ...geo.distance import geodesic_m
    rule = transport(council, on_day)
    if rule is None:
        return None
    metres = geodesic_m(home["lon"], home["lat"], school["lon"], school["lat"])
    limit = walking_distance_m(rule, age)
    return {"eligible": metres > limit, "distance_m": round(metres), "walking_m": limit, "source": rule["source"]}
