"""Single sign-on: a token from a trusted issuer (GOV.UK One Login, Azure AD)
is exchanged for a Doorstep session. (iss, sub) names the person; a new one
gets an account on first sign-in, with the issuer's configured role.

A national account's verified e-mail (ScotAccount's `scotaccount.email`, issue 71) is kept on the
account where a password sign-in's lives, so every message reaches it, by one rule
(docs/decisions/accounts.md, "ScotAccount's e-mail"): an account with no address takes it; an
address that came from the same provider follows a change made there, the old one given up; an
address the resident set themselves is never replaced by a sign-in; an address another account
has is never taken (two people are never merged on an address). Nothing shared, or nothing
verified, changes nothing: the account keeps what it had, and one with none is told in the app."""
from ... import validation
from ...auth.principal import Unauthorized
from ...errors import ServiceUnavailable
from ...storage.errors import AlreadyExists, EditConflict
from ...storage.records import Grant, User
from . import auth
from .limits import EXTERNAL_TOKEN_MAX
from .wording import SSO_MISCONFIGURED, SSO_TOKEN_MISSING, SSO_UNREACHABLE


def sign_in(deps, body):
    from ...auth import oidc
    problems = validation.Problems()
    # `id_token`: the OIDC name some providers' libraries hand on; read as `token` is, and named as sent.
    field = "id_token" if body.get("token") is None and "id_token" in body else "token"
    token = validation.token(body.get(field), field, problems, EXTERNAL_TOKEN_MAX, missing=SSO_TOKEN_MISSING)
    problems.raise_if_any()
    try:
        who = oidc.verify_external_token(token)
    except oidc.OidcRejected as e:
        if e.code == "jwks_unavailable":
            raise ServiceUnavailable(SSO_UNREACHABLE, code="sso_unavailable")
        raise Unauthorized(e.message, code=e.code)
    except oidc.OidcConfigError:
        raise ServiceUnavailable(SSO_MISCONFIGURED, code="sso_unavailable")
    now = deps.clock()
    return auth.start_session(deps, person(deps, who, now), now)


def person(deps, who, now):
    """The user the provider's (iss, sub) names: made on the first sign-in."""
    key = f"oidc#{who.iss}#{who.sub}"
    user = deps.accounts.user_by_identity(key)
    if user is None:
        email = auth.normalise_email(who.email) if who.email and who.email_verified else None
        user = User(id="u_" + deps.new_opaque_id(), email=email, email_verified=bool(email),
                    email_from=who.iss if email else None, name=who.name, created_at=now)
        # The issuer's role is granted by the council signed in at, as `doorstep users create` grants.
        grant = Grant(user_id=user.id, role=who.role, changed_at=now) if who.role not in (None, "resident") else None
        try:
            # The e-mail joins the account only if no other account has it:
            # never merge two people on an address claim alone.
            deps.accounts.create_user(user, [key] + ([f"email#{email}"] if email else []), grant)
        except AlreadyExists:
            user.email, user.email_verified, user.email_from = None, False, None
            try:
                deps.accounts.create_user(user, [key], grant)
            except AlreadyExists:
                user = deps.accounts.user_by_identity(key)  # a racing first sign-in won
    return user


def with_verified_email(deps, user, email, issuer):
    """The user, with `email` (verified by `issuer`, normalised, or None) put on by the rule above."""
    if not email or user.email == email:
        return user
    if user.email and user.email_from != issuer:
        return user  # their own address: a sign-in never replaces it silently
    try:
        deps.accounts.change_email(user, email, issuer)
    except AlreadyExists:
        pass  # another account's address
    except EditConflict:
        pass  # changed since it was read (a racing sign-in): the next sign-in settles it
    return user
