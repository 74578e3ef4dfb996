"""Who is calling: resolved once per request from the bearer token.

Every token is checked against the user row, so a deleted account, a role
change or "sign out everywhere" takes effect at once, not when the 15-minute
access token runs out.
"""
import contextvars
from dataclasses import dataclass, field

from ..errors import ApiError
from . import wording as words
from .grants import grant_at
from .tokens import TokenRejected, verify_access

_current = contextvars.ContextVar("doorstep_principal", default=None)

STAFF_ROLES = ("staff", "admin")


@dataclass(frozen=True)
class Principal:
    user_id: str
    role: str
    email: str | None = None
    email_verified: bool = False
    team: str | None = None
    scope: dict = field(default_factory=dict)
    session_id: str | None = None
    roles: tuple = ()  # staff roles (auth/desks.py: which desks each opens); an admin needs none
    council: str | None = None  # the council whose grant this is (auth/grants.py); None: a resident here
    operator: bool = False  # the deployment's operator (adds councils, changes their settings)

    def opens(self, desk):
        from .desks import opens
        return opens(self, desk)

    @property
    def is_staff(self):
        return self.role in STAFF_ROLES


class Unauthorized(ApiError):
    status = 401
    code = "unauthorized"

    def __init__(self, message, code="unauthorized"):
        super().__init__(message, code=code,
                         headers={"WWW-Authenticate": f'Bearer error="{"invalid_token" if code != "unauthorized" else "invalid_request"}"'})


def authenticate(authorization, accounts, grants):
    """The Principal for an Authorization header value at the council the request is for; None when absent.

    The token's session is read too: logout, a replayed refresh token or
    deletion ends the access tokens issued under it at once. The session is
    this council's, and so is the grant that makes the person an officer here
    (auth/grants.py): none, a resident."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(words.BEARER)
    try:
        claims = verify_access(token.strip())
    except TokenRejected as e:
        raise Unauthorized(e.message, code=e.code)
    user = accounts.user(claims["sub"])
    session = accounts.session(claims.get("sid")) if isinstance(claims.get("sid"), str) else None
    refuse_if_deactivated(session)
    if (user is None or int(user.session_epoch or 0) != claims.get("epoch") or session is None
            or session.revoked or session.user_id != user.id):
        raise Unauthorized(words.SESSION_ENDED, code="session_ended")
    return principal_of(user, grant_at(user, grants), session_id=claims.get("sid"))


def refuse_if_deactivated(session):
    """A session the council's directory ended (a leaver): its holder is told why (401 account_deactivated),
    on an access token's next call and on a refresh alike."""
    if session is not None and session.revoked and session.ended_because == "directory_deactivated":
        raise Unauthorized(words.ACCOUNT_DEACTIVATED, code="account_deactivated")


def principal_of(user, grant, session_id=None):
    """The Principal of `user` holding `grant` (None: a resident) at the council the work is for."""
    if grant is None:
        return Principal(user_id=user.id, role="resident", email=user.email,
                         email_verified=bool(user.email_verified), session_id=session_id,
                         operator=bool(user.operator))
    return Principal(user_id=user.id, role=grant.role, email=user.email, email_verified=bool(user.email_verified),
                     team=grant.team, scope=dict(grant.scope or {}), session_id=session_id,
                     roles=tuple(grant.roles or ()), council=grant.council, operator=bool(user.operator))


def set_current(principal):
    return _current.set(principal)


def reset_current(token):
    _current.reset(token)


def current():
    return _current.get()
