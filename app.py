"""Doorstep's HTTP routes. Routes only route: read the request, call a
handler, return. Heavy imports happen inside handlers, on first use."""
from chalice import Chalice, Response

from chalicelib import http
from chalicelib.errors import NotFound

app = Chalice(app_name="doorstep")
app.register_middleware(http.request_middleware, "http")


def deps():
    from chalicelib.auth.principal import current
    from chalicelib.config import settings
    from chalicelib.handlers.deps import default_deps
    return default_deps(http.base_url(app.current_request, settings()), principal=current())


def body():
    return http.json_body(app.current_request)


def client():
    return http.client_address(app.current_request)


@app.route("/v1/health")
def health():
    from chalicelib.handlers import health
    return http.ok(*health.check())


@app.route("/v1/services")
def list_services():
    from chalicelib.handlers import services
    return http.ok(services.list_services(deps()))


@app.route("/v1/services/{service_code}")
def get_service(service_code):
    from chalicelib.handlers import services
    return http.ok(services.get_service(deps(), service_code))


@app.route("/v1/uploads", methods=["POST"])
def create_upload():
    from chalicelib.handlers import photos
    return http.ok(photos.create_upload(deps(), body()), status=201)


@app.route("/v1/photos/{name}")
def photo(name):
    from chalicelib.handlers import photos
    location = photos.photo_location(deps(), name)
    return Response(body="", status_code=302,
                    headers={"Location": location, "Cache-Control": "private, max-age=3000"})


@app.route("/v1/reports", methods=["POST"])
def create_report():
    from chalicelib.handlers import reports
    request = app.current_request
    view, created = reports.create_report(deps(), body(), request.headers.get("idempotency-key"))
    headers = {"Location": view["url"], **http.NO_STORE}
    if not created:
        headers["Idempotent-Replayed"] = "true"
    return http.ok(view, status=201, headers=headers)


@app.route("/v1/reports")
def map_reports():
    from chalicelib.handlers import map
    return http.ok(map.map_reports(deps(), http.query(app.current_request)),
                   headers={"Content-Type": "application/geo+json"})


@app.route("/v1/reports/nearby")
def nearby_reports():
    from chalicelib.handlers import map
    return http.ok(map.nearby(deps(), http.query(app.current_request)),
                   headers={"Content-Type": "application/geo+json"})


@app.route("/v1/reports/{report_id}")
def get_report(report_id):
    from chalicelib.handlers import reports
    token = http.query(app.current_request).get("token")
    view = reports.get_report(deps(), report_id, token=token)
    return http.ok(view, headers=http.NO_STORE if view["view"] == "private" else {})


@app.route("/v1/reports/{report_id}/updates")
def report_updates(report_id):
    from chalicelib.handlers import reports
    return http.ok(reports.get_updates(deps(), report_id))


@app.route("/v1/places")
def places_at_postcode():
    from chalicelib.handlers import places
    return http.ok(places.lookup(deps(), http.query(app.current_request)))


@app.route("/v1/facility-types")
def facility_types():
    from chalicelib.handlers import facilities
    return http.ok(facilities.facility_types(deps()))


@app.route("/v1/nearest")
def nearest_facilities():
    from chalicelib.handlers import facilities
    return http.ok(facilities.nearest(deps(), http.query(app.current_request)),
                   headers={"Content-Type": "application/geo+json"})


@app.route("/v1/auth/register", methods=["POST"])
def register():
    from chalicelib.handlers import auth
    return http.ok(auth.register(deps(), body(), client()), status=202)


@app.route("/v1/auth/login", methods=["POST"])
def login():
    from chalicelib.handlers import auth
    return http.ok(auth.login(deps(), body(), client()), headers=http.NO_STORE)


@app.route("/v1/auth/refresh", methods=["POST"])
def refresh():
    from chalicelib.handlers import auth
    return http.ok(auth.refresh(deps(), body()), headers=http.NO_STORE)


@app.route("/v1/auth/logout", methods=["POST"])
def logout():
    from chalicelib.handlers import auth
    auth.logout(deps(), body())
    return Response(body="", status_code=204)


@app.route("/v1/auth/verify", methods=["POST"])
def verify_email():
    from chalicelib.handlers import auth
    return http.ok(auth.verify_email(deps(), body()))


