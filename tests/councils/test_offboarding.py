"""A council that leaves (issue 80, item 5): stopped, exported, deleted, through the operator's command,
and nothing of another council touched, least of all one whose id begins with its own."""
import json

import pytest

from chalicelib import tenancy
from support.councils_support import NL, NL_HOST, YORK_HOST, add, at, north_lanarkshire, york
from support.offboarding_support import (
    NORTH, NORTH_HOST, counts, exported_lines, files_of, held, index_entries, north, two_councils_sharing_a_prefix,
)


def offboard(doorstep, *args):
    return doorstep("councils", "offboard", *args)


def test_north_leaves_and_nothing_of_north_lanarkshire_whose_id_begins_with_it_is_read_or_touched(
        client, deps, doorstep, tmp_path):
    """A Scan for items beginning `north` would take North Lanarkshire's too; `north|` cannot."""
    two_councils_sharing_a_prefix(client, deps)
    theirs, mine = held(NL), held(NORTH)
    assert theirs[0]["reports"] and theirs[1] and mine[0]["reports"] and mine[1]  # both have reports and files
    assert offboard(doorstep, NORTH, "--stop") == 0
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "north")) == 0
    manifest, lines = exported_lines(tmp_path / "north")
    assert {name: len(records) for name, records in lines.items() if name in mine[0]} == \
        {name: len(items) for name, items in mine[0].items()}
    assert sorted(r["id"] for r in lines["reports"]) == sorted(i["id"]["S"].partition("|")[2]
                                                               for i in mine[0]["reports"])
    assert "lanarkshire" not in json.dumps(lines).lower()  # not one record, attribute or word of North Lanarkshire's
    assert sorted(p.name for p in (tmp_path / "north" / "files" / "photos").iterdir()) == \
        sorted(key.rsplit("/", 1)[1] for key in mine[1])

    assert offboard(doorstep, NORTH, "--delete", "--confirm", NORTH) == 0
    assert held(NORTH) == ({}, {}) and index_entries(NORTH) == {}
    assert held(NL) == theirs  # every item and every file of theirs as it was, byte for byte


def test_a_stopped_councils_every_route_answers_410_whatever_it_is_sent_with(client, deps, doorstep, monkeypatch):
    """Its sessions, its refresh tokens, its SCIM token, its staff sign-in and every page of its web app,
    whoever asks: refused at its address before anything is read for it."""
    from support.scim_support import NL_TOKEN, Scim, councils_with_scim
    from tests.councils.test_operator import every_route_but_the_operators, send
    councils_with_scim(deps, monkeypatch)
    from support.offboarding_support import busy_council, MOTHERWELL
    from support.councils_support import with_categories
    with_categories(NL)
    resident = busy_council(client, deps, NL, NL_HOST, MOTHERWELL, n=1)
    assert Scim(client, token=NL_TOKEN, host=NL_HOST).call("GET", "/Users").status_code == 200
    assert client.get("/v1/me", at(NL_HOST, resident["bearer"])).status_code == 200

    assert offboard(doorstep, NL, "--stop") == 0
    wrong = []
    for method, path in every_route_but_the_operators():
        answer = send(client, method, path, at(NL_HOST, resident["bearer"]))
        if answer.status_code != 410:
            wrong.append(f"{method} {path}: {answer.status_code}")
    assert wrong == []
    page = client.get("/v1/council", at(NL_HOST))
    assert (page.status_code, page.json_body["error"]["code"]) == (410, "service_ended")
    assert page.json_body["error"]["message"].startswith("North Lanarkshire Council's online service here has ended")
    scim = Scim(client, token=NL_TOKEN, host=NL_HOST).call("GET", "/Users")
    assert (scim.status_code, scim.json_body["status"]) == (410, "410")  # in SCIM's own shape
    open311 = client.get("/open311/v2/services.json", at(NL_HOST))
    assert open311.status_code == 410 and open311.json_body[0]["code"] == 410  # in Open311's own shape
    assert client.get("/v1/council", at(YORK_HOST)).status_code == 200  # York's own, untouched


def test_open311_naming_a_stopped_council_from_the_deployments_address_is_refused_with_its_key(
        client, deps, doorstep, capsys):
    from support.open311_support import FixMyStreetClient
    add(deps, york(), north())
    assert doorstep("--council", NORTH, "open311-keys", "create", "--name", "fixmystreet") == 0
    key = capsys.readouterr().out.split()[-1]
    partner = FixMyStreetClient(client, jurisdiction="north.example.gov.uk", api_key=key, headers={"Host": "localhost"})
    assert partner.get("services.json").status_code == 200
    assert offboard(doorstep, NORTH, "--stop") == 0
    refused = partner.post("requests.json", {"service_code": "pothole", "lat": "55.41", "long": "-1.70",
                                             "description": "A pothole."})
    assert refused.status_code == 410 and "has ended" in refused.json_body[0]["description"]
    assert FixMyStreetClient(client, jurisdiction=NORTH, headers={"Host": "localhost"}).get(
        "services.json").status_code == 410  # named by its id too


