"""Small business relief on business rates, computed from the jurisdiction's
rule as data (chalicelib/data/business_rates.json), never a figure per
premises: England's small business rate relief, Scotland's Small Business
Bonus Scheme (docs/decisions/starting-a-business.md).

A band `{up_to, percent: [a, b]}` holds rateable values above the band before
it up to and including `up_to`, its relief falling in a straight line from a
to b across it (a == b: flat). Percentages stay exact fractions; money is
integer pence, each figure rounded down to the penny."""
import json
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

RULES = Path(__file__).resolve().parents[2] / "data" / "business_rates.json"


@lru_cache(maxsize=1)
def _rules():
    return json.loads(RULES.read_text(encoding="utf-8"))


def in_force(versions, day):
    """The version in force on `day` (ISO), or None."""
    held = [v for v in versions if v["from"] <= day]
    return max(held, key=lambda v: v["from"]) if held else None


@dataclass(frozen=True)
class Relief:
    scheme: dict | None  # the rule's version (name, source, url, checked); None: no rule held
    fraction: Fraction  # of the year's rates
    why: str  # single, combined, others_too_big, over, no_rule

    @property
    def percent_text(self):
        """100, 98.333, 0: three places at most, as councils print them."""
        value = round(float(self.fraction * 100), 3)
        return f"{value:g}"


def _by_bands(bands, rv):
    lower = 0
    for band in bands:
        if rv <= band["up_to"]:
            a, b = band["percent"]
            if a == b or band["up_to"] == lower:
                return Fraction(a, 100)
            return Fraction(a, 100) - Fraction(a - b, 100) * Fraction(rv - lower, band["up_to"] - lower)
        lower = band["up_to"]
    return Fraction(0)


def relief(jurisdiction, day, rv, others=()):
    """The relief a business occupying premises of rateable value `rv` (whole
    pounds) from `day` may have, with `others` the rateable values of the
    other premises it occupies."""
    scheme = in_force(_rules()["relief"].get(jurisdiction, []), day)
    if scheme is None:
        return Relief(None, Fraction(0), "no_rule")
    others = [int(v) for v in others]
    if not others:
        found = _by_bands(scheme["single"], rv)
        return Relief(scheme, found, "single" if found else "over")
    if "others" in scheme:  # England: the main property keeps relief when the others are small
        limit = scheme["others"]
        if all(v < limit["each_under"] for v in others) and rv + sum(others) < limit["together_under"]:
            found = _by_bands(scheme["single"], rv)
            return Relief(scheme, found, "single" if found else "over")
        return Relief(scheme, Fraction(0), "others_too_big")
    combined = rv + sum(others)  # Scotland: by the combined value, each property its own band
    for tier in scheme.get("combined", []):
        if combined <= tier["up_to"]:
            found = _by_bands(tier["single"], rv)
            return Relief(scheme, found, "combined" if found else "over")
    return Relief(scheme, Fraction(0), "others_too_big")


def multiplier(jurisdiction, day, rv, rhl):
    """(tenths of a penny per pound, the version) for premises of `rv` in the
    retail, hospitality and leisure sector or not; (None, None) when none is held."""
    version = in_force(_rules()["multipliers"].get(jurisdiction, []), day)
    if version is None:
        return None, None
    size = "small" if rv < version["small_under"] else "standard"
    return version[size]["rhl" if rhl else "other"], version


def yearly(jurisdiction, day, rv, rhl, others=()):
    """The year's rates as an estimate, in pence: {rates, relief, to_pay,
    percent, scheme, multiplier} (rates None where no multiplier is held)."""
    found = relief(jurisdiction, day, rv, others)
    tenths, version = multiplier(jurisdiction, day, rv, rhl)
    rates = None if tenths is None else rv * tenths // 10  # pence: pounds x pence-in-the-pound
    off = None if rates is None else int(rates * found.fraction)  # int() of a non-negative Fraction rounds down
    return {"rateable_value": rv, "percent": found.percent_text, "why": found.why,
            "scheme": None if found.scheme is None else {k: found.scheme[k] for k in ("name", "source", "url",
                                                                                        "checked", "from")},
            "multiplier_tenths": tenths, "multiplier_source": version["source"] if version else None,
            "rates": rates, "relief": off, "to_pay": None if rates is None else rates - off}
