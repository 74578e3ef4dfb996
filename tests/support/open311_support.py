"""Reading Open311 answers the way FixMyStreet's client does, and the
schemas strict JSON clients hold them to."""
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import jsonschema

from conftest import jpeg_with_gps  # noqa: F401 (re-exported for the Open311 tests)

# FixMyStreet's XML::Simple options: these are always lists, and the root
# element's name is ignored.
FORCE_ARRAY = {"service", "attribute", "value", "request", "error", "request_update", "group"}
API_KEY = "partner-key-123"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def read_xml(response):
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    text = response.body.decode() if isinstance(response.body, bytes) else response.body
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>')
    return _element(ET.fromstring(text.encode()))


def _element(element):
    children = list(element)
    if not children:
        return element.text or ""
    value = {}
    for child in children:
        item = _element(child)
        if child.tag in FORCE_ARRAY:
            value.setdefault(child.tag, []).append(item)
        elif child.tag in value:  # XML::Simple folds repeats into a list
            previous = value[child.tag]
            value[child.tag] = (previous if isinstance(previous, list) else [previous]) + [item]
        else:
            value[child.tag] = item
    return value


def read_json(response, schema):
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    body = response.json_body
    jsonschema.validate(body, schema)
    return body


def multipart(fields, files=()):
    """(body, headers) as FixMyStreet posts a request with photos: fields
    (lists repeat) and files as (name, filename, content_type, bytes)."""
    boundary = "----doorstep-test"
    parts = [(k, v) for k, values in fields.items() for v in (values if isinstance(values, list) else [values])]
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                    for k, v in parts)
    for name, filename, content_type, data in files:
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                 f'Content-Type: {content_type}\r\n\r\n').encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def post_form(client, path, fields, query=None, headers=None):
    url = f"{path}?{urlencode(query)}" if query else path
    return client.raw.http.post(url, body=urlencode(fields, doseq=True).encode(), headers={**FORM, **(headers or {})})


W3C_UTC = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"
STRING = {"type": "string"}

ERRORS = {"type": "array", "minItems": 1, "items": {
    "type": "object", "required": ["code", "description"], "additionalProperties": False,
    "properties": {"code": {"type": "integer"}, "description": {"type": "string", "minLength": 1}}}}

SERVICES = {"type": "array", "minItems": 1, "items": {
    "type": "object", "additionalProperties": False,
    "required": ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
    "properties": {"service_code": STRING, "service_name": STRING, "description": STRING,
                   "metadata": {"type": "boolean"}, "type": {"enum": ["realtime", "batch", "blackbox"]},
                   "keywords": STRING, "group": STRING}}}

DEFINITION = {"type": "object", "required": ["service_code", "attributes"], "properties": {
    "service_code": STRING,
    "attributes": {"type": "array", "items": {
        "type": "object",
        "required": ["variable", "code", "datatype", "required", "datatype_description", "order", "description"],
        "properties": {
            "variable": {"type": "boolean"}, "code": STRING, "required": {"type": "boolean"},
            "datatype": {"enum": ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]},
            "datatype_description": STRING, "order": {"type": "integer", "minimum": 1}, "description": STRING,
            "values": {"type": "array", "items": {"type": "object", "required": ["key", "name"],
                                                  "additionalProperties": False,
                                                  "properties": {"key": STRING, "name": STRING}}}}}}}}

REQUESTS = {"type": "array", "items": {
    "type": "object",
    "required": ["service_request_id", "status", "service_code", "service_name", "description",
                 "requested_datetime", "updated_datetime", "lat", "long", "media_url"],
    "properties": {
        "service_request_id": STRING, "status": {"enum": ["open", "closed"]}, "status_notes": STRING,
        "service_code": STRING, "service_name": STRING, "description": STRING, "address": STRING,
        "requested_datetime": {"type": "string", "pattern": W3C_UTC},
        "updated_datetime": {"type": "string", "pattern": W3C_UTC},
        "lat": {"type": ["number", "null"]}, "long": {"type": ["number", "null"]}, "media_url": STRING,
        "extended_attributes": {"type": "object"}}}}

CREATED = {"type": "array", "minItems": 1, "maxItems": 1, "items": {
    "type": "object", "required": ["service_request_id", "service_notice"],
    "properties": {"service_request_id": STRING, "service_notice": STRING, "account_id": STRING}}}

DISCOVERY = {"type": "object", "required": ["changeset", "contact", "endpoints"], "properties": {
    "changeset": {"type": "string", "pattern": W3C_UTC}, "contact": STRING, "key_service": STRING,
    "endpoints": {"type": "array", "minItems": 1, "items": {
        "type": "object", "required": ["specification", "url", "type", "formats"],
        "properties": {"formats": {"type": "array", "items": STRING}}}}}}


def graffiti(**place):
    """A partner's graffiti request; `place` says where (lat/long or an address)."""
    return {"api_key": API_KEY, "service_code": "graffiti", "description": "Tags on the shop shutter.",
            "attribute[offensive]": "no", "attribute[surface]": "wall", **place}


def read_back(client, response):
    """The request a successful POST created, read back by its id."""
    assert response.status_code == 200, response.body
    [created] = read_json(response, CREATED)
    [request] = read_json(client.get(f"/open311/v2/requests/{created['service_request_id']}.json"), REQUESTS)
    return request


class FixMyStreetClient:
    """Open311 as FixMyStreet's client speaks it (perllib/Open311.pm, `_request`): a GET
    carries jurisdiction_id in its query string, a POST in its form beside api_key,
    each only when the body it sends to has one; arrays are repeated names, as LWP
    posts a Perl hash; answers are read with XML::Simple's options (read_xml)."""

    def __init__(self, client, jurisdiction=None, api_key=None, headers=None):
        self.client, self.jurisdiction, self.api_key = client, jurisdiction, api_key
        self.headers = dict(headers or {})

    def get(self, path, **params):
        if self.jurisdiction:
            params["jurisdiction_id"] = self.jurisdiction
        url = f"/open311/v2/{path}" + (f"?{urlencode(params)}" if params else "")
        return self.client.raw.http.get(url, headers=self.headers)

    def post(self, path, params):
        params = dict(params)
        if self.jurisdiction:
            params["jurisdiction_id"] = self.jurisdiction
        if self.api_key:
            params["api_key"] = self.api_key
        body = urlencode([(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])])
        return self.client.raw.http.post(f"/open311/v2/{path}", body=body.encode(), headers={**FORM, **self.headers})
