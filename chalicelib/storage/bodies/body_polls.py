"""How far each Open311 body's updates have been read, and how the reading
goes: table `body-polls`, one item per body, written by the every-minute
poll (handlers/forwarding/polling.py) and read by staff as the body's
health (GET /v1/staff/bodies/{id}/health).

Every write is an UpdateItem of its own attributes, so the cursor and the
health never overwrite each other."""
from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute

from ..binding import Stored, bind, get_or_none, table
from ..council_key import CouncilKey
from ..record_class import record
from ..data_map import holds_nothing

REASON_MAX = 300


@record
class BodyPolls:
    body_id: str
    since: object = None  # the last updated_datetime read (the next poll starts there, less an overlap)
    read_at: object = None  # the last poll, whatever came of it
    ok_at: object = None  # the last poll whose answer was read whole
    problem: str | None = None  # why the last poll that was not read whole was not
    problem_at: object = None


class PollCursorModel(Stored):
    class Meta:
        table_name = table("body-polls")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(body_id="a body's id: an organisation, not a person",
                             problem="what went wrong reading the body's updates: its server's words")

    body_id = CouncilKey(hash_key=True)
    since = UTCDateTimeAttribute(null=True)
    read_at = UTCDateTimeAttribute(null=True)
    ok_at = UTCDateTimeAttribute(null=True)
    problem = UnicodeAttribute(null=True)
    problem_at = UTCDateTimeAttribute(null=True)


class PollCursorStore:
    def __init__(self):
        bind()

    def get(self, body_id):
        model = get_or_none(PollCursorModel, body_id)
        if model is None:
            return BodyPolls(body_id=body_id)
        return BodyPolls(body_id=body_id, since=model.since, read_at=model.read_at, ok_at=model.ok_at,
                         problem=model.problem, problem_at=model.problem_at)

    def since(self, body_id):
        return self.get(body_id).since

    def read(self, body_id, at, problem=None, since=None):
        """One poll's outcome (and the cursor, when it moved), in one UpdateItem:
        read whole, or not and why."""
        actions = [PollCursorModel.read_at.set(at)]
        if problem:
            actions += [PollCursorModel.problem.set(str(problem)[:REASON_MAX]), PollCursorModel.problem_at.set(at)]
        else:
            actions.append(PollCursorModel.ok_at.set(at))
        if since is not None:
            actions.append(PollCursorModel.since.set(since))
        PollCursorModel(body_id=body_id).update(actions=actions)
