"""Sending the questionnaires that are due: the scheduled `send_questionnaires`
function (app.py; on one machine the local stack runs it every minute).

It reads the due index (storage/crews/questionnaires.py), never the reports
table: a run costs what is due, whatever the number of reports. Each
questionnaire is claimed before anything is sent (due again RESEND_AFTER
later), so two overlapping runs never ask twice, and marked sent after (it
leaves the index). A run that dies between the two leaves it due: a run
after RESEND_AFTER asks again, at least once, and the receiver can tell:
the same Message-ID (the e-mail is keyed by `event_id`) and push topic. The
one-click link carries a token only its reporter receives; a resend's link
has its own, and the earlier one stays open (storage keeps its hash).

The reporter is asked on the channels they follow their own report by (the
alerts' confirmed addresses: a signed-in reporter's follow, or the caller's
contact details staff took it with), as alerts reach them; a reporter with
none is not asked (an address nobody confirmed gets no unasked mail).
"""
import logging

from ... import ids, states
from ...notify.deliver import deliver as deliver_message
from ..alerts.channels import reporters_own
from ..shared import placement
from ..alerts.delivery import links_base, unsubscribe_links
from .limits import ASKED_STATES, RESEND_AFTER, SEND_BATCH
from .wording import ASKED_BODY, ASKED_TITLE

log = logging.getLogger(__name__)


def send_due(deps, deliver=deliver_message, limit=SEND_BATCH):
    """Ask every reporter whose questionnaire is due; returns {outcome: count}."""
    now, outcomes = deps.clock(), {}
    for q in deps.questionnaires.due(now, limit):
        outcome = send_one(deps, q, now, deliver)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


def send_one(deps, q, now, deliver):
    report = deps.reports.get(q.report_id)
    if report is None or report.state not in ASKED_STATES:
        deps.questionnaires.set_aside(q.report_id, q.due_at)  # open again: its next close asks
        return "not_closed"
    reach = reporter_addresses(deps, report)
    if not reach:
        deps.questionnaires.set_aside(q.report_id, q.due_at, "unreachable")
        return "unreachable"
    token, resend_at = deps.new_token(), now + RESEND_AFTER
    if not deps.questionnaires.claim(q, ids.digest(token), now, sorted({channel for _, channel, _ in reach}),
                                     resend_at):
        return "already"
    from ...faults import boundary
    boundary("questionnaire.claimed")
    base = links_base(deps)
    sent = []
    for alert, channel, address in reach:
        try:
            sent.append(deliver(channel, address, message(deps, report, base, token, alert), deps.settings, now,
                                deps.new_opaque_id))
        except Exception:  # one channel's bug must not stop the run: a bug, not a crash, so it is not retried
            log.exception("questionnaire for %s on %s raised", report.id, channel)
    boundary("questionnaire.delivered")
    deps.questionnaires.sent(q.report_id, resend_at)
    return "sent" if "sent" in sent else "failed"


def reporter_addresses(deps, report):
    """[(alert, channel, address)]: the reporter's confirmed ways of hearing
    about this report, each address once."""
    theirs = reporters_own(report)
    found, seen = [], set()
    for alert in _followers(deps, report):
        own = report.user_id is not None and alert.user_id == report.user_id
        for channel, address in sorted(alert.channels.items()):
            key = (channel, address["endpoint"] if channel == "push" else str(address).lower())
            if channel in (alert.pending or []) or key in seen:
                continue
            if own or (alert.user_id is None and (channel, key[1]) in theirs):
                seen.add(key)
                found.append((alert, channel, address))
    return found


def _followers(deps, report):
    rows = deps.alerts.rows(f"report#{report.id}")
    return deps.alerts.get_many(sorted({row.alert_id for row in rows}))


def message(deps, report, base, token, alert):
    """The question, the report's public facts and the one-click link; never the reporter."""
    service = deps.services.get(report.service_code) or {}
    name = service.get("name") or report.service_code
    label = states.LABELS.get(report.state, report.state)
    where = f" {placement.place_phrase(report)}" if placement.place_phrase(report) else ""
    return {"event_id": f"questionnaire-{report.id}", "title": ASKED_TITLE.format(report_id=report.id),
            "body": ASKED_BODY.format(category=name, where=where, status=label),
            "url": f"{base}/questionnaire?report={report.id}&token={token}", "report_id": report.id,
            "state": report.state, "topic": f"q{report.id.replace('-', '')}", "ttl": 7 * 86400,
            "urgency": "low", **unsubscribe_links(base, alert)}
