"""tests/support/fuzzing.py: a generated case that failed is reported as it was met, once,
whatever Hypothesis would meet on running it again. schemathesis's strategies are not
always the same twice (what they cached the first time changes what they draw the next),
and a failure replayed by Hypothesis on such a strategy ended in "Inconsistent results"
(FlakyFailure) in place of the failure itself: the OpenAPI fuzzing for anonymous callers."""
from hypothesis import strategies as st

from support.fuzzing import explore


def a_strategy_that_draws_more_the_second_time():
    drawn = []

    @st.composite
    def case(draw):
        first = draw(st.integers(0, 1000))
        if drawn:  # as a generator with a cache: what it met before changes what it draws
            draw(st.lists(st.integers(), min_size=30, max_size=30))
        drawn.append(first)
        return first
    return case()


def test_a_case_that_failed_is_reported_as_met_however_its_strategy_draws_again():
    sent = []

    def send(case):
        sent.append(case)
        if len(sent) == 1:
            raise TimeoutError("the answer took longer than the client waits")
        return "answered"

    count, failure = explore(a_strategy_that_draws_more_the_second_time(), send)
    assert (count, failure) == (1, "the answer took longer than the client waits")


def test_a_case_that_passed_is_sent_once_and_the_rest_are_sent_too():
    sent = []
    count, failure = explore(st.integers(0, 1000), lambda case: sent.append(case) or len(sent), least=2, most=5)
    assert failure is None and count == len(sent) == 5  # two outcomes met in the first two: five in all
