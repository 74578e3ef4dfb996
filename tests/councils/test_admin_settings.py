"""A council's administrators change its settings (GET/PUT /v1/admin/council,
its audit and export): the whole document with If-Match, checked whole, every
refused field named with its path and reason and nothing applied, every change
audited with who and what; York's administrator changes York's alone."""
import json

import pytest

from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, put, york

SETTINGS = "/v1/admin/council"


@pytest.fixture
def councils(deps):
    return add(deps, york(), north_lanarkshire())


@pytest.fixture
def admin(people, councils):
    return people("admin", email="admin@york.example.gov.uk")


def read(client, who, host=YORK_HOST):
    answer = client.get(SETTINGS, at(host, who.auth))
    assert answer.status_code == 200, answer.json_body
    assert answer.headers["ETag"] == f'"{answer.json_body["version"]}"'
    return answer.json_body["settings"], answer.headers["ETag"]


def test_yorks_administrator_changes_its_colour_and_a_bin_day_word_and_north_lanarkshire_is_unchanged(
        client, admin, councils):
    document, etag = read(client, admin)
    assert etag == '"1"' and document == york()
    document["branding"]["colour"] = "#0b5a32"
    document["words"] = {"home.bin_days": "Bin collection days"}
    changed = put(client, SETTINGS, document, at(YORK_HOST, {**admin.auth, "If-Match": etag}))
    assert changed.status_code == 200, changed.json_body
    assert changed.headers["ETag"] == '"2"' and changed.json_body == {"settings": document, "version": 2}
    yorks = client.get("/v1/council", at(YORK_HOST)).json_body
    assert yorks["branding"]["colour"] == "#0b5a32" and yorks["words"] == {"home.bin_days": "Bin collection days"}
    theirs = client.get("/v1/council", at(NL_HOST)).json_body
    assert theirs["branding"]["colour"] == "#5a2d82" and theirs["words"] == north_lanarkshire()["words"]  # its own
    trail = client.get(f"{SETTINGS}/audit", at(YORK_HOST, admin.auth)).json_body
    assert trail["changes"][0]["by"] == "admin@york.example.gov.uk"
    assert trail["changes"][0]["change"] == {"branding.colour": ["#1d4f91", "#0b5a32"],
                                            "words.home.bin_days": [None, "Bin collection days"]}
    assert [c["by"] for c in councils.audit("north-lanarkshire")] == ["test"]  # its adding alone


def test_settings_that_fail_are_refused_with_every_fields_path_and_reason_and_nothing_is_applied(client, admin):
    document, etag = read(client, admin)
    document["name"] = "City of York Council (new)"  # well formed: refused with the rest all the same
    document["branding"]["colour"] = "#ffdd00"  # yellow: white words cannot be read on it
    document["branding"]["website"] = "http://www.york.gov.uk"  # not https
    document["services"] = {"bulky": "no", "ferries": False}
    document["words"] = {"home.bin_days": "Bin days", "home.no_such_word": "Hello",
                         "bulky.lead": "Choose your items.",  # drops {max} and {minimum}
                         "home.title": "Your {council}"}  # a name the app never fills
    refused = put(client, SETTINGS, document, at(YORK_HOST, {**admin.auth, "If-Match": etag}))
    assert refused.status_code == 400
    error = refused.json_body["error"]
    said = {f["field"]: f["message"] for f in error["fields"]}
    assert set(said) == {"$.branding.colour", "$.branding.website", "$.services.bulky", "$.services.ferries",
                         '$.words["home.no_such_word"]', '$.words["bulky.lead"]', '$.words["home.title"]'}
    assert said["$.branding.colour"].startswith("Is too light for the header's white words")
    assert said['$.words["bulky.lead"]'] == ("Must keep {max}, {minimum} and no other names in curly brackets, "
                                             "where the app puts its values.")
    assert error["message"] == "The settings were not changed: 7 fields are refused."
    assert read(client, admin) == (york(), '"1"')
    assert len(client.get(f"{SETTINGS}/audit", at(YORK_HOST, admin.auth)).json_body["changes"]) == 1  # its adding


