"""Reports, their timelines, photo uploads and idempotency records, as plain
values (storage/records.py).

Every change is one transaction that also writes its timeline entry and
event row, so no half-written pair exists, and the report's staff inbox rows
(storage/staff/inbox.py), so the inbox never disagrees with the report. The index
keys (the point's geohash cell and whether the report is open, the month,
the inbox partitions) are worked out here from the report's values: domain
code never sees them. A report staff marked private gets no map or month
keys, so no public listing can find it.
"""
from contextlib import nullcontext

from ... import states, tenancy
from ..binding import bind, get_or_none, model_of, page_key, record_of, start_key, transaction, writes
from ..errors import EditConflict
from .. import records
from .reports import EventModel, ReportModel, ReportUpdateModel

# What only a write needs (inbox rows, the audit, crews' jobs, a follower's
# alert, uploads, geohash cells) is imported inside the functions that write:
# a route that only reads reports (a report's page, the map's pins) has its
# cold start pay for the report models alone.


def report_model(report, **extra):
    """The stored form of a report: its values plus the map and month index keys."""
    from ...geo import cells
    public = not report.private
    keys = {"created_month": report.created_at.strftime("%Y-%m") if report.created_at and public else None,
            "geo_pk": None, "geo_sk": None}
    if report.lon is not None and public:
        geohash = cells.encode(float(report.lon), float(report.lat))
        keys["geo_pk"] = f"{geohash[:cells.PARTITION_PRECISION]}#{states.bucket(report.state)}"
        keys["geo_sk"] = f"{geohash}#{report.id}"
    return model_of(ReportModel, report, **keys, **category_keys(report, keys["geo_pk"], keys["created_month"]),
                    **retention_keys(report), **extra)


REPORTS = "reports"  # the reports' partition of their due index (storage/due.py)


def retention_keys(report):
    """The due index's keys (storage/due.py). A closed report is due from when it closed: `closed_at`,
    stamped here when it is first saved closed (its closing change's moment, `updated_at`), whichever
    path closed it, and cleared when it reopens. One on hold is in the held partition; one the sweep
    has anonymised is on the index no more, whatever is saved of it after."""
    from ..due import keys
    if states.is_open(report.state):
        report.closed_at = None
    elif report.closed_at is None:
        report.closed_at = report.updated_at or report.created_at
    return keys(REPORTS, report, report.closed_at)


def category_keys(report, geo_pk, month):
    """The category indexes' keys (CategoryMapIndex, CategoryMonthIndex):
    none for a private report, which stays off the map and the listings."""
    return {"category_geo_pk": f"{report.service_code}#{geo_pk}" if geo_pk else None,
            "category_month": f"{report.service_code}#{states.bucket(report.state)}#{month}" if month else None}


def entry_model(entry, first=False, private=False):
    # The creation entry stays out of the month index (updates listings show
    # later changes only), and so does every entry of a private report.
    month = None if first or private or entry.created_at is None else entry.created_at.strftime("%Y-%m")
    return model_of(ReportUpdateModel, entry, update_month=month)


def _claim_key(t, parts, record):
    """An Idempotency-Key's record, written with the change it answers for; a
    live record makes the whole transaction fail (AlreadyExists), an expired
    one (TTL deletes lazily) is replaced: the key is new again."""
    from .uploads import IdempotencyModel
    parts.append("idempotency")
    t.save(model_of(IdempotencyModel, record),
           condition=IdempotencyModel.key.does_not_exist() | (IdempotencyModel.expires < record.created_at))


def _save_report(t, parts, report, condition=None, rows=True):
    """Put the report and its inbox rows into transaction `t`, deleting the
    rows its values no longer need; returns (model, inbox keys) to settle
    on the record once the transaction commits. rows=False: the report
    alone (nothing its rows hold changed)."""
    from ..staff import inbox
    new_keys = inbox.keys(report) if rows else list(report.inbox_keys or [])
    model = report_model(report, inbox_keys=new_keys)
    t.save(model, condition=condition)
    parts.append("report" if condition is None else "id")
    if not rows:
        return model, new_keys
    for row in inbox.rows(report):
        t.save(row)
        parts.append("inbox")
    for row in inbox.stale(report, report.inbox_keys, new_keys):
        t.delete(row)
        parts.append("inbox")
    return model, new_keys


