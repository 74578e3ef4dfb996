"""York's administrator reads its retention schedule (each kind at the data map's default until set),
changes it as part of its settings (checked: a clear 400 naming each field, 428 without If-Match, 409
stale; audited), runs a dry run and reads the runs' reports; holds refuse bad input clearly. Staff,
residents and another council's administrator are refused."""
import pytest

from support.councils_support import NL_HOST, YORK_HOST, at, north_lanarkshire, put, signed_in_at, add
from support.retention_support import RETENTION, closed_report, set_schedule, utc, york_keeping

TWELVE = {"kinds": {"reports": {"after": "closed", "months": 12, "then": "anonymise"}}}


@pytest.fixture
def admin(deps):
    york_keeping(deps)
    return signed_in_at(deps, "york", "admin")


def test_the_schedule_reads_the_data_maps_defaults_until_the_council_sets_its_own(client, deps, admin):
    read = client.get(RETENTION, at(YORK_HOST, admin))
    assert read.status_code == 200 and read.headers["Cache-Control"] == "no-store"
    schedule = read.json_body["schedule"]
    assert schedule["kinds"]["reports"] == {
        "after": "closed", "months": 72, "then": "anonymise", "source": "project",
        "words": schedule["kinds"]["reports"]["words"]}
    assert schedule["kinds"]["reports"]["words"].startswith("Kept 6 years after it is closed, then anonymised")
    assert (schedule["unused_account_months"], schedule["warn_days"], schedule["backup_days"]) == (24, 30, 35)
    changed = set_schedule(client, admin, {**TWELVE, "unused_account_months": 36})
    assert changed.status_code == 200, changed.json_body
    assert changed.headers["ETag"] == f'"{changed.json_body["version"]}"'
    assert changed.json_body["schedule"]["unused_account_months"] == 36
    audit = client.get("/v1/admin/council/audit", at(YORK_HOST, admin)).json_body["changes"][0]
    assert set(audit["change"]) == {"retention.kinds", "retention.unused_account_months"}
    # the record of processing and the notice say the council's period, not the default
    record = client.get("/v1/council/record-of-processing", at(YORK_HOST, admin)).json_body
    reports = next(a for a in record["activities"] if a["table"] == "reports")["retention"]
    assert (reports["months"], reports["source"]) == (12, "council")
    kept = next(s for s in client.get("/v1/privacy", at(YORK_HOST)).json_body["sections"] if s["id"] == "reports")
    assert any(k.startswith("Kept 1 year after it is closed") for k in kept["kept"])
    back = set_schedule(client, admin, {})
    assert back.json_body["schedule"]["kinds"]["reports"]["source"] == "project"


@pytest.mark.parametrize("section, field", [
    ({"kinds": {"reports": {"after": "closed", "months": 0, "then": "anonymise"}}}, "$.retention.kinds.reports.months"),
    ({"kinds": {"reports": {"after": "closed", "months": 12, "then": "delete"}}}, "$.retention.kinds.reports.then"),
    ({"kinds": {"reports": {"after": "created", "months": 12, "then": "anonymise"}}}, "$.retention.kinds.reports.after"),
    ({"kinds": {"reports": {"after": "closed", "months": "12", "then": "anonymise"}}},
     "$.retention.kinds.reports.months"),
    # a setting the section does not have is refused at the door, by its place in the body
    ({"kinds": {"potholes": {"after": "closed", "months": 12, "then": "anonymise"}}}, "kinds.potholes"),
    ({"warn_days": 400}, "$.retention.warn_days"),
    ({"unused_account_months": 1, "warn_days": 30}, "$.retention.warn_days"),
    ({"backup_days": 36}, "$.retention.backup_days"),  # longer than the bucket's rules (1 to 35)
    ({"backup_days": 0}, "$.retention.backup_days"),
    ({"forever": True}, "forever"),
    ([], "body"),
])
def test_a_schedule_the_settings_do_not_take_is_refused_naming_the_field_and_nothing_changes(
        client, admin, section, field):
    before = client.get(RETENTION, at(YORK_HOST, admin)).json_body
    refused = set_schedule(client, admin, section)
    assert refused.status_code == 400, refused.json_body
    assert field in [f["field"] for f in refused.json_body["error"]["fields"]]
    assert client.get(RETENTION, at(YORK_HOST, admin)).json_body == before


def test_a_change_without_if_match_is_428_and_a_stale_one_409(client, admin):
    assert put(client, RETENTION, TWELVE, at(YORK_HOST, admin)).status_code == 428
    version = client.get(RETENTION, at(YORK_HOST, admin)).json_body["version"]
    assert set_schedule(client, admin, TWELVE).status_code == 200
    stale = put(client, RETENTION, {**TWELVE, "warn_days": 14}, at(YORK_HOST, {**admin, "If-Match": f'"{version}"'}))
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"
    not_json = client.raw.http.request("PUT", RETENTION, body=b"{", headers=at(YORK_HOST, {
        **admin, "If-Match": f'"{version + 1}"', "Content-Type": "application/json"}))
    assert not_json.status_code == 400


