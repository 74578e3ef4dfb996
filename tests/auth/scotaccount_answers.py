"""ScotAccount's answers as its documentation shows them, kept as they are (names, shapes,
values) so the adapter is tested against the vendor's own words rather than our local provider's.

Sources:
- ScotAccount's own technical documentation, github.com/ScotAccount/sg-identity-archdocs,
  app/technical-documentation/understand-results.md ("Section 4 - Understand Results"): the
  token endpoint's answer, the ID token's claims, and the attributes endpoint's signed JWT for a
  verified and an unverified person (the integration environment was then authz.swan.sign-in...).
- The ScotAccount Technical Documentation's implementation guide,
  github.com/AIAppliedUK/ScotAccount-TechDocs, src/scotaccount-guide.md ("Implementation
  Guide"): the discovery document of authz.integration.scotaccount.service.gov.scot, the
  client assertion's claims, and the newer claims token (`verified_claims` a list, one entry a scope).
"""

# understand-results.md, "Understanding the response for /token": tokens shortened, fields as given.
TOKEN_RESPONSE = {
    "access_token": "eyJraWQiOiJXZ2lHIiwidHlwIjoiYXQrand0IiwiYWxnIjoiUlMyNTYifQ...",
    "refresh_token": "eyJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0...",
    "scope": "openid",
    "id_token": "eyJraWQiOiJXZ2lHIiwiYWxnIjoiUlMyNTYifQ...",
    "token_type": "Bearer",
    "expires_in": 900,
}

# understand-results.md, "Understanding the ID Token" (decoded): a UUID and nothing personal.
ID_TOKEN_CLAIMS = {
    "sub": "4f6893f4-6fbe-423e-a5cc-d3c93e5a7c41",
    "aud": "2fs46jov3cm4a",
    "iss": "https://authz.swan.sign-in.service.gov.scot",
    "exp": 1676775909,
    "iat": 1676775009,
    "nonce": "203JsNo_0Ljz0TV_KfFOAAH6nym_ZaiQzjodvape_GM",
    "jti": "jJH3wstMbus",
    "sid": "Sb8gpnD90hTKxP8fHEdaaQfE7aIHsDBGYv3b8Y1mJrE",
}
ID_TOKEN_HEADER = {"kid": "WgiG", "alg": "RS256"}

# understand-results.md, "Understanding Results for Get Verified Data": verified to GPG45 medium.
VERIFIED = {
    "verified_claims": {
        "verification": {
            "outcome": "f2cfe0e1-6fbe-4cb6-9e8d-1c1f1427cc2a VERIFIED SUCCESSFULLY",
            "trust_framework": "uk_tfida",
            "assurance_level": "GPG45-Medium",
            "time": "2023-02-15T16:39Z",
            "verifier": {"organization": "DIS", "txn": "a4dbe877-df63-4608-95b0-3a7fe3a4d751"},
        }
    },
    "claims": {
        "uuid": "f2cfe0e1-6fbe-4cb6-9e8d-1c1f1427cc2a",
        "given_name": "sample_given_name",
        "family_name": "sample_familiy_name",
        "birth_date": "1990-09-08",
        "address": {"uprn": "906700081759", "subBuildingName": "0/2", "buildingNumber": "99",
                    "streetName": "sample_street_name", "addressLocality": "sample_localtion",
                    "postalCode": "X111XX"},
    },
}

# understand-results.md, "Unsuccessful Outcomes": the level asked for is named, and not reached.
NOT_VERIFIED = {
    "verified_claims": {
        "verification": {
            "outcome": "[UUID] NOT VERIFIED",
            "trust_framework": "uk_tfida",
            "assurance_level": "GPG45-MEDIUM",
            "time": "2018-12-10T13:45:00.000Z",
            "verifier": {"organization": "DIS", "txn": "a7bf64c2-f22c-11ec-b939-0242ac120002"},
        }
    }
}

# scotaccount-guide.md, "Example Discovery Response".
DISCOVERY = {
    "issuer": "https://authz.integration.scotaccount.service.gov.scot",
    "authorization_endpoint": "https://authz.integration.scotaccount.service.gov.scot/authorize",
    "token_endpoint": "https://authz.integration.scotaccount.service.gov.scot/token",
    "jwks_uri": "https://authz.integration.scotaccount.service.gov.scot/jwks.json",
    "registration_endpoint": "https://authz.integration.scotaccount.service.gov.scot/register",
    "scopes_supported": ["openid", "scotaccount.email", "scotaccount.gpg45.medium", "scotaccount.address"],
    "response_types_supported": ["code"],
    "response_modes_supported": ["query"],
    "grant_types_supported": ["authorization_code", "refresh_token"],
    "subject_types_supported": ["pairwise"],
    "id_token_signing_alg_values_supported": ["RS256"],
    "token_endpoint_auth_methods_supported": ["private_key_jwt"],
    "token_endpoint_auth_signing_alg_values_supported": ["RS256", "ES256"],
    "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "sid"],
}

# scotaccount-guide.md, "Client Assertion JWT Payload Example".
CLIENT_ASSERTION_CLAIMS = {
    "iss": "your-client-id",
    "sub": "your-client-id",
    "aud": "https://authz.integration.scotaccount.service.gov.scot/token",
    "exp": 1757847083,
    "iat": 1741953083,
    "jti": "239a5659-0533-4faa-ba97-8f6ee057843f",
}

# scotaccount-guide.md, "Decoded Claims Token Structure" (the address entry left out).
CLAIMS_TOKEN_LIST = {
    "iss": "https://issuer.main.integration.scotaccount.service.gov.scot",
    "sub": "4f6893f4-6fbe-423e-a5cc-d3c93e5a7c41",
    "iat": 1678931762,
    "verified_claims": [{
        "scope": "scotaccount.gpg45.medium",
        "verification": {
            "outcome": "VERIFIED_SUCCESSFULLY",
            "trust_framework": "uk_tfida",
            "assurance_policy": "GPG_45",
            "confidence_level": "medium",
            "time": "2024-03-15T14:30:00Z",
            "verifier": {"organization": "ScotAccount", "txn": "a4dbe877-df63-4608-95b0-3a7fe3a4d751"},
        },
        "claims": {"given_name": "John", "family_name": "Smith", "birth_date": "1990-05-15"},
    }],
}
