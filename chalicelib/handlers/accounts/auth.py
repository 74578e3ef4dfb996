"""Signing up, signing in, sessions, e-mail verification and password reset.

Answers never reveal whether an e-mail address has an account: registration
and reset requests get the same reply either way, and a login for an unknown
address costs the same time as a wrong password.
"""
from datetime import timedelta

from ... import ids, validation
from ...auth import passwords, rate_limits, sign_in_guard, throttle
from ...auth.principal import Unauthorized
from ...auth.tokens import ACCESS_TTL, REFRESH_TTL, issue_access, new_refresh_token
from ...errors import ApiError, ValidationFailed
from ...storage.errors import AlreadyExists, EditConflict
from ...storage.records import OneTimeToken, RefreshToken, Session, User
from .limits import NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, TOKEN_MAX
from .wording import (EMAIL_SENT_IF_USABLE, EMAIL_TAKEN_BODY, EMAIL_TAKEN_SUBJECT, LINK_FOR_OLD_ADDRESS, LINK_NOT_VALID,
                      PASSWORD_LENGTH, PASSWORD_SETUP_BODY, PASSWORD_SETUP_SUBJECT, REFRESH_NOT_VALID, REGISTRATION,
                      REQUIRED, RESET_BODY, RESET_NO_ACCOUNT_BODY, RESET_NO_ACCOUNT_SUBJECT, RESET_SUBJECT,
                      SESSION_ENDED, SIGN_IN_MISSING, SIGN_IN_WRONG, VERIFY_BODY, VERIFY_SUBJECT)

EMAILS_PER_ADDRESS = (5, timedelta(hours=1))  # one inbox, whoever asks
VERIFY_TTL = timedelta(days=2)
RESET_TTL = timedelta(hours=1)
SAME_ANSWER = {"status": "accepted", "message": EMAIL_SENT_IF_USABLE}


def normalise_email(value):
    return value.strip().lower()


def INVALID_LINK():  # noqa: N802 (an error to raise, made fresh each time)
    # 403, as for any other token that opens nothing (alerts' invalid_token).
    return ApiError(LINK_NOT_VALID, code="invalid_link", status=403)


def _email(body, problems):
    email = validation.email(body.get("email"), "email", problems)
    if email is None and not any(field == "email" for field, _ in problems.items):
        problems.missing("email")
    return email


def _check_password(password, email, name, problems):
    """Its length is in the description (400); the policy beyond it (not a
    common password, not the name or address) is a rule (422)."""
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        kind = "short" if len(password) < PASSWORD_MIN else "long"
        problems.add("password", problems.say("password", kind, PASSWORD_LENGTH.format(least=PASSWORD_MIN,
                                                                                       most=PASSWORD_MAX)))
        return
    for message in passwords.check_password(password, email=email, name=name):
        problems.rule("password", message)


def register(deps, body):
    problems = validation.Problems(REGISTRATION)
    name = validation.text(body.get("name"), "name", problems, 1, NAME_MAX)  # in the form's order
    email = _email(body, problems)
    password = body.get("password")
    if not isinstance(password, str) or not password:
        problems.missing("password")
    else:
        _check_password(password, email, name, problems)
    problems.raise_if_any()
    now = deps.clock()
    email = normalise_email(email)
    rate_limits.messages(deps, ["email"])  # to an address nobody has proven yet
    throttle.spend(deps.counters, "email-address", email, EMAILS_PER_ADDRESS, now)
    user = User(id="u_" + deps.new_opaque_id(), email=email, name=name,
                password_hash=passwords.hash_password(password), created_at=now)
    try:
        deps.accounts.create_user(user, [f"email#{email}"])
    except AlreadyExists:
        _send(deps, email, EMAIL_TAKEN_SUBJECT, EMAIL_TAKEN_BODY.format(link=f"{deps.base_url}/reset-password"))
        return SAME_ANSWER
    send_verification(deps, user, now)
    return SAME_ANSWER


def send_verification(deps, user, now):
    token = _one_time(deps, "verify_email", user, now + VERIFY_TTL)
    _send(deps, user.email, VERIFY_SUBJECT, VERIFY_BODY.format(link=f"{deps.base_url}/verify?token={token}"))


