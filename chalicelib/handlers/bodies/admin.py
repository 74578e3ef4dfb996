"""Bodies as data: administrators (and `doorstep bodies`) add, change and
retire them. A body's api_key is a secret: it is kept, never shown again."""
from ... import states, validation
from ...errors import Conflict, NotFound
from ...storage.bodies.bodies import EVERY_CATEGORY, Body
from ...storage.errors import AlreadyExists, EditConflict
from .areas import area_of
from .limits import (ANSWER_WITHIN_DAYS_MAX, BODY_ID, CONTACT_TEXT_MAX, FORMATS, NAME_MAX, PRECEDENCE_BY_KIND,
                     SECRET_MAX, SEND_METHODS)
from .wording import (ANSWER_WITHIN_NOT_DAYS, BODY_EXISTS, BODY_NOT_OBJECT, CATEGORIES_NOT_CODES, EMAIL_NEEDS_ADDRESS,
                      ENDPOINT_NOT_HTTPS, ENDPOINT_NOT_HTTPS_LOCAL, ID_CANNOT_CHANGE, ID_NOT_SLUG, MAPPING_NOT_STATES,
                      MAPPING_NOT_TEXT, NOT_BODY_FIELD, NOT_ONE_OF, NOT_TRUE_OR_FALSE, NO_BODY, OPEN311_NEEDS_ENDPOINT,
                      PRECEDENCE_NOT_DIGIT)

FIELDS = {"id", "name", "area", "categories", "send_method", "precedence", "contact_text", "endpoint", "api_key",
          "jurisdiction_id", "format", "service_codes", "status_map", "email", "gets_contact",
          "answer_within_days", "council"}
STALE = "The body changed since you read it; read it again."


def list_bodies(deps):
    return {"bodies": [view(b) for b in deps.bodies.all()]}


def show_body(deps, body_id):
    return view(existing(deps, body_id))


def create_body(deps, body):
    values = _checked(deps, body, required=True)
    values.setdefault("precedence", PRECEDENCE_BY_KIND[values["area"]["kind"]])
    new = Body(**values)
    try:
        deps.bodies.save(new, new=True)
    except AlreadyExists:
        raise Conflict(BODY_EXISTS.format(id=new.id), code="body_exists")
    return view(new)


def check_body(deps, body):
    """[(field, reason)] of what create_body would refuse in `body`, nothing stored: a council's
    data folder is checked whole before any of it is written (doorstep_cli/council_pack.py)."""
    from ...errors import ValidationFailed
    try:
        _checked(deps, body, required=True)
    except ValidationFailed as e:
        return [(f["field"], f["message"]) for f in e.fields] or [("body", e.message)]
    return []


def update_body(deps, body_id, body, expected_version):
    current = existing(deps, body_id, expected_version)
    values = _checked(deps, body, required=False, current=current)
    for name, value in values.items():
        setattr(current, name, value)
    return _save(deps, current)


def retire_body(deps, body_id, expected_version):
    """A retired body is routed to no more; reports already sent keep its name."""
    current = existing(deps, body_id, expected_version)
    current.retired = True
    return _save(deps, current)


def existing(deps, body_id, expected_version=None):
    found = deps.bodies.get(body_id) if isinstance(body_id, str) and BODY_ID.match(body_id) else None
    if found is None:
        raise NotFound(NO_BODY.format(body_id=body_id), code="body_not_found")
    if expected_version is not None and int(found.version or 0) != expected_version:
        raise Conflict(STALE, code="edit_conflict", headers={"ETag": f'"{int(found.version or 0)}"'})
    return found


def view(body):
    """What staff see of a body: everything but its key."""
    area = {k: v for k, v in body.area.items() if k != "geometry" or body.area["kind"] != "council"}
    return {"id": body.id, "name": body.name, "area": area, "categories": list(body.categories),
            "send_method": body.send_method, "precedence": int(body.precedence), "contact_text": body.contact_text,
            "endpoint": body.endpoint, "has_api_key": bool(body.api_key), "jurisdiction_id": body.jurisdiction_id,
            "format": body.format, "service_codes": dict(body.service_codes or {}),
            "status_map": dict(body.status_map or {}), "email": body.email, "council": body.council,
            "gets_contact": bool(body.gets_contact),
            "answer_within_days": body.answer_within_days, "retired": bool(body.retired),
            "version": int(body.version or 0)}


def _save(deps, body):
    try:
        deps.bodies.save(body)
    except EditConflict:
        raise Conflict(STALE, code="edit_conflict")
    return view(body)


