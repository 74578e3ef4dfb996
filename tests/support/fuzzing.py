"""Generated cases sent so that the fuzzing's outcome is what each case got
the one time it was sent, and each operation gets as many cases as it keeps
finding something new with.

Each case goes once. Hypothesis, on a failure, runs the failing case again to
report it; a case that failed on a busy machine (an answer slower than the
client waits, a server's moment in the middle of something) and passed when
run again was reported as "Inconsistent results" (FlakyFailure), naming none
of its causes. Here a failure is kept as it was met, and the run stops there.

How many: `least` cases; if they met more than one outcome (status and error
code), `most` in all. An operation that answers everything 401 is done in two
cases; one whose cases reach several of its rules gets more. (Hypothesis
cannot be told to stop early without a failure, and a failure's reporting
costs about what the cases it saves do, so the second run is a run of its own.)"""
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable


class _Enough(Exception):
    """Stops Hypothesis generating: raised from one line only, so that its
    own re-run of the last case meets the same exception at the same place."""


def _stop():
    raise _Enough


def explore(strategy, send, least=2, most=8):
    """Sends generated cases through `send(case)`, which returns the case's
    outcome (anything hashable) or raises for a failure.
    Returns (cases sent, the failure as it was met or None)."""
    seen = set()
    sent, failure = _run(strategy, send, least, seen)
    if failure is None and len(seen) > 1 and most > least:
        more, failure = _run(strategy, send, most - least, seen)
        sent += more
    return sent, failure


def _run(strategy, send, examples, seen):
    state = {"sent": 0, "failure": None}

    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=True)
    @given(strategy)
    def one(case):
        if state["failure"] is not None:
            _stop()
        state["sent"] += 1
        try:
            seen.add(send(case))
        except (Exception, BaseExceptionGroup) as error:
            state["failure"] = describe(error)
        if state["failure"] is not None:
            _stop()  # outside the except: no exception context, the same origin every time

    try:
        one()
    except (_Enough, Unsatisfiable):
        pass  # Unsatisfiable: nothing to generate (no parameters, or no invalid value exists for them)
    return state["sent"], state["failure"]


def describe(error):
    """A failure's message with each of its causes' (schemathesis raises a group of failed checks)."""
    causes = [repr(e) for e in getattr(error, "exceptions", ())]
    return "\n".join([str(error)] + causes)[:3000]