def login(deps, body):
    problems = validation.Problems()
    email = validation.email(body.get("email"), "email", problems)
    password = body.get("password")
    if email is None or not isinstance(password, str) or not password or len(password) > 1024:
        raise ValidationFailed([("email", SIGN_IN_MISSING)])
    email = normalise_email(email)
    now = deps.clock()
    user = deps.accounts.user_by_identity(f"email#{email}")
    device = sign_in_guard.device_of(body.get("device_token"), user.id if user else None, now)
    counted = sign_in_guard.attempt(deps.counters, email, device, deps.client or "unknown", now)
    if user is None or not user.password_hash:
        ok = passwords.dummy_verify(password)
    else:
        ok = passwords.verify_password(password, user.password_hash)
    if not ok:
        raise Unauthorized(SIGN_IN_WRONG, code="invalid_credentials")
    sign_in_guard.succeeded(deps.counters, counted, now)
    from .break_glass import password_allowed
    event = password_allowed(deps, user, now)  # an officer where the council's sign in with its directory
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
        deps.accounts.save_user(user)
    signed = start_session(deps, user, now, event=event)
    if event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])
    return {**signed, "device_token": sign_in_guard.issue(user.id, now)}


def start_session(deps, user, now, provider=None, event=None):
    """A new session at this council (`provider`: the council's staff sign-in provider it was begun with;
    `event`: what others must hear of it, written with it)."""
    session = Session(id=deps.new_opaque_id(), user_id=user.id, epoch=int(user.session_epoch or 0),
                      created_at=now, expires=now + REFRESH_TTL, provider=provider)
    refresh = new_refresh_token()
    deps.accounts.start_session(session, RefreshToken(
        token_hash=ids.digest(refresh), session_id=session.id, user_id=user.id, expires=now + REFRESH_TTL), user,
        event)
    return _token_pair(deps, user, session.id, refresh, now)


def refresh(deps, body):
    token = validation.token_alone(body.get("refresh_token"), "refresh_token", TOKEN_MAX)
    now = deps.clock()
    row = deps.accounts.refresh_token(ids.digest(token))
    if row is None or row.expires < now:
        raise Unauthorized(REFRESH_NOT_VALID, code="invalid_refresh_token")
    session = deps.accounts.session(row.session_id)
    user = deps.accounts.user(row.user_id)
    from ...auth.principal import refuse_if_deactivated
    refuse_if_deactivated(session)
    if (session is None or session.revoked or session.expires < now or user is None
            or session.epoch != int(user.session_epoch or 0)):
        raise Unauthorized(SESSION_ENDED, code="session_ended")
    if row.rotated:
        # A refresh token works once. Seeing it again means two holders:
        # end the session for both, the thief included.
        deps.accounts.revoke_session(session.id)
        raise Unauthorized(SESSION_ENDED, code="refresh_token_reused")
    new = new_refresh_token()
    try:
        deps.accounts.rotate(row, RefreshToken(
            token_hash=ids.digest(new), session_id=session.id, user_id=user.id, expires=now + REFRESH_TTL))
    except EditConflict:
        deps.accounts.revoke_session(session.id)
        raise Unauthorized(SESSION_ENDED, code="refresh_token_reused")
    deps.presence.seen(user.id, now)  # a session kept alive is a use of the account here
    return _token_pair(deps, user, session.id, new, now)


def logout(deps, body):
    token = validation.token_alone(body.get("refresh_token"), "refresh_token", TOKEN_MAX)
    row = deps.accounts.refresh_token(ids.digest(token))
    if row is not None:
        deps.accounts.revoke_session(row.session_id)


def verify_email(deps, body):
    token = validation.token_alone(body.get("token"), "token", TOKEN_MAX)
    row = deps.accounts.consume_one_time(ids.digest(token), "verify_email")
    now = deps.clock()
    if row is None or row.expires < now:
        raise INVALID_LINK()
    user = deps.accounts.user(row.user_id)
    if user is None or user.email != row.email:
        raise ApiError(LINK_FOR_OLD_ADDRESS, code="invalid_link", status=403)
    user.email_verified = True
    deps.accounts.save_user(user)
    return {"email_verified": True, **claim_earlier(deps, user)}


def claim_earlier(deps, user):
    """Once the address is proven: the reports and alerts made with it
    before the account existed become the account's."""
    from ..alerts.subscriptions import claim_for_account
    reports = [rid for rid in deps.accounts.anonymous_reports_with_email(ids.digest(user.email))
               if deps.accounts.claim_report(rid, user.id)]
    return {"claimed_reports": reports, "claimed_alerts": claim_for_account(deps, user)}