@app.route("/v1/auth/verify/resend", methods=["POST"])
def resend_verification():
    from chalicelib.handlers import auth
    return http.ok(auth.resend_verification(deps()), status=202)


@app.route("/v1/auth/password-reset", methods=["POST"])
def request_password_reset():
    from chalicelib.handlers import auth
    return http.ok(auth.request_password_reset(deps(), body(), client()), status=202)


@app.route("/v1/auth/password-reset/confirm", methods=["POST"])
def confirm_password_reset():
    from chalicelib.handlers import auth
    return http.ok(auth.confirm_password_reset(deps(), body()))


@app.route("/v1/auth/oidc", methods=["POST"])
def oidc_sign_in():
    from chalicelib.handlers import sso
    return http.ok(sso.sign_in(deps(), body()), headers=http.NO_STORE)


@app.route("/v1/me")
def me():
    from chalicelib.handlers import account
    return http.ok(account.get_me(deps()), headers=http.NO_STORE)


@app.route("/v1/me", methods=["PATCH"])
def update_me():
    from chalicelib.handlers import account
    return http.ok(account.update_me(deps(), body()), headers=http.NO_STORE)


@app.route("/v1/me", methods=["DELETE"])
def delete_me():
    from chalicelib.handlers import account
    account.delete_me(deps())
    return Response(body="", status_code=204)


@app.route("/v1/me/reports")
def my_reports():
    from chalicelib.handlers import account
    return http.ok(account.my_reports(deps()), headers=http.NO_STORE)


@app.route("/v1/me/export")
def export_me():
    from chalicelib.handlers import account
    return http.ok(account.export_me(deps()), headers={
        **http.NO_STORE, "Content-Disposition": 'attachment; filename="my-doorstep-data.json"'})


@app.route("/v1/staff/reports/{report_id}", methods=["PATCH"])
def staff_update_report(report_id):
    from chalicelib.handlers import staff
    return http.ok(staff.update_report(deps(), report_id, body()))


# Open311 GeoReport v2. API Gateway matches whole path segments, so each route
# takes the segment ("services.xml", "DS-7K3F9Q.json") and the handler splits
# it on the last dot; {resource} also serves mySociety's servicerequestupdates. Errors on these paths are rendered in Open311's shape.
OPEN311_POST_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "application/json"]


@app.route("/open311/v2/{resource}")
def open311_resource(resource):
    from chalicelib.handlers import open311
    return open311.get_resource(deps(), resource, http.query(app.current_request))


@app.route("/open311/v2/{resource}", methods=["POST"], content_types=OPEN311_POST_TYPES)
def open311_create(resource):
    from chalicelib.handlers import open311
    request = app.current_request
    return open311.post_resource(deps(), resource, http.query(request), request.raw_body,
                                  request.headers.get("content-type"))


@app.route("/open311/v2/services/{code_format}")
def open311_service(code_format):
    from chalicelib.handlers import open311
    return open311.service_definition(deps(), code_format, http.query(app.current_request))


@app.route("/open311/v2/service/{code_format}")
def open311_service_legacy(code_format):
    # An older client asks for service/{code} rather than services/{code}.
    from chalicelib.handlers import open311
    return open311.service_definition(deps(), code_format, http.query(app.current_request))


@app.route("/open311/v2/requests/{id_format}")
def open311_request(id_format):
    from chalicelib.handlers import open311
    return open311.get_request(deps(), id_format, http.query(app.current_request))


@app.route("/open311/v2/tokens/{token_format}")
def open311_token(token_format):
    from chalicelib.handlers import open311
    return open311.get_token(deps(), token_format, http.query(app.current_request))


@app.route("/openapi.json")
def openapi():
    from chalicelib import openapi
    return http.ok(openapi.spec(app))


# -- alerts --
@app.route("/v1/alerts", methods=["POST"])
def create_alert():
    from chalicelib.handlers import alerts
    view, created = alerts.subscribe(deps(), body())
    headers = {**http.NO_STORE, **({} if created else {"Idempotent-Replayed": "true"})}
    return http.ok(view, status=201, headers=headers)


