"""Who may call what: every route x every kind of caller, against one table.

Each case sends a *valid* request for its route, so the only reasons for a
401 or 403 are the rule each route declares (chalicelib/handlers/*/routes.py, applied by
the middleware) and the object rules (owns / staff_covers / can_see_private /
require_manage). Every expectation is in EXPECTED: ROUTE_ACCESS states, here
and independently of the app, who each route is for and what a permitted call
answers; `expected()` turns that and the object rules into an outcome per
caller; KNOWN_BUGS lists the cases the app gets wrong today (strict xfail).

Speed: a moto "world" (tables, the ten callers, the owner's pothole report)
is built once per route and shared by that route's ten cases; GET routes
change nothing, so they all share one world; DELETE /v1/me destroys its
caller, so it gets a fresh world per caller.
"""
import json
from urllib.parse import urlencode
from collections import namedtuple
from datetime import timedelta

import pytest

from conftest import Api, Person, empty_aws, ensure_storage, pothole

from chalicelib.auth.rules import (
    ADMIN as ADMIN_ONLY, ANYONE, CREW as CREW_ONLY, OPERATOR as OPERATOR_ONLY, SIGNED_IN, STAFF, desk, desk_of, is_desk,
)

# -- the callers -------------------------------------------------------------

ANONYMOUS = "anonymous"
OWNER = "resident_owner"  # made the report every {report_id} route is called with
OTHER = "resident_other"
CREW = "crew"
STAFF_IN = "staff_in_scope"  # scope ["pothole"]: covers the owner's pothole report
STAFF_OUT = "staff_out_of_scope"  # scope ["graffiti"]
HALLS = "halls_officer"  # one role (halls), no scope: every other desk is refused
ADMIN = "admin"
OPERATOR = "operator"  # the deployment's operator, granted nothing by this council: the operator's routes alone
ELSEWHERE = "admin_of_another_council"  # North Lanarkshire's administrator: at York, any other resident
# The operator before the administrator, whose change (deleting the template) may be the route's last.
CALLERS = (ANONYMOUS, OWNER, OTHER, ELSEWHERE, CREW, STAFF_IN, STAFF_OUT, HALLS, OPERATOR, ADMIN)

OWNER_NAME, OWNER_EMAIL, OWNER_PHONE = "Olive Owner", "olive.owner@example.org", "07700 900456"
ACCOUNTS = {
    OWNER: dict(role="resident", email=OWNER_EMAIL, name=OWNER_NAME),
    OTHER: dict(role="resident", email="rowan.other@example.org", name="Rowan Other"),
    CREW: dict(role="crew", team="north"),
    STAFF_IN: dict(role="staff", categories=["pothole"]),
    STAFF_OUT: dict(role="staff", categories=["graffiti"]),  # both holding every role (every desk)
    HALLS: dict(role="staff", roles=["halls"]),
    ADMIN: dict(role="admin"),
    OPERATOR: dict(role="resident", operator=True),
    ELSEWHERE: dict(role="admin", granted_by="north-lanarkshire"),
}

# The object rules, applied to the owner's pothole report.
IS_STAFF = {STAFF_IN, STAFF_OUT, HALLS, ADMIN}  # may reach STAFF routes at all
ONLY_DESKS = {HALLS: {"halls"}}  # the desks of callers whose roles do not open every desk
MANAGES = {STAFF_IN, ADMIN}  # staff_covers / require_manage
SEES_PRIVATE = {OWNER, STAFF_IN, ADMIN}  # can_see_private: owner or staff in scope

# -- the expectations --------------------------------------------------------

Outcome = namedtuple("Outcome", "status error", defaults=(None,))
UNAUTHORIZED = Outcome(401, "unauthorized")  # the policy's "sign in first"
FORBIDDEN = Outcome(403, "forbidden")  # the policy's or an object rule's "not you"

FORM = "/v1/staff/forms/{form_id}"
CONSULTATION = "/v1/staff/consultations/{consultation_id}"
APPOINTMENT_ROUTES = (("GET", ""), ("POST", "/release"), ("POST", "/book"))
# A resident's steps through one submission (method, path suffix).
FORM_FILLING = (("GET", ""), ("GET", "/pages/{page_id}"), ("PUT", "/pages/{page_id}"), ("GET", "/check"),
                ("POST", "/submit"), ("POST", "/save"), ("POST", "/pay"))
# The staff desk's actions on one conversation (method, path suffix).
CHAT_DESK = [("POST", "/take"), ("POST", "/hand-over"), ("POST", "/answer"), ("POST", "/report"), ("POST", "/link"),
             ("POST", "/close"), ("POST", "/block"), ("GET", "/audit"), ("GET", "/report-draft")]
