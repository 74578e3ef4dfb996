"""A landlord organisation registered by its lead user, and its colleagues.

The lead gives the creditor reference and the proof the council chose
(config.landlords()["proof"]): a tenant's claim reference with that tenant's
surname, or the last 4 digits of the bank account paid. As council tax
linking (revenues/linking.py): every attempt counts against the client, the
user and the creditor reference before the back office is asked; a creditor
that does not exist and a wrong proof get the same 422 after the same calls;
the creditor's count is given back on a match, so five wrong tries by anyone
lock it for the hour, and the 429 says until when in words, as the council
account's lock does (revenues/linking.lock_refusal). With approval configured the organisation waits for a
revenues officer (desk("landlords"), the revenues role's). Everything is audited.
A colleague invited by e-mail (colleagues.py) joins here, on
their first request signed in with that address verified (`membership`)."""
from ...auth import throttle
from ...config import landlords as settings
from ...errors import ApiError, NotFound
from ...stamps import stamp
from ...storage.errors import AlreadyExists, EditConflict
from ... import ids, validation
from ..revenues import backoffice
from ..revenues.linking import audit_key, lock_refusal
from ..revenues.port import BackOfficeError
from . import limits, wording
from .people import listed

CREDITOR_COUNT = "landlord-creditor"


PROOFS = {"claim": ("claim_ref", "surname"), "bank": ("bank_last4",)}


def _read(body, proof):
    """(creditor, the proof given). Each field is checked as /openapi.json states it, whichever
    proof it belongs to (400); the council's proof left out, the other sent, is a rule (422)."""
    import re
    problems = validation.Problems()
    creditor = (body.get("creditor_ref") or "").strip().upper() if isinstance(body.get("creditor_ref"), str) else ""
    if not re.match(limits.CREDITOR_PATTERN, creditor):
        problems.add("creditor_ref", wording.CREDITOR)
    given = {}
    for name in (*PROOFS["claim"], *PROOFS["bank"]):
        value = body.get(name)
        given[name] = value.strip() if isinstance(value, str) else ""
        if name not in body:
            if name in PROOFS[proof]:
                problems.rule(name, _SAY[name])  # the other proof's shape, or none: this council's is asked
        elif name == "claim_ref" and not re.match(limits.CLAIM_PATTERN, given[name].upper()):
            problems.add(name, wording.CLAIM_REF)
        elif name == "surname" and not (given[name] and len(given[name]) <= limits.NAME_MAX):
            problems.add(name, wording.SURNAME)
        elif name == "bank_last4" and not (len(given[name]) == 4 and given[name].isdigit()):
            problems.add(name, wording.BANK_LAST4)
    given["claim_ref"] = given["claim_ref"].upper()
    mine = any(name in body for name in PROOFS[proof])
    for key in body:  # one proof or the other, never both
        if key not in ("creditor_ref", *PROOFS[proof]) and (key not in given or mine):
            problems.add(key, wording.NOT_A_FIELD)
    problems.raise_if_any()
    return creditor, {name: given[name] for name in PROOFS[proof]}


_SAY = {"claim_ref": wording.CLAIM_REF, "surname": wording.SURNAME, "bank_last4": wording.BANK_LAST4}


def matched(facts, proof, given):
    """True when the back office's facts bear the proof out (None facts: no such creditor)."""
    import hmac
    if facts is None:
        return False
    if proof == "bank":
        return hmac.compare_digest(facts.bank_last4, given["bank_last4"])
    return bool(facts.tenant_surname) and facts.tenant_surname.casefold() == given["surname"].casefold()


