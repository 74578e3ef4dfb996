"""`doorstep seed`: the demo council's data, loaded once."""


def test_seeding_twice_adds_no_duplicate_demo_reports(deps):
    from chalicelib.storage.reports.reports import ReportModel
    from doorstep_cli.seed import demo_reports
    assert demo_reports(deps, count=12) == 12
    assert demo_reports(deps, count=12) == 0
    assert ReportModel.count() == 12


def test_demo_reports_lie_in_york_and_have_timelines(deps):
    from chalicelib.storage.reports.reports import ReportModel, ReportUpdateModel
    from doorstep_cli.seed import demo_reports
    demo_reports(deps, count=20)
    reports = list(ReportModel.scan())
    assert all(deps.area.contains(float(r.lon), float(r.lat)) for r in reports)
    assert any(r.state != "open" for r in reports)
    for r in reports:
        assert [u.seq for u in ReportUpdateModel.query(r.id)] == list(range(1, r.update_count + 1))


def test_cli_help_lists_the_commands(capsys):
    import pytest
    from doorstep_cli.main import main
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("serve", "tables", "seed"):
        assert command in out


def test_cli_explains_when_no_local_stack_is_running(tmp_path, monkeypatch, capsys):
    from doorstep_cli.main import main
    monkeypatch.setenv("DOORSTEP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DOORSTEP_AWS_ENDPOINT", raising=False)
    monkeypatch.setenv("DOORSTEP_STAGE", "test")  # restored after: main() sets it
    assert main(["--stage", "local", "tables"]) == 2
    assert "make run" in capsys.readouterr().err


