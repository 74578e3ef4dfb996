"""A tenant reports a repair (POST /v1/repairs), in Housing Repairs Online's
order: not an emergency (those go to the phone), then location, problem and
issue from the tree, a description, access notes and a number to text. The
repair is stored with when the council became aware (now) and its event, in
one transaction with its Idempotency-Key; its order at the contractor's
scheduler follows from that event (ordering.py), so a scheduler that is down
never stops a repair being taken."""
from ... import validation
from ...errors import NotFound, Unacceptable
from ...stamps import stamp
from ...storage.errors import AlreadyExists
from ...storage.records import Repair
from ..shared import idempotency
from ..shared.events import new_event
from . import telling, tree, wording
from .homes import home_of
from .rules import of

FIELDS = ("home", "location", "problem", "issue", "description", "access", "contact", "emergency", "photos")
PHOTOS_MAX = 3
ACCESS_FIELDS = ("notes", "pets", "times", "needs")
REPAIR_ID = r"^RP-[0-9A-Z]{6}$"
IDEMPOTENCY_HOURS = 24
WORDS = {"description": {"missing": wording.DESCRIPTION, "length": wording.DESCRIPTION},
         "contact.phone": {"missing": wording.PHONE, "invalid": wording.PHONE}}


SERVICE = "repairs"  # the service a repair reported counts in (feedback/services.py)


def view(repair, now, rules):
    """The repair as its tenant (and the desk) read it, its dates said with the rules that set them."""
    out = {k: getattr(repair, k) for k in ("id", "home", "address", "location", "problem", "issue", "priority",
                                           "description", "access", "status", "appointment", "summary",
                                           "block")}
    law = rules.right_to_repair(repair.aware_at) if repair.right_to_repair_days else None
    out.update(investigated_at=stamp(repair.investigated_at), done_at=stamp(repair.done_at),
               done_what=repair.done_what, second_contractor=repair.second_contractor_at is not None,
               compensation=repair.compensation,
               compensation_text=wording.compensation(repair.compensation, law) if repair.compensation else None)
    out.update(aware_at=stamp(repair.aware_at), created_at=stamp(repair.created_at), ordered=repair.order is not None,
               emergency=repair.priority == "emergency", dates=telling.dates(repair, now, rules) if now else [])
    out["right_to_repair_days"] = repair.right_to_repair_days  # a qualifying repair's period, said to the tenant
    out.update(telling.contractors(repair, now, rules, law))
    return out


def with_photos(deps, out, repair):
    """The view with its photos' links, signed: a repair's photos are never on a plain link; to the tenant
    who reported it, how did reporting it go? (counted by its event's effect, `on_reported`)."""
    from ..reports.views import photo_url
    out = {**out, "photos": [photo_url(deps, photo, signed=True) for photo in repair.photos]}
    if deps.principal is not None and deps.principal.user_id == repair.user_id:
        from ..feedback.counting import question
        out["feedback"] = question(SERVICE, repair.id, "online", repair.created_at)
    return out


def on_reported(deps, event, key):
    """An effect of `repair_reported`: a repair reported by its tenant counted as finished, once
    (feedback/counting.py's mark), apart from its order so a scheduler away never holds the count up."""
    from ..feedback.counting import finished
    repair = deps.repairs.get((event.payload or {}).get("repair_id"))
    if repair is not None:
        finished(deps, SERVICE, repair.id, "online", repair.created_at)


def report(deps, body, key):
    user_id, now = deps.principal.user_id, deps.clock()
    found, fields = checked(body, tree.phone_of(deps.council))
    home = home_of(deps, body["home"])
    block = _block(home, fields["location"])
    from ..reports.uploads import attach
    fields["photos"] = [photo for _, photo in attach(deps, body.get("photos") or [], now)]
    claim = idempotency.Claim(deps, key, f"{user_id}#repair", body, _answer(deps), "another repair")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    # A shared part's repair is the block's: at the block's address, seen by its tenants (communal.py).
    repair = Repair(id="RP-" + deps.new_report_id()[-6:].upper(), home=home["id"],
                    address=block["address"] if block else home["address"], block=block and block["id"],
                    user_id=user_id, repair=found.name, code=found.code, trade=found.trade, priority=found.priority,
                    right_to_repair_days=of(deps).period(found.name, now), damp_mould=found.damp_mould,
                    aware_at=now, created_at=now, updated_at=now, **fields)
    on_board(repair, of(deps))
    event = new_event(deps, "repair_reported", now, repair_id=repair.id)
    try:
        deps.repairs.create(repair, claim.record(repair.id, now, IDEMPOTENCY_HOURS), event)
    except AlreadyExists as e:
        if e.part == "idempotency":
            return claim.twin(), False
        raise
    from ..shared.effects import first_try
    first_try(deps, [event])
    return with_photos(deps, view(deps.repairs.get(repair.id) or repair, now, of(deps)), repair), True


