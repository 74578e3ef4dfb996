"""A council's leaving, kept in the deployment-wide councils table (storage/councils.py):

    pk "offboard",       sk <id>              its record: state, when and by whom each step was taken,
                                              what was exported, the deletion's report (kept after it)
    pk "offboard#<id>",  sk <step>#<kind>     where a step has got to in a kind: its cursor and counts

Each row is versioned and written on condition of the version read, so two runs of one step (the
command and the route at once) cannot both advance a cursor: the second is told another is at work.
"""
from ..binding import bind, get_or_none, transaction, writes
from ..councils import ADDRESS, COUNCIL, EXTENT, GENERATION, JURISDICTION, OF_COUNCILS, OFFBOARD, CouncilModel
from ..errors import AlreadyExists, EditConflict

PROGRESS = OFFBOARD + "#"


class AnotherRun(EditConflict):
    """Another run of this step moved its cursor meanwhile."""


class OffboardStore:
    def __init__(self):
        bind()

    def get(self, council_id):
        """(record, version) of the council's leaving, or None: it has not begun."""
        row = get_or_none(CouncilModel, OFFBOARD, range_key=council_id, consistent_read=True)
        return (row.document, int(row.version)) if row is not None else None

    def stop(self, council_id, record, now):
        """Begin the council's leaving: its record written (version 1), each of its address rows marked
        ended, the councils' generation raised so every warm function reads them again: one transaction.
        AlreadyExists when it has begun already."""
        from ..councils import CouncilStore
        hosts = sorted(h for h, c in CouncilStore().address_book()[0].items() if c == council_id)
        ended = {"name": record["name"], "since": now.isoformat()}
        parts = ["record"] + ["address"] * len(hosts) + ["generation"]
        with writes(parts, exists={"record"}), transaction() as t:
            t.save(CouncilModel(OFFBOARD, council_id, document=record, version=1, changed_at=now),
                   condition=CouncilModel.pk.does_not_exist())
            for host in hosts:
                t.update(CouncilModel(ADDRESS, host), actions=[CouncilModel.ended.set(ended)],
                         condition=CouncilModel.council == council_id)
            t.update(CouncilModel(GENERATION, OF_COUNCILS), actions=[CouncilModel.version.add(1)])
        return hosts

    def change(self, council_id, record, version, now):
        """The record replaced, on condition it is still at `version`: the new version (else EditConflict)."""
        row = CouncilModel(OFFBOARD, council_id, document=record, version=version + 1, changed_at=now)
        with writes(["record"]):
            row.save(condition=CouncilModel.version == version)
        return version + 1

    def progress(self, council_id, step, kind):
        """(where `step` has got to in `kind`, its version): (None, 0) before it began."""
        row = get_or_none(CouncilModel, PROGRESS + council_id, range_key=f"{step}#{kind}", consistent_read=True)
        return (row.document, int(row.version)) if row is not None else (None, 0)

    def save_progress(self, council_id, step, kind, state, version):
        """Move `step`'s place in `kind` on from `version`: the new version; AnotherRun if it moved meanwhile."""
        row = CouncilModel(PROGRESS + council_id, f"{step}#{kind}", document=state, version=version + 1)
        condition = CouncilModel.pk.does_not_exist() if version == 0 else CouncilModel.version == version
        try:
            with writes(["progress"]):
                row.save(condition=condition)
        except EditConflict:
            raise AnotherRun("progress") from None
        return version + 1

    def all_progress(self, council_id, step):
        """{kind: where `step` has got to} of every kind it has begun: one Query."""
        rows = CouncilModel.query(PROGRESS + council_id, CouncilModel.sk.startswith(f"{step}#"), consistent_read=True)
        return {row.sk.partition("#")[2]: row.document for row in rows}

    def settings_row(self, council_id):
        """(settings document, version) as stored, or None: it is gone."""
        row = get_or_none(CouncilModel, COUNCIL, range_key=council_id, consistent_read=True)
        return (row.document, int(row.version)) if row is not None else None

    def audit_page(self, council_id, start=None, limit=200):
        """([audit rows as {key, at, by, change}], the next page's start or None), oldest first."""
        from ..binding import page_key
        rows = CouncilModel.query(f"audit#{council_id}", limit=limit, page_size=limit, consistent_read=True,
                                  last_evaluated_key=start)
        found = [{"key": r.sk, "at": r.changed_at.isoformat() if r.changed_at else None, "by": r.by, "change": r.change}
                 for r in rows]
        return found, page_key(CouncilModel, rows.last_evaluated_key)

    def remove_settings(self, council_id):
        """Everything of the council's in the councils table but its record and its address rows (which
        keep answering that its service has ended): its settings, extent, jurisdiction, the audit of its
        settings and its steps' progress; the generation raised. How many rows were deleted."""
        keys = [(COUNCIL, council_id), (EXTENT, council_id)]
        keys += [(JURISDICTION, row.sk) for row in CouncilModel.query(JURISDICTION) if row.council == council_id]
        for pk in (f"audit#{council_id}", PROGRESS + council_id):
            keys += [(pk, row.sk) for row in CouncilModel.query(pk, attributes_to_get=["pk", "sk"])]
        with CouncilModel.batch_write() as batch:
            for pk, sk in keys:
                batch.delete(CouncilModel(pk, sk))
        CouncilModel(GENERATION, OF_COUNCILS).update(actions=[CouncilModel.version.add(1)])
        return len(keys)

    def held(self, council_id):
        """How many rows of the council's the councils table holds, by what they are: its record and
        address rows are the deployment's note that it left; anything else is its data."""
        from ..councils import CouncilStore
        counts = {"settings": int(self.settings_row(council_id) is not None),
                  "extent": int(get_or_none(CouncilModel, EXTENT, range_key=council_id) is not None),
                  "jurisdiction": sum(1 for row in CouncilModel.query(JURISDICTION) if row.council == council_id)}
        for name, pk in (("settings-audit", f"audit#{council_id}"), ("progress", PROGRESS + council_id)):
            counts[name] = sum(1 for _ in CouncilModel.query(pk, attributes_to_get=["pk", "sk"]))
        counts["addresses (ended)"] = sum(1 for c in CouncilStore().address_book()[0].values() if c == council_id)
        counts["record"] = int(self.get(council_id) is not None)
        return counts


__all__ = ["OffboardStore", "AnotherRun", "AlreadyExists", "EditConflict"]
