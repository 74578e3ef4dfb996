"""Accounts' routes: registration, sign-in and sessions, verification and
password reset, single sign-on, and My Account."""
from ...api import http
from ...api.openapi import errors, json_response, operation, path_param, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN
from ...storage.metering import conceal
from ..shared import effects

effects.register("break_glass_sign_in", "accounts.break_glass_told",
                 "chalicelib.handlers.accounts.break_glass:tell_administrators")

routes = Routes("accounts", schemas="chalicelib.handlers.accounts.schemas")
EXPORT_FILE = {"Content-Disposition": 'attachment; filename="my-doorstep-data.json"'}


@routes.post("/v1/auth/register", ANYONE, operation(
    "Create an account (the answer is the same whether or not the address is registered; a verification "
    "e-mail follows)", "Register", "202", "Accepted", (400, 422, 429)))
def register():
    conceal()  # the same answer for any address: its cost must not differ either
    from . import auth
    return http.ok(auth.register(http.deps(), http.body()), status=202)


@routes.post("/v1/auth/login", ANYONE, operation(
    "Sign in with e-mail and password", "Login", "200", ref("Tokens"), (400, 401, 429)))
def login():
    conceal()
    from . import auth
    return http.ok(auth.login(http.deps(), http.body()), headers=http.NO_STORE)


@routes.post("/v1/auth/refresh", ANYONE, operation(
    "Swap a refresh token for new tokens (it rotates: each works once)", "RefreshToken", "200", ref("Tokens"),
    (400, 401)))
def refresh():
    from . import auth
    return http.ok(auth.refresh(http.deps(), http.body()), headers=http.NO_STORE)


@routes.post("/v1/auth/logout", ANYONE, operation(
    "End the session of this refresh token", "RefreshToken", "204", "Signed out", (400,)))
def logout():
    from . import auth
    auth.logout(http.deps(), http.body())
    return http.empty()


@routes.post("/v1/auth/verify", ANYONE, operation(
    "Confirm an e-mail address with the token from the e-mail; claims earlier anonymous reports made with it",
    "OneTimeToken", "200", "Verified", (400, 403)))
def verify_email():
    from . import auth
    return http.ok(auth.verify_email(http.deps(), http.body()))


@routes.post("/v1/auth/verify/resend", SIGNED_IN, operation(
    "Send the verification e-mail again", None, "202", "Accepted", (429,)))
def resend_verification():
    from . import auth
    return http.ok(auth.resend_verification(http.deps()), status=202)


@routes.post("/v1/auth/password-reset", ANYONE, operation(
    "Send a password reset link (same answer for any address)", "ResetRequest", "202", "Accepted", (400, 429)))
def request_password_reset():
    conceal()
    from . import auth
    return http.ok(auth.request_password_reset(http.deps(), http.body()), status=202)


@routes.post("/v1/auth/password-reset/confirm", ANYONE, operation(
    "Set a new password with the token from the e-mail; ends every session; the answer's device_token lets "
    "this device sign in", "ResetConfirm", "200", "Changed", (400, 403, 422)))
def confirm_password_reset():
    from . import auth
    return http.ok(auth.confirm_password_reset(http.deps(), http.body()))


@routes.post("/v1/auth/oidc", ANYONE, operation(
    "Exchange a token from a trusted sign-in provider (OIDC) for a session", "ExternalToken", "200",
    ref("Tokens"), (400, 401, 503)))
def oidc_sign_in():
    from . import sso
    return http.ok(sso.sign_in(http.deps(), http.body()), headers=http.NO_STORE)


@routes.get("/v1/auth/providers", ANYONE, operation(
    "The national account providers this council signs residents in with (ScotAccount)", None, "200",
    "Providers"))
def sign_in_providers():
    from . import provider_sign_in
    return http.ok(provider_sign_in.listed(http.deps()))


@routes.post("/v1/auth/providers/{provider}/start", ANYONE, {**operation(
    "Begin signing in with one of the council's providers: the address to send the person to (authorization "
    "code flow with PKCE; the state works once, at this council's address, for 10 minutes)", "ProviderStart",
    "201", "Begun", (400, 404, 429, 503)), "parameters": [path_param("provider", {"type": "string", "maxLength": 40})]})
def start_provider_sign_in(provider):
    from . import provider_sign_in
    return http.ok(provider_sign_in.start(http.deps(), provider, http.body()), status=201, headers=http.NO_STORE)


@routes.post("/v1/auth/providers/finish", ANYONE, operation(
    "Finish a sign-in begun at this council's address with the code and state the provider sent back; refused "
    "(403 assurance_too_low) below the level of assurance the council asks; 403 sign_in_not_begun_here for a "
    "state made at another council's address, used or expired", "ProviderFinish", "200",
    ref("Tokens"), (400, 401, 403, 503)))
def finish_provider_sign_in():
    from . import provider_sign_in
    return http.ok(provider_sign_in.finish(http.deps(), http.body()), headers=http.NO_STORE)


