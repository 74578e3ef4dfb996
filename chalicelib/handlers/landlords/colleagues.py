"""The lead's colleagues: added by their Doorstep account (user_id) or by
email, each with a role (view, or report: view and report changes),
removed by the lead; every step audited.

By email, the answer is the same whether or not a Doorstep account has
that address (a landlord's lead learns nothing of who has an account): an
invitation is kept under the organisation as a member row whose user is
"invite:<digest of the address>", and the person becomes the member the
first time they open the portal signed in with that address verified
(`membership`). Someone without an account yet signs up with that address
first; until then the lead sees the invitation, and may remove it. The
invitation is e-mailed to the address (inviting.py)."""
from ... import validation
from ...errors import ApiError, NotFound
from ...stamps import stamp
from ...storage.errors import AlreadyExists, EditConflict
from ..revenues.linking import audit_key
from . import limits, wording
from .registering import invite_id, member_of


def _read(body):
    problems = validation.Problems()
    user_id, email, role = body.get("user_id"), body.get("email"), body.get("role")
    if email is not None:
        if not isinstance(email, str) or not validation.EMAIL.match(email.strip()) or len(email) > 254:
            problems.add("email", wording.EMAIL)
    elif user_id is None:
        problems.add("email", wording.EMAIL)
    elif not isinstance(user_id, str) or not 1 <= len(user_id) <= 64 or user_id.startswith("invite:"):
        problems.add("user_id", wording.USER)
    if role not in limits.ROLES:
        problems.add("role", wording.ROLE)
    for key in body:
        if key not in ("user_id", "email", "role"):
            problems.add(key, wording.NOT_A_FIELD)
    problems.raise_if_any()
    return user_id, (email or "").strip(), role


def add_colleague(deps, body):
    org, _ = member_of(deps, "lead")
    user_id, email, role = _read(body)
    if email:
        user_id = invite_id(email)
    elif deps.accounts.user(user_id) is None:
        raise NotFound(wording.NO_USER, code="user_not_found")
    if deps.landlords.membership(user_id) is not None:
        raise ApiError(wording.MEMBER_ALREADY, status=409, code="member_already")
    now = deps.clock()
    from ..shared.effects import first_try
    from ..shared.events import new_event
    from .inviting import KIND
    # An invitation is e-mailed from its own event, written with it: once, and never from this request alone.
    event = new_event(deps, KIND, now, creditor_ref=org["creditor_ref"], user_id=user_id) if email else None
    try:
        deps.landlords.add_member(org["creditor_ref"], user_id, role, email or None, now, audit_key(deps, now),
                                  deps.principal.user_id, event=event)
    except AlreadyExists:
        raise ApiError(wording.MEMBER_ALREADY, status=409, code="member_already") from None
    first_try(deps, [event])
    return {"user_id": user_id, "role": role, "email": email or None, "invited": bool(email),
            "added_at": stamp(now)}


def remove_colleague(deps, user_id):
    org, _ = member_of(deps, "lead")
    if user_id == org["lead_user_id"]:
        raise ApiError(wording.LEAD_STAYS, status=409, code="lead_stays")
    try:
        deps.landlords.remove_member(org["creditor_ref"], user_id, audit_key(deps, deps.clock()),
                                     deps.principal.user_id)
    except EditConflict:
        raise NotFound(wording.NOT_COLLEAGUE, code="colleague_not_found") from None
