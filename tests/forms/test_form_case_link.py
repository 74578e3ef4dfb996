"""The e-mail a resident gets when staff change their form's case links to a
page that works for them without an account: a signed single-purpose link on
the configured address (never a request's), showing the form, its reference,
the state and the council's words, and nothing they sent."""
import dataclasses
from datetime import timedelta
from types import SimpleNamespace

from support.forms_support import published
from tests.forms.test_form_cases import CHRISTMAS_EVE_EVE, sent

COUNCIL = "https://doorstep.york.example"


def changed_by_staff(deps, case_id, words):
    from chalicelib.handlers.reports.transition import transition
    later = CHRISTMAS_EVE_EVE + timedelta(days=7)
    report = deps.reports.get(case_id)
    deps.reports.apply([transition(deps, report, later, action="inspect", by=("s1", "staff@york.example"),
                                   state="investigating", text=words)])
    return deps.reports.get(case_id)


def emailed_link(deps, case):
    from chalicelib.handlers.alerts.dispatch import build_message, matching_alerts
    from chalicelib.notify.templates import alert_email
    configured = dataclasses.replace(deps, settings=dataclasses.replace(deps.settings, public_url=COUNCIL))
    [alert] = matching_alerts(configured, "report_state_changed", case)
    event = SimpleNamespace(id="e1", kind="report_state_changed", payload={"state": case.state})
    _, text, _ = alert_email(build_message(configured, event, case, {}, alert))
    [line] = [line for line in text.splitlines() if line.startswith("See the details: ")]
    return line.removeprefix("See the details: ")


def test_an_anonymous_resident_opens_their_form_case_from_the_update_email_without_an_account(client, deps):
    from chalicelib.handlers.forms.cases import case_of
    published(deps, "general-enquiry")
    reference = sent(deps)
    case = changed_by_staff(deps, case_of(deps, reference), "We have asked the crew to come back on Friday.")
    link = emailed_link(deps, case)
    assert link.startswith(f"{COUNCIL}/form-case#") and case.id not in link and "?report=" not in link
    token = link.split("#", 1)[1]
    opened = client.get(f"/v1/form-cases/{token}", {"X-Forwarded-Host": "evil.example"})
    assert opened.status_code == 200, opened.body
    assert opened.headers["Cache-Control"] == "no-store"
    assert opened.json_body == {
        "reference": reference, "form": "Ask the council a question", "state": "investigating",
        "status": "Investigating", "closed": False, "sent_at": "2026-12-23T16:00:00Z",
        "updated_at": "2026-12-30T16:00:00Z", "update": "We have asked the crew to come back on Friday."}
    assert "green bin" not in opened.body.decode() and "ada@example.org" not in opened.body.decode()


def test_a_form_case_link_altered_or_made_for_another_case_opens_nothing(client, deps):
    from chalicelib.handlers.alerts.form_case_links import LABEL
    from chalicelib.handlers.forms.cases import case_of
    from chalicelib.handlers.shared.signed_links import seal
    published(deps, "general-enquiry")
    first, second = sent(deps), sent(deps)
    token = emailed_link(deps, changed_by_staff(deps, case_of(deps, first), "Looking.")).split("#", 1)[1]
    claim, signature = token.split(".")
    forged = f"{claim}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    crossed = seal(LABEL, [case_of(deps, first), second])  # one case under another form's reference
    other_label = seal(b"appointment-link", [case_of(deps, first), first])
    for bad in (forged, crossed, other_label, "not-a-token"):
        refused = client.get(f"/v1/form-cases/{bad}")
        assert (refused.status_code, refused.json_body["error"]["code"]) == (404, "link_not_valid"), bad


def test_a_reports_own_followers_still_get_its_page(client, deps):
    from chalicelib.handlers.alerts.dispatch import build_message
    report = SimpleNamespace(id="DS-7K3F9Q", service_code="pothole", state="investigating", summary="Pothole",
                             fields={}, lon=None, lat=None, status_notes=None, address=None, near=None)
    alert = SimpleNamespace(id="a1", kind="report", user_id=None, channels={"email": "x@example.org"})
    configured = dataclasses.replace(deps, settings=dataclasses.replace(deps.settings, public_url=COUNCIL))
    event = SimpleNamespace(id="e1", kind="report_state_changed", payload={"state": "investigating"})
    assert build_message(configured, event, report, {}, alert)["url"] == f"{COUNCIL}/?report=DS-7K3F9Q"