def _attach(t, parts, report_id, uploads):
    """Mark each (upload id, cleaned photo) as the report's: kept (no expiry) once
    attached, as the photo's link finds its report through it; never a second report's."""
    if uploads:
        from .uploads import UploadModel
    for upload_id, photo in uploads:
        parts.append("upload")
        t.update(UploadModel(upload_id), actions=[
            UploadModel.report_id.set(report_id), UploadModel.photo.set(photo), UploadModel.expires.remove()],
            condition=UploadModel.upload_id.exists() & UploadModel.report_id.does_not_exist())


def _working_for(council):
    """Work for `council` inside the block (None: for whoever it is now)."""
    return tenancy.acting_for(council) if council is not None else nullcontext()


def _settle(report, saved):
    model, keys = saved
    report.version, report.inbox_keys = model.version, keys


def event_model(event):
    return model_of(EventModel, event)


class ReportStore:
    def __init__(self):
        bind()

    def get(self, report_id):
        return record_of(records.Report, get_or_none(ReportModel, report_id))

    def get_many(self, report_ids):
        """Reports by id, in the order asked; unknown ids are skipped."""
        found = {r.id: r for r in ReportModel.batch_get(list(dict.fromkeys(report_ids)))}
        return [record_of(records.Report, found[i]) for i in report_ids if i in found]

    def supporter_counts(self, report_ids):
        """{id: "me too"s counted} of these reports: one BatchGetItem of two
        small attributes (the map index does not carry the count)."""
        if not report_ids:
            return {}
        found = ReportModel.batch_get(list(dict.fromkeys(report_ids)), attributes_to_get=["id", "supporters"])
        return {r.id: int(r.supporters or 0) for r in found}

    def updates(self, report_id):
        return [record_of(records.TimelineEntry, u) for u in ReportUpdateModel.query(report_id)]

    def create(self, report, entry, event, idempotency=None, uploads=(), follow=None, audit=None, jobs=(),
               sends=(), site=None, copies=()):
        """Store a new report with its first timeline entry and event, atomically.

        uploads: (upload_id, cleaned photo dict) pairs, marked as used in the
        same transaction so a photo can never end up on two reports.
        follow: (Alert, [AlertIndexRow]) of the reporter following it, stored
        with it so no event about it is dispatched before its follower exists.
        audit: the staff audit's first entry, when staff took it for a caller.
        jobs: the crew job of a report a crew raised for its own team.
        sends: its Sends (storage/bodies/sends.py), one per body that acts on it.
        site: the council it was made with, when that is not the council worked
        for (which holds it: handlers/reports/across.py): the site keeps a
        pointer under its reference, its Idempotency-Key and its photos' upload
        rows (which name the report), all in this transaction; copies: those
        upload rows (Upload records) as the holder keeps them for its own links.
        AlreadyExists("id" or "idempotency") when the reference or the
        Idempotency-Key is taken; EditConflict("upload") when a photo is.
        """
        # Each part's models are loaded when the report has that part: a
        # resident's first report (no audit, photos or job) loads none of theirs.
        from ..alerts.alerts import AlertIndexModel, AlertModel
        from ..bodies.sends import send_model
        parts = []
        with writes(parts, exists={"id", "idempotency"}), transaction() as t:
            saved = _save_report(t, parts, report, condition=ReportModel.id.does_not_exist())
            t.save(entry_model(entry, first=True))
            t.save(event_model(event))
            parts.extend(["entry", "event"])
            if audit is not None:
                from ..staff.audit import AuditModel, audit_model
                parts.append("audit")
                t.save(audit_model(audit), condition=AuditModel.seq.does_not_exist())
            holder = tenancy.current()
            with _working_for(site):
                if site is not None:
                    from .reports_elsewhere import ElsewhereModel, pointer
                    parts.append("id")  # a reference the site has already: draw another
                    t.save(pointer(report, holder), condition=ElsewhereModel.report_id.does_not_exist())
                if idempotency is not None:
                    _claim_key(t, parts, idempotency)
                _attach(t, parts, report.id, uploads)
            for copy in copies:
                from .uploads import keep_photo
                parts.append("upload copy")
                keep_photo(t, copy, report.id)
            if follow is not None:
                alert, rows = follow
                parts.extend(["follow"] * (1 + len(rows)))
                t.save(model_of(AlertModel, alert))
                for row in rows:
                    t.save(model_of(AlertIndexModel, row))
            if jobs:
                from ..crews.jobs import put_job, settle_job
            saved_jobs = [put_job(t, parts, job) for job in jobs]
            for send in sends:
                parts.append("send")
                t.save(send_model(send))
        _settle(report, saved)
        for job, done in zip(jobs, saved_jobs):
            settle_job(job, done)

    def save(self, report):
        """Save a report without a timeline entry (a quiet change); its
        version refuses a stale copy (EditConflict)."""
        parts = []
        with writes(parts), transaction() as t:
            saved = _save_report(t, parts, report)
        _settle(report, saved)

    def apply(self, changes, jobs=(), idempotency=None, uploads=(), events=()):
        """A staff or crew change: each ReportWrite's report (its version
        refuses a stale copy: EditConflict("report")), its audit entry, its
        timeline entry and event when the change is public, and the crew jobs
        it makes, moves or ends, in one transaction. More than one report when
        a duplicate is marked (the original lists it).

        jobs: crew jobs changed with no report change (a field update);
        idempotency: the request's record (AlreadyExists("idempotency") when
        a twin wrote it first); uploads: (upload_id, report_id, photo) marked
        as used (EditConflict("upload") when one already is); events: more
        events the change promises effects by (a bulky collection's job ended)."""
        from ..staff.audit import AuditModel, audit_model
        from ..crews.jobs import put_job, settle_job
        from .uploads import UploadModel
        parts, saved, saved_jobs = [], [], []
        all_jobs = [*jobs, *(job for change in changes for job in change.jobs)]
        with writes(parts, exists={"idempotency"}), transaction() as t:
            for change in changes:
                saved.append(_save_report(t, parts, change.report, rows=change.inbox))
                t.save(audit_model(change.audit), condition=AuditModel.seq.does_not_exist())
                parts.append("audit")
                if change.entry is not None:
                    t.save(entry_model(change.entry, private=change.report.private),
                           condition=ReportUpdateModel.seq.does_not_exist())
                    parts.append("entry")
                if change.event is not None:
                    t.save(event_model(change.event))
                    parts.append("event")
                for notice in change.notices:
                    t.save(event_model(notice))
                    parts.append("event")
            for event in events:
                t.save(event_model(event))
                parts.append("event")
            saved_jobs = [put_job(t, parts, job) for job in all_jobs]
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
            for upload_id, report_id, photo in uploads:
                t.update(UploadModel(upload_id), actions=[
                    UploadModel.report_id.set(report_id), UploadModel.photo.set(photo), UploadModel.expires.remove()],
                    condition=UploadModel.upload_id.exists() & UploadModel.report_id.does_not_exist())
                parts.append("upload")
        for change, done in zip(changes, saved):
            _settle(change.report, done)
        for job, done in zip(all_jobs, saved_jobs):
            settle_job(job, done)

    def reindex_inbox(self):
        """Write every report's staff inbox rows (a stage whose reports
        predate the inbox); returns how many reports. One pass over the table."""
        from ..staff import inbox
        count = 0
        for model in ReportModel.scan():  # CLI only: `doorstep tables` on an older stage
            report = record_of(records.Report, model)
            new_keys = inbox.keys(report)
            with inbox.InboxModel.batch_write() as batch:
                for row in inbox.rows(report):
                    batch.save(row)
            model.update(actions=[ReportModel.inbox_keys.set(new_keys)])
            count += 1
        return count

    def keep_photo_rows(self):
        """Give every report's photos an upload row naming the report, with no
        expiry (a stage from before photo links asked their report: those rows
        expired a day after upload). Returns how many photos. One pass over
        the table; CLI only (`doorstep tables`)."""
        from .uploads import UploadModel
        count = 0
        for model in ReportModel.scan():  # CLI only (`doorstep tables`)
            for photo in model.photos or []:
                UploadModel(photo["name"].split(".")[0]).update(actions=[
                    UploadModel.report_id.set(model.id), UploadModel.photo.set(photo),
                    UploadModel.content_type.set(photo.get("content_type") or "image/jpeg"),
                    UploadModel.size.set(0), UploadModel.created_at.set(model.created_at),
                    UploadModel.expires.remove()])
                count += 1
        return count

    def forget_update_words(self, report_id):
        """Blank the words, photos and links of a report's timeline entries, keeping
        each entry's kind, state and time (a form's case past its retention).
        One Query, one UpdateItem per entry that had any; how many."""
        changed = 0
        for entry in ReportUpdateModel.query(report_id):
            if entry.text or entry.photos or entry.media_url:
                entry.update(actions=[ReportUpdateModel.text.remove(), ReportUpdateModel.photos.remove(),
                                      ReportUpdateModel.media_url.remove()])
                changed += 1
        return changed

    def anonymise(self, report_id, only_if_anonymous=False):
        """Drop everything that leads to the reporter; the report itself stays. False when a legal hold keeps
        it as it is (UK GDPR Art. 17(3)(e)): the write is conditioned on no hold and on the version read, so a
        hold saved meanwhile is read again and kept, and a hold saved after finds the version moved on."""
        for _ in range(3):
            model = get_or_none(ReportModel, report_id, consistent_read=True)
            if model is None or (only_if_anonymous and model.user_id):
                return True
            if model.hold:
                return False
            try:
                with writes(["report"]):
                    model.update(actions=[ReportModel.contact.set({}), ReportModel.user_id.remove(),
                                          ReportModel.reporter_email_hash.remove(), ReportModel.token_hash.remove()],
                                 condition=ReportModel.hold.does_not_exist())
                return True
            except EditConflict:
                continue  # a change (a hold) since the read
        raise EditConflict("report")

    def begin_retaining(self, report, now):
        """The sweep's first write, before it deletes anything of the report: `retaining` stamped, on condition
        of the version it read and of no legal hold, the version raised, so a hold saved from an earlier read
        is refused and reads it again (handlers/retention/holds.py then refuses it: 409). False: changed or
        held since the read (kept, for the next run)."""
        model = ReportModel(report.id)
        model.version = report.version
        try:
            with writes(["report"]):
                model.update(actions=[ReportModel.retaining.set(now)], condition=ReportModel.hold.does_not_exist())
        except EditConflict:
            return False
        report.version, report.retaining = model.version, now
        return True

    def due(self, before, limit, start=None, held=False):
        """A page of reports due for the retention sweep, oldest first: [(id, closed at)], cursor. Those
        closed before `before` (held: those on a legal hold, whenever closed). One Query of the due index."""
        from ..due import due_or_held
        return due_or_held(ReportModel.retention_index, REPORTS, before, limit, start, held)

    def due_count(self, before):
        from ..due import count
        return count(ReportModel.retention_index, REPORTS, before)

    def add_due_keys(self):
        """Put every closed report on the due index (a stage from before it): its closing moment taken as
        its last public change's, the closest the report itself remembers. CLI only (`doorstep tables`,
        when it adds the index). Returns how many were given the keys."""
        from ..due import add_keys
        return add_keys(ReportModel, records.Report, retention_keys, ReportModel.id.exists())

    def idempotency_record(self, key):
        from .uploads import IdempotencyModel
        return record_of(records.IdempotencyRecord, get_or_none(IdempotencyModel, key, consistent_read=True))

    def upload(self, upload_id):
        from .uploads import UploadModel
        return record_of(records.Upload, get_or_none(UploadModel, upload_id, consistent_read=True))

    def save_upload(self, upload):
        from .uploads import UploadModel
        with writes(["upload"], exists={"upload"}):
            model_of(UploadModel, upload).save(condition=UploadModel.upload_id.does_not_exist())

    def map_range(self, partition, lo, hi, limit, start=None):
        """Map pins in one geohash range of one map partition ("{cell5}#{o|c}").

        Returns (reports with the pin's attributes only, resume key or None
        when the range is exhausted).
        """
        results = ReportModel.map_index.query(
            partition, ReportModel.geo_sk.between(lo, hi + "~"),
            limit=limit, page_size=limit, last_evaluated_key=start_key(ReportModel, start))
        items = [record_of(records.Report, r) for r in results]
        return items, page_key(ReportModel, results.last_evaluated_key)

    def category_map_range(self, partition, lo, hi, limit, start=None):
        """As map_range, within one category's partition ("pothole#gcwy8#o")."""
        results = ReportModel.category_map_index.query(
            partition, ReportModel.geo_sk.between(lo, hi + "~"),
            limit=limit, page_size=limit, last_evaluated_key=start_key(ReportModel, start))
        return [record_of(records.Report, r) for r in results], page_key(ReportModel, results.last_evaluated_key)

    def created_between_in(self, codes, buckets, start, end, page_size=100):
        """Reports of these categories in these open/closed buckets ("o",
        "c") created in [start, end], newest first: one Query per category,
        bucket and month, merged; a page is read only when the merge needs it."""
        import heapq
        month, first = (end.year, end.month), (start.year, start.month)
        while month >= first:
            name = f"{month[0]:04d}-{month[1]:02d}"
            streams = [(record_of(records.Report, r) for r in ReportModel.category_month_index.query(
                f"{code}#{bucket}#{name}", ReportModel.created_at.between(start, end),
                scan_index_forward=False, page_size=page_size)) for code in sorted(codes) for bucket in buckets]
            yield from heapq.merge(*streams, key=lambda r: r.created_at, reverse=True)
            month = (month[0], month[1] - 1) if month[1] > 1 else (month[0] - 1, 12)

    def add_missing_keys(self):
        """Give reports written before an index existed its keys (after
        `doorstep tables` adds the index); returns how many were changed."""
        changed = 0
        missing = ReportModel.category_month.does_not_exist()
        for item in ReportModel.scan(filter_condition=missing):  # CLI only: `doorstep tables`
            report = record_of(records.Report, item)
            keys = {k: v for k, v in category_keys(report, item.geo_pk, item.created_month).items() if v}
            if keys:
                item.update(actions=[getattr(ReportModel, k).set(v) for k, v in keys.items()])
                changed += 1
        return changed

    def created_between(self, start, end, page_size=100):
        """Reports created in [start, end], newest first, one month partition
        at a time (MonthIndex); the caller stops iterating when it has enough."""
        month = (end.year, end.month)
        first = (start.year, start.month)
        while month >= first:
            results = ReportModel.month_index.query(
                f"{month[0]:04d}-{month[1]:02d}", ReportModel.created_at.between(start, end),
                scan_index_forward=False, page_size=page_size)
            yield from (record_of(records.Report, r) for r in results)
            month = (month[0], month[1] - 1) if month[1] > 1 else (month[0] - 1, 12)

    def updates_between(self, start, end, page_size=500):
        """Timeline entries after creation written in [start, end], oldest
        first, one month partition at a time (UpdateMonthIndex)."""
        month, last = (start.year, start.month), (end.year, end.month)
        while month <= last:
            yield from (record_of(records.TimelineEntry, u) for u in ReportUpdateModel.month_index.query(
                f"{month[0]:04d}-{month[1]:02d}", ReportUpdateModel.created_at.between(start, end),
                page_size=page_size))
            month = (month[0], month[1] + 1) if month[1] < 12 else (month[0] + 1, 1)


def map_partition(cell, state):
    """The map index partition holding reports of `state` in a precision-5 cell."""
    return f"{cell}#{states.bucket(state)}"


__all__ = ["ReportStore", "map_partition"]
