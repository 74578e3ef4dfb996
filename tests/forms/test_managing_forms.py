"""Administrators load, preview, publish and retire forms over the API and
through `doorstep forms`, each change naming the version it was made to
(If-Match); a definition with errors is refused with each error's path."""
import json

from support.forms_support import demo, fields, published, put, team_of


def test_an_admin_loads_a_draft_and_publishes_it_only_with_the_current_if_match(client, deps, people):
    boss = people("admin")
    team_of(deps, demo("grant-enquiry"))
    made = put(client, "/v1/staff/forms/grant-enquiry", demo("grant-enquiry"), boss.auth)
    assert made.status_code == 201 and made.headers["ETag"] == '"1"'
    assert made.json_body["state"] == "draft" and made.json_body["draft"] == 1
    assert client.get("/v1/forms/grant-enquiry").status_code == 404  # a draft is not open to residents
    url = "/v1/staff/forms/grant-enquiry/publish"
    assert client.post(url, {}, boss.auth).json_body["error"]["code"] == "precondition_required"
    again = put(client, "/v1/staff/forms/grant-enquiry", demo("grant-enquiry"), boss.auth)
    assert again.status_code == 428  # it exists: a new version names the one it follows
    second = put(client, "/v1/staff/forms/grant-enquiry", demo("grant-enquiry"), {**boss.auth, "If-Match": '"1"'})
    assert second.status_code == 200 and second.json_body["draft"] == 2 and second.headers["ETag"] == '"2"'
    stale = client.post(url, {}, {**boss.auth, "If-Match": '"1"'})
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"
    assert stale.headers["ETag"] == '"2"' and stale.json_body["current"]["draft"] == 2
    done = client.post(url, {}, {**boss.auth, "If-Match": '"2"'})
    assert done.status_code == 200 and (done.json_body["state"], done.json_body["published"]) == ("live", 2)
    assert done.json_body["draft"] is None and done.headers["ETag"] == '"3"'
    public = client.get("/v1/forms/grant-enquiry").json_body
    assert public["version"] == 2 and public["pages"][0]["id"] == "applicant-type"
    assert [f["id"] for f in client.get("/v1/forms").json_body["forms"]] == ["grant-enquiry"]
    retired = client.post("/v1/staff/forms/grant-enquiry/retire", {}, {**boss.auth, "If-Match": '"3"'})
    assert retired.json_body["state"] == "retired" and client.get("/v1/forms").json_body["forms"] == []


def test_the_three_refusals_come_back_over_the_api_each_at_its_path(client, people):
    form = demo("grant-enquiry")
    form["pages"][0]["routes"][2]["goto"] = "individuals"  # a dangling branch
    form["pages"][3]["questions"][1]["type"] = "headcount"  # an unknown question type
    form["pages"][1]["routes"] = [{"when": {"question": "employees", "equals": "x"}, "goto": "accounts"}]
    refused = put(client, "/v1/staff/forms/grant-enquiry", form, people("admin").auth)
    assert refused.status_code == 400 and refused.json_body["error"]["code"] == "validation_failed"
    assert sorted(fields(refused)) == ["$.pages[0].routes[2].goto", "$.pages[1].routes[0].when.question",
                                       "$.pages[3].questions[1].type"]
    assert fields(refused)["$.pages[1].routes[0].when.question"].startswith("The question 'employees' is on a later")


def test_staff_preview_the_draft_and_any_version(client, deps, people):
    published(deps, "general-enquiry")
    changed = demo("general-enquiry")
    changed["title"] = "Ask us anything"
    boss = people("admin")
    put(client, "/v1/staff/forms/general-enquiry", changed, {**boss.auth, "If-Match": '"2"'})
    staff = people("staff", categories=["pothole"])
    view = client.get("/v1/staff/forms/general-enquiry", staff.auth)
    assert view.headers["ETag"] == '"3"' and view.json_body["draft_definition"]["title"] == "Ask us anything"
    assert view.json_body["published_definition"]["title"] == "Ask the council a question"
    first = client.get("/v1/staff/forms/general-enquiry?version=1", staff.auth).json_body["definition"]
    assert first["title"] == "Ask the council a question"
    assert client.get("/v1/staff/forms/general-enquiry?version=9", staff.auth).status_code == 404
    preview = client.post("/v1/forms/general-enquiry/submissions", {"preview": True}, staff.auth)
    assert preview.status_code == 201 and preview.json_body["version"] == 2 and preview.json_body["preview"]
    assert client.post("/v1/forms/general-enquiry/submissions", {"preview": True},
                       people().auth).status_code == 403


