"""From an event about a report to messages: who must be told (the index
keys the event reads and the exact check of circles) and what. Events
arrive at least once (a stream retries a failed batch, a queue a failed
job); delivery.py makes each person hear of each event once.
"""
from ... import states, visibility
from ...auth.desks import account_opens
from ...auth.grants import grant_at
from ...auth.rules import REPORTS_DESK
from ..shared import placement
from . import targets as alert_targets
from . import form_case_links
from . import wording as W
from .channels import reporters_own
from .delivery import links_base, unsubscribe_links
from .audience import Audience, alerts_under, point_check


def report_audience(deps, event):
    report = deps.reports.get(event.report_id) if event.report_id else None
    if report is None:
        return None
    service = deps.services.get(report.service_code) or {}
    return Audience(lambda: event_keys(deps, event.kind, report, service), _check(report),
                    lambda alert: build_message(deps, event, report, service, alert),
                    hears=_hears(deps, report, service))


def matching_alerts(deps, event_kind, report, service=None):
    """Alerts an event about `report` reaches, in id order, read at once.
    Reads only index rows under the event's keys; circles are checked
    exactly before any alert item is read."""
    service = service if service is not None else deps.services.get(report.service_code) or {}
    return alerts_under(deps, event_keys(deps, event_kind, report, service), _check(report),
                        _hears(deps, report, service))


def event_keys(deps, event_kind, report, service):
    ward = None
    if event_kind == "report_created" and report.lon is not None and deps.wards is not None:
        ward = deps.wards.at_point(float(report.lon), float(report.lat))  # reports carry no ward
    if event_kind == "report_created" and visibility.form_reference(report):
        return []  # the form's copy of the answers told its resident it was sent (forms/copies.py)
    keys = alert_targets.event_keys(report, event_kind, ward.id if ward else None)
    if not visibility.details_are_public(report, service):
        keys = keys[:1]  # a private report reaches only its own followers (and of them, _hears says who)
    return keys


def _hears(deps, report, service):
    """Who of a report's followers may hear of it now, as the report is when
    the message goes (not when they followed): everyone while the public may
    see it; once private, its reporter (their account, or an alert to the
    address or phone they reported with) and staff, nobody else."""
    if visibility.details_are_public(report, service):
        return lambda alert: True
    theirs = reporters_own(report)

    def hears(alert):
        if alert.user_id and alert.user_id == report.user_id:
            return True
        if any((channel, (address or "").lower() if channel == "email" else address) in theirs
               for channel, address in alert.channels.items() if channel in ("email", "sms") and address):
            return True
        grant = grant_at(deps.accounts.user(alert.user_id), deps.grants) if alert.user_id else None
        return grant is not None and account_opens(grant.role, grant.roles, REPORTS_DESK)  # as its private view
    return hears


def _check(report):
    # Without a place a report has no circle keys, so no row needs the point.
    return point_check(float(report.lon), float(report.lat)) if report.lon is not None else lambda row: True


def for_broadcast(deps, topic, target):
    """Alerts a staff broadcast on `topic` reaches; target as POST
    /v1/broadcasts takes it ({"wards"}, {"polygon"} or {"circle"})."""
    from .broadcast_dispatch import audience
    return audience(deps, topic, target)


def build_message(deps, event, report, service, alert):
    """Title, body and link: the report's public facts only, never the reporter."""
    base = links_base(deps)
    name = service.get("service_name") or service.get("name") or report.service_code
    # The state the event is about: by the time a lagging or redelivered
    # event is dispatched the report may have moved on.
    payload = event.payload or {}
    state = payload.get("state") or report.state
    label = states.LABELS.get(state, state)
    where = f" {placement.place_phrase(report)}" if placement.place_phrase(report) else ""
    if event.kind == "report_created" and alert.kind != "report":
        # Its summary says what and often where, as the map pin does: a neighbour
        # can tell whether it is the one they know without opening the link.
        said = W.REPORT_SAID.format(summary=report.summary) if report.summary else ""
        title = W.NEW_REPORT_NEAR_TITLE.format(name=name)
        body = W.NEW_REPORT_NEAR.format(name=name, where=where, said=said, label=label)
        ttl, urgency = 6 * 3600, "low"
    elif event.kind == "report_created":  # its follower: the reporter, followed at creation
        from ..feedback.effects import report_link
        title = W.REPORT_TITLE.format(report_id=report.id, label=label)
        body = W.REPORT_RECEIVED.format(name=name, where=where, label=label)
        asking = report_link(deps, report)  # how did reporting it go? (its confirmation's question)
        if asking:
            body = W.REPORT_RECEIVED_ASKS.format(body=body, link=asking)
        ttl, urgency = 24 * 3600, "normal"
    elif visibility.form_reference(report):
        title, body = form_case_words(report, label, event.kind == "report_state_changed", payload)
        ttl, urgency = 24 * 3600, "normal"
    else:
        # Followers are not only the reporter: "the", never "your".
        title = W.REPORT_TITLE.format(report_id=report.id, label=label)
        moved = event.kind == "report_state_changed"
        body = (W.REPORT_MOVED if moved else W.REPORT_UPDATED).format(name=name, where=where, label=label)
        notes = payload["text"] if "text" in payload else report.status_notes
        if notes:
            body = W.WITH_NOTES.format(body=body, notes=notes)
        ttl, urgency = 24 * 3600, "normal"
    reference = visibility.form_reference(report)
    form = {"form_reference": reference} if reference else {}
    # A form's case is private: its resident opens its status page by a signed link, not the report's page.
    link = form_case_links.url(base, report, reference) if reference else f"{base}/?report={report.id}"
    return {**form, "event_id": event.id, "title": title, "body": body[:500], "url": link,
            "report_id": report.id, "state": state, "topic": report.id.replace("-", ""),
            "ttl": ttl, "urgency": urgency, **unsubscribe_links(base, alert)}


def form_case_words(report, label, moved, payload):
    """(title, body) of a change to a form's case, as its resident knows it:
    the form they sent and its FM- reference, never the case's DS- one."""
    reference, form = visibility.form_reference(report), visibility.form_title(report)
    title = W.FORM_CASE_TITLE.format(form=form, reference=reference, label=label)
    body = (W.FORM_CASE_MOVED if moved else W.FORM_CASE_UPDATED).format(form=form, reference=reference, label=label)
    notes = payload["text"] if "text" in payload else report.status_notes
    return title, W.WITH_NOTES.format(body=body, notes=notes) if notes else body