def test_a_stale_if_match_is_answered_with_the_settings_as_they_are_now_and_none_is_required(client, admin, people):
    other = people("admin")
    document, etag = read(client, admin)
    first = dict(document, short_name="York city")
    assert put(client, SETTINGS, first, at(YORK_HOST, {**other.auth, "If-Match": etag})).status_code == 200
    late = put(client, SETTINGS, dict(document, name="Yorkshire's York"), at(YORK_HOST, {**admin.auth, "If-Match": etag}))
    assert late.status_code == 409 and late.json_body["error"]["code"] == "edit_conflict"
    assert late.json_body["current"] == {"settings": first, "version": 2} and late.headers["ETag"] == '"2"'
    assert put(client, SETTINGS, document, at(YORK_HOST, admin.auth)).status_code == 428


def test_the_same_settings_sent_again_change_nothing_and_record_nothing(client, admin):
    document, etag = read(client, admin)
    document["branding"]["phone"] = "01904 551551"
    headers = at(YORK_HOST, {**admin.auth, "If-Match": etag})
    assert put(client, SETTINGS, document, headers).headers["ETag"] == '"2"'
    again = put(client, SETTINGS, document, headers)  # a retry after an answer that never came
    assert again.status_code == 200 and again.headers["ETag"] == '"2"'
    assert len(client.get(f"{SETTINGS}/audit", at(YORK_HOST, admin.auth)).json_body["changes"]) == 2


def test_a_councils_id_and_web_addresses_are_the_operators_to_change(client, admin):
    document, etag = read(client, admin)
    taking = dict(document, id="north-lanarkshire", hosts=["york.localhost", "www.york.example.gov.uk"],
                  public_url="https://york.example.gov.uk")
    refused = put(client, SETTINGS, taking, at(YORK_HOST, {**admin.auth, "If-Match": etag}))
    assert refused.status_code == 400
    assert {f["field"] for f in refused.json_body["error"]["fields"]} == {"$.id", "$.hosts", "$.public_url"}
    assert read(client, admin) == (york(), '"1"')


def test_only_administrators_see_or_change_a_councils_settings(client, people, councils):
    officer, resident = people("staff"), people("resident")
    for path in (SETTINGS, f"{SETTINGS}/audit", f"{SETTINGS}/export"):
        assert client.get(path, at(YORK_HOST)).status_code == 401
        assert client.get(path, at(YORK_HOST, officer.auth)).status_code == 403
        assert client.get(path, at(YORK_HOST, resident.auth)).status_code == 403
    assert put(client, SETTINGS, york(), at(YORK_HOST, {**officer.auth, "If-Match": '"1"'})).status_code == 403


def test_the_export_is_the_settings_as_a_file_the_command_takes_back(client, admin, deps, tmp_path, capsys):
    from argparse import Namespace

    from doorstep_cli import councils as command
    answer = client.get(f"{SETTINGS}/export", at(YORK_HOST, admin.auth))
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"] == 'attachment; filename="york-settings-v1.json"'
    exported = json.loads(answer.body)
    assert exported == york()
    exported["branding"]["colour"] = "#0b5a32"
    (tmp_path / "york.json").write_text(json.dumps(exported))
    assert command.run(Namespace(councils_command="change", file=str(tmp_path / "york.json")), deps) == 0
    assert client.get("/v1/council", at(YORK_HOST)).json_body["branding"]["colour"] == "#0b5a32"