def _block(home, location):
    """The home's block for a repair to a shared part (None for one inside the home); 422 for a home in none."""
    if not tree.communal(location):
        return None
    from .blocks import block_of
    found = block_of(home["id"])
    if found is None:
        raise Unacceptable(wording.NO_BLOCK, code="no_block")
    return found


def on_board(repair, rules):
    """An open repair on staff's board from the soonest moment one of its clocks is at risk."""
    waiting = telling.open_deadlines(repair, rules)
    repair.board, repair.at_risk_at = ("open", min(d.at_risk_from for d in waiting)) if waiting else (None, None)
    return repair


def checked(body, council_phone=None):
    """(the tree's Repair, the repair's own fields) from a well-formed body: 400
    for a shape broken, 422 for an emergency or answers the tree does not lead to."""
    problems = validation.Problems(WORDS)
    if not isinstance(body, dict):
        problems.add("body", wording.BODY_NOT_OBJECT)
        problems.raise_if_any()
    for name in body:
        if name not in FIELDS:
            problems.add(name, wording.NOT_A_REPAIR_FIELD)
    emergency = next((e for e in tree.emergencies(council_phone) if e["id"] == body.get("emergency")), None)
    if emergency is not None:
        raise Unacceptable(wording.EMERGENCY.format(do_now=emergency["do_now"], phone=emergency["phone"]),
                           code="emergency_phone")
    answers = {name: body.get(name) for name in ("home", "location", "problem", "issue")}
    for name, value in answers.items():
        if not isinstance(value, str) or not value:
            problems.missing(name)
    description = validation.text(body.get("description"), "description", problems, 1, 500)
    access = body.get("access") or {}
    if not isinstance(access, dict) or set(access) - set(ACCESS_FIELDS):
        problems.add("access", wording.ACCESS)
        access = {}
    access = {k: validation.text(v, f"access.{k}", problems, 0, 300) for k, v in access.items()}
    contact = body.get("contact") if isinstance(body.get("contact"), dict) else {}
    phone = validation.text(contact.get("phone"), "contact.phone", problems, 1, 20)
    if phone is not None and not validation.PHONE.match(phone):
        problems.add("contact.phone", wording.PHONE)
    name = validation.text(contact.get("name"), "contact.name", problems, 0, 100)
    photos = body.get("photos") or []
    if not isinstance(photos, list) or len(photos) > PHOTOS_MAX or not all(isinstance(p, str) for p in photos):
        problems.add("photos", wording.PHOTOS.format(most=PHOTOS_MAX))
    problems.raise_if_any()
    found = tree.repair(answers["location"], answers["problem"], answers["issue"])
    if found is None:
        problems.rule("issue", wording.NOT_IN_TREE)
        problems.raise_if_any()
    return found, {"location": answers["location"], "problem": answers["problem"], "issue": answers["issue"],
                   "description": description, "access": {k: v for k, v in access.items() if v},
                   "contact": {k: v for k, v in {"phone": phone, "name": name}.items() if v}}


def mine_or_404(deps, repair_id):
    """The repair, if it is for a home the caller rents now; 404 otherwise."""
    import re
    repair = deps.repairs.get(repair_id) if isinstance(repair_id, str) and re.match(REPAIR_ID, repair_id) else None
    if repair is None or repair.user_id != deps.principal.user_id:
        raise NotFound(wording.NO_SUCH_REPAIR, code="repair_not_found")
    return repair


def _answer(deps):
    def answer(record):
        found = deps.repairs.get(record.resource_id)
        return with_photos(deps, view(found, deps.clock(), of(deps)), found) if found is not None else None
    return answer
