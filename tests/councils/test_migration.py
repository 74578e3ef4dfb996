"""A deployment made before councils were kept apart keeps every record, all of it becoming
its first council's (issue 70, item 7): `doorstep councils migrate --into york` moves each
item written without a council into York's partitions, one transaction an item, and its
files under York's id; run twice, or run again after dying midway, it loses and doubles
nothing, and the events it moves fire nothing again (docs/decisions/councils.md)."""
from datetime import timedelta
from types import SimpleNamespace

import pytest

from conftest import jpeg_with_gps, pothole
from support.alert_support import FakeDeliver, area, events_of, push_alert
from support.councils_support import YORK_HOST, add, at, north_lanarkshire, york
from support.migration_support import as_before_councils, as_held_now, council_of_every_key, client as raw, items, table

ADA = {"email": "ada@example.org", "password": "correct horse battery"}
BBOX = "bbox=-1.10,53.95,-1.07,53.97"
EXPIRED = "an-event-of-last-month"  # past its TTL: moto keeps it for ever, DynamoDB Local deletes it when it likes


def york_before_councils(client, deps):
    """York's records as the release before councils left them: Ada's account and session, her
    report with a photo (its GSIs, version and audit), its events, an alert by the Minster and
    an event past its TTL that DynamoDB has not yet deleted."""
    from chalicelib.storage.reports.reports import EventModel
    from support.forms_support import uploaded
    add(deps, york())
    client.post("/v1/auth/register", {**ADA, "name": "Ada Resident"}, at(YORK_HOST))
    signed_in = client.post("/v1/auth/login", ADA, at(YORK_HOST)).json_body
    bearer = {"Authorization": f"Bearer {signed_in['access_token']}"}
    photo = uploaded(client, deps, jpeg_with_gps(), auth=bearer)
    report = client.post("/v1/reports", pothole(photos=[photo]), at(YORK_HOST, bearer))
    assert report.status_code == 201, report.json_body
    alert = client.post("/v1/alerts", push_alert(7, **area()), at(YORK_HOST))
    assert alert.status_code == 201, alert.json_body
    now = deps.clock()
    EventModel(id=EXPIRED, kind="report_created", payload={}, created_at=now - timedelta(days=40),
               expires=now - timedelta(days=10)).save()
    return SimpleNamespace(report=report.json_body, bearer=bearer, endpoint=push_alert(7)["push_subscription"],
                           held=as_before_councils())


@pytest.fixture
def before(client, deps):
    return york_before_councils(client, deps)


def unexpired(held):
    """What the tables hold, but for the event past its TTL."""
    return {name: [item for item in rows if f'"{EXPIRED}"' not in item] for name, rows in held.items()}


def left_to_expire():
    """The event past its TTL where it was, never moved (or deleted by the engine's TTL)."""
    return [i["id"]["S"] for i in items(table("events")) if i["id"]["S"].endswith(EXPIRED)] in ([EXPIRED], [])


def migrate(doorstep, capsys, *more):
    answer = doorstep("councils", "migrate", "--into", "york", *more)
    return answer, capsys.readouterr().out


def test_every_record_from_before_councils_reads_at_yorks_address_after_migrating_twice(client, deps, doorstep,
                                                                                      before, capsys):
    from chalicelib.storage.migration import MOVED
    report_id = before.report["id"]
    assert client.get(f"/v1/reports/{report_id}", at(YORK_HOST)).status_code == 404  # invisible until moved

    assert migrate(doorstep, capsys)[0] == 0
    again, said = migrate(doorstep, capsys)
    assert again == 0 and "in all: 0 moved, 0 mended" in said, said

    assert client.get(f"/v1/reports/{report_id}", at(YORK_HOST)).status_code == 200
    assert [f["id"] for f in client.get(f"/v1/reports?{BBOX}", at(YORK_HOST)).json_body["features"]] == [report_id]
    mine = client.get("/v1/me/reports", at(YORK_HOST, before.bearer))  # her session was moved too
    assert [r["id"] for r in mine.json_body["reports"]] == [report_id]
    photo = client.get(before.report["photos"][0].replace("http://testserver", ""), at(YORK_HOST))
    assert photo.status_code == 302 and "/photos/york/" in photo.headers["Location"]
    assert deps.blobs.read("photos/" + photo.headers["Location"].split("?")[0].rsplit("/", 1)[1])
    # nothing lost, nothing doubled: every item as it was, but for the council before its keys
    assert unexpired(as_held_now(marks={MOVED})) == unexpired(before.held)
    assert council_of_every_key(table("reports"), ["id", "user_id", "geo_pk", "created_month"]) == {"york"}
    assert council_of_every_key(table("events"), ["id"]) - {None} == {"york"} and left_to_expire()


def test_an_alert_from_before_councils_is_matched_by_its_index_after_migrating(client, deps, doorstep, before,
                                                                             capsys):
    from chalicelib.handlers.alerts import fanout
    from chalicelib.handlers.alerts.worker import InlineQueue, run_job
    assert migrate(doorstep, capsys)[0] == 0
    made = client.post("/v1/reports", pothole(description="Another hole by the Minster."), at(YORK_HOST))
    jobs, deliver = InlineQueue(fanout.first_jobs(deps, events_of(made.json_body["id"])[0])), FakeDeliver()
    while jobs:
        run_job(deps, jobs.pop(0), jobs, deliver, sleep=lambda s: None)
    assert deliver.to("push") == [before.endpoint["endpoint"]]


