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
    due: str | None = None  # where it stands: ACTIVE, WARNED, REMOVING or HELD


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
    # HELD while held: a use then keeps the row in the held partition (`due = if_not_exists(held_due, ...)`).
    held_due = CouncilKey(null=True)
    due = CouncilKey(null=True)
    due_from = UnicodeAttribute(null=True)

    due_index = due_index()


def seen_actions(now):
    """What a use at the council writes: its moment, back to the unwarned partition (or the held one)."""
    return [PresenceModel.last_active.set(now), PresenceModel.due_from.set(moment(now)),
            PresenceModel.due.set(PresenceModel.held_due | ACTIVE), PresenceModel.warned_at.remove()]


class PresenceStore:
    def __init__(self):
        bind()

    def get(self, user_id):
        return record_of(Presence, get_or_none(PresenceModel, user_id, consistent_read=True))

    def seen(self, user_id, now):
        """The person used their account here at `now` (a report, an alert delivered, a session kept alive;
        a sign-in is written with its session: account_store.py). Within GRAIN of the last use recorded
        nothing is written, unless they were warned meanwhile; a use while the sweep removes them is not
        recorded (they were warned). False when nothing was written."""
        condition = (PresenceModel.due.does_not_exist() | (PresenceModel.due != REMOVING)) & (
            PresenceModel.last_active.does_not_exist() | (PresenceModel.last_active < now - GRAIN)
            | (PresenceModel.due == WARNED))
        return self._update(user_id, seen_actions(now), condition)

    def due(self, partition, before, limit, start=None):
        """A page of the council's people in `partition` (ACTIVE, WARNED, REMOVING, HELD) last active
        before `before`: [(user id, last active)], cursor. One Query of the due index."""
        from ..due import page
        return page(PresenceModel.due_index, partition, before, limit, start)

    def due_count(self, partition, before):
        from ..due import count
        return count(PresenceModel.due_index, partition, before)

    def move(self, row, partition, now=None):
        """The person moved from the partition they were read in to `partition` (WARNED: warned at
        `now`), if they have not used their account since: False when they have."""
        actions = [PresenceModel.due.set(partition)]
        if partition == WARNED:
            actions.append(PresenceModel.warned_at.set(now))
        return self._if_unchanged(row, actions)

    def forget(self, row):
        """The row gone (the person removed at the council), if still as read; False when they came back."""
        try:
            with writes(["presence"]):
                PresenceModel(user_id=row.user_id).delete(
                    condition=(PresenceModel.due == row.due) & (PresenceModel.last_active == row.last_active))
        except EditConflict:
            return False
        return True

    def hold(self, user_id, hold):
        """A legal hold on the person at this council (False: no such person here). Their row goes to
        the held partition, its moment kept."""
        return self._update(user_id, [PresenceModel.hold.set(hold), PresenceModel.held_due.set(HELD),
                                      PresenceModel.due.set(HELD)], PresenceModel.user_id.exists())

    def release(self, user_id):
        """The hold taken off (False: none held): back among the unwarned, from their last use, so
        they are warned again before they could go."""
        return self._update(user_id, [PresenceModel.hold.remove(), PresenceModel.held_due.remove(),
                                      PresenceModel.warned_at.remove(), PresenceModel.due.set(ACTIVE)],
                            PresenceModel.hold.exists())

    def _if_unchanged(self, row, actions):
        return self._update(row.user_id, actions,
                            (PresenceModel.due == row.due) & (PresenceModel.last_active == row.last_active))

    @staticmethod
    def _update(user_id, actions, condition):
        try:
            with writes(["presence"]):
                PresenceModel(user_id=user_id).update(actions=actions, condition=condition)
        except EditConflict:
            return False
        return True
