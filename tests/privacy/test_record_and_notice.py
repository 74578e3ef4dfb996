"""A council's record of processing (its administrators') and its privacy notice (anyone's), each
drawn from the code's data map and the council's own settings: its name and contact, and the
services it offers (a service switched off has no section in its notice)."""
import csv
import io

import pytest

from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, signed_in_at, york

RECORD, NOTICE = "/v1/council/record-of-processing", "/v1/privacy"


def yorks_own():
    document = york()
    document["branding"] = {**document["branding"], "email": "dataprotection@york.example.gov.uk"}
    document["services"] = {"planning": False, "chat": False}
    return document


@pytest.fixture
def councils(deps):
    return add(deps, yorks_own(), north_lanarkshire())


@pytest.fixture
def admin(people, councils):
    return people("admin", email="admin@york.example.gov.uk")


def test_yorks_administrator_reads_its_record_of_processing_with_every_table_accounted_for(client, admin):
    from chalicelib.storage.declarations import every_declaration
    answer = client.get(RECORD, at(YORK_HOST, admin.auth))
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    made = answer.json_body
    assert made["controller"] == {"name": "City of York Council", "email": "dataprotection@york.example.gov.uk",
                                  "phone": "01904 551550", "website": "https://www.york.gov.uk"}
    tables = {a["table"] for a in made["activities"]} | set(made["holding_none"])
    assert tables == {table for table, _ in every_declaration()}
    reports = next(a for a in made["activities"] if a["table"] == "reports")
    assert reports["data"]["contact"] == "contact" and reports["basis"] == "public_task"
    assert "bodies" in reports["recipients"] and reports["retention"]["months"] == 72
    assert reports["retention"]["words"].startswith("Kept 6 years after it is closed, then anonymised")
    payments = next(a for a in made["activities"] if a["table"] == "payments")
    assert payments["retention"]["source"] == "lga" and payments["retention"]["months"] == 84
    # a service York has switched off is still in its record, marked: what it held before is the council's
    assert {a["offered"] for a in made["activities"] if a["part"] == "chat"} == {False}
    assert {a["offered"] for a in made["activities"] if a["part"] == "bulky"} == {True}


def test_the_record_as_a_spreadsheet_has_one_row_per_activity(client, admin):
    answer = client.get(f"{RECORD}?format=csv", at(YORK_HOST, admin.auth))
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/csv")
    assert 'filename="york-record-of-processing.csv"' in answer.headers["Content-Disposition"]
    body = answer.body.decode() if isinstance(answer.body, bytes) else answer.body
    rows = list(csv.DictReader(io.StringIO(body)))
    as_json = client.get(RECORD, at(YORK_HOST, admin.auth)).json_body["activities"]
    assert [r["table"] for r in rows] == [a["table"] for a in as_json]
    assert next(r for r in rows if r["table"] == "conversations")["offered"] == "no"


def test_a_format_the_record_does_not_come_in_is_refused_with_400(client, admin):
    answer = client.get(f"{RECORD}?format=pdf", at(YORK_HOST, admin.auth))
    assert answer.status_code == 400 and answer.json_body["error"]["fields"][0]["field"] == "format"


def test_the_record_is_refused_to_staff_without_admin_and_to_residents_and_asks_the_anonymous_to_sign_in(
        client, deps, people, councils):
    officer = people("staff")
    resident = people("resident")
    assert client.get(RECORD, at(YORK_HOST, officer.auth)).status_code == 403
    assert client.get(RECORD, at(YORK_HOST, resident.auth)).status_code == 403
    assert client.get(RECORD, at(YORK_HOST)).status_code == 401


def test_yorks_administrator_is_refused_north_lanarkshires_record(client, admin):
    """A session is its council's: at North Lanarkshire's address York's is none (401)."""
    assert client.get(RECORD, at(NL_HOST, admin.auth)).status_code == 401