def _checked(deps, body, required, current=None):
    problems = validation.Problems()
    if not isinstance(body, dict):
        problems.add("body", BODY_NOT_OBJECT)
        problems.raise_if_any()
    for name in sorted(set(body) - FIELDS):
        problems.add(name, NOT_BODY_FIELD)
    if current is not None and "id" in body and body["id"] != current.id:
        problems.add("id", ID_CANNOT_CHANGE)
    values = {}
    if required:
        values["id"] = body.get("id")
        if not isinstance(values["id"], str) or not BODY_ID.match(values["id"]):
            problems.add("id", ID_NOT_SLUG)
    if required or "name" in body:
        values["name"] = validation.text(body.get("name"), "name", problems, 1, NAME_MAX)
    if required or "area" in body:
        values["area"] = area_of(deps, body.get("area"), problems)
    if required or "categories" in body:
        values["categories"] = _categories(deps, body.get("categories"), problems)
    if "contact_text" in body or required:
        values["contact_text"] = validation.text(body.get("contact_text"), "contact_text", problems, 1,
                                                 CONTACT_TEXT_MAX)
    if "precedence" in body:
        value = body["precedence"]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 9:
            problems.add("precedence", PRECEDENCE_NOT_DIGIT)
        values["precedence"] = value
    _sending(deps, body, values, problems, required, current)
    problems.raise_if_any()
    return values


def _categories(deps, codes, problems):
    known = set(deps.services.by_code())
    if codes == [EVERY_CATEGORY]:
        return codes
    if not isinstance(codes, list) or not codes or not all(isinstance(c, str) and c in known for c in codes):
        problems.add("categories", CATEGORIES_NOT_CODES)
        return None
    return sorted(set(codes))


def _sending(deps, body, values, problems, required, current):
    """How reports reach the body, checked as a whole: an Open311 body needs its
    endpoint, an e-mailed one its address."""
    for name in ("send_method", "format"):
        if name in body:
            values[name] = body[name]
    method = values.get("send_method", current.send_method if current else "inbox")
    if method not in SEND_METHODS:
        problems.add("send_method", NOT_ONE_OF.format(choices=", ".join(SEND_METHODS)))
    if values.get("format", "json") not in FORMATS:
        problems.add("format", NOT_ONE_OF.format(choices=", ".join(FORMATS)))
    if "endpoint" in body:
        values["endpoint"] = _endpoint(deps, body["endpoint"], problems)
    for name in ("api_key", "jurisdiction_id"):
        if name in body:
            values[name] = validation.text(body[name], name, problems, 0, SECRET_MAX)
    if "email" in body:
        values["email"] = validation.email(body["email"], "email", problems)
    for name in ("service_codes", "status_map"):
        if name in body:
            values[name] = _mapping(body[name], name, problems, states_only=name == "status_map")
    if "gets_contact" in body:
        values["gets_contact"] = body["gets_contact"]
        if not isinstance(body["gets_contact"], bool):
            problems.add("gets_contact", NOT_TRUE_OR_FALSE)
    if "answer_within_days" in body:
        days = body["answer_within_days"]
        if days is not None and (isinstance(days, bool) or not isinstance(days, int)
                                 or not 1 <= days <= ANSWER_WITHIN_DAYS_MAX):
            problems.add("answer_within_days", ANSWER_WITHIN_NOT_DAYS.format(most=ANSWER_WITHIN_DAYS_MAX))
        values["answer_within_days"] = days
    endpoint = values.get("endpoint", current.endpoint if current else None)
    email = values.get("email", current.email if current else None)
    if method == "open311" and not endpoint:
        problems.rule("endpoint", OPEN311_NEEDS_ENDPOINT)
    if method == "email" and not email:
        problems.rule("email", EMAIL_NEEDS_ADDRESS)
    if "council" in body or method == "council":
        from .receiving import checked_council
        values["council"] = checked_council(body.get("council", current.council if current else None), method,
                                            values.get("categories", current.categories if current else None),
                                            problems)


def _endpoint(deps, value, problems):
    from urllib.parse import urlsplit
    value = validation.text(value, "endpoint", problems, 0, 500)
    if value is None:
        return None
    parts = urlsplit(value)
    local = deps.settings.stage in ("local", "test")
    if parts.scheme not in (("https", "http") if local else ("https",)) or not parts.hostname or parts.query:
        problems.add("endpoint", ENDPOINT_NOT_HTTPS_LOCAL if local else ENDPOINT_NOT_HTTPS)
        return None
    return value.rstrip("/")


def _mapping(value, name, problems, states_only=False):
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and k and v
                                              for k, v in value.items()):
        problems.add(name, MAPPING_NOT_TEXT)
        return {}
    if states_only and any(v not in states.LABELS for v in value.values()):
        problems.add(name, MAPPING_NOT_STATES.format(choices=", ".join(states.LABELS)))
    return dict(value)
