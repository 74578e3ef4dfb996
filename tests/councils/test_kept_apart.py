"""Nothing crosses between councils (docs/decisions/councils.md): settings are
refused whole, an address is one council's, and what storage, the stream and
the schedules do for one council is that council's alone."""
import pytest

from chalicelib import tenancy
from support.councils_support import NL_HOST, add, north_lanarkshire, york


def test_settings_that_fail_the_schema_are_refused_whole_naming_each_field(deps):
    from chalicelib.councils import settings
    from chalicelib.errors import ValidationFailed
    from chalicelib.storage.councils import CouncilStore
    bad = dict(york(), hosts=["York Council"], jurisdiction="mars", colours="blue")
    with pytest.raises(ValidationFailed) as refused:
        settings.write(CouncilStore(), bad, 0, deps.clock(), "test")
    assert {f["field"] for f in refused.value.fields} == {"$.hosts[0]", "$.jurisdiction", "$.colours"}
    assert CouncilStore().get("york", consistent=True) is None and CouncilStore().addresses() == {}


def test_an_address_another_council_has_is_refused_and_nothing_of_the_change_is_applied(deps):
    from chalicelib.councils import settings
    store = add(deps, york(), north_lanarkshire())
    grabbing = dict(north_lanarkshire(), hosts=[NL_HOST, "york.localhost"], name="Renamed")
    with pytest.raises(settings.AddressTaken):
        settings.write(store, grabbing, 1, deps.clock(), "test")
    assert store.get("north-lanarkshire", consistent=True)[0]["name"] == "North Lanarkshire Council"
    assert store.addresses() == {"york.localhost": "york", NL_HOST: "north-lanarkshire"}


def test_a_change_is_audited_with_its_fields_before_and_after_and_a_stale_version_is_refused(deps):
    from chalicelib.councils import settings
    from chalicelib.storage.errors import EditConflict
    store = add(deps, york())
    changed = dict(york(), branding={**york()["branding"], "colour": "#0b0c0c"})
    assert settings.write(store, changed, 1, deps.clock(), "admin@york") == 2
    with pytest.raises(EditConflict):
        settings.write(store, york(), 1, deps.clock(), "admin@york")
    latest = store.audit("york")[0]
    assert latest["by"] == "admin@york"
    assert latest["change"] == {"branding.colour": ["#1d4f91", "#0b0c0c"]}


def test_a_scan_answers_only_the_councils_own_items(deps):
    from chalicelib.storage.places.wards import WardModel
    from support.wards_support import ward
    deps.wards.put_many([ward("micklegate", -1.09, 53.95)])
    with tenancy.acting_for("north-lanarkshire"):
        deps.wards.put_many([ward("motherwell", -3.99, 55.79)])
        assert [w.id for w in WardModel.scan()] == ["motherwell"]
    assert [w.id for w in WardModel.scan()] == ["micklegate"]


def test_a_schedule_runs_for_every_council_each_working_for_its_own(deps):
    import app
    add(deps, york(), north_lanarkshire())
    seen = []
    from chalicelib.councils.registry import each_council
    assert each_council(lambda: seen.append(tenancy.current()) or tenancy.current()) == {
        "york": "york", "north-lanarkshire": "north-lanarkshire"}
    assert seen == ["york", "north-lanarkshire"]
    assert set(app.send_questionnaires.func({})) == {"york", "north-lanarkshire"}


def test_a_schedules_turn_over_every_council_reads_no_settings_document(deps):
    """Every schedule, every minute, finds the councils: from the addresses kept (nothing on a warm
    function), never a Query of every council's settings, areas and all (issue 78)."""
    from chalicelib.councils import registry
    from chalicelib.storage.metering import metered
    add(deps, york(), north_lanarkshire())
    registry.councils()  # the councils' generation checked (once an hour in tests): not counted below
    registry.forget()
    with metered() as first:
        assert registry.councils() == ["york", "north-lanarkshire"]
    assert (first.queries, first.items) == (1, 2)  # the addresses' two rows, one a council here
    with metered() as warm:
        assert registry.councils() == ["york", "north-lanarkshire"]
    assert warm.calls == 0


def test_one_councils_failing_run_does_not_stop_the_others(deps):
    from chalicelib.councils.registry import each_council
    add(deps, york(), north_lanarkshire())

    def work():
        if tenancy.current() == "york":
            raise RuntimeError("York's back office is away")
        return "done"
    assert each_council(work) == {"york": None, "north-lanarkshire": "done"}


def test_the_stream_hands_each_councils_events_to_that_council(deps):
    from chalicelib.handlers.shared.events import by_council
    records = [{"eventName": "INSERT", "dynamodb": {"Keys": {"id": {"S": key}}}}
               for key in ("york|e1", "north-lanarkshire|e2", "york|e3", "e4")]
    grouped = {council: [r["dynamodb"]["Keys"]["id"]["S"] for r in rs] for council, rs in by_council(records)}
    assert grouped == {"york": ["york|e1", "york|e3", "e4"], "north-lanarkshire": ["north-lanarkshire|e2"]}


def test_a_queued_job_is_carried_out_for_the_council_that_queued_it(deps):
    import json
    from chalicelib.handlers.alerts.worker import alert_queue
    with tenancy.acting_for("north-lanarkshire"):
        alert_queue().send([{"effect": "nothing", "event": {"id": "e1", "kind": "none"}}])
    queue = alert_queue()
    sent = queue.client.receive_message(QueueUrl=queue.url, MaxNumberOfMessages=10)["Messages"]
    assert [json.loads(m["Body"])["council"] for m in sent] == ["north-lanarkshire"]
    assert tenancy.of_job(json.loads(sent[0]["Body"])) == "north-lanarkshire"
    assert tenancy.of_job({"effect": "older"}) == "york"  # queued before councils were kept apart


def test_what_a_process_keeps_of_one_council_is_never_answered_for_another(deps):
    """The due-date rules and a form's definition, kept in the process between requests."""
    from chalicelib.storage.records import DueRule
    from support.forms_support import published
    deps.due_rules.put(DueRule(service_code="pothole", working_days=5))
    assert deps.due_rules.get("pothole").working_days == 5
    head = published(deps, "general-enquiry")
    form_id, number = head["id"], head["published"]
    assert deps.forms.definition(form_id, number) is not None
    with tenancy.acting_for("north-lanarkshire"):
        assert deps.due_rules.get("pothole") is None
        assert deps.forms.definition(form_id, number) is None


def test_a_workers_batch_builds_each_councils_deps_while_working_for_it(deps):
    """A worker's thread starts with no council (the local stack's, a Lambda's): each job's deps,
    links and all, are its own council's, built once per council of the batch."""
    import json
    import threading
    from chalicelib.handlers.forwarding.queue import on_queue
    built, outcome = [], {}

    def deps_factory():
        built.append(tenancy.current())
        return deps

    records = [{"messageId": str(n), "body": json.dumps({"report": "DS-NONE", "body": "b", "council": council})}
               for n, council in enumerate(("york", "north-lanarkshire", "york"))]
    worker = threading.Thread(target=lambda: outcome.update(on_queue({"Records": records}, deps_factory)))
    worker.start()
    worker.join()
    assert built == ["york", "north-lanarkshire"] and "batchItemFailures" in outcome
