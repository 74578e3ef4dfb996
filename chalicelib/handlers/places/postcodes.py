"""Places: postcodes and the addresses at them.

GET /v1/places?postcode= lists a postcode's addresses; Open311 turns an
address_id (a UPRN) or an address_string ("14 Micklegate, York YO1 7HH")
into a point through the same store. Postcodes are read leniently (any case,
any spacing) and shown in the Royal Mail form, "YO1 7HH".
"""
import re

from ... import validation
from ...errors import NotFound, OutsideServiceArea, ValidationFailed
from .limits import STREET_MAX_ADDRESSES, STREET_MIN_LETTERS, UPRN_PATTERN
from .wording import (HALF_A_POINT, NO_ADDRESSES_AT, NO_POSTCODE_OR_STREET, NO_STREET, NOT_A_POSTCODE,
                      POINT_AND_POSTCODE, POSTCODE_AND_STREET, POSTCODE_NOUN, REQUIRED, STREET_TOO_SHORT)

# Outward code (area, district, optional sub-district) then inward code
# (sector digit, unit letters; Royal Mail never uses C I K M O V in a unit).
_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
POSTCODE = re.compile(rf"^({_OUTWARD})({_INWARD})$")
# In free text the two halves may be apart or together: "YO1 7HH", "yo17hh".
POSTCODE_IN_TEXT = re.compile(rf"\b({_OUTWARD})\s*({_INWARD})\b")
UPRN = re.compile(UPRN_PATTERN)
WORD = re.compile(r"[A-Z0-9]+")
HOUSE_NUMBER = re.compile(r"^[0-9]+[A-Z]?$")


def postcode_or_none(value):
    """The normalised postcode ("YO1 7HH"), or None when it is not one."""
    if not isinstance(value, str):
        return None
    match = POSTCODE.match(re.sub(r"\s+", "", value.upper()))
    return f"{match.group(1)} {match.group(2)}" if match else None


def normalise_postcode(value, field="postcode"):
    """As postcode_or_none, but a missing or malformed one is a 400 naming `field`."""
    postcode = postcode_or_none(value)
    if postcode is None:
        message = REQUIRED if not (value or "").strip() else NOT_A_POSTCODE
        raise ValidationFailed([(field, message)])
    return postcode


def not_known(deps, postcode, field="postcode"):
    """The error for a well-formed postcode with no known addresses: 422
    outside_service_area when its district is none of the council's (the
    service area's `postcode_districts`), so a resident over the border is
    told so; otherwise 404 postcode_not_found (a new or mistyped postcode)."""
    districts = getattr(deps.area, "postcode_districts", None)
    if districts and postcode.split()[0] not in districts:
        return OutsideServiceArea(deps.area.name, field=field, noun=POSTCODE_NOUN.format(postcode=postcode))
    return NotFound(NO_ADDRESSES_AT.format(postcode=postcode), code="postcode_not_found")


def address_view(address):
    return {"uprn": address.uprn, "address": address.text, "lat": float(address.lat),
            "lon": float(address.lon), "ward": address.ward}


def lookup(deps, query):
    """The addresses at a postcode, or on a street (?street=, for people who
    know their street but not their postcode)."""
    if query.get("street") not in (None, ""):
        if query.get("postcode") not in (None, ""):
            raise validation.broken_rules([("street", POSTCODE_AND_STREET)])
        return on_street(deps, query["street"])
    if query.get("postcode") in (None, ""):
        raise validation.broken_rules([("postcode", NO_POSTCODE_OR_STREET)])
    postcode = normalise_postcode(query.get("postcode"))
    found = sorted(deps.addresses.by_postcode(postcode), key=_street_order)
    if not found:
        raise not_known(deps, postcode)
    return {"postcode": postcode, "addresses": [address_view(a) for a in found]}