def test_a_stop_made_by_another_process_reaches_a_warm_function_within_the_councils_check(
        client, deps, monkeypatch):
    """As an addition does (issue 78): this process kept North's address; the stop was written elsewhere."""
    from chalicelib.councils.offboarding.steps import stop
    from chalicelib.storage.councils import CouncilStore
    from chalicelib.storage.offboarding.records import OffboardStore
    add(deps, york(), north())
    assert client.get("/v1/council", at(NORTH_HOST)).status_code == 200  # kept by this process
    with monkeypatch.context() as elsewhere:  # the command on another machine: nothing this process keeps is forgotten
        from chalicelib.councils import registry
        elsewhere.setattr(registry, "forget", lambda council_id=None: None)
        stop(OffboardStore(), CouncilStore(), NORTH, deps.clock(), "another machine")
    assert client.get("/v1/council", at(NORTH_HOST)).status_code == 200  # within the hour the tests check at
    monkeypatch.setenv("DOORSTEP_COUNCILS_CHECK_S", "0")  # a deployment's few seconds, gone by
    assert client.get("/v1/council", at(NORTH_HOST)).status_code == 410


def test_nothing_runs_or_is_written_for_a_stopped_council_by_the_schedules_the_stream_or_the_queues(
        client, deps, doorstep):
    from chalicelib.councils.registry import each_council
    from chalicelib.handlers import stream
    from chalicelib.handlers.alerts import worker
    from chalicelib.handlers.forwarding import queue
    two_councils_sharing_a_prefix(client, deps)
    assert offboard(doorstep, NORTH, "--stop") == 0
    before = counts()
    assert set(each_council(lambda: tenancy.current())) == {"york", NL}
    ran = []
    event = {"eventName": "INSERT", "dynamodb": {"Keys": {"id": {"S": f"{NORTH}|ev-1"}}, "NewImage": {}}}
    assert stream.on_stream([event], lambda: ran.append("deps") or deps, queue=[], sends_queue=[]) == 0
    job = {"messageId": "m-1", "body": json.dumps({"council": NORTH, "report": "DS-7K3F9Q", "body": "council"})}
    assert queue.on_queue({"Records": [job]}, lambda: ran.append("deps") or deps) == {"batchItemFailures": []}
    alert = {"messageId": "m-2", "body": json.dumps({"council": NORTH, "event": {"id": "ev-1"}, "key": "k"})}
    assert worker.on_queue({"Records": [alert]}, lambda: ran.append("deps") or deps, queue=[]) == \
        {"batchItemFailures": []}
    assert ran == [] and counts() == before


def test_the_steps_go_in_order_and_a_deletion_names_the_council(client, deps, doorstep, tmp_path, capsys):
    from support.councils_support import with_categories
    add(deps, york(), north())
    with_categories(NORTH)
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "x")) == 1  # not stopped
    assert "has not been stopped" in capsys.readouterr().err
    assert offboard(doorstep, "york", "--stop") == 1  # the deployment's own addresses lead there
    assert "default council" in capsys.readouterr().err
    assert offboard(doorstep, "nowhere", "--stop") == 1
    assert "No council nowhere" in capsys.readouterr().err
    assert offboard(doorstep, NORTH, "--stop") == 0
    assert offboard(doorstep, NORTH, "--stop") == 0 and "was stopped already" in capsys.readouterr().out
    assert offboard(doorstep, NORTH, "--delete", "--confirm", NORTH) == 1  # not exported
    assert "has not been exported" in capsys.readouterr().err
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "x")) == 0
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "y")) == 1  # written to x already
    assert "exported to folder" in capsys.readouterr().err
    for confirm in ((), ("--confirm", "york"), ("--confirm", "north-")):
        assert offboard(doorstep, NORTH, "--delete", *confirm) == 1
        assert "Must name the council being deleted: north" in capsys.readouterr().err
    assert counts()[NORTH]  # nothing deleted by any of them
    assert offboard(doorstep, NORTH, "--delete", "--confirm", NORTH) == 0
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "x")) == 1  # nothing left to export
    assert offboard(doorstep, NORTH, "--delete", "--confirm", NORTH) == 0  # asked again: as it is


def test_a_council_that_has_left_is_not_added_again_nor_its_settings_changed(client, deps, doorstep, tmp_path):
    from chalicelib.councils import settings
    from chalicelib.councils.settings import CouncilLeft
    from chalicelib.storage.councils import CouncilStore
    add(deps, york(), north())
    assert offboard(doorstep, NORTH, "--stop") == 0
    store = CouncilStore()
    with pytest.raises(CouncilLeft):
        settings.write(store, {**north(), "name": "North again"}, store.get(NORTH)[1], deps.clock(), "test")
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "x")) == 0
    assert offboard(doorstep, NORTH, "--delete", "--confirm", NORTH) == 0
    assert store.get(NORTH) is None
    with pytest.raises(CouncilLeft):
        settings.write(store, north(), 0, deps.clock(), "test")  # its addresses still say it has ended
    assert client.get("/v1/council", at(NORTH_HOST)).status_code == 410


