"""Per request: who is calling, may they use this route (its declared rule),
every error in the one shape, and the DynamoDB cost header.

Open311 paths answer every error in that spec's shape and the format the
path asks for; SCIM paths in RFC 7644's (api/scim_errors.py), and their bearer
token is the council's SCIM token, which the views check, not a person's. The middleware, not each view, does it so errors raised before
or around a view (policy, a bad bearer token, Chalice's 405/415, the
catch-all 404) come out the same as the views' own.
"""
from chalice.app import CaseInsensitiveMapping, Response

from ..errors import CHALICE_CODES, ApiError, error_body
from .. import wording as words
from . import http
from .security_headers import API as API_HEADERS

OPEN311_PREFIX = "/open311/"
SORRY = words.SORRY
VIEWER_HOST = "x-doorstep-host"  # the address a resident typed, behind CloudFront (infra/template/site.py)


def for_registry(registry):
    """The Chalice http middleware applying `registry`'s access rules."""
    def middleware(event, get_response):
        from ..auth import principal as principals
        from ..storage.metering import metered
        from .. import tenancy
        _any_type_when_unsaid(event)
        with metered() as meter:
            token = principals.set_current(None)
            request = http.set_request(event)
            council = None
            try:
                with http.store_errors_as_api_errors():
                    council = tenancy.use(_council(registry, event))  # first: sessions, like all else, are a council's
                    _offered(registry, event)
                    who = None if _is_scim(event) else _authenticate(event)
                    principals.set_current(who)
                    _authorise(registry, who, event)
                response = get_response(event)
            except ApiError as e:
                response = Response(body=e.body(), status_code=e.status,
                                    headers={"Content-Type": http.JSON, **e.headers})
                if _is_open311(event):
                    response = _open311_error(event, *_open311_describe(e))
                    response.headers.update(e.headers)  # Retry-After, WWW-Authenticate
                elif _is_scim(event):
                    from .scim_errors import from_api_error
                    response = from_api_error(e)
            finally:
                if council is not None:
                    tenancy.reset(council)
                http.reset_request(request)
                principals.reset_current(token)
            response = _normalise_chalice_error(response, event)
            for name, value in API_HEADERS.items():
                response.headers.setdefault(name, value)
            if meter.exposed:
                response.headers["Server-Timing"] = meter.server_timing()
        return response
    return middleware


def _any_type_when_unsaid(event):
    """A request without Accept accepts any type (RFC 9110, 12.5.1): say so, or Chalice refuses a PDF to a plain
    GET (400 "did not specify an Accept header"), as it refuses a binary answer to one that named no binary type."""
    if "accept" not in event.headers:
        event.headers = CaseInsensitiveMapping({**event.headers, "accept": "*/*"})


def _council(registry, event):
    """The council the request is for: the one its web address is (councils/registry.py,
    its Host header; an address no council has is refused first), unless its route's
    capability names another from the request (Open311's jurisdiction_id) before any read."""
    from ..councils.registry import council_for_host
    headers = event.headers or {}
    # Behind CloudFront the API sees API Gateway's own Host; the address typed comes in
    # X-Doorstep-Host (infra/template/viewer_host.js sets it, whatever the viewer sent).
    at_address = council_for_host(headers.get(VIEWER_HOST) or headers.get("host"))  # 410 where one has left
    chooser = registry.council_chooser(event.method, (event.context or {}).get("resourcePath"))
    chosen = chooser(event) if chooser else None
    if chosen and chosen != at_address:
        from ..councils.registry import refuse_if_ended
        refuse_if_ended(chosen)  # a council that has left, named from the deployment's own address
    return chosen or at_address


def _authenticate(event):
    header = (event.headers or {}).get("authorization")
    if not header:
        return None
    from ..auth.principal import authenticate
    from ..storage.accounts.account_store import AccountStore
    from ..storage.accounts.grants import GrantStore
    return authenticate(header, AccountStore(), GrantStore())


def _authorise(registry, who, event):
    from ..auth.policy import require_route
    path = (event.context or {}).get("resourcePath")
    require_route(who, event.method, path, registry.rule_for(event.method, path))


def _offered(registry, event):
    """A route of a service the council has switched off is not there, whoever asks (404)."""
    from ..councils.services import refuse_if_off
    from .. import tenancy
    path = (event.context or {}).get("resourcePath")
    refuse_if_off(registry.routes.get((event.method, path)), tenancy.current())


def _normalise_chalice_error(response, event=None):
    body = response.body
    if event is not None and response.status_code >= 400 and _is_open311(event):
        return _open311_chalice_error(event, response)
    if event is not None and response.status_code >= 400 and _is_scim(event):
        from .scim_errors import from_chalice
        return from_chalice(response)
    if response.status_code >= 400 and isinstance(body, dict) and set(body) == {"Code", "Message"}:
        code = CHALICE_CODES.get(body["Code"], "error")
        message = body["Message"] if response.status_code != 500 else SORRY
        response.body = error_body(code, message)
        response.headers["Content-Type"] = http.JSON
    elif response.status_code >= 400 and isinstance(body, str) and not body.lstrip().startswith("{"):
        # debug tracebacks and plain-text errors never reach a client
        response.body = error_body("internal_error" if response.status_code >= 500 else "error", SORRY)
        response.headers["Content-Type"] = http.JSON
    return response


def _path(event):
    return (event.context or {}).get("path") or getattr(event, "path", "") or ""


def _is_open311(event):
    return _path(event).startswith(OPEN311_PREFIX)


def _is_scim(event):
    return _path(event).startswith("/scim/")  # api/scim_errors.SCIM_PREFIX, without importing it for every request


def _open311_describe(error):
    from .open311_formats import from_api_error
    return from_api_error(error)


def _open311_error(event, status, descriptions):
    from .open311_formats import error_response, format_of
    return error_response(format_of(_path(event)), status, descriptions)


def _open311_chalice_error(event, response):
    if isinstance(response.body, str) and response.body.startswith(("[", "<?xml")):
        return response  # already in the Open311 shape
    body = response.body
    message = body.get("Message") if isinstance(body, dict) and "Message" in body else ""
    if response.status_code >= 500 or not isinstance(message, str) or not message:
        message = SORRY if response.status_code >= 500 else words.REQUEST_NOT_ACCEPTED
    return _open311_error(event, response.status_code, [message])