def on_street(deps, text):
    """Addresses on the streets whose name begins with the text ("12 Micklegate,
    York": its house number, if any, then narrows them; the town is ignored)."""
    # At most STREET_TEXT_MAX characters: the edge refuses longer, as the document says.
    words = text.split(",")[0].upper().split()
    number = words.pop(0) if words and HOUSE_NUMBER.match(words[0]) else None
    name = " ".join(words)
    if len(re.sub(r"[^A-Z]", "", name)) < STREET_MIN_LETTERS:
        raise validation.broken_rules([("street", STREET_TOO_SHORT.format(least=STREET_MIN_LETTERS))])
    found = deps.addresses.on_street(name, limit=STREET_MAX_ADDRESSES)
    if number:
        found = [a for a in found if number in _words(a.text.upper())] or found
    if not found:
        raise NotFound(NO_STREET.format(street=name.title()), code="street_not_found")
    return {"street": text.strip(), "addresses": [address_view(a) for a in found]}


def by_uprn(deps, uprn):
    """The address with this UPRN, or None (also for text that is no UPRN)."""
    uprn = (uprn or "").strip()
    return deps.addresses.get(uprn) if UPRN.match(uprn) else None


def match_text(deps, text):
    """(address, None) for the one address `text` names, else (None, why).

    The postcode narrows it to a few dozen addresses; the house number (the
    first number before the postcode) must then match, and the other words
    break ties. An answer that stays ambiguous is no answer: a crew sent to
    the wrong house is worse than a partner asked for lat and long.
    """
    upper = (text or "").upper()
    found = POSTCODE_IN_TEXT.search(upper)
    if not found:
        return None, "it has no UK postcode"
    postcode = f"{found.group(1)} {found.group(2)}"
    rest = _words(upper[:found.start()] + " " + upper[found.end():])
    candidates = deps.addresses.by_postcode(postcode)
    number = next((w for w in rest if HOUSE_NUMBER.match(w)), None)
    if number:
        candidates = [a for a in candidates if number in _words(a.text.upper())]
    scored = sorted(((len(set(rest) & set(_words(a.text.upper()))), a) for a in candidates),
                    key=lambda pair: -pair[0])
    if not scored or scored[0][0] == 0:
        return None, f"no known address at {postcode} matches it"
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None, f"it matches more than one address at {postcode}"
    return scored[0][1], None


def _words(text):
    return WORD.findall(text)


def _street_order(address):
    """Street, then house number as a number: 2 before 10."""
    first = address.lines[0] if address.lines else ""
    number, _, street = first.partition(" ")
    digits = re.match(r"[0-9]+", number)
    return (street, int(digits.group()) if digits else 0, address.text)


def point_from_query(deps, query, problems):
    """(lon, lat) from `lat`+`lon`, or from `postcode` for people who will not
    share their location: the centre of that postcode's known addresses.

    Problems are added to `problems` (the caller raises them with its own);
    a well-formed postcode with no known addresses is a 404 at once.
    Returns (None, None) when there were problems.
    """
    has_point = query.get("lat") not in (None, "") or query.get("lon") not in (None, "")
    has_postcode = query.get("postcode") not in (None, "")
    if has_postcode and has_point:
        problems.rule("postcode", POINT_AND_POSTCODE)
        return None, None
    if not has_postcode:
        for name in ("lat", "lon"):
            if query.get(name) in (None, ""):
                problems.rule(name, HALF_A_POINT)
        lat = validation.number(query["lat"], "lat", problems, -90, 90) if query.get("lat") else None
        lon = validation.number(query["lon"], "lon", problems, -180, 180) if query.get("lon") else None
        return (lon, lat) if lat is not None and lon is not None else (None, None)
    postcode = postcode_or_none(query.get("postcode"))
    if postcode is None:
        problems.add("postcode", NOT_A_POSTCODE)
        return None, None
    found = deps.addresses.by_postcode(postcode)
    if not found:
        raise not_known(deps, postcode)
    # A postcode covers a few dozen doors within ~100 m: their mean is its centre.
    return (sum(float(a.lon) for a in found) / len(found),
            sum(float(a.lat) for a in found) / len(found))
