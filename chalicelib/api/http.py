"""The glue between Chalice requests and handlers: the error middleware,
request bodies and query parameters, and links back to this API."""
import json

from chalice.app import Response

from ..errors import CHALICE_CODES, ApiError, ValidationFailed, error_body

JSON = "application/json"
NO_STORE = {"Cache-Control": "no-store"}  # tokens and personal data stay out of caches


def request_middleware(event, get_response):
    """Per request: who is calling and may they use this route (the policy
    table), every error in the one shape, and the DynamoDB cost header."""
    from ..auth import principal as principals
    from ..storage.metering import metered
    with metered() as meter:
        token = principals.set_current(None)
        try:
            who = _authenticate(event)
            principals.set_current(who)
            _authorise(who, event)
            response = get_response(event)
        except ApiError as e:
            response = Response(body=e.body(), status_code=e.status,
                                headers={"Content-Type": JSON, **e.headers})
            if _is_open311(event):
                response = _open311_error(event, *_open311_describe(e))
                response.headers.update(e.headers)  # Retry-After, WWW-Authenticate
        finally:
            principals.reset_current(token)
        response = _normalise_chalice_error(response, event)
        if meter.exposed:
            response.headers["Server-Timing"] = meter.server_timing()
    return response


def _authenticate(event):
    header = (event.headers or {}).get("authorization")
    if not header:
        return None
    from ..auth.principal import authenticate
    from ..storage.account_store import AccountStore
    return authenticate(header, AccountStore())


def _authorise(who, event):
    from ..auth.policy import require_route
    require_route(who, event.method, (event.context or {}).get("resourcePath"))


def _normalise_chalice_error(response, event=None):
    body = response.body
    if event is not None and response.status_code >= 400 and _is_open311(event):
        return _open311_chalice_error(event, response)
    if response.status_code >= 400 and isinstance(body, dict) and set(body) == {"Code", "Message"}:
        code = CHALICE_CODES.get(body["Code"], "error")
        message = body["Message"]
        if response.status_code == 500:
            message = "Something went wrong on our side; it has been logged."
        response.body = error_body(code, message)
        response.headers["Content-Type"] = JSON
    elif response.status_code >= 400 and isinstance(body, str) and not body.lstrip().startswith("{"):
        # debug tracebacks and plain-text errors never reach a client
        response.body = error_body("internal_error" if response.status_code >= 500 else "error",
                                   "Something went wrong on our side; it has been logged.")
        response.headers["Content-Type"] = JSON
    return response


# Open311 paths answer every error in that spec's shape and the format the
# path asks for. The middleware, not each view, does it so errors raised before
# or around a view (policy, a bad bearer token, Chalice's 405/415, the
# catch-all 404) come out the same as the views' own.
OPEN311_PREFIX = "/open311/"


def _path(event):
    return (event.context or {}).get("path") or getattr(event, "path", "") or ""


def _is_open311(event):
    return _path(event).startswith(OPEN311_PREFIX)


def _open311_describe(error):
    from ..handlers.open311.formats import from_api_error
    return from_api_error(error)


def _open311_error(event, status, descriptions):
    from ..handlers.open311.formats import error_response, format_of
    return error_response(format_of(_path(event)), status, descriptions)


def _open311_chalice_error(event, response):
    if isinstance(response.body, str) and response.body.startswith(("[", "<?xml")):
        return response  # already in the Open311 shape
    body = response.body
    message = body.get("Message") if isinstance(body, dict) and "Message" in body else ""
    if response.status_code >= 500 or not isinstance(message, str) or not message:
        message = "Something went wrong on our side; it has been logged." \
            if response.status_code >= 500 else "The request was not accepted."
    return _open311_error(event, response.status_code, [message])


def json_body(request):
    raw = request.raw_body
    if not raw:
        raise ValidationFailed([("body", "A JSON object is required.")])
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ApiError("The request body is not valid JSON.", code="invalid_json")
    if not isinstance(body, dict):
        raise ValidationFailed([("body", "Must be a JSON object.")])
    return body


def query(request):
    return dict(request.query_params or {})


def client_address(request):
    return ((request.context or {}).get("identity") or {}).get("sourceIp") or "unknown"


def base_url(request, settings):
    """Absolute links: the configured public URL, else what the client used."""
    if settings.public_url:
        return settings.public_url
    headers = request.headers or {}
    host = headers.get("host")
    if not host:
        return ""
    scheme = headers.get("x-forwarded-proto", "http").split(",")[0].strip()
    return f"{scheme}://{host}"


def ok(body, status=200, headers=None):
    return Response(body=body, status_code=status, headers={"Content-Type": JSON, **(headers or {})})


def cacheable(request, body, content_type, max_age):
    """A public, briefly cacheable text body with a strong ETag; a client
    (feed readers do) that sends back a matching If-None-Match gets a bodiless 304."""
    import hashlib
    etag = '"' + hashlib.sha256(body.encode("utf-8")).hexdigest()[:32] + '"'
    headers = {"Cache-Control": f"public, max-age={int(max_age)}", "ETag": etag}
    asked = (request.headers or {}).get("if-none-match") or ""
    tags = {t.strip().removeprefix("W/") for t in asked.split(",")}
    if etag in tags or "*" in tags:
        return Response(body="", status_code=304, headers=headers)
    return Response(body=body, status_code=200, headers={"Content-Type": content_type, **headers})
