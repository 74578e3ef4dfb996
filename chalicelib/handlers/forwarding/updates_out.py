"""The council's own public words on a forwarded report (a state, an
update) passed on to each Open311 body that has it, as FixMyStreet posts
updates: POST servicerequestupdates.{format} with the body's reference, our
update id (so a retry records nothing twice at a server that dedupes on it,
as Doorstep does) and the extended status. The body's id for it is kept on
the send, so reading the body's updates back skips our own words.

A body whose endpoint does not take updates (404, 400, 405, 501) is not
asked again for that update; one that is down fails the job, which the
queue tries again (then its dead-letter queue keeps it)."""
import logging
from dataclasses import replace

from ...stamps import stamp
from ...storage.errors import EditConflict
from . import wire

log = logging.getLogger("doorstep.forwarding")
UNSUPPORTED = {400, 404, 405, 501}
ECHOES_KEPT = 50


def forward_update(deps, report_id, seq):
    """Returns how many bodies took the update."""
    targets = [s for s in deps.sends.for_report(report_id)
               if s.method == "open311" and s.reference and s.state == "sent"]
    if not targets:
        return 0
    entry = next((u for u in deps.reports.updates(report_id) if int(u.seq) == seq), None)
    if entry is None:
        return 0
    taken = 0
    for send in targets:
        body = deps.bodies.get(send.body_id)
        if body is None or not body.endpoint:
            continue
        theirs = _post(body, send, report_id, entry)
        if theirs:
            _remember(deps, send, theirs)
            taken += 1
    return taken


def _post(body, send, report_id, entry):
    fields = [("api_key", body.api_key or ""), ("service_request_id", send.reference),
              ("update_id", f"{report_id}-{int(entry.seq)}"), ("status", entry.state.upper()),
              ("updated_datetime", stamp(entry.created_at)), ("description", entry.text or "")]
    if body.jurisdiction_id:
        fields.append(("jurisdiction_id", body.jurisdiction_id))
    status, _, data = wire.call("POST", f"{body.endpoint}/servicerequestupdates.{body.format}", fields)
    if status in UNSUPPORTED:
        log.info("%s does not take update %s-%s: %s", body.id, report_id, entry.seq,
                 wire.error_text(body.format, status, data))
        return None
    if status >= 300:
        raise wire.BodyUnreachable(wire.error_text(body.format, status, data))  # the queue tries again
    answer = wire.parse(body.format, data, "service_request_updates")
    return str((answer[0] if answer else {}).get("update_id") or "") or None


def _remember(deps, send, their_id):
    for _ in range(3):
        current = deps.sends.get(send.report_id, send.body_id) or send
        echoes = [e for e in (current.echoes or []) if e != their_id][-(ECHOES_KEPT - 1):] + [their_id]
        try:
            deps.sends.save(replace(current, echoes=echoes))
            return
        except EditConflict:
            continue
