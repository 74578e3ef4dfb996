"""Passwords for officers where a council signs them in with its directory (docs/decisions/staff-sign-in.md):
refused, but to a grant the command line marked break-glass (the administrator who must get in when the
directory is down). Such a sign-in writes its event with its session; the event's effect tells the
council's other administrators by e-mail, and is the audit line of it (the event names who and when)."""
from ...errors import ApiError
from . import wording as words

KIND = "break_glass_sign_in"


def password_allowed(deps, user, now):
    """None where a password may sign `user` in here as ever; the event to write where it is a break-glass
    sign-in; ApiError (403 staff_sign_in_required) where the council's officers sign in with its directory."""
    from ...auth import directory
    from ...auth.grants import own_grant
    document = deps.council.document
    if directory.passwords_for_officers(document):
        return None
    grant = own_grant(user, deps.grants)
    if grant is None:
        return None  # a resident here: residents' passwords are theirs
    if not grant.break_glass:
        providers = directory.providers(deps.council)
        raise ApiError(words.STAFF_SIGN_IN_REQUIRED.format(
            council=deps.council.short_name, provider=providers[0].name if providers else ""),
            code="staff_sign_in_required", status=403)
    from ..shared.events import new_event
    return new_event(deps, KIND, now, user_id=user.id, email=user.email, at=now.isoformat())


def tell_administrators(deps, event, key):
    """The effect: every other administrator of the council hears of it, once each (the message's key)."""
    from ...notify.email import queue_email
    payload = event.payload or {}
    told = 0
    for user_id, role, _ in deps.grants.officers():
        if role != "admin" or user_id == payload.get("user_id"):
            continue
        admin = deps.accounts.user(user_id)
        if admin is None or not admin.email:
            continue
        queue_email(admin.email, words.BREAK_GLASS_SUBJECT.format(council=deps.council.short_name),
                    words.BREAK_GLASS_BODY.format(who=payload.get("email") or payload.get("user_id"),
                                                  at=payload.get("at"), council=deps.council.name),
                    deps.clock(), f"{key}.{user_id}")
        told += 1
    return f"{told} told"
