"""Open311 GeoReport v2 on the wire: `{name}.{format}` path segments, JSON and
XML bodies, and the spec's error list.

Strict clients decide what is built here: bare top-level JSON arrays, string
ids, JSON booleans, an XML prolog, and every error as a list of
{code, description} in the format the client asked for, never the /v1 shape.
"""
import json
import os
import re

from chalice.app import Response

from .. import wording as words
from ..errors import ApiError

FORMATS = ("json", "xml")
JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"
PROLOG = '<?xml version="1.0" encoding="utf-8"?>\n'

# Characters XML 1.0 cannot carry even escaped; ElementTree writes them as
# they are, and the document would not parse. Echoed input can hold them.
# What XML 1.0 cannot hold: the complement of its Char production
# (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]),
# spelled as a positive class: the negated form took ~9 ms to compile on every cold start.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# The element each item of a list is wrapped in (XML has no arrays).
ITEM_NAMES = {"services": "service", "service_requests": "request", "attributes": "attribute",
              "values": "value", "endpoints": "endpoint", "formats": "format", "errors": "error",
              "service_request_updates": "request_update"}


class Open311Error(ApiError):
    """An error only Open311 raises, with one or more descriptions. It is an
    ApiError so it leaves the view the same way; the middleware renders every
    error on an Open311 path in that spec's shape (chalicelib/api/middleware.py)."""

    def __init__(self, status, *descriptions):
        super().__init__(descriptions[0], status=status, code="open311")
        self.descriptions = list(descriptions)


def split(segment):
    """'DS-7K3F9Q.json' -> ('DS-7K3F9Q', 'json'); the last dot decides, so
    codes and ids may contain dots. An unknown or missing format is a 404:
    there is no such document (the error itself is JSON)."""
    name, dot, fmt = (segment or "").rpartition(".")
    if not dot or not name:
        raise Open311Error(404, words.OPEN311_NO_RESOURCE.format(segment=str(segment)[:60]))
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise Open311Error(404, words.OPEN311_FORMAT.format(format=str(fmt)[:20]))
    return name, fmt


def format_of(path):
    """The format a path asks for, for errors raised before the view parsed it."""
    last = (path or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return "xml" if last.lower().endswith(".xml") else "json"


def xml_content_type():
    # Read per call: one validator insists on bare text/xml, and the test
    # client applies environment only while a request runs.
    return os.environ.get("DOORSTEP_OPEN311_XML_CONTENT_TYPE") or XML_TYPE


def respond(fmt, root, data, status=200):
    """data is a list (items named by ITEM_NAMES[root]) or a dict (one object)."""
    if fmt == "xml":
        import xml.etree.ElementTree as ET  # ~5 ms: only XML answers pay for it
        element = ET.Element(root)
        _fill(element, root, data)
        body = PROLOG + ET.tostring(element, encoding="unicode")
        return Response(body=body, status_code=status, headers={"Content-Type": xml_content_type()})
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Response(body=body, status_code=status, headers={"Content-Type": JSON_TYPE})


def error_response(fmt, status, descriptions):
    errors = [{"code": status, "description": d} for d in descriptions]
    return respond(fmt, "errors", errors, status=status)


def _fill(element, name, value):
    import xml.etree.ElementTree as ET
    if isinstance(value, list):
        child_name = ITEM_NAMES.get(name, "item")
        for item in value:
            _fill(ET.SubElement(element, child_name), child_name, item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if item is None and key in ("lat", "long"):
                continue  # no location: leave the elements out rather than empty
            _fill(ET.SubElement(element, key), key, item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = NOT_XML.sub("\ufffd", str(value))


# /v1 validation names back to the names an Open311 client sent.
FIELD_NAMES = {"lon": "long", "contact.name": "first_name", "contact.email": "email",
               "contact.phone": "phone", "body": "request"}
# Open311 clients know 400, 403 and 404; "valid but unacceptable" is bad input to them.
STATUSES = {409: 400, 422: 400}


def from_api_error(error):
    """(status, descriptions) for an ApiError raised by the shared domain code."""
    status = STATUSES.get(error.status, error.status)
    if isinstance(error, Open311Error):
        return status, error.descriptions
    if not error.fields:
        return status, [error.message]
    return status, [f"{_field_name(f.get('field', ''))}: {f.get('message', '')}" for f in error.fields]


def _field_name(name):
    if name.startswith("photos"):  # photos[0]: the first photo file part
        return "media" + name[len("photos"):]
    if name.startswith("fields."):
        return f"attribute[{name[len('fields.'):]}]"
    return FIELD_NAMES.get(name, name)
