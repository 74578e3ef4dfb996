"""mySociety's Open311 extension for updates (`servicerequestupdates`): the
public timeline across reports for a partner to fetch, and a partner's back
office posting a change of state, which goes through reports.change_state
like a member of staff's.
"""
import json
from datetime import timedelta

from ... import ids, states, visibility
from ...errors import Conflict
from ...stamps import stamp
from ...storage.records import IdempotencyRecord
from . import params
from ...api.open311_formats import Open311Error
from .keys import require_category
from .limits import MAX_RANGE, UPDATE_TEXT_MAX as MAX_TEXT
from ..reports.changes import change_state, update_id
from ..reports.tracking import find_report
from ..shared import idempotency

DEFAULT_RANGE = timedelta(hours=24)  # FixMyStreet asks every few minutes for a short window
MAX_READ = 10_000  # oldest first, so a client that got this many asks again from the last
IDEMPOTENCY_TTL = timedelta(days=365)  # a partner retrying a year later still writes nothing

# mySociety's extended statuses (FixMyStreet sends them uppercase) as
# Doorstep states; lowercase and Doorstep's own state names work too.
STATUSES = {
    "OPEN": "open", "INVESTIGATING": "investigating", "ACTION_SCHEDULED": "action_scheduled",
    "IN_PROGRESS": "in_progress", "FIXED": "fixed", "CLOSED": "closed", "DUPLICATE": "duplicate",
    "NOT_COUNCILS_RESPONSIBILITY": "not_responsible", "NO_FURTHER_ACTION": "no_further_action",
    "UNABLE_TO_FIX": "unable_to_fix", "INTERNAL_REFERRAL": "closed",
    # FixMyStreet's others (perllib/Open311.pm): triage and reopening are
    # open, a cancelled report is closed.
    "FOR_TRIAGE": "open", "REOPEN": "open", "CANCELLED": "closed",
    **{state.upper(): state for state in states.LABELS},
}


def list_updates(deps, query):
    """Entries written in the range, oldest first; private reports left out."""
    start, end = _range(deps, query)
    # Only categories known to be public: a deleted one counts as private.
    services = deps.services.by_code()
    public = visibility.public_categories(services)
    found = []
    for read, update in enumerate(deps.reports.updates_between(start, end), 1):
        # The index holds only what the public timeline shows (no contact
        # details exist on an entry); a private category shows nothing at all.
        if update.service_code in public:
            found.append(update)
        if read >= MAX_READ:
            break
    # A report staff made private shows nothing either, entries from before
    # it was marked included: asked of the reports themselves (one batch read
    # per 100 reports listed), as every other output asks.
    shown = {r.id for r in deps.reports.get_many(sorted({u.report_id for u in found}))
             if visibility.report_is_public(r, services)}
    return [_update(u) for u in found if u.report_id in shown]


def _update(update):
    return {
        "update_id": update_id(update.report_id, update.seq),
        "service_request_id": update.report_id,
        "status": "open" if states.is_open(update.state) else "closed",
        "updated_datetime": stamp(update.created_at),
        "description": update.text or "",
        "media_url": getattr(update, "media_url", None) or "",  # the partner's link, never fetched
        "external_status_code": update.state,  # Doorstep's own state, e.g. in_progress
    }


def post_update(deps, partner, given, pairs=()):
    """Record a partner's update once: a repeat of (partner, update_id)
    answers as the first did and writes nothing. What else FixMyStreet sends
    (names, e-mail, title, attribute[...]) is accepted and not kept: the
    timeline is public. Of several media_url, each is checked and the first
    is shown."""
    problems = [f"{name}: is required." for name in ("service_request_id", "update_id", "status")
                if not given.get(name)]
    if problems:
        raise Open311Error(400, *problems)
    state = STATUSES.get(given["status"].strip().upper())
    if state is None:
        raise Open311Error(400, f"status: {given['status']!s:.40} is not a status Doorstep knows.")
    text = (given.get("description") or "").strip() or None
    if text and len(text) > MAX_TEXT:
        raise Open311Error(400, f"description: at most {MAX_TEXT} characters.")
    sent = [(k, v) for k, v in pairs if k == "media_url"] or [("media_url", given.get("media_url") or "")]
    [media_url, *_] = params.media_urls(sent) or [None]
    if given.get("updated_datetime"):
        params.w3c_datetime(given["updated_datetime"], "updated_datetime")  # checked; our clock orders the timeline
    report = find_report(deps, given["service_request_id"])  # its NotFound leaves as a spec 404
    require_category(partner, report.service_code)

    key = ids.digest(f"open311-update\n{partner.name}\n{given['update_id']}")
    # media_url joins the fingerprint only when sent, so updates recorded
    # before it was stored still match their retries.
    fingerprint = ids.digest(json.dumps([report.id, state, text] + ([media_url] if media_url else []),
                                        ensure_ascii=False))
    earlier = _replay(deps, key, fingerprint)
    if earlier:
        return earlier
    now = deps.clock()
    record = IdempotencyRecord(key=key, fingerprint=fingerprint, resource_id="", created_at=now,
                               expires=now + IDEMPOTENCY_TTL)
    try:
        change_state(deps, report.id, state, text, "council", idempotency=record, media_url=media_url,
                     action="open311_update", by=(f"open311:{partner.name}", None))
    except Conflict:
        # The same update_id committed by a concurrent retry: answer as it did.
        earlier = _replay(deps, key, fingerprint)
        if earlier:
            return earlier
        raise
    return [{"update_id": record.resource_id}]


def _replay(deps, key, fingerprint):
    return idempotency.replay(deps, key, fingerprint, lambda record: [{"update_id": record.resource_id}],
                              Open311Error(400, "update_id: already used for a different update."))


def _range(deps, query):
    end = params.w3c_datetime(query["end_date"], "end_date") if query.get("end_date") else deps.clock()
    start = params.w3c_datetime(query["start_date"], "start_date") if query.get("start_date") else None
    start = start or end - DEFAULT_RANGE
    if start > end:
        raise Open311Error(400, "start_date: must not be after end_date.")
    if end - start > MAX_RANGE:
        raise Open311Error(400, "start_date and end_date: may be at most 90 days apart.")
    return start, end
