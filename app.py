"""Doorstep's HTTP routes. Routes only route: read the request, call a
handler, return. Heavy imports happen inside handlers, on first use."""
from chalice import Chalice, Response

from chalicelib import http
from chalicelib.errors import NotFound

app = Chalice(app_name="doorstep")
app.register_middleware(http.error_middleware, "http")


def deps():
    from chalicelib.config import settings
    from chalicelib.handlers.deps import default_deps
    return default_deps(http.base_url(app.current_request, settings()))


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
    return http.ok(photos.create_upload(deps(), http.json_body(app.current_request)), status=201)


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
    view, created = reports.create_report(
        deps(), http.json_body(request), request.headers.get("idempotency-key"))
    headers = {"Location": view["url"]}
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
    return http.ok(reports.get_report(deps(), report_id, token=token))


@app.route("/v1/reports/{report_id}/updates")
def report_updates(report_id):
    from chalicelib.handlers import reports
    return http.ok(reports.get_updates(deps(), report_id))


@app.route("/openapi.json")
def openapi():
    from chalicelib import openapi
    return http.ok(openapi.spec(app))


@app.route("/{proxy+}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def unknown_route(**_):
    request = app.current_request
    raise NotFound(f"No route for {request.method} {request.context.get('path', '')}.")
