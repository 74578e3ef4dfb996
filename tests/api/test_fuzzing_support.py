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


def test_a_draw_that_gave_fewer_cases_than_asked_is_not_drawn_again():
    """An operation with few different cases (a repair's: 4 of 8) gave fewer than asked, and every later
    ask for as many drew it all again, 20 s a time."""
    from support.fuzzing import KeptDraws
    made = []
    draw = KeptDraws().draw("few", lambda: made.append(1) or st.sampled_from([1, 2]))
    first, again, fewer = draw(8), draw(8), draw(1)
    assert first == again and len(first) < 8 and fewer == first[:1]
    assert len(made) == 1
    assert len(draw(9)) == len(first) and len(made) == 2  # more than any ask yet is drawn
