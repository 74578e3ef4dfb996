"""Signing in with the council's national account (ScotAccount), begun and finished at the
council's own address: `start` keeps the attempt's state, nonce and PKCE verifier in the
council's partition for ten minutes and sends the person to the provider; the provider
sends them back to the council's /sign-in/return, whose page posts the code and state to
`finish`. A state made at another council's address names no attempt here (its row is in
that council's partition), so it is refused; each state works once."""
from datetime import timedelta

from ... import ids
from ...auth.principal import Unauthorized
from ...errors import ApiError, NotFound, ServiceUnavailable, ValidationFailed
from ...storage.records import OneTimeToken
from . import auth, wording as words

PURPOSE = "provider_sign_in"
ATTEMPT = timedelta(minutes=10)  # long enough for a person to find their second factor
RETURN_PATH = "/sign-in/return"  # registered with the provider as the council's redirect URI
MOST_CHARS = 2000


def listed(deps):
    from ...auth import providers
    return {"providers": [{"id": p.id, "name": p.name} for p in providers.of_council(deps.council)]}


def start(deps, provider_id, body):
    from ...auth import assurance, providers
    provider = providers.named(deps.council, provider_id)
    if provider is None:
        raise NotFound(words.NO_SUCH_PROVIDER, code="provider_not_found")
    return begin(deps, PURPOSE, provider, safe_next(body.get("next", "/account")), RETURN_PATH,
                 assurance.scopes_for(provider))


def begin(deps, purpose, provider, after, return_path, scopes):
    """The provider's authorize address for a new attempt, its state, nonce and PKCE verifier kept ten minutes
    in the council's partition (a resident's national account, or an officer's directory: staff_sign_in.py)."""
    from ...auth import code_flow, rate_limits
    rate_limits.creation(deps, "sign_in")  # each one begun is a row kept ten minutes
    with provider_faults():
        found = code_flow.discovery(provider.issuer)
    state, nonce, verifier = code_flow.new_attempt()
    redirect_uri = deps.base_url + return_path
    deps.accounts.save_one_time(OneTimeToken(
        token_hash=ids.digest(state), purpose=purpose, user_id="", expires=deps.clock() + ATTEMPT,
        detail={"provider": provider.id, "nonce": nonce, "verifier": verifier, "next": after,
                "redirect_uri": redirect_uri}))
    return {"authorize_url": code_flow.authorize_url(provider, found, redirect_uri, state, nonce, verifier, scopes)}


def begun_here(deps, purpose, body, named):
    """(the code, what the attempt kept, its provider) of a return with the state of an attempt begun at this
    council's address, once; 403 sign_in_not_begun_here for any other (another council's, used, expired, or
    its provider taken out of the council's settings since)."""
    code, state = body.get("code"), body.get("state")
    wrong = [(name, words.PROVIDER_FIELD) for name, value in (("code", code), ("state", state))
             if not isinstance(value, str) or not value or len(value) > MOST_CHARS]
    if wrong:
        raise ValidationFailed(wrong)
    attempt = deps.accounts.consume_one_time(ids.digest(state), purpose)
    begun = (attempt.detail or {}) if attempt is not None and attempt.expires >= deps.clock() else None
    provider = named(deps.council, begun.get("provider")) if begun else None
    if provider is None:
        raise ApiError(words.SIGN_IN_NOT_BEGUN_HERE, code="sign_in_not_begun_here", status=403)
    return code, begun, provider


def finish(deps, body):
    from ...auth import assurance, code_flow, providers
    from ...auth.oidc import ExternalIdentity
    from .sso import person, with_verified_email
    code, begun, provider = begun_here(deps, PURPOSE, body, providers.named)
    now = deps.clock()
    with provider_faults():
        found = code_flow.discovery(provider.issuer)
        answer = code_flow.exchange(provider, found, code, begun["redirect_uri"], begun["verifier"])
        claims = code_flow.checked_id_token(provider, found, answer["id_token"], begun["nonce"])
        told = (code_flow.claims_token(provider, answer.get("access_token"), claims["sub"])
                if assurance.attributes_wanted(provider) else None)
    if not assurance.at_least(assurance.reached(told), provider.level):
        raise ApiError(words.ASSURANCE_TOO_LOW.format(council=deps.council.name, provider=provider.name),
                       code="assurance_too_low", status=403)
    email = assurance.verified_email(told)
    who = ExternalIdentity(issuer_name=provider.id, iss=provider.issuer, sub=claims["sub"], email=email,
                           email_verified=bool(email), name=_verified_name(told), role="resident")
    user = with_verified_email(deps, person(deps, who, now), email, provider.issuer)
    return {**auth.start_session(deps, user, now), "next": begun.get("next") or "/account"}


def safe_next(after):
    """Where to go after signing in: a path on this site, never another's (an open redirect)."""
    if not (isinstance(after, str) and after.startswith("/") and not after.startswith("//") and len(after) <= 300):
        raise ValidationFailed([("next", words.NEXT_FORMAT)])
    return after


def _verified_name(told):
    """The verified given and family names, when the claims token has them (either of its shapes)."""
    if not told:
        return None
    found = told.get("verified_claims")
    sources = [told.get("claims")] + [e.get("claims") for e in (found if isinstance(found, list) else [])
                                      if isinstance(e, dict)]
    for claims in sources:
        if isinstance(claims, dict) and claims.get("given_name") and claims.get("family_name"):
            return f"{claims['given_name']} {claims['family_name']}"[:100]
    return None


class provider_faults:
    """The provider's faults in the one error shape: its refusals 401, its absence 503."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        from ... import keystore
        from ...auth.code_flow import ProviderRefused, ProviderUnavailable
        if isinstance(error, ProviderRefused):
            raise Unauthorized(error.message, code=error.code) from error
        if isinstance(error, ProviderUnavailable):
            raise ServiceUnavailable(words.SSO_UNREACHABLE, code="sign_in_unavailable") from error
        if isinstance(error, keystore.SecretMissing):
            raise ServiceUnavailable(words.SSO_MISCONFIGURED, code="sign_in_unavailable") from error
        return False
