"""What a view needs from the request it serves, and how it answers.

The middleware makes the request current for the view's duration, so a view
reads `body()`, `query()` or `deps()` without being handed the request.
"""
import contextvars
import json
from contextlib import contextmanager

from chalice.app import Response

from .. import wording as words
from ..errors import ApiError, Conflict, ServiceUnavailable, ValidationFailed

JSON = "application/json"
NO_STORE = {"Cache-Control": "no-store"}  # tokens and personal data stay out of caches

_request = contextvars.ContextVar("doorstep_request", default=None)
RETRY_AFTER_S = 1  # a throttled or contended write usually goes through a second later


def set_request(request):
    return _request.set(request)


def reset_request(token):
    _request.reset(token)


def request():
    return _request.get()


ACCESS_REASON = "Access-Reason"  # why an officer opens a person's data (api/openapi.py access_reason: its rule)


def deps():
    """The handlers' dependencies for this request and its caller."""
    from ..auth.principal import current
    from ..deps import default_deps
    return default_deps(principal=current(), client=client(), reason=access_reason())


def access_reason():
    """The Access-Reason header as sent, or None. A header, not the query: the reason can name the caller,
    and a header reaches no access log. Checked and decoded where a reading needs it (reading.py)."""
    return header(ACCESS_REASON)


def body():
    """The JSON object sent, its declared ids and references checked (api/edge.py)."""
    from .edge import check_body
    found = json_body(request())
    check_body(found)
    return found


def query():
    from .edge import check_query
    found = dict(request().query_params or {})
    check_query(found)
    return found


def header(name):
    return (request().headers or {}).get(name)


def client():
    return client_address(request())


@contextmanager
def store_errors_as_api_errors():
    """A store's refusal as an answer (Chalice turns any other exception out
    of a view into a bare 500): throttling is a 503 to retry; a conflict no
    handler explained is a 409."""
    from ..storage.errors import AlreadyExists, EditConflict, Throttled
    try:
        yield
    except Throttled:
        raise ServiceUnavailable(words.BUSY, code="busy",
                                 headers={"Retry-After": str(RETRY_AFTER_S)})
    except EditConflict:
        raise Conflict(words.CHANGED_AT_ONCE, code="edit_conflict")
    except AlreadyExists:
        raise Conflict(words.EXISTS_ALREADY)


def json_body(request):
    raw = request.raw_body
    if not raw:
        raise ValidationFailed([("body", words.BODY_REQUIRED)])
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ApiError(words.BODY_NOT_JSON, code="invalid_json")
    if not isinstance(body, dict):
        raise ValidationFailed([("body", words.BODY_NOT_OBJECT)])
    return body


def client_address(request):
    return ((request.context or {}).get("identity") or {}).get("sourceIp") or "unknown"


def ok(body, status=200, headers=None):
    return Response(body=body, status_code=status, headers={"Content-Type": JSON, **(headers or {})})


def created(view, created, headers=None):
    """201 for a creation; a replay of an earlier one says so (Idempotent-Replayed)."""
    extra = {} if created else {"Idempotent-Replayed": "true"}
    return ok(view, status=201, headers={**NO_STORE, **(headers or {}), **extra})


def redirect(location, headers=None):
    return Response(body="", status_code=302, headers={"Location": location, **(headers or {})})


def empty(status=204):
    return Response(body="", status_code=status)


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
