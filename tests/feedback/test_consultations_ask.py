"""A consultation's response asks how it went and is counted in the same write as the response (the
consultation's store allows it: the response, its ward's count and the council's figures are one
transaction), once per response: a signed-in resident changing theirs, a retried anonymous one, or two
answering at once count what was made, in the month it was first sent."""
from support.consultation_support import DURING, YES, loaded, resident, respond
from support.racing import at_once


def _counted(deps):
    months = deps.feedback.year("2000-01", "2100-12")
    return {m: c["finished_online"] for (m, s), c in months.items() if s == "consultations"}


def test_a_response_asks_how_it_went_and_counts_once_however_it_is_changed_or_retried(client, deps):
    from datetime import timedelta
    loaded(deps)
    mine, _, _ = respond(deps, DURING, principal=resident())
    changed, _, _ = respond(deps, DURING + timedelta(days=2), {**YES, "comments": "Keep the Sunday bays."}, principal=resident())
    assert mine["feedback"]["service"] == "consultations" and changed["feedback"] == mine["feedback"]
    anonymous, created = respond(deps, DURING, key="a0c1d2e3-0000-4000-8000-000000000072")
    again, created_again = respond(deps, DURING, key="a0c1d2e3-0000-4000-8000-000000000072")
    assert (created, created_again) == (True, False) and again["feedback"] == anonymous["feedback"]
    assert _counted(deps) == {"2026-06": 2}
    assert client.post("/v1/feedback", {"token": anonymous["feedback"]["token"], "rating": 4}).status_code == 201


def test_two_residents_answering_at_once_count_two_and_a_refused_response_counts_nothing(deps):
    import pytest
    from chalicelib.errors import ApiError
    from support.consultation_support import MIDNIGHT
    loaded(deps)
    at_once(lambda n: respond(deps, DURING, principal=resident(f"resident-{n}"), client=f"203.0.113.{n}"),
            range(2))
    with pytest.raises(ApiError) as refused:
        respond(deps, MIDNIGHT, principal=resident("resident-late"))
    assert refused.value.status == 409
    assert _counted(deps) == {"2026-06": 2}
