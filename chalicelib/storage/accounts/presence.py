"""A person at one council: when they last used their account there (a sign-in, a report, an alert
delivered to them, a session kept alive), so an account unused at the council for its period is warned
and then removed there, and nowhere else (docs/decisions/retention.md).

The person (users) is the deployment's; this row is the council's, keyed by the person's id in the
council's partitions. It is on the due index (storage/due.py) from its last use: `accounts` until the
person is warned, `accounts#warned` after (a use moves it back), `accounts#removing` while the sweep
removes them (a killed sweep resumes from there), `held` on a legal hold. Removed at the council, the
row goes: a later sign-in there makes a new one."""
from datetime import datetime, timedelta

from pynamodb.attributes import JSONAttribute, UnicodeAttribute, UTCDateTimeAttribute

from ..binding import Stored, bind, get_or_none, record_of, table, writes
from ..council_key import CouncilKey
from ..data_map import Holds, Retention
from ..due import HELD, due_index, moment
from ..errors import EditConflict
from ..record_class import record

ACTIVE, WARNED, REMOVING = "accounts", "accounts#warned", "accounts#removing"
# A use within this of the last one recorded writes nothing: a session kept alive every quarter of an hour,
# a resident's alerts, are one write a day at most (a failed condition costs one write unit, no index write).
GRAIN = timedelta(hours=12)


@record
class Presence:
    user_id: str
    last_active: datetime
    warned_at: datetime | None = None
    hold: dict | None = None
    stage: str | None = None  # where it stands: ACTIVE, WARNED, REMOVING or HELD (its `retain`)


class PresenceModel(Stored):
    class Meta:
        table_name = table("account-presence")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"user_id": "identifier", "last_active": "activity", "warned_at": "activity", "hold": "free_text"},
        whose="resident", part="account", basis="contract",
        purpose="When a resident last used their account at the council, to warn them before it is removed "
                "there for being unused",
        retention=Retention(after="last_activity", months=24, then="delete", source="project",
                            note="goes with the account at the council"))

    user_id = CouncilKey(hash_key=True)
    last_active = UTCDateTimeAttribute()
    warned_at = UTCDateTimeAttribute(null=True)
    hold = JSONAttribute(null=True)  # {reason, by, at}: a legal hold
    # HELD while held: a use then keeps the row in the held partition (`retain = if_not_exists(held_retain, ...)`).
    held_retain = CouncilKey(null=True)
    retain = CouncilKey(null=True)
    retain_from = UnicodeAttribute(null=True)

    retention_index = due_index()


def seen_actions(now):
    """What a use at the council writes: its moment, back to the unwarned partition (or the held one)."""
    return [PresenceModel.last_active.set(now), PresenceModel.retain_from.set(moment(now)),
            PresenceModel.retain.set(PresenceModel.held_retain | ACTIVE), PresenceModel.warned_at.remove()]


class PresenceStore:
    def __init__(self):
        bind()

    def get(self, user_id):
        found = get_or_none(PresenceModel, user_id, consistent_read=True)
        made = record_of(Presence, found)
        if made is not None:
            made.stage = found.retain
        return made

    def seen(self, user_id, now):
        """The person used their account here at `now` (a report, an alert delivered, a session kept alive;
        a sign-in is written with its session: account_store.py). Within GRAIN of the last use recorded
        nothing is written, unless they were warned meanwhile; a use while the sweep removes them is not
        recorded (they were warned). False when nothing was written."""
        condition = (PresenceModel.retain.does_not_exist() | (PresenceModel.retain != REMOVING)) & (
            PresenceModel.last_active.does_not_exist() | (PresenceModel.last_active < now - GRAIN)
            | (PresenceModel.retain == WARNED))
        return self._update(user_id, seen_actions(now), condition)

    def due(self, partition, before, limit, start=None):
        """A page of the council's people in `partition` (ACTIVE, WARNED, REMOVING, HELD) last active
        before `before`: [(user id, last active)], cursor. One Query of the due index."""
        from ..due import page
        return page(PresenceModel.retention_index, partition, before, limit, start)

    def due_count(self, partition, before):
        from ..due import count
        return count(PresenceModel.retention_index, partition, before)

    def move(self, row, partition, now=None):
        """The person moved from the partition they were read in to `partition` (WARNED: warned at
        `now`), if they have not used their account since: False when they have."""
        actions = [PresenceModel.retain.set(partition)]
        if partition == WARNED:
            actions.append(PresenceModel.warned_at.set(now))
        return self._if_unchanged(row, actions)

    def forget(self, row):
        """The row gone (the person removed at the council), if still as read; False when they came back."""
        try:
            with writes(["presence"]):
                PresenceModel(user_id=row.user_id).delete(
                    condition=(PresenceModel.retain == row.stage) & (PresenceModel.last_active == row.last_active))
        except EditConflict:
            return False
        return True

    def hold(self, user_id, hold):
        """A legal hold on the person at this council. Their row goes to the held partition, its moment
        kept. False when there is no such person here, they are held already (two administrators at once:
        the first stands, the other is told so) or the sweep is removing them (what it began it finishes)."""
        return self._update(user_id, [PresenceModel.hold.set(hold), PresenceModel.held_retain.set(HELD),
                                      PresenceModel.retain.set(HELD)],
                            PresenceModel.user_id.exists() & PresenceModel.hold.does_not_exist()
                            & (PresenceModel.retain.does_not_exist() | (PresenceModel.retain != REMOVING)))

    def release(self, user_id, line):
        """The hold taken off with the audit's `line` (False: none held): back among the unwarned, from
        their last use, so they are warned again before they could go."""
        from ..due import moved
        return moved(PresenceModel, user_id, [
            PresenceModel.hold.remove(), PresenceModel.held_retain.remove(), PresenceModel.warned_at.remove(),
            PresenceModel.retain.set(ACTIVE)], PresenceModel.hold.exists(), line)

    @staticmethod
    def enrol_existing(now):
        """Every account known before this table: a row at each council it signed in at (the default
        council's, for one from before councils), last used `now`, the moment the council started counting
        (nobody is removed for a silence no one recorded). One pass over the users; CLI only (`doorstep
        tables`, when it makes this table). Returns how many rows were made."""
        from ... import tenancy
        from .accounts import UserModel
        from ..binding import connection
        client, start, made = connection().client, None, 0
        while True:
            page = client.scan(TableName=UserModel.Meta.table_name, ProjectionExpression="id, signed_in_at",
                               **({"ExclusiveStartKey": start} if start else {}))
            for item in page.get("Items", []):
                for council in item.get("signed_in_at", {}).get("SS") or [tenancy.default()]:
                    with tenancy.acting_for(council):
                        try:
                            with writes(["presence"]):
                                PresenceModel(user_id=item["id"]["S"]).update(
                                    actions=seen_actions(now), condition=PresenceModel.user_id.does_not_exist())
                            made += 1
                        except EditConflict:
                            pass  # a use recorded since the table was made: that row stands
            start = page.get("LastEvaluatedKey")
            if not start:
                return made

    def _if_unchanged(self, row, actions):
        return self._update(row.user_id, actions,
                            (PresenceModel.retain == row.stage) & (PresenceModel.last_active == row.last_active))

    @staticmethod
    def _update(user_id, actions, condition):
        try:
            with writes(["presence"]):
                PresenceModel(user_id=user_id).update(actions=actions, condition=condition)
        except EditConflict:
            return False
        return True
