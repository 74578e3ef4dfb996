"""Following a petition without signing: told, as signers are, when the
council responds, a debate is scheduled or it closes; never counted.

One follower per canonical e-mail per petition (a conditional put on
"follower#<digest>"). A signed-in resident with a verified e-mail follows at
once with it; an e-mail given is followed once its link (from configuration's
base address) is opened, and asking again re-sends that link at most once per
resend_minutes. Every answer to an e-mail given is the same, following before
or not. Each notice carries an unsubscribe link: its secret is a digest of the
follower's stored confirmation hash, so nothing more is stored and only the
mail's reader holds it.
"""
import re
from datetime import timedelta

from ... import ids, validation
from ...config import petitions as petition_settings
from ...errors import NotFound, Unacceptable, ValidationFailed
from ...storage.errors import AlreadyExists
from ...storage.democracy.petitions import FOLLOWER, Signature
from . import canonical
from .drafting import close_if_due
from .limits import PETITION_ID_PATTERN, PUBLIC_STATES
from .notices import unsubscribe_token
from .wording import (CONFIRM_FOLLOW_BODY, CONFIRM_FOLLOW_SUBJECT, EMAIL_OR_SIGN_IN, EMAIL_REQUIRED_UNLESS_SIGNED_IN,
                      FOLLOW_CHECK_EMAIL, FOLLOW_LINK_NOT_VALID, NOT_A_FOLLOWER_FIELD, NOW_FOLLOWING, NO_SUCH_PETITION,
                      TOKEN_IN_EMAIL_LINK)

CHECK_EMAIL = {"status": "check_email", "message": FOLLOW_CHECK_EMAIL}
FOLLOWING = {"status": "following", "message": NOW_FOLLOWING}
TOKEN = re.compile(r"^(PT-[0-9A-Z]{6})\.([0-9a-f]{40})\.([A-Za-z0-9_-]{20,64})$")


def follower_key(email):
    return f"{FOLLOWER}{ids.digest(canonical.email(email))[:40]}"


def follow(deps, petition_id, body):
    """POST /v1/petitions/{id}/followers {email?}: without an e-mail, the
    signed-in account's verified one, followed at once."""
    problems = validation.Problems()
    for key in body:
        if key != "email":
            problems.add(key, NOT_A_FOLLOWER_FIELD)
    email = validation.email(body.get("email"), "email", problems) if body.get("email") is not None else None
    principal = deps.principal
    own = principal is not None and principal.email and principal.email_verified and (
        email is None or canonical.email(email) == canonical.email(principal.email))
    problems.raise_if_any()
    if email is None and not own:
        raise Unacceptable(EMAIL_OR_SIGN_IN, code="email_required",
                           fields=[{"field": "email", "message": EMAIL_REQUIRED_UNLESS_SIGNED_IN}])
    email = principal.email if own else email
    petition = deps.petitions.get(petition_id) if re.fullmatch(PETITION_ID_PATTERN, petition_id or "") else None
    if petition is None or petition.state not in PUBLIC_STATES:
        raise NotFound(NO_SUCH_PETITION, code="petition_not_found")
    petition = close_if_due(deps, petition)
    now = deps.clock()
    key = follower_key(email)
    token = f"{petition.id}.{key[len(FOLLOWER):]}.{deps.new_token()}"
    follower = Signature(petition_id=petition.id, key=key, name="", email=email, domain=canonical.domain(email),
                         postcode="", ward=None, client=deps.client or "unknown",
                         state="following" if own else "pending", confirm_hash=ids.digest(token),
                         created_at=now, sent_at=now, confirmed_at=now if own else None,
                         user_id=principal.user_id if own else None)
    try:
        deps.petitions.add_signature(follower)
    except AlreadyExists:
        earlier = deps.petitions.signature(petition.id, key)
        if own:
            if earlier.state != "following":
                deps.petitions.follow_state(earlier, earlier.state, "following", now)
            return FOLLOWING
        minutes = petition_settings()["resend_minutes"]
        if earlier.state != "pending" or not deps.petitions.resend(
                earlier, ids.digest(token), now, now - timedelta(minutes=minutes)):
            return CHECK_EMAIL
    if own:
        return FOLLOWING
    from ...notify.email import send_email
    link = f"{deps.base_url}/petitions/follow?token={token}"  # configuration's base, never the request's Host
    send_email(email, CONFIRM_FOLLOW_SUBJECT, CONFIRM_FOLLOW_BODY.format(action=petition.action, link=link),
               now, deps.new_opaque_id)
    return CHECK_EMAIL


def _by_token(deps, body, check):
    token = body.get("token")
    if not isinstance(token, str):
        raise ValidationFailed([("token", TOKEN_IN_EMAIL_LINK)])
    found = TOKEN.match(token)
    follower = deps.petitions.signature(found.group(1), FOLLOWER + found.group(2)) if found else None
    if follower is None or not check(follower, token):
        raise NotFound(FOLLOW_LINK_NOT_VALID, code="follower_not_found")
    return follower


def confirm(deps, body):
    """POST /v1/followers/confirm {token}: pending -> following, once."""
    follower = _by_token(deps, body, lambda f, token: f.state != "stopped" and ids.constant_time_equal(
        ids.digest(token), f.confirm_hash or ""))
    if follower.state == "pending":
        deps.petitions.follow_state(follower, "pending", "following", deps.clock())
    return _answer(deps, follower, True)


def unsubscribe(deps, body):
    """POST /v1/followers/unsubscribe {token}: following (or pending) -> stopped; again: the same answer."""
    follower = _by_token(deps, body, lambda f, token: ids.constant_time_equal(token, unsubscribe_token(f)))
    if follower.state != "stopped":
        deps.petitions.follow_state(follower, follower.state, "stopped", deps.clock())
    return _answer(deps, follower, False)


def _answer(deps, follower, following):
    petition = deps.petitions.get(follower.petition_id)
    return {"following": following, "petition": {"id": petition.id, "action": petition.action,
                                                 "state": petition.state}}
