"""Council tax accounts linked to Doorstep users, their audit, and each
person's cached copy of what the back office said (handlers/revenues).

A link is keyed by its user and an opaque id (what URLs carry: a council tax
reference in a path would reach access logs); its `by_account` index lets
staff find every link of one account. The audit is append-only and written
in the link's own transaction. The cached view is one item per link whose
TTL keeps the last copy for days, so a resident sees it, with its age, while
the back office is down."""
from pynamodb.attributes import JSONAttribute, TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import EditConflict
from ..records import RevenueLink
from ..data_map import Holds, Retention


class ByAccountIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_account"
        projection = AllProjection()

    account_ref = CouncilKey(hash_key=True)
    user_id = UnicodeAttribute(range_key=True)


class RevenueLinkModel(Stored):
    class Meta:
        table_name = table("revenue-links")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier", "account_ref": "financial", "person_ref": "financial"}, whose="resident",
        part="council_tax", basis="public_task", recipients=("revenues",),
        purpose="A resident's account linked to their council tax account, after checks",
        retention=Retention(after="ended", then="delete", source="project", note="until unlinked"))

    user_id = CouncilKey(hash_key=True)
    id = UnicodeAttribute(range_key=True)
    account_ref = CouncilKey()
    person_ref = UnicodeAttribute()
    linked_at = UTCDateTimeAttribute()
    by_account = ByAccountIndex()


class RevenueAuditModel(Stored):
    class Meta:
        table_name = table("revenue-audit")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"account_ref": "financial", "person_ref": "financial", "by_user_id": "identifier",
                "user_id": "identifier", "reason": "free_text"}, whose="resident", part="council_tax",
        basis="legal_obligation", purpose="Every link made or undone and every document an officer read, with why",
        retention=Retention(after="created", months=84, source="lga",
                            note="LGA: revenues records, 6 years plus the current year"))

    account_ref = CouncilKey(hash_key=True)
    key = UnicodeAttribute(range_key=True)  # "<ISO time>#<id>": in order, never overwritten
    action = UnicodeAttribute()  # linked, unlinked, staff_lookup
    user_id = UnicodeAttribute()
    by_user_id = UnicodeAttribute()
    person_ref = UnicodeAttribute(null=True)
    reason = UnicodeAttribute(null=True)
    document_id = UnicodeAttribute(null=True)  # a bill or letter staff opened for a caller


class RevenueViewModel(Stored):
    class Meta:
        table_name = table("revenue-views")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"body": "financial"}, whose="resident", part="council_tax", basis="public_task",
        purpose="The last copy of a resident's council tax account, shown while the back office is down",
        retention=Retention(after="replaced", days=14, source="council", note="the council's keep_days"))

    link_id = CouncilKey(hash_key=True)
    body = JSONAttribute()
    fetched_at = UTCDateTimeAttribute()
    expires = TTLAttribute()  # the last copy is kept this long


class RevenueStore:
    def __init__(self):
        bind()

    def links(self, user_id):
        """A user's links (a handful): one Query."""
        return [record_of(RevenueLink, row) for row in RevenueLinkModel.query(user_id, consistent_read=True)]

    def link(self, user_id, link_id):
        return record_of(RevenueLink, get_or_none(RevenueLinkModel, user_id, range_key=link_id, consistent_read=True))

    def links_of_account(self, account_ref):
        return [record_of(RevenueLink, row) for row in RevenueLinkModel.by_account.query(account_ref)]

    def add_link(self, link, audit_key, by_user_id):
        """The link and its audit entry, one transaction; AlreadyExists if the
        id is taken."""
        row = RevenueLinkModel(user_id=link.user_id, id=link.id, account_ref=link.account_ref,
                               person_ref=link.person_ref, linked_at=link.linked_at)
        entry = RevenueAuditModel(account_ref=link.account_ref, key=audit_key, action="linked",
                                  user_id=link.user_id, by_user_id=by_user_id, person_ref=link.person_ref)
        with writes(parts=("link", "audit"), exists=("link", "audit")), transaction() as t:
            t.save(row, condition=RevenueLinkModel.id.does_not_exist())
            t.save(entry, condition=RevenueAuditModel.key.does_not_exist())

    def remove_link(self, link, audit_key, by_user_id, reason=None):
        """The link, its cached view and an audit entry, one transaction."""
        entry = RevenueAuditModel(account_ref=link.account_ref, key=audit_key, action="unlinked",
                                  user_id=link.user_id, by_user_id=by_user_id, person_ref=link.person_ref,
                                  reason=reason)
        with writes(parts=("link", "view", "audit"), exists=("audit",)), transaction() as t:
            t.delete(RevenueLinkModel(user_id=link.user_id, id=link.id),
                     condition=RevenueLinkModel.id.exists())
            t.delete(RevenueViewModel(link_id=link.id))
            t.save(entry, condition=RevenueAuditModel.key.does_not_exist())

    def record(self, account_ref, audit_key, action, by_user_id, reason=None, document_id=None):
        """An audit entry alone (a staff lookup: nothing else changes)."""
        with writes(parts=("audit",), exists=("audit",)):
            RevenueAuditModel(account_ref=account_ref, key=audit_key, action=action, user_id=by_user_id,
                              by_user_id=by_user_id, reason=reason, document_id=document_id).save(
                condition=RevenueAuditModel.key.does_not_exist())

    def audit(self, account_ref):
        return [{"at": row.key.split("#")[0], "action": row.action, "user_id": row.user_id,
                 "by_user_id": row.by_user_id, "reason": row.reason,
                 **({"document_id": row.document_id} if row.document_id else {})}
                for row in RevenueAuditModel.query(account_ref, consistent_read=True)]

    def cached(self, link_id):
        """(body, fetched_at) of the last copy, or None. One GetItem."""
        row = get_or_none(RevenueViewModel, link_id)
        return (row.body, row.fetched_at) if row is not None else None

    def keep(self, user_id, link_id, body, fetched_at, expires):
        """The copy, only while its link stands: an unlink or an erasure that
        lands during the back office's calls must not bring a copy back.
        False when the link is gone (nothing written)."""
        try:
            with writes(parts=("link", "view")), transaction() as t:
                t.condition_check(RevenueLinkModel, user_id, range_key=link_id,
                                  condition=RevenueLinkModel.id.exists())
                t.save(RevenueViewModel(link_id=link_id, body=body, fetched_at=fetched_at, expires=expires))
        except EditConflict:
            return False
        return True

