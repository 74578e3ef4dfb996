"""An officer signing in with their council's own directory (docs/decisions/staff-sign-in.md): begun at
the council's address with its staff provider (the authorization code flow with PKCE, a nonce and a
state kept ten minutes in the council's partition, as provider_sign_in.py keeps a resident's), finished
there: the ID token's issuer, audience, tenant, nonce and signature checked, multi-factor where the
council asks it, and the person's grant made what their groups give now (auth/directory.py)."""
from ...errors import ApiError, NotFound
from . import auth, wording as words
from .provider_sign_in import begin, begun_here, provider_faults, safe_next

PURPOSE = "staff_sign_in"
RETURN_PATH = "/sign-in/staff/return"  # registered with the directory as the council's redirect URI
SCOPES = ("openid", "profile", "email")


def listed(deps):
    from ...auth import directory
    return {"providers": [{"id": p.id, "name": p.name} for p in directory.providers(deps.council, _host(deps))]}


def start(deps, provider_id, body):
    return begin(deps, PURPOSE, _provider(deps, provider_id), safe_next(body.get("next", "/staff")), RETURN_PATH,
                 SCOPES)


def finish(deps, body):
    from ...auth import code_flow, directory
    code, begun, provider = begun_here(deps, PURPOSE, body, directory.named)
    now = deps.clock()
    with provider_faults():
        found = code_flow.discovery(provider.issuer)
        answer = code_flow.exchange(provider, found, code, begun["redirect_uri"], begun["verifier"])
        claims = code_flow.checked_id_token(provider, found, answer["id_token"], begun["nonce"])
    user = officer(deps, provider, claims, now)
    signed = auth.start_session(deps, user, now, provider=provider.id)
    return {**signed, "next": begun.get("next") or "/staff", "provider": provider.id}


def officer(deps, provider, claims, now):
    """The person the checked claims name, their grant here remade from their groups; refused, nothing made,
    when the token is another tenant's, lacks the second factor the council asks, or gives no desk."""
    from ...auth import directory
    from ...auth.principal import Unauthorized
    document, name = deps.council.document, deps.council.name
    if claims.get(provider.claims["tenant"]) != provider.tenant:
        raise Unauthorized(words.OTHER_TENANT.format(council=name), code="other_tenant")
    if directory.mfa_required(document) and not directory.multi_factor(claims.get("amr")):
        raise ApiError(words.MFA_REQUIRED.format(council=name), code="mfa_required", status=403)
    username = _text(claims, provider.claims["username"])
    if username is None:
        raise Unauthorized(words.NO_USERNAME, code="no_username")
    groups = claims.get(provider.claims["groups"])
    given = directory.given_by(document, [g for g in groups if isinstance(g, str)] if isinstance(groups, list) else [])
    key_holder = deps.accounts.user_by_identity(directory.person_key(username))
    if given is None:
        if key_holder is not None:  # a desk the directory gave before goes with the group
            directory.regrant(deps, key_holder, None, now)
        raise ApiError(words.NO_DESK_HERE.format(council=name), code="no_desk_here", status=403)
    user = key_holder or directory.person(deps, username, _text(claims, provider.claims["email"]),
                                          _text(claims, provider.claims["name"]), now)
    grant = directory.regrant(deps, user, given, now)
    deps.grants.signed_in(grant, now)
    return deps.accounts.user(user.id) or user


def _text(claims, name):
    value = claims.get(name)
    return value.strip()[:254] if isinstance(value, str) and value.strip() else None


def _provider(deps, provider_id):
    from ...auth import directory
    provider = directory.named(deps.council, provider_id, _host(deps))
    if provider is None:
        raise NotFound(words.NO_SUCH_PROVIDER, code="provider_not_found")
    return provider


def _host(deps):
    """The council's address here: a provider naming its hosts serves those alone."""
    from urllib.parse import urlsplit
    return urlsplit(deps.base_url).hostname


SIGNED_OUT_PATH = "/signed-out"  # registered with the directory as the council's post-logout redirect URI


def sign_out(deps, provider_id):
    """The directory's end-session address (OpenID Connect RP-Initiated Logout 1.0), back to this council."""
    from urllib.parse import urlencode
    from ...auth import code_flow
    provider = _provider(deps, provider_id)
    with provider_faults():
        found = code_flow.discovery(provider.issuer)
    endpoint = found.get("end_session_endpoint")
    if not isinstance(endpoint, str) or not endpoint.startswith(("https://", "http://")):
        return {"url": None}
    return {"url": endpoint + "?" + urlencode({"client_id": provider.client_id,
                                               "post_logout_redirect_uri": deps.base_url + SIGNED_OUT_PATH})}
