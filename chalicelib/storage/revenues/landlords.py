"""Landlord organisations (handlers/landlords): the organisation a lead user
registered for a creditor reference, its members with their roles, its
audit, the last copy of its payment runs as the back office answered them,
and its claims with the indexes a search reads.

The back office's copies (runs, claims and their index) are landlord_copies.py's, the claims' list
and its lease landlord_lists.py's."""
from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, table, transaction, writes
from ..council_key import CouncilKey
from .landlord_copies import LandlordCopies
from .landlord_lists import LandlordLists
from ..data_map import Holds, Retention


class ByUserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)


class WaitingIndex(GlobalSecondaryIndex):
    """Sparse: only organisations awaiting approval hold `waiting`, so the desk's list reads what it shows."""
    class Meta:
        index_name = "waiting"
        projection = AllProjection()

    waiting = CouncilKey(hash_key=True)
    registered_at = UTCDateTimeAttribute(range_key=True)


class LandlordOrgModel(Stored):
    class Meta:
        table_name = table("landlord-orgs")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"name": "name", "lead_user_id": "identifier"}, whose="landlord", part="landlords",
        basis="public_task", purpose="A landlord registered for its creditor reference, and who leads it",
        retention=Retention(after="ended", months=12, source="project"))

    creditor_ref = CouncilKey(hash_key=True)
    name = UnicodeAttribute()
    state = UnicodeAttribute()  # active, awaiting_approval
    lead_user_id = UnicodeAttribute()
    registered_at = UTCDateTimeAttribute()
    waiting = CouncilKey(null=True)  # "yes" while awaiting approval: the sparse index's key
    waiting_index = WaitingIndex()


class LandlordMemberModel(Stored):
    class Meta:
        table_name = table("landlord-members")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier", "email": "contact"}, whose="landlord", part="landlords",
        basis="public_task", recipients=("mailer",),
        purpose="Who may see a landlord organisation's claims, and in what role",
        retention=Retention(after="ended", months=12, source="project"))

    creditor_ref = CouncilKey(hash_key=True)
    user_id = CouncilKey(range_key=True)
    role = UnicodeAttribute()  # lead, view, report
    email = UnicodeAttribute(null=True)
    added_at = UTCDateTimeAttribute()
    by_user = ByUserIndex()


class LandlordAuditModel(Stored):
    class Meta:
        table_name = table("landlord-audit")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"by_user_id": "identifier", "user_id": "identifier", "detail": "free_text"}, whose="landlord",
        part="landlords", basis="public_task", purpose="Who joined, left or read what of a landlord's claims",
        retention=Retention(after="created", months=72, source="project", note="the council's audit"))

    creditor_ref = CouncilKey(hash_key=True)
    key = UnicodeAttribute(range_key=True)  # "<ISO time>#<id>"
    action = UnicodeAttribute()
    by_user_id = UnicodeAttribute()
    user_id = UnicodeAttribute(null=True)
    detail = UnicodeAttribute(null=True)


