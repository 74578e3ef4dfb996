"""The councils a deployment serves: each one's settings document, the web
addresses that lead to it, and the audit of every change to its settings.

A deployment-wide table (tests/architecture/test_councils_kept_apart.py):
it says which council an address is, so it cannot itself be one council's.

    pk "council",   sk <id>         the council's settings document, versioned
    pk "address",   sk <host>       which council a web address is (one Query reads them all)
    pk "jurisdiction", sk <domain>  which council an Open311 jurisdiction_id names (its settings'
                                    open311_jurisdiction; one Query reads them all)
    pk "extent",    sk <id>         the box its area fits in: which councils a point or a map
                                    may concern (one Query of small rows, whatever the areas weigh)
    pk "audit#<id>", sk <when>#<n>  a change to the settings: who, and the fields before and after
    pk "generation", sk "councils"  raised by every change to any council: a warm function's
                                    registry reads this one small row every few seconds and reads
                                    the rest again only when it moved (councils/registry.py)
    pk "offboard",  sk <id>         a council leaving (docs/decisions/offboarding.md): its state,
                                    what was exported and the deletion's report; kept after it
    pk "offboard#<id>", sk <step>#<kind>  where a step of its leaving has got to, per kind

A council that has left keeps its address rows, marked `ended`, so they answer that the service
has ended (410) rather than that no council is here (421), and its id is never taken again.

A settings change, its addresses, its jurisdiction and its extent are one transaction: an
address is never left pointing at a council that no longer names it, and two councils can
never both hold one (the row is written on condition it is free or theirs); a jurisdiction
alike.
"""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute

from .binding import Stored, bind, get_or_none, table, transaction, writes
from ..geo.polygon import bbox_of
from .errors import AlreadyExists, EditConflict
from .data_map import holds_nothing

COUNCIL, ADDRESS, JURISDICTION, EXTENT = "council", "address", "jurisdiction", "extent"
GENERATION, OF_COUNCILS = "generation", "councils"
OFFBOARD = "offboard"  # a council leaving, or gone (storage/offboarding/records.py)


class CouncilModel(Stored):
    class Meta:
        table_name = table("councils")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(by="the officer who changed a setting: their account id, kept as the council's audit",
                             document="the council's settings: its public contacts, its data protection officer's "
                                      "among them, which its privacy notice publishes as the way to reach it")

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    document = JSONAttribute(null=True)  # a council's settings (councils/schema.py)
    council = UnicodeAttribute(null=True)  # an address or jurisdiction row: the council it leads to
    version = NumberAttribute(null=True)  # a council row: raised by each change (the ETag)
    changed_at = UTCDateTimeAttribute(null=True)
    by = UnicodeAttribute(null=True)  # an audit row: who changed it
    change = JSONAttribute(null=True)  # an audit row: {field: [before, after]}
    bbox = JSONAttribute(null=True)  # an extent row: [w, s, e, n] of the council's area
    ended = JSONAttribute(null=True)  # an address row of a council that has left: {"name", "since"}


class AddressTaken(AlreadyExists):
    """A web address another council already has."""


class JurisdictionTaken(AlreadyExists):
    """An Open311 jurisdiction another council already has."""


class CouncilLeft(AlreadyExists):
    """A council that has left the deployment (stopped, exported or deleted): its id and its
    addresses are never a council's again, and its settings are not changed."""


