"""A page's answers checked, question by question, in GOV.UK Forms' words
made from each question's own label. `check(deps, question, raw)` gives
(value to keep, [(field, message)]): the value is plain JSON, the fields are
the question's id ("date_of_birth") or one of its parts ("name.first",
"people[1].person_name"), as the error summary links to them."""
import re
from datetime import date

from . import wording as w
from .limits import TEXT_LONG_MAX, TEXT_SHORT_MAX

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\s().-]+$")
NINO = re.compile(r"^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TSW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$")
POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$")


def check(deps, question, raw, field=None):
    field = field or question["id"]
    if blank(raw):
        if question.get("optional"):
            return None, []
        return None, [(field, w.required(question))]
    return CHECKS[question["type"]](deps, question, raw, field)


def blank(raw):
    if isinstance(raw, dict):
        return all(blank(v) for v in raw.values())
    return raw is None or raw == [] or (isinstance(raw, str) and not raw.strip())


def _text(deps, q, raw, field, default_max=None):
    if not isinstance(raw, str):
        return None, [(field, w.required(q))]
    most = q.get("max_length") or default_max or (TEXT_LONG_MAX if q.get("length") == "long" else TEXT_SHORT_MAX)
    value = raw.strip()
    return (value, []) if len(value) <= most else (None, [(field, w.too_long(q["label"], most))])


def _name(deps, q, raw, field):
    parts = {"full": ["full"], "first_last": ["first", "last"],
             "first_middle_last": ["first", "middle", "last"]}[q.get("parts", "full")]
    given = {"full": raw} if isinstance(raw, str) else raw if isinstance(raw, dict) else {}
    value, problems = {}, []
    for part in parts:
        text = given.get(part)
        text = text.strip() if isinstance(text, str) else ""
        if not text and part != "middle":
            problems.append((field if part == "full" else f"{field}.{part}",
                             w.required(q) if part == "full" else f"Enter the {part} name"))
        elif len(text) > 200:
            problems.append((f"{field}.{part}", w.too_long(q["label"], 200)))
        value[part] = text
    return (value if not problems else None), problems


def _matching(pattern, message, clean=lambda s: s.strip()):
    def checker(deps, q, raw, field):
        value = clean(raw) if isinstance(raw, str) else ""
        return (value, []) if pattern(value) else (None, [(field, message(q["label"]))])
    return checker


def _phone_ok(value):
    digits = re.sub(r"\D", "", value)
    return bool(PHONE.match(value)) and 8 <= len(digits) <= 15


def _number(deps, q, raw, field):
    try:
        value = float(str(raw).replace(",", "").strip())
    except ValueError:
        return None, [(field, w.a_number(q["label"]))]
    if value != value or value in (float("inf"), float("-inf")):
        return None, [(field, w.a_number(q["label"]))]
    if q.get("whole") and value != int(value):
        return None, [(field, w.a_whole_number(q["label"]))]
    if "min" in q and value < q["min"]:
        return None, [(field, w.at_least(q["label"], q["min"]))]
    if "max" in q and value > q["max"]:
        return None, [(field, w.at_most(q["label"], q["max"]))]
    return (int(value) if value == int(value) else value), []


def _date(deps, q, raw, field):
    from ...stamps import london_today
    given = raw if isinstance(raw, dict) else {}
    parts = {p: str(given.get(p) or "").strip() for p in ("day", "month", "year")}
    missing = [p for p, v in parts.items() if not v]
    if missing:
        return None, [(f"{field}.{missing[0]}", w.date_part_missing(q["label"], missing))]
    try:
        day = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        if not 1000 <= day.year <= 9999:
            raise ValueError
    except ValueError:
        return None, [(field, w.real_date(q["label"]))]
    today = london_today(deps.clock())
    if q.get("input") in ("date_of_birth", "past") and day >= today:
        return None, [(field, w.date_in_past(q["label"]))]
    if q.get("input") == "future" and day <= today:
        return None, [(field, w.date_in_future(q["label"]))]
    return day.isoformat(), []


def _address(deps, q, raw, field):
    given = raw if isinstance(raw, dict) else {}
    value = {k: str(given.get(k) or "").strip() for k in ("line1", "line2", "town", "postcode")}
    problems = [(f"{field}.{k}", w.ENTER_ADDRESS_PART.format(part=part)) for k, part in w.ADDRESS_PARTS.items()
                if not value[k]]
    if value["postcode"] and not POSTCODE.match(value["postcode"].upper()):
        problems.append((f"{field}.postcode", w.postcode_format()))
    value["postcode"] = value["postcode"].upper()
    return (value if not problems else None), problems


def _selection(deps, q, raw, field):
    allowed = {o["value"] for o in q["options"]}
    chosen = raw if q.get("several") else [raw]
    if not isinstance(chosen, list) or not all(isinstance(c, str) and c in allowed for c in chosen):
        return None, [(field, w.not_an_option_answer(q["label"]))]
    return (sorted(set(chosen), key=[o["value"] for o in q["options"]].index) if q.get("several") else raw), []


def _property(deps, q, raw, field):
    uprn = raw.get("uprn") if isinstance(raw, dict) else raw
    address = deps.addresses.get(str(uprn)) if isinstance(uprn, (str, int)) and str(uprn).isdigit() else None
    if address is None:
        return None, [(field, w.no_such_property(q["label"]))]
    return {"uprn": address.uprn, "text": address.text, "postcode": address.postcode}, []


def _map_point(deps, q, raw, field):
    given = raw if isinstance(raw, dict) else {}
    try:
        lat, lon = float(given.get("lat")), float(given.get("lon"))
    except (TypeError, ValueError):
        return None, [(field, w.required(q))]
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not deps.area.contains(lon, lat):
        return None, [(field, w.outside_area(q["label"]))]
    return {"lat": round(lat, 6), "lon": round(lon, 6)}, []


def _add_another(deps, q, raw, field):
    items = raw if isinstance(raw, list) else []
    if len(items) > q.get("max_items", 50):
        return None, [(field, w.too_many_items(q["item_name"], q.get("max_items", 50)))]
    value, problems = [], []
    for n, item in enumerate(items):
        item = item if isinstance(item, dict) else {}
        kept = {}
        for inner in q["questions"]:
            kept[inner["id"]], found = check(deps, inner, item.get(inner["id"]), f"{field}[{n}].{inner['id']}")
            problems += found
        value.append(kept)
    return (value if not problems else None), problems


CHECKS = {
    "text": _text, "organisation_name": lambda d, q, r, f: _text(d, q, r, f, TEXT_SHORT_MAX), "name": _name,
    "email": _matching(lambda v: bool(EMAIL.match(v)) and len(v) <= 254, w.email_format),
    "phone": _matching(_phone_ok, w.phone_format),
    "national_insurance_number": _matching(lambda v: bool(NINO.match(v)), w.nino_format,
                                           clean=lambda s: re.sub(r"\s", "", s).upper()),
    "number": _number, "date": _date, "address": _address, "selection": _selection, "property": _property,
    "map_point": _map_point, "add_another": _add_another,  # a file: files.kept_files (it needs the submission)
}
