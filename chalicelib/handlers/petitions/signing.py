"""Signing and sponsoring a petition, and confirming by the e-mail's link.

A signature is stored pending with a conditional put on its signer key (one
per canonical e-mail and name per petition) and counted only when its
e-mail link is followed: the confirmation moves it pending -> validated with
a conditional update, and only the call that moved it ADDs one to the
petition's count and to its ward's. Two clicks, two tabs or a retry count once.

Trust: more signatures from one client than config.petitions()["client_limit"]
allows in its window are kept, confirmed as any other, but marked suspect and
never counted; the signer is told nothing different (refusing loudly teaches a
script the limit). Every answer to a signing is the same 202, whether the
address had signed before or not, so the route reveals no one's signature.
"""
import re
from datetime import timedelta

from ... import ids, validation
from ...auth import throttle
from ...config import petitions as petition_settings
from ...errors import Conflict, NotFound, ValidationFailed
from ...storage.errors import AlreadyExists
from ...storage.democracy.petitions import NO_WARD, Signature
from . import canonical
from .drafting import close_if_due, validation_equal
from .limits import NAME_MAX, PETITION_ID_PATTERN
from .wording import (CONFIRM_SIGNATURE_BODY, CONFIRM_SIGNATURE_SUBJECT, NOT_A_POSTCODE, NOT_A_SIGNATURE_FIELD,
                      NOT_TAKING_SIGNATURES, NO_SUCH_PETITION, SIGNATURE, SIGNATURE_CHECK_EMAIL,
                      SIGNATURE_LINK_NOT_VALID, SIGNER_ROLE, SPONSOR_ROLE, TOKEN_IN_EMAIL_LINK, TOKEN_IN_SPONSORS_LINK)

ANSWER = {"status": "check_email", "message": SIGNATURE_CHECK_EMAIL}
TOKEN = re.compile(r"^(PT-[0-9A-Z]{6})\.([0-9a-f]{40})\.([A-Za-z0-9_-]{20,64})$")


def _fields(body, sponsor):
    problems = validation.Problems(SIGNATURE)
    allowed = ("name", "email", "postcode", "in_area", "token") if sponsor else ("name", "email", "postcode", "in_area")
    for key in body:
        if key not in allowed:
            problems.add(key, NOT_A_SIGNATURE_FIELD)
    name = validation.text(body.get("name"), "name", problems, 1, NAME_MAX, required=True)
    email = validation.email(body.get("email"), "email", problems)
    if email is None and all(field != "email" for field, _ in problems.items):  # absent or blank
        problems.missing("email")
    given = body.get("postcode")
    postcode = canonical.postcode(given) if isinstance(given, str) else None
    if postcode is None:
        if given is None or isinstance(given, str) and not given.strip():
            problems.missing("postcode")
        else:
            problems.add("postcode", problems.say("postcode", "invalid", NOT_A_POSTCODE))
    if body.get("in_area") is not True:  # the API's clients send true; anything else is not a yes
        problems.missing("in_area")
    if sponsor and not isinstance(body.get("token"), str):
        problems.add("token", TOKEN_IN_SPONSORS_LINK)
    problems.raise_if_any()
    return name, email, postcode


