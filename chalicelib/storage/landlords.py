"""Landlord organisations (handlers/landlords): the organisation a lead user
registered for a creditor reference, its members with their roles, its
audit, the last copy of its payment runs as the back office answered them,
and its claims with the indexes a search reads.

A run's copy is kept in chunks of RUN_CHUNK lines under one key (a 2,000-line
run is four items, one Query), so a run and its CSV cost a few reads, not
one per line. Claims are one item each under the organisation, so opening a
claim is one GetItem that can only find the organisation's own; a search
Queries the `by_term` index (surname, postcode, street, claim reference), never
every claim."""
from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from .binding import Stored, batch_save, bind, get_or_none, table, transaction, writes

RUN_CHUNK = 500  # lines a copy item holds: about 100 KB, well inside DynamoDB's 400 KB


class ByUserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_user"
        projection = AllProjection()

    user_id = UnicodeAttribute(hash_key=True)


class LandlordOrgModel(Stored):
    class Meta:
        table_name = table("landlord-orgs")
        billing_mode = "PAY_PER_REQUEST"

    creditor_ref = UnicodeAttribute(hash_key=True)
    name = UnicodeAttribute()
    state = UnicodeAttribute()  # active, awaiting_approval
    lead_user_id = UnicodeAttribute()
    registered_at = UTCDateTimeAttribute()


class LandlordMemberModel(Stored):
    class Meta:
        table_name = table("landlord-members")
        billing_mode = "PAY_PER_REQUEST"

    creditor_ref = UnicodeAttribute(hash_key=True)
    user_id = UnicodeAttribute(range_key=True)
    role = UnicodeAttribute()  # lead, view, report
    email = UnicodeAttribute(null=True)
    added_at = UTCDateTimeAttribute()
    by_user = ByUserIndex()


class LandlordAuditModel(Stored):
    class Meta:
        table_name = table("landlord-audit")
        billing_mode = "PAY_PER_REQUEST"

    creditor_ref = UnicodeAttribute(hash_key=True)
    key = UnicodeAttribute(range_key=True)  # "<ISO time>#<id>"
    action = UnicodeAttribute()
    by_user_id = UnicodeAttribute()
    user_id = UnicodeAttribute(null=True)
    detail = UnicodeAttribute(null=True)


class LandlordCopyModel(Stored):
    """The back office's answers as it gave them: "runs" (the list), "run#<ref>#<n>" (a run's chunks)."""
    class Meta:
        table_name = table("landlord-copies")
        billing_mode = "PAY_PER_REQUEST"

    creditor_ref = UnicodeAttribute(hash_key=True)
    part = UnicodeAttribute(range_key=True)
    body = JSONAttribute()
    fetched_at = UTCDateTimeAttribute()


class ByTermIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_term"
        projection = AllProjection()

    term = UnicodeAttribute(hash_key=True)  # "<creditor>#<kind>:<value>"
    claim_ref = UnicodeAttribute(range_key=True)


class LandlordClaimModel(Stored):
    """A claim paid to the landlord, once per term it is found by (the "ref" row holds it whole)."""
    class Meta:
        table_name = table("landlord-claims")
        billing_mode = "PAY_PER_REQUEST"

    creditor_ref = UnicodeAttribute(hash_key=True)
    key = UnicodeAttribute(range_key=True)  # "<kind>:<value>#<claim_ref>"
    term = UnicodeAttribute()
    claim_ref = UnicodeAttribute()
    body = JSONAttribute()
    fetched_at = UTCDateTimeAttribute()
    by_term = ByTermIndex()