def register(deps, body):
    """(view, created): the organisation with the caller as its lead."""
    proof = settings()["proof"]
    creditor, given = _read(body, proof)
    user_id, now = deps.principal.user_id, deps.clock()
    revenues = backoffice.configured(deps)
    throttle.spend(deps.counters, "landlord-client", deps.client or "unknown", limits.PER_CLIENT, now,
                   wording.TOO_MANY)
    throttle.spend(deps.counters, "landlord-user", user_id, limits.PER_USER, now, wording.TOO_MANY)
    subject = ids.digest(creditor)[:24]
    if throttle.record(deps.counters, CREDITOR_COUNT, subject, limits.PER_CREDITOR, now) > limits.PER_CREDITOR[0]:
        throttle.give_back(deps.counters, CREDITOR_COUNT, subject, limits.PER_CREDITOR, now)
        raise lock_refusal(limits.PER_CREDITOR, now, wording.locked, "landlord_locked")
    try:
        facts = revenues.check_landlord(creditor, given.get("claim_ref", ""))
    except BackOfficeError as e:
        throttle.give_back(deps.counters, CREDITOR_COUNT, subject, limits.PER_CREDITOR, now)
        raise backoffice.unavailable(now, wording, e) from None
    if not matched(facts, proof, given):
        raise ApiError(wording.NOT_MATCHED, status=422, code="not_matched")
    throttle.give_back(deps.counters, CREDITOR_COUNT, subject, limits.PER_CREDITOR, now)
    if deps.landlords.membership(user_id) is not None:
        raise ApiError(wording.MEMBER_ALREADY, status=409, code="member_already")
    org = {"creditor_ref": creditor, "name": facts.name, "lead_user_id": user_id, "registered_at": now,
           "state": "awaiting_approval" if settings()["approval"] else "active"}
    try:
        deps.landlords.register(org, audit_key(deps, now))
    except AlreadyExists:
        raise ApiError(wording.TAKEN, status=409, code="landlord_taken") from None
    return org_view(org, "lead"), True


def org_view(org, role):
    return {"creditor_ref": org["creditor_ref"], "name": org["name"], "state": org["state"], "role": role,
            "registered_at": stamp(org["registered_at"])}


def invite_id(email):
    return "invite:" + ids.digest(email.strip().casefold())[:24]


def membership(deps):
    """The caller's (creditor_ref, role), an invitation to their verified address accepted on the way; None."""
    principal = deps.principal
    found = deps.landlords.membership(principal.user_id)
    if found is not None or not (principal.email and principal.email_verified):
        return found
    invite = invite_id(principal.email)
    invited = deps.landlords.membership(invite)
    if invited is None:
        return None
    now = deps.clock()
    try:
        deps.landlords.accept_invitation(invited[0], invite, principal.user_id, invited[1], principal.email, now,
                                         audit_key(deps, now))
    except (AlreadyExists, EditConflict):
        pass  # a twin request accepted it, or the lead removed it meanwhile
    return deps.landlords.membership(principal.user_id)


def member_of(deps, need=None):
    """(org, role) of the caller's active organisation; 403 otherwise.
    need: "lead" (colleagues), "report" (reporting a change)."""
    found = membership(deps)
    org = deps.landlords.org(found[0]) if found else None
    if org is None:
        raise ApiError(wording.NOT_A_MEMBER, status=403, code="not_a_landlord")
    role = found[1]
    if org["state"] != "active":
        raise ApiError(wording.AWAITING_APPROVAL, status=403, code="awaiting_approval")
    if need == "lead" and role != "lead":
        raise ApiError(wording.LEAD_ONLY, status=403, code="lead_only")
    if need == "report" and role not in ("lead", "report"):
        raise ApiError(wording.CANNOT_REPORT, status=403, code="cannot_report")
    return org, role


def mine(deps):
    found = membership(deps)
    org = deps.landlords.org(found[0]) if found else None
    if org is None:
        raise NotFound(wording.NOT_A_MEMBER, code="not_a_landlord")
    view = org_view(org, found[1])
    if found[1] == "lead":
        view["colleagues"] = listed(deps, deps.landlords.members(org["creditor_ref"]))[0]  # each one's e-mail
    return view
