"""Council tax by a council's jurisdiction: each band's share of band D, and the
water and waste water charges billed with it, each figure with the rule that made it.

England's bands are ninths of band D (Local Government Finance Act 1992, s.5);
Scotland's were too until the Council Tax (Substitution of Proportion) (Scotland)
Order 2016 made them 240 to 882 three-hundred-and-sixtieths from 1 April 2017.
Scottish councils also bill Scottish Water's water and waste water charges,
by band (still the old ninths of its band D), as lines of their own. The rules
are data (data/council_tax.json), each with its source and the day it starts;
a council's own band D for a year is in its settings (`rules.council_tax`).

A year is a financial year by its start (2026: April 2026 to March 2027). A
rule applies from the first year starting on or after its date; a year with
no published figures yet takes the latest before it, and its line names the
year it is from, so a resident reads "2025-26" rather than a figure passed
off as this year's. Amounts are integer pence, rounded to the nearest penny.
"""
import json
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "council_tax.json"
BANDS = ("A", "B", "C", "D", "E", "F", "G", "H")
WATER_KINDS = ("water", "waste_water")


@cache
def _document():
    return json.loads(DATA.read_text(encoding="utf-8"))


def _in_force(entries, year, key="from"):
    """The last entry starting by the start of `year` (entries in date order), or None."""
    start = f"{year:04d}-04-01"
    found = [e for e in entries if str(e[key]) <= start]
    return found[-1] if found else None


def _about(rule):
    return {"id": rule["id"], "title": rule["title"], "url": rule["url"], "from": rule["from"]}


def band_rule(jurisdiction, year):
    """The rule giving each band's share of band D in `year`, or None for a jurisdiction not written."""
    return _in_force(_document()["bands"].get(jurisdiction, ()), year)


def water_rule(jurisdiction, year):
    """The water and waste water charges billed with council tax in `year`, or None where there are none."""
    return _in_force(_document()["water"].get(jurisdiction, ()), year)


def band_d(council, year):
    """The council's own band D for `year` from its settings ({year, amount, source}), the latest
    set at or before it, or None."""
    entries = sorted(((council.document or {}).get("rules") or {}).get("council_tax", {}).get("band_d") or (),
                     key=lambda e: e["year"])
    found = [e for e in entries if e["year"] <= year]
    return found[-1] if found else None


def share(band_d_pence, numerator, denominator):
    """numerator/denominator of band D in pence, to the nearest penny (a half penny up)."""
    return (2 * band_d_pence * numerator + denominator) // (2 * denominator)


def lines(council, band, year):
    """The year's charge lines for a home in `band` at `council`: council tax, then water and waste
    water where the jurisdiction bills them, each {kind, band, amount (None where the council has set
    no band D), year, basis, rule}. [] for no band (a new build) or a jurisdiction not written."""
    rule = band_rule(council.jurisdiction, year)
    if band not in BANDS or rule is None:
        return []
    d = band_d(council, year)
    part = rule["proportions"][band]
    found = [{"kind": "council_tax", "band": band, "year": d["year"] if d else year,
              "amount": share(d["amount"], part, rule["of"]) if d else None,
              "basis": {"part": part, "of": rule["of"], "band_d": d["amount"] if d else None,
                        "band_d_source": d.get("source", "") if d else ""}, "rule": _about(rule)}]
    water = water_rule(council.jurisdiction, year)
    if water is not None:
        found += [{"kind": kind, "band": band, "year": int(water["from"][:4]), "amount": water[kind][band],
                   "basis": None, "rule": _about(water)} for kind in WATER_KINDS]
    return found


def rule_of(council, band, year, kind):
    """The rule that made a line of `kind` for `band` (a line the back office gave), or None."""
    return next((line for line in lines(council, band, year) if line["kind"] == kind), None)


def part_of_year(amount, start, year):
    """What a year's `amount` comes to from `start` (a date) to the year's end, day by day as council
    tax is charged, rounded down to the penny; the whole for a start before the year."""
    from datetime import date
    first, last = date(year, 4, 1), date(year + 1, 3, 31)
    days = (last - first).days + 1
    counted = (last - max(start, first)).days + 1
    return max(0, amount * counted // days)
