"""Field updates (POST /v1/crew/jobs/{id}/updates), safe on a bad signal.

- Idempotency-Key: a phone that lost the answer sends the same request
  again; the retry changes nothing and answers as the first time did (the
  update it made, on the job as it is now). The key's record is written in
  the update's own transaction, so two copies racing make one update.
- If-Match: an update names the job version it was made to; a stale one gets
  409 with the job as it is now, so an offline phone can show what changed.
  A retry is recognised by its key before its (now stale) If-Match is read.
- `done` closes the job and sets the report `fixed` with a public timeline
  entry carrying the after photos, and its event: dispatch tells the
  reporter and followers by their channels, once (alerts/delivery).
  `unable` closes the job and sends the report back to the staff inbox,
  unassigned and flagged, with the reason as an internal note.
  Earlier steps (accepted, en_route, on_site) stay on the job: a resident is
  not told each time a van moves.
- lat/lon move the point of the crew member's job alerts (alerts/crew_points.py).
"""
from datetime import timedelta

from ...auth.grants import acting_as
from ...errors import ApiError, Conflict, Stale, Unacceptable, ValidationFailed
from ...stamps import stamp
from ...storage.errors import AlreadyExists, EditConflict, Throttled
from ...storage.records import IdempotencyRecord
from ..alerts.crew_points import follow
from ..reports import uploads as photo_uploads
from ..shared import idempotency
from ..shared.versions import expected_version
from . import report_outcome, views

from .field_form import read_form
from .limits import UPDATES_MAX
from .wording import (IDEMPOTENCY_KEY_REQUIRED, JOB_CHANGED, JOB_CLOSED, JOB_CLOSED_WHY, JOB_UPDATES_FULL,
                      KEY_USED_FOR_ANOTHER_UPDATE, PHOTO_ATTACHED_ELSEWHERE, REPORT_KEPT_CHANGING)

KEY_TTL = timedelta(days=8)  # longer than a queued update may wait (field_form.SAVED_AT_MAX_AGE_DAYS)
ATTEMPTS = 3  # a staff edit of the report meanwhile: read it again and reapply


def post_update(deps, job_id, body, idempotency_key, if_match):
    """(answer, ETag, created): created is False for a replayed retry."""
    job = views.team_job(deps, job_id)
    if not idempotency_key:
        raise ValidationFailed([("Idempotency-Key", IDEMPOTENCY_KEY_REQUIRED)])
    key = idempotency.request_key(idempotency_key, f"{deps.principal.user_id}#job#{job.id}")
    fingerprint = idempotency.fingerprint(body)
    replay = _replay(deps, key, fingerprint)
    if replay:
        return replay
    expected = expected_version(if_match, "GET /v1/crew/jobs/{id}")
    now = deps.clock()
    form = read_form(body, now)
    try:
        photos = photo_uploads.attach(deps, form["photos"], now)
    except ApiError as e:
        if e.code == "photo_already_used":
            return _replay(deps, key, fingerprint) or _raise(e)
        raise
    for _ in range(ATTEMPTS):
        try:
            _check(deps, job, expected)
        except Stale:
            # A copy of this very press may have committed between the replay
            # above and reading the job: then the job "changed" by this update.
            replay = _replay(deps, key, fingerprint)
            if replay:
                return replay
            raise
        update = {"seq": len(job.updates or []) + 1, "status": form["status"], "note": form["note"],
                  "reason": form["reason"], "photos": [p for _, p in photos], "lat": form["lat"],
                  "lon": form["lon"], "saved_at": form["saved_at"], "received_at": stamp(now),
                  "by": deps.principal.user_id, **acting_as(deps.principal)}
        job.updates = [*(job.updates or []), {k: v for k, v in update.items() if v not in (None, [])}]
        job.updated_at = now
        changes = report_outcome.apply(deps, job, form, update["photos"], now)
        record = IdempotencyRecord(key=key, fingerprint=fingerprint, resource_id=f"{job.id}#{update['seq']}",
                                   created_at=now, expires=now + KEY_TTL)
        uploads = [(u.upload_id, job.report_id, p) for u, p in photos]
        ended = _ending(deps, job, now)
        try:
            deps.reports.apply(changes, jobs=[] if changes else [job], idempotency=record, uploads=uploads,
                               events=[ended] if ended else [])
        except (AlreadyExists, EditConflict, Throttled) as e:
            replay = _replay(deps, key, fingerprint)
            if replay:
                return replay
            if isinstance(e, EditConflict) and e.part == "report":
                job = views.team_job(deps, job.id)  # staff changed the report meanwhile: apply to it again
                continue
            if isinstance(e, EditConflict) and e.part == "upload":
                raise Conflict(PHOTO_ATTACHED_ELSEWHERE, code="photo_already_used")
            if isinstance(e, Throttled):
                raise
            job = views.team_job(deps, job.id)
            raise Stale(_view(deps, job), views.etag(job), JOB_CHANGED)
        if ended is not None:  # its effects' first try; the stream carries out what a crash leaves
            from ..shared.effects import first_try
            first_try(deps, [ended])
        # Where the crew member was is where their phone's job alerts measure "near" from.
        follow(deps, deps.principal.user_id, form["lat"], form["lon"], form["saved_at"])
        return {"job": _view(deps, job), "update": views.update_view(deps, job.updates[-1])}, views.etag(job), True
    raise Conflict(REPORT_KEPT_CHANGING, code="busy")


def _ending(deps, job, now):
    """A job that is not a report's (a bulky collection) ending with this
    update: the event written with it, whose effects its capability carries
    out (`job_ended`: waste/not_collected.py), or None."""
    if not job.details or job.open:
        return None
    from ..shared.events import new_event
    return new_event(deps, "job_ended", now, job_id=job.id, status=job.status,
                     details_kind=(job.details or {}).get("kind"))


def _check(deps, job, expected):
    if int(job.version or 0) != expected:
        raise Stale(_view(deps, job), views.etag(job), JOB_CHANGED)
    if not job.open:
        said = JOB_CLOSED_WHY if job.reason else JOB_CLOSED  # why it ended, when someone else ended it
        raise Stale(_view(deps, job), views.etag(job), said.format(status=job.status, reason=job.reason),
                       code="job_closed")
    if len(job.updates or []) >= UPDATES_MAX:
        raise Stale(_view(deps, job), views.etag(job), JOB_UPDATES_FULL.format(most=UPDATES_MAX),
                       code="job_updates_full")


def _replay(deps, key, fingerprint):
    """The first answer again, for a retry with the same key and body."""
    return idempotency.replay(deps, key, fingerprint, lambda record: _answered(deps, record), Unacceptable(
        KEY_USED_FOR_ANOTHER_UPDATE, code="idempotency_key_reused"))


def _answered(deps, record):
    job_id, seq = record.resource_id.rsplit("#", 1)
    job = deps.jobs.get(job_id)
    update = next(u for u in job.updates if int(u["seq"]) == int(seq))
    return {"job": _view(deps, job), "update": views.update_view(deps, update)}, views.etag(job), False


def _view(deps, job):
    return views.job_view(deps, job, views.report_of(deps, job))


def _raise(error):
    raise error
