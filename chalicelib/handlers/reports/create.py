"""Creating a report: validate it, clean its photos, and store it with its
first timeline entry and event, once, however often a client retries."""
from dataclasses import replace
from datetime import timedelta

from ... import ids, states, tenancy, validation
from ...auth.rules import REPORTS_DESK
from ...errors import ApiError, Conflict, ServiceUnavailable, Unacceptable, ValidationFailed
from ...storage.errors import AlreadyExists, EditConflict, Throttled
from ...storage.records import IdempotencyRecord, Report, TimelineEntry
from ..alerts.subscriptions import own_report_follow
from ..bodies import routing
from ..shared import events, idempotency, placement
from . import across, hooks
from . import uploads as photo_handler
from . import views
from .wording import (CONTACT_NOT_AN_OBJECT, IDEMPOTENCY_KEY_REUSED, IDENTICAL_REQUEST_IN_PROGRESS, NOT_AN_OBJECT,
                      NOT_A_SERVICE, NOT_A_UPRN, NO_REFERENCE_FREE, PHOTOS_AT_MOST, PHOTOS_NOT_A_LIST,
                      PHOTO_ON_ANOTHER_REPORT, PHOTO_TWICE, RECEIVER_TAKES_NONE, REPORT, REQUIRED,
                      REQUIRED_FOR_CATEGORY, STAFF_ONLY_CATEGORY, CONTACT_TO_ANSWER, UPRN_AWAY, UPRN_NOT_HERE, UPRN_WITHOUT_PLACE)
from .limits import ADDRESS_MAX, ADDRESS_NEAR_M, CONTACT_NAME_MAX, DESCRIPTION_MAX, MAX_PHOTOS, SUMMARY_MAX

IDEMPOTENCY_TTL = timedelta(hours=24)
ID_ATTEMPTS = 5


def create_report(deps, body, idempotency_key=None, media_urls=None, address=None, partner=False,
                  on_behalf=None):
    """(view, created) of `_create_report`, the view asking how it went (feedback/): a report made is a
    transaction finished, on the resident's own or by an officer for them (assisted), counted from its
    event (feedback/effects.py) so its making stays one transaction; a partner's (Open311) asks nothing."""
    view, created = _create_report(deps, body, idempotency_key, media_urls, address, partner, on_behalf)
    if not partner and view and view.get("id"):
        from datetime import datetime
        from ..feedback.counting import question
        view["feedback"] = question("reports", view["id"], "assisted" if on_behalf else "online",
                                    datetime.fromisoformat(view["created_at"].replace("Z", "+00:00")))
    return view, created