@app.route("/v1/alerts")
def list_alerts():
    from chalicelib.handlers import alerts
    return http.ok(alerts.list_alerts(deps(), http.query(app.current_request).get("token")),
                   headers=http.NO_STORE)


@app.route("/v1/alerts/{alert_id}", methods=["DELETE"])
def delete_alert(alert_id):
    from chalicelib.handlers import alerts
    alerts.delete_alert(deps(), alert_id, http.query(app.current_request).get("token"))
    return Response(body="", status_code=204)


@app.route("/v1/alerts/confirm", methods=["POST"])
def confirm_alert():
    from chalicelib.handlers import alerts
    return http.ok(alerts.confirm(deps(), body()), headers=http.NO_STORE)


@app.route("/v1/alerts/unsubscribe")
def unsubscribe_info():
    from chalicelib.handlers import alerts
    token = http.query(app.current_request).get("token")
    return http.ok(alerts.unsubscribe(deps(), token, commit=False), headers=http.NO_STORE)


# RFC 8058 one-click: mail providers POST "List-Unsubscribe=One-Click" as a form.
@app.route("/v1/alerts/unsubscribe", methods=["POST"], content_types=OPEN311_POST_TYPES)
def unsubscribe():
    from chalicelib.handlers import alerts
    token = http.query(app.current_request).get("token")
    return http.ok(alerts.unsubscribe(deps(), token, commit=True), headers=http.NO_STORE)


# The events table's stream invokes this function; the event source mapping
# lives in the template (infra/), since on_dynamodb_record would need the
# stream's literal ARN when packaging (chalice#1882).
@app.lambda_function(name="dispatch_events")
def dispatch_events(event, context):
    from chalice.app import DynamoDBEvent
    from chalicelib.handlers import dispatch_sources
    from chalicelib.handlers.deps import default_deps
    dispatch_sources.on_stream(DynamoDBEvent(event, context), default_deps)


# -- feeds --

@app.route("/v1/feeds/reports.rss")
def reports_feed():
    from chalicelib.handlers import feeds
    request = app.current_request
    return http.cacheable(request, feeds.reports_feed(deps(), http.query(request)),
                          feeds.CONTENT_TYPE, feeds.MAX_AGE_SECONDS)


# -- wards --

@app.route("/v1/councillors")
def councillors_at_point():
    from chalicelib.handlers import councillors
    return http.ok(councillors.councillors_at(deps(), http.query(app.current_request)))


# -- bins and place view --

@app.route("/v1/places/{uprn}")
def place(uprn):
    from chalicelib.handlers import place_view
    return http.ok(place_view.place(deps(), uprn))


@app.route("/v1/places/{uprn}/bins.ics")
def bin_calendar(uprn):
    from chalicelib.handlers import bin_calendar
    status, text, headers = bin_calendar.calendar(deps(), uprn, app.current_request.headers.get("if-none-match"))
    return Response(body=text, status_code=status, headers=headers)


# -- push channel --

@app.route("/v1/push/vapid-public-key")
def vapid_public_key():
    from chalicelib.handlers import push
    # The key outlives deployments: caches may keep it for a day.
    return http.ok(push.vapid_public_key(), headers={"Cache-Control": "public, max-age=86400"})


# -- broadcasts --

@app.route("/v1/broadcasts", methods=["POST"])
def create_broadcast():
    from chalicelib.handlers import broadcasts
    request = app.current_request
    view, created = broadcasts.create(deps(), body(), request.headers.get("idempotency-key"))
    headers = {**http.NO_STORE, **({} if created else {"Idempotent-Replayed": "true"})}
    return http.ok(view, status=201, headers=headers)


@app.route("/v1/broadcasts")
def list_broadcasts():
    from chalicelib.handlers import broadcasts
    return http.ok(broadcasts.list_broadcasts(deps(), http.query(app.current_request)), headers=http.NO_STORE)


@app.route("/v1/broadcasts/{broadcast_id}")
def get_broadcast(broadcast_id):
    from chalicelib.handlers import broadcasts
    return http.ok(broadcasts.get_broadcast(deps(), broadcast_id), headers=http.NO_STORE)


# -- last: anything else is a JSON 404 --

@app.route("/{proxy+}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def unknown_route(**_):
    request = app.current_request
    raise NotFound(f"No route for {request.method} {request.context.get('path', '')}.")
