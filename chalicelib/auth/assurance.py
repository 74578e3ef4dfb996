"""Levels of assurance of a sign-in with a national account, weakest first, and the level
a provider's answer shows was reached.

ScotAccount signs a person in to GPG 44 medium (a password and a second factor) and says
nothing more in its ID token; a verified identity (GPG 45 medium) is asked for with the
scope `scotaccount.gpg45.medium` and told in the attributes endpoint's signed claims
token, as `verified_claims`: in ScotAccount's own documentation one object whose
`outcome` ends "VERIFIED SUCCESSFULLY" (or "NOT VERIFIED", naming the level all the same),
in its newer guide a list of one entry a scope with outcome VERIFIED_SUCCESSFULLY."""

SIGNED_IN, VERIFIED = "gpg44-medium", "gpg45-medium"
LEVELS = (SIGNED_IN, VERIFIED)
VERIFIED_SCOPE = "scotaccount.gpg45.medium"


def at_least(reached: str, wanted: str) -> bool:
    return LEVELS.index(reached) >= LEVELS.index(wanted)


def scopes_for(wanted: str) -> list[str]:
    return ["openid"] + ([VERIFIED_SCOPE] if at_least(wanted, VERIFIED) else [])


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
