"""The local directory's OpenID Connect (directory.py), in Entra ID v2.0's shape for one tenant: its
discovery document, the authorization request's checks, codes (five minutes, once), the signed-in
session its cookie keeps (a second sign-in from the same browser is silent, as Entra's is), the token
exchange and logout. Plain values in and out; directory.py speaks HTTP."""
from __future__ import annotations

import secrets
import threading
import time

from doorstep_cli.local.directory_tokens import DirectoryKeys, refused
from doorstep_cli.local.scotaccount_tokens import challenge_of

CODE_SECONDS = 300
SESSION_SECONDS = 8 * 3600
# Fields of Entra's discovery document this directory does not serve: no device code flow, no Kerberos.
NOT_SERVED = ("device_authorization_endpoint", "kerberos_endpoint")


class CannotSignIn(Exception):
    """The person chosen cannot sign in: `words` names what the page says (directory_page.WORDS)."""

    def __init__(self, words: str, name: str = ""):
        super().__init__(words)
        self.words, self.name = words, name


class SignIn:
    def __init__(self, origin: str, tenant: str, people):
        self.origin, self.tenant, self.people = origin, tenant, people
        self.base = f"{origin}/{tenant}"
        self.issuer = f"{self.base}/v2.0"
        self.keys = DirectoryKeys()
        self.codes: dict[str, dict] = {}
        self.sessions: dict[str, dict] = {}  # the cookie's value -> who signed in, and how
        self.lock = threading.Lock()

    def discovery(self) -> dict:
        b = self.base
        return {
            "token_endpoint": f"{b}/oauth2/v2.0/token",
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "jwks_uri": f"{b}/discovery/v2.0/keys", "response_modes_supported": ["query"],
            "subject_types_supported": ["pairwise"], "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code"], "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": self.issuer, "request_uri_parameter_supported": False,
            "userinfo_endpoint": f"{self.origin}/oidc/userinfo", "authorization_endpoint": f"{b}/oauth2/v2.0/authorize",
            "http_logout_supported": True, "frontchannel_logout_supported": True,
            "end_session_endpoint": f"{b}/oauth2/v2.0/logout",
            "claims_supported": ["sub", "iss", "cloud_instance_name", "cloud_instance_host_name",
                                 "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr",
                                 "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"],
            "code_challenge_methods_supported": ["S256"],
            "tenant_region_scope": "EU", "cloud_instance_name": "microsoftonline.com",
            "cloud_graph_host_name": "graph.windows.net", "msgraph_host": "graph.microsoft.com",
            "rbac_url": "https://pas.windows.net"}

    def asked(self, query: dict) -> dict:
        """The authorization request, checked as Entra checks it; Refused naming the first fault (status 400:
        said on the page, never sent to an unregistered address; 302: sent back to the redirect URI)."""
        client = self.keys.clients.get(query.get("client_id", ""))
        if client is None:
            raise refused("unauthorized_client", 400, 700016, f"Application with identifier "
                                                              f"'{query.get('client_id', '')}' was not found.")
        if query.get("redirect_uri") not in client["redirect_uris"]:
            raise refused("invalid_request", 400, 50011, "The redirect URI specified in the request does not match "
                                                         "the redirect URIs configured for the application.")
        if query.get("response_type") != "code":
            raise refused("unsupported_response_type", 302, 700054, "response_type must be code.")
        if "openid" not in query.get("scope", "").split():
            raise refused("invalid_request", 302, 90014, "The scope must include openid.")
        if query.get("response_mode", "query") != "query":
            raise refused("invalid_request", 302, 900144, "Only response_mode query is served here.")
        if query.get("code_challenge_method") != "S256" or len(query.get("code_challenge", "")) != 43:
            raise refused("invalid_request", 302, 501491, "A PKCE code_challenge by S256 is required.")
        return query

    def sign_in(self, query: dict, person_id: str, mfa: bool) -> tuple[str, str]:
        """(code, the new session's cookie value) for the person chosen on the page; CannotSignIn if not."""
        person = self._enabled(person_id)
        session = secrets.token_urlsafe(32)
        with self.lock:
            self.sessions[session] = {"person": person["id"], "amr": ["pwd", "mfa"] if mfa else ["pwd"],
                                      "auth_time": int(time.time()), "expires": time.time() + SESSION_SECONDS}
        return self._code(query, self.sessions[session]), session

    def silently(self, query: dict, session: str | None) -> str | None:
        """A code without the page, for a browser already signed in here (None: the page is needed)."""
        if query.get("prompt") in ("login", "select_account"):
            return None
        with self.lock:
            kept = self.sessions.get(session or "")
        if kept is None or kept["expires"] < time.time():
            return None
        try:
            self._enabled(kept["person"])
        except CannotSignIn:
            with self.lock:
                self.sessions.pop(session, None)  # turned off since: signed in no longer
            return None
        return self._code(query, kept)

    def _enabled(self, person_id: str) -> dict:
        from doorstep_cli.local.directory_people import GraphError
        try:
            person = self.people.user(person_id)
        except GraphError:
            raise CannotSignIn("unknown_person") from None
        if not person["accountEnabled"]:
            raise CannotSignIn("disabled", person["displayName"])
        return person

    def _code(self, query: dict, session: dict) -> str:
        code = secrets.token_urlsafe(32)
        with self.lock:
            self.codes[code] = {"client_id": query["client_id"], "redirect_uri": query["redirect_uri"],
                                "challenge": query["code_challenge"], "nonce": query.get("nonce"),
                                "scopes": query["scope"].split(), "person": session["person"], "amr": session["amr"],
                                "auth_time": session["auth_time"], "expires": time.time() + CODE_SECONDS}
        return code

    def token(self, form: dict, basic: tuple | None) -> dict:
        if form.get("grant_type") != "authorization_code":
            raise refused("unsupported_grant_type", 400, 70003, "The app requested an unsupported grant type.")
        client_id = self.keys.authenticated(form, basic, f"{self.base}/oauth2/v2.0/token")
        with self.lock:
            grant = self.codes.pop(form.get("code", ""), None)  # a code works once, whatever follows
        if grant is None or grant["expires"] < time.time() or grant["client_id"] != client_id:
            raise refused("invalid_grant", 400, 70008, "The provided authorization code or refresh token has "
                                                       "expired, was already used or is not this client's.")
        if form.get("redirect_uri") != grant["redirect_uri"]:
            raise refused("invalid_grant", 400, 500112, "The reply address does not match the authorization "
                                                        "request's.")
        verifier = form.get("code_verifier", "")
        if not 43 <= len(verifier) <= 128 or challenge_of(verifier) != grant["challenge"]:
            raise refused("invalid_grant", 400, 50148, "The code_verifier does not match the code_challenge "
                                                       "supplied in the authorization request.")
        try:
            person = self._enabled(grant["person"])
        except CannotSignIn:  # turned off between the page and the exchange: no token
            raise refused("invalid_grant", 400, 50057, "The user account is disabled.") from None
        return self.keys.entra_tokens(self.issuer, self.tenant, grant, person, self.people.groups_of(person["id"]))

    def sign_out(self, query: dict, session: str | None) -> str | None:
        """Ends the browser's session here; the post_logout_redirect_uri to send it to, where the client
        (client_id, or the id_token_hint's audience) registered it, else None (the signed-out page)."""
        with self.lock:
            self.sessions.pop(session or "", None)
        hint = self.keys.hinted(query.get("id_token_hint"), self.issuer) or {}
        client_id = query.get("client_id") or hint.get("aud")
        wanted = query.get("post_logout_redirect_uri")
        if wanted and wanted in self.keys.logout_uris.get(client_id or "", []):
            return wanted
        return None

    def userinfo(self, bearer: str) -> dict:
        access = self.keys.access_token(bearer, self.issuer)
        person = self.people.user(access["oid"])
        return {"sub": access["sub"], "name": person["displayName"], "family_name": person["surname"],
                "given_name": person["givenName"], "email": person["mail"]}