def _create_report(deps, body, idempotency_key=None, media_urls=None, address=None, partner=False,
                   on_behalf=None):
    """Validate, clean photos, and store a report with its first timeline entry.

    media_urls: links an Open311 partner sent (checked there); stored as they
    are and never fetched. address: the problem's street address line, when
    Open311 placed the report from one (the address table or the geocoder);
    kept to 200 characters. on_behalf: staff taking it for a caller
    (staff/assisted.py): the caller's contact details and channel, their
    follow and the audit entry, written with the report; it belongs to no account.

    Returns (view, created): created is False when an Idempotency-Key replay
    answered with the report an earlier identical request made.
    """
    if not isinstance(body, dict):
        raise ValidationFailed([("body", NOT_AN_OBJECT)])
    caller_id = deps.principal.user_id if deps.principal else None
    user_id = None if on_behalf else caller_id  # whose report it is
    key = idempotency.request_key(idempotency_key, caller_id)
    fingerprint = idempotency.fingerprint(body)
    if key:
        replay = _replay(deps, key, fingerprint)
        if replay:
            return replay, False

    service, values = _validate(deps, body, keep_unknown_fields=partner)
    bodies = routing.route(deps, service, values["lon"], values["lat"])  # who acts on it (outside all: 422)
    holder = across.receiving(bodies)  # another council of the deployment: its inbox, its partitions
    raised = hooks.raiser()
    crew_team, take = raised.crew_team(deps, body) if raised else (None, False)
    if crew_team:
        values["source"] = "crew"
    if holder:
        crew_team, take = None, False  # this council's crews are not the holder's: its staff send its own
    if service.get("staff_only") and not partner and not (deps.principal and deps.principal.opens(REPORTS_DESK)):
        # Staff-only categories (e.g. inspections) are for the council and its
        # back-office partners (Open311 api keys), not for residents.
        raise ValidationFailed([("service_code", STAFF_ONLY_CATEGORY)])
    if on_behalf:
        values["contact"] = on_behalf.contact
    elif user_id:
        values["contact"] = _prefilled(deps, user_id, values["contact"])
    if service.get("contact") == "required" and not (values["contact"].get("email") or values["contact"].get("phone")):
        # The category is answered to its maker (a complaint): one made with no way to answer it cannot be,
        # whoever sends it. A signed-in resident's own email counts, as it is theirs once prefilled.
        raise validation.broken_rules([("contact", CONTACT_TO_ANSWER)])
    token = None if user_id else deps.new_token()
    now = deps.clock()
    here = tenancy.current()  # the site: where the Idempotency-Key and the photos are kept
    try:
        uploads = photo_handler.attach(deps, values["photos"], now)
    except ApiError as e:
        # A retry whose twin committed while this one cleaned photos: the
        # twin's report is the answer, not "photo already used".
        replay = _replay(deps, key, fingerprint) if key and e.code == "photo_already_used" else None
        if replay:
            return replay, False
        raise

    def replay():
        with tenancy.acting_for(here):
            return _replay(deps, key, fingerprint) if key else None

    with across.working_for(deps, holder) as home:  # the report's own council: this one, or its holder
        home_service = _received(home, service) if holder else service
        for _ in range(ID_ATTEMPTS):
            report = Report(
                id=deps.new_report_id(), service_code=service["service_code"], state=states.INITIAL,
                description=values["description"], summary=summarise(values["description"]),
                fields=values["fields"], photos=[p for _, p in uploads], contact=values["contact"],
                user_id=user_id, token_hash=ids.digest(token) if token else None,
                reporter_email_hash=ids.digest(values["contact"]["email"].lower())
                if values["contact"].get("email") else None,
                created_at=now, updated_at=now, update_count=1,
                source=values["source"], media_urls=list(media_urls) if media_urls else None,
                address=(address or values["address"] or "").strip()[:ADDRESS_MAX] or None,
                channel=on_behalf.channel if on_behalf else None, raised_by_team=crew_team,
                site=here if holder else None)
            if values["lon"] is not None:
                report.lon, report.lat = round(values["lon"], 7), round(values["lat"], 7)
            placement.place(home, report)
            jobs = raised.take_as_job(deps, report, now) if take else []
            entry = TimelineEntry(report_id=report.id, seq=1, kind="created", state=report.state,
                                  author="reporter", created_at=now)
            sends = routing.initial_sends(report, [routing.council_body(home)] if holder else bodies, now)
            event = events.report_event(home, "report_created", report, now,
                                        send_to=[s.body_id for s in sends if s.unsettled])
            record = None
            if key:
                record = IdempotencyRecord(key=key, fingerprint=fingerprint, resource_id=report.id,
                                           secret=token, created_at=now, expires=now + IDEMPOTENCY_TTL)
            try:
                follow = on_behalf.follow(report) if on_behalf else \
                    own_report_follow(home, report) if user_id else None
                home.reports.create(report, entry, event, record, [(u.upload_id, p) for u, p in uploads],
                                    follow=follow, audit=on_behalf.audit(report) if on_behalf else None, jobs=jobs,
                                    sends=sends, site=here if holder else None,
                                    copies=[replace(u, report_id=report.id, photo=p, expires=None)
                                            for u, p in uploads] if holder else ())
            except AlreadyExists as e:
                if e.part == "id":
                    continue  # a reference already taken: draw another
                answer = replay()
                if answer:
                    return answer, False
                raise Conflict(IDENTICAL_REQUEST_IN_PROGRESS, code="request_in_progress")
            except EditConflict:  # the upload's condition: attached meanwhile
                raise Conflict(PHOTO_ON_ANOTHER_REPORT, code="photo_already_used")
            except Throttled:
                # A twin with the same Idempotency-Key may hold the items: its answer is ours.
                answer = replay()
                if answer:
                    return answer, False
                raise
            if caller_id:  # a report is a use of the account at the council whose address it was made at
                with tenancy.acting_for(here):
                    deps.presence.seen(caller_id, now)
            view = views.private_view(home, report, home_service, tracking_token=token, sends=sends)
            if holder:
                view["held_by"] = across.council_link(deps, holder, report.id)
            return view, True
    raise ServiceUnavailable(NO_REFERENCE_FREE, code="busy")


def _received(home, service):
    """The holder's own category for a report it receives: it files the report by it."""
    received = home.services.get(service["service_code"])
    if received is None or not received.get("active", True):
        raise Unacceptable(RECEIVER_TAKES_NONE.format(council=home.council.name, service=service.get("name")),
                           code="category_not_taken_here", fields=[{"field": "service_code", "message": NOT_A_SERVICE}])
    return received