def test_two_councils_records_differ_by_their_settings(client, deps, admin):
    theirs_admin = signed_in_at(deps, "north-lanarkshire", role="admin")
    yorks = client.get(RECORD, at(YORK_HOST, admin.auth)).json_body
    theirs = client.get(RECORD, at(NL_HOST, theirs_admin)).json_body
    assert theirs["controller"]["name"] == "North Lanarkshire Council" and theirs["controller"]["email"] is None
    off = {a["table"] for a in yorks["activities"] if not a["offered"]}
    assert "conversations" in off and "planning-applications" in off
    assert all(a["offered"] for a in theirs["activities"])
    assert [a["table"] for a in yorks["activities"]] == [a["table"] for a in theirs["activities"]]


def test_anyone_reads_the_notice_with_a_section_per_service_offered_each_with_its_anchor(client, councils):
    answer = client.get(NOTICE, at(YORK_HOST))
    assert answer.status_code == 200 and answer.headers["Vary"] == "Host"
    notice = answer.json_body
    assert notice["controller"]["name"] == "City of York Council"
    assert notice["controller"]["contact"] == "dataprotection@york.example.gov.uk"
    ids = [s["id"] for s in notice["sections"]]
    assert ids[:2] == ["account", "reports"] and "bulky" in ids
    reports = notice["sections"][1]
    assert reports["link"] == "/privacy#reports" and reports["title"] == "Reporting a problem"
    assert "your email address or phone number" in reports["what"]
    assert any("Open311" in said for said in reports["shared_with"])
    assert any(kept.startswith("Kept 6 years after it is closed") for kept in reports["kept"])
    assert notice["rights"] and "ico.org.uk" in notice["complain"]


def test_a_service_switched_off_has_no_section_in_the_notice_and_one_switched_on_has(client, councils):
    yorks = [s["id"] for s in client.get(NOTICE, at(YORK_HOST)).json_body["sections"]]
    theirs = [s["id"] for s in client.get(NOTICE, at(NL_HOST)).json_body["sections"]]
    assert "chat" not in yorks and "planning" not in yorks
    assert "chat" in theirs and "planning" in theirs
    assert client.get(NOTICE, at(NL_HOST)).json_body["controller"]["contact"] == "01698 403200"


def test_the_notice_is_revalidated_by_its_etag(client, councils):
    first = client.get(NOTICE, at(YORK_HOST))
    again = client.get(NOTICE, at(YORK_HOST, {"If-None-Match": first.headers["ETag"]}))
    assert again.status_code == 304
    assert client.get(NOTICE, at(NL_HOST, {"If-None-Match": first.headers["ETag"]})).status_code == 200


def test_every_word_of_the_data_maps_vocabularies_has_its_words_in_the_catalogue():
    from chalicelib.councils.services import SWITCHABLE
    from chalicelib.handlers.privacy import wording
    from chalicelib.storage import data_map
    assert set(wording.KINDS) == set(data_map.KINDS) and set(wording.BASES) == set(data_map.BASES)
    assert set(wording.RECIPIENTS) == set(data_map.RECIPIENTS) and set(wording.WHOSE) == set(data_map.WHOSE)
    assert set(wording.AFTER) == set(data_map.EVENTS) and set(wording.SOURCES) == set(data_map.SOURCES)
    assert set(wording.THEN) == set(data_map.THEN)
    assert set(wording.PARTS) == set(wording.EVERY_COUNCILS) | set(SWITCHABLE)


def test_a_retention_rule_is_said_in_words():
    from chalicelib.handlers.privacy.wording import kept
    from chalicelib.storage.data_map import KEPT_AS_A_PAYMENT, Retention
    assert kept(KEPT_AS_A_PAYMENT) == ("Kept 7 years after it is paid, then anonymised: the figures and the public "
                                       "record stay, who it was goes (as the Local Government Association's "
                                       "retention guidance advises)")
    assert kept(Retention(after="created", days=1, source="ttl")) == (
        "Kept 1 day after it is made, then deleted (automatically, as it expires)")
    assert kept(Retention(after="ended")).startswith("Kept until it ends, then deleted")
