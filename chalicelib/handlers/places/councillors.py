"""Wards and councillors: "who are my councillors?".

GET /v1/councillors takes lat/lon or a postcode (the centre of its known
addresses) and answers the ward there and its councillors. Councillors'
e-mails, phones and surgery times are the public office contact details a
council publishes for its elected members, so they are shown to anyone;
nothing here is a resident's personal data.

Outside every ward (beyond the council's area, or a gap in an incomplete
ward file) is 404 `no_ward`: there is no ward to describe. On a boundary two
wards share, the ward with the lowest id answers (see WardStore.at_point).
"""
from ... import validation
from ...errors import NotFound
from ...storage import metering
from . import postcodes as places
from .wording import NO_WARD_COVERS, REQUIRED

FIELDS = ("name", "party", "email", "phone", "surgery")
MAX_COUNCILLORS = 10  # UK wards elect one to three; more is a wrong file
NAME_MAX, SURGERY_MAX = 100, 500


def councillors_at(deps, query):
    metering.expose()
    problems = validation.Problems()
    lon, lat = places.point_from_query(deps, query, problems)
    problems.raise_if_any()
    ward = deps.wards.at_point(lon, lat)
    if ward is None:
        raise NotFound(NO_WARD_COVERS, code="no_ward")
    return {"ward": ward_summary(ward), "councillors": [councillor_view(c) for c in ward.councillors]}


def ward_summary(ward):
    return {"id": ward.id, "name": ward.name}


def councillor_view(councillor):
    """Every field present, null when the council has not given it."""
    return {key: councillor.get(key) or None for key in FIELDS}


def check_councillor(raw):
    """(clean councillor dict, None) or (None, every reason joined): for the
    importers, from a CSV row or a ward feature's `councillors` entry."""
    if not isinstance(raw, dict):
        return None, "must be an object with name, party and email"
    problems = validation.Problems()
    clean = {
        "name": validation.text(raw.get("name"), "name", problems, max_len=NAME_MAX, required=True),
        "party": validation.text(raw.get("party"), "party", problems, max_len=NAME_MAX, required=True),
        "email": validation.email(raw.get("email"), "email", problems),
        "phone": validation.phone(raw.get("phone"), "phone", problems),
        "surgery": validation.text(raw.get("surgery"), "surgery", problems, max_len=SURGERY_MAX),
    }
    if clean["email"] is None and not any(f == "email" for f, _ in problems.items):
        problems.add("email", REQUIRED)
    if problems.items:
        return None, "; ".join(f"{f} {m[0].lower()}{m[1:].rstrip('.')}" for f, m in problems.items)
    return {k: v for k, v in clean.items() if v is not None}, None


def check_councillors(raw):
    """([clean councillors], None) or (None, reasons) for a feature's list."""
    if not isinstance(raw, list):
        return None, "councillors must be a list"
    if len(raw) > MAX_COUNCILLORS:
        return None, f"more than {MAX_COUNCILLORS} councillors"
    clean, reasons = [], []
    for n, item in enumerate(raw, 1):
        councillor, reason = check_councillor(item)
        if reason:
            reasons.append(f"councillor {n}: {reason}")
        else:
            clean.append(councillor)
    return (None, "; ".join(reasons)) if reasons else (clean, None)
