"""Microsoft Entra ID's answers as they were recorded, kept as they are (names, shapes, values) so the local
directory (doorstep_cli/local/directory.py) is tested against Entra's own rather than against itself.

Sources:
- The discovery document of a tenant's v2.0 authority, GET
  https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration, as Azure's SDK for
  JavaScript recorded it in a test recording (nock) on 23 February 2022 (x-ms-ests-server 2.1.12470.11,
  WEULR2 ProdSlices), the tenant's id sanitised to zeros by the recorder. The same fields are in the
  `entra-organizations` and `entra-common` documents of github.com/panva/wellknown (issuers/), fetched
  from Entra since, and in Microsoft's page "OpenID Connect on the Microsoft identity platform"
  (MicrosoftDocs/entra-docs, docs/identity-platform/v2-protocols-oidc.md: the tenant-scoped paths).
"""

TENANT = "00000000-0000-0000-0000-000000000000"
AUTHORITY = "https://login.microsoftonline.com"

DISCOVERY = {
    "token_endpoint": f"{AUTHORITY}/{TENANT}/oauth2/v2.0/token",
    "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    "jwks_uri": f"{AUTHORITY}/{TENANT}/discovery/v2.0/keys",
    "response_modes_supported": ["query", "fragment", "form_post"],
    "subject_types_supported": ["pairwise"],
    "id_token_signing_alg_values_supported": ["RS256"],
    "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
    "scopes_supported": ["openid", "profile", "email", "offline_access"],
    "issuer": f"{AUTHORITY}/{TENANT}/v2.0",
    "request_uri_parameter_supported": False,
    "userinfo_endpoint": "https://graph.microsoft.com/oidc/userinfo",
    "authorization_endpoint": f"{AUTHORITY}/{TENANT}/oauth2/v2.0/authorize",
    "device_authorization_endpoint": f"{AUTHORITY}/{TENANT}/oauth2/v2.0/devicecode",
    "http_logout_supported": True,
    "frontchannel_logout_supported": True,
    "end_session_endpoint": f"{AUTHORITY}/{TENANT}/oauth2/v2.0/logout",
    "claims_supported": ["sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name",
                         "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username",
                         "name", "tid", "ver", "at_hash", "c_hash", "email"],
    "kerberos_endpoint": f"{AUTHORITY}/{TENANT}/kerberos",
    "tenant_region_scope": "EU",
    "cloud_instance_name": "microsoftonline.com",
    "cloud_graph_host_name": "graph.windows.net",
    "msgraph_host": "graph.microsoft.com",
    "rbac_url": "https://pas.windows.net",
}