def _validate(deps, body, keep_unknown_fields=False):
    problems = validation.Problems(REPORT)
    code = body.get("service_code")
    service = deps.services.get(code) if isinstance(code, str) and code else None
    if not isinstance(code, str) or not code:
        problems.add("service_code", REQUIRED)
    elif service is None or not service.get("active", True):
        # The categories are the council's data, not the document's: a rule (422).
        problems.rule("service_code", NOT_A_SERVICE)
    description = validation.text(body.get("description"), "description", problems, 1, DESCRIPTION_MAX)
    lon = lat = None
    location = (service or {}).get("location", "required")
    has_point = body.get("lat") is not None or body.get("lon") is not None
    if service and (location == "required" or (location == "optional" and has_point)):
        for name in ("lat", "lon"):
            if body.get(name) is None:
                problems.rule(name, REQUIRED_FOR_CATEGORY)
        lat = validation.number(body["lat"], "lat", problems, -90, 90, text_ok=False) if body.get("lat") is not None else None
        lon = validation.number(body["lon"], "lon", problems, -180, 180, text_ok=False) if body.get("lon") is not None else None
    # Each category defines its own fields: what they must hold is a rule too.
    field_problems = validation.Problems()
    fields = validation.extra_fields(service.get("fields", []), body.get("fields"), field_problems,
                                     keep_unknown=keep_unknown_fields) if service else {}
    for name, message in field_problems.items:
        problems.rule(name, message)
    photo_ids = body.get("photos") or []
    if not isinstance(photo_ids, list) or not all(isinstance(p, str) for p in photo_ids):
        problems.add("photos", PHOTOS_NOT_A_LIST)
        photo_ids = []
    elif len(photo_ids) > MAX_PHOTOS:
        problems.add("photos", PHOTOS_AT_MOST.format(most=MAX_PHOTOS))
    elif len(set(photo_ids)) != len(photo_ids):
        problems.add("photos", PHOTO_TWICE)
    contact = _contact(body.get("contact"), problems)
    problems.raise_if_any()
    source = body.get("source") if body.get("source") in ("web", "app", "open311", "api") else "api"
    return service, {"description": description, "lat": lat, "lon": lon, "fields": fields,
                     "photos": photo_ids, "contact": contact, "source": source,
                     "address": _placed_by_address(deps, body.get("uprn"), lat, lon)}


def _placed_by_address(deps, uprn, lat, lon):
    """The address line of the UPRN a resident placed the report by (the
    app's address search), shown with the report as the place's name. It
    must name where the report is: within ADDRESS_NEAR_M of lat/lon."""
    if uprn is None:
        return None
    from ...geo.distance import haversine_m
    from ..places.postcodes import UPRN, by_uprn
    if not isinstance(uprn, str) or not UPRN.match(uprn.strip()):
        raise ValidationFailed([("uprn", NOT_A_UPRN)])
    if lat is None:
        raise validation.broken_rules([("uprn", UPRN_WITHOUT_PLACE)])
    address = by_uprn(deps, uprn)
    if address is None:
        raise validation.broken_rules([("uprn", UPRN_NOT_HERE)])
    away = haversine_m(lon, lat, address.lon, address.lat)
    if away > ADDRESS_NEAR_M:
        raise validation.broken_rules([("uprn", UPRN_AWAY.format(metres=away))])
    return address.text


def _prefilled(deps, user_id, contact):
    """A signed-in reporter's contact details default to their profile."""
    user = deps.accounts.user(user_id)
    profile = {"name": user.name, "email": user.email, "phone": user.phone} if user else {}
    return {k: v for k, v in {**profile, **contact}.items() if v}


def _contact(value, problems):
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add("contact", CONTACT_NOT_AN_OBJECT)
        return {}
    contact = {
        "name": validation.text(value.get("name"), "contact.name", problems, max_len=CONTACT_NAME_MAX),
        "email": validation.email(value.get("email"), "contact.email", problems),
        "phone": validation.phone(value.get("phone"), "contact.phone", problems),
    }
    return {k: v for k, v in contact.items() if v}


def summarise(description):
    """The one line a map pin or a feed shows."""
    line = " ".join(description.split())
    return line if len(line) <= SUMMARY_MAX else line[:SUMMARY_MAX - 1].rstrip() + "…"


def _replay(deps, key, fingerprint):
    return idempotency.replay(deps, key, fingerprint, lambda record: _answered(deps, record), Unacceptable(
        IDEMPOTENCY_KEY_REUSED, code="idempotency_key_reused"))


def _answered(deps, record):
    report = deps.reports.get(record.resource_id)
    if report is None:  # made here and held by another council of the deployment, or gone
        holder = deps.elsewhere.holder(record.resource_id)
        return across.held_view(deps, record.resource_id, holder, answered_with=record.secret) if holder else None
    return views.private_view(deps, report, deps.services.get(report.service_code), tracking_token=record.secret,
                              sends=deps.sends.for_report(report.id))