@routes.get("/v1/auth/staff-providers", ANYONE, operation(
    "The directories this council signs its officers in with (its staff_sign_in providers)", None, "200",
    "Providers"))
def staff_sign_in_providers():
    from . import staff_sign_in
    return http.ok(staff_sign_in.listed(http.deps()))


@routes.post("/v1/auth/staff-providers/{provider}/start", ANYONE, {**operation(
    "Begin an officer's sign-in with the council's directory: the address to send them to (authorization code "
    "flow with PKCE; the state works once, at this council's address, for 10 minutes)", "ProviderStart", "201",
    "Begun", (400, 404, 429, 503)), "parameters": [path_param("provider", {"type": "string", "maxLength": 40})]})
def start_staff_sign_in(provider):
    from . import staff_sign_in
    return http.ok(staff_sign_in.start(http.deps(), provider, http.body()), status=201, headers=http.NO_STORE)


@routes.post("/v1/auth/staff-providers/finish", ANYONE, operation(
    "Finish an officer's sign-in begun at this council's address: the ID token's issuer, audience, tenant and "
    "nonce checked, multi-factor where the council asks it (403 mfa_required), and the desks their directory "
    "groups give now (403 no_desk_here when none)", "ProviderFinish", "200", ref("Tokens"), (400, 401, 403, 503)))
def finish_staff_sign_in():
    from . import staff_sign_in
    return http.ok(staff_sign_in.finish(http.deps(), http.body()), headers=http.NO_STORE)


@routes.get("/v1/auth/staff-providers/{provider}/sign-out", ANYONE, {**operation(
    "Where to send an officer who signed out here so that their directory's session ends too (its "
    "end_session_endpoint, back to this council's address); null when the directory offers none", None, "200",
    "SignOut", (404, 503)), "parameters": [path_param("provider", {"type": "string", "maxLength": 40})]})
def staff_sign_out(provider):
    from . import staff_sign_in
    return http.ok(staff_sign_in.sign_out(http.deps(), provider), headers=http.NO_STORE)


@routes.get("/v1/me", SIGNED_IN, operation("My profile", None, "200", ref("Profile")))
def get_me():
    from . import me
    return http.ok(me.get_me(http.deps()), headers=http.NO_STORE)


@routes.patch("/v1/me", SIGNED_IN, operation(
    "Change my name, phone, address, UPRN or notification preferences", "ProfileUpdate", "200", ref("Profile"),
    (400,)))
def update_me():
    from . import me
    return http.ok(me.update_me(http.deps(), http.body()), headers=http.NO_STORE)


@routes.delete("/v1/me", SIGNED_IN, {**operation(
    "Erase my personal data; my reports stay, anonymised", None, "204", "Erased"), "responses": {
        "204": {"description": "Erased"},
        "200": json_response("#/components/schemas/ErasureKept", "Erased but for what a legal hold keeps, said")}})
def delete_me():
    from . import me
    kept = me.delete_me(http.deps())
    return http.empty() if kept is None else http.ok(kept, headers=http.NO_STORE)


@routes.get("/v1/me/reports", SIGNED_IN, operation(
    "My reports, including anonymous ones claimed on verification", None, "200", "My reports"))
def my_reports():
    from . import me
    return http.ok(me.my_reports(http.deps()), headers=http.NO_STORE)


@routes.get("/v1/me/export", SIGNED_IN, operation(
    "Everything held about me, as JSON (subject access request)", None, "200", "Export"))
def export_me():
    from . import me
    return http.ok(me.export_me(http.deps()), headers={**http.NO_STORE, **EXPORT_FILE})


@routes.get("/v1/feeds/my-bins/{token}/bins.ics", ANYONE, {
    "summary": "Your own bin-day calendar (iCalendar, RFC 5545) from its address in My Account alone: your home's "
               "collections for the coming year, the new home's from the date of a move you told us of, and on "
               "leaving the area one last event on the move date saying why. It names no address. An address "
               "stopped, or of an erased account, answers 404 as one never made; honours If-None-Match (304)",
    "parameters": [path_param("token", {"type": "string", "maxLength": 200}),
                   {"name": "If-None-Match", "in": "header", "required": False, "schema": {"type": "string"},
                    "description": "an ETag from an earlier answer"}],
    "responses": {"200": {"description": "text/calendar; all-day events", "content": {
                      "text/calendar": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified since the ETag given"},
                  **errors(**{"404": "No calendar at this address (calendar_not_found)"})}})
def my_bins_calendar(token):
    from chalice import Response
    from .bin_calendar import feed
    status, text, headers = feed(http.deps(), token, http.header("if-none-match"))
    return Response(body=text, status_code=status, headers={**headers, "Referrer-Policy": "no-referrer"})


@routes.delete("/v1/me/bins-calendar", SIGNED_IN, operation(
    "Stop the address of my bin-day calendar: it answers 404 from now on, and My Account gives a new one",
    None, "204", "Stopped"))
def stop_my_bins_calendar():
    from .bin_calendar import stop
    stop(http.deps())
    return http.empty()