# (method, path): (who the route is for, what a permitted valid request answers)
ROUTE_ACCESS = {
    ("GET", "/v1/health"): (ANYONE, Outcome(200)),
    ("GET", "/v1/services"): (ANYONE, Outcome(200)),
    ("GET", "/v1/services/{service_code}"): (ANYONE, Outcome(200)),
    ("POST", "/v1/uploads"): (ANYONE, Outcome(201)),
    # A photo no report names: the same 404 for every caller (tests/api/test_photo_links.py: who sees what).
    ("GET", "/v1/photos/{name}"): (ANYONE, Outcome(404, "photo_not_found")),
    ("POST", "/v1/reports"): (ANYONE, Outcome(201)),
    ("GET", "/v1/reports"): (ANYONE, Outcome(200)),
    ("GET", "/v1/reports/nearby"): (ANYONE, Outcome(200)),
    ("GET", "/v1/reports/{report_id}"): (ANYONE, Outcome(200)),
    ("GET", "/v1/reports/{report_id}/updates"): (ANYONE, Outcome(200)),
    # "Me too" with an e-mail: anyone, the same 202 whoever asks; the link's token opens nothing here.
    ("POST", "/v1/reports/{report_id}/supporters"): (ANYONE, Outcome(202)),
    ("POST", "/v1/supporters/confirm"): (ANYONE, Outcome(404, "supporter_not_found")),
    # Withdrawing one's own "me too" (none here: the same answer, nothing taken off); by a link: a bad token.
    ("DELETE", "/v1/reports/{report_id}/supporters/me"): (SIGNED_IN, Outcome(200)),
    ("POST", "/v1/supporters/withdraw"): (ANYONE, Outcome(404, "supporter_not_found")),
    # No address is loaded in the world: the handler's 404, for every caller alike.
    ("GET", "/v1/places"): (ANYONE, Outcome(404, "postcode_not_found")),
    ("GET", "/v1/facility-types"): (ANYONE, Outcome(200)),
    ("GET", "/v1/nearest"): (ANYONE, Outcome(200)),
    ("POST", "/v1/auth/register"): (ANYONE, Outcome(202)),
    ("POST", "/v1/auth/login"): (ANYONE, Outcome(200)),  # the right password
    ("POST", "/v1/auth/refresh"): (ANYONE, Outcome(200)),
    ("POST", "/v1/auth/logout"): (ANYONE, Outcome(204)),
    ("POST", "/v1/auth/verify"): (ANYONE, Outcome(200)),
    ("POST", "/v1/auth/verify/resend"): (SIGNED_IN, Outcome(202)),
    ("POST", "/v1/auth/password-reset"): (ANYONE, Outcome(202)),
    ("POST", "/v1/auth/password-reset/confirm"): (ANYONE, Outcome(200)),
    # No issuer signed the token: the handler's 401 (code invalid_token), for
    # every caller alike, never the policy's (code unauthorized).
    ("POST", "/v1/auth/oidc"): (ANYONE, Outcome(401, "invalid_token")),
    # York signs nobody in with a national account: none listed, none to begin, no sign-in begun to finish.
    ("GET", "/v1/auth/providers"): (ANYONE, Outcome(200)),
    ("POST", "/v1/auth/providers/{provider}/start"): (ANYONE, Outcome(404, "provider_not_found")),
    ("POST", "/v1/auth/providers/finish"): (ANYONE, Outcome(403, "sign_in_not_begun_here")),
    ("GET", "/v1/auth/staff-providers"): (ANYONE, Outcome(200)),
    ("POST", "/v1/auth/staff-providers/{provider}/start"): (ANYONE, Outcome(404, "provider_not_found")),
    ("POST", "/v1/auth/staff-providers/finish"): (ANYONE, Outcome(403, "sign_in_not_begun_here")),
    ("GET", "/v1/auth/staff-providers/{provider}/sign-out"): (ANYONE, Outcome(404, "provider_not_found")),
    ("GET", "/v1/me"): (SIGNED_IN, Outcome(200)),
    ("PATCH", "/v1/me"): (SIGNED_IN, Outcome(200)),
    ("DELETE", "/v1/me"): (SIGNED_IN, Outcome(204)),
    ("GET", "/v1/me/reports"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/me/export"): (SIGNED_IN, Outcome(200)),
    # The resident's own bin calendar: its address is the key (a calendar app holds no session).
    ("DELETE", "/v1/me/bins-calendar"): (SIGNED_IN, Outcome(204)),
    ("GET", "/v1/feeds/my-bins/{token}/bins.ics"): (ANYONE, Outcome(404, "calendar_not_found")),
    ("PATCH", "/v1/staff/reports/{report_id}"): (desk("reports"), Outcome(200)),
    # Staff triage: the inbox lists only what the caller's scope covers; taking
    # a caller's report is front-line work any officer does.
    ("GET", "/v1/staff/reports"): (desk("reports"), Outcome(200)),
    ("POST", "/v1/staff/reports"): (desk("reports"), Outcome(201)),
    ("GET", "/v1/staff/reports/{report_id}"): (desk("reports"), Outcome(200)),
    ("GET", "/v1/staff/reports/{report_id}/audit"): (desk("reports"), Outcome(200)),
    # Passing a report to another council: the matrix names one this deployment does not serve, so the report
    # stays for the next caller; those the route lets in are told so (422), the rest never reach it.
    ("POST", "/v1/staff/reports/{report_id}/pass"): (desk("reports"), Outcome(422, "validation_failed")),
    ("POST", "/v1/staff/reports/{report_id}/moderation"): (desk("moderation"), Outcome(200)),
    # A reporter withdraws a photo of theirs: the tracking token (or being its
    # owner without one) decides; a token that is not the report's is refused alike.
    ("DELETE", "/v1/reports/{report_id}/photos/{name}"): (ANYONE, Outcome(403, "not_your_report")),
    ("GET", "/v1/staff/templates"): (STAFF, Outcome(200)),
    ("POST", "/v1/staff/templates"): (ADMIN_ONLY, Outcome(201)),
    ("PATCH", "/v1/staff/templates/{template_id}"): (ADMIN_ONLY, Outcome(200)),
    ("DELETE", "/v1/staff/templates/{template_id}"): (ADMIN_ONLY, Outcome(204)),
    ("GET", "/v1/staff/teams"): (STAFF, Outcome(200)),
    # Officers: what desks am I given is any officer's; the council's roles and an officer's are administrators'.
    ("GET", "/v1/staff/desks"): (STAFF, Outcome(200)),
    ("GET", "/v1/staff/roles"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/staff/officers"): (ADMIN_ONLY, Outcome(200)),
    # The council of the address: what its app shows, anyone's; its settings, its administrators'.
    ("GET", "/v1/council"): (ANYONE, Outcome(200)),
    ("GET", "/v1/council/manifest.webmanifest"): (ANYONE, Outcome(200)),
    ("GET", "/v1/admin/council"): (ADMIN_ONLY, Outcome(200)),
    ("PUT", "/v1/admin/council"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/admin/council/audit"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/admin/council/export"): (ADMIN_ONLY, Outcome(200)),
    # What the council holds of people (issue 80): its record of processing, its administrators'; its notice, anyone's.
    ("GET", "/v1/council/record-of-processing"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/privacy"): (ANYONE, Outcome(200)),
    # The council's retention (its administrators'): the schedule, holds, dry runs and the runs' reports.
    ("GET", "/v1/admin/retention"): (ADMIN_ONLY, Outcome(200)),
    ("PUT", "/v1/admin/retention"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/admin/retention/holds"): (ADMIN_ONLY, Outcome(200)),
    ("PUT", "/v1/admin/retention/holds/{kind}/{record_id}"): (ADMIN_ONLY, Outcome(200)),
    ("DELETE", "/v1/admin/retention/holds/{kind}/{record_id}"): (ADMIN_ONLY, Outcome(200)),
    ("POST", "/v1/admin/retention/dry-runs"): (ADMIN_ONLY, Outcome(201)),
    ("GET", "/v1/admin/retention/runs"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/admin/retention/runs/{run_id}"): (ADMIN_ONLY, Outcome(200)),
    ("PUT", "/v1/staff/officers/{user_id}/roles"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/staff/directory/changes"): (ADMIN_ONLY, Outcome(200)),
    # SCIM: the council's directory alone, by its own token; a person's token, whoever's, is none (401 in
    # RFC 7644's shape, its status as the code), and the world's council takes no SCIM.
    **{(method, f"/scim/v2/{path}"): (ANYONE, Outcome(401, "401"))
       for method, path in (("GET", "Users"), ("POST", "Users"), ("GET", "Users/{id}"), ("PUT", "Users/{id}"),
                            ("PATCH", "Users/{id}"), ("DELETE", "Users/{id}"), ("GET", "Groups"), ("POST", "Groups"),
                            ("GET", "Groups/{id}"), ("PUT", "Groups/{id}"), ("PATCH", "Groups/{id}"),
                            ("DELETE", "Groups/{id}"), ("GET", "ServiceProviderConfig"), ("GET", "ResourceTypes"),
                            ("GET", "Schemas"))},
    # The deployment's operator: the councils it serves, and nothing of theirs.
    ("GET", "/v1/operator/councils"): (OPERATOR_ONLY, Outcome(200)),
    ("POST", "/v1/operator/councils"): (OPERATOR_ONLY, Outcome(201)),
    ("GET", "/v1/operator/councils/{council_id}"): (OPERATOR_ONLY, Outcome(200)),
    ("PUT", "/v1/operator/councils/{council_id}"): (OPERATOR_ONLY, Outcome(200)),
    # A council leaving: where it has got to (serving: not leaving), and its first step, stopped.
    ("GET", "/v1/operator/councils/{council_id}/offboarding"): (OPERATOR_ONLY, Outcome(200)),
    ("POST", "/v1/operator/councils/{council_id}/offboarding"): (OPERATOR_ONLY, Outcome(200)),
    # Bodies: staff see where reports can go (keys never shown); administrators manage them.
    ("GET", "/v1/staff/bodies"): (desk("sends"), Outcome(200)),
    ("POST", "/v1/staff/bodies"): (ADMIN_ONLY, Outcome(201)),
    ("GET", "/v1/staff/bodies/{body_id}"): (ADMIN_ONLY, Outcome(200)),
    ("PATCH", "/v1/staff/bodies/{body_id}"): (ADMIN_ONLY, Outcome(200)),
    ("POST", "/v1/staff/bodies/{body_id}/retire"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/staff/bodies/{body_id}/health"): (desk("sends"), Outcome(200)),
    # Sending a report on: staff whose scope covers it.
    ("POST", "/v1/staff/reports/{report_id}/sends"): (desk("sends"), Outcome(201)),
    ("GET", "/v1/staff/sends"): (desk("sends"), Outcome(200)),
    # A body's officer: the signed link is the right, whoever holds it.
    ("GET", "/v1/body-links/{token}"): (ANYONE, Outcome(200)),
    ("POST", "/v1/body-links/{token}"): (ANYONE, Outcome(200)),
    ("GET", "/openapi.json"): (ANYONE, Outcome(200)),
    # Street crews: only a crew member with a team; their team's jobs only.
    ("GET", "/v1/crew/jobs"): (CREW_ONLY, Outcome(200)),
    ("GET", "/v1/crew/jobs/{job_id}"): (CREW_ONLY, Outcome(200)),
    ("POST", "/v1/crew/jobs/{job_id}/updates"): (CREW_ONLY, Outcome(201)),
    # Open311: partner systems, named by api_key (POST) rather than a token.
    ("GET", "/open311/v2/{resource}"): (ANYONE, Outcome(200)),
    ("POST", "/open311/v2/{resource}"): (ANYONE, Outcome(200)),
    ("GET", "/open311/v2/services/{code_format}"): (ANYONE, Outcome(200)),
    ("GET", "/open311/v2/service/{code_format}"): (ANYONE, Outcome(200)),
    ("GET", "/open311/v2/requests/{id_format}"): (ANYONE, Outcome(200)),
    # No token is ever issued: the spec's 404 (code 404) for everyone alike.
    ("GET", "/open311/v2/tokens/{token_format}"): (ANYONE, Outcome(404, 404)),
    ("GET", "/v1/feeds/reports.rss"): (ANYONE, Outcome(200)),
    # No ward is loaded in the world: the handler's 404, for every caller alike.
    ("GET", "/v1/councillors"): (ANYONE, Outcome(404, "no_ward")),
    # The world loads no addresses (as for /v1/places?postcode=): a valid UPRN is a 404.
    ("GET", "/v1/places/{uprn}"): (ANYONE, Outcome(404, "place_not_found")),
    ("GET", "/v1/places/{uprn}/bins.ics"): (ANYONE, Outcome(404, "place_not_found")),
    ("GET", "/v1/push/vapid-public-key"): (ANYONE, Outcome(200)),
    # Alerts: anyone may subscribe (push needs no account); each caller manages
    # only their own, by session or by the alert's management token.
    ("POST", "/v1/alerts"): (ANYONE, Outcome(201)),
    ("GET", "/v1/alerts"): (ANYONE, Outcome(200)),
    ("DELETE", "/v1/alerts/{alert_id}"): (ANYONE, Outcome(204)),
    ("POST", "/v1/alerts/confirm"): (ANYONE, Outcome(200)),
    ("GET", "/v1/alerts/unsubscribe"): (ANYONE, Outcome(200)),
    ("POST", "/v1/alerts/unsubscribe"): (ANYONE, Outcome(200)),
    # Broadcasts: council-wide, so any staff member (COUNCIL_WIDE: no object rule).
    ("POST", "/v1/broadcasts"): (desk("broadcasts"), Outcome(201)),
    ("GET", "/v1/broadcasts"): (desk("broadcasts"), Outcome(200)),
    # A message's link shows the news to anyone; staff get the audit entry.
    ("GET", "/v1/broadcasts/{broadcast_id}"): (ANYONE, Outcome(200)),
    # Public performance and open data: the same for everyone.
    ("GET", "/v1/stats"): (ANYONE, Outcome(200)),
    ("GET", "/v1/open-data"): (ANYONE, Outcome(200)),
    ("GET", "/v1/open-data/{name}"): (ANYONE, Outcome(302)),
    # Questionnaires: whoever holds the link's token (the reporter it was sent
    # to); the same answer again is a replay (201), for every caller alike.
    ("GET", "/v1/questionnaires/{report_id}"): (ANYONE, Outcome(200)),
    ("POST", "/v1/questionnaires/{report_id}/answer"): (ANYONE, Outcome(201)),
    ("POST", "/v1/feedback"): (ANYONE, Outcome(201)),
    ("POST", "/v1/feedback/starts"): (ANYONE, Outcome(204)),
    ("POST", "/v1/feedback/comments"): (ANYONE, Outcome(201)),
    ("GET", "/v1/figures"): (ANYONE, Outcome(200)),
    # A service's feedback: staff, and of them the officers its desk opens to (handlers/feedback/desk.py).
    ("GET", "/v1/staff/feedback/{service}"): (STAFF, Outcome(200)),
    ("PUT", "/v1/staff/feedback/{service}/answers/{answer_id}/tags"): (STAFF, Outcome(200)),
    ("GET", "/v1/staff/feedback/{service}/answers/{answer_id}/words"): (STAFF, Outcome(200)),
    ("POST", "/v1/staff/feedback/{service}/changes"): (STAFF, Outcome(201)),
    ("GET", "/v1/feedback/{service}/changes"): (ANYONE, Outcome(200)),
    ("GET", "/v1/figures/report"): (ANYONE, Outcome(200)),
    # The contacts a council enters: staff, and of them the service's desk's officers (feedback/contacts.py).
    ("GET", "/v1/staff/figures/{service}/contacts"): (STAFF, Outcome(200)),
    ("PUT", "/v1/staff/figures/{service}/contacts/{month}"): (STAFF, Outcome(200)),
    # Payments: the provider's webhook proves itself by its signature alone (a
    # bad one is refused for everyone alike); a return token nobody was given is a 404.
    ("POST", "/v1/payments/webhook"): (ANYONE, Outcome(403, "bad_signature")),
    ("GET", "/v1/payments/return/{token}"): (ANYONE, Outcome(404, "payment_not_found")),
    # Staff's view of the money is council-wide; the world holds no payment.
    ("GET", "/v1/staff/payments"): (desk("payments"), Outcome(200)),
    ("GET", "/v1/staff/payments.csv"): (desk("payments"), Outcome(200)),
    ("GET", "/v1/staff/payments/{payment_id}"): (desk("payments"), Outcome(404, "payment_not_found")),
    ("POST", "/v1/staff/payments/{payment_id}/refunds"): (desk("payments"), Outcome(404, "payment_not_found")),
    # Bulky waste: the catalogue for anyone, edited by administrators; the world
    # has no addresses (404) and no bookings, and a booking is only its resident's or staff's.
    ("GET", "/v1/waste/bulky/items"): (ANYONE, Outcome(200)),
    ("PUT", "/v1/waste/bulky/items"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/places/{uprn}/bulky/dates"): (ANYONE, Outcome(404, "place_not_found")),
    ("POST", "/v1/waste/bulky/bookings"): (SIGNED_IN, Outcome(404, "place_not_found")),
    ("GET", "/v1/waste/bulky/bookings/{booking_id}"): (SIGNED_IN, Outcome(404, "booking_not_found")),
    ("POST", "/v1/waste/bulky/bookings/{booking_id}/cancel"): (SIGNED_IN, Outcome(404, "booking_not_found")),
    ("POST", "/v1/waste/bulky/bookings/{booking_id}/change"): (SIGNED_IN, Outcome(404, "booking_not_found")),
    ("GET", "/v1/me/bulky-bookings"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/me/garden-subscriptions"): (SIGNED_IN, Outcome(200)),
    ("POST", "/v1/staff/waste/bulky/bookings"): (desk("bulky"), Outcome(404, "place_not_found")),
    ("GET", "/v1/places/{uprn}/containers"): (SIGNED_IN, Outcome(404, "place_not_found")),
    ("POST", "/v1/waste/containers/requests"): (SIGNED_IN, Outcome(404, "place_not_found")),
    ("GET", "/v1/waste/containers/requests/{request_id}"): (SIGNED_IN, Outcome(404, "request_not_found")),
    ("GET", "/v1/me/container-requests"): (SIGNED_IN, Outcome(200)),
    ("POST", "/v1/staff/waste/containers/requests"): (desk("containers"), Outcome(404, "place_not_found")),
    ("POST", "/v1/waste/containers/requests/{request_id}/cancel"): (SIGNED_IN, Outcome(404, "request_not_found")),
    ("GET", "/v1/staff/waste/containers/requests"): (desk("containers"), Outcome(200)),
    ("GET", "/v1/staff/waste/containers/stock/{depot}"): (desk("containers"), Outcome(404, "depot_not_found")),
    ("POST", "/v1/staff/waste/containers/stock/{depot}/{container}"): (desk("containers"), Outcome(404, "depot_not_found")),
    ("GET", "/v1/repairs/questions"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/staff/repairs/board"): (desk("repairs"), Outcome(200)),
    ("POST", "/v1/staff/repairs/{repair_id}/inspection"): (desk("repairs"), Outcome(404, "repair_not_found")),
    ("POST", "/v1/staff/repairs/{repair_id}/second-contractor"): (desk("repairs"), Outcome(404, "repair_not_found")),
    ("POST", "/v1/staff/repairs/{repair_id}/done"): (desk("repairs"), Outcome(404, "repair_not_found")),
    ("GET", "/v1/me/homes"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/me/repairs"): (SIGNED_IN, Outcome(200)),  # no council tax linked: no home, no back office asked
    ("POST", "/v1/repairs"): (SIGNED_IN, Outcome(404, "home_not_found")),
    ("GET", "/v1/repairs/{repair_id}"): (SIGNED_IN, Outcome(404, "repair_not_found")),
    ("GET", "/v1/repairs/{repair_id}/slots"): (SIGNED_IN, Outcome(404, "repair_not_found")),
    ("POST", "/v1/repairs/{repair_id}/appointment"): (SIGNED_IN, Outcome(404, "repair_not_found")),
    ("POST", "/v1/repairs/{repair_id}/appointment/move"): (SIGNED_IN, Outcome(404, "repair_not_found")),
    ("POST", "/v1/repairs/{repair_id}/cancel"): (SIGNED_IN, Outcome(404, "repair_not_found")),
    # The repairs desk on one repair, operatives' repairs in the crew app, and the tenant's after (issue 58).
    ("GET", "/v1/staff/repairs/{repair_id}"): (desk("repairs"), Outcome(404, "repair_not_found")),
    ("POST", "/v1/staff/repairs/{repair_id}/priority"): (desk("repairs"), Outcome(404, "repair_not_found")),
    ("POST", "/v1/staff/repairs/{repair_id}/assign"): (desk("repairs"), Outcome(404, "repair_not_found")),
    ("POST", "/v1/staff/repairs/{repair_id}/follow-on"): (desk("repairs"), Outcome(404, "repair_not_found")),
    ("GET", "/v1/staff/repairs/homes/{home}"): (desk("repairs"), Outcome(200)),
    ("GET", "/v1/crew/jobs/{job_id}/tenant"): (CREW_ONLY, Outcome(404, "job_not_found")),  # a report's job
    ("POST", "/v1/crew/jobs/{job_id}/on-my-way"): (CREW_ONLY, Outcome(404, "job_not_found")),
    ("POST", "/v1/crew/jobs/{job_id}/no-access"): (CREW_ONLY, Outcome(404, "job_not_found")),
    ("GET", "/v1/repairs/{repair_id}/how-it-went"): (SIGNED_IN, Outcome(404, "repair_not_found")),
    ("POST", "/v1/repairs/{repair_id}/how-it-went"): (SIGNED_IN, Outcome(404, "repair_not_found")),
    ("POST", "/v1/repairs/{repair_id}/reopen"): (SIGNED_IN, Outcome(404, "repair_not_found")),
    ("GET", "/v1/me/homes/{home}/repairs"): (SIGNED_IN, Outcome(404, "home_not_found")),
    # A block's communal repairs and a neighbour's "me too" (issue 58, repairs-rest): no link, no block.
    ("GET", "/v1/me/block-repairs"): (SIGNED_IN, Outcome(200)),
    ("POST", "/v1/repairs/{repair_id}/me-too"): (SIGNED_IN, Outcome(404, "repair_not_found")),
    ("GET", "/v1/hire/places"): (ANYONE, Outcome(200)),
    ("GET", "/v1/hire/places/{place_id}"): (ANYONE, Outcome(404, "place_not_found")),
    ("GET", "/v1/hire/places/{place_id}/times"): (ANYONE, Outcome(404, "place_not_found")),
    ("POST", "/v1/hire/places/{place_id}/check"): (ANYONE, Outcome(404, "place_not_found")),
    ("POST", "/v1/hire/bookings"): (SIGNED_IN, Outcome(404, "place_not_found")),
    ("GET", "/v1/hire/bookings/{booking_id}"): (SIGNED_IN, Outcome(404, "booking_not_found")),
    ("POST", "/v1/hire/bookings/{booking_id}/sessions/{date}/cancel"): (SIGNED_IN, Outcome(404, "booking_not_found")),
    ("GET", "/v1/me/hire-bookings"): (SIGNED_IN, Outcome(200)),
    # Licensing (issue 81): the world has no licence types and no cases.
    ("GET", "/v1/licensing/types"): (ANYONE, Outcome(200)),
    ("POST", "/v1/licensing/cases"): (SIGNED_IN, Outcome(404, "licence_type_not_found")),
    ("GET", "/v1/licensing/cases/{case_id}"): (SIGNED_IN, Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/licensing/cases/{case_id}/pay"): (SIGNED_IN, Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/licensing/cases/{case_id}/renew"): (SIGNED_IN, Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/licensing/cases/{case_id}/annual-fee/pay"): (SIGNED_IN, Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/licensing/cases/{case_id}/annual-fee/dispute"): (SIGNED_IN, Outcome(404, "licence_case_not_found")),
    ("GET", "/v1/me/licences"): (SIGNED_IN, Outcome(200)),
    ("POST", "/v1/licensing/cases/{case_id}/representations"): (ANYONE, Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/licensing/cases/{case_id}/documents/{document_id}"): (SIGNED_IN, Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/licensing/cases/{case_id}/withdraw"): (SIGNED_IN, Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/licensing/cases/{case_id}/requests/{request_id}/answer"): (
        SIGNED_IN, Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/staff/licensing/cases/{case_id}/requests"): (desk("licensing"), Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/staff/licensing/cases/{case_id}/documents/{document_id}"): (
        desk("licensing"), Outcome(404, "licence_case_not_found")),
    ("GET", "/v1/licensing/consultations/{token}"): (ANYONE, Outcome(404, "link_not_valid")),
    ("POST", "/v1/licensing/consultations/{token}"): (ANYONE, Outcome(404, "link_not_valid")),
    ("GET", "/v1/licensing/register"): (ANYONE, Outcome(200)),
    ("GET", "/v1/licensing/register.csv"): (ANYONE, Outcome(200)),
    ("GET", "/v1/licensing/register/{case_id}"): (ANYONE, Outcome(404, "licence_case_not_found")),
    ("GET", "/v1/staff/licensing/cases"): (desk("licensing"), Outcome(200)),
    ("GET", "/v1/staff/licensing/cases/{case_id}"): (desk("licensing"), Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/staff/licensing/cases/{case_id}/consultees/{consultee_id}"): (
        desk("licensing"), Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/staff/licensing/cases/{case_id}/representations/{rep_id}/check"): (
        desk("licensing"), Outcome(404, "representation_not_found")),
    ("POST", "/v1/staff/licensing/cases/{case_id}/hearing"): (desk("licensing"), Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/staff/licensing/cases/{case_id}/conditions"): (
        desk("licensing"), Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/staff/licensing/cases/{case_id}/decision"): (desk("licensing"), Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/staff/licensing/cases/{case_id}/licence"): (desk("licensing"), Outcome(404, "licence_case_not_found")),
    ("POST", "/v1/staff/licensing/cases/{case_id}/checks"): (desk("licensing"), Outcome(404, "licence_case_not_found")),
    ("GET", "/v1/staff/licensing/checks-due"): (desk("licensing"), Outcome(200)),
    ("GET", "/v1/staff/hire/places/{place_id}/calendar"): (desk("halls"), Outcome(404, "place_not_found")),
    ("POST", "/v1/staff/hire/places/{place_id}/blocks"): (desk("halls"), Outcome(404, "place_not_found")),
    ("DELETE", "/v1/staff/hire/places/{place_id}/blocks/{block}"): (desk("halls"), Outcome(404, "place_not_found")),
    ("GET", "/v1/staff/hire/deposits"): (desk("halls"), Outcome(200)),
    ("POST", "/v1/staff/hire/bookings/{booking_id}/deposit"): (desk("halls"), Outcome(404, "booking_not_found")),
    ("POST", "/v1/staff/hire/bookings"): (desk("halls"), Outcome(404, "place_not_found")),
    ("POST", "/v1/staff/hire/bookings/{booking_id}/cancel"): (desk("halls"), Outcome(404, "booking_not_found")),
    ("GET", "/v1/waste/garden"): (ANYONE, Outcome(200)),
    ("GET", "/v1/places/{uprn}/missed-bins"): (ANYONE, Outcome(404, "place_not_found")),
    ("POST", "/v1/places/{uprn}/missed-bins"): (SIGNED_IN, Outcome(404, "place_not_found")),
    ("PUT", "/v1/waste/garden"): (ADMIN_ONLY, Outcome(200)),
    ("GET", "/v1/places/{uprn}/garden"): (SIGNED_IN, Outcome(404, "place_not_found")),
    ("POST", "/v1/waste/garden/subscriptions"): (SIGNED_IN, Outcome(404, "place_not_found")),
    ("GET", "/v1/waste/garden/subscriptions/{subscription_id}"): (SIGNED_IN, Outcome(404, "subscription_not_found")),
    ("POST", "/v1/waste/garden/subscriptions/{subscription_id}/cancel"): (SIGNED_IN,
                                                                         Outcome(404, "subscription_not_found")),
    ("GET", "/v1/staff/waste/garden/rounds/{round_id}"): (desk("garden"), Outcome(200)),
    # Live chat: anyone may start one; a conversation opens only for its account,
    # its token or staff, and the world holds none (404 for everyone alike).
    ("POST", "/v1/conversations"): (ANYONE, Outcome(201)),
    ("GET", "/v1/conversations/{conversation_id}"): (ANYONE, Outcome(404, "conversation_not_found")),
    ("GET", "/v1/conversations/{conversation_id}/messages"): (ANYONE, Outcome(404, "conversation_not_found")),
    ("POST", "/v1/conversations/{conversation_id}/messages"): (ANYONE, Outcome(404, "conversation_not_found")),
    ("POST", "/v1/conversations/{conversation_id}/rating"): (ANYONE, Outcome(404, "conversation_not_found")),
    ("POST", "/v1/conversations/{conversation_id}/choice"): (ANYONE, Outcome(404, "conversation_not_found")),
    ("GET", "/v1/me/conversations"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/staff/conversations"): (desk("chat"), Outcome(200)),
    ("GET", "/v1/staff/conversations/search"): (desk("chat"), Outcome(200)),
    **{(m, f"/v1/staff/conversations/{{conversation_id}}{suffix}"): (desk("chat"), Outcome(404, "conversation_not_found"))
       for m, suffix in CHAT_DESK},
    # Petitions: any signed-in resident starts one; anyone reads, lists, signs and
    # confirms; staff moderate. The world holds no petition (404) and no signature.
    ("POST", "/v1/petitions"): (SIGNED_IN, Outcome(201)),
    ("GET", "/v1/petitions"): (ANYONE, Outcome(200)),
    ("GET", "/v1/petitions/{petition_id}"): (ANYONE, Outcome(404, "petition_not_found")),
    ("GET", "/v1/petitions/{petition_id}/wards.csv"): (ANYONE, Outcome(404, "petition_not_found")),
    ("GET", "/v1/petitions/{petition_id}/wards.geojson"): (ANYONE, Outcome(404, "petition_not_found")),
    ("POST", "/v1/petitions/{petition_id}/signatures"): (ANYONE, Outcome(404, "petition_not_found")),
    ("POST", "/v1/petitions/{petition_id}/sponsors"): (ANYONE, Outcome(404, "petition_not_found")),
    ("POST", "/v1/signatures/confirm"): (ANYONE, Outcome(404, "signature_not_found")),
    ("POST", "/v1/petitions/{petition_id}/followers"): (ANYONE, Outcome(404, "petition_not_found")),
    ("POST", "/v1/followers/confirm"): (ANYONE, Outcome(404, "follower_not_found")),
    ("POST", "/v1/followers/unsubscribe"): (ANYONE, Outcome(404, "follower_not_found")),
    ("GET", "/v1/feeds/petitions.rss"): (ANYONE, Outcome(200)),
    ("GET", "/v1/staff/petitions"): (desk("petitions"), Outcome(200)),
    ("GET", "/v1/staff/petitions/{petition_id}"): (desk("petitions"), Outcome(404, "petition_not_found")),
    ("POST", "/v1/staff/petitions/{petition_id}/publish"): (desk("petitions"), Outcome(404, "petition_not_found")),
    ("POST", "/v1/staff/petitions/{petition_id}/reject"): (desk("petitions"), Outcome(404, "petition_not_found")),
    ("POST", "/v1/staff/petitions/{petition_id}/response"): (desk("petitions"), Outcome(404, "petition_not_found")),
    ("POST", "/v1/staff/petitions/{petition_id}/debate"): (desk("petitions"), Outcome(404, "petition_not_found")),
    ("POST", "/v1/staff/petitions/{petition_id}/invalidate"): (desk("petitions"), Outcome(404, "petition_not_found")),
    # Forms: administrators load, publish and retire; staff list and preview;
    # anyone completes one. The world holds no form (404) and no submission.
    ("GET", "/v1/staff/forms"): (desk("forms"), Outcome(200)),
    ("GET", FORM): (desk("forms"), Outcome(404, "form_not_found")),
    ("PUT", FORM): (ADMIN_ONLY, Outcome(201)),
    ("GET", f"{FORM}/submissions.csv"): (desk("forms"), Outcome(404, "form_not_found")),
    ("POST", f"{FORM}/publish"): (ADMIN_ONLY, Outcome(404, "form_not_found")),
    ("POST", f"{FORM}/retire"): (ADMIN_ONLY, Outcome(404, "form_not_found")),
    ("GET", "/v1/forms"): (ANYONE, Outcome(200)),
    ("GET", "/v1/forms/{form_id}"): (ANYONE, Outcome(404, "form_not_found")),
    ("POST", "/v1/forms/{form_id}/submissions"): (ANYONE, Outcome(404, "form_not_found")),
    **{(m, f"/v1/form-submissions/{{submission_id}}{suffix}"): (ANYONE, Outcome(404, "submission_not_found"))
       for m, suffix in FORM_FILLING},
    ("POST", "/v1/form-submissions/resume"): (ANYONE, Outcome(404, "resume_link_not_found")),
    ("GET", "/v1/me/form-submissions"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/form-cases/{token}"): (ANYONE, Outcome(404, "link_not_valid")),  # the world has no form's case
    # A form's case at the desk, for staff whose scope covers the case: the world's pothole is no form's.
    ("GET", "/v1/staff/reports/{report_id}/form"): (desk("forms"), Outcome(404, "not_a_form_case")),
    ("POST", "/v1/staff/reports/{report_id}/form-files/{file_id}"): (desk("forms"), Outcome(404, "not_a_form_case")),
    ("GET", "/v1/staff/form-hand-ons"): (desk("forms"), Outcome(200)),
    ("POST", "/v1/staff/form-hand-ons/{reference}/send-again"): (desk("forms"), Outcome(409, "not_given_up")),  # none given up
    # Consultations: the consultations desk makes, loads and reads them; anyone reads and responds (signed in:
    # their one response). The world holds no consultation (404) but the ones the desk's POST and PUT make.
    ("GET", "/v1/staff/consultations"): (desk("consultations"), Outcome(200)),
    ("GET", "/v1/staff/consultation-templates"): (desk("consultations"), Outcome(200)),
    ("POST", "/v1/staff/consultations"): (desk("consultations"), Outcome(201)),
    ("PUT", CONSULTATION): (desk("consultations"), Outcome(201)),
    ("GET", CONSULTATION): (desk("consultations"), Outcome(404, "consultation_not_found")),
    ("GET", "/v1/consultations"): (ANYONE, Outcome(200)),
    ("GET", "/v1/consultations/{consultation_id}"): (ANYONE, Outcome(404, "consultation_not_found")),
    ("POST", "/v1/consultations/{consultation_id}/responses"): (ANYONE, Outcome(404, "consultation_not_found")),
    ("PUT", "/v1/consultations/{consultation_id}/response"): (SIGNED_IN, Outcome(404, "consultation_not_found")),
    ("GET", "/v1/consultations/{consultation_id}/response"): (SIGNED_IN, Outcome(404, "consultation_not_found")),
    ("GET", "/v1/me/consultation-responses"): (SIGNED_IN, Outcome(200)),
    **{("GET", f"{CONSULTATION}/{view}"): (desk("consultations"), Outcome(404, "consultation_not_found"))
       for view in ("counts", "responses.csv", "respondents.csv")},
    ("POST", f"{CONSULTATION}/results"): (desk("consultations"), Outcome(404, "consultation_not_found")),
    ("GET", "/v1/consultations/{consultation_id}/results"): (ANYONE, Outcome(404, "consultation_not_found")),
    ("GET", "/api/2.4/json_search_results"): (ANYONE, Outcome(200)),
    ("GET", "/api/2.4/json_consultation_details"): (ANYONE, Outcome(404, "consultation_not_found")),
    ("GET", "/v1/feeds/consultations.atom"): (ANYONE, Outcome(200)),
    # A garden round's list is its crew's (the world's garden crew is the crew's team); the world has no rounds.
    ("GET", "/v1/crew/garden/rounds/{round_id}"): (CREW_ONLY, Outcome(404, "round_not_found")),
    # Council tax: each signed-in person's own links; the world has none, and no back office
    # is configured, so a well-formed link attempt is 503 (before any attempt is counted).
    ("GET", "/v1/me/council-tax"): (SIGNED_IN, Outcome(200)),
    ("POST", "/v1/me/council-tax"): (SIGNED_IN, Outcome(503, "revenues_not_configured")),
    ("GET", "/v1/me/council-tax/{link_id}"): (SIGNED_IN, Outcome(404, "link_not_found")),
    ("POST", "/v1/me/council-tax/warm"): (SIGNED_IN, Outcome(200)),
    ("DELETE", "/v1/me/council-tax/{link_id}"): (SIGNED_IN, Outcome(404, "link_not_found")),
    ("GET", "/v1/me/council-tax/{link_id}/documents/{document_id}"): (SIGNED_IN, Outcome(404, "link_not_found")),
    ("POST", "/v1/me/council-tax/{link_id}/requests"): (SIGNED_IN, Outcome(404, "link_not_found")),
    ("GET", "/v1/me/council-tax/{link_id}/requests"): (SIGNED_IN, Outcome(404, "link_not_found")),
    ("POST", "/v1/staff/council-tax/lookups"): (desk("council_tax"), Outcome(503, "revenues_not_configured")),
    ("POST", "/v1/staff/council-tax/revocations"): (desk("council_tax"), Outcome(404, "link_not_found")),
    ("POST", "/v1/staff/council-tax/unlocks"): (desk("council_tax"), Outcome(200)),
    ("POST", "/v1/staff/council-tax/documents"): (desk("council_tax"), Outcome(503, "revenues_not_configured")),
    ("GET", "/v1/staff/council-tax/health"): (desk("council_tax"), Outcome(200)),
    ("GET", "/v1/staff/council-tax/requests"): (desk("council_tax"), Outcome(200)),
    # Moving home (issue 61): the resident's own moves; the council tax desk sees one and undoes a part.
    ("POST", "/v1/me/moves"): (SIGNED_IN, Outcome(422, "validation_failed")),
    ("GET", "/v1/me/moves"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/me/moves/{move_id}"): (SIGNED_IN, Outcome(404, "move_not_found")),
    ("POST", "/v1/me/moves/{move_id}/parts/{part}/choice"): (SIGNED_IN, Outcome(404, "move_not_found")),
    ("POST", "/v1/staff/moves/{move_id}/lookup"): (desk("council_tax"), Outcome(404, "move_not_found")),
    ("POST", "/v1/staff/moves/{move_id}/parts/{part}/undo"): (desk("council_tax"), Outcome(404, "move_not_found")),
    # School places (issue 82): the round is public; a parent's own applications; the admissions desk's runs,
    # release and reads (with a reason, audited). A world without schools: no applications to run.
    ("GET", "/v1/school-rounds/{round}"): (ANYONE, Outcome(200)),
    ("GET", "/v1/school-rounds"): (ANYONE, Outcome(200)),
    ("POST", "/v1/me/school-applications"): (SIGNED_IN, Outcome(422, "validation_failed")),
    ("GET", "/v1/me/school-applications"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/me/school-applications/{application_id}"): (SIGNED_IN, Outcome(404, "application_not_found")),
    ("PUT", "/v1/me/school-applications/{application_id}"): (SIGNED_IN, Outcome(404, "application_not_found")),
    ("POST", "/v1/me/school-applications/{application_id}/answer"): (SIGNED_IN, Outcome(404, "application_not_found")),
    ("POST", "/v1/me/school-applications/{application_id}/appeals"): (SIGNED_IN,
                                                                      Outcome(404, "application_not_found")),
    ("POST", "/v1/me/starting-school"): (SIGNED_IN, Outcome(422, "validation_failed")),
    ("GET", "/v1/me/starting-school"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/me/starting-school/{start_id}"): (SIGNED_IN, Outcome(404, "start_not_found")),
    ("POST", "/v1/staff/school-rounds/{round}/runs"): (desk("admissions"), Outcome(422, "no_applications")),
    ("GET", "/v1/staff/school-rounds/{round}/runs/{run_id}"): (desk("admissions"), Outcome(404, "run_not_found")),
    ("GET", "/v1/staff/school-rounds/{round}/runs"): (desk("admissions"), Outcome(200)),
    ("POST", "/v1/staff/school-rounds/{round}/release"): (desk("admissions"), Outcome(404, "run_not_found")),
    ("POST", "/v1/staff/school-applications/{application_id}/lookup"): (desk("admissions"),
                                                                        Outcome(404, "application_not_found")),
    ("POST", "/v1/me/businesses"): (SIGNED_IN, Outcome(422, "validation_failed")),
    ("GET", "/v1/me/businesses"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/me/businesses/{start_id}"): (SIGNED_IN, Outcome(404, "business_not_found")),
    ("POST", "/v1/me/businesses/{start_id}/parts/{part}/choice"): (SIGNED_IN, Outcome(404, "business_not_found")),
    ("GET", "/v1/waste/trade/prices"): (ANYONE, Outcome(200)),
    ("GET", "/v1/staff/waste/trade/requests"): (desk("containers"), Outcome(200)),
    # The landlords' portal: a signed-in person who belongs to no landlord reaches none of it.
    ("POST", "/v1/landlords"): (SIGNED_IN, Outcome(503, "revenues_not_configured")),
    ("GET", "/v1/me/landlord"): (SIGNED_IN, Outcome(404, "not_a_landlord")),
    ("POST", "/v1/me/landlord/colleagues"): (SIGNED_IN, Outcome(403, "not_a_landlord")),
    ("DELETE", "/v1/me/landlord/colleagues/{user_id}"): (SIGNED_IN, Outcome(403, "not_a_landlord")),
    ("GET", "/v1/me/landlord/runs"): (SIGNED_IN, Outcome(403, "not_a_landlord")),
    ("GET", "/v1/me/landlord/runs/{run_ref}"): (SIGNED_IN, Outcome(403, "not_a_landlord")),
    ("GET", "/v1/me/landlord/runs/{run_ref}/csv"): (SIGNED_IN, Outcome(403, "not_a_landlord")),
    ("GET", "/v1/me/landlord/claims"): (SIGNED_IN, Outcome(403, "not_a_landlord")),
    ("GET", "/v1/me/landlord/claims/{claim_ref}"): (SIGNED_IN, Outcome(403, "not_a_landlord")),
    ("POST", "/v1/me/landlord/claims/{claim_ref}/changes"): (SIGNED_IN, Outcome(403, "not_a_landlord")),
    ("GET", "/v1/me/landlord/changes"): (SIGNED_IN, Outcome(403, "not_a_landlord")),
    ("POST", "/v1/staff/landlords/{creditor_ref}/approval"): (desk("landlords"), Outcome(404, "landlord_not_found")),
    ("GET", "/v1/landlords/registering"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/staff/landlords"): (desk("landlords"), Outcome(200)),
    ("POST", "/v1/staff/landlords/{creditor_ref}/refusal"): (desk("landlords"), Outcome(404, "landlord_not_found")),
    # A landlord's members and audit read with a reason: the landlords desk's roles only (none registered here).
    ("POST", "/v1/staff/landlords/lookups"): (desk("landlords"), Outcome(404, "landlord_not_found")),
    # Meetings: our copy of the committee system, empty in this world.
    ("GET", "/v1/committees"): (ANYONE, Outcome(200)),
    ("GET", "/v1/meetings"): (ANYONE, Outcome(200)),
    ("GET", "/v1/meetings/{meeting_id}"): (ANYONE, Outcome(404, "meeting_not_found")),
    ("GET", "/v1/meetings/{meeting_id}/papers/{paper_id}"): (ANYONE, Outcome(404, "meeting_not_found")),
    ("GET", "/v1/decisions/forthcoming"): (ANYONE, Outcome(200)),
    ("GET", "/v1/decisions"): (ANYONE, Outcome(200)),
    ("GET", "/v1/agenda-items"): (ANYONE, Outcome(200)),
    ("GET", "/v1/feeds/committees/{committee_id}/meetings.ics"): (ANYONE, Outcome(404, "committee_not_found")),
    ("GET", "/v1/feeds/decisions.atom"): (ANYONE, Outcome(200)),
    ("GET", "/v1/staff/meetings/health"): (desk("meetings"), Outcome(200)),
    # Planning applications: our copy of the register, empty in this world.
    ("GET", "/v1/planning/applications"): (ANYONE, Outcome(200)),
    ("GET", "/v1/planning/applications/{application_id}"): (ANYONE, Outcome(404, "application_not_found")),
    ("GET", "/v1/staff/planning/health"): (desk("planning"), Outcome(200)),
    ("GET", "/v1/staff/meetings/topics"): (desk("meetings"), Outcome(200)),
    ("PATCH", "/v1/staff/meetings/topics"): (desk("meetings"), Outcome(200)),
    ("GET", "/v1/staff/meetings/{meeting_id}/tags"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("GET", "/v1/staff/meetings/speaking-rules"): (desk("meetings"), Outcome(200)),
    ("PATCH", "/v1/staff/meetings/speaking-rules"): (desk("meetings"), Outcome(422, "validation_failed")),
    ("PATCH", "/v1/staff/meetings/{meeting_id}/items/{item_id}/tags"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    # Forthcoming decisions' tags: no forward plan in this world.
    ("GET", "/v1/staff/decisions/forthcoming/tags"): (desk("meetings"), Outcome(200)),
    ("PATCH", "/v1/staff/decisions/forthcoming/{decision_id}/tags"): (desk("meetings"), Outcome(404, "decision_not_found")),
    # Petitions at agenda items, and a resident's own meetings: no meeting in this world, and no calendar link.
    ("POST", "/v1/staff/meetings/{meeting_id}/items/{item_id}/petitions/{petition_id}"): (
        desk("meetings"), Outcome(404, "meeting_not_found")),
    ("GET", "/v1/me/meetings"): (SIGNED_IN, Outcome(200)),
    ("POST", "/v1/me/meetings/calendar"): (SIGNED_IN, Outcome(201)),
    ("DELETE", "/v1/me/meetings/calendar"): (SIGNED_IN, Outcome(204)),
    ("GET", "/v1/feeds/my-meetings/{token}/meetings.ics"): (ANYONE, Outcome(404, "calendar_not_found")),
    # Taking part in meetings: no meeting in this world, and no genuine withdraw link.
    ("GET", "/v1/meetings/{meeting_id}/speaking"): (ANYONE, Outcome(404, "meeting_not_found")),
    ("POST", "/v1/meetings/{meeting_id}/items/{item_id}/speakers"): (SIGNED_IN, Outcome(404, "meeting_not_found")),
    ("POST", "/v1/speaking/withdraw"): (ANYONE, Outcome(404, "link_not_valid")),
    ("GET", "/v1/speaking/withdraw"): (ANYONE, Outcome(404, "link_not_valid")),
    ("GET", "/v1/staff/meetings/{meeting_id}/speakers"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("GET", "/v1/staff/meetings/{meeting_id}/speakers.csv"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("POST", "/v1/staff/meetings/{meeting_id}/speakers"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("POST", "/v1/staff/meetings/{meeting_id}/speakers/{registration_id}/decision"): (
        desk("meetings"), Outcome(404, "meeting_not_found")),
    ("POST", "/v1/meetings/{meeting_id}/items/{item_id}/questions"): (SIGNED_IN, Outcome(404, "meeting_not_found")),
    ("GET", "/v1/meetings/{meeting_id}/questions"): (ANYONE, Outcome(404, "meeting_not_found")),
    ("GET", "/v1/staff/meetings/{meeting_id}/questions"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("POST", "/v1/staff/meetings/{meeting_id}/questions/{question_id}/answer"): (
        desk("meetings"), Outcome(404, "meeting_not_found")),
    ("GET", "/v1/meetings/{meeting_id}/webcast"): (ANYONE, Outcome(404, "meeting_not_found")),
    ("GET", "/v1/me/taking-part"): (SIGNED_IN, Outcome(200)),
    ("POST", "/v1/staff/meetings/{meeting_id}/webcast/now"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("PUT", "/v1/staff/meetings/{meeting_id}/webcast/chapters"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("POST", "/v1/staff/meetings/{meeting_id}/webcast/chapters/import"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("GET", "/v1/staff/meetings/{meeting_id}/webcast/youtube.txt"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("POST", "/v1/meetings/{meeting_id}/live-questions"): (SIGNED_IN, Outcome(404, "meeting_not_found")),
    ("GET", "/v1/meetings/{meeting_id}/live-questions"): (ANYONE, Outcome(404, "meeting_not_found")),
    ("GET", "/v1/staff/meetings/{meeting_id}/live-questions"): (desk("meetings"), Outcome(404, "meeting_not_found")),
    ("POST", "/v1/staff/meetings/{meeting_id}/live-questions/{question_id}/decision"): (
        desk("meetings"), Outcome(404, "meeting_not_found")),
    # Appointments: the world holds no services and no appointment.
    ("GET", "/v1/appointments/services"): (ANYONE, Outcome(200)),
    ("GET", "/v1/appointments/services/{service_id}/slots"): (ANYONE, Outcome(404, "service_not_found")),
    ("POST", "/v1/appointments/holds"): (SIGNED_IN, Outcome(404, "service_not_found")),
    **{(m, f"/v1/appointments/{{appointment_id}}{suffix}"): (SIGNED_IN, Outcome(404, "appointment_not_found"))
       for m, suffix in APPOINTMENT_ROUTES},
    ("GET", "/v1/appointments/manage"): (ANYONE, Outcome(404, "link_not_valid")),
    ("POST", "/v1/appointments/cancel"): (ANYONE, Outcome(404, "link_not_valid")),
    ("POST", "/v1/appointments/move"): (ANYONE, Outcome(404, "link_not_valid")),
    ("POST", "/v1/appointments/waiting-list"): (SIGNED_IN, Outcome(404, "service_not_found")),
    ("GET", "/v1/me/appointments"): (SIGNED_IN, Outcome(200)),
    ("POST", "/v1/appointments/waiting-list/leave"): (ANYONE, Outcome(404, "link_not_valid")),
    ("DELETE", "/v1/appointments/waiting-list/{service_id}"): (SIGNED_IN, Outcome(409, "not_waiting")),
    ("GET", "/v1/staff/appointments/day"): (desk("appointments"), Outcome(200)),
    ("POST", "/v1/staff/appointments"): (desk("appointments"), Outcome(404, "service_not_found")),
    ("POST", "/v1/staff/appointments/blocks"): (desk("appointments"), Outcome(422, "validation_failed")),
    ("POST", "/v1/staff/appointments/{appointment_id}/mark"): (desk("appointments"), Outcome(404, "appointment_not_found")),
    ("POST", "/v1/staff/appointments/{appointment_id}/move"): (desk("appointments"), Outcome(404, "appointment_not_found")),
    ("GET", "/v1/pay/funds"): (ANYONE, Outcome(200)),
    ("POST", "/v1/pay/check"): (ANYONE, Outcome(200)),
    ("POST", "/v1/pay/payments"): (ANYONE, Outcome(503, "payments_unavailable")),
    ("GET", "/v1/pay/payments/{bill_id}"): (ANYONE, Outcome(404, "bill_not_found")),
    ("GET", "/v1/me/bills"): (SIGNED_IN, Outcome(200)),
    ("GET", "/v1/staff/pay/cash-file.csv"): (desk("payments"), Outcome(200)),
    ("GET", "/v1/staff/pay/reconciliation"): (desk("payments"), Outcome(200)),
    ("GET", "/v1/pay/links/{link_id}"): (ANYONE, Outcome(404, "link_gone")),
    ("POST", "/v1/staff/pay/links"): (desk("bills"), Outcome(201)),
}
PETITION = "/v1/staff/petitions/{petition_id}"
# STAFF routes about no report: a category scope does not narrow them.
COUNCIL_WIDE = {("GET", "/v1/staff/form-hand-ons"), ("POST", "/v1/staff/form-hand-ons/{reference}/send-again"),
                ("POST", "/v1/broadcasts"), ("GET", "/v1/broadcasts"), ("GET", "/v1/staff/reports"),
                ("POST", "/v1/staff/reports"), ("GET", "/v1/staff/templates"), ("GET", "/v1/staff/teams"),
                ("GET", "/v1/staff/desks"),
                ("GET", "/v1/staff/bodies"), ("GET", "/v1/staff/sends"), ("GET", "/v1/staff/bodies/{body_id}/health"),
                ("GET", "/v1/staff/payments"), ("GET", "/v1/staff/payments.csv"),
                ("GET", "/v1/staff/pay/cash-file.csv"), ("GET", "/v1/staff/pay/reconciliation"),
                ("POST", "/v1/staff/pay/links"),
                ("GET", "/v1/staff/payments/{payment_id}"), ("POST", "/v1/staff/payments/{payment_id}/refunds"),
                ("GET", "/v1/staff/waste/garden/rounds/{round_id}"), ("GET", "/v1/staff/conversations"),
                ("GET", "/v1/staff/conversations/search"),
                *((m, f"/v1/staff/conversations/{{conversation_id}}{suffix}") for m, suffix in CHAT_DESK),
                ("GET", "/v1/staff/petitions"),
                ("GET", PETITION), *(("POST", f"{PETITION}/{change}") for change in
                                     ("publish", "reject", "response", "debate", "invalidate")),
                ("POST", "/v1/staff/waste/bulky/bookings"), ("POST", "/v1/staff/waste/containers/requests"),
                ("GET", "/v1/staff/waste/containers/requests"), ("GET", "/v1/staff/waste/containers/stock/{depot}"),
                ("POST", "/v1/staff/waste/containers/stock/{depot}/{container}"),
                ("GET", "/v1/staff/hire/places/{place_id}/calendar"), ("POST", "/v1/staff/hire/places/{place_id}/blocks"),
                ("POST", "/v1/staff/hire/bookings/{booking_id}/deposit"), ("POST", "/v1/staff/hire/bookings"),
                ("DELETE", "/v1/staff/hire/places/{place_id}/blocks/{block}"), ("GET", "/v1/staff/hire/deposits"),
                ("POST", "/v1/staff/hire/bookings/{booking_id}/cancel"),
                ("GET", "/v1/staff/licensing/cases"), ("GET", "/v1/staff/licensing/cases/{case_id}"),
                ("GET", "/v1/staff/licensing/checks-due"),
                *(("POST", f"/v1/staff/licensing/cases/{{case_id}}/{change}") for change in
                  ("consultees/{consultee_id}", "representations/{rep_id}/check", "hearing", "conditions", "decision",
                   "licence", "documents/{document_id}", "requests", "checks")),
                # Council tax for a caller: any officer, each lookup and revocation audited with its reason.
                ("POST", "/v1/staff/council-tax/lookups"), ("POST", "/v1/staff/council-tax/revocations"),
                ("POST", "/v1/staff/council-tax/unlocks"), ("POST", "/v1/staff/council-tax/documents"),
                ("GET", "/v1/staff/council-tax/health"), ("GET", "/v1/staff/council-tax/requests"),
                ("POST", "/v1/staff/moves/{move_id}/lookup"), ("POST", "/v1/staff/moves/{move_id}/parts/{part}/undo"),
                ("POST", "/v1/staff/school-rounds/{round}/runs"), ("GET", "/v1/staff/school-rounds/{round}/runs/{run_id}"),
                ("POST", "/v1/staff/school-rounds/{round}/release"),  # the admissions desk: a round, no report
                ("GET", "/v1/staff/school-rounds/{round}/runs"),
                ("POST", "/v1/staff/school-applications/{application_id}/lookup"),
                ("GET", "/v1/staff/waste/trade/requests"),  # trade waste requests: the containers desk's, council-wide
                ("GET", "/v1/staff/repairs/board"),  # the repairs desk's board: any officer of the desk
                ("POST", "/v1/staff/repairs/{repair_id}/inspection"),  # and its inspections,
                ("POST", "/v1/staff/repairs/{repair_id}/second-contractor"),  # second contractors
                ("POST", "/v1/staff/repairs/{repair_id}/done"),  # and closing
                ("GET", "/v1/staff/repairs/{repair_id}"), ("POST", "/v1/staff/repairs/{repair_id}/priority"),
                ("POST", "/v1/staff/repairs/{repair_id}/assign"), ("POST", "/v1/staff/repairs/{repair_id}/follow-on"),
                ("GET", "/v1/staff/repairs/homes/{home}"),  # a repair's page, its changes, a home's history
                ("POST", "/v1/staff/landlords/{creditor_ref}/approval"),  # the revenues desk approves landlords
                ("GET", "/v1/staff/landlords"), ("POST", "/v1/staff/landlords/{creditor_ref}/refusal"),  # or refuses
                ("POST", "/v1/staff/landlords/lookups"),  # and reads a landlord's members and audit for a caller
                ("GET", "/v1/staff/meetings/health"),  # the meetings sync's health: any officer
                ("GET", "/v1/staff/planning/health"),  # and the planning sync's
                ("GET", "/v1/staff/meetings/topics"), ("PATCH", "/v1/staff/meetings/topics"),  # and its topics
                ("GET", "/v1/staff/meetings/speaking-rules"),  # committees' rules for taking part: no report's
                ("PATCH", "/v1/staff/meetings/speaking-rules"),
                ("GET", "/v1/staff/meetings/{meeting_id}/tags"),  # and its items' tags
                ("PATCH", "/v1/staff/meetings/{meeting_id}/items/{item_id}/tags"),
                ("GET", "/v1/staff/decisions/forthcoming/tags"),  # and forthcoming decisions' tags
                ("PATCH", "/v1/staff/decisions/forthcoming/{decision_id}/tags"),
                # democratic services' desk: any officer
                ("GET", "/v1/staff/meetings/{meeting_id}/speakers"),
                ("GET", "/v1/staff/meetings/{meeting_id}/speakers.csv"),
                ("POST", "/v1/staff/meetings/{meeting_id}/speakers"),
                ("POST", "/v1/staff/meetings/{meeting_id}/speakers/{registration_id}/decision"),
                ("GET", "/v1/staff/meetings/{meeting_id}/questions"),
                ("POST", "/v1/staff/meetings/{meeting_id}/questions/{question_id}/answer"),
                ("POST", "/v1/staff/meetings/{meeting_id}/webcast/now"),
                ("PUT", "/v1/staff/meetings/{meeting_id}/webcast/chapters"),
                ("POST", "/v1/staff/meetings/{meeting_id}/webcast/chapters/import"),
                ("GET", "/v1/staff/meetings/{meeting_id}/webcast/youtube.txt"),
                ("GET", "/v1/staff/meetings/{meeting_id}/live-questions"),
                ("POST", "/v1/staff/meetings/{meeting_id}/live-questions/{question_id}/decision"),
                ("POST", "/v1/staff/meetings/{meeting_id}/items/{item_id}/petitions/{petition_id}"),
                ("GET", "/v1/staff/forms"), ("GET", FORM),
                ("GET", f"{FORM}/submissions.csv"),
                ("GET", CONSULTATION), ("POST", f"{CONSULTATION}/results"),  # the council's, not a category's
                ("GET", "/v1/staff/consultations"), ("GET", "/v1/staff/consultation-templates"),
                ("POST", "/v1/staff/consultations"), ("PUT", CONSULTATION),
                *(("GET", f"{CONSULTATION}/{view}") for view in ("counts", "responses.csv", "respondents.csv")),
                # Appointments: any officer's desk.
                ("GET", "/v1/staff/appointments/day"), ("POST", "/v1/staff/appointments"),
                ("POST", "/v1/staff/appointments/blocks"), ("POST", "/v1/staff/appointments/{appointment_id}/mark"),
                ("POST", "/v1/staff/appointments/{appointment_id}/move"),
                # A service's feedback: its desk's officers, whatever their categories (feedback/desk.py).
                ("GET", "/v1/staff/feedback/{service}"),
                ("PUT", "/v1/staff/feedback/{service}/answers/{answer_id}/tags"),
                ("GET", "/v1/staff/feedback/{service}/answers/{answer_id}/words"),
                ("POST", "/v1/staff/feedback/{service}/changes"),
                ("GET", "/v1/staff/figures/{service}/contacts"),
                ("PUT", "/v1/staff/figures/{service}/contacts/{month}")}
CATCH_ALL = "/{proxy+}"
# Staff routes whose desk is the one their path's service names (the builders name the bills').
DESK_BY_SERVICE = {("GET", "/v1/staff/feedback/{service}"): "bills",
                   ("PUT", "/v1/staff/feedback/{service}/answers/{answer_id}/tags"): "bills",
                   ("GET", "/v1/staff/feedback/{service}/answers/{answer_id}/words"): "bills",
                   ("POST", "/v1/staff/feedback/{service}/changes"): "bills",
                   ("GET", "/v1/staff/figures/{service}/contacts"): "bills",
                   ("PUT", "/v1/staff/figures/{service}/contacts/{month}"): "bills"}


def expected(route, caller):
    if caller == ELSEWHERE:  # another council's grant gives nothing here
        return expected(route, OTHER)
    access, permitted = ROUTE_ACCESS[route]
    if access == OPERATOR_ONLY:
        return permitted if caller == OPERATOR else UNAUTHORIZED if caller == ANONYMOUS else FORBIDDEN
    if route[1].startswith("/scim/"):  # no person's token is read there: the council's SCIM token or 401
        return permitted
    if caller == OPERATOR:  # every other route, the public ones too: in Open311's shape there (its status)
        return Outcome(403, 403) if route[1].startswith("/open311/") else Outcome(403, "operator_only")
    if access == ANYONE:
        return permitted
    if caller == ANONYMOUS:
        return UNAUTHORIZED
    if access == SIGNED_IN:
        return permitted
    if access == STAFF or is_desk(access):
        if caller not in IS_STAFF:
            return FORBIDDEN  # route policy: staff only
        if is_desk(access) and caller in ONLY_DESKS and desk_of(access) not in ONLY_DESKS[caller]:
            return FORBIDDEN  # route policy: a desk none of their roles opens
        if route in DESK_BY_SERVICE and caller in ONLY_DESKS and DESK_BY_SERVICE[route] not in ONLY_DESKS[caller]:
            return FORBIDDEN  # object rule: the service's desk (the builders ask of the bills' feedback)
        if route in COUNCIL_WIDE:
            return permitted
        return permitted if caller in MANAGES else FORBIDDEN  # object rule: their scope only
    if access == ADMIN_ONLY:
        return permitted if caller == ADMIN else FORBIDDEN
    if access == CREW_ONLY:
        return permitted if caller == CREW else FORBIDDEN  # staff have no team: not theirs either
    raise AssertionError(f"no rule for access level {access!r}")


EXPECTED = {(method, path, caller): expected((method, path), caller)
            for method, path in ROUTE_ACCESS for caller in CALLERS}

KNOWN_BUGS = {}  # (method, path, caller) -> why the app is wrong; none known

# -- valid requests, one builder per route -----------------------------------

Request = namedtuple("Request", "method path body headers", defaults=(None, None))
HOLDER_EMAIL, HOLDER_PASSWORD = "holder@example.org", "a perfectly good passphrase 42"
YORK_BBOX = "-1.10,53.95,-1.07,53.97"
REQUESTS = {}


def builds(method, path):
    def register(fn):
        REQUESTS[(method, path)] = fn
        return fn
    return register


def _simple(method, path, url=None, body=None):
    REQUESTS[(method, path)] = lambda world, caller: Request(method, url or path, body)


_simple("GET", "/v1/health")
_simple("GET", "/v1/services")
_simple("GET", "/v1/services/{service_code}", "/v1/services/pothole")
_simple("POST", "/v1/uploads", body={"content_type": "image/jpeg", "size": 123_456})
_simple("GET", "/v1/photos/{name}", "/v1/photos/" + "ab" * 16 + ".jpg")
_simple("POST", "/v1/reports", body=pothole())
_simple("GET", "/v1/reports", f"/v1/reports?bbox={YORK_BBOX}")
_simple("GET", "/v1/reports/nearby", "/v1/reports/nearby?lat=53.9623&lon=-1.0819")
_simple("GET", "/v1/places", "/v1/places?postcode=yo17hh")
_simple("GET", "/v1/facility-types", "/v1/facility-types")
_simple("GET", "/v1/nearest", "/v1/nearest?lat=53.9623&lon=-1.0819&type=library")
_simple("POST", "/v1/auth/login", body={"email": HOLDER_EMAIL, "password": HOLDER_PASSWORD})
_simple("POST", "/v1/auth/verify/resend", body={})
_simple("POST", "/v1/auth/oidc", body={"token": "not.a-signed.token"})
_simple("GET", "/v1/auth/providers")
_simple("POST", "/v1/auth/providers/{provider}/start", "/v1/auth/providers/scotaccount/start", body={})
_simple("POST", "/v1/auth/providers/finish", body={"code": "a-code", "state": "a-state"})
_simple("GET", "/v1/auth/staff-providers")
_simple("POST", "/v1/auth/staff-providers/{provider}/start", "/v1/auth/staff-providers/not-a-provider/start", body={})
_simple("POST", "/v1/auth/staff-providers/finish", body={"code": "a-code", "state": "a-state"})
_simple("GET", "/v1/auth/staff-providers/{provider}/sign-out", "/v1/auth/staff-providers/not-a-provider/sign-out")
_simple("GET", "/v1/me")
_simple("DELETE", "/v1/me")
_simple("GET", "/v1/me/reports")
_simple("GET", "/v1/me/export")
_simple("DELETE", "/v1/me/bins-calendar")
_simple("GET", "/v1/feeds/my-bins/{token}/bins.ics", "/v1/feeds/my-bins/0a1b.c2d3/bins.ics")
_simple("GET", "/openapi.json")
_simple("GET", "/v1/staff/directory/changes")
for _method, _path in [(m, p) for m, p in ROUTE_ACCESS if p.startswith("/scim/")]:
    _simple(_method, _path, _path.replace("{id}", "su_matrix"),
            {"userName": "x@example.org", "displayName": "x"} if _method in ("POST", "PUT") else
            {"Operations": [{"op": "replace", "path": "displayName", "value": "y"}]} if _method == "PATCH" else None)
_simple("GET", "/open311/v2/{resource}", "/open311/v2/requests.json")
_simple("GET", "/open311/v2/services/{code_format}", "/open311/v2/services/pothole.json")
_simple("GET", "/open311/v2/service/{code_format}", "/open311/v2/service/pothole.xml")
_simple("GET", "/open311/v2/tokens/{token_format}", "/open311/v2/tokens/abc.json")
_simple("GET", "/v1/feeds/reports.rss", "/v1/feeds/reports.rss?lat=53.9623&lon=-1.0819")
_simple("GET", "/v1/committees")
_simple("GET", "/v1/meetings", "/v1/meetings?when=past")
_simple("GET", "/v1/meetings/{meeting_id}", "/v1/meetings/1402")
_simple("GET", "/v1/meetings/{meeting_id}/papers/{paper_id}", "/v1/meetings/1402/papers/140231")
_simple("GET", "/v1/decisions/forthcoming", "/v1/decisions/forthcoming?key=true")
_simple("GET", "/v1/decisions")
_simple("GET", "/v1/agenda-items", "/v1/agenda-items?q=road")
_simple("GET", "/v1/feeds/committees/{committee_id}/meetings.ics", "/v1/feeds/committees/4/meetings.ics")
_simple("GET", "/v1/feeds/decisions.atom")
_simple("GET", "/v1/staff/meetings/health")
_simple("GET", "/v1/planning/applications", "/v1/planning/applications?lat=53.9559&lon=-1.0886&radius=500")
_simple("GET", "/v1/planning/applications/{application_id}", "/v1/planning/applications/26-00412-ful")
_simple("GET", "/v1/staff/planning/health")
_simple("GET", "/v1/staff/meetings/topics")
_simple("GET", "/v1/staff/meetings/speaking-rules")


@builds("PATCH", "/v1/staff/meetings/speaking-rules")
def _choose_speaking_rules(world, caller):
    version = world.deps.democracy.versioned("speaking_rules")[1]  # the ETag as just read
    return Request("PATCH", "/v1/staff/meetings/speaking-rules", {"committee_id": "4", "rules": "planning"},
                   {"If-Match": f'"{version}"'})


_simple("GET", "/v1/staff/meetings/{meeting_id}/tags", "/v1/staff/meetings/1402/tags")
REQUESTS[("PATCH", "/v1/staff/meetings/{meeting_id}/items/{item_id}/tags")] = lambda world, caller: Request(
    "PATCH", "/v1/staff/meetings/1402/items/14023/tags", {"wards": [], "topics": []}, {"If-Match": '"0"'})
_simple("GET", "/v1/staff/decisions/forthcoming/tags")
REQUESTS[("PATCH", "/v1/staff/decisions/forthcoming/{decision_id}/tags")] = lambda world, caller: Request(
    "PATCH", "/v1/staff/decisions/forthcoming/701/tags", {"wards": [], "topics": []}, {"If-Match": '"0"'})
_simple("GET", "/v1/meetings/{meeting_id}/speaking", "/v1/meetings/1402/speaking")
_simple("POST", "/v1/meetings/{meeting_id}/items/{item_id}/speakers", "/v1/meetings/1402/items/140201/speakers",
        {"name": "Olive Owner", "mode": "remote"})
_simple("POST", "/v1/speaking/withdraw", body={"token": "bm90.dmFsaWQ"})
_simple("GET", "/v1/speaking/withdraw", "/v1/speaking/withdraw?token=bm90.dmFsaWQ")
_simple("GET", "/v1/staff/meetings/{meeting_id}/speakers", "/v1/staff/meetings/1402/speakers")
_simple("GET", "/v1/staff/meetings/{meeting_id}/speakers.csv", "/v1/staff/meetings/1402/speakers.csv")
_simple("POST", "/v1/staff/meetings/{meeting_id}/speakers", "/v1/staff/meetings/1402/speakers",
        {"item_id": "140201", "name": "Cy Late", "mode": "in_person", "reason": "At the chair's wish"})
_simple("POST", "/v1/meetings/{meeting_id}/items/{item_id}/questions", "/v1/meetings/1402/items/140201/questions",
        {"name": "Olive Owner", "member": "Cllr Smith", "question": "Why?"})
_simple("GET", "/v1/meetings/{meeting_id}/questions", "/v1/meetings/1402/questions")
_simple("GET", "/v1/meetings/{meeting_id}/webcast", "/v1/meetings/1402/webcast")
_simple("GET", "/v1/me/taking-part")
REQUESTS[("POST", "/v1/staff/meetings/{meeting_id}/items/{item_id}/petitions/{petition_id}")] = (
    lambda world, caller: Request("POST", "/v1/staff/meetings/1402/items/140201/petitions/PT-TREES2", {},
                                  {"If-Match": '"1"'}))
_simple("GET", "/v1/me/meetings")
_simple("POST", "/v1/me/meetings/calendar", body={})
_simple("DELETE", "/v1/me/meetings/calendar")
_simple("GET", "/v1/feeds/my-meetings/{token}/meetings.ics", "/v1/feeds/my-meetings/0a1b.c2d3/meetings.ics")
_simple("POST", "/v1/staff/meetings/{meeting_id}/webcast/now", "/v1/staff/meetings/1402/webcast/now",
        {"item_id": "140201"})
REQUESTS[("PUT", "/v1/staff/meetings/{meeting_id}/webcast/chapters")] = lambda world, caller: Request(
    "PUT", "/v1/staff/meetings/1402/webcast/chapters", {"chapters": []}, {"If-Match": '"0"'})
REQUESTS[("POST", "/v1/staff/meetings/{meeting_id}/webcast/chapters/import")] = lambda world, caller: Request(
    "POST", "/v1/staff/meetings/1402/webcast/chapters/import", None, {"If-Match": '"0"'})
_simple("GET", "/v1/staff/meetings/{meeting_id}/webcast/youtube.txt", "/v1/staff/meetings/1402/webcast/youtube.txt")
_simple("GET", "/v1/staff/meetings/{meeting_id}/questions", "/v1/staff/meetings/1402/questions")
_simple("POST", "/v1/meetings/{meeting_id}/live-questions", "/v1/meetings/1402/live-questions", {"question": "Why?"})
_simple("GET", "/v1/meetings/{meeting_id}/live-questions", "/v1/meetings/1402/live-questions")
_simple("GET", "/v1/staff/meetings/{meeting_id}/live-questions", "/v1/staff/meetings/1402/live-questions")
REQUESTS[("POST", "/v1/staff/meetings/{meeting_id}/live-questions/{question_id}/decision")] = \
    lambda world, caller: Request("POST", "/v1/staff/meetings/1402/live-questions/" + "0" * 32 + "/decision",
                                  {"decision": "approve"}, {"If-Match": '"1"'})
REQUESTS[("POST", "/v1/staff/meetings/{meeting_id}/questions/{question_id}/answer")] = lambda world, caller: Request(
    "POST", "/v1/staff/meetings/1402/questions/" + "0" * 32 + "/answer", {"answer": "Because."}, {"If-Match": '"1"'})
REQUESTS[("POST", "/v1/staff/meetings/{meeting_id}/speakers/{registration_id}/decision")] = lambda world, caller: Request(
    "POST", "/v1/staff/meetings/1402/speakers/" + "0" * 32 + "/decision", {"decision": "accept"}, {"If-Match": '"1"'})
_simple("GET", "/v1/councillors", "/v1/councillors?lat=53.9623&lon=-1.0819")
_simple("GET", "/v1/places/{uprn}", "/v1/places/990000000101")
_simple("GET", "/v1/places/{uprn}/bins.ics", "/v1/places/990000000101/bins.ics")
OPEN311_KEY = "matrix-partner-key"
# A str body is sent as a form (Open311), a dict as JSON.
_simple("POST", "/open311/v2/{resource}", "/open311/v2/requests.json", urlencode({
    "api_key": OPEN311_KEY, "service_code": "pothole", "lat": "53.9623", "long": "-1.0819",
    "description": "Pothole by the bus stop.", "attribute[size]": "small"}))
_simple("GET", "/v1/push/vapid-public-key")
_simple("POST", "/v1/payments/webhook", body={"resource_id": "x", "resource": {}})
_simple("GET", "/v1/payments/return/{token}", "/v1/payments/return/" + "0" * 32 + "." + "x" * 32)
_simple("GET", "/v1/waste/bulky/items")
_simple("GET", "/v1/waste/garden")
_simple("GET", "/v1/places/{uprn}/missed-bins", "/v1/places/990000000101/missed-bins")
_simple("POST", "/v1/places/{uprn}/missed-bins", "/v1/places/990000000101/missed-bins", {"stream": "refuse"})
_simple("GET", "/v1/places/{uprn}/garden", "/v1/places/990000000101/garden")
_simple("POST", "/v1/waste/garden/subscriptions", body={"uprn": "990000000101", "bins": 1})
_simple("GET", "/v1/waste/garden/subscriptions/{subscription_id}", "/v1/waste/garden/subscriptions/990000000101.2026-11-20")
_simple("POST", "/v1/waste/garden/subscriptions/{subscription_id}/cancel",
        "/v1/waste/garden/subscriptions/990000000101.2026-11-20/cancel")
_simple("GET", "/v1/staff/waste/garden/rounds/{round_id}", "/v1/staff/waste/garden/rounds/garden-mon-a")
_simple("GET", "/v1/staff/payments", "/v1/staff/payments?date=2026-11-20")
_simple("GET", "/v1/staff/payments.csv", "/v1/staff/payments.csv?date=2026-11-20")
_simple("GET", "/v1/staff/payments/{payment_id}", "/v1/staff/payments/" + "0" * 32)
_simple("POST", "/v1/staff/payments/{payment_id}/refunds", "/v1/staff/payments/" + "0" * 32 + "/refunds",
        {"amount": 100, "refund_amount_available": 100, "reason": "Goodwill"})
_simple("GET", "/v1/places/{uprn}/bulky/dates", "/v1/places/990000000101/bulky/dates")
_simple("POST", "/v1/waste/bulky/bookings", body={"uprn": "990000000101", "date": "2030-01-07", "items": ["sofa"]})
_simple("GET", "/v1/waste/bulky/bookings/{booking_id}", "/v1/waste/bulky/bookings/BK-7K3F9Q")
_simple("POST", "/v1/waste/bulky/bookings/{booking_id}/cancel", "/v1/waste/bulky/bookings/BK-7K3F9Q/cancel")
_simple("POST", "/v1/staff/waste/bulky/bookings", body={"uprn": "990000000101", "date": "2030-01-07",
                                                        "items": ["sofa"], "payment": "waived", "reason": "Hardship"})
_simple("POST", "/v1/waste/bulky/bookings/{booking_id}/change", "/v1/waste/bulky/bookings/BK-7K3F9Q/change",
        {"notes": "By the gate"})

CHAT = "/v1/conversations/CV-0000000000000000"
_simple("POST", "/v1/conversations", body={"name": "Ada Resident", "email": "ada@example.org", "text": "Hello"})
_simple("GET", "/v1/conversations/{conversation_id}", CHAT)
_simple("GET", "/v1/conversations/{conversation_id}/messages", CHAT + "/messages?after=0")
_simple("POST", "/v1/conversations/{conversation_id}/messages", CHAT + "/messages", {"text": "Hello again"})
_simple("POST", "/v1/conversations/{conversation_id}/rating", CHAT + "/rating", {"rating": 5})
_simple("POST", "/v1/conversations/{conversation_id}/choice", CHAT + "/choice", {"choice": "end"})
_simple("GET", "/v1/me/conversations")
CTAX_LINK = "/v1/me/council-tax/" + "0f" * 16
_simple("GET", "/v1/me/council-tax")
_simple("POST", "/v1/me/council-tax", body={"reference": "500123454", "name": "Ann Hartley",
                                            "online_key": "HRT4-7QMC", "postcode": "YO1 7HH"})
_simple("GET", "/v1/me/council-tax/{link_id}", CTAX_LINK)
_simple("POST", "/v1/me/council-tax/warm")
_simple("DELETE", "/v1/me/council-tax/{link_id}", CTAX_LINK)
_simple("GET", "/v1/me/council-tax/{link_id}/documents/{document_id}", CTAX_LINK + "/documents/D123451")
_simple("POST", "/v1/me/council-tax/{link_id}/requests", CTAX_LINK + "/requests", body={"kind": "instalment_day",
                                                                                       "day": 15})
_simple("GET", "/v1/me/council-tax/{link_id}/requests", CTAX_LINK + "/requests")
_simple("POST", "/v1/landlords", body={"creditor_ref": "CR100301", "claim_ref": "HB70002", "surname": "Hughes"})
_simple("GET", "/v1/me/landlord")
_simple("POST", "/v1/me/landlord/colleagues", body={"user_id": "u_someone", "role": "view"})
_simple("DELETE", "/v1/me/landlord/colleagues/{user_id}", "/v1/me/landlord/colleagues/u_someone")
_simple("GET", "/v1/me/landlord/runs")
_simple("GET", "/v1/me/landlord/runs/{run_ref}", "/v1/me/landlord/runs/PR10030120261109")
_simple("GET", "/v1/me/landlord/runs/{run_ref}/csv", "/v1/me/landlord/runs/PR10030120261109/csv")
_simple("GET", "/v1/me/landlord/claims", "/v1/me/landlord/claims?q=Hughes")
_simple("GET", "/v1/me/landlord/claims/{claim_ref}", "/v1/me/landlord/claims/HB70002")
_simple("POST", "/v1/me/landlord/claims/{claim_ref}/changes", "/v1/me/landlord/claims/HB70002/changes",
        {"change": "tenant_away", "date": "2026-11-20"})
_simple("GET", "/v1/me/landlord/changes")
_simple("POST", "/v1/staff/landlords/{creditor_ref}/approval", "/v1/staff/landlords/CR100301/approval")
_simple("GET", "/v1/landlords/registering")
_simple("GET", "/v1/staff/landlords")
_simple("POST", "/v1/staff/landlords/{creditor_ref}/refusal", "/v1/staff/landlords/CR100301/refusal",
        {"reason": "Not known to the landlord"})
_simple("POST", "/v1/staff/landlords/lookups", body={"creditor_ref": "CR100301", "reason": "The landlord rang us"})
_simple("GET", "/v1/staff/council-tax/health")
# Moving home: a move in from elsewhere to a home the world has no address for (422: not in York).
_simple("POST", "/v1/me/moves", body={"move": "in", "date": "2026-11-20", "to_uprn": "990000009999",
                                      "people": ["A Resident"]})
_simple("GET", "/v1/me/moves")
_simple("GET", "/v1/me/moves/{move_id}", "/v1/me/moves/MV-7K3F9Q2M4N")
_simple("POST", "/v1/me/moves/{move_id}/parts/{part}/choice", "/v1/me/moves/MV-7K3F9Q2M4N/parts/bulky:BK-7K3F9Q/choice",
        {"choice": "keep"})
_simple("POST", "/v1/staff/moves/{move_id}/lookup", "/v1/staff/moves/MV-7K3F9Q2M4N/lookup",
        {"reason": "Caller on the phone"})
_simple("POST", "/v1/staff/moves/{move_id}/parts/{part}/undo", "/v1/staff/moves/MV-7K3F9Q2M4N/parts/address/undo",
        {"reason": "Caller on the phone"})
_simple("GET", "/v1/school-rounds/{round}", "/v1/school-rounds/2027-primary")
_simple("GET", "/v1/school-rounds")
_simple("GET", "/v1/staff/school-rounds/{round}/runs", "/v1/staff/school-rounds/2027-primary/runs")
_simple("POST", "/v1/me/school-applications", body={
    "round": "2027-primary", "child": {"name": "Ada Hartley", "date_of_birth": "2022-11-03"},
    "home_uprn": "990000009999", "preferences": [{"school_id": "minster-view-primary"}]})
_simple("GET", "/v1/me/school-applications")
_simple("POST", "/v1/me/starting-school", body={
    "round": "2027-primary", "child": {"name": "Ada Hartley", "date_of_birth": "2022-11-03"},
    "home_uprn": "990000009999"})
_simple("GET", "/v1/me/starting-school")
_simple("GET", "/v1/me/starting-school/{start_id}", "/v1/me/starting-school/ST-7K3F9Q2M4N")
SCHOOL_APP = "/v1/me/school-applications/SA-7K3F9Q2M4N"
_simple("GET", "/v1/me/school-applications/{application_id}", SCHOOL_APP)
REQUESTS[("PUT", "/v1/me/school-applications/{application_id}")] = lambda world, caller: Request(
    "PUT", SCHOOL_APP, {"round": "2027-primary", "child": {"name": "Ada Hartley", "date_of_birth": "2022-11-03"},
                        "preferences": [{"school_id": "minster-view-primary"}]}, {"If-Match": '"1"'})
_simple("POST", "/v1/me/school-applications/{application_id}/answer", f"{SCHOOL_APP}/answer", {"answer": "accept"})
_simple("POST", "/v1/me/school-applications/{application_id}/appeals", f"{SCHOOL_APP}/appeals",
        {"school_id": "minster-view-primary", "grounds": "Our childminder lives there."})
_simple("POST", "/v1/staff/school-rounds/{round}/runs", "/v1/staff/school-rounds/2027-primary/runs", {})
_simple("GET", "/v1/staff/school-rounds/{round}/runs/{run_id}", "/v1/staff/school-rounds/2027-primary/runs/RUN-7K3F9Q2M4N")
_simple("POST", "/v1/staff/school-rounds/{round}/release", "/v1/staff/school-rounds/2027-primary/release",
        {"run_id": "RUN-7K3F9Q2M4N"})
_simple("POST", "/v1/staff/school-applications/{application_id}/lookup",
        "/v1/staff/school-applications/SA-7K3F9Q2M4N/lookup", {"reason": "Caller on the phone"})
# Starting a business: premises the world has no address for (422: not in the area).
_simple("POST", "/v1/me/businesses", body={"uprn": "990000009999", "activity": "cafe", "starts": "2026-12-01",
                                           "ratepayer": {"name": "A Resident", "kind": "person"}})
_simple("GET", "/v1/me/businesses")
_simple("GET", "/v1/me/businesses/{start_id}", "/v1/me/businesses/BZ-7K3F9Q2M4N")
_simple("POST", "/v1/me/businesses/{start_id}/parts/{part}/choice",
        "/v1/me/businesses/BZ-7K3F9Q2M4N/parts/trade_waste/choice",
        {"choice": "request", "bins": [{"container": "240", "count": 1}]})
_simple("GET", "/v1/waste/trade/prices")
_simple("GET", "/v1/staff/waste/trade/requests")
_simple("GET", "/v1/staff/council-tax/requests", "/v1/staff/council-tax/requests?state=failed")
_simple("POST", "/v1/staff/council-tax/lookups", body={"reference": "500123454", "reason": "Caller on the phone"})
_simple("POST", "/v1/staff/council-tax/revocations", body={"reference": "500123454", "link_id": "0f" * 16,
                                                           "reason": "Not the account holder"})
_simple("POST", "/v1/staff/council-tax/documents", body={"reference": "500123454", "document_id": "D123451",
                                                         "reason": "Caller wants their bill"})
_simple("POST", "/v1/staff/council-tax/unlocks", body={"reference": "500123454", "reason": "Caller locked out"})
_simple("GET", "/v1/pay/funds")
_simple("POST", "/v1/pay/check", body={"fund": "fixed-penalty", "reference": "FP004217"})
_simple("POST", "/v1/pay/payments", body={"fund": "fixed-penalty", "reference": "FP004217", "amount": 10000})
_simple("GET", "/v1/pay/payments/{bill_id}", "/v1/pay/payments/" + "0f" * 16)
_simple("GET", "/v1/me/bills")
_simple("GET", "/v1/staff/pay/cash-file.csv", "/v1/staff/pay/cash-file.csv?fund=parking-pcn&date=2026-11-24")
_simple("GET", "/v1/staff/pay/reconciliation", "/v1/staff/pay/reconciliation?date=2026-11-24")
_simple("GET", "/v1/pay/links/{link_id}", "/v1/pay/links/" + "A" * 32)
_simple("POST", "/v1/staff/pay/links", body={"fund": "fixed-penalty", "reference": "FP004217", "amount": 10000,
                                                      "confirm": True})  # the world is shared: callers each make one
_simple("GET", "/v1/me/bulky-bookings")
_simple("GET", "/v1/places/{uprn}/containers", "/v1/places/990000000101/containers")
_simple("POST", "/v1/waste/containers/requests",
        body={"uprn": "990000000101", "container": "recycling-box", "reason": "damaged"})
_simple("GET", "/v1/waste/containers/requests/{request_id}", "/v1/waste/containers/requests/CR-7K3F9Q")
_simple("GET", "/v1/me/container-requests")
_simple("GET", "/v1/repairs/questions")
_simple("GET", "/v1/staff/repairs/board")
_simple("POST", "/v1/staff/repairs/{repair_id}/second-contractor", "/v1/staff/repairs/RP-7K3F9Q/second-contractor", {})
_simple("POST", "/v1/staff/repairs/{repair_id}/done", "/v1/staff/repairs/RP-7K3F9Q/done", {"what": "New washer"})
_simple("POST", "/v1/staff/repairs/{repair_id}/inspection", "/v1/staff/repairs/RP-7K3F9Q/inspection",
        {"summary": "Mould behind the wardrobe; the extractor fan is broken."})
_simple("GET", "/v1/me/homes")
_simple("GET", "/v1/me/repairs")
_simple("POST", "/v1/repairs", body={"home": "R0448105", "location": "kitchen", "problem": "sink",
                                     "issue": "tap_dripping", "description": "Drips", "contact": {"phone": "07700 900123"}})
_simple("GET", "/v1/repairs/{repair_id}", "/v1/repairs/RP-7K3F9Q")
_simple("GET", "/v1/repairs/{repair_id}/slots", "/v1/repairs/RP-7K3F9Q/slots")
_simple("POST", "/v1/repairs/{repair_id}/appointment", "/v1/repairs/RP-7K3F9Q/appointment",
        {"day": "2030-01-08", "half": "AM"})
_simple("POST", "/v1/repairs/{repair_id}/appointment/move", "/v1/repairs/RP-7K3F9Q/appointment/move",
        {"day": "2030-01-08", "half": "PM"})
_simple("POST", "/v1/repairs/{repair_id}/cancel", "/v1/repairs/RP-7K3F9Q/cancel", {})
_simple("GET", "/v1/staff/repairs/{repair_id}", "/v1/staff/repairs/RP-7K3F9Q")
REQUESTS[("GET", "/v1/staff/repairs/homes/{home}")] = lambda world, caller: Request(
    "GET", "/v1/staff/repairs/homes/R0448105", None, _why(caller))  # a tenant's home: read with a reason
_simple("GET", "/v1/repairs/{repair_id}/how-it-went", "/v1/repairs/RP-7K3F9Q/how-it-went")
_simple("POST", "/v1/repairs/{repair_id}/how-it-went", "/v1/repairs/RP-7K3F9Q/how-it-went", {"fixed": True, "rating": 4})
_simple("POST", "/v1/repairs/{repair_id}/reopen", "/v1/repairs/RP-7K3F9Q/reopen", {"what": "It drips again"})
_simple("GET", "/v1/me/homes/{home}/repairs", "/v1/me/homes/R0448105/repairs")
_simple("GET", "/v1/me/block-repairs")
_simple("POST", "/v1/repairs/{repair_id}/me-too", "/v1/repairs/RP-7K3F9Q/me-too", {})
for _path, _body in (("priority", {"priority": "urgent", "reason": "Older tenant alone"}),
                     ("assign", {"team": "north"})):
    REQUESTS[("POST", f"/v1/staff/repairs/{{repair_id}}/{_path}")] = \
        lambda world, caller, _path=_path, _body=_body: Request(
            "POST", f"/v1/staff/repairs/RP-7K3F9Q/{_path}", _body, {"If-Match": '"0"'})
REQUESTS[("POST", "/v1/staff/repairs/{repair_id}/follow-on")] = lambda world, caller: Request(
    "POST", "/v1/staff/repairs/RP-7K3F9Q/follow-on", {"what": "Replace the cupboard base"},
    {"Idempotency-Key": f"matrix-{caller}"})
_simple("GET", "/v1/hire/places")
_simple("GET", "/v1/hire/places/{place_id}", "/v1/hire/places/nowhere")
_simple("GET", "/v1/hire/places/{place_id}/times", "/v1/hire/places/nowhere/times")
_simple("POST", "/v1/hire/places/{place_id}/check", "/v1/hire/places/nowhere/check",
        {"date": "2030-01-08", "start": "18:00", "hours": 2})
_simple("POST", "/v1/hire/bookings", body={"place": "nowhere", "hirer_type": "resident", "date": "2030-01-08",
                                           "start": "18:00", "hours": 2, "terms_accepted": True})
_simple("GET", "/v1/hire/bookings/{booking_id}", "/v1/hire/bookings/HB-7K3F9Q")
_simple("POST", "/v1/hire/bookings/{booking_id}/sessions/{date}/cancel",
        "/v1/hire/bookings/HB-7K3F9Q/sessions/2030-01-08/cancel")
_simple("GET", "/v1/me/hire-bookings")
_simple("GET", "/v1/licensing/types")
_simple("POST", "/v1/licensing/cases", body={"type": "premises-licence", "band": "A",
                                             "premises": {"name": "The Fleece", "address": "16 Pavement, York"}})
_simple("GET", "/v1/licensing/cases/{case_id}", "/v1/licensing/cases/LC-7K3F9Q")
_simple("POST", "/v1/licensing/cases/{case_id}/pay", "/v1/licensing/cases/LC-7K3F9Q/pay", {})
_simple("POST", "/v1/licensing/cases/{case_id}/renew", "/v1/licensing/cases/LC-7K3F9Q/renew", {})
_simple("POST", "/v1/licensing/cases/{case_id}/annual-fee/pay", "/v1/licensing/cases/LC-7K3F9Q/annual-fee/pay", {})
_simple("POST", "/v1/licensing/cases/{case_id}/annual-fee/dispute", "/v1/licensing/cases/LC-7K3F9Q/annual-fee/dispute",
        {"why": "The rateable value was reduced."})
_simple("GET", "/v1/me/licences")
_simple("POST", "/v1/licensing/cases/{case_id}/representations", "/v1/licensing/cases/LC-7K3F9Q/representations",
        {"grounds": "Noise", "name": "A Neighbour", "email": "n@example.org", "address": "1 Pavement, York"})
_simple("POST", "/v1/licensing/cases/{case_id}/documents/{document_id}", "/v1/licensing/cases/LC-7K3F9Q/documents/plan",
        {"upload_id": "u1"})
_simple("POST", "/v1/licensing/cases/{case_id}/withdraw", "/v1/licensing/cases/LC-7K3F9Q/withdraw", {})
_simple("POST", "/v1/licensing/cases/{case_id}/requests/{request_id}/answer",
        "/v1/licensing/cases/LC-7K3F9Q/requests/1/answer", {"words": "Jo"})
_simple("POST", "/v1/staff/licensing/cases/{case_id}/documents/{document_id}",
        "/v1/staff/licensing/cases/LC-7K3F9Q/documents/plan", {})
_simple("GET", "/v1/licensing/consultations/{token}", "/v1/licensing/consultations/abc.def")
_simple("POST", "/v1/licensing/consultations/{token}", "/v1/licensing/consultations/abc.def", {"answer": "objection"})
_simple("GET", "/v1/licensing/register")
_simple("GET", "/v1/licensing/register.csv")
_simple("GET", "/v1/licensing/register/{case_id}", "/v1/licensing/register/LC-7K3F9Q")
_simple("GET", "/v1/staff/licensing/cases")
_simple("GET", "/v1/staff/licensing/checks-due")
REQUESTS[("GET", "/v1/staff/licensing/cases/{case_id}")] = lambda world, caller: Request(
    "GET", "/v1/staff/licensing/cases/LC-7K3F9Q", None, _why(caller))  # the applicant and objectors: with a reason
_simple("POST", "/v1/staff/licensing/cases/{case_id}/representations/{rep_id}/check",
        "/v1/staff/licensing/cases/LC-7K3F9Q/representations/LR-7K3F9Q/check", {"relevant": False, "why": "Not about it"})
for _path, _body in (("consultees/police", {"answer": "no_objection"}), ("hearing", {"day": "2030-01-08"}),
                     ("conditions", {"conditions": ["Doors shut by 23:00"]}),
                     ("decision", {"outcome": "granted", "reasons": "No relevant representations"}),
                     ("licence", {"action": "suspend", "reasons": "Annual fee unpaid"}),
                     ("requests", {"words": "Please send the plan"}),
                     ("checks", {"check": "nr3s", "on": "2030-01-08", "outcome": "clear"})):
    _template = "consultees/{consultee_id}" if _path.startswith("consultees/") else _path
    REQUESTS[("POST", f"/v1/staff/licensing/cases/{{case_id}}/{_template}")] = \
        lambda world, caller, _path=_path, _body=_body: Request(
            "POST", f"/v1/staff/licensing/cases/LC-7K3F9Q/{_path}", _body, {"If-Match": '"0"'})
_simple("GET", "/v1/staff/hire/places/{place_id}/calendar", "/v1/staff/hire/places/nowhere/calendar")
_simple("POST", "/v1/staff/hire/places/{place_id}/blocks", "/v1/staff/hire/places/nowhere/blocks",
        {"date": "2030-01-08", "start": "09:00", "hours": 2, "reason": "Floor polish"})
_simple("DELETE", "/v1/staff/hire/places/{place_id}/blocks/{block}", "/v1/staff/hire/places/nowhere/blocks/3f9a0c1d")
_simple("GET", "/v1/staff/hire/deposits")
_simple("POST", "/v1/staff/hire/bookings", body={"place": "nowhere", "hirer_type": "resident", "hirer_name": "Ada",
                                                 "date": "2030-01-08",
                                                 "start": "18:00", "hours": 2, "terms_accepted": True,
                                                 "payment": "card"})
_simple("POST", "/v1/staff/hire/bookings/{booking_id}/deposit", "/v1/staff/hire/bookings/HB-7K3F9Q/deposit",
        {"returned": 100, "reason": "Clean"})
_simple("POST", "/v1/staff/hire/bookings/{booking_id}/cancel", "/v1/staff/hire/bookings/HB-7K3F9Q/cancel",
        {"reason": "The club has closed"})
_simple("POST", "/v1/staff/waste/containers/requests",
        body={"uprn": "990000000101", "container": "recycling-box", "reason": "damaged", "payment": "card"})
_simple("POST", "/v1/waste/containers/requests/{request_id}/cancel", "/v1/waste/containers/requests/CR-7K3F9Q/cancel",
        {})
_simple("GET", "/v1/staff/waste/containers/requests", "/v1/staff/waste/containers/requests?status=confirmed")
_simple("GET", "/v1/staff/waste/containers/stock/{depot}", "/v1/staff/waste/containers/stock/nowhere")
REQUESTS[("POST", "/v1/staff/waste/containers/stock/{depot}/{container}")] = lambda world, caller: Request(
    "POST", "/v1/staff/waste/containers/stock/nowhere/recycling-box", {"add": 10, "reason": "Delivery"},
    {"If-Match": '"0"'})
_simple("GET", "/v1/me/garden-subscriptions")
_simple("GET", "/v1/staff/conversations")
_simple("GET", "/v1/staff/conversations/search", "/v1/staff/conversations/search?q=ada%40example.org")
CHAT_BODIES = {"/hand-over": {"to": "someone"}, "/answer": {"text": "Hello"}, "/report": pothole(),
               "/link": {"report_id": "DS-7K3F9Q"}, "/block": {"reason": "Abusive language"}}
for _method, _suffix in CHAT_DESK:
    _simple(_method, f"/v1/staff/conversations/{{conversation_id}}{_suffix}",
            "/v1/staff/conversations/CV-0000000000000000" + _suffix, CHAT_BODIES.get(_suffix, {} if _method == "POST" else None))
_simple("POST", "/v1/petitions", body={"action": "Put a zebra crossing outside the school",
                                       "background": "Children cross a fast road at the gate."})
_simple("GET", "/v1/petitions")
_simple("GET", "/v1/petitions/{petition_id}", "/v1/petitions/PT-7K3F9Q")
_simple("GET", "/v1/petitions/{petition_id}/wards.csv", "/v1/petitions/PT-7K3F9Q/wards.csv")
_simple("GET", "/v1/petitions/{petition_id}/wards.geojson", "/v1/petitions/PT-7K3F9Q/wards.geojson")
_SIGNER = {"name": "Sam Signer", "email": "sam@example.org", "postcode": "YO1 7HH", "in_area": True}
_simple("POST", "/v1/petitions/{petition_id}/signatures", "/v1/petitions/PT-7K3F9Q/signatures", _SIGNER)
_simple("POST", "/v1/petitions/{petition_id}/sponsors", "/v1/petitions/PT-7K3F9Q/sponsors",
        {**_SIGNER, "token": "a-sponsor-token"})
_simple("POST", "/v1/signatures/confirm", body={"token": "PT-7K3F9Q." + "0" * 40 + "." + "x" * 32})
_simple("POST", "/v1/petitions/{petition_id}/followers", "/v1/petitions/PT-7K3F9Q/followers",
        {"email": "fran@example.org"})
_simple("POST", "/v1/followers/confirm", body={"token": "PT-7K3F9Q." + "0" * 40 + "." + "x" * 32})
_simple("POST", "/v1/followers/unsubscribe", body={"token": "PT-7K3F9Q." + "0" * 40 + "." + "x" * 40})
_simple("GET", "/v1/feeds/petitions.rss")
_simple("GET", "/v1/staff/petitions")
_simple("GET", PETITION, "/v1/staff/petitions/PT-7K3F9Q")
_simple("POST", "/v1/staff/petitions/{petition_id}/invalidate", "/v1/staff/petitions/PT-7K3F9Q/invalidate",
        {"domain": "example.net"})
for _change, _body in (("publish", {"note": "Fine."}), ("reject", {"reason": "duplicate"}),
                       ("response", {"text": "We agree."}), ("debate", {"date": "2027-01-14"})):
    REQUESTS[("POST", f"{PETITION}/{_change}")] = (
        lambda path, body: lambda world, caller: Request("POST", path, body, {"If-Match": '"0"'}))(
        f"/v1/staff/petitions/PT-7K3F9Q/{_change}", _body)


@builds("PUT", "/v1/waste/garden")
def _garden_rules(world, caller):
    return Request("PUT", "/v1/waste/garden", {
        "first_bin_price": 5000, "other_bin_price": 3000, "max_bins": 3, "term_days": 365,
        "renewal_opens_days": 42, "last_reminder_days": 7}, {"If-Match": '"0"'})


@builds("GET", "/v1/crew/garden/rounds/{round_id}")
def _crew_garden_round(world, caller):
    if not getattr(world, "garden_crew", None):
        from chalicelib.handlers.waste.limits import GARDEN_DEFAULTS
        saved, version = world.deps.bulky.settings("garden")
        world.deps.bulky.save_settings({**GARDEN_DEFAULTS, **(saved or {}), "crew_team": "north"}, version,
                                       world.deps.clock(), "matrix", service="garden")
        world.garden_crew = "north"
    return Request("GET", "/v1/crew/garden/rounds/garden-tue-a")


_simple("GET", "/v1/staff/forms")
_simple("GET", FORM, "/v1/staff/forms/general-enquiry")
_simple("GET", f"{FORM}/submissions.csv", "/v1/staff/forms/general-enquiry/submissions.csv")
_simple("GET", "/v1/forms")
_simple("GET", "/v1/forms/{form_id}", "/v1/forms/general-enquiry")
_simple("POST", "/v1/forms/{form_id}/submissions", "/v1/forms/general-enquiry/submissions", {})
_simple("GET", "/v1/me/form-submissions")
_simple("GET", "/v1/form-cases/{token}", "/v1/form-cases/bm90LWEtbGluaw.c2lnbmF0dXJl")
_simple("GET", "/v1/staff/form-hand-ons")
_simple("GET", CONSULTATION, "/v1/staff/consultations/micklegate-parking")
_simple("GET", "/v1/consultations")
_simple("GET", "/v1/consultations/{consultation_id}", "/v1/consultations/micklegate-parking")
_simple("POST", "/v1/consultations/{consultation_id}/responses", "/v1/consultations/micklegate-parking/responses",
        {"answers": {"support": "yes"}})
_simple("PUT", "/v1/consultations/{consultation_id}/response", "/v1/consultations/micklegate-parking/response",
        {"answers": {"support": "yes"}})
_simple("GET", "/v1/consultations/{consultation_id}/response", "/v1/consultations/micklegate-parking/response")
_simple("GET", "/v1/me/consultation-responses")
for _view in ("counts", "responses.csv", "respondents.csv"):
    _simple("GET", f"{CONSULTATION}/{_view}", f"/v1/staff/consultations/micklegate-parking/{_view}")
_simple("GET", "/v1/consultations/{consultation_id}/results", "/v1/consultations/micklegate-parking/results")
_simple("GET", "/api/2.4/json_search_results", "/api/2.4/json_search_results?pc=YO1%207HH&st=open&fields=all")
_simple("GET", "/api/2.4/json_consultation_details",
        "/api/2.4/json_consultation_details?dept=transport-and-highways&id=micklegate-parking")
_simple("GET", "/v1/feeds/consultations.atom")
builds("POST", f"{CONSULTATION}/results")(lambda world, caller: Request(
    "POST", "/v1/staff/consultations/micklegate-parking/results",
    {"summary": "s", "you_said": "y", "we_did": "w"}, {"If-Match": '"1"'}))
_simple("POST", "/v1/staff/form-hand-ons/{reference}/send-again", "/v1/staff/form-hand-ons/FM-23456789/send-again", {})
_simple("GET", "/v1/appointments/services")
_simple("GET", "/v1/appointments/services/{service_id}/slots", "/v1/appointments/services/housing-options/slots")
_simple("POST", "/v1/appointments/holds", body={"service_id": "housing-options", "start": "2026-12-22T10:30:00Z"})
_simple("GET", "/v1/appointments/manage", "/v1/appointments/manage?cancel=bm90LWEtbGluaw.c2lnbmF0dXJl")
_simple("POST", "/v1/appointments/cancel", body={"token": "bm90LWEtbGluaw.c2lnbmF0dXJl"})
_simple("POST", "/v1/appointments/move", body={"token": "bm90LWEtbGluaw.c2lnbmF0dXJl", "start": "2026-12-22T10:30:00Z"})
_simple("POST", "/v1/appointments/waiting-list", body={"service_id": "housing-options", "before": "2027-01-04T09:00:00Z",
                                                       "phone": "07700 900123"})
_simple("GET", "/v1/me/appointments")
_simple("POST", "/v1/appointments/waiting-list/leave", body={"token": "bm90LWEtbGluaw.c2lnbmF0dXJl"})
_simple("DELETE", "/v1/appointments/waiting-list/{service_id}", "/v1/appointments/waiting-list/housing-options")
_simple("GET", "/v1/staff/appointments/day", "/v1/staff/appointments/day?date=2026-12-22")
_simple("POST", "/v1/staff/appointments", body={"service_id": "housing-options", "start": "2026-12-22T10:30:00Z",
                                               "name": "Cal Caller", "phone": "07700 900333"})
_simple("POST", "/v1/staff/appointments/blocks", body={"calendar_id": "west-offices-housing-1",
                                                      "from": "2026-12-22T09:00:00Z", "to": "2026-12-22T12:00:00Z"})
_simple("POST", "/v1/staff/appointments/{appointment_id}/mark", "/v1/staff/appointments/AP-23456789/mark",
        {"status": "seen"})
_simple("POST", "/v1/staff/appointments/{appointment_id}/move", "/v1/staff/appointments/AP-23456789/move",
        {"start": "2026-12-22T10:30:00Z"})
for _method, _suffix in APPOINTMENT_ROUTES:
    _simple(_method, f"/v1/appointments/{{appointment_id}}{_suffix}", f"/v1/appointments/AP-23456789{_suffix}",
            {"answers": {}, "email": "ada@example.org"} if _method == "POST" else None)
_simple("POST", "/v1/form-submissions/resume", body={"submission_id": "FM-23456789", "token": "t" * 32,
                                                     "code": "123456"})
for _change in ("publish", "retire"):
    (lambda path: builds("POST", f"{FORM}/{_change}")(
        lambda world, caller: Request("POST", path, {}, {"If-Match": '"1"'})))(f"/v1/staff/forms/general-enquiry/{_change}")
for _method, _suffix in FORM_FILLING:
    (lambda method, path: builds(method, f"/v1/form-submissions/{{submission_id}}{_suffix}")(
        lambda world, caller: Request(method, path, {"answers": {}, "email": "ada@example.org"}
                                      if method != "GET" else None, {"Form-Token": "t" * 32})))(
        _method, "/v1/form-submissions/FM-23456789" + _suffix.replace("{page_id}", "question"))


@builds("GET", "/v1/staff/reports/{report_id}/form")
def _form_case(world, caller):
    return Request("GET", f"/v1/staff/reports/{world.report_id}/form")


@builds("POST", "/v1/staff/reports/{report_id}/form-files/{file_id}")
def _form_case_file(world, caller):
    return Request("POST", f"/v1/staff/reports/{world.report_id}/form-files/a-file", {})


@builds("PUT", FORM)
def _load_form(world, caller):
    from support.forms_support import demo, team_of
    team_of(world.deps, demo("general-enquiry"))
    return Request("PUT", "/v1/staff/forms/general-enquiry", demo("general-enquiry"))


# Each caller its own consultation (the route's world is shared), opening long after any run of the suite.
FAR_OFF = {"opens": "2099-06-01T09:00:00", "closes": "2099-06-14T23:59:59"}
_simple("GET", "/v1/staff/consultations")
_simple("GET", "/v1/staff/consultation-templates")


@builds("POST", "/v1/staff/consultations")
def _make_consultation(world, caller):
    return Request("POST", "/v1/staff/consultations", {
        "template": "priorities", "title": f"Budget priorities for {caller}", "overview": "What matters most?",
        "areas": "council", **FAR_OFF})


@builds("PUT", CONSULTATION)
def _load_consultation(world, caller):
    from support.consultation_support import demo
    consultation_id = "micklegate-" + caller.replace("_", "-")
    return Request("PUT", f"/v1/staff/consultations/{consultation_id}",
                   demo(id=consultation_id, areas="council", **FAR_OFF))


@builds("PUT", "/v1/waste/bulky/items")
def _bulky_catalogue(world, caller):
    return Request("PUT", "/v1/waste/bulky/items", {
        "items": [{"id": "sofa", "name": "Sofa", "price": 1500}], "minimum_charge": 2000, "max_items": 4,
        "capacity_per_day": 10, "window_days": 28}, {"If-Match": '"0"'})


WHY = {"Access-Reason": "Ringing the reporter back"}  # what an officer opening a person's data says


def _why(caller):
    """An officer says why they open a person's data (Access-Reason); a resident has nothing to say."""
    return WHY if caller in IS_STAFF else None


@builds("GET", "/v1/reports/{report_id}")
def _get_report(world, caller):
    return Request("GET", f"/v1/reports/{world.report_id}", None, _why(caller))


@builds("GET", "/open311/v2/requests/{id_format}")
def _open311_request(world, caller):
    return Request("GET", f"/open311/v2/requests/{world.report_id}.json")


@builds("GET", "/v1/reports/{report_id}/updates")
def _get_updates(world, caller):
    return Request("GET", f"/v1/reports/{world.report_id}/updates")


@builds("POST", "/v1/reports/{report_id}/supporters")
def _support_report(world, caller):
    return Request("POST", f"/v1/reports/{world.report_id}/supporters", {"email": "sam.supporter@example.org"})


_simple("POST", "/v1/supporters/confirm", body={"token": "DS-7K3F9Q." + "0" * 40 + "." + "x" * 32})
_simple("POST", "/v1/supporters/withdraw", body={"token": "DS-7K3F9Q." + "0" * 40 + "." + "x" * 32})


@builds("DELETE", "/v1/reports/{report_id}/supporters/me")
def _withdraw_my_support(world, caller):
    return Request("DELETE", f"/v1/reports/{world.report_id}/supporters/me")


@builds("PATCH", "/v1/staff/reports/{report_id}")
def _staff_update(world, caller):
    version = world.deps.reports.get(world.report_id).version  # the ETag as just read
    return Request("PATCH", f"/v1/staff/reports/{world.report_id}",
                   {"status": "investigating", "public_update": f"Inspected ({caller})."}, {"If-Match": f'"{version}"'})


@builds("POST", "/v1/staff/reports/{report_id}/pass")
def _staff_pass(world, caller):
    version = world.deps.reports.get(world.report_id).version
    return Request("POST", f"/v1/staff/reports/{world.report_id}/pass",
                   {"to": "atlantis", "reason": f"Not ours ({caller})."}, {"If-Match": f'"{version}"'})


@builds("POST", "/v1/staff/reports/{report_id}/moderation")
def _staff_moderation(world, caller):
    version = world.deps.reports.get(world.report_id).version
    return Request("POST", f"/v1/staff/reports/{world.report_id}/moderation",
                   {"title": f"Pothole ({caller})", "reason": "A name in the title."}, {"If-Match": f'"{version}"'})


@builds("DELETE", "/v1/reports/{report_id}/photos/{name}")
def _withdraw_photo(world, caller):
    return Request("DELETE", f"/v1/reports/{world.report_id}/photos/{'ab' * 16}.jpg?token=not-its-token")


_simple("GET", "/v1/staff/reports", "/v1/staff/reports?status=all&limit=50")
_simple("GET", "/v1/staff/templates")
_simple("GET", "/v1/staff/teams")
_simple("POST", "/v1/staff/templates", body={"title": "Booked", "text": "Booked for {due}.", "state": "action_scheduled"})


def _job(world):
    """The world's crew job (made once): an anonymous report with the owner's contact details,
    assigned to the crew's team; as stored now."""
    if not getattr(world, "job_id", None):
        made = world.call(Request("POST", "/v1/reports", pothole(contact=world.owner_contact)), ANONYMOUS)
        rid = made.json_body["id"]
        version = world.deps.reports.get(rid).version
        assigned = world.call(Request("PATCH", f"/v1/staff/reports/{rid}", {"team": "north"},
                                      {"If-Match": f'"{version}"'}), ADMIN)
        assert assigned.status_code == 200, assigned.body
        world.job_id = assigned.json_body["assignment"]["job"]
    return world.deps.jobs.get(world.job_id)


@builds("GET", "/v1/crew/jobs")
def _crew_jobs(world, caller):
    _job(world)
    return Request("GET", "/v1/crew/jobs?lat=53.9623&lon=-1.0819")


@builds("GET", "/v1/crew/jobs/{job_id}")
def _crew_job(world, caller):
    return Request("GET", f"/v1/crew/jobs/{_job(world).id}")


@builds("GET", "/v1/crew/jobs/{job_id}/tenant")
def _crew_repair_tenant(world, caller):  # the world's job is a report's: a crew is told it is no repair's
    return Request("GET", f"/v1/crew/jobs/{_job(world).id}/tenant")


@builds("POST", "/v1/crew/jobs/{job_id}/on-my-way")
def _crew_repair_on_my_way(world, caller):
    return Request("POST", f"/v1/crew/jobs/{_job(world).id}/on-my-way", {})


@builds("POST", "/v1/crew/jobs/{job_id}/no-access")
def _crew_repair_no_access(world, caller):
    return Request("POST", f"/v1/crew/jobs/{_job(world).id}/no-access", {})


@builds("POST", "/v1/crew/jobs/{job_id}/updates")
def _crew_update(world, caller):
    job = _job(world)
    return Request("POST", f"/v1/crew/jobs/{job.id}/updates",
                   {"status": "accepted", "note": f"On it ({caller}).", "saved_at": _now_iso()},
                   {"If-Match": f'"{job.version}"', "Idempotency-Key": f"matrix-{caller}-accepts"})


def _now_iso():
    from datetime import datetime, timezone
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


_simple("GET", "/v1/staff/desks")
_simple("GET", "/v1/staff/roles")
_simple("GET", "/v1/staff/officers", f"/v1/staff/officers?email={STAFF_IN}@example.org")


_simple("GET", "/v1/council")
_simple("GET", "/v1/council/manifest.webmanifest")
_simple("GET", "/v1/council/record-of-processing")
_simple("GET", "/v1/privacy")


def _york_settings(world):
    """York's settings, stored once for the world: (document, version)."""
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    from support.councils_support import york
    store = CouncilStore()
    if store.get("york", consistent=True) is None:
        settings.write(store, york(), 0, world.deps.clock(), "test")
    return store.get("york", consistent=True)


for _path in ("/v1/admin/council", "/v1/admin/council/audit", "/v1/admin/council/export"):
    builds("GET", _path)(lambda world, caller, _path=_path: _york_settings(world) and Request("GET", _path))


@builds("PUT", "/v1/admin/council")
def _change_settings(world, caller):
    """The settings as read, sent back (an administrator's is taken: the same, so nothing recorded)."""
    document, version = _york_settings(world)
    return Request("PUT", "/v1/admin/council", document, {"If-Match": f'"{version}"'})


builds("GET", "/v1/admin/retention")(lambda world, caller: _york_settings(world) and Request("GET", "/v1/admin/retention"))
_simple("GET", "/v1/admin/retention/holds")
_simple("GET", "/v1/admin/retention/runs")
_simple("POST", "/v1/admin/retention/dry-runs", body={})


@builds("PUT", "/v1/admin/retention")
def _change_retention(world, caller):
    """The schedule as read, sent back (an administrator's is taken: the same, so nothing recorded)."""
    document, version = _york_settings(world)
    return Request("PUT", "/v1/admin/retention", document.get("retention") or {}, {"If-Match": f'"{version}"'})


@builds("PUT", "/v1/admin/retention/holds/{kind}/{record_id}")
def _hold(world, caller):
    return Request("PUT", f"/v1/admin/retention/holds/reports/{world.report_id}", {"reason": "A claim about it"})


@builds("DELETE", "/v1/admin/retention/holds/{kind}/{record_id}")
def _release(world, caller):
    """The owner's report held once for the route's callers (the administrator, last, releases it)."""
    from chalicelib.handlers.retention.holds import put as hold
    if not world.deps.reports.get(world.report_id).hold:
        hold(world.deps.replace(principal=_principal(world)), "reports", world.report_id, {"reason": "A claim about it"})
    return Request("DELETE", f"/v1/admin/retention/holds/reports/{world.report_id}")


def _principal(world):
    from chalicelib.auth.principal import Principal
    person = world.people[ADMIN]
    return Principal(user_id=person.user.id, email=person.user.email, role="admin")


@builds("GET", "/v1/admin/retention/runs/{run_id}")
def _one_run(world, caller):
    """A dry run made once for the world."""
    if not getattr(world, "run_id", None):
        from chalicelib.handlers.retention.sweep import run
        world.run_id = run(world.deps, dry=True, by="matrix").id
    return Request("GET", f"/v1/admin/retention/runs/{world.run_id}")


@builds("PUT", "/v1/staff/officers/{user_id}/roles")
def _set_roles(world, caller):
    """An officer made once for the route's callers (none of them: an administrator's change ends the
    officer's sessions), as stored now."""
    if not getattr(world, "officer", None):
        world.officer = world.make("staff", caller="halls-to-revenues", roles=["halls"]).user.id
    grant = world.deps.grants.get(world.officer)  # its version is the officer's ETag
    return Request("PUT", f"/v1/staff/officers/{world.officer}/roles", {"roles": ["halls", "revenues"]},
                   {"If-Match": f'"{grant.version}"'})


def _second_council(world):
    """North Lanarkshire's settings, added once to the world (its version, as stored now)."""
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    from support.councils_support import north_lanarkshire
    store = CouncilStore()
    found = store.get("north-lanarkshire", consistent=True)
    if found is None:
        return north_lanarkshire(), settings.write(store, north_lanarkshire(), 0, world.deps.clock(), "test")
    return found


_simple("GET", "/v1/operator/councils")


@builds("POST", "/v1/operator/councils")
def _add_council(world, caller):
    from support.councils_support import north_lanarkshire
    return Request("POST", "/v1/operator/councils", north_lanarkshire())


@builds("GET", "/v1/operator/councils/{council_id}")
def _show_council(world, caller):
    _second_council(world)
    return Request("GET", "/v1/operator/councils/north-lanarkshire")


@builds("PUT", "/v1/operator/councils/{council_id}")
def _change_council(world, caller):
    document, version = _second_council(world)
    return Request("PUT", "/v1/operator/councils/north-lanarkshire", {**document, "branding": {"colour": "#00539f"}},
                   {"If-Match": f'"{version}"'})


@builds("GET", "/v1/operator/councils/{council_id}/offboarding")
def _show_offboarding(world, caller):
    _second_council(world)
    return Request("GET", "/v1/operator/councils/north-lanarkshire/offboarding")


@builds("POST", "/v1/operator/councils/{council_id}/offboarding")
def _stop_council(world, caller):
    _second_council(world)
    return Request("POST", "/v1/operator/councils/north-lanarkshire/offboarding", {"step": "stop"})


@builds("POST", "/v1/staff/reports")
def _take_for_caller(world, caller):
    return Request("POST", "/v1/staff/reports", pothole(contact=None, channel="phone", on_behalf_of={
        "name": "Cal Caller", "phone": "07700 900999"}))


@builds("GET", "/v1/staff/reports/{report_id}")
def _staff_report(world, caller):
    return Request("GET", f"/v1/staff/reports/{world.report_id}", None, _why(caller))


@builds("GET", "/v1/staff/reports/{report_id}/audit")
def _staff_audit(world, caller):
    return Request("GET", f"/v1/staff/reports/{world.report_id}/audit")


def _template(world):
    """The world's one template (made once: its route's callers share it), as stored now."""
    if not getattr(world, "template_id", None):
        from chalicelib.handlers.staff.templates import create_template
        world.template_id = create_template(world.deps, {"title": "Seen", "text": "Seen: {reference}."})["id"]
    return world.deps.templates.get(world.template_id)


@builds("PATCH", "/v1/staff/meetings/topics")
def _change_meeting_topics(world, caller):
    version = world.deps.democracy.versioned("topics")[1]  # the ETag as just read
    return Request("PATCH", "/v1/staff/meetings/topics", {"topics": {"roads": ["pothole", caller]}},
                   {"If-Match": f'"{version}"'})


@builds("PATCH", "/v1/staff/templates/{template_id}")
def _change_template(world, caller):
    template = _template(world)
    return Request("PATCH", f"/v1/staff/templates/{template.id}", {"title": f"Seen ({caller})"},
                   {"If-Match": f'"{template.version}"'})


@builds("DELETE", "/v1/staff/templates/{template_id}")
def _delete_template(world, caller):
    template = _template(world)
    return Request("DELETE", f"/v1/staff/templates/{template.id}", None, {"If-Match": f'"{template.version}"'})


def _body(world):
    """The council's own body, stored (made once): sends and links name it."""
    if world.deps.bodies.get("council") is None:
        from chalicelib.storage.bodies.bodies import Body
        world.deps.bodies.save(Body(id="council", name="The council", area={
            "kind": "council", "geometry": world.deps.area.geometry}, contact_text="Call us."), new=True)
    return world.deps.bodies.get("council")


_simple("GET", "/v1/staff/bodies")
_simple("GET", "/v1/staff/sends")
_simple("POST", "/v1/staff/bodies", body={"id": "matrix-parish", "name": "A parish", "categories": ["litter"],
                                          "contact_text": "The clerk.", "area": {"kind": "council"}})


@builds("GET", "/v1/staff/bodies/{body_id}")
def _show_body(world, caller):
    return Request("GET", f"/v1/staff/bodies/{_body(world).id}")


@builds("GET", "/v1/staff/bodies/{body_id}/health")
def _body_health(world, caller):
    return Request("GET", f"/v1/staff/bodies/{_body(world).id}/health")


@builds("PATCH", "/v1/staff/bodies/{body_id}")
def _change_body(world, caller):
    body = _body(world)
    return Request("PATCH", f"/v1/staff/bodies/{body.id}", {"contact_text": f"Call us ({caller})."},
                   {"If-Match": f'"{body.version}"'})


@builds("POST", "/v1/staff/bodies/{body_id}/retire")
def _retire_body(world, caller):
    body = _body(world)
    return Request("POST", f"/v1/staff/bodies/{body.id}/retire", {}, {"If-Match": f'"{body.version}"'})


@builds("POST", "/v1/staff/reports/{report_id}/sends")
def _send_again(world, caller):
    _body(world)
    return Request("POST", f"/v1/staff/reports/{world.report_id}/sends", {"body": "council"})


def _body_link(world):
    from chalicelib.handlers.forwarding.officer_links import token_for
    return f"/v1/body-links/{token_for(world.report_id, 'council', world.deps.clock())}"


@builds("GET", "/v1/body-links/{token}")
def _open_body_link(world, caller):
    return Request("GET", _body_link(world))


@builds("POST", "/v1/body-links/{token}")
def _answer_body_link(world, caller):
    return Request("POST", _body_link(world), {"choice": "in_progress", "reason": f"Booked ({caller})."})


@builds("PATCH", "/v1/me")
def _update_me(world, caller):
    return Request("PATCH", "/v1/me", {"name": f"Renamed {caller}"})


@builds("POST", "/v1/auth/register")
def _register(world, caller):
    return Request("POST", "/v1/auth/register",
                   {"email": f"new-{caller}@example.org", "name": "New Person", "password": HOLDER_PASSWORD})


@builds("POST", "/v1/auth/password-reset")
def _reset(world, caller):
    # One address per caller: each address may have only 5 e-mails an hour.
    return Request("POST", "/v1/auth/password-reset", {"email": f"reset-{caller}@example.org"})


@builds("POST", "/v1/auth/refresh")
def _refresh(world, caller):
    return Request("POST", "/v1/auth/refresh", {"refresh_token": world.holder_session()["refresh_token"]})


@builds("POST", "/v1/auth/logout")
def _logout(world, caller):
    return Request("POST", "/v1/auth/logout", {"refresh_token": world.holder_session()["refresh_token"]})


@builds("POST", "/v1/auth/verify")
def _verify(world, caller):
    return Request("POST", "/v1/auth/verify", {"token": world.holder_link("verify_email")})


@builds("POST", "/v1/auth/password-reset/confirm")
def _confirm_reset(world, caller):
    return Request("POST", "/v1/auth/password-reset/confirm",
                   {"token": world.holder_link("reset_password"), "password": f"{HOLDER_PASSWORD} {caller}"})


def _alert_body(caller, **extra):
    import base64
    key = base64.urlsafe_b64encode(b"\x04" + bytes(64)).decode().rstrip("=")
    return {"kind": "area", "lat": 53.9623, "lon": -1.0819, "radius_m": 500, "channels": ["push"],
            "push_subscription": {"endpoint": f"https://push.example.net/{caller}",
                                  "keys": {"p256dh": key, "auth": "A" * 22}}, **extra}


def _maker(caller):
    """Who makes the caller's own thing first: the operator can make nothing at a council (refused first)."""
    return ANONYMOUS if caller == OPERATOR else caller


def _own_alert(world, caller):
    made = world.call(Request("POST", "/v1/alerts", _alert_body(caller)), _maker(caller))
    assert made.status_code == 201, made.body
    return made.json_body


@builds("POST", "/v1/alerts")
def _subscribe(world, caller):
    return Request("POST", "/v1/alerts", _alert_body(f"new-{caller}"))


@builds("GET", "/v1/alerts")
def _list_alerts(world, caller):
    if caller == ANONYMOUS:  # anonymous subscribers list with their management token
        return Request("GET", f"/v1/alerts?token={_own_alert(world, caller)['management_token']}")
    return Request("GET", "/v1/alerts")


@builds("DELETE", "/v1/alerts/{alert_id}")
def _delete_alert(world, caller):
    alert = _own_alert(world, caller)
    query = f"?token={alert['management_token']}" if caller == ANONYMOUS else ""
    return Request("DELETE", f"/v1/alerts/{alert['id']}{query}")


@builds("POST", "/v1/alerts/confirm")
def _confirm_alert(world, caller):
    import re
    from chalicelib.storage.outbox import OutboxModel
    address = f"confirm-{caller}@example.org"  # not the caller's account address: double opt-in
    world.call(Request("POST", "/v1/alerts", {**_alert_body(caller), "channels": ["email"], "email": address}),
               _maker(caller))
    [mail] = OutboxModel.recipient_index.query(address)
    return Request("POST", "/v1/alerts/confirm", {"token": re.search(r"Token: (\S+)", mail.body).group(1)})


@builds("GET", "/v1/alerts/unsubscribe")
def _unsubscribe_info(world, caller):
    from chalicelib.handlers.alerts.subscriptions import unsubscribe_token
    return Request("GET", f"/v1/alerts/unsubscribe?token={unsubscribe_token(_own_alert(world, caller)['id'])}")


@builds("POST", "/v1/alerts/unsubscribe")
def _unsubscribe(world, caller):
    from chalicelib.handlers.alerts.subscriptions import unsubscribe_token
    token = unsubscribe_token(_own_alert(world, caller)["id"])
    return Request("POST", f"/v1/alerts/unsubscribe?token={token}", "List-Unsubscribe=One-Click")


BROADCAST = {"target": {"circle": {"lat": 53.9623, "lon": -1.0819, "radius_m": 800}}, "topic": "roads",
             "title": "Stonegate closed", "body": "Stonegate is closed to traffic until 6pm for repairs."}


@builds("POST", "/v1/broadcasts")
def _broadcast(world, caller):
    return Request("POST", "/v1/broadcasts", BROADCAST)


@builds("GET", "/v1/broadcasts/{broadcast_id}")
def _get_broadcast(world, caller):
    if not getattr(world, "broadcast_id", None):  # one broadcast for the route's callers (rate limit)
        made = world.call(Request("POST", "/v1/broadcasts", BROADCAST), ADMIN)
        assert made.status_code == 201, made.body
        world.broadcast_id = made.json_body["id"]
    return Request("GET", f"/v1/broadcasts/{world.broadcast_id}")


_simple("GET", "/v1/broadcasts", "/v1/broadcasts?limit=5")
_simple("GET", "/v1/stats")


def _exported(world, request):
    """The open data written once for the world (the owner's report in it), then `request`."""
    if not getattr(world, "exported", False):
        from chalicelib.handlers.opendata.export import publish
        publish(world.deps)
        world.exported = True
    return request


@builds("GET", "/v1/open-data")
def _open_data(world, caller):
    return _exported(world, Request("GET", "/v1/open-data"))


@builds("GET", "/v1/open-data/{name}")
def _open_data_file(world, caller):
    return _exported(world, Request("GET", "/v1/open-data/reports.csv"))


QUESTIONNAIRE_TOKEN = "matrix-questionnaire-token"


def _asked(world):
    """The owner's report's questionnaire, sent once for the world with a known token."""
    if not getattr(world, "asked", False):
        from chalicelib import ids
        from chalicelib.storage.records import Questionnaire
        now = world.deps.clock()
        store = world.deps.questionnaires
        due = Questionnaire(report_id=world.report_id, closed_at=now, closed_state="fixed", due_at=now)
        store.schedule(due)
        assert store.claim(due, ids.digest(QUESTIONNAIRE_TOKEN), now, ["email"], now + timedelta(minutes=15))
        world.asked = True


@builds("GET", "/v1/questionnaires/{report_id}")
def _questionnaire(world, caller):
    _asked(world)
    return Request("GET", f"/v1/questionnaires/{world.report_id}?token={QUESTIONNAIRE_TOKEN}")


@builds("POST", "/v1/questionnaires/{report_id}/answer")
def _answer(world, caller):
    _asked(world)
    return Request("POST", f"/v1/questionnaires/{world.report_id}/answer",
                   {"token": QUESTIONNAIRE_TOKEN, "fixed": True, "rating": 4})


@builds("POST", "/v1/feedback")
def _feedback(world, caller):
    from chalicelib.handlers.feedback import counting
    asked = counting.asked("bills", "PY-MATRIXMA", "online", "2026-11")
    return Request("POST", "/v1/feedback", {"token": asked["token"], "rating": 4})


@builds("GET", "/v1/figures")
def _figures(world, caller):
    return Request("GET", "/v1/figures?year=2026")


@builds("GET", "/v1/staff/feedback/{service}")
def _feedback_desk(world, caller):
    return Request("GET", "/v1/staff/feedback/bills")


@builds("PUT", "/v1/staff/feedback/{service}/answers/{answer_id}/tags")
def _feedback_tags(world, caller):
    found = _feedback_answer(world, caller)
    return Request("PUT", f"/v1/staff/feedback/bills/answers/{found.token_hash}/tags", {"tags": ["fine"]},
                   {"If-Match": f'"{int(found.version)}"'})


def _feedback_answer(world, caller):
    """An answer of the bills' kept for `caller`'s request (one each, so a tag's version is theirs)."""
    from chalicelib.handlers.feedback import answering, counting, tokens
    token = counting.asked("bills", f"PY-TAGS{caller.upper()[:5]}", "online", "2026-11")["token"]
    if world.deps.feedback.answer(tokens.hashed(token)) is None:
        answering.answer(world.deps, {"token": token, "rating": 3, "improve": "Fine."})
    return world.deps.feedback.answer(tokens.hashed(token))


@builds("GET", "/v1/staff/feedback/{service}/answers/{answer_id}/words")
def _feedback_words(world, caller):
    found = _feedback_answer(world, caller)
    return Request("GET", f"/v1/staff/feedback/bills/answers/{found.token_hash}/words", None, _why(caller))


@builds("POST", "/v1/staff/feedback/{service}/changes")
def _feedback_change(world, caller):
    return Request("POST", "/v1/staff/feedback/bills/changes", {"you_said": "Too slow.", "we_did": "Faster now."})


@builds("GET", "/v1/feedback/{service}/changes")
def _feedback_changes(world, caller):
    return Request("GET", "/v1/feedback/bills/changes")


@builds("GET", "/v1/figures/report")
def _figures_report(world, caller):
    return Request("GET", "/v1/figures/report?month=2025-10", headers={"Accept": "application/pdf"})


@builds("GET", "/v1/staff/figures/{service}/contacts")
def _entered_contacts(world, caller):
    return Request("GET", "/v1/staff/figures/bills/contacts?year=2025")


@builds("PUT", "/v1/staff/figures/{service}/contacts/{month}")
def _enter_contacts(world, caller):
    # Set to a value: the same month sent again by the next caller is already so, whatever version it names.
    return Request("PUT", "/v1/staff/figures/bills/contacts/2025-10", {"phone": 12, "face_to_face": 3},
                   {"If-Match": '"0"'})


@builds("POST", "/v1/feedback/comments")
def _feedback_comment(world, caller):
    return Request("POST", "/v1/feedback/comments", {"kind": "comment", "service": "halls", "words": "Easy to book."})


@builds("POST", "/v1/feedback/starts")
def _feedback_start(world, caller):
    return Request("POST", "/v1/feedback/starts", {"service": "halls"})


# -- what else each route must show, beyond its status -----------------------

CHECKS = {}
NEEDS_TIMELINE = {("PATCH", "/v1/staff/reports/{report_id}")}  # the check compares before and after


def checks(method, path):
    def register(fn):
        CHECKS[(method, path)] = fn
        return fn
    return register


@checks("GET", "/v1/reports/{report_id}")
def _sees_the_right_view(world, caller, response, before):
    view = response.json_body
    assert view["id"] == world.report_id
    if caller in SEES_PRIVATE:
        assert view["view"] == "private"
        assert view["contact"] == world.owner_contact
        assert response.headers.get("Cache-Control") == "no-store"
    else:
        assert view["view"] == "public"
        assert "contact" not in view
        assert view["description"].startswith("Deep pothole")


@checks("GET", "/v1/reports/{report_id}/updates")
def _sees_the_timeline(world, caller, response, before):
    assert response.json_body["report_id"] == world.report_id
    assert [u["status"] for u in response.json_body["updates"]] == ["open"]


@checks("PATCH", "/v1/staff/reports/{report_id}")
def _changes_state_only_when_allowed(world, caller, response, before):
    after = world.timeline()
    if caller in MANAGES:
        assert response.json_body["status"] == "investigating"
        assert len(after) == len(before) + 1
        assert (after[-1]["status"], after[-1]["text"], after[-1]["author"]) == (
            "investigating", f"Inspected ({caller}).", "council")
    else:
        assert after == before, "a refused update must not reach the timeline"


@checks("GET", "/v1/staff/reports")
def _the_inbox_lists_only_the_callers_scope(world, caller, response, before):
    ids = [r["id"] for r in response.json_body["reports"]]
    assert (world.report_id in ids) is (caller in MANAGES)
    assert_no_owner_details(response)  # inbox lines carry no contact details, even for staff in scope


@checks("GET", "/v1/staff/reports/{report_id}")
def _staff_see_the_staff_view_with_its_etag(world, caller, response, before):
    assert response.json_body["view"] == "staff" and response.json_body["contact"] == world.owner_contact
    assert response.headers["ETag"] == f'"{response.json_body["version"]}"'


@checks("POST", "/v1/staff/reports")
def _a_callers_report_belongs_to_no_account(world, caller, response, before):
    report = world.deps.reports.get(response.json_body["id"])
    assert report.user_id is None and report.channel == "phone"


@checks("GET", "/v1/crew/jobs")
def _the_crew_lists_its_teams_job(world, caller, response, before):
    assert [f["id"] for f in response.json_body["features"]] == [_job(world).id]


@checks("GET", "/v1/crew/jobs/{job_id}")
def _the_crew_opens_its_teams_job(world, caller, response, before):
    assert response.json_body["id"] == world.job_id and "contact" not in response.json_body
    assert response.headers["ETag"] == f'"{response.json_body["version"]}"'


@checks("POST", "/v1/crew/jobs/{job_id}/updates")
def _only_the_crew_updates_its_job(world, caller, response, before):
    job = world.deps.jobs.get(world.job_id)
    assert [(u["status"], u["note"]) for u in job.updates] == [("accepted", f"On it ({caller}).")]


@checks("DELETE", "/v1/staff/templates/{template_id}")
def _only_the_administrator_deletes(world, caller, response, before):
    assert world.deps.templates.get(world.template_id) is None


@checks("GET", "/v1/me/reports")
def _lists_only_my_reports(world, caller, response, before):
    ids = [r["id"] for r in response.json_body["reports"]]
    assert (world.report_id in ids) is (caller == OWNER)
    if caller != OWNER:
        assert_no_owner_details(response)


@checks("GET", "/v1/me/export")
def _exports_only_my_data(world, caller, response, before):
    export = response.json_body
    assert export["profile"]["email"] == world.people[caller].user.email
    ids = [r["id"] for r in export["reports"]]
    if caller == OWNER:
        assert ids == [world.report_id]
        assert export["reports"][0]["contact"] == world.owner_contact
    else:
        assert world.report_id not in ids
        assert_no_owner_details(response)  # staff in scope included: this is *their* data


@checks("GET", "/v1/me")
def _shows_my_own_profile(world, caller, response, before):
    assert response.json_body["id"] == world.people[caller].user.id


@checks("PATCH", "/v1/me")
def _changes_my_own_profile(world, caller, response, before):
    assert response.json_body["id"] == world.people[caller].user.id
    assert response.json_body["name"] == f"Renamed {caller}"


@checks("DELETE", "/v1/me")
def _erases_only_me(world, caller, response, before):
    gone = world.call(Request("GET", "/v1/me"), caller)
    assert (gone.status_code, gone.json_body["error"]["code"]) == (401, "session_ended")
    report = world.deps.reports.get(world.report_id)  # the report stays, anonymised only if it was mine
    assert report.contact == ({} if caller == OWNER else world.owner_contact)
    assert report.user_id == (None if caller == OWNER else world.people[OWNER].user.id)
    if caller != OWNER:
        mine = world.call(Request("GET", "/v1/me/reports"), OWNER).json_body["reports"]
        assert [r["id"] for r in mine] == [world.report_id]


@checks("POST", "/v1/reports")
def _reporter_sees_their_new_report(world, caller, response, before):
    view = response.json_body
    assert view["id"] != world.report_id and view["view"] == "private"
    assert ("tracking_token" in view) is (caller == ANONYMOUS)  # accounts track through My Account


@checks("GET", "/open311/v2/requests/{id_format}")
def _open311_shows_only_the_public_view(world, caller, response, before):
    [request] = response.json_body
    assert request["service_request_id"] == world.report_id
    assert_no_owner_details(response)  # whoever asks: Open311 has no private view


@checks("POST", "/open311/v2/{resource}")
def _open311_report_belongs_to_no_account(world, caller, response, before):
    [created] = response.json_body
    assert world.deps.reports.get(created["service_request_id"]).user_id is None


@checks("POST", "/v1/auth/login")
def _signs_in_the_account_holder(world, caller, response, before):
    assert response.json_body["user"]["id"] == world.holder.id


@checks("GET", "/v1/alerts")
def _lists_only_my_alerts(world, caller, response, before):
    alerts = response.json_body["alerts"]
    endpoints = {a["push_endpoint"] for a in alerts if "push_endpoint" in a}
    assert endpoints <= {f"https://push.example.net/{caller}"}
    assert endpoints or caller != ANONYMOUS
    # The owner made the world's report with their verified address: they follow it by e-mail.
    follows = [a["report_id"] for a in alerts if a["kind"] == "report"]
    assert follows == ([world.report_id] if caller == OWNER else [])


# -- the world each route's cases share ----------------------------------------

# A world is built once and copied for the routes after (building one, with its nine accounts and
# the owner's report through the API, was two thirds of this file's time); built again when the copy
# is old enough that the callers' 15-minute access tokens could run out during a route's cases.
FRESH_S = 8 * 60
_BUILT = {}


class World:
    """moto up, tables and services seeded, the callers signed in, and the
    owner's pothole report made through the API."""

    def __init__(self):
        import time
        from support import moto_snapshot
        kept = _BUILT.get("world")
        if kept and time.monotonic() - kept["at"] < FRESH_S:
            from chalicelib.storage.reports.services import clear_cache
            moto_snapshot.restore(kept["items"])
            clear_cache()
            self.__dict__.update(kept["attributes"], people=dict(kept["attributes"]["people"]))
            return
        self._build()
        _BUILT["world"] = {"at": time.monotonic(), "items": moto_snapshot.taken(),
                           "attributes": dict(self.__dict__)}

    def _build(self):
        from chalice.test import Client
        from app import app
        from chalicelib.deps import default_deps
        from chalicelib.storage.reports.services import ServiceStore, clear_cache
        from doorstep_cli.seed import load_services
        empty_aws()  # the previous world's data goes
        ensure_storage()
        clear_cache()
        load_services(ServiceStore())
        self.deps = default_deps(base_url="http://testserver")
        from chalicelib.handlers.staff.teams import create_team
        create_team(self.deps, "north", "North crew")  # the crew member's
        self.api = Api(Client(app))
        self.people = {ANONYMOUS: None}
        for caller, account in ACCOUNTS.items():
            self.people[caller] = self.make(caller=caller, **account)
        self.holder = self._create_user(HOLDER_EMAIL, "resident", name="Hugo Holder", password=HOLDER_PASSWORD)
        self.owner_contact = {"name": OWNER_NAME, "email": OWNER_EMAIL, "phone": OWNER_PHONE}
        made = self.call(Request("POST", "/v1/reports", pothole(contact=self.owner_contact)), OWNER)
        assert made.status_code == 201, made.body
        self.report_id = made.json_body["id"]

    def _create_user(self, email, role, **kwargs):
        from chalicelib.handlers.accounts import users
        return users.create_user(self.deps, email, role, **kwargs)

    def make(self, role, caller="someone", email=None, operator=False, granted_by=None, **kwargs):
        """Like conftest's `people`: an account with a live session at York (the deployment's operator:
        `operator`; its role another council's: `granted_by`)."""
        from chalicelib import tenancy
        from chalicelib.handlers.accounts import auth, users
        from support.officers import every_role
        if granted_by:
            _second_council(self)
        with tenancy.acting_for(granted_by or tenancy.current()):
            user = self._create_user(email or f"{caller}@example.org", role, **every_role(role, kwargs))
        if operator:
            user = users.set_operator(self.deps, user.email, True)
        return Person(user, auth.start_session(self.deps, user, self.deps.clock()))

    def holder_session(self):
        from chalicelib.handlers.accounts import auth
        return auth.start_session(self.deps, self.deps.accounts.user(self.holder.id), self.deps.clock())

    def holder_link(self, purpose):
        """The token an e-mailed verify/reset link would carry."""
        from chalicelib.handlers.accounts import auth
        return auth._one_time(self.deps, purpose, self.deps.accounts.user(self.holder.id),
                              self.deps.clock() + timedelta(hours=1))

    def call(self, request, caller):
        person = self.people[caller]
        form = isinstance(request.body, str)
        headers = {"Content-Type": "application/x-www-form-urlencoded" if form else "application/json",
                   **(person.auth if person else {}), **(request.headers or {})}
        body = request.body.encode() if form else json.dumps(request.body).encode() if request.body is not None else b""
        return self.api.raw.http.request(request.method, request.path, headers=headers, body=body)

    def timeline(self):
        return self.call(Request("GET", f"/v1/reports/{self.report_id}/updates"), ANONYMOUS).json_body["updates"]


class Worlds:
    """Keeps one World alive while consecutive cases share its key."""

    def __init__(self):
        self.key, self.world = None, None

    def get(self, key):
        if key != self.key:
            self.close()
            self.world, self.key = World(), key
        return self.world

    def close(self):
        self.key, self.world = None, None


@pytest.fixture(scope="module")
def worlds(_moto):
    from chalicelib.councils import registry
    registry.forget()  # councils an earlier test on this worker kept (a York with providers) are not this world's
    manager = Worlds()
    _BUILT.clear()  # this module's moto, this run's clock
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPEN311_API_KEYS", OPEN311_KEY)
        yield manager
    manager.close()
    _BUILT.clear()


DESTROYS_CALLER = {("DELETE", "/v1/me")}


def world_key(route, caller):
    method, _ = route
    if route in DESTROYS_CALLER:
        return route, caller
    return "GET routes" if method == "GET" else route


# -- shared assertions ---------------------------------------------------------

def assert_error_shape(response):
    body = response.json_body
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message"}, body
    assert isinstance(body["error"]["code"], str) and body["error"]["code"]
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert response.headers["Content-Type"] == "application/json"
    if response.status_code == 401:
        assert response.headers["WWW-Authenticate"].startswith("Bearer ")


def error_code(response):
    """Ours, or Open311's (its list, in JSON or XML: the status as its code)."""
    if response.headers.get("Content-Type", "").startswith(("application/xml", "text/xml")):
        import re
        return int(re.search(rb"<code>(\d+)</code>", response.body).group(1))
    body = response.json_body
    if isinstance(body, dict) and "schemas" in body:  # SCIM's (RFC 7644 3.12): its scimType, else its status
        return body.get("scimType") or body["status"]
    return body[0]["code"] if isinstance(body, list) else body["error"]["code"]


def assert_no_owner_details(response):
    text = response.body.decode("utf-8", "replace") if isinstance(response.body, bytes) else str(response.body)
    for secret in (OWNER_EMAIL, OWNER_NAME, OWNER_PHONE):
        assert secret not in text, f"{secret!r} leaked"


# -- the tests -----------------------------------------------------------------

def _app_routes():
    from app import app
    return {(method, path) for path, entries in app.routes.items() if path != CATCH_ALL for method in entries}


def _declared_rules():
    """The access rule each route declares (the registry the app was wired from)."""
    from app import app  # noqa: F401  (wires the registry)
    from chalicelib.api.registry import REGISTRY
    return {key: route.access for key, route in REGISTRY.routes.items() if key[1] != CATCH_ALL}


def test_every_app_route_declares_an_access_rule():
    assert _app_routes() - set(_declared_rules()) == set()


def test_every_declared_rule_names_a_route_of_the_app():
    assert set(_declared_rules()) - _app_routes() == set()


def test_the_matrix_expects_exactly_the_access_the_routes_declare():
    assert {route: access for route, (access, _) in ROUTE_ACCESS.items()} == _declared_rules()
    assert set(REQUESTS) == set(ROUTE_ACCESS)


def _case(method, path, caller):
    marks = []
    if (method, path, caller) in KNOWN_BUGS:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[(method, path, caller)]))
    return pytest.param(method, path, caller, id=f"{method} {path} as {caller}", marks=marks)


# GET cases first, together, so they run in the one world they share.
CASES = [_case(*key) for key in sorted(EXPECTED, key=lambda key: key[0] != "GET")]


@pytest.mark.parametrize("method,path,caller", CASES)
def test_route_answers_each_caller_as_the_matrix_says(worlds, method, path, caller):
    route = (method, path)
    world = worlds.get(world_key(route, caller))
    want = EXPECTED[(method, path, caller)]
    before = world.timeline() if route in NEEDS_TIMELINE else None
    response = world.call(REQUESTS[route](world, caller), caller)

    assert response.status_code == want.status, response.body
    if response.status_code >= 400:
        assert error_code(response) == want.error
    if response.status_code in (401, 403) and not path.startswith(("/open311/", "/scim/")):  # their own shapes
        assert_error_shape(response)
    if caller not in SEES_PRIVATE:
        assert_no_owner_details(response)
    if response.status_code < 400 and route in CHECKS:
        CHECKS[route](world, caller, response, before)


@pytest.mark.parametrize("authorization,code", [
    pytest.param("Basic dXNlcjpwYXNz", "unauthorized", id="not a bearer token"),
    pytest.param("Bearer not-a-jwt", None, id="a malformed token"),
    pytest.param("ended", "session_ended", id="a token whose session has ended"),
])
def test_a_token_that_fails_authentication_is_refused_in_the_one_error_shape(worlds, authorization, code):
    world = worlds.get("bad tokens")
    if authorization == "ended":
        from chalicelib.handlers.accounts import users
        person = world.make("resident", caller="soon-ended")
        users.set_role(world.deps, person.user.email, "resident")  # bumps the session epoch
        authorization = person.auth["Authorization"]
    for path in ("/v1/me", f"/v1/staff/reports/{world.report_id}"):
        method = "GET" if path == "/v1/me" else "PATCH"
        response = world.api.raw.http.request(method, path, headers={
            "Authorization": authorization, "Content-Type": "application/json"}, body=b'{"priority": "high"}')
        assert response.status_code == 401, response.body
        assert_error_shape(response)
        if code:
            assert response.json_body["error"]["code"] == code


def test_deleting_an_account_leaves_reports_owned_by_someone_else_alone(worlds):
    world = worlds.get("delete: someone else's report")
    other = world.people[OTHER].user
    neighbour = {"name": "Rowan Other", "email": other.email}  # the owner reports for a neighbour
    made = world.call(Request("POST", "/v1/reports", pothole(contact=neighbour)), OWNER)
    assert made.status_code == 201
    report_id = made.json_body["id"]

    assert world.call(Request("DELETE", "/v1/me"), OTHER).status_code == 204

    mine = world.call(Request("GET", "/v1/me/reports"), OWNER).json_body["reports"]
    assert report_id in [r["id"] for r in mine]
    view = world.call(Request("GET", f"/v1/reports/{report_id}"), OWNER).json_body
    assert view["view"] == "private" and view["contact"]["email"] == other.email


def test_an_unverified_account_cannot_erase_anonymous_reports_made_with_its_address(worlds):
    world = worlds.get("delete: unverified address")
    victim = {"name": "Vera Victim", "email": "vera@example.org"}
    made = world.call(Request("POST", "/v1/reports", pothole(contact=victim)), ANONYMOUS).json_body
    assert world.call(Request("POST", "/v1/auth/register", {
        "email": victim["email"], "name": "Mallory", "password": HOLDER_PASSWORD}), ANONYMOUS).status_code == 202
    tokens = world.call(Request("POST", "/v1/auth/login", {
        "email": victim["email"], "password": HOLDER_PASSWORD}), ANONYMOUS).json_body
    impostor = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert world.api.get("/v1/me", impostor).json_body["email_verified"] is False
    assert world.api.raw.http.request("DELETE", "/v1/me", headers=impostor).status_code == 204

    tracked = world.call(Request("GET", f"/v1/reports/{made['id']}?token={made['tracking_token']}"), ANONYMOUS)
    assert tracked.status_code == 200, tracked.body
    assert tracked.json_body["contact"]["email"] == victim["email"]
