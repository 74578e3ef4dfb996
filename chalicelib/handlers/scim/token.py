"""Who may provision a council's directory: the holder of its SCIM token, the council's own secret that its
settings name (staff_sign_in.scim.token), compared in constant time. No section, no token, or another
council's: 401, and nothing read. The token is never kept: the log names it by its secret's name and the
first characters of its SHA-256 (`by`), so a token rotated shows as another."""
import hashlib
import hmac

from ...auth.directory import section
from .errors import ScimError
from . import wording

FINGERPRINT = 8  # hex characters of the token's SHA-256 the log keeps


def _refused(detail):
    return ScimError(401, detail, headers={"WWW-Authenticate": 'Bearer realm="scim"'})


def provisioner(deps, authorization):
    """The `by` of the caller's changes ("scim-token:3f9a1c2e") when `authorization` carries the council's SCIM
    token; else 401."""
    from ... import keystore
    scim = section(deps.council.document).get("scim")
    if not isinstance(scim, dict) or not isinstance(scim.get("token"), dict):
        raise _refused(wording.NO_SCIM)
    scheme, _, sent = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not sent.strip():
        raise _refused(wording.NO_TOKEN)
    name = scim["token"]["secret"]
    try:
        own = keystore.council_secret(deps.council.id, name)
    except Exception as e:  # no Secrets Manager secret of that name (or no access): no token to match
        if type(e).__name__ in ("ResourceNotFoundException", "AccessDeniedException", "ClientError"):
            own = None
        else:
            raise
    if not own:
        raise _refused(wording.TOKEN_UNSET)
    if not hmac.compare_digest(hashlib.sha256(sent.strip().encode()).digest(), hashlib.sha256(own.encode()).digest()):
        raise _refused(wording.WRONG_TOKEN)
    return f"{name}:{hashlib.sha256(own.encode()).hexdigest()[:FINGERPRINT]}"
