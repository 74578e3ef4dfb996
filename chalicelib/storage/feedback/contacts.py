"""The phone and face-to-face contacts a council enters per service and month (issue 72's figures): set to a
value, never added, on the month's own figures item (`contacts_phone`, `contacts_face_to_face`: the year's one
Query reads them with the counts), under a version of their own (`contacts_version`) for If-Match, each change
with its audit line in the same transaction (report-audit, under `contacts#<service>#<month>`)."""
from ..binding import bind, get_or_none, transaction, writes
from ..errors import EditConflict
from .feedback import FIGURES, FigureModel

FIELDS = {"phone": "contacts_phone", "face_to_face": "contacts_face_to_face"}


def audit_id(service, month):
    return f"contacts#{service}#{month}"


class ContactStore:
    def __init__(self):
        bind()

    def of(self, month, service):
        """({phone, face_to_face}, version) of a month as entered (0s at version 0 before any)."""
        item = get_or_none(FigureModel, FIGURES, range_key=f"{month}#{service}", consistent_read=True)
        return _entered(item)

    def year(self, months, service):
        """{month: ({phone, face_to_face}, version)} of `service` in each of `months` that has an item: one
        BatchGetItem of its own months (a Query of the year would read every service's)."""
        rows = FigureModel.batch_get([(FIGURES, f"{month}#{service}") for month in months])
        return {r.month_service.split("#", 1)[0]: _entered(r) for r in rows}

    def enter(self, month, service, counts, version, audit):
        """Set the month's contacts to `counts` ({phone, face_to_face}) when their version is still `version`,
        with `audit` (an AuditEntry) in the same write; the new version. EditConflict when it moved on."""
        from ..staff.audit import AuditModel, audit_model
        item = FigureModel(partition=FIGURES, month_service=f"{month}#{service}")
        moved = (FigureModel.contacts_version.does_not_exist() if version == 0
                 else FigureModel.contacts_version == version)
        actions = [getattr(FigureModel, FIELDS[name]).set(n) for name, n in counts.items()]
        with writes(["figures", "audit"]):
            with transaction() as t:
                t.update(item, actions=[*actions, FigureModel.contacts_version.set(version + 1)], condition=moved)
                t.save(audit_model(audit), condition=AuditModel.seq.does_not_exist())
        return version + 1


def _entered(item):
    if item is None:
        return {name: 0 for name in FIELDS}, 0
    return {name: int(getattr(item, field) or 0) for name, field in FIELDS.items()}, int(item.contacts_version or 0)


__all__ = ["ContactStore", "EditConflict", "FIELDS", "audit_id"]
