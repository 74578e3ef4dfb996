"""The councils a deployment serves: each one's settings document, the web
addresses that lead to it, and the audit of every change to its settings.

A deployment-wide table (tests/architecture/test_councils_kept_apart.py):
it says which council an address is, so it cannot itself be one council's.

    pk "council",   sk <id>         the council's settings document, versioned
    pk "address",   sk <host>       which council a web address is (one Query reads them all)
    pk "audit#<id>", sk <when>#<n>  a change to the settings: who, and the fields before and after

A settings change and its addresses are one transaction: an address is never
left pointing at a council that no longer names it, and two councils can never
both hold one (the address row is written on condition it is free or theirs).
"""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from .binding import Stored, bind, get_or_none, table, transaction, writes
from .errors import AlreadyExists, EditConflict

COUNCIL, ADDRESS = "council", "address"


class CouncilModel(Stored):
    class Meta:
        table_name = table("councils")
        billing_mode = "PAY_PER_REQUEST"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    document = JSONAttribute(null=True)  # a council's settings (councils/schema.py)
    council = UnicodeAttribute(null=True)  # an address row: the council it leads to
    version = NumberAttribute(null=True)  # a council row: raised by each change (the ETag)
    changed_at = UTCDateTimeAttribute(null=True)
    by = UnicodeAttribute(null=True)  # an audit row: who changed it
    change = JSONAttribute(null=True)  # an audit row: {field: [before, after]}


class AddressTaken(AlreadyExists):
    """A web address another council already has."""


class CouncilStore:
    def __init__(self):
        bind()

    def get(self, council_id, consistent=False):
        """(settings document, version) or None."""
        row = get_or_none(CouncilModel, COUNCIL, range_key=council_id, consistent_read=consistent)
        return (row.document, int(row.version)) if row is not None else None

    def addresses(self):
        """{host: council id}: every address the deployment answers at. One Query."""
        return {row.sk: row.council for row in CouncilModel.query(ADDRESS)}

    def ids(self):
        """Every council's id, in order. One Query (the documents come with it)."""
        return [row.sk for row in CouncilModel.query(COUNCIL, attributes_to_get=["sk"])]

    def documents(self):
        """[(settings document, version)] of every council, in id order. One Query."""
        return [(row.document, int(row.version)) for row in CouncilModel.query(COUNCIL)]

    def put(self, document, expected_version, now, by, change, old_hosts=()):
        """Write a council's settings at version expected_version + 1 (0: a new council),
        its addresses taken and those it gave up freed, and the change audited: one
        transaction. EditConflict when the version moved on (or a new council's id is
        taken: AlreadyExists); AddressTaken when another council holds one of its addresses."""
        council_id, hosts = document["id"], list(document.get("hosts") or [])
        version = expected_version + 1
        council = CouncilModel(COUNCIL, council_id, document=document, version=version, changed_at=now, by=by)
        parts = ["council-new" if expected_version == 0 else "council"]
        parts += ["address"] * len(hosts) + ["freed"] * len(set(old_hosts) - set(hosts)) + ["audit"]
        try:
            with writes(parts, exists={"council-new", "address"}), transaction() as t:
                t.save(council, condition=CouncilModel.pk.does_not_exist() if expected_version == 0
                       else CouncilModel.version == expected_version)
                for host in hosts:
                    t.save(CouncilModel(ADDRESS, host, council=council_id),
                           condition=CouncilModel.pk.does_not_exist() | (CouncilModel.council == council_id))
                for host in sorted(set(old_hosts) - set(hosts)):
                    t.delete(CouncilModel(ADDRESS, host), condition=CouncilModel.council == council_id)
                t.save(CouncilModel(f"audit#{council_id}", f"{now.isoformat()}#{version}",
                                    changed_at=now, by=by, change=change))
        except AlreadyExists as e:
            if e.part == "address":
                raise AddressTaken("address") from e
            raise
        return version

    def audit(self, council_id, limit=50):
        """The latest changes to a council's settings, newest first. One Query."""
        rows = CouncilModel.query(f"audit#{council_id}", scan_index_forward=False, limit=limit, page_size=limit)
        return [{"at": r.changed_at, "by": r.by, "change": r.change} for r in rows]


__all__ = ["CouncilStore", "CouncilModel", "AddressTaken", "EditConflict"]
