"""Levels of assurance of a sign-in with a national account, weakest first, the level a
provider's answer shows was reached, and the e-mail it verified when the council asks for it.

ScotAccount signs a person in to GPG 44 medium (a password and a second factor) and says
nothing more in its ID token; a verified identity (GPG 45 medium) is asked for with the
scope `scotaccount.gpg45.medium` and told in the attributes endpoint's signed claims
token, as `verified_claims`: in ScotAccount's own documentation one object whose
`outcome` ends "VERIFIED SUCCESSFULLY" (or "NOT VERIFIED", naming the level all the same),
in its newer guide a list of one entry a scope with outcome VERIFIED_SUCCESSFULLY.

A council may also ask what else ScotAccount verified (its settings' `verified_attributes`): the
e-mail, scope `scotaccount.email`, whose entry's claims are `{"email": ...}`, verified by ScotAccount's
e-mail loop at sign-up (its data schema v2, tests/auth/scotaccount_answers.py). A resident may decline
any attribute: ScotAccount then leaves its entry out (or, sharing nothing, answers 404), and they are
signed in all the same."""

SIGNED_IN, VERIFIED = "gpg44-medium", "gpg45-medium"
LEVELS = (SIGNED_IN, VERIFIED)
VERIFIED_SCOPE = "scotaccount.gpg45.medium"
EMAIL_SCOPE = "scotaccount.email"
ATTRIBUTE_SCOPES = {"email": EMAIL_SCOPE}  # a council's setting -> ScotAccount's scope


def at_least(reached: str, wanted: str) -> bool:
    return LEVELS.index(reached) >= LEVELS.index(wanted)


def scopes_for(provider) -> list[str]:
    """The authorization request's scopes: the level's, then each attribute the council asks."""
    return (["openid"] + ([VERIFIED_SCOPE] if at_least(provider.level, VERIFIED) else [])
            + [ATTRIBUTE_SCOPES[a] for a in provider.verified_attributes])


def attributes_wanted(provider) -> bool:
    """Whether the attributes endpoint has anything for this provider's sign-in to read."""
    return bool(provider.attributes) and (at_least(provider.level, VERIFIED) or bool(provider.verified_attributes))


def reached(claims_token: dict | None) -> str:
    """The level a claims token (decoded and checked) shows; with none, signed in only."""
    found = (claims_token or {}).get("verified_claims")
    entries = found if isinstance(found, list) else [found] if isinstance(found, dict) else []
    return VERIFIED if any(_verified_medium(e) for e in entries if isinstance(e, dict)) else SIGNED_IN


def _verified_medium(entry: dict) -> bool:
    check = entry.get("verification")
    if not isinstance(check, dict):
        return False
    outcome = str(check.get("outcome") or "").upper().replace("_", " ")
    # "NOT VERIFIED" names the level asked for, so the level alone proves nothing: the outcome must say so.
    if not outcome.endswith("VERIFIED SUCCESSFULLY"):
        return False
    if "scope" in entry:  # the newer shape: the entry's scope, and its confidence
        return entry["scope"] == VERIFIED_SCOPE and str(check.get("confidence_level")).lower() == "medium"
    return str(check.get("assurance_level")).upper() == "GPG45-MEDIUM"


def verified_email(claims_token: dict | None) -> str | None:
    """The e-mail ScotAccount verified, normalised; None when not shared, or not verified by its loop.
    Only the e-mail scope's own entry counts: an address under another scope was not verified as one."""
    from .. import validation
    found = (claims_token or {}).get("verified_claims")
    for entry in found if isinstance(found, list) else []:
        if not isinstance(entry, dict) or entry.get("scope") != EMAIL_SCOPE:
            continue
        check, claims = entry.get("verification"), entry.get("claims")
        # "self_certified" is the person's word alone, and VERIFIED_WITH_WARNINGS is not a verified address.
        if not (isinstance(check, dict) and check.get("outcome") == "VERIFIED_SUCCESSFULLY"
                and check.get("validation_method") == "email_loop"):
            continue
        email = claims.get("email") if isinstance(claims, dict) else None
        if isinstance(email, str) and len(email) <= 254 and validation.EMAIL.match(email.strip()):
            return email.strip().lower()
    return None
