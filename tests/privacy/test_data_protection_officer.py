"""A council's data protection officer (its settings' `data_protection_officer`: name, e-mail, postal
address optional): the privacy notice and the record of processing give their contact, or, where the
council names none, the notice says so in words; a contact the settings cannot take is refused with
each field's path, and nothing of it is applied. York's officer is York's alone."""
import pytest

from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, put, york

SETTINGS, RECORD, NOTICE = "/v1/admin/council", "/v1/council/record-of-processing", "/v1/privacy"
YORKS_DPO = {"name": "Information Governance Team", "email": "dpo@york.example.gov.uk",
             "postal_address": "West Offices, Station Rise, York YO1 6GA"}


@pytest.fixture
def admin(deps, people):
    add(deps, york(), north_lanarkshire())
    return people("admin", email="admin@york.example.gov.uk")


def change(client, admin, **settings):
    read = client.get(SETTINGS, at(YORK_HOST, admin.auth))
    document = {**read.json_body["settings"], **settings}
    return put(client, SETTINGS, document, at(YORK_HOST, {**admin.auth, "If-Match": read.headers["ETag"]}))


def test_a_council_that_names_no_officer_has_a_notice_that_says_so_plainly(client, admin):
    from chalicelib.handlers.privacy.wording import NO_DPO
    officer = client.get(NOTICE, at(YORK_HOST)).json_body["data_protection_officer"]
    assert officer == {"name": None, "email": None, "postal_address": None, "said": NO_DPO}
    assert "has not named a data protection officer" in officer["said"]
    record = client.get(RECORD, at(YORK_HOST, admin.auth)).json_body
    assert record["data_protection_officer"]["name"] is None


def test_yorks_officer_set_is_in_its_notice_and_record_and_not_in_north_lanarkshires(client, admin):
    before = client.get(NOTICE, at(YORK_HOST))
    changed = change(client, admin, data_protection_officer=YORKS_DPO)
    assert changed.status_code == 200, changed.json_body
    answer = client.get(NOTICE, at(YORK_HOST, {"If-None-Match": before.headers["ETag"]}))
    assert answer.status_code == 200  # a notice kept before the change is not the notice now
    officer = answer.json_body["data_protection_officer"]
    assert {k: officer[k] for k in YORKS_DPO} == YORKS_DPO
    assert officer["said"] == ("The council's data protection officer is Information Governance Team: email "
                               "dpo@york.example.gov.uk, or by post to West Offices, Station Rise, York YO1 6GA.")
    record = client.get(RECORD, at(YORK_HOST, admin.auth)).json_body["data_protection_officer"]
    assert record == officer
    theirs = client.get(NOTICE, at(NL_HOST)).json_body["data_protection_officer"]
    assert theirs["name"] is None and "has not named" in theirs["said"]
    # the postal address is optional: without it, the e-mail alone
    without = change(client, admin, data_protection_officer={"name": "Ann Lee", "email": "ann.lee@york.gov.uk"})
    assert without.status_code == 200, without.json_body
    said = client.get(NOTICE, at(YORK_HOST)).json_body["data_protection_officer"]["said"]
    assert said == "The council's data protection officer is Ann Lee: email ann.lee@york.gov.uk."


@pytest.mark.parametrize("officer, field", [
    ({"name": "Ann Lee", "email": "ann.lee"}, "$.data_protection_officer.email"),
    ({"name": "Ann Lee", "email": "ann.lee@york"}, "$.data_protection_officer.email"),  # has an @, and no domain
    ({"name": "Ann Lee", "email": "ann lee@york.gov.uk"}, "$.data_protection_officer.email"),
    ({"email": "dpo@york.gov.uk"}, "$.data_protection_officer.name"),
    ({"name": "  ", "email": "dpo@york.gov.uk"}, "$.data_protection_officer.name"),
    ({"name": "Ann Lee"}, "$.data_protection_officer.email"),
    ({"name": "Ann Lee", "email": "dpo@york.gov.uk", "postal_address": ""},
     "$.data_protection_officer.postal_address"),
    ({"name": "Ann Lee", "email": "dpo@york.gov.uk", "phone": "01904 551550"}, "$.data_protection_officer.phone"),
    ("Ann Lee, dpo@york.gov.uk", "$.data_protection_officer"),
])
def test_an_officer_the_settings_cannot_take_is_refused_naming_the_field_and_nothing_changes(
        client, admin, officer, field):
    before = client.get(NOTICE, at(YORK_HOST)).json_body
    refused = change(client, admin, data_protection_officer=officer)
    assert refused.status_code == 400, refused.json_body
    fields = {f["field"]: f["message"] for f in refused.json_body["error"]["fields"]}
    assert field in fields, fields
    if field.endswith(".email") and "email" in officer:
        assert fields[field] == "Must be an email address, like name@example.gov.uk."
    assert client.get(NOTICE, at(YORK_HOST)).json_body == before
