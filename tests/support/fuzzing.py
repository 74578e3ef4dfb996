"""Generated cases sent so that the fuzzing's outcome is what each case got
the one time it was sent, and each operation gets as many cases as it keeps
finding something new with.

Each case goes once, and the function Hypothesis runs never fails (it only
draws; the cases are sent after): a failure is kept as it was met and the
remaining cases go unsent. Hypothesis, on a
failure, runs the failing case again to report it; a case that failed on a
busy machine (an answer slower than the client waits) and passed when run
again, or whose strategy drew differently the second time (schemathesis's
caches change what it draws), was reported as "Inconsistent results"
(FlakyFailure) in place of the failure. With nothing failing, Hypothesis
replays nothing: a slow case fails the same way every time.

How many: `least` cases; if they met more than one outcome (status and error
code), `most` in all. An operation that answers everything 401 is done in two
cases; one whose cases reach several of its rules gets more. Cases drawn after
a failure are not sent. Drawing a case costs more than sending it (70% of the
OpenAPI fuzzing's time): `KeptDraws` draws an operation's cases once for every
caller that sends them."""
import os

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis.errors import Flaky, Unsatisfiable


def code_under_test_loaded():
    """Every module of the app imported, before any case is drawn. Hypothesis draws a string now and
    then from the constants of the code under test (its modules in sys.modules); each time a module
    with constants of its own was imported it dropped the pools it had filtered for each kind of string,
    and the app imports a route's modules at its first request, so the fuzzing filtered its thousands
    of constants again and again: 147 times in one part of the anonymous caller's operations, 29 with
    all loaded first (a tenth of the part's CPU). Loaded first, the pool is the whole app's from the
    first case, whichever tests the worker ran before."""
    if _LOADED:
        return
    import importlib
    import pkgutil
    import app  # noqa: F401
    import chalicelib
    for module in pkgutil.walk_packages(chalicelib.__path__, "chalicelib."):
        importlib.import_module(module.name)
    _LOADED.append(True)


_LOADED = []


def explore(strategy, send, least=2, most=8, draw=None):
    """Sends generated cases through `send(case)`, which returns the case's
    outcome (anything hashable) or raises for a failure.
    `draw(examples)`: the cases to send (drawn from `strategy` unless given: a `KeptDraws`'s).
    Returns (cases sent, the failure as it was met or None)."""
    draw = draw or (lambda examples: drawn(strategy, examples))
    seen = set()
    sent, failure = _send(draw(least), send, seen)
    if failure is None and len(seen) > 1 and most > least:
        # The first `most` cases, less those sent: drawn again, the same seed starts with the same cases.
        more, failure = _send(draw(most)[least:], send, seen)
        sent += more
    return sent, failure


def _send(cases, send, seen):
    for sent, case in enumerate(cases):
        try:
            seen.add(send(case))
        except (Exception, BaseExceptionGroup) as error:
            return sent + 1, describe(error)  # the failure is the finding: no more cases sent
    return len(cases), None


def drawn(strategy, examples):
    """`examples` cases drawn from the strategy, the same ones each time (derandomized), none sent yet.
    Drawing first and sending after is what the function Hypothesis runs never failing gives.
    FUZZ_SEED=<n> draws others, from that seed: draws other than the suite's own met five faults it
    had never reached, three of them from two seeds tried by hand (docs/decisions/house.md, "tenth look")."""
    cases = []

    chosen = os.environ.get("FUZZ_SEED")

    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=not chosen)
    @given(strategy)
    def one(case):
        cases.append(case)

    if chosen:
        one = seed(int(chosen))(one)

    try:
        one()
    except Unsatisfiable:
        pass  # nothing to generate (no parameters, or no invalid value exists for them)
    except Flaky:
        pass  # the strategy drew differently on a prefix it had drawn before: the cases drawn stand
    return cases


class KeptDraws:
    """Cases drawn once for a key (an operation and its mode) and handed out again: the OpenAPI
    fuzzing sends each operation's cases as three callers, and each drew the same derandomized
    cases again, drawing being most of the fuzzing's time. Fewer cases than were kept are the
    first of them, as a draw of that many starts with the same cases."""

    def __init__(self):
        self._kept = {}  # key: (the cases drawn, how many were asked for)

    def draw(self, key, strategy):
        """explore's `draw` for `key`; `strategy()` makes the strategy, only when more cases are asked for
        than any draw yet. A draw may give fewer than asked (an operation with few different cases): asked
        again, it would give the same, so it is not drawn again (a repair's 4 of 8 took 20 s a draw)."""
        def cases(examples):
            if self._kept.get(key, ((), 0))[1] < examples:
                self._kept[key] = drawn(strategy(), examples), examples
            return self._kept[key][0][:examples]
        return cases


# This process's kept draws: the OpenAPI fuzzing's callers and the hostile fields' runs (on moto and on
# DynamoDB Local, one worker) start from the same operations' cases.
KEPT = KeptDraws()


def describe(error):
    """A failure's message with each of its causes' (schemathesis raises a group of failed checks)."""
    causes = [repr(e) for e in getattr(error, "exceptions", ())]
    return "\n".join([str(error)] + causes)[:3000]
