"""Repository functions for reports: every change is one transaction that also
writes its timeline entry and event row, so no half-written pair exists."""
from pynamodb.exceptions import TransactWriteError
from pynamodb.transactions import TransactWrite

from .binding import bind, connection
from .reports import ReportModel, ReportUpdateModel
from .uploads import IdempotencyModel, UploadModel


class CreateConflict(Exception):
    """Which part of a creation transaction failed its condition."""

    def __init__(self, part):
        super().__init__(part)
        self.part = part  # "id", "idempotency", "upload", "conflict"


class ReportStore:
    def __init__(self):
        bind()

    def get(self, report_id):
        try:
            return ReportModel.get(report_id)
        except ReportModel.DoesNotExist:
            return None

    def updates(self, report_id):
        return list(ReportUpdateModel.query(report_id))

    def create(self, report, update, event, idempotency=None, uploads=()):
        """Store a new report with its first timeline entry, atomically.

        `uploads` are (UploadModel, photo dict) pairs marked as used in the same
        transaction, so a photo can never end up on two reports.
        """
        parts = ["id", "update", "event"]
        try:
            with TransactWrite(connection=connection()) as t:
                t.save(report, condition=ReportModel.id.does_not_exist())
                t.save(update)
                t.save(event)
                if idempotency is not None:
                    parts.append("idempotency")
                    # An expired record (TTL deletes lazily) may be overwritten.
                    t.save(idempotency, condition=IdempotencyModel.key.does_not_exist()
                           | (IdempotencyModel.expires < report.created_at))
                for upload, photo in uploads:
                    parts.append("upload")
                    t.update(upload, actions=[
                        UploadModel.report_id.set(report.id), UploadModel.photo.set(photo)],
                        condition=UploadModel.upload_id.exists() & UploadModel.report_id.does_not_exist())
        except TransactWriteError as e:
            raise CreateConflict(_failed_part(e, parts)) from e

    def change_state(self, report, update, event, idempotency=None):
        """Save a changed report with its new timeline entry; the version
        check makes a concurrent edit fail rather than lose a timeline entry,
        and an idempotency record already there makes a retry fail whole."""
        with TransactWrite(connection=connection()) as t:
            t.save(report)
            t.save(update, condition=ReportUpdateModel.seq.does_not_exist())
            t.save(event)
            if idempotency is not None:
                t.save(idempotency, condition=IdempotencyModel.key.does_not_exist())

    def save(self, report):
        report.save()  # the version attribute refuses a stale copy

    def anonymise(self, report_id, only_if_anonymous=False):
        """Drop everything that leads to the reporter; the report itself stays."""
        report = self.get(report_id)
        if report is None or (only_if_anonymous and report.user_id):
            return
        report.update(actions=[ReportModel.contact.set({}), ReportModel.user_id.remove(),
                               ReportModel.reporter_email_hash.remove(), ReportModel.token_hash.remove()])

    def idempotency_record(self, key):
        try:
            return IdempotencyModel.get(key, consistent_read=True)
        except IdempotencyModel.DoesNotExist:
            return None

    def upload(self, upload_id):
        try:
            return UploadModel.get(upload_id, consistent_read=True)
        except UploadModel.DoesNotExist:
            return None

    def save_upload(self, upload):
        upload.save(condition=UploadModel.upload_id.does_not_exist())

    def map_range(self, partition, lo, hi, limit, start=None):
        """Map pins in one geohash range of one partition (cell#bucket).

        Returns (items, resume key or None when the range is exhausted).
        """
        results = ReportModel.map_index.query(
            partition, ReportModel.geo_sk.between(lo, hi + "~"),
            limit=limit, page_size=limit, last_evaluated_key=start)
        items = list(results)
        return items, results.last_evaluated_key

    def created_between(self, start, end, page_size=100):
        """Reports created in [start, end], newest first, one month partition
        at a time (MonthIndex); the caller stops iterating when it has enough."""
        month = (end.year, end.month)
        first = (start.year, start.month)
        while month >= first:
            results = ReportModel.month_index.query(
                f"{month[0]:04d}-{month[1]:02d}", ReportModel.created_at.between(start, end),
                scan_index_forward=False, page_size=page_size)
            yield from results
            month = (month[0], month[1] - 1) if month[1] > 1 else (month[0] - 1, 12)

    def updates_between(self, start, end, page_size=500):
        """Timeline entries after creation written in [start, end], oldest
        first, one month partition at a time (UpdateMonthIndex)."""
        month, last = (start.year, start.month), (end.year, end.month)
        while month <= last:
            yield from ReportUpdateModel.month_index.query(
                f"{month[0]:04d}-{month[1]:02d}", ReportUpdateModel.created_at.between(start, end),
                page_size=page_size)
            month = (month[0], month[1] + 1) if month[1] < 12 else (month[0] + 1, 1)

    def get_many(self, report_ids):
        """Reports by id, in the order asked; unknown ids are skipped."""
        found = {r.id: r for r in ReportModel.batch_get(list(dict.fromkeys(report_ids)))}
        return [found[i] for i in report_ids if i in found]


def _failed_part(error, parts):
    reasons = getattr(error, "cancellation_reasons", None) or []
    for index, reason in enumerate(reasons):
        if reason is not None and reason.code == "ConditionalCheckFailed":
            return parts[index] if index < len(parts) else "conflict"
    return "conflict"
