"""A report sent to a body's Open311 server as GeoReport v2 clients send it
(FixMyStreet's Open311 client is the model): POST requests.{format}, form
fields, the body's own service_code, the category's answers as
attribute[...], photo links as media_url, and the reporter's contact details
only where the body is entitled to them. An Idempotency-Key lets a server
that honours it (Doorstep does) answer a retried send with the request it
made the first time."""
from . import wire
from . import wording


def post_request(body, report, service, links, again=False):
    """(the body's service_request_id, None), or (None, its token) when it
    defers the id (GeoReport's tokens: asked for later, tokens.py); or
    BodyUnreachable. again: the body did not answer in time; it is sent once
    more, as a new request saying so."""
    fields = request_fields(body, report, service, links, again)
    key = f"doorstep-{report.id}-{body.id}" + ("-again" if again else "")
    status, _, data = wire.call("POST", f"{body.endpoint}/requests.{body.format}", fields,
                                headers={"Idempotency-Key": key})
    if status >= 300:
        raise wire.BodyUnreachable(wire.error_text(body.format, status, data))
    answer = wire.parse(body.format, data, "service_requests")
    first = answer[0] if answer else {}
    reference = str(first.get("service_request_id") or "").strip()
    token = str(first.get("token") or "").strip()
    if reference:
        return reference[:100], None
    if token:
        return None, token[:100]
    raise wire.BodyUnreachable(wording.NEITHER_ID_NOR_TOKEN)


def request_fields(body, report, service, links, again=False):
    """The form fields, as (name, value) pairs (media_url and attributes repeat)."""
    code = (body.service_codes or {}).get(report.service_code, report.service_code)
    pairs = [("api_key", body.api_key or ""), ("service_code", code),
             ("description", (wording.OPEN311_DESCRIPTION_AGAIN if again else wording.OPEN311_DESCRIPTION)
              .format(description=report.description, page=links["report"]))]
    if body.jurisdiction_id:
        pairs.append(("jurisdiction_id", body.jurisdiction_id))
    if report.lon is not None:
        pairs += [("lat", f"{float(report.lat):.7f}"), ("long", f"{float(report.lon):.7f}")]
    if report.address:
        pairs.append(("address_string", report.address))
    if body.gets_contact:
        contact = report.contact or {}
        first, _, last = (contact.get("name") or "").partition(" ")
        pairs += [(k, v) for k, v in (("first_name", first), ("last_name", last), ("email", contact.get("email")),
                                      ("phone", contact.get("phone"))) if v]
    pairs += [("media_url", url) for url in links["photos"]]
    for name, value in sorted((report.fields or {}).items()):
        for one in value if isinstance(value, list) else [value]:
            pairs.append((f"attribute[{name}]", str(one)))
    pairs += [("attribute[external_id]", report.id), ("attribute[title]", service.get("name", report.service_code))]
    return pairs