def test_tables_adds_an_index_an_older_table_lacks(aws):
    from chalicelib.storage import binding
    from chalicelib.storage.reports.reports import ReportModel
    from chalicelib.storage.tables import ensure_tables
    binding.bind()
    client = ReportModel._get_connection().connection.client
    if ReportModel.exists():  # as an older deployment made it: no indexes yet
        client.delete_table(TableName=ReportModel.Meta.table_name)
    client.create_table(TableName=ReportModel.Meta.table_name, BillingMode="PAY_PER_REQUEST",
                        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
    result = ensure_tables(wait=False)
    declared = {i["index_name"] for i in ReportModel._get_schema()["global_secondary_indexes"]}
    added = result[ReportModel.Meta.table_name].removeprefix("exists; added index ").split(", ")
    assert set(added) == declared and "map" in declared
    indexes = client.describe_table(TableName=ReportModel.Meta.table_name)["Table"]["GlobalSecondaryIndexes"]
    assert {i["IndexName"] for i in indexes} == declared
    # every key attribute still has its definition (a snapshot recreates the table from them)
    table = client.describe_table(TableName=ReportModel.Meta.table_name)["Table"]
    defined = {d["AttributeName"] for d in table["AttributeDefinitions"]}
    keys = {k["AttributeName"] for i in [table, *table["GlobalSecondaryIndexes"]] for k in i["KeySchema"]}
    assert keys <= defined
    assert ensure_tables(wait=False)[ReportModel.Meta.table_name] == "exists"
    # Tables outlive a test (one moto per worker): leave the table as the model makes it.
    client.delete_table(TableName=ReportModel.Meta.table_name)
    ensure_tables(wait=False)


def test_users_create_and_set_role_through_the_cli(storage, monkeypatch, capsys):
    from chalicelib.deps import default_deps
    from doorstep_cli.main import main
    monkeypatch.setenv("DOORSTEP_STAGE", "test")
    monkeypatch.setenv("DOORSTEP_AWS_ENDPOINT", "")  # moto in-process, not a local stack
    assert main(["--stage", "test", "users", "create", "--email", "Sam@Council.example", "--role", "staff",
                 "--name", "Sam Staff", "--categories", "pothole,graffiti"]) == 0
    deps = default_deps()
    user = deps.accounts.user_by_identity("email#sam@council.example")
    grant = deps.grants.get(user.id)
    assert grant.role == "staff" and grant.scope == {"categories": ["pothole", "graffiti"]}
    assert main(["--stage", "test", "teams", "create", "--id", "north", "--name", "North crew"]) == 0
    assert main(["--stage", "test", "users", "set-role", "--email", "sam@council.example",
                 "--role", "crew", "--team", "north"]) == 0
    assert deps.grants.get(user.id).role == "crew"
    assert main(["--stage", "test", "users", "create", "--email", "sam@council.example", "--role", "staff"]) == 1
    assert "already has an account" in capsys.readouterr().err
    assert main(["--stage", "test", "outbox", "--to", "sam@council.example"]) == 0
    assert "reset-password?token=" in capsys.readouterr().out


def test_the_demo_north_crew_has_two_jobs_once_however_often_it_is_seeded(deps):
    from doorstep_cli.demo_staff import demo_staff
    assert demo_staff(deps)["demo crew jobs"] == 2
    assert demo_staff(deps)["demo crew jobs"] == 0
    jobs = [deps.reports.get(rid).assignment for rid in ("DS-JB7N2K", "DS-JB4W8R")]
    assert [a["team"] for a in jobs] == ["north", "north"] and all(a.get("job") for a in jobs)
    assert all(deps.jobs.get(a["job"]).open for a in jobs)


def test_the_demo_council_has_an_open_petition_to_sign_once_however_often_it_is_seeded(client, deps):
    from doorstep_cli.demo_petitions import DEMO_PETITION, demo_petitions
    from doorstep_cli.seed import demo_wards
    demo_wards(deps)  # as demo_council loads them first
    assert demo_petitions(deps) == 1
    assert demo_petitions(deps) == 0
    listed = client.get("/v1/petitions").json_body
    assert [p["id"] for p in listed["petitions"]] == [DEMO_PETITION]  # a newcomer finds one to sign
    shown = client.get(f"/v1/petitions/{DEMO_PETITION}").json_body
    assert shown["state"] == "open" and shown["ward"] == "Micklegate"


def test_a_fresh_stages_tables_are_made_and_its_accounts_table_after_their_presence(aws):
    # The presence table sorts before the users' table: made first, it must not count accounts from a table
    # not made yet (`make run` on a clean machine stopped here: ResourceNotFoundException on users).
    from chalicelib.storage import binding
    from chalicelib.storage.accounts.accounts import UserModel
    from chalicelib.storage.accounts.presence import PresenceModel
    from chalicelib.storage.tables import ensure_tables
    binding.bind()
    for model in (UserModel, PresenceModel):
        if model.exists():
            model.delete_table()
    result = ensure_tables(wait=True)
    assert result[UserModel.Meta.table_name] == "created" == result[PresenceModel.Meta.table_name]


def test_an_older_stages_closed_reports_are_put_on_the_retention_index_when_it_is_added(deps):
    # A stage from before retention: its closed report has no due keys and the table no index; `doorstep
    # tables` adds the index and the keys, so the sweep's first run finds the report.
    from datetime import datetime, timezone
    from chalicelib.storage.reports.reports import ReportModel
    from support.retention_support import closed_report
    rid = closed_report(deps, datetime(2025, 1, 5, 10, tzinfo=timezone.utc),
                        datetime(2025, 2, 3, 9, tzinfo=timezone.utc))
    result, item = before_the_retention_index(ReportModel, rid)
    assert "1 closed reports put on the due index" in result, result
    assert item["retain_from"]["S"].startswith("2025-02-03T09:00:00")


def test_an_older_stages_chats_are_put_on_the_retention_index_when_it_is_added(deps):
    # As reports: a chat closed before the index has no due keys; `doorstep tables` adds the index and the
    # keys from its closing moment, and an open chat's from its last message (a chat never closed is swept
    # from it: docs/decisions/retention.md).
    from datetime import datetime, timezone
    from chalicelib.storage.conversations.conversations import ConversationModel
    from support.retention_support import closed_chat
    closed = closed_chat(deps, datetime(2025, 1, 5, 10, tzinfo=timezone.utc), datetime(2025, 2, 3, 9, tzinfo=timezone.utc))
    still_open = closed_chat(deps, datetime(2025, 1, 5, 10, tzinfo=timezone.utc), None,
                             [(datetime(2025, 1, 9, 8, tzinfo=timezone.utc), "Any news?")])
    client = ConversationModel._get_connection().connection.client
    key = {"id": {"S": ConversationModel.id.serialize(still_open)}}
    client.update_item(TableName=ConversationModel.Meta.table_name, Key=key, UpdateExpression="REMOVE #r, #f",
                       ExpressionAttributeNames={"#r": "retain", "#f": "retain_from"})
    result, item = before_the_retention_index(ConversationModel, closed)
    assert "2 chats put on the due index" in result, result
    assert item["retain_from"]["S"].startswith("2025-02-03T09:00:00")
    opened = client.get_item(TableName=ConversationModel.Meta.table_name, ConsistentRead=True, Key=key)["Item"]
    assert opened["retain_from"]["S"].startswith("2025-01-09T08:00:00")


def test_an_older_stages_finished_payments_are_put_on_the_retention_index_when_it_is_added(deps):
    from datetime import datetime, timezone
    from chalicelib.storage.waste.payments import PaymentModel
    from support.retention_support import paid
    pid = paid(deps, datetime(2025, 1, 5, 10, tzinfo=timezone.utc), datetime(2025, 1, 5, 10, 5, tzinfo=timezone.utc))
    result, item = before_the_retention_index(PaymentModel, pid)
    assert "1 finished payments put on the due index" in result, result
    assert item["retain_from"]["S"].startswith("2025-01-05T10:05:00")


def before_the_retention_index(model, record_id):
    """`record_id` of `model` as a stage from before the retention index holds it (no due keys, the table no
    index), then `doorstep tables`: (what it said of the table, having added the index; the item after)."""
    from chalicelib.storage.due import INDEX
    from chalicelib.storage.tables import ensure_tables
    client = model._get_connection().connection.client
    key = {"id": {"S": model.id.serialize(record_id)}}
    client.update_item(TableName=model.Meta.table_name, Key=key, UpdateExpression="REMOVE #r, #f",
                       ExpressionAttributeNames={"#r": "retain", "#f": "retain_from"})
    client.update_table(TableName=model.Meta.table_name, GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": INDEX}}])
    result = ensure_tables(wait=False)[model.Meta.table_name]
    assert INDEX in result, result
    return result, client.get_item(TableName=model.Meta.table_name, Key=key, ConsistentRead=True)["Item"]


def test_an_older_stages_closed_repairs_are_put_on_the_retention_index_when_it_is_added(deps):
    # A repair done before the index has no due keys; `doorstep tables` adds the index and the keys from when
    # it was done, and leaves an open repair off it.
    from datetime import datetime, timezone
    from chalicelib.storage.due import INDEX
    from chalicelib.storage.repairs.repairs import RepairModel
    from chalicelib.storage.tables import ensure_tables
    from support.retention_support import closed_repair
    done = closed_repair(deps, datetime(2025, 1, 5, 10, tzinfo=timezone.utc),
                         datetime(2025, 2, 3, 9, tzinfo=timezone.utc))
    still_open = closed_repair(deps, datetime(2025, 1, 5, 10, tzinfo=timezone.utc), None)
    client = RepairModel._get_connection().connection.client
    key = {"id": {"S": RepairModel.id.serialize(done)}}
    client.update_item(TableName=RepairModel.Meta.table_name, Key=key, UpdateExpression="REMOVE #r, #f, #c",
                       ExpressionAttributeNames={"#r": "retain", "#f": "retain_from", "#c": "closed_at"})
    client.update_table(TableName=RepairModel.Meta.table_name,
                        GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": INDEX}}])
    result = ensure_tables(wait=False)[RepairModel.Meta.table_name]
    assert INDEX in result and "1 closed repairs put on the due index" in result, result
    item = client.get_item(TableName=RepairModel.Meta.table_name, Key=key, ConsistentRead=True)["Item"]
    assert item["retain_from"]["S"].startswith("2025-02-03T09:00:00")
    opened = client.get_item(TableName=RepairModel.Meta.table_name, ConsistentRead=True,
                             Key={"id": {"S": RepairModel.id.serialize(still_open)}})["Item"]
    assert "retain" not in opened
