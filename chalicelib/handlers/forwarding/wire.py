"""HTTP to a body's server: one small client, so every call has the same
timeout and every failure reads the same way in the send's last_error."""
import http.client
import json
from urllib.parse import urlencode, urlsplit

from . import wording

TIMEOUT_S = 10  # a body slower than this counts as down for this try
MAX_ANSWER_BYTES = 2 * 1024 * 1024
USER_AGENT = "Doorstep-forwarding/1"
# JSON answers some servers wrap in an object, as their XML has a root
# element: {"service_requests_updates": [...]} (a Confirm-style back office),
# {"service_requests": [...]}. Each root's list is read from any of these.
WRAPPERS = {"service_request_updates": ("service_request_updates", "service_requests_updates", "request_updates",
                                        "request_update"),
            "service_requests": ("service_requests", "requests", "request"),
            "errors": ("errors", "error")}


class BodyUnreachable(Exception):
    """This try failed; the message is what staff see as the last error."""


def call(method, url, fields=None, headers=None, timeout=None):
    """(status, content type, body bytes) of one request; form-encoded fields
    (a POST's body, a GET's query); BodyUnreachable when no answer came."""
    parts = urlsplit(url)
    timeout = timeout or TIMEOUT_S
    form = urlencode(fields or [], doseq=True)
    path = (parts.path or "/") + (("?" + form) if method == "GET" and form else "")
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(parts.hostname, parts.port, timeout=timeout)
    try:
        body = form.encode() if method != "GET" else None
        connection.request(method, path, body=body, headers={
            "User-Agent": USER_AGENT, "Accept": "application/json, application/xml",
            **({"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}),
            **(headers or {})})
        answer = connection.getresponse()
        data = answer.read(MAX_ANSWER_BYTES + 1)
        if len(data) > MAX_ANSWER_BYTES:
            raise BodyUnreachable(wording.ANSWER_TOO_LARGE)
        return answer.status, answer.getheader("Content-Type") or "", data
    except TimeoutError:
        raise BodyUnreachable(wording.NO_ANSWER_WITHIN.format(timeout=timeout))
    except (OSError, http.client.HTTPException) as e:
        raise BodyUnreachable(wording.COULD_NOT_REACH.format(host=parts.hostname, error=e.__class__.__name__,
                                                             detail=e)[:300])
    finally:
        connection.close()


def parse(fmt, data, root):
    """An Open311 answer as a list of dicts (JSON, or XML items under `root`).
    Repeated children (media_url) become lists, as FixMyStreet reads them."""
    try:
        if fmt == "json":
            value = json.loads(data)
            if isinstance(value, dict):
                wrapped = [value[k] for k in WRAPPERS.get(root, ()) if isinstance(value.get(k), list)]
                value = wrapped[0] if wrapped else [value]
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise ValueError("not a list of objects")
            return value
        # No DTD may come in: no entities to expand, nothing fetched (expat
        # resolves no external entities anyway).
        if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
            raise ValueError("a DTD")
        from xml.etree import ElementTree
        items = []
        for element in ElementTree.fromstring(data):
            item = {}
            for child in element:
                text = (child.text or "").strip()
                if child.tag in item:
                    previous = item[child.tag]
                    item[child.tag] = (previous if isinstance(previous, list) else [previous]) + [text]
                else:
                    item[child.tag] = text
            items.append(item)
        return items
    except Exception as e:  # any malformed answer: this try failed, and why
        raise BodyUnreachable(wording.NOT_OPEN311.format(format=fmt.upper(), error=e.__class__.__name__)[:300])


def error_text(fmt, status, data):
    """An Open311 error answer as staff read it: "HTTP 400: service_code is unknown"."""
    words = data[:200].decode("utf-8", "replace")
    for kind in (fmt, "xml" if fmt == "json" else "json"):  # a server may answer errors in the other
        try:
            errors = parse(kind, data, "errors")
            words = "; ".join(str(e.get("description") or e.get("code") or "") for e in errors if e)
            break
        except BodyUnreachable:
            continue
    return f"HTTP {status}: {words}".strip()[:300]
