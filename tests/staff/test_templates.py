"""Response templates: staff read them, administrators manage them."""
import json

from support.staff_support import officer, staff_data  # noqa: F401  (fixtures)

NEW = {"title": "Cleared", "text": "The {category} at {address} was cleared. Reference {reference}.",
       "state": "fixed", "service_codes": ["fly_tipping"]}


def send(client, method, path, person, body=None, etag=None):
    headers = {"Content-Type": "application/json", **person.auth, **({"If-Match": etag} if etag else {})}
    return client.raw.http.request(method, path, body=json.dumps(body) if body is not None else b"",
                                   headers=headers)


def test_an_administrator_adds_changes_and_deletes_a_template_with_its_version(client, officer):
    made = officer.post("/v1/staff/templates", NEW)
    assert made.status_code == 201, made.body
    tid = made.json_body["id"]
    path = f"/v1/staff/templates/{tid}"
    assert send(client, "PATCH", path, officer.person, {"active": False}).status_code == 428
    changed = send(client, "PATCH", path, officer.person, {"active": False, "title": "Cleared away"}, '"1"')
    assert changed.status_code == 200, changed.body
    assert (changed.json_body["title"], changed.json_body["active"], changed.json_body["version"]) == (
        "Cleared away", False, 2)
    assert send(client, "PATCH", path, officer.person, {"active": True}, '"1"').status_code == 409
    listed = officer.get("/v1/staff/templates?state=fixed").json_body
    assert tid in [t["id"] for t in listed["templates"]] and "reference" in listed["placeholders"]
    assert send(client, "DELETE", path, officer.person, etag='"2"').status_code == 204
    assert send(client, "DELETE", path, officer.person, etag='"2"').status_code == 404


def test_a_template_may_only_use_the_placeholders_the_public_may_read(officer):
    bad = officer.post("/v1/staff/templates", {**NEW, "text": "Dear {reporter_name}, fixed."})
    assert bad.status_code == 400 and "{reporter_name}" in bad.json_body["error"]["fields"][0]["message"]
    assert officer.post("/v1/staff/templates", {"title": "", "text": "x", "state": "asleep"}).status_code == 400


def test_two_automatic_templates_for_one_state_and_category_are_refused(officer):
    # The demo data has an automatic "fixed" template for every category.
    clash = officer.post("/v1/staff/templates", {**NEW, "auto": True, "service_codes": []})
    assert clash.status_code == 409 and clash.json_body["error"]["code"] == "template_conflict"
    own = officer.post("/v1/staff/templates", {**NEW, "auto": True})  # a category's own beats the general one
    assert own.status_code == 201, own.body