class CouncilStore:
    def __init__(self):
        bind()

    def get(self, council_id, consistent=False):
        """(settings document, version) or None."""
        row = get_or_none(CouncilModel, COUNCIL, range_key=council_id, consistent_read=consistent)
        return (row.document, int(row.version)) if row is not None else None

    def addresses(self):
        """{host: council id}: every address the deployment answers at. One Query."""
        return self.address_book()[0]

    def address_book(self):
        """({host: council id} of every address, frozenset of the councils that have left, whose
        address rows say so): one Query of the addresses' small rows."""
        rows = list(CouncilModel.query(ADDRESS))
        return {row.sk: row.council for row in rows}, frozenset(row.council for row in rows if row.ended)

    def council_at(self, host):
        """The id of the council whose address `host` is, or None: one GetItem of a small row."""
        return self.address(host)[0]

    def address(self, host):
        """(the id of the council whose address `host` is, or None; {"name", "since"} when that
        council has left, else None): one GetItem of a small row."""
        row = get_or_none(CouncilModel, ADDRESS, range_key=host)
        return (row.council, row.ended) if row is not None else (None, None)

    def jurisdictions(self):
        """{open311_jurisdiction: council id} of every council that gives one. One Query."""
        return {row.sk: row.council for row in CouncilModel.query(JURISDICTION)}

    def extents(self):
        """{council id: (w, s, e, n)} of every council with an area. One Query of small rows."""
        return {row.sk: tuple(row.bbox) for row in CouncilModel.query(EXTENT)}

    def generation(self):
        """How many changes every council's settings have had, together: one GetItem of a small row."""
        row = get_or_none(CouncilModel, GENERATION, range_key=OF_COUNCILS)
        return int(row.version) if row is not None else 0

    def ids(self):
        """Every council's id, in order. One Query (the documents come with it)."""
        return [row.sk for row in CouncilModel.query(COUNCIL, attributes_to_get=["sk"])]

    def documents(self):
        """[(settings document, version)] of every council, in id order. One Query."""
        return [(row.document, int(row.version)) for row in CouncilModel.query(COUNCIL)]

    def put(self, document, expected_version, now, by, change, old_hosts=(), old_jurisdiction=None):
        """Write a council's settings at version expected_version + 1 (0: a new council),
        its addresses and jurisdiction taken and those it gave up freed, and the change
        audited: one transaction. EditConflict when the version moved on (or a new
        council's id is taken: AlreadyExists); AddressTaken (JurisdictionTaken) when
        another council holds one of its addresses (its jurisdiction)."""
        council_id, hosts = document["id"], list(document.get("hosts") or [])
        jurisdictions = [document["open311_jurisdiction"]] if document.get("open311_jurisdiction") else []
        gone = {ADDRESS: sorted(set(old_hosts) - set(hosts)),
                JURISDICTION: [old_jurisdiction] if old_jurisdiction and old_jurisdiction not in jurisdictions else []}
        version = expected_version + 1
        council = CouncilModel(COUNCIL, council_id, document=document, version=version, changed_at=now, by=by)
        parts = ["council-new" if expected_version == 0 else "council"]
        parts += [ADDRESS] * len(hosts) + [JURISDICTION] * len(jurisdictions)
        parts += ["freed"] * (len(gone[ADDRESS]) + len(gone[JURISDICTION])) + ["extent", "audit", GENERATION, OFFBOARD]
        try:
            with writes(parts, exists={"council-new", ADDRESS, JURISDICTION, OFFBOARD}), transaction() as t:
                t.save(council, condition=CouncilModel.pk.does_not_exist() if expected_version == 0
                       else CouncilModel.version == expected_version)
                for pk, values in ((ADDRESS, hosts), (JURISDICTION, jurisdictions)):
                    for value in values:
                        t.save(CouncilModel(pk, value, council=council_id),
                               condition=CouncilModel.pk.does_not_exist() | (CouncilModel.council == council_id))
                for pk, values in gone.items():
                    for value in values:
                        t.delete(CouncilModel(pk, value), condition=CouncilModel.council == council_id)
                if document.get("area"):
                    t.save(CouncilModel(EXTENT, council_id, bbox=list(bbox_of(document["area"])), version=version))
                else:
                    t.delete(CouncilModel(EXTENT, council_id))
                t.save(CouncilModel(f"audit#{council_id}", f"{now.isoformat()}#{version}",
                                    changed_at=now, by=by, change=change))
                t.update(CouncilModel(GENERATION, OF_COUNCILS), actions=[CouncilModel.version.add(1)])
                # A council that has left is never added again, nor changed: its address rows would lose `ended`.
                t.condition_check(CouncilModel, OFFBOARD, range_key=council_id,
                                  condition=CouncilModel.pk.does_not_exist())
        except AlreadyExists as e:
            if e.part == OFFBOARD:
                raise CouncilLeft(e.part) from e
            if e.part in (ADDRESS, JURISDICTION):
                raise (AddressTaken if e.part == ADDRESS else JurisdictionTaken)(e.part) from e
            raise
        return version

    def audit(self, council_id, limit=50, before=None):
        """The latest changes to a council's settings, newest first, older than the change
        `before` names (a row's "key", the page's last): one Query of `limit` rows."""
        condition = CouncilModel.sk < before if before else None
        rows = CouncilModel.query(f"audit#{council_id}", condition, scan_index_forward=False, limit=limit,
                                  page_size=limit)
        return [{"key": r.sk, "at": r.changed_at, "by": r.by, "change": r.change} for r in rows]


__all__ = ["CouncilStore", "CouncilModel", "AddressTaken", "JurisdictionTaken", "CouncilLeft", "EditConflict"]