def sign(deps, petition_id, body, sponsor=False):
    """POST /v1/petitions/{id}/signatures (and /sponsors, with the link's
    token): always the same 202 answer once the input is valid."""
    name, email, postcode = _fields(body, sponsor)
    petition = deps.petitions.get(petition_id) if re.fullmatch(PETITION_ID_PATTERN, petition_id or "") else None
    if petition is None or (sponsor and not validation_equal(body.get("token"), petition.sponsor_token)):
        raise NotFound(NO_SUCH_PETITION, code="petition_not_found")
    if petition.state in ("pending", "sponsored") and not sponsor:
        raise NotFound(NO_SUCH_PETITION, code="petition_not_found")
    petition = close_if_due(deps, petition)
    if petition.state not in (("pending", "sponsored") if sponsor else ("open",)):
        raise Conflict(NOT_TAKING_SIGNATURES, code="petition_not_open")
    now = deps.clock()
    rules = petition_settings()
    limit, seconds = rules["client_limit"]
    client = deps.client or "unknown"
    suspect = throttle.record(deps.counters, "petition-sign", client, (limit, timedelta(seconds=seconds)), now) > limit
    key = canonical.signer_key(email, name)
    token = f"{petition.id}.{key}.{deps.new_token()}"
    signature = Signature(
        petition_id=petition.id, key=key, name=name, email=email, domain=canonical.domain(email),
        postcode=postcode, ward=_ward(deps, postcode), client=client, state="pending", suspect=suspect,
        sponsor=sponsor, confirm_hash=ids.digest(token), created_at=now, sent_at=now,
        user_id=own_account(deps, email))
    try:
        deps.petitions.add_signature(signature)
    except AlreadyExists:
        earlier = deps.petitions.signature(petition.id, key)
        # A repeat sends the link again, at most once per resend_minutes, and only while unconfirmed.
        if earlier is None or earlier.state != "pending" or not deps.petitions.resend(
                earlier, ids.digest(token), now, now - timedelta(minutes=rules["resend_minutes"])):
            return ANSWER
    _send(deps, petition, email, token, sponsor)
    return ANSWER


def own_account(deps, email):
    """The signed-in account's id when it signs (or follows) with its own
    verified e-mail: its push subscriptions are told too (notices.py)."""
    p = deps.principal
    if p is not None and p.email and p.email_verified and canonical.email(p.email) == canonical.email(email):
        return p.user_id
    return None


def _ward(deps, postcode):
    """The ward the gazetteer gives the postcode's addresses (one Query), or NO_WARD."""
    wards = [a.ward for a in deps.addresses.by_postcode(postcode) if a.ward]
    return max(set(wards), key=wards.count) if wards else NO_WARD


def _send(deps, petition, email, token, sponsor):
    from ...notify.email import send_email
    link = f"{deps.base_url}/petitions/confirm?token={token}"  # configuration's base, never the request's Host
    role = SPONSOR_ROLE if sponsor else SIGNER_ROLE
    text = CONFIRM_SIGNATURE_BODY.format(role=role, action=petition.action, link=link)
    send_email(email, CONFIRM_SIGNATURE_SUBJECT, text, deps.clock(), deps.new_opaque_id)


def confirm(deps, body):
    """POST /v1/signatures/confirm {token}: count the signature, once."""
    token = body.get("token")
    found = TOKEN.match(token) if isinstance(token, str) else None
    if not isinstance(token, str):
        raise ValidationFailed([("token", TOKEN_IN_EMAIL_LINK)])
    petition_id, key, _ = found.groups() if found else (None, None, None)
    signature = deps.petitions.signature(petition_id, key) if found else None
    digest = ids.digest(token)
    # The hash is checked in every state: the key is a digest anyone knowing a
    # signer's e-mail and name could work out, and must not tell them they signed.
    if signature is None or signature.state == "invalidated" or not ids.constant_time_equal(
            digest, signature.confirm_hash or ""):
        raise NotFound(SIGNATURE_LINK_NOT_VALID, code="signature_not_found")
    if signature.state == "pending" and deps.petitions.confirm(signature, digest, deps.clock()):
        count(deps, signature)
    petition = deps.petitions.get(petition_id)
    return {"confirmed": True, "sponsor": signature.sponsor,
            "petition": {"id": petition.id, "action": petition.action, "state": petition.state,
                         "signature_count": int(petition.signatures or 0)}}


def count(deps, signature):
    """The one confirmation that validated `signature` counts it (unless suspect)."""
    if signature.suspect:
        return
    total, sponsors = deps.petitions.add_counts(signature.petition_id, 1, 1 if signature.sponsor else 0)
    deps.petitions.add_ward(signature.petition_id, signature.ward, 1)
    if signature.sponsor and sponsors >= petition_settings()["sponsors"]:
        petition = deps.petitions.get(signature.petition_id)
        if petition.state == "pending":
            petition.state = "sponsored"  # to the moderation queue, once: the move is conditional
            deps.petitions.move(petition.id, "pending", petition)