def test_the_deletion_says_when_the_data_leaves_backups_by_the_councils_backup_days(client, deps, doorstep, tmp_path):
    from chalicelib.councils.settings import problems
    assert problems({**north(), "retention": {"backup_days": 36}}) == [("$.retention.backup_days",
                                                                         "Must be at most 35.")]
    assert problems({**north(), "retention": {"backup_days": "14"}})
    add(deps, york(), {**north(), "retention": {"backup_days": 14}})
    assert offboard(doorstep, NORTH, "--stop") == 0
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "x")) == 0
    assert offboard(doorstep, NORTH, "--delete", "--confirm", NORTH, "--report", str(tmp_path / "r.json")) == 0
    report = json.loads((tmp_path / "r.json").read_text())["deletion"]["report"]
    today = deps.clock().date()
    assert report["backups"] == {
        "backup_days": 14, "point_in_time_recovery_days": 35,
        "file_versions_until": str(today.fromordinal(today.toordinal() + 14)),
        "tables_until": str(today.fromordinal(today.toordinal() + 35)),
        "leaves_backups_on": str(today.fromordinal(today.toordinal() + 35))}


def test_where_the_bucket_keeps_old_versions_each_deleted_file_is_tagged_to_expire_after_backup_days(
        client, deps, doorstep, tmp_path):
    from chalicelib.storage.blobs import BlobStore
    store = BlobStore()
    store.client.put_bucket_versioning(Bucket=store.bucket, VersioningConfiguration={"Status": "Enabled"})
    try:
        add(deps, york(), {**north(), "retention": {"backup_days": 7}})
        with tenancy.acting_for(NORTH):
            store.write("photos/a.jpg", b"a photo", "image/jpeg")
        assert offboard(doorstep, NORTH, "--stop") == 0
        assert offboard(doorstep, NORTH, "--export", str(tmp_path / "x")) == 0
        assert offboard(doorstep, NORTH, "--delete", "--confirm", NORTH) == 0
        assert files_of(NORTH) == {}  # gone from the bucket's listing
        versions = store.client.list_object_versions(Bucket=store.bucket, Prefix=f"photos/{NORTH}/")
        kept = [v for v in versions.get("Versions", []) if not v["IsLatest"]]
        assert len(kept) == 1  # its old version, for the backups' days
        tags = store.client.get_object_tagging(Bucket=store.bucket, Key=f"photos/{NORTH}/a.jpg",
                                               VersionId=kept[0]["VersionId"])["TagSet"]
        assert tags == [{"Key": "backup-days", "Value": "7"}]
    finally:
        store.client.put_bucket_versioning(Bucket=store.bucket, VersioningConfiguration={"Status": "Suspended"})


def test_an_account_used_only_at_the_council_goes_with_it_and_one_used_elsewhere_only_loses_its_name(
        client, deps, doorstep, tmp_path):
    from support.councils_support import signed_in
    from support.offboarding_support import busy_council, MOTHERWELL, ALNWICK
    from support.councils_support import with_categories
    add(deps, york(), north_lanarkshire(), north())
    with_categories(NL, NORTH)
    only_north = busy_council(client, deps, NORTH, NORTH_HOST, ALNWICK, n=1)
    both = busy_council(client, deps, NL, NL_HOST, MOTHERWELL, n=1)
    signed_in(client, both["email"], NORTH_HOST)  # a resident of North Lanarkshire who used North's site too
    assert offboard(doorstep, NORTH, "--stop") == 0
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "x")) == 0
    _, lines = exported_lines(tmp_path / "x")
    assert sorted(a["email"] for a in lines["accounts"]) == sorted([only_north["email"], both["email"]])
    assert all("password_hash" not in a for a in lines["accounts"])  # credentials are no one's to hand on
    assert offboard(doorstep, NORTH, "--delete", "--confirm", NORTH) == 0
    assert deps.accounts.user_by_identity(f"email#{only_north['email']}") is None
    kept = deps.accounts.user_by_identity(f"email#{both['email']}")
    assert kept.signed_in_at == {NL}
    assert client.get("/v1/me", at(NL_HOST, both["bearer"])).status_code == 200


def test_the_export_waits_until_every_run_begun_before_the_stop_has_ended(client, deps, doorstep, tmp_path, capsys,
                                                                          monkeypatch):
    """A schedule's run that began before the stop may write for as long as a function runs: its export
    begins after the longest, or an item written then would be deleted without being exported."""
    from chalicelib.councils.offboarding.steps import SETTLE_S
    from chalicelib.councils.registry import CHECK_S
    from infra.template.functions import SETTINGS
    assert SETTLE_S >= max(timeout for timeout, _ in SETTINGS.values()) + CHECK_S
    monkeypatch.delenv("DOORSTEP_OFFBOARD_SETTLE_S")
    add(deps, york(), north())
    assert offboard(doorstep, NORTH, "--stop") == 0
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "x")) == 1
    assert "its export may begin at" in capsys.readouterr().err
    monkeypatch.setattr("chalicelib.councils.offboarding.steps.SETTLE_S", 0)
    assert offboard(doorstep, NORTH, "--export", str(tmp_path / "x")) == 0
