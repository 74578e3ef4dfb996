"""Open311 GeoReport v2 over the same domain functions as /v1: services come
from the same store, requests are reports made by `reports.create_report` and
shown through `views.public_view`. Only the wire format differs, and it lives
in chalicelib/open311/.

Every error here is raised (Open311Error, or the shared ApiErrors); the
middleware renders errors on /open311/ paths in the spec's shape. The council
a request is for, its jurisdiction_id's or its address's, is set before the
view runs (jurisdiction.py).
"""
from ... import ids, states, visibility
from . import params, serialise
from ...api.open311_formats import Open311Error, respond, split
from .limits import DEFAULT_LIMIT, MAX_CODES, MAX_IDS, MAX_RANGE
from ..reports.tracking import find_report

# Creating a request (report creation, photos, addresses, a geocoder, partner
# keys) and updates are imported where they are used: a partner's first GET of
# services or of a request does not pay for the whole write path.

MAX_READ = 10_000  # a listing stops reading here, whatever it found
STREAM_PAGE = 100  # a filtered listing merges one Query per category and month, a page at a time


def get_resource(deps, segment, query):
    name, fmt = split(segment)
    if name == "discovery":
        return respond(fmt, "discovery", serialise.discovery(deps.base_url, deps.council))
    if name == "services":
        # Inactive categories stay listed with the mySociety `inactive`
        # keyword, so partners keep showing their old reports.
        return respond(fmt, "services", [serialise.service(s) for s in deps.services.all()])
    if name == "requests":
        return respond(fmt, "service_requests", list_requests(deps, query))
    if name == "servicerequestupdates":
        from . import updates as open311_updates
        return respond(fmt, "service_request_updates", open311_updates.list_updates(deps, query))
    raise Open311Error(404, f"No Open311 resource {name!s:.40}.")


def service_definition(deps, segment):
    code, fmt = split(segment)
    return respond(fmt, "service_definition", serialise.definition(_service(deps, code)))


def get_request(deps, segment):
    report_id, fmt = split(segment)
    report = find_report(deps, report_id)  # its NotFound leaves as a spec 404
    service = deps.services.get(report.service_code) or {}
    return respond(fmt, "service_requests", [serialise.request(deps, report, service)])


def get_token(deps, segment):
    # POST answers with service_request_id at once, so no token is ever handed
    # out to look up; the route exists so a client asking gets a spec 404.
    token, fmt = split(segment)
    raise Open311Error(404, f"No token {token!s:.40}: requests are answered with "
                            "service_request_id directly.")


def list_requests(deps, query):
    services = deps.services.by_code()
    wanted_ids = [i.strip() for i in (query.get("service_request_id") or "").split(",") if i.strip()]
    if wanted_ids:  # the spec: other filters are ignored when ids are given
        if len(wanted_ids) > MAX_IDS:
            raise Open311Error(400, f"service_request_id: at most {MAX_IDS} ids.")
        normal = [ids.normalise_report_id(i) for i in wanted_ids]
        found = deps.reports.get_many([i for i in dict.fromkeys(normal) if ids.is_report_id(i)])
        # A listing names only reports the public may see (requests/{id} shows a private one's status).
        return [serialise.request(deps, r, services.get(r.service_code)) for r in found
                if visibility.report_is_public(r, services)]

    codes = {c.strip() for c in (query.get("service_code") or "").split(",") if c.strip()}
    if len(codes) > MAX_CODES:
        raise Open311Error(400, f"service_code: at most {MAX_CODES} codes.")
    status = (query.get("status") or "").strip().lower()
    wanted_states = _states(status)
    start, end = _date_range(deps, query)
    page = params.positive_int(query.get("page"), "page", 1, 1000)
    page_size = params.positive_int(query.get("page_size") or query.get("limit"), "page_size",
                                    DEFAULT_LIMIT, DEFAULT_LIMIT)
    skip = (page - 1) * page_size
    wanted = skip + page_size
    buckets = sorted({states.bucket(s) for s in wanted_states})
    if codes or len(buckets) == 1:
        # A filter reads its categories' (and status's) own partitions: about
        # what it returns. Without one, every category: the month index.
        reports = deps.reports.created_between_in(codes or set(services), buckets, start, end,
                                                  page_size=min(wanted, STREAM_PAGE))
    else:
        reports = deps.reports.created_between(start, end, page_size=min(wanted, 1000))
    found, read = [], 0
    for report in reports:
        read += 1
        if (not codes or report.service_code in codes) and report.state in wanted_states \
                and visibility.report_is_public(report, services):
            if skip:
                skip -= 1
            else:
                found.append(report)
                if len(found) == page_size:
                    break
        if read >= MAX_READ:
            break
    return [serialise.request(deps, r, services.get(r.service_code)) for r in found]