def test_the_audit_is_read_a_page_at_a_time_newest_first(client, admin, deps):
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    store = CouncilStore()
    for n in range(2, 53):
        settings.write(store, dict(york(), short_name=f"York {n}"), n - 1, deps.clock(), f"admin{n}")
    first = client.get(f"{SETTINGS}/audit", at(YORK_HOST, admin.auth)).json_body
    assert [c["by"] for c in first["changes"][:2]] == ["admin52", "admin51"] and len(first["changes"]) == 50
    rest = client.get(f"{SETTINGS}/audit?before={first['next']}", at(YORK_HOST, admin.auth)).json_body
    assert [c["by"] for c in rest["changes"]] == ["admin2", "test"] and rest["next"] is None
    refused = client.get(f"{SETTINGS}/audit?before=not-a-page", at(YORK_HOST, admin.auth))
    assert refused.status_code == 400 and refused.json_body["error"]["fields"][0]["field"] == "before"


def test_two_administrators_changing_the_same_version_at_once_make_one_change_and_the_other_is_shown_it(
        client, admin, people):
    from support.racing import at_once
    other = people("admin", email="other@york.example.gov.uk")
    document, etag = read(client, admin)
    colours = {admin: "#0b5a32", other: "#6f2c91"}

    def change(who):
        mine = dict(document, branding={**document["branding"], "colour": colours[who]})
        return put(client, SETTINGS, mine, at(YORK_HOST, {**who.auth, "If-Match": etag}))
    answers = at_once(change, [admin, other])
    assert sorted(a.status_code for a in answers) == [200, 409]
    lost = next(a for a in answers if a.status_code == 409).json_body["current"]
    won = next(a for a in answers if a.status_code == 200).json_body
    assert lost == won and won["version"] == 2
    assert len(client.get(f"{SETTINGS}/audit", at(YORK_HOST, admin.auth)).json_body["changes"]) == 2


def test_an_area_is_audited_as_changed_never_point_by_point(client, admin, councils):
    trail = client.get(f"{SETTINGS}/audit", at(YORK_HOST, admin.auth)).json_body["changes"]
    assert trail[0]["change"]["area"] == [None, "(the area now)"]  # York added: its boundary not written out
    document, etag = read(client, admin)
    document["area"]["coordinates"][0][1] = [-1.236, 53.946]
    assert put(client, SETTINGS, document, at(YORK_HOST, {**admin.auth, "If-Match": etag})).status_code == 200
    latest = client.get(f"{SETTINGS}/audit", at(YORK_HOST, admin.auth)).json_body["changes"][0]
    assert latest["change"] == {"area": ["(the area before)", "(the area now)"]}


def test_settings_too_big_for_one_record_are_refused_in_words_not_failed(client, admin):
    document, etag = read(client, admin)
    ring = [[-1.2 + n / 100000, 53.9 + (n % 7) / 1000] for n in range(30000)]
    document["area"] = {"type": "Polygon", "coordinates": [ring + [ring[0]]]}  # a boundary never simplified
    refused = put(client, SETTINGS, document, at(YORK_HOST, {**admin.auth, "If-Match": etag}))
    assert refused.status_code == 400
    [field] = refused.json_body["error"]["fields"]
    assert field["field"] == "$" and field["message"].startswith("The settings are ")
    assert read(client, admin) == (york(), '"1"')


def test_every_word_said_otherwise_at_once_is_audited_without_failing(client, admin, deps):
    from chalicelib.councils import checks, settings
    from chalicelib.storage.councils import CouncilStore
    keys = [k for k, text in checks.catalogue().items() if not checks.placeholders(text)][:300]
    document, etag = read(client, admin)
    wordy = dict(document, words={k: "é" * 130 for k in keys})  # stored as \u00e9: 234 KB of words
    admin_store = CouncilStore()
    settings.write(admin_store, wordy, 1, deps.clock(), "test")
    reworded = dict(wordy, words={k: "ü" * 130 for k in keys})
    answer = put(client, SETTINGS, reworded, at(YORK_HOST, {**admin.auth, "If-Match": '"2"'}))
    assert answer.status_code == 200, answer.json_body
    latest = admin_store.audit("york")[0]["change"]
    assert len(latest) == 300 and latest[f"words.{keys[0]}"] == ["(what it was)", "(what it is now)"]
