"""Alerts' routes: subscribing, confirming and stopping alerts, the push key,
and staff broadcasts."""
from ...api import http
from ...api.openapi import errors, identifier, json_response, operation, path_param, q, ref, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ANYONE, BROADCAST, REPORT, desk
from ...validation import token_schema
from . import limits

routes = Routes("alerts", schemas="chalicelib.handlers.alerts.schemas")
# Not an identifier for the edge, which holds only its length (400 past it): a mail provider's one-click
# unsubscribe hears 403 invalid_token for any other token not ours, the view checks its signature before any read.
TOKEN_Q = q("token", "the alert's unsubscribe token (from the message's link)", required=True,
            schema=token_schema(limits.TOKEN_MAX))
# RFC 8058 one-click: mail providers POST "List-Unsubscribe=One-Click" as a form.
FORM_OR_JSON = ["application/x-www-form-urlencoded", "multipart/form-data", "application/json"]


@routes.post("/v1/alerts", ANYONE, holds=REPORT, doc=operation(
    "Subscribe to alerts: a report, an area, a ward, a category or council broadcasts; a crew member, their "
    "team's jobs (urgent ones near their point). The same subscriber and "
    "target again answer the same alert (Idempotent-Replayed). E-mail/SMS to an address not proven by a "
    "verified account stay pending until the confirmation link is used (kind jobs: crew members of a team "
    "only, else 403)", "NewAlert", "201", ref("Alert"), (400, 403, 404, 422, 429)))
def create_alert():
    from . import subscriptions
    return http.created(*subscriptions.subscribe(http.deps(), http.body()))


@routes.get("/v1/alerts", ANYONE, {**operation(
    "My alerts (signed in), or the one alert a management token opens", None, "200", ref("AlertList"),
    (401, 403)), "parameters": [q("token", "an anonymous subscriber's management token", schema=identifier(max_length=200))]})
def list_alerts():
    from . import subscriptions
    return http.ok(subscriptions.list_alerts(http.deps(), http.query().get("token")), headers=http.NO_STORE)


@routes.delete("/v1/alerts/{alert_id}", ANYONE, {**operation(
    "Delete an alert: its owner, or with its management token", None, "204", "Deleted", (403, 404)),
    "parameters": [path_param("alert_id"), q("token", "the management token, for anonymous subscribers", schema=identifier(max_length=200))]})
def delete_alert(alert_id):
    from . import subscriptions
    subscriptions.delete_alert(http.deps(), alert_id, http.query().get("token"))
    return http.empty()


@routes.post("/v1/alerts/confirm", ANYONE, operation(
    "Confirm an e-mail or SMS alert (double opt-in) with the token sent to that address", "AlertToken", "200",
    ref("Alert"), (400, 403)))
def confirm_alert():
    from . import subscriptions
    return http.ok(subscriptions.confirm(http.deps(), http.body()), headers=http.NO_STORE)


@routes.get("/v1/alerts/unsubscribe", ANYONE, {**operation(
    "What an unsubscribe link would stop (a GET never unsubscribes: mail scanners follow links)", None, "200",
    "Unsubscribe status", (403,)), "parameters": [TOKEN_Q]})
def unsubscribe_info():
    from . import subscriptions
    token = http.query().get("token")
    return http.ok(subscriptions.unsubscribe(http.deps(), token, commit=False), headers=http.NO_STORE)


@routes.post("/v1/alerts/unsubscribe", ANYONE, {**operation(
    "Unsubscribe (RFC 8058 one-click: form body List-Unsubscribe=One-Click, or empty)", None, "200",
    "Unsubscribed", (403,)), "parameters": [TOKEN_Q]}, content_types=FORM_OR_JSON)
def unsubscribe():
    from . import subscriptions
    token = http.query().get("token")
    return http.ok(subscriptions.unsubscribe(http.deps(), token, commit=True), headers=http.NO_STORE)


@routes.get("/v1/push/vapid-public-key", ANYONE, {
    "summary": "The VAPID public key (RFC 8292) to pass as applicationServerKey to PushManager.subscribe()",
    "responses": {"200": json_response(ref("VapidPublicKey")), **errors(503)}})
def vapid_public_key():
    from . import push
    # The key outlives deployments: caches may keep it for a day.
    return http.ok(push.vapid_public_key(), headers={"Cache-Control": "public, max-age=86400"})


@routes.post("/v1/broadcasts", desk("broadcasts"), {**operation(
    f"Staff: send council news on a topic to its followers in a ward, polygon or circle. At most "
    f"{limits.PER_TOPIC_PER_HOUR} an hour per topic and {limits.PER_STAFF_PER_HOUR} an hour per staff member "
    f"(429 with Retry-After); an Idempotency-Key makes a retry answer the first broadcast", "NewBroadcast", "201", ref("Broadcast"), (400, 404, 422, 429)),
    "parameters": [idempotency_key()]})
def create_broadcast():
    from . import broadcasts
    return http.created(*broadcasts.create(http.deps(), http.body(), http.header("idempotency-key")))


@routes.get("/v1/broadcasts", desk("broadcasts"), {**operation(
    "Staff: the broadcast audit log, newest first", None, "200", ref("BroadcastList"), (400, 422)),
    "parameters": [q("limit", f"1 to {limits.LIST_MAX} (default {limits.LIST_DEFAULT})",
                     schema={"type": "integer", "minimum": 1, "maximum": limits.LIST_MAX}),
                   q("after", "the previous page's `next` (another value: 422)",
                     schema={"type": "string", "minLength": 1})]})
def list_broadcasts():
    from . import broadcasts
    return http.ok(broadcasts.list_broadcasts(http.deps(), http.query()), headers=http.NO_STORE)


@routes.get("/v1/broadcasts/{broadcast_id}", ANYONE, holds=BROADCAST, doc={**operation(
    "One broadcast: the news itself for anyone (a message's link); for staff, the audit entry with "
    "its author, target and how many were told", None, "200", ref("Broadcast"), (404,)),
    "parameters": [path_param("broadcast_id")]})
def get_broadcast(broadcast_id):
    from . import broadcasts
    view = broadcasts.get_broadcast(http.deps(), broadcast_id)
    return http.ok(view, headers=http.NO_STORE if "author" in view else {"Cache-Control": "public, max-age=300"})