def test_the_command_loads_publishes_lists_and_refuses_with_paths(doorstep, deps, tmp_path, capsys):
    team_of(deps, demo("council-tax-single-person-discount"))
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(demo("council-tax-single-person-discount")))
    form = demo("blue-badge")
    form["link_out"]["url"] = "http://example.org"
    bad.write_text(json.dumps(form))
    assert doorstep("forms", "load", str(good)) == 0
    assert doorstep("forms", "publish", "--id", "council-tax-single-person-discount", "--if-match", "7") == 1
    assert doorstep("forms", "publish", "--id", "council-tax-single-person-discount") == 0
    assert doorstep("forms", "load", str(bad)) == 1
    assert doorstep("forms", "list") == 0
    out, err = capsys.readouterr()
    assert "$.link_out.url: " in err and "changed since you read it" in err
    assert "council-tax-single-person-discount       live     published v1, draft v-" in out


def test_the_demo_forms_are_loaded_and_published_once(deps):
    """Complaints, comments and compliments are the app's front door's (/feedback), not a form's: a form's
    comment or compliment opened a complaint case, and its complaint kept the form's clock, not the
    complaint category's rule (docs/decisions/feedback.md)."""
    from doorstep_cli.forms import demo_forms
    assert demo_forms(deps) == 6
    assert demo_forms(deps) == 0
    assert sorted(h.form_id for h in deps.forms.heads("live")) == [
        "blue-badge", "council-tax-moving-home", "council-tax-single-person-discount", "general-enquiry",
        "grant-enquiry", "pest-control"]


def test_a_form_naming_a_team_or_category_the_council_does_not_have_is_refused_when_loaded(client, deps, people):
    from chalicelib.storage.records import Team
    boss = people("admin")
    form = demo("general-enquiry")
    form["receiving"] = {**form["receiving"], "team": "grants", "category": "grants"}
    refused = put(client, "/v1/staff/forms/general-enquiry", form, boss.auth)
    assert refused.status_code == 400 and fields(refused) == {
        "$.receiving.team": "The council has no active team 'grants' (doorstep teams list; GET /v1/staff/teams).",
        "$.receiving.category": "The council has no category 'grants'."}
    deps.teams.create(Team(id="grants", name="Grants", created_at=deps.clock(), retired=True))
    form["receiving"]["category"] = "general_enquiry"
    assert fields(put(client, "/v1/staff/forms/general-enquiry", form, boss.auth)) == {
        "$.receiving.team": "The council has no active team 'grants' (doorstep teams list; GET /v1/staff/teams)."}


def test_every_demo_form_names_a_demo_team_and_its_case_is_assigned_to_it(client, deps, people):
    from chalicelib.handlers.forms.cases import case_of
    from doorstep_cli.demo_staff import demo_staff
    from doorstep_cli.forms import demo_forms
    from support.forms_support import CONTACT, Filler
    demo_staff(deps, requests=False)
    teams = {t.id for t in deps.teams.all()}
    assert demo_forms(deps) == 6
    named = {deps.forms.definition(h.form_id, h.published).get("receiving", {}).get("team")
             for h in deps.forms.heads("live")} - {None}
    assert named <= teams and "community-grants" in named, named
    filler = Filler(client, "general-enquiry")
    filler.answer("question", subject="bins", enquiry="When is my green bin emptied?")
    filler.answer("property", property=None)
    filler.answer("contact", name="Ada Lovelace", email=CONTACT["email"])
    assert filler.submit().status_code == 200
    officer = people("staff", categories=["general_enquiry"])
    case = client.get(f"/v1/staff/reports/{case_of(deps, filler.id)}", officer.auth).json_body
    assert case["assignment"]["team"] == "customer-services" and case["assignment"].get("job") is None
    assert deps.jobs.by_due("customer-services", 10)[0] == []  # a desk's case: no crew job


def test_the_demo_forms_load_on_a_stack_whose_categories_came_before_them(deps):
    from chalicelib.storage.reports.services import ServiceModel, clear_cache
    from doorstep_cli.forms import demo_forms
    for code in ("general_enquiry", "grant_enquiry", "council_tax_change"):
        ServiceModel.get(code).delete()
    clear_cache()
    assert demo_forms(deps) == 6 and deps.services.get("grant_enquiry")["group"] == "Forms"