class LandlordStore(LandlordCopies, LandlordLists):
    def __init__(self):
        bind()

    # -- organisations and members ------------------------------------------
    def org(self, creditor_ref):
        row = get_or_none(LandlordOrgModel, creditor_ref, consistent_read=True)
        return None if row is None else {"creditor_ref": row.creditor_ref, "name": row.name, "state": row.state,
                                         "lead_user_id": row.lead_user_id, "registered_at": row.registered_at}

    def register(self, org, audit_key):
        """The organisation, its lead as a member and the audit, one transaction (AlreadyExists: taken)."""
        with writes(parts=("org", "member", "audit"), exists=("org", "member", "audit")), transaction() as t:
            waiting = "yes" if org["state"] == "awaiting_approval" else None
            t.save(LandlordOrgModel(**org, waiting=waiting), condition=LandlordOrgModel.creditor_ref.does_not_exist())
            t.save(LandlordMemberModel(creditor_ref=org["creditor_ref"], user_id=org["lead_user_id"], role="lead",
                                       added_at=org["registered_at"]))
            t.save(self._entry(org["creditor_ref"], audit_key, "registered", org["lead_user_id"]))

    def approve(self, creditor_ref, audit_key, by_user_id):
        with writes(parts=("org", "audit")), transaction() as t:
            t.update(LandlordOrgModel(creditor_ref=creditor_ref), actions=[
                LandlordOrgModel.state.set("active"), LandlordOrgModel.waiting.remove()],
                condition=LandlordOrgModel.state == "awaiting_approval")
            t.save(self._entry(creditor_ref, audit_key, "approved", by_user_id))

    def refuse(self, creditor_ref, members, audit_key, by_user_id, reason):
        """The waiting organisation and its members go (so the landlord's real lead may register); the audit
        stays. EditConflict: not waiting (approved or refused meanwhile)."""
        with writes(parts=("org", "audit")), transaction() as t:
            t.delete(LandlordOrgModel(creditor_ref=creditor_ref),
                     condition=LandlordOrgModel.state == "awaiting_approval")
            for user_id in members:
                t.delete(LandlordMemberModel(creditor_ref=creditor_ref, user_id=user_id))
            t.save(self._entry(creditor_ref, audit_key, "refused", by_user_id, detail=reason))

    def waiting(self, limit):
        """Organisations awaiting approval, oldest first: one Query of the sparse index."""
        return [{"creditor_ref": r.creditor_ref, "name": r.name, "state": r.state, "lead_user_id": r.lead_user_id,
                 "registered_at": r.registered_at} for r in LandlordOrgModel.waiting_index.query("yes", limit=limit)]

    def accept_invitation(self, creditor_ref, invite_id, user_id, role, email, now, audit_key):
        """An invitation by e-mail becomes the signed-in colleague's membership (EditConflict: gone meanwhile)."""
        with writes(parts=("invite", "member", "audit"), exists=("member",)), transaction() as t:
            t.delete(LandlordMemberModel(creditor_ref=creditor_ref, user_id=invite_id),
                     condition=LandlordMemberModel.user_id.exists())
            t.save(LandlordMemberModel(creditor_ref=creditor_ref, user_id=user_id, role=role, email=email,
                                       added_at=now), condition=LandlordMemberModel.user_id.does_not_exist())
            t.save(self._entry(creditor_ref, audit_key, f"invitation_accepted:{role}", user_id, user_id))

    def membership(self, user_id):
        """The user's (creditor_ref, role), or None: one index Query."""
        for row in LandlordMemberModel.by_user.query(user_id, limit=1):
            return row.creditor_ref, row.role
        return None

    def members(self, creditor_ref):
        return [_member(r) for r in LandlordMemberModel.query(creditor_ref, consistent_read=True)]

    def member(self, creditor_ref, user_id):
        row = get_or_none(LandlordMemberModel, creditor_ref, range_key=user_id, consistent_read=True)
        return None if row is None else _member(row)

    def add_member(self, creditor_ref, user_id, role, email, now, audit_key, by_user_id, event=None):
        """The member, its audit and (an invitation's) the event that e-mails it, one transaction."""
        from ..reports.report_store import EventModel, event_model
        parts = ("member", "audit") + (("event",) if event is not None else ())
        with writes(parts=parts, exists=("member", "audit", "event")), transaction() as t:
            t.save(LandlordMemberModel(creditor_ref=creditor_ref, user_id=user_id, role=role, email=email,
                                       added_at=now), condition=LandlordMemberModel.user_id.does_not_exist())
            t.save(self._entry(creditor_ref, audit_key, f"member_added:{role}", by_user_id, user_id))
            if event is not None:
                t.save(event_model(event), condition=EventModel.id.does_not_exist())

    def remove_member(self, creditor_ref, user_id, audit_key, by_user_id):
        with writes(parts=("member", "audit")), transaction() as t:
            t.delete(LandlordMemberModel(creditor_ref=creditor_ref, user_id=user_id),
                     condition=LandlordMemberModel.user_id.exists())
            t.save(self._entry(creditor_ref, audit_key, "member_removed", by_user_id, user_id))

    def record(self, creditor_ref, audit_key, action, by_user_id, detail=None):
        self._entry(creditor_ref, audit_key, action, by_user_id, detail=detail).save()

    def audit(self, creditor_ref):
        return [{"at": r.key.split("#")[0], "action": r.action, "by_user_id": r.by_user_id, "user_id": r.user_id,
                 "detail": r.detail} for r in LandlordAuditModel.query(creditor_ref, consistent_read=True)]

    @staticmethod
    def _entry(creditor_ref, audit_key, action, by_user_id, user_id=None, detail=None):
        return LandlordAuditModel(creditor_ref=creditor_ref, key=audit_key, action=action, by_user_id=by_user_id,
                                  user_id=user_id, detail=detail)


def _member(row):
    return {"user_id": row.user_id, "role": row.role, "email": row.email, "added_at": row.added_at}
