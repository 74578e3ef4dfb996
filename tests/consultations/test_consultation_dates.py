"""When results are out, said once and truly: due by a day to come, late once that day has passed,
published on the (London) day they were; and closed consultations listed with their results."""
from datetime import datetime, timedelta, timezone

from support.consultation_support import DURING, MIDNIGHT, at, loaded, officer

RESULTS = {"summary": "312 people responded.", "you_said": "Most of you support a zone.", "we_did": "A zone."}
# 00:30 on Wednesday 15 July in London (BST) is 23:30 on Tuesday 14 July in UTC
PUBLISHED = datetime(2026, 7, 14, 23, 30, tzinfo=timezone.utc)


def _view(deps, moment):
    from chalicelib.handlers.consultations.managing import read
    return read(at(deps, moment), "micklegate-parking")


def _words(view):
    """Every sentence of the view that says when results are published."""
    return [v for v in view.values() if isinstance(v, str) and "the results" in v.lower()]


def test_results_are_due_by_their_day_then_late_once_it_has_passed_never_a_past_publish_by(deps):
    loaded(deps)  # results due 1 September 2026
    assert _view(deps, DURING)["results_words"] == "We will publish the results by Tuesday 1 September 2026."
    on_the_day = datetime(2026, 9, 1, 22, 59, 59, tzinfo=timezone.utc)  # 23:59:59 in London: still due today
    assert _view(deps, on_the_day)["results_words"] == "We will publish the results by Tuesday 1 September 2026."
    late = _view(deps, on_the_day + timedelta(seconds=1))  # midnight in London: the 2nd
    assert late["results_words"] == "The results were due by Tuesday 1 September 2026. We have not published them yet."
    assert not any("will publish" in w.lower() for w in _words(late))


def test_once_published_it_says_the_london_day_they_were_and_no_longer_that_they_will_be(deps):
    from chalicelib.handlers.consultations.results import publish
    loaded(deps)
    publish(at(deps, PUBLISHED, officer()), "micklegate-parking", RESULTS, '"1"')
    view = _view(deps, PUBLISHED + timedelta(days=1))
    assert view["results_words"] == "We published the results on Wednesday 15 July 2026."
    assert _words(view) == [view["results_words"]]  # one sentence, the true one


def test_the_demo_for_make_run_names_its_results_date_once_not_a_fixed_day_in_its_words(deps):
    import re
    from doorstep_cli.consultations import demo_consultations
    from support.consultation_support import wards
    wards(deps)
    now = datetime(2027, 2, 18, 10, tzinfo=timezone.utc)  # any day: the demo is moved to open today
    demo_consultations(at(deps, now), now)
    view = _view(deps, now)
    months = "January|February|March|April|May|June|July|August|September|October|November|December"
    dated = [v for v in (view["what_happens_next"], view["overview"], view["why"]) if re.search(months, v)]
    assert dated == []
    assert view["results_words"] == "We will publish the results by Wednesday 19 May 2027."  # 90 days on


def test_closed_consultations_are_listed_with_their_we_asked_you_said_we_did(deps):
    from chalicelib.handlers.consultations.managing import listing
    from chalicelib.handlers.consultations.results import publish
    loaded(deps)
    closed = listing(at(deps, MIDNIGHT), {"status": "closed"})["consultations"]
    assert [(c["id"], c["results_published_at"]) for c in closed] == [("micklegate-parking", None)]
    assert closed[0]["results_words"] == "We will publish the results by Tuesday 1 September 2026."
    publish(at(deps, PUBLISHED, officer()), "micklegate-parking", RESULTS, '"1"')
    closed = listing(at(deps, PUBLISHED + timedelta(days=1)), {"status": "closed"})["consultations"]
    assert closed[0]["results_published_at"] == "2026-07-14T23:30:00Z"
    assert closed[0]["results_words"] == "We published the results on Wednesday 15 July 2026."
