"""How a job looks to its crew: a line of their list (a GeoJSON feature) and
the whole job. Both are built by listing what a crew needs, never by
removing what it must not see: the reporter's name, e-mail and phone are
not among them, so no new field of a report can leak here by being forgotten.
"""
from ... import states, visibility
from ...errors import NotFound
from ...stamps import stamp
from ..reports import views as report_views
from ..shared import placement
from ..shared.placement import today
from .limits import OTHER_WORK
from .wording import NO_JOB

DESCRIPTION_SHORT = 140  # characters of the description a list line shows


def etag(job):
    return f'"{int(job.version or 0)}"'


def navigation(lon, lat):
    """A geo: URI (RFC 5870): phones open it in their maps app for directions."""
    return None if lon is None else f"geo:{float(lat):.6f},{float(lon):.6f}"


def feature(deps, job, service_names, distance_m=None):
    """One line of a crew's list: a GeoJSON Feature (geometry null for a job with no place)."""
    props = {
        "report_id": job.report_id, "status": job.status, "priority": job.priority, "due": job.due,
        "overdue": bool(job.due and job.due < today(deps)), "service_code": job.service_code,
        "service_name": service_names.get(job.service_code) or OTHER_WORK.get(job.service_code, job.service_code),
        "description": _short(job.summary), "navigation": navigation(job.lon, job.lat),
        "updated_at": stamp(job.updated_at), "url": f"{deps.base_url}/v1/crew/jobs/{job.id}",
    }
    if distance_m is not None:
        props["distance_m"] = round(distance_m, 1)
    geometry = None if job.lon is None else {
        "type": "Point", "coordinates": [round(float(job.lon), 6) + 0.0, round(float(job.lat), 6) + 0.0]}
    return {"type": "Feature", "id": job.id, "geometry": geometry, "properties": props}


def job_view(deps, job, report):
    """What the crew needs to do the work, and the job's version."""
    service = {} if job.details else deps.services.get(job.service_code) or {}
    view = {
        "id": job.id, "report_id": job.report_id, "team": job.team, "status": job.status, "open": job.open,
        "reason": job.reason, "priority": job.priority, "due": job.due,
        "overdue": bool(job.open and job.due and job.due < today(deps)), "instructions": job.instructions,
        "assigned_at": stamp(job.assigned_at), "updated_at": stamp(job.updated_at), "closed_at": stamp(job.closed_at),
        "service_code": job.service_code,
        "service_name": service.get("name") or OTHER_WORK.get(job.service_code, job.service_code),
        "navigation": navigation(job.lon, job.lat),
        "location": None if job.lon is None else {"lat": float(job.lat), "lon": float(job.lon)},
        "updates": [update_view(deps, u) for u in job.updates or []],
        "version": int(job.version or 0), "url": f"{deps.base_url}/v1/crew/jobs/{job.id}",
    }
    if job.details:
        view.update(_details(job.details))
    elif report is not None:
        view.update({
            "report_status": report.state, "report_status_label": states.LABELS.get(report.state, report.state),
            # Answers the category marks private (who dumped it, an address) are staff's, not the crew's.
            "description": report.description, "fields": {
                k: v for k, v in (report.fields or {}).items() if k in visibility.public_fields(service)},
            "photos": [report_views.photo_url(deps, p) for p in report.photos or []],
            "address": report.address, "place_text": placement.place_text(report),
            "reported_at": stamp(report.created_at),
        })
    return view


def _details(details):
    """A job that is not a report's (a bulky collection): the address, the
    items and where they are left, the resident's notes for the crew; never
    the resident's name, e-mail or phone (the job never holds them)."""
    items = list(details.get("items") or [])
    return {"address": details.get("address"), "description": ", ".join(items),
            "collection": {"kind": details.get("kind"), "booking_id": details.get("booking_id"), "items": items,
                           "location": details.get("location") or None, "notes": details.get("notes") or None}}


def report_of(deps, job):
    """The job's report; None for a job that is not a report's (no read)."""
    return None if job.details else deps.reports.get(job.report_id)


def update_view(deps, update):
    """A field update as stored on the job, its photos as links."""
    shown = {k: update.get(k) for k in ("seq", "status", "note", "reason", "lat", "lon", "saved_at", "received_at",
                                        "by")}
    shown["photos"] = [report_views.photo_url(deps, p) for p in update.get("photos") or []]
    return shown


def team_job(deps, job_id):
    """The caller's team's job: another team's, like an unknown one, is a 404
    (a crew cannot learn which jobs exist elsewhere)."""
    job = deps.jobs.get(job_id) if isinstance(job_id, str) and len(job_id) <= 64 else None
    if job is None or job.team != deps.principal.team:
        raise NotFound(NO_JOB, code="job_not_found")
    return job


def get_job(deps, job_id):
    """(view, ETag)."""
    job = team_job(deps, job_id)
    return job_view(deps, job, report_of(deps, job)), etag(job)


def _short(text):
    text = " ".join((text or "").split())
    return text if len(text) <= DESCRIPTION_SHORT else text[:DESCRIPTION_SHORT - 1].rstrip() + "…"