def post_resource(deps, segment, query, request, idempotency_key=None):
    """POST requests.{format} or servicerequestupdates.{format}, by a partner
    system named by its api_key (the council's: the request is its council's
    already). An Idempotency-Key (not in GeoReport v2, sent by Doorstep's own
    forwarding) makes a retried request answer with the request it made the
    first time."""
    from . import keys, updates as open311_updates
    name, fmt = split(segment)
    if name not in ("requests", "servicerequestupdates"):
        raise Open311Error(404, f"No Open311 resource {name!s:.40} to post to.")
    pairs, files = params.posted(request)
    given = params.given(query, pairs)
    partner = keys.partner_for(given.get("api_key"))
    if name == "servicerequestupdates":
        # Photo file parts on an update are not read (yet): media_url is.
        return respond(fmt, "service_request_updates", open311_updates.post_update(deps, partner, given, pairs))
    return respond(fmt, "service_requests", create_request(deps, partner, given, pairs, files, idempotency_key))


def create_request(deps, partner, given, pairs, files=(), idempotency_key=None):
    """A report through the same create_report as /v1. Photo file parts become
    uploads, as a phone's are, so create_report cleans them (EXIF/GPS gone);
    media_url links are checked, stored and shown, never fetched."""
    from . import keys
    from ..reports import uploads as photos, create as reports
    code = given.get("service_code")
    service = deps.services.get(code) if code else None
    if code and (service is None or not service.get("active", True)):
        raise Open311Error(404, f"No service {code!s:.40}.")
    if code:
        keys.require_category(partner, code)
    address = None  # the problem's street address, shown as the request's `address`
    if ("lat" not in given or "long" not in given) and (given.get("address_string") or given.get("address_id")):
        point, address = _point_of_address(deps, given)
        given = {**given, **point}
    media_urls = params.media_urls(pairs)
    full_name = " ".join(p for p in (given.get("first_name"), given.get("last_name")) if p)
    contact = {k: v for k, v in {"name": full_name, "email": given.get("email"),
                                 "phone": given.get("phone")}.items() if v}
    body = {"service_code": code, "description": given.get("description"),
            "lat": _form_number(given.get("lat")), "lon": _form_number(given.get("long")),
            "fields": params.attributes(pairs, service), "contact": contact or None,
            "source": "open311"}
    # Stored after the checks above; an upload create_report then refuses
    # (bad fields, not a photo) is never attached and expires, as /v1's do.
    if files:
        body["photos"] = [photos.store_upload(deps, f.data, f.content_type) for f in files]
    # The caller is a partner system named by its api_key; a bearer token sent
    # along must not make the report someone's own or prefill their details.
    key = f"open311:{partner.name}:{idempotency_key.strip()}" if idempotency_key else None
    view, _ = reports.create_report(deps.replace(principal=None), body, key, media_urls=media_urls, partner=True,
                                   address=address)
    return [{
        "service_request_id": view["id"],
        "service_notice": (service or {}).get("notice") or "",
        "account_id": "",
    }]


def _point_of_address(deps, given):
    """lat, long and the address line for a request that names its place by
    address_id (a UPRN, which wins when both are sent) or address_string. A
    string the address table cannot place goes to the geocoder, when one is
    configured (DOORSTEP_GEOCODER), which must place it inside the service area."""
    from ...geo import geocoder
    from ..places import postcodes as places
    if given.get("address_id"):
        address = places.by_uprn(deps, given["address_id"])
        if address is None:
            raise Open311Error(400, f"unknown address_id {given['address_id']!s:.40}: send lat and long, "
                                    "or a UPRN this council knows.")
        return {"lat": str(address.lat), "long": str(address.lon)}, address.text
    address, why = places.match_text(deps, given["address_string"])
    if address is not None:
        return {"lat": str(address.lat), "long": str(address.lon)}, address.text
    if geocoder.configured():
        try:
            place, geocoder_why = geocoder.geocode(given["address_string"], deps.area)
        except geocoder.GeocoderUnavailable:
            raise Open311Error(503, "address lookup unavailable, send lat and long.") from None
        if place is not None:
            return {"lat": str(place.lat), "long": str(place.lon)}, place.address
        why = f"{why}; {geocoder_why}"
    raise Open311Error(400, f"address_string could not be placed ({why}): send lat and long, or a "
                            "known address with its house number and postcode.")


def _service(deps, code):
    service = deps.services.get(code)
    if service is None:  # inactive ones keep their definition: they are listed too
        raise Open311Error(404, f"No service {code!s:.40}.")
    return service


def _states(status):
    if status in ("", "open,closed", "closed,open"):
        return set(states.LABELS)
    if status == "open":
        return set(states.OPEN_STATES)
    if status == "closed":
        return set(states.CLOSED_STATES)
    raise Open311Error(400, "status: must be open or closed.")


def _date_range(deps, query):
    end = params.w3c_datetime(query["end_date"], "end_date") if query.get("end_date") else None
    start = params.w3c_datetime(query["start_date"], "start_date") if query.get("start_date") else None
    end = end or (start + MAX_RANGE if start else deps.clock())
    start = start or end - MAX_RANGE
    if start > end:
        raise Open311Error(400, "start_date: must not be after end_date.")
    if end - start > MAX_RANGE:
        raise Open311Error(400, "start_date and end_date: may be at most 90 days apart.")
    return start, end


def _form_number(value):
    """A form's number is text; /v1's JSON body wants a number, so a
    well-formed one is turned into one here and anything else left for
    create_report to refuse by name."""
    try:
        return float(value) if isinstance(value, str) else value
    except ValueError:
        return value
