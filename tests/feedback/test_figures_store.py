"""The figures of channel shift kept as they happen: counts added atomically, a council's year read
in one Query whatever the number of transactions, and an answer written once with its count."""
import re
from datetime import datetime, timedelta, timezone

import pytest

from chalicelib import tenancy
from support.racing import at_once

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=timezone.utc)


def _answer(token_hash, rating, channel="online", month="2026-11", service="bills"):
    return {"token_hash": token_hash, "service": service, "channel": channel, "month": month, "rating": rating,
            "answered_at": NOW, "changeable_until": NOW + timedelta(hours=24)}


def test_counts_added_at_once_by_many_are_all_kept(storage):
    from chalicelib.storage.feedback.feedback import FigureStore
    figures = FigureStore()
    at_once(lambda n: figures.add("2026-11", "bills", {"started_online": 1, "finished_online": n % 2}), range(12))
    assert figures.year("2026-11", "2026-11")[("2026-11", "bills")]["started_online"] == 12
    assert figures.year("2026-11", "2026-11")[("2026-11", "bills")]["finished_online"] == 6


def test_a_year_of_figures_is_one_query_whatever_the_number_of_transactions(storage):
    from chalicelib.storage import metering
    from chalicelib.storage.feedback.feedback import FigureStore
    figures = FigureStore()
    for month in ("2026-03", "2026-04", "2026-12", "2027-03", "2027-04"):
        for _ in range(3):
            figures.add(month, "halls", {"finished_assisted": 1})
    figures.add("2026-05", "bills", {"finished_online": 1})
    with metering.metered() as cost:
        year = figures.year("2026-04", "2027-03")
    assert sorted(year) == [("2026-04", "halls"), ("2026-05", "bills"), ("2026-12", "halls"), ("2027-03", "halls")]
    assert year[("2026-12", "halls")]["finished_assisted"] == 3
    assert (cost.queries, cost.items) == (1, 4)


def test_another_councils_figures_are_never_read(storage):
    from chalicelib.storage.feedback.feedback import FigureStore
    with tenancy.acting_for("north-lanarkshire"):
        FigureStore().add("2026-11", "bills", {"finished_online": 5})
    assert FigureStore().year("2026-01", "2026-12") == {}


def test_an_answer_is_written_once_with_its_count_whoever_races(storage):
    from chalicelib.storage.feedback.feedback import AlreadyExists, FigureStore
    figures = FigureStore()

    def answer(rating):
        try:
            figures.record_answer(_answer("h1", rating))
            return "written"
        except AlreadyExists:
            return "refused"
    outcome = at_once(answer, [1, 2, 3, 4, 5])
    assert sorted(outcome) == ["refused"] * 4 + ["written"]
    kept = figures.answer("h1")
    counts = figures.year("2026-11", "2026-11")[("2026-11", "bills")]
    assert sum(counts[f"answers_online_{r}"] for r in range(1, 6)) == 1
    assert counts[f"answers_online_{int(kept.rating)}"] == 1


def test_a_changed_answer_moves_its_count_in_the_same_write(storage):
    from chalicelib.storage.feedback.feedback import FigureStore
    figures = FigureStore()
    figures.record_answer(_answer("h2", 1))
    figures.record_answer(_answer("h2", 4), before=figures.answer("h2"))
    counts = figures.year("2026-11", "2026-11")[("2026-11", "bills")]
    assert (counts["answers_online_1"], counts["answers_online_4"]) == (0, 1)
    assert int(figures.answer("h2").version) == 2


def test_a_count_the_figures_do_not_hold_is_refused_before_anything_is_written(storage):
    from chalicelib.storage.feedback.feedback import FigureStore
    with pytest.raises(ValueError, match=re.escape("['visits']")):
        FigureStore().add("2026-11", "bills", {"visits": 1})
    assert FigureStore().year("2026-11", "2026-11") == {}
