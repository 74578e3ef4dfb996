"""A transaction refused by a condition names the part that failed, though
PynamoDB sends its items grouped by kind (checks, deletes, puts, updates)
rather than in the order a store wrote them."""
from datetime import datetime, timezone

import pytest

LATER = datetime(2100, 1, 1, tzinfo=timezone.utc)  # the counters' TTL, never reached


def test_a_refused_save_written_after_an_update_is_named_as_itself(storage):
    from chalicelib.storage.binding import transaction, writes
    from chalicelib.storage.counters import CounterModel
    from chalicelib.storage.errors import AlreadyExists
    CounterModel(key="taken", count=1, expires=LATER).save()
    CounterModel(key="counted", count=0, expires=LATER).save()
    with pytest.raises(AlreadyExists) as refused:
        with writes(["counted", "taken"], exists={"taken"}), transaction() as t:
            t.update(CounterModel(key="counted"), actions=[CounterModel.count.add(1)])  # sent last
            t.save(CounterModel(key="taken", expires=LATER), condition=CounterModel.key.does_not_exist())  # sent first
    assert refused.value.args == ("taken",)
    assert CounterModel.get("counted").count == 0  # and nothing of it was written


def test_a_refused_update_among_deletes_and_checks_is_named_as_itself(storage):
    from chalicelib.storage.binding import transaction, writes
    from chalicelib.storage.counters import CounterModel
    from chalicelib.storage.errors import EditConflict
    for key in ("a", "b", "c"):
        CounterModel(key=key, count=1, expires=LATER).save()
    with pytest.raises(EditConflict) as refused:
        with writes(["raise a", "drop b", "check c"]), transaction() as t:
            t.update(CounterModel(key="a"), actions=[CounterModel.count.add(1)], condition=CounterModel.count == 5)
            t.delete(CounterModel(key="b"))
            t.condition_check(CounterModel, "c", condition=CounterModel.count == 1)
    assert refused.value.args == ("raise a",)
    assert CounterModel.get("b").count == 1
