"""The fuzzing's own runner (tests/support/fuzzing.py): a generated case is
sent once, and what it met is what is reported, however a second sending
would have gone (the OpenAPI fuzzing's "Inconsistent results" on a busy machine)."""
from hypothesis import strategies as st

from support.fuzzing import KeptDraws, drawn, explore


def test_a_case_that_failed_once_is_reported_with_its_failure_not_as_inconsistent():
    answers = iter([TimeoutError("no answer within 120 s")])

    def send(case):
        failure = next(answers, None)  # slow the first time, quick when sent again
        if failure:
            raise failure
        return 200

    sent, failure = explore(st.integers(), send, least=4, most=4)
    assert (sent, failure) == (1, "no answer within 120 s")


def test_a_case_that_fails_every_time_is_reported_with_its_failure():
    def send(case):
        raise AssertionError(f"500 for {case}")

    sent, failure = explore(st.just("the case"), send, least=4, most=4)
    assert (sent, failure) == (1, "500 for the case")


def test_cases_that_pass_are_all_sent():
    sent, failure = explore(st.integers(), lambda case: case, least=4, most=4)
    assert (sent, failure) == (4, None)


def test_an_operation_that_answers_alike_is_left_after_the_least_cases():
    sent, failure = explore(st.integers(), lambda case: 401, least=2, most=8)
    assert (sent, failure) == (2, None)


def test_an_operation_whose_cases_keep_finding_new_answers_gets_the_most():
    sent, failure = explore(st.integers(), lambda case: object(), least=2, most=8)
    assert (sent, failure) == (8, None)


def test_an_operation_given_the_most_cases_gets_that_many_different_ones():
    """The second round once drew `most - least` from the same seed, which starts with the first round's
    cases: two of the eight were sent twice."""
    sent = []
    count, failure = explore(st.integers(0, 10 ** 9), lambda case: sent.append(case) or case, least=2, most=8)
    assert (count, failure) == (8, None) and len(set(sent)) == 8


def test_kept_draws_hand_out_the_first_cases_of_the_longest_draw_and_draw_only_for_more():
    made = []

    def strategy():
        made.append(1)
        return st.integers(0, 10 ** 9)
    kept = KeptDraws()
    eight = kept.draw("operation", strategy)(8)
    assert kept.draw("operation", strategy)(2) == eight[:2] == drawn(st.integers(0, 10 ** 9), 2)
    assert kept.draw("operation", strategy)(8) == eight and len(made) == 1
    assert kept.draw("another", strategy)(1) and len(made) == 2
