"""A form definition is refused with the JSON path of each error, all at
once: what the schema says (an unknown question type, a missing label, a
property no question takes) and what it cannot (a branch to no page, a
condition on a later page, a route backwards, an unreachable page)."""
import pytest

from chalicelib.errors import ValidationFailed
from chalicelib.handlers.forms.definition import check, errors
from support.forms_support import DEMO, demo


@pytest.mark.parametrize("form_id", sorted(p.stem for p in DEMO.glob("*.json")))
def test_every_demo_form_is_a_sound_definition(form_id):
    assert errors(demo(form_id)) == []


def test_a_dangling_branch_is_refused_at_its_goto():
    form = demo("grant-enquiry")
    form["pages"][0]["routes"][1]["goto"] = "company-details"
    assert errors(form) == [("$.pages[0].routes[1].goto", "No page has the id 'company-details'.")]


def test_an_unknown_question_type_is_refused_at_its_type_alone():
    form = demo("grant-enquiry")
    form["pages"][4]["questions"][0]["type"] = "signature"
    found = errors(form)
    assert [path for path, _ in found] == ["$.pages[4].questions[0].type"]
    assert found[0][1].startswith("Unknown question type 'signature'. Use one of: text, name,")


def test_a_condition_on_a_later_page_is_refused_at_its_question():
    form = demo("complaints-comments-compliments")
    form["pages"][0]["routes"] = [{"when": {"question": "put_right", "equals": "x"}, "goto": "feedback"}]
    form["pages"][1]["questions"][3] = {"id": "put_right", "type": "selection", "label": "Put right?",
                                        "options": [{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}]}
    assert errors(form) == [("$.pages[0].routes[0].when.question",
                             "The question 'put_right' is on a later page: a route can only ask a question on its "
                             "own page or an earlier one.")]


def test_every_error_is_reported_at_once_each_with_its_path():
    form = demo("grant-enquiry")
    form["pages"][0]["routes"][0]["goto"] = "nowhere"
    form["pages"][1]["questions"][0]["type"] = "signature"
    del form["pages"][3]["questions"][0]["label"]
    form["pages"][2]["questions"][0]["colour"] = "red"
    form["pages"][6]["id"] = "individual"  # a second page with that id
    form["receiving"]["working_days"] = 0
    with pytest.raises(ValidationFailed) as refused:
        check(form)
    paths = [f["field"] for f in refused.value.fields]
    assert paths == ["$.pages[0].routes[0].goto", "$.pages[1].questions[0].type",
                     "$.pages[2].questions[0].colour", "$.pages[3].questions[0].label", "$.pages[6].id",
                     "$.receiving.working_days"]
    assert refused.value.message == "The form definition has 6 errors: each field names where."


def test_a_route_backwards_or_to_its_own_page_is_refused():
    form = demo("council-tax-moving-home")
    form["pages"][3]["next"] = "account"
    form["pages"][2]["routes"][0]["goto"] = "moving-within"
    assert errors(form) == [("$.pages[2].routes[0].goto", "A route goes forward only: to a later page or to 'end'."),
                            ("$.pages[3].next", "A route goes forward only: to a later page or to 'end'.")]


def test_a_page_nothing_reaches_is_refused():
    form = demo("grant-enquiry")
    form["pages"][0]["routes"] = form["pages"][0]["routes"][:2]  # no branch for individuals
    form["pages"][3]["next"] = "project"
    form["pages"][1]["next"] = "accounts"
    form["pages"][2]["next"] = "project"
    assert errors(form) == [("$.pages[4]", "No route from the first page reaches this page.")]


def test_a_condition_must_name_an_option_of_its_question():
    form = demo("grant-enquiry")
    form["pages"][0]["routes"][0]["when"] = {"question": "applicant_type", "any_of": ["charity", "trust"]}
    form["pages"][0]["routes"][1]["when"] = {"question": "applicant_type"}
    assert errors(form) == [
        ("$.pages[0].routes[0].when.any_of[1]", "'trust' is not one of the options of 'applicant_type'."),
        ("$.pages[0].routes[1].when", "Give either equals (one answer) or any_of (a list of answers), not both or "
                                      "neither.")]


def test_duplicate_question_and_option_ids_are_refused():
    form = demo("grant-enquiry")
    form["pages"][3]["questions"][1]["id"] = "business_name"
    form["pages"][0]["questions"][0]["options"][2]["value"] = "charity"
    assert errors(form) == [
        ("$.pages[0].questions[0].options[2].value", "Option value 'charity' is used already in this question."),
        ("$.pages[0].routes[2].when.equals", "'individual' is not one of the options of 'applicant_type'."),
        ("$.pages[3].questions[1].id", "Question id 'business_name' is used already in this form.")]


def test_a_file_question_names_its_types_and_size_and_an_add_another_takes_no_files():
    form = demo("council-tax-moving-home")
    form["pages"][3]["questions"][1]["questions"].append(
        {"id": "proof", "type": "file", "label": "Proof", "types": ["application/pdf"], "max_bytes": 2048})
    form["pages"][0]["questions"].append({"id": "bill", "type": "file", "label": "Your bill",
                                          "types": ["application/zip"]})
    found = dict(errors(form))
    assert found["$.pages[0].questions[2].max_bytes"] == "Required."
    assert found["$.pages[0].questions[2].types[0]"].startswith("Must be one of: application/pdf")
    assert found["$.pages[3].questions[1].questions[2].type"].startswith("Unknown question type 'file'")


def test_a_link_out_needs_its_address_and_a_form_its_receiving_team():
    link = demo("blue-badge")
    del link["link_out"]
    form = demo("general-enquiry")
    del form["receiving"], form["retention_days"]
    assert errors(link) == [("$.link_out", "Required.")]
    assert errors(form) == [("$.receiving", "Required."), ("$.retention_days", "Required.")]


def test_a_definition_that_is_not_an_object_is_refused_at_its_root():
    assert errors(["pages"]) == [("$", "['pages'] is not of type 'object'")]


def test_a_questions_words_for_when_it_is_left_empty_are_an_instruction_on_a_required_question():
    form = demo("grant-enquiry")
    form["pages"][5]["questions"][0]["error_if_empty"] = "What would the grant pay for?"
    form["pages"][5]["questions"][0]["optional"] = True
    form["pages"][5]["questions"][1]["error_if_empty"] = "Enter the amount, in pounds"
    form["pages"][6]["questions"][0]["error_if_empty"] = ""
    found = errors(form)
    assert sorted({path for path, _ in found}) == ["$.pages[5].questions[0].error_if_empty",
                                                   "$.pages[6].questions[0].error_if_empty"]
    assert "optional" in found[0][1]
    del form["pages"][5]["questions"][0]["optional"]
    del form["pages"][6]["questions"][0]["error_if_empty"]
    assert errors(form) == [("$.pages[5].questions[0].error_if_empty",
                             "Say what to do, not the question again, like \"Select yes if you support the plan\" "
                             "(error_if_empty is shown when the question is left empty).")]
