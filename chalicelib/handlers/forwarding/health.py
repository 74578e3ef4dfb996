"""A body's health as staff read it: how the reading of its Open311 updates
goes (when it was last read, last read whole, and why it was not), so an
answer Doorstep cannot read shows here as a failed send shows on the report.
One GetItem of the body and one of its poll row."""
from ...errors import NotFound
from ...stamps import stamp
from .wording import NO_BODY


def body_health(deps, body_id):
    from ...storage.bodies.body_polls import PollCursorStore
    body = deps.bodies.get(body_id) if isinstance(body_id, str) and len(body_id) <= 40 else None
    if body is None:
        raise NotFound(NO_BODY.format(body_id=body_id), code="body_not_found")
    polled = body.send_method == "open311" and bool(body.endpoint)
    polls = PollCursorStore().get(body.id) if polled else None
    if polls is None:
        status = "not_read"  # a body whose updates Doorstep does not read (e-mail, the inbox)
    elif polls.read_at is None:
        status = "not_read_yet"
    elif polls.problem_at and (polls.ok_at is None or polls.problem_at >= polls.ok_at):
        status = "failing"
    else:
        status = "ok"
    updates = None if polls is None else {
        "read_at": stamp(polls.read_at), "read_whole_at": stamp(polls.ok_at), "read_up_to": stamp(polls.since),
        "problem": {"reason": polls.problem, "at": stamp(polls.problem_at)} if polls.problem else None}
    return {"body_id": body.id, "name": body.name, "send_method": body.send_method, "status": status,
            "updates": updates}
