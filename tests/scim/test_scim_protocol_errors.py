"""Whatever a SCIM client sends, the answer is RFC 7644 section 3.12's error body with the right status and
scimType, never a 500 or a stack trace; attributes this endpoint does not keep are taken and let be."""
import pytest

from support.scim_support import Scim, councils_with_scim

ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


@pytest.fixture
def scim(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    return Scim(client)


def _error(answer, status, scim_type=None):
    assert answer.status_code == status, answer.body
    body = answer.json_body
    assert body["schemas"] == [ERROR] and body["status"] == str(status) and isinstance(body["detail"], str)
    assert body.get("scimType") == scim_type, body
    assert "Traceback" not in answer.body.decode()
    assert {k.lower(): v for k, v in answer.headers.items()}["content-type"] == "application/scim+json"


@pytest.mark.parametrize("wanted", ['userName co "ada"', 'title eq "x"', 'userName eq ada', "userName", "",
                                    'userName eq "a" or userName eq "b"', 'emails[type eq "work"] eq "x"',
                                    'userName gt "a"', "(" * 50])
def test_a_filter_this_endpoint_does_not_take_is_invalid_filter_never_everyone(scim, wanted):
    from urllib.parse import quote
    _error(scim.call("GET", "/Users?filter=" + quote(wanted)), 400, "invalidFilter")


def test_a_user_name_filter_matches_whatever_the_case(scim):
    made = scim.make_user("Ada.Lovelace@York.gov.uk", externalId="ext-1", displayName="Ada Lovelace")
    for wanted in ('userName eq "ada.lovelace@york.gov.uk"', 'USERNAME EQ "ADA.LOVELACE@YORK.GOV.UK"',
                   'externalId eq "ext-1"', 'displayName eq "ada lovelace"', f'id eq "{made["id"]}"',
                   'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "ada.lovelace@york.gov.uk"'):
        found = scim.call("GET", "/Users?filter=" + wanted).json_body
        assert (found["totalResults"], found["Resources"][0]["id"]) == (1, made["id"]), wanted
    assert scim.call("GET", '/Users?filter=externalId eq "EXT-1"').json_body["totalResults"] == 0  # caseExact


def test_every_user_is_listed_a_page_at_a_time(scim):
    for n in range(5):
        scim.make_user(f"officer{n}@york.gov.uk")
    page = scim.call("GET", "/Users?startIndex=2&count=2").json_body
    assert (page["totalResults"], page["startIndex"], page["itemsPerPage"]) == (5, 2, 2)
    assert [u["userName"] for u in page["Resources"]] == ["officer1@york.gov.uk", "officer2@york.gov.uk"]
    _error(scim.call("GET", "/Users?count=many"), 400, "invalidValue")


def test_a_user_name_taken_in_any_case_is_uniqueness(scim, deps):
    scim.make_user("ada@york.gov.uk")
    _error(scim.call("POST", "/Users", {"userName": "ADA@York.gov.uk"}), 409, "uniqueness")
    other = scim.make_user("grace@york.gov.uk")
    _error(scim.patch(other["id"], {"op": "replace", "path": "userName", "value": "Ada@york.gov.uk"}), 409,
           "uniqueness")


@pytest.mark.parametrize("body, scim_type", [
    ("{not json", "invalidSyntax"), ("[1, 2]", "invalidSyntax"), ({}, "invalidSyntax"),
    ({"Operations": []}, "invalidSyntax"), ({"Operations": [{"op": "move", "path": "active"}]}, "invalidSyntax"),
    ({"Operations": [{"op": "remove"}]}, "noTarget"),
    ({"Operations": [{"op": "replace", "value": "False"}]}, "invalidValue"),
    ({"Operations": [{"op": "replace", "path": "active", "value": "maybe"}]}, "invalidValue"),
    ({"Operations": [{"op": "replace", "path": "emails[type ne \"work\"].value", "value": "x"}]}, "invalidPath"),
    ({"Operations": [{"op": "replace", "path": "name.givenName.more", "value": "x"}]}, "invalidPath"),
    ({"Operations": [{"op": "replace", "path": "userName", "value": 42}]}, "invalidValue"),
    ({"Operations": [{"op": "remove", "path": "userName"}]}, "invalidValue"),
    ({"schemas": ["urn:something:else"], "Operations": [{"op": "add", "path": "title", "value": "x"}]},
     "invalidSyntax"),
])
def test_a_malformed_patch_is_refused_naming_its_fault_and_changes_nothing(scim, deps, body, scim_type):
    user = scim.make_user("ada@york.gov.uk")
    before = scim.call("GET", f"/Users/{user['id']}").json_body
    _error(scim.call("PATCH", f"/Users/{user['id']}", body), 400, scim_type)
    assert scim.call("GET", f"/Users/{user['id']}").json_body == before


def test_attributes_it_does_not_keep_are_taken_and_let_be(scim):
    made = scim.call("POST", "/Users", {
        "userName": "ada@york.gov.uk", "title": "Engineer", "phoneNumbers": [{"type": "work", "value": "01904"}],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Highways",
                                                                        "manager": {"value": "x"}}})
    assert made.status_code == 201 and "title" not in made.json_body
    patched = scim.patch(made.json_body["id"], {"op": "Add", "path": "title", "value": "Lead"},
                         {"op": "Replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                          "value": "Waste"})
    assert patched.status_code == 200


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/Users/no-such-user", 404), ("GET", "/Groups/no-such-group", 404),
    ("PATCH", "/Users/no-such-user", 404), ("DELETE", "/Groups/no-such-group", 404),
    ("GET", "/Users/" + "x" * 101, 404), ("PUT", "/Users", 404), ("DELETE", "/ServiceProviderConfig", 404)])
def test_a_resource_or_route_that_is_not_there_answers_in_scims_shape(scim, method, path, status):
    body = {"Operations": [{"op": "add", "path": "title", "value": "x"}]} if method == "PATCH" else None
    _error(scim.call(method, path, body), status)


def test_a_body_of_another_media_type_is_415_in_scims_shape(scim):
    _error(scim.call("POST", "/Users", "userName=ada", {"Content-Type": "application/x-www-form-urlencoded"}), 415)


def test_a_stale_if_match_is_412_invalid_vers(scim):
    user = scim.make_user("ada@york.gov.uk")
    _error(scim.call("PATCH", f"/Users/{user['id']}", {"Operations": [{"op": "replace", "path": "displayName",
                                                                       "value": "A"}]}, {"If-Match": 'W/"99"'}),
           412, "invalidVers")
    fresh = scim.call("GET", f"/Users/{user['id']}")
    ok = scim.call("PATCH", f"/Users/{user['id']}", {"Operations": [{"op": "replace", "path": "displayName",
                                                                      "value": "A"}]},
                   {"If-Match": fresh.headers["ETag"]})
    assert ok.status_code == 200 and ok.json_body["meta"]["version"] != fresh.json_body["meta"]["version"]


def test_discovery_says_what_the_endpoint_takes(scim):
    config = scim.call("GET", "/ServiceProviderConfig").json_body
    assert config["patch"]["supported"] and config["filter"]["supported"] and not config["bulk"]["supported"]
    types = scim.call("GET", "/ResourceTypes").json_body
    assert [t["id"] for t in types["Resources"]] == ["User", "Group"]
    schemas = scim.call("GET", "/Schemas").json_body
    assert {s["name"] for s in schemas["Resources"]} == {"User", "Group"}
