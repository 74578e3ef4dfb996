"""The fuzzing's own runner (tests/support/fuzzing.py): a generated case is
sent once, and what it met is what is reported, however a second sending
would have gone (the OpenAPI fuzzing's "Inconsistent results" on a busy machine)."""
from hypothesis import strategies as st

from support.fuzzing import explore


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
