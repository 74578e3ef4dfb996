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
- ScotAccount's own example client, github.com/ScotAccount/sg-identity-springclient:
  scotaccountclient/docs/diagrams/oidc-flow.puml ("Verified Claims Request"), the attributes
  endpoint's claims token for `openid scotaccount.address scotaccount.gpg45.medium scotaccount.email`;
  and "Technical Documentation.txt" (ScotAccount's technical documentation as text): its data schema
  (https://schema.scotaccount.service.gov.scot/external/v2/scotaccount-verified-claims), the business
  rules for verified attributes and the attributes endpoint's errors.
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


# oidc-flow.puml, "Verified Claims Request", step 13 (springclient): one entry a scope asked for, the
# e-mail's verified by an e-mail loop (ScotAccount's confirmation at sign-up), the address's against a
# credit reference agency.
CLAIMS_TOKEN_THREE_SCOPES = {
    "$schema": "https://schema.scotaccount.service.gov.scot/external/v2/scotaccount-verified-claims",
    "iss": "https://issuer.main.integration.scotaccount.service.gov.scot/jwt",
    "sub": "80a78374-6fbe-4c4c-ac36-acf7b4047d17",
    "iat": 1749548971,
    "verified_claims": [
        {"scope": "scotaccount.address",
         "verification": {"outcome": "VERIFIED_SUCCESSFULLY", "trust_framework": "uk_tfida",
                          "validation_method": "credit_reference_agency", "time": "2025-03-19T10:12:54Z",
                          "verifier": {"organization": "DIS", "txn": "e766b0f2-1873-4199-8f62-e6af182a7f47"}},
         "claims": {"address": {"uprn": "132021690", "buildingNumber": "5", "streetName": "DALNAIR PLACE",
                                "dependentAddressLocality": "MILNGAVIE", "addressLocality": "GLASGOW",
                                "postalCode": "G627RD"}}},
        {"scope": "scotaccount.gpg45.medium",
         "verification": {"outcome": "VERIFIED_SUCCESSFULLY", "trust_framework": "uk_tfida",
                          "assurance_policy": "GPG_45", "confidence_level": "medium", "time": "2025-03-19T10:12:54Z",
                          "verifier": {"organization": "DIS", "txn": "e766b0f2-1873-4199-8f62-e6af182a7f47"}},
         "claims": {"given_name": "David William", "family_name": "Mcnabb", "birth_date": "1976-08-24"}},
        {"scope": "scotaccount.email",
         "verification": {"outcome": "VERIFIED_SUCCESSFULLY", "trust_framework": "uk_tfida",
                          "validation_method": "email_loop", "time": "2025-06-10T10:49:31+01:00",
                          "verifier": {"organization": "DIS", "txn": "3ee4b5a2-a1fa-41f9-8365-db7086cac624"}},
         "claims": {"email": "david@aiapplied.uk"}},
    ],
}

# Technical Documentation.txt, the data schema's verificationType: the outcomes and the ways a claim is
# validated ("email_loop": "Validation via email loop process"; "self_certified": "Validation via self
# certification", which is the person's word alone). Its emailClaimsType: {"email": RFC 5322 addr-spec}.
VERIFICATION_OUTCOMES = ("VERIFIED_SUCCESSFULLY", "VERIFIED_WITH_WARNINGS", "VERIFICATION_FAILED")
VALIDATION_METHODS = ("credit_reference_agency", "email_loop", "self_certified")
SCOPES = ("scotaccount.address", "scotaccount.gpg45.medium", "scotaccount.email")  # its scopeType

# Technical Documentation.txt, "Business rules for verified attributes": "for various reasons (e.g. data not
# available, ScotAccount unable to verify the data, user doesn't give permission, user cancels etc) [...]
# ScotAccount will return as many of the verified attributes as it can. This could be any permutation of
# those requested, from none to all." And "Errors - Get Verified Attribute Data": 404, not_found, "returned
# if there is no data for that user" (in the error shape its other examples show).
NO_DATA_STATUS, NO_DATA = 404, {"error": "not_found"}
