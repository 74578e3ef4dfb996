"""A report passed by the council holding it to another council of the
deployment (handlers/staff/passing.py), in one transaction: the report and
everything kept under its reference (its timeline, its followers and their
index rows, its "me too"s, its photos' rows) leave the passing council's
partitions for the receiving council's, with the receiving council's inbox
rows, send, audit line, public entry and event; the passing council keeps its
own audit line and a pointer naming the receiver (storage/reports/reports_elsewhere.py),
and the council it was made with, when it is neither, has its pointer moved on.

The report's version fences the pass: a change made meanwhile (or a second
pass) fails it whole. DynamoDB takes 100 items in a transaction: a report with
more to move than that cannot be passed (TooMuchToPass); the passing council's
inbox rows, which only list it, are the one part deleted after the commit when
they do not fit, so that a report's move never waits on its listing."""
from dataclasses import dataclass, field, replace

from ... import tenancy
from ..binding import model_of, record_of, transaction, writes

MOST = 100  # DynamoDB's actions in one TransactWriteItems


class TooMuchToPass(Exception):
    """More rows live under the report than one transaction can move."""


@dataclass
class Passing:
    """What the handler decided: the report as read (its version fences the pass), the
    report as the receiver holds it, and the lines each council writes of it."""
    report: object  # records.Report, as the passing council holds it
    received: object  # records.Report, as the receiving council will (site and passed set)
    to: str  # the receiving council's id
    write: object  # records.ReportWrite of the receiver's side: its audit line, public entry and event
    audit: object  # records.AuditEntry: the passing council's line
    send: object  # records.Send: the receiver's own inbox has it
    withdrawn: list = field(default_factory=list)  # the passer's sends still on their way, withdrawn


def pass_report(p):
    """Move the report as `p` says. EditConflict("report") when it changed since read;
    AlreadyExists("received") when the receiver holds a report under that reference."""
    from ..alerts.alerts import AlertIndexModel, AlertModel, alert_model
    from ..records import Alert
    from ..staff.audit import AuditModel, audit_model
    from ..staff.inbox import keys, stale
    from .report_store import _save_report, entry_model, event_model
    from .reports import ReportModel, ReportUpdateModel
    from .reports_elsewhere import ElsewhereModel, pointer
    from ..bodies.sends import send_model
    from .supporters import SupporterModel
    from .uploads import UploadModel, keep_photo
    held, passer, site = p.report, tenancy.current(), p.received.site
    entries = list(ReportUpdateModel.query(held.id))
    followers = _got(AlertModel, [row.alert_id for row in AlertIndexModel.query(f"report#{held.id}")])
    follower_rows = [(a, _got(AlertIndexModel, [(key, a.id) for key in a.index_keys])) for a in followers]
    supporters = list(SupporterModel.query(held.id))
    photos = _got(UploadModel, [photo["name"].split(".")[0] for photo in held.photos or []])
    listed = stale(held, held.inbox_keys, [])
    # Each moved row is a delete here and a put there; then the report's delete and put, the pointers,
    # both audit lines, the public entry, event and send, the withdrawn sends, and the receiver's inbox rows.
    moved = 2 * (len(entries) + sum(1 + len(rows) for _, rows in follower_rows) + len(supporters)) + len(photos)
    if moved + 11 + len(p.withdrawn) + len(keys(p.received)) > MOST:
        raise TooMuchToPass(held.id)
    parts = []
    with writes(parts, exists={"received"}), transaction() as t:
        parts.append("report")
        t.delete(model_of(ReportModel, held))  # its version: a change made since it was read fails the pass
        for entry in entries:
            t.delete(entry)
        t.save(pointer(held, p.to))
        t.save(audit_model(p.audit), condition=AuditModel.seq.does_not_exist())
        for send in p.withdrawn:
            t.save(send_model(send))
        for alert, rows in follower_rows:
            t.delete(alert)
            for row in rows:
                t.delete(row)
        for supporter in supporters:
            t.delete(supporter)
        parts.extend(["entry"] * len(entries) + ["pointer", "audit"] + ["send"] * len(p.withdrawn)
                     + ["follower"] * sum(1 + len(rows) for _, rows in follower_rows) + ["supporter"] * len(supporters))
        with tenancy.acting_for(p.to):
            saved = _save_report(t, parts, p.received, condition=ReportModel.id.does_not_exist())
            parts[parts.index("id")] = "received"
            for entry in entries:
                t.save(entry)
                parts.append("entry")
            t.save(entry_model(p.write.entry, private=p.received.private),
                   condition=ReportUpdateModel.seq.does_not_exist())
            t.save(event_model(p.write.event))
            t.save(audit_model(p.write.audit), condition=AuditModel.seq.does_not_exist())
            t.save(send_model(p.send))
            t.delete(ElsewhereModel(held.id))  # the pointer it kept, when it is the site the report was made at
            parts.extend(["entry", "event", "audit", "send", "pointer"])
            for alert, rows in follower_rows:
                t.save(alert_model(replace(record_of(Alert, alert), version=None)))  # new here: no version yet
                for row in rows:
                    t.save(row)
                parts.extend(["follower"] * (1 + len(rows)))
            for photo in photos:
                keep_photo(t, photo, held.id)
                parts.append("photo")
            for supporter in supporters:
                t.save(supporter)
                parts.append("supporter")
        if site and site not in (passer, p.to):
            with tenancy.acting_for(site):
                t.save(pointer(held, p.to))
                parts.append("pointer")
        room = MOST - len(parts)
        for row in listed[:room]:
            t.delete(row)
            parts.append("listed")
    p.received.version, p.received.inbox_keys = saved[0].version, saved[1]
    _unlist(listed[room:])


def _got(model, keys):
    """The items of `model` under these keys that exist: one BatchGetItem a hundred (none for none)."""
    return list(model.batch_get(keys)) if keys else []


def _unlist(rows):
    """The passer's inbox rows that did not fit the transaction (a long description's words)."""
    if rows:
        from ..staff.inbox import InboxModel
        with InboxModel.batch_write() as batch:
            for row in rows:
                batch.delete(row)
