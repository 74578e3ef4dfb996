"""What makes a person an officer, a crew member or an administrator at one
council: its grant, in that council's partitions, keyed by the person's id.

The person (users) is the deployment's: one sign-in works at every address.
A grant is a council's: York's admin is a resident at North Lanarkshire's
address, which holds no grant of theirs (docs/decisions/councils.md). The
person's row names the councils where they hold one (`granted_in`), written
in the grant's own transaction, so a resident's request reads no grant at all
and an officer's reads the one of the council it is for."""
from pynamodb.attributes import (BooleanAttribute, JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute,
                                 VersionAttribute)
from pynamodb.indexes import GlobalSecondaryIndex, IncludeProjection, KeysOnlyProjection

from ... import tenancy
from .accounts import LEGACY_GRANT, UserModel
from ..binding import Stored, bind, get_or_none, model_of, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..records import Grant
from ..data_map import Holds, Retention


ROSTER = "officers"  # the one key of a council's roster: every grant holding staff roles


class RosterIndex(GlobalSecondaryIndex):
    """The council's officers who hold staff roles, with those roles, and its administrators: who to tell of
    what reaches a desk (a compliment to a team), or of a break-glass sign-in, in one Query, whatever the
    number of residents. Sparse: a grant holding neither (a crew member) is not in it."""
    class Meta:
        index_name = "roster"
        projection = IncludeProjection(["role", "roles"])

    roster = CouncilKey(hash_key=True)


IDLE = "idle"  # the one key of a council's grants by when each was last used


class IdleIndex(GlobalSecondaryIndex):
    """The council's grants by the moment each was last used (its last sign-in here, else when it was made or
    changed), oldest first: the officers unused for the council's `unused_days` are one Query of what is due,
    never a Scan (handlers/scim/unused.py). Sparse: a break-glass grant is not in it."""
    class Meta:
        index_name = "idle"
        projection = KeysOnlyProjection()

    idle = CouncilKey(hash_key=True)
    unused_since = UTCDateTimeAttribute(range_key=True)


class StaffGrantModel(Stored):
    class Meta:
        table_name = table("staff-grants")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier", "roles": "work", "roles_history": "work",
                "last_signed_in": "activity"}, whose="officer", part="staff", basis="public_task",
        purpose="Which desks an officer, crew member or administrator may use at the council, and who changed it",
        retention=Retention(after="ended", months=12, source="project",
                            note="a year after the officer leaves, for the audit of what they could do"))

    user_id = CouncilKey(hash_key=True)
    role = UnicodeAttribute()  # crew, staff, admin
    team = UnicodeAttribute(null=True)  # a crew member's team (or a shared team's officer's)
    scope = JSONAttribute(default=dict)  # {"categories": [...], "wards": [...]}: none, all
    roles = JSONAttribute(default=list)  # the council's staff roles they hold (auth/desks.py)
    roles_history = JSONAttribute(default=list)  # each change of roles: who, when, before and after
    changed_at = UTCDateTimeAttribute(null=True)
    source = UnicodeAttribute(null=True)  # "directory": made from the council's directory's groups
    break_glass = BooleanAttribute(null=True)
    last_signed_in = UTCDateTimeAttribute(null=True)
    roster = CouncilKey(null=True)  # ROSTER while it holds staff roles
    idle = CouncilKey(null=True)  # IDLE but for a break-glass grant
    unused_since = UTCDateTimeAttribute(null=True)  # last_signed_in, else changed_at: written by grant_model
    version = VersionAttribute()

    roster_index = RosterIndex()
    idle_index = IdleIndex()


def grant_model(grant):
    """The grant's item, on the council's roster while it holds staff roles (or is an administrator's), and
    by when it was last used (a sign-in recorded on the grant, `last_signed_in`, moves it on: signed_in) but
    for a break-glass grant."""
    since = grant.last_signed_in or grant.changed_at
    idle = IDLE if since is not None and not grant.break_glass else None
    return model_of(StaffGrantModel, grant, roster=ROSTER if grant.roles or grant.role == "admin" else None,
                    idle=idle, unused_since=since if idle else None)


