"""Which council the work in hand is for.

One deployment serves many councils, and every record belongs to one of them.
The council is found once where work enters (a request's web address, an
event's key, a queued job, a schedule's turn over every council) and travels
in this context, as the caller does: domain code reads it from its Deps and
never from a host. The storage layer reads it here for every key it writes or
reads (storage/council_key.py), so a read or a write with no council cannot be
made, and an item of another council is never taken as this one's.

The council's id is the first part of every partition key, before `|`: the
pool model of AWS's SaaS guidance, where an IAM policy's dynamodb:LeadingKeys
could hold a role to `york|*` as this module holds the code (docs/decisions/councils.md).
"""
import contextvars
import re
from contextlib import contextmanager

SEPARATOR = "|"
# A council's id: lower-case letters, digits and hyphens, as in its web address.
ID = re.compile(r"^[a-z][a-z0-9-]{1,39}$")

_current = contextvars.ContextVar("doorstep_council", default=None)


class NoCouncil(RuntimeError):
    """Work reached storage with no council: a bug at the edge that let it in."""


class CrossedCouncil(RuntimeError):
    """An item of one council was read while working for another: never shown."""


def current():
    """The id of the council the work in hand is for; NoCouncil when none is set."""
    council = _current.get()
    if council is None:
        raise NoCouncil("no council is set for this work: set it where the work enters (tenancy.acting_for)")
    return council


def current_or_none():
    return _current.get()


def use(council_id):
    """Set the council for the rest of this context; returns the token reset() takes."""
    if not isinstance(council_id, str) or not ID.match(council_id):
        raise ValueError(f"not a council id: {council_id!r}")
    return _current.set(council_id)


def reset(token):
    _current.reset(token)


@contextmanager
def acting_for(council_id):
    """Work for `council_id` inside the block, then for whoever it was before."""
    token = use(council_id)
    try:
        yield council_id
    finally:
        _current.reset(token)


def key(value):
    """A partition key's stored value: the current council's id, then the value."""
    return f"{current()}{SEPARATOR}{value}"


def unkey(stored):
    """The value of a stored partition key, which must be the current council's."""
    council, sep, value = stored.partition(SEPARATOR)
    if not sep or council != current():
        raise CrossedCouncil(f"an item of {council if sep else 'no council'!r} read for {current()!r}")
    return value


def per_council(make):
    """get(): make() once for each council it is asked for while working for it (a worker's
    batch holds several councils' jobs; each council's share what they can, never another's)."""
    made = {}

    def get():
        council = current()
        if council not in made:
            made[council] = make()
        return made[council]
    return get


def stamped(body):
    """A queued job's body naming the council it is for (the worker sets it back: of_job)."""
    return {**body, "council": current()}


def of_job(body):
    """The council a queued job is for. A job queued before councils were kept
    apart names none: it is the deployment's first council's (default())."""
    council = body.get("council") if isinstance(body, dict) else None
    return council if isinstance(council, str) and ID.match(council) else default()


def default():
    """The council a deployment's default address serves, and that older data
    and jobs belong to: DOORSTEP_DEFAULT_COUNCIL (york)."""
    import os
    return os.environ.get("DOORSTEP_DEFAULT_COUNCIL") or "york"


def council_of(stored):
    """The council a stored partition key belongs to (a stream record's, a migration's); None if it has none."""
    council, sep, _ = stored.partition(SEPARATOR)
    return council if sep and ID.match(council) else None


def carried(fn):
    """`fn` made to run for this context's council in whichever thread calls it:
    a pool's threads start with no council, and one copied context cannot be
    entered by two threads at once."""
    council = current()

    def run(*args, **kwargs):
        with acting_for(council):
            return fn(*args, **kwargs)
    return run