class LandlordStore:
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
            t.save(LandlordOrgModel(**org), condition=LandlordOrgModel.creditor_ref.does_not_exist())
            t.save(LandlordMemberModel(creditor_ref=org["creditor_ref"], user_id=org["lead_user_id"], role="lead",
                                       added_at=org["registered_at"]))
            t.save(self._entry(org["creditor_ref"], audit_key, "registered", org["lead_user_id"]))

    def approve(self, creditor_ref, audit_key, by_user_id):
        with writes(parts=("org", "audit")), transaction() as t:
            t.update(LandlordOrgModel(creditor_ref=creditor_ref), actions=[LandlordOrgModel.state.set("active")],
                     condition=LandlordOrgModel.creditor_ref.exists())
            t.save(self._entry(creditor_ref, audit_key, "approved", by_user_id))

    def membership(self, user_id):
        """The user's (creditor_ref, role), or None: one index Query."""
        for row in LandlordMemberModel.by_user.query(user_id, limit=1):
            return row.creditor_ref, row.role
        return None

    def members(self, creditor_ref):
        return [{"user_id": r.user_id, "role": r.role, "email": r.email, "added_at": r.added_at}
                for r in LandlordMemberModel.query(creditor_ref, consistent_read=True)]

    def add_member(self, creditor_ref, user_id, role, email, now, audit_key, by_user_id):
        with writes(parts=("member", "audit"), exists=("member", "audit")), transaction() as t:
            t.save(LandlordMemberModel(creditor_ref=creditor_ref, user_id=user_id, role=role, email=email,
                                       added_at=now), condition=LandlordMemberModel.user_id.does_not_exist())
            t.save(self._entry(creditor_ref, audit_key, f"member_added:{role}", by_user_id, user_id))

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

    # -- the back office's copies --------------------------------------------
    def copy(self, creditor_ref, part):
        """(body, fetched_at) of a kept answer, or None: one GetItem."""
        row = get_or_none(LandlordCopyModel, creditor_ref, range_key=part)
        return None if row is None else (row.body, row.fetched_at)

    def keep(self, creditor_ref, part, body, now):
        LandlordCopyModel(creditor_ref=creditor_ref, part=part, body=body, fetched_at=now).save()

    def run_lines(self, creditor_ref, run_ref):
        """(lines, fetched_at) of a kept run, or None: one Query of its chunks."""
        rows = list(LandlordCopyModel.query(creditor_ref, LandlordCopyModel.part.startswith(f"run#{run_ref}#")))
        if not rows:
            return None
        rows.sort(key=lambda r: int(r.part.rsplit("#", 1)[1]))
        return [line for r in rows for line in r.body], rows[0].fetched_at

    def keep_run(self, creditor_ref, run_ref, lines, now):
        chunks = [lines[i:i + RUN_CHUNK] for i in range(0, len(lines), RUN_CHUNK)] or [[]]
        return batch_save(LandlordCopyModel, (LandlordCopyModel(creditor_ref=creditor_ref, part=f"run#{run_ref}#{n}",
                                                                body=chunk, fetched_at=now)
                                              for n, chunk in enumerate(chunks)))

    # -- claims and their index ----------------------------------------------
    def claim(self, creditor_ref, claim_ref):
        row = get_or_none(LandlordClaimModel, creditor_ref, range_key=f"ref:{claim_ref}#{claim_ref}")
        return None if row is None else (row.body, row.fetched_at)

    def find(self, creditor_ref, kind, value, limit):
        """(body, fetched_at) of claims whose `kind` term is `value`: one index Query."""
        return [(row.body, row.fetched_at) for row in LandlordClaimModel.by_term.query(f"{creditor_ref}#{kind}:{value}", limit=limit)]

    def keep_claims(self, creditor_ref, rows, now):
        """rows: [(kind, value, claim body)]; upserted 25 to a batch."""
        return batch_save(LandlordClaimModel, (
            LandlordClaimModel(creditor_ref=creditor_ref, key=f"{kind}:{value}#{body['claim_ref']}",
                               term=f"{creditor_ref}#{kind}:{value}", claim_ref=body["claim_ref"], body=body,
                               fetched_at=now) for kind, value, body in rows))