def resend_verification(deps):
    user = deps.accounts.user(deps.principal.user_id)
    if user.email_verified or not user.email:
        return {"status": "already_verified"}
    now = deps.clock()
    throttle.spend(deps.counters, "email-address", user.email, EMAILS_PER_ADDRESS, now)
    send_verification(deps, user, now)
    return SAME_ANSWER


def request_password_reset(deps, body):
    problems = validation.Problems()
    email = _email(body, problems)
    problems.raise_if_any()
    email = normalise_email(email)
    now = deps.clock()
    rate_limits.messages(deps, ["email"])  # the asker has not proven the address is theirs
    throttle.spend(deps.counters, "email-address", email, EMAILS_PER_ADDRESS, now)
    user = deps.accounts.user_by_identity(f"email#{email}")
    # The same work either way (a link row written, one e-mail sent), so the
    # answer's timing tells nobody whether the address has an account; the
    # person who has none is told so, as GOV.UK services do.
    token = _one_time(deps, "reset_password" if user else "reset_no_account", user or NOBODY, now + RESET_TTL)
    if user is not None:
        _send(deps, email, RESET_SUBJECT, RESET_BODY.format(link=f"{deps.base_url}/reset-password?token={token}"))
    else:
        _send(deps, email, RESET_NO_ACCOUNT_SUBJECT, RESET_NO_ACCOUNT_BODY.format(link=f"{deps.base_url}/register"))
    return SAME_ANSWER


def send_password_setup(deps, user):
    """For accounts an administrator creates: the person chooses their own password."""
    token = _one_time(deps, "reset_password", user, deps.clock() + VERIFY_TTL)
    _send(deps, user.email, PASSWORD_SETUP_SUBJECT,
          PASSWORD_SETUP_BODY.format(link=f"{deps.base_url}/reset-password?token={token}"))


def confirm_password_reset(deps, body):
    problems = validation.Problems()
    token, password = validation.token(body.get("token"), "token", problems, TOKEN_MAX), body.get("password")
    if not isinstance(password, str) or not password:
        problems.add("password", REQUIRED)
    problems.raise_if_any()
    now = deps.clock()
    invalid = INVALID_LINK()
    peeked = deps.accounts.one_time(ids.digest(token))
    user = deps.accounts.user(peeked.user_id) if peeked else None
    if user is None:
        raise invalid
    # The password is checked before the link is spent: a weak choice must
    # not cost the resident their link.
    problems = validation.Problems()
    _check_password(password, user.email, user.name, problems)
    problems.raise_if_any()
    row = deps.accounts.consume_one_time(ids.digest(token), "reset_password")
    if row is None or row.expires < now or row.user_id != user.id:
        raise invalid
    user.password_hash = passwords.hash_password(password)
    user.session_epoch = int(user.session_epoch or 0) + 1  # every old session ends
    newly_proven = bool(row.email and row.email == user.email and not user.email_verified)
    if row.email and row.email == user.email:
        user.email_verified = True  # the link proved they read this mailbox
    deps.accounts.save_user(user)
    if newly_proven:
        claim_earlier(deps, user)
    # The link proved the mailbox: this device may sign in even while
    # strangers' guesses hold the account's untrusted sign-ins back.
    return {"status": "password_changed", "email": user.email,
            "device_token": sign_in_guard.issue(user.id, now)}


class _Nobody:
    """Whom a reset asked for an address without an account is written for: a
    row no link can spend (no user has this id)."""
    id, email = "nobody", None


NOBODY = _Nobody()


def _one_time(deps, purpose, user, expires):
    token = deps.new_token()
    deps.accounts.save_one_time(OneTimeToken(
        token_hash=ids.digest(token), purpose=purpose, user_id=user.id, email=user.email, expires=expires))
    return token


def _send(deps, to, subject, body):
    from ...notify.email import send_email
    send_email(to, subject, body, deps.clock(), deps.new_opaque_id)


def _token_pair(deps, user, session_id, refresh_token, now):
    """The tokens, and what the person is at this address's council (the screens it offers: the API decides)."""
    from ...auth.grants import role_at
    return {"access_token": issue_access(user, session_id, now), "refresh_token": refresh_token,
            "token_type": "Bearer", "expires_in": int(ACCESS_TTL.total_seconds()),
            "user": {"id": user.id, "role": role_at(user, deps.grants)}}