class GrantStore:
    def __init__(self):
        bind()

    def get(self, user_id):
        """The person's grant at the council the work is for, or None (a resident here)."""
        found = record_of(Grant, get_or_none(StaffGrantModel, user_id, consistent_read=True))
        if found is not None:
            found.council = tenancy.current()
        return found

    def put(self, grant, user):
        """Write `grant` (EditConflict when it changed since it was read, or was made meanwhile) and,
        in the same transaction, name this council on the person, and take off their row what it held
        from before councils (the default council's grant, now written)."""
        model = grant_model(grant)
        with writes(["grant", "user"]), transaction() as t:
            t.save(model)
            self._person(t, user, UserModel.granted_in.add({tenancy.current()}))
        grant.version, grant.council = model.version, tenancy.current()

    def signed_in(self, grant, at):
        """The grant's holder signed in at this council at `at` (when an unused officer is suspended from).
        Not versioned: a sign-in must not make an administrator's change of the grant stale."""
        from pynamodb.exceptions import UpdateError
        if grant is None or grant.version is None:
            return
        try:
            moved = [] if grant.break_glass else [StaffGrantModel.idle.set(IDLE), StaffGrantModel.unused_since.set(at)]
            # The table's own UpdateItem: Model.update sets a VersionAttribute it was not given (None) to 1.
            StaffGrantModel._get_connection().update_item(
                StaffGrantModel.user_id.serialize(grant.user_id),
                actions=[StaffGrantModel.last_signed_in.set(at), *moved],  # and by when unused (idle index)
                condition=StaffGrantModel.user_id.exists())
        except UpdateError as e:
            if e.cause_response_code != "ConditionalCheckFailedException":
                raise
            return  # taken away meanwhile (the directory's leaver): nothing to mark
        grant.last_signed_in = at

    def unused_before(self, moment, limit):
        """The ids of up to `limit` people whose grant here was last used before `moment`, oldest first."""
        return [g.user_id for g in StaffGrantModel.idle_index.query(
            IDLE, IdleIndex.unused_since < moment, limit=limit)]

    def officers(self):
        """[(user id, role, roles)] of the council's grants holding staff roles: one Query of its roster."""
        return [(g.user_id, g.role, list(g.roles or [])) for g in StaffGrantModel.roster_index.query(ROSTER)]

    @staticmethod
    def enrol_roster():
        """Put every grant holding staff roles on its council's roster (a stage from before the index):
        one pass over the table, each item written for the council its key names. CLI only (`doorstep
        tables`, when it adds the index). Returns how many were enrolled."""
        from ..binding import connection
        client, table, start, enrolled = connection().client, StaffGrantModel.Meta.table_name, None, 0
        while True:
            page = client.scan(TableName=table, ConsistentRead=True, **({"ExclusiveStartKey": start} if start else {}))
            for item in page.get("Items", []):
                council = tenancy.council_of(item["user_id"]["S"])
                if council and item.get("roles", {}).get("S", "[]") not in ("[]", "null") and "roster" not in item:
                    with tenancy.acting_for(council):  # the key its own council's, as the attribute writes it
                        client.update_item(
                            TableName=table, Key={"user_id": item["user_id"]}, UpdateExpression="SET #r = :r",
                            ConditionExpression="attribute_exists(user_id)", ExpressionAttributeNames={"#r": "roster"},
                            ExpressionAttributeValues={":r": {"S": StaffGrantModel.roster.serialize(ROSTER)}})
                    enrolled += 1
            start = page.get("LastEvaluatedKey")
            if not start:
                return enrolled

    def remove(self, grant, user):
        """The person holds no grant here from now: a resident at this council's address."""
        with writes(["grant", "user"]), transaction() as t:
            if grant is not None and grant.version is not None:
                t.delete(model_of(StaffGrantModel, grant))
            self._person(t, user, UserModel.granted_in.delete({tenancy.current()}))

    def forget_everywhere(self, user):
        """Every council's grant of a person being erased (each a council's own write)."""
        for council in sorted(user.granted_in or ()):
            with tenancy.acting_for(council):
                StaffGrantModel(user_id=user.id).delete(add_version_condition=False)

    @staticmethod
    def _person(t, user, change):
        """The person's row: `change` to where they hold grants, and the attributes of before councils
        gone (they were the default council's). Its version is raised, not checked: two councils granting at once both stand, and a save
        of the person from an older read (their profile) is refused rather than undo this."""
        held = user.before_councils if tenancy.current() == tenancy.default() else None
        actions = [change] + [getattr(UserModel, LEGACY_GRANT[name]).remove() for name in held or ()]
        t.update(UserModel(id=user.id, version=user.version), actions=actions,
                 condition=UserModel.id.exists(), add_version_condition=False)