def test_migrated_events_come_down_the_stream_but_fire_no_effect_alert_or_send_again(deps, doorstep, before,
                                                                                    capsys, tmp_path):
    from chalicelib.handlers.alerts.worker import InlineQueue
    from chalicelib.handlers.stream import on_stream
    from doorstep_cli.local.stream_reader import StreamReader
    from support.kill_support import _stream_clients
    from chalicelib.storage.reports.reports import EventModel
    batches = []
    reader = StreamReader(*_stream_clients(), EventModel.Meta.table_name, tmp_path / "stream.json", batches.append)
    while reader.poll():  # what the stream held before (the events as first written)
        pass
    batches.clear()
    assert migrate(doorstep, capsys)[0] == 0
    while reader.poll():
        pass
    inserted = [r.new_image["id"]["S"] for batch in batches for r in batch if r.event_name == "INSERT"]
    assert inserted and all(key.startswith("york|") for key in inserted)
    alerts, sends = InlineQueue(), InlineQueue()
    assert sum(on_stream(batch, lambda: deps, alerts, sends) for batch in batches) == 0
    assert (alerts, sends) == ([], [])


class Died(BaseException):
    """The migration's process dying between two items (as SIGKILL would: nothing is caught)."""


def test_a_migration_that_dies_midway_completes_when_run_again_losing_and_doubling_nothing(
        client, deps, doorstep, before, capsys, monkeypatch):
    from chalicelib import faults
    from chalicelib.storage.migration import MOVED
    passed = []

    def dies_after_five(name):
        passed.append(name)
        if name == "migration.moved" and passed.count(name) == 5:
            raise Died(name)
    with monkeypatch.context() as dying, pytest.raises(Died):
        dying.setattr(faults, "boundary", dies_after_five)
        migrate(doorstep, capsys)
    assert unexpired(as_held_now(marks={MOVED})) == unexpired(before.held)  # halfway: each item once
    assert migrate(doorstep, capsys)[0] == 0
    assert unexpired(as_held_now(marks={MOVED})) == unexpired(before.held) and left_to_expire()
    mine = client.get("/v1/me/reports", at(YORK_HOST, before.bearer))
    assert [r["id"] for r in mine.json_body["reports"]] == [before.report["id"]]


def test_a_half_written_item_is_mended_and_a_crossed_or_taken_one_is_refused_saying_why(
        client, deps, doorstep, before, capsys):
    add(deps, north_lanarkshire())
    reports = table("reports")
    old, = [i for i in items(reports) if i["id"]["S"] == before.report["id"]]
    raw().delete_item(TableName=reports, Key={"id": old["id"]})
    half = {**old, "id": {"S": "york|" + old["id"]["S"]}}  # its key moved, its indexes' keys not
    crossed = {**old, "id": {"S": "DS-CROSSED"}, "user_id": {"S": "north-lanarkshire|" + old["user_id"]["S"]}}
    taken = {**old, "id": {"S": "DS-TAKEN"}}
    theirs = {**old, "id": {"S": "york|DS-TAKEN"}, "description": {"S": "York's own, written since"}}
    for item in (half, crossed, taken, theirs):
        raw().put_item(TableName=reports, Item=item)

    answer, said = migrate(doorstep, capsys)
    assert answer == 1, said  # something was refused: the command says so in its exit code
    assert "reports: 0 moved, 2 mended, 0 already in a council, 0 left to expire, 2 refused" in said, said
    assert "DS-CROSSED: its key has no council but user_id names north-lanarkshire" in said
    assert "DS-TAKEN: york has an item with its key already" in said
    mine = client.get("/v1/me/reports", at(YORK_HOST, before.bearer))
    assert sorted(r["id"] for r in mine.json_body["reports"]) == sorted(["DS-TAKEN", before.report["id"]])
    left = {i["id"]["S"]: i for i in items(reports)}
    assert left["DS-TAKEN"] == taken and left["DS-CROSSED"] == crossed  # refused: left as they were
    assert left["york|DS-TAKEN"]["description"] == theirs["description"]


def test_a_dry_run_says_what_it_would_do_and_changes_nothing(deps, doorstep, before, capsys):
    from support.migration_support import files
    kept = files()
    answer, said = migrate(doorstep, capsys, "--dry-run")
    assert answer == 0
    assert "reports: 1 would be moved" in said and "photos/: 1 would be moved" in said, said
    assert unexpired(as_held_now()) == unexpired(before.held) and files() == kept


def test_a_council_with_no_settings_stored_is_refused_and_nothing_moves(deps, doorstep, capsys):
    answer = doorstep("councils", "migrate", "--into", "leeds")
    assert answer == 2
    assert "leeds has no settings stored: add it first (doorstep councils add --file)" in capsys.readouterr().out


def test_a_stage_from_before_councils_is_named_by_doorstep_tables_and_moved_into_york_by_make_run(
        client, deps, doorstep, capsys):
    from chalicelib.storage.councils import CouncilModel
    from doorstep_cli.councils import migrate_local
    from doorstep_cli.main import prepare_storage
    before = york_before_councils(client, deps)
    CouncilModel.delete_table()  # as it was: no councils table
    assert doorstep("tables") == 0
    assert "made before councils were kept apart" in capsys.readouterr().out
    CouncilModel.delete_table()
    from doorstep_cli.council_migration import made_before_councils
    assert made_before_councils(prepare_storage())  # what `make run` asks before seeding
    assert migrate_local(deps) == 0
    mine = client.get("/v1/me/reports", at(YORK_HOST, before.bearer))
    assert [r["id"] for r in mine.json_body["reports"]] == [before.report["id"]]
