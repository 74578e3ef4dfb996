"""The landlords desk (desk("landlords"), the revenues role's): organisations
awaiting the council's approval, where configuration asks for it, approved
or refused by an officer, each decision audited with who made it.

A refusal removes the organisation and its lead's membership (the audit
stays, with the officer's reason): the creditor reference is free again, so
the landlord's real lead can register, and the refused person sees the
registering form again. Approving or refusing one no longer waiting (a
colleague decided first) is a 409, not a second decision."""
from ...errors import ApiError, NotFound, ValidationFailed
from ...stamps import stamp
from ...storage.errors import EditConflict
from ..revenues.linking import audit_key
from . import limits, wording

WAITING_SHOWN = 200


def waiting(deps):
    from ...storage.metering import expose
    expose()
    return {"landlords": [{"creditor_ref": o["creditor_ref"], "name": o["name"],
                           "registered_at": stamp(o["registered_at"])}
                          for o in deps.landlords.waiting(WAITING_SHOWN)]}


def _waiting_one(deps, creditor_ref):
    org = deps.landlords.org(creditor_ref)
    if org is None:
        raise NotFound(wording.NO_SUCH_LANDLORD, code="landlord_not_found")
    if org["state"] != "awaiting_approval":
        raise ApiError(wording.DECIDED, status=409, code="landlord_decided")
    return org


def approve(deps, creditor_ref):
    _waiting_one(deps, creditor_ref)
    try:
        deps.landlords.approve(creditor_ref, audit_key(deps, deps.clock()), deps.principal.user_id)
    except EditConflict:
        raise ApiError(wording.DECIDED, status=409, code="landlord_decided") from None
    org = deps.landlords.org(creditor_ref)
    return {"creditor_ref": creditor_ref, "name": org["name"], "state": org["state"]}


def refuse(deps, creditor_ref, body):
    reason = body.get("reason")
    if not isinstance(reason, str) or not 1 <= len(reason.strip()) <= limits.REASON_MAX:
        raise ValidationFailed([("reason", wording.REASON)])
    org = _waiting_one(deps, creditor_ref)
    members = [m["user_id"] for m in deps.landlords.members(creditor_ref)]
    try:
        deps.landlords.refuse(creditor_ref, members, audit_key(deps, deps.clock()), deps.principal.user_id,
                              reason.strip())
    except EditConflict:
        raise ApiError(wording.DECIDED, status=409, code="landlord_decided") from None
    return {"creditor_ref": creditor_ref, "name": org["name"], "state": "refused"}