def test_a_dry_run_lists_what_would_go_changes_nothing_and_is_kept_among_the_runs(client, deps, admin):
    import time_machine
    set_schedule(client, admin, TWELVE)
    old = closed_report(deps, utc(2025, 1, 10, 9), deps.clock().replace(year=deps.clock().year - 2))
    key = {"Idempotency-Key": "dry-run-0001"}
    made = client.post("/v1/admin/retention/dry-runs", {}, at(YORK_HOST, {**admin, **key}))
    assert made.status_code == 201, made.json_body
    run = made.json_body
    assert run["dry"] and run["counts"]["reports"] == {"would_anonymise": 1}
    assert [r["id"] for r in run["listed"]["reports"]] == [old]
    assert deps.reports.get(old).contact["email"] == "ada@example.org"
    again = client.post("/v1/admin/retention/dry-runs", {}, at(YORK_HOST, {**admin, **key}))
    assert again.json_body["id"] == run["id"]  # the same key: the same run, not a second
    runs = client.get("/v1/admin/retention/runs", at(YORK_HOST, admin)).json_body
    assert [r["id"] for r in runs["runs"]] == [run["id"]] and runs["next"] is None and "listed" not in runs["runs"][0]
    one = client.get(f"/v1/admin/retention/runs/{run['id']}", at(YORK_HOST, admin))
    assert one.status_code == 200 and one.json_body["listed"]["reports"][0]["id"] == old
    assert client.get("/v1/admin/retention/runs/2020-01-01T00:00:00.000000Z_none", at(YORK_HOST, admin)).status_code == 404
    assert client.get("/v1/admin/retention/runs?before=%25%25", at(YORK_HOST, admin)).status_code == 400
    odd = client.post("/v1/admin/retention/dry-runs", {"kinds": ["reports"]}, at(YORK_HOST, admin))
    assert odd.status_code == 400 and odd.json_body["error"]["fields"][0]["field"] == "kinds"
    assert time_machine  # noqa: the run's moment is the real clock's: any hour


@pytest.mark.parametrize("path, body, status, field", [
    ("/v1/admin/retention/holds/potholes/DS-7K3F9Q", {"reason": "A claim about it"}, 400, None),
    ("/v1/admin/retention/holds/reports/DS-NOSUCH", {"reason": "A claim about it"}, 404, None),
    ("/v1/admin/retention/holds/reports/{rid}", {"reason": "no"}, 400, "reason"),
    ("/v1/admin/retention/holds/reports/{rid}", {"reason": 7}, 400, "reason"),
    ("/v1/admin/retention/holds/reports/{rid}", {}, 400, "reason"),
    ("/v1/admin/retention/holds/accounts/u_nobody", {"reason": "A claim about it"}, 404, None),
])
def test_a_hold_asked_badly_is_a_clear_4xx(client, deps, admin, path, body, status, field):
    rid = closed_report(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    answer = put(client, path.format(rid=rid), body, at(YORK_HOST, admin))
    assert answer.status_code == status, answer.json_body
    if field:
        assert answer.json_body["error"]["fields"][0]["field"] == field


def test_a_hold_again_with_its_reason_is_the_same_hold_and_with_another_is_409(client, deps, admin):
    rid = closed_report(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    first = put(client, f"/v1/admin/retention/holds/reports/{rid}", {"reason": "Claim 114"}, at(YORK_HOST, admin))
    again = put(client, f"/v1/admin/retention/holds/reports/{rid}", {"reason": "Claim 114"}, at(YORK_HOST, admin))
    assert first.status_code == again.status_code == 200 and first.json_body == again.json_body
    other = put(client, f"/v1/admin/retention/holds/reports/{rid}", {"reason": "Claim 115"}, at(YORK_HOST, admin))
    assert other.status_code == 409
    twice = client.raw.http.delete(f"/v1/admin/retention/holds/reports/{rid}", headers=at(YORK_HOST, admin))
    assert twice.status_code == 200
    gone = client.raw.http.delete(f"/v1/admin/retention/holds/reports/{rid}", headers=at(YORK_HOST, admin))
    assert gone.status_code == 404 and gone.json_body["error"]["code"] == "not_held"
    audit = [e.action for e in deps.audit.entries(rid)]
    assert audit[-2:] == ["retention_held", "retention_released"]


def test_the_schedule_is_refused_to_staff_residents_and_another_councils_administrator(client, deps, people, admin):
    add(deps, north_lanarkshire())
    assert client.get(RETENTION, at(YORK_HOST, signed_in_at(deps, "york", "staff"))).status_code == 403
    assert client.get(RETENTION, at(YORK_HOST, signed_in_at(deps, "york", "resident"))).status_code == 403
    assert client.get(RETENTION, at(YORK_HOST)).status_code == 401
    nl_admin = signed_in_at(deps, "north-lanarkshire", "admin")
    assert client.get(RETENTION, at(YORK_HOST, nl_admin)).status_code == 401  # a session is its council's
    assert client.get(RETENTION, at(NL_HOST, nl_admin)).json_body["schedule"]["kinds"]["reports"]["months"] == 72


def test_the_record_of_processing_says_the_councils_chats_period_for_the_messages_and_links_too(client, deps, admin):
    """A chat's messages and the links staff find it by go with it (handlers/retention/chats.py), so the
    record says the council's period for all three tables; only the conversation's said it, the other
    two the data map's two years."""
    changed = set_schedule(client, admin, {"kinds": {"chats": {"after": "closed", "months": 6, "then": "delete"}}})
    assert changed.status_code == 200, changed.json_body
    record = client.get("/v1/council/record-of-processing", at(YORK_HOST, admin)).json_body
    kept = {a["table"]: (a["retention"]["months"], a["retention"]["source"]) for a in record["activities"]}
    assert {kept[t] for t in ("conversations", "conversation-messages", "conversation-links")} == {(6, "council")}
    assert kept["conversation-parties"] == (12, "project")  # a block keeps its own year: not swept with a chat
    notice = client.get("/v1/privacy", at(YORK_HOST)).json_body["sections"]
    chat = next(s for s in notice if s["id"] == "chat")
    assert not any(k.startswith("Kept 2 years") for k in chat["kept"])
