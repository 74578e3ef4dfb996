"""A token sent in a body (a refresh token, an e-mail's link to confirm, cancel, move or leave, a sign-in
provider's token, a questionnaire's link, a transaction's feedback token, a saved form's link and the code
shown with it) is what /openapi.json says one is: not blank, and at most its length (a provider's, which
carries an Azure AD account's groups, 32,000 characters). Anything else is the request's fault, told as a
400 naming the field, not as a link or sign-in that failed (401, 403, 404) or a sign-out that worked (204)."""
import pytest

from chalicelib.handlers.accounts.limits import EXTERNAL_TOKEN_MAX, TOKEN_MAX
from chalicelib.handlers.alerts.limits import TOKEN_MAX as ALERT_TOKEN_MAX
from chalicelib.handlers.appointments.links import TOKEN_MAX as APPOINTMENT_TOKEN_MAX
from chalicelib.handlers.feedback.tokens import MOST as FEEDBACK_TOKEN_MAX
from chalicelib.handlers.forms.limits import RESUME_CODE_MAX, RESUME_TOKEN_MAX
from chalicelib.handlers.questionnaires.limits import TOKEN_MAX as QUESTIONNAIRE_TOKEN_MAX
from chalicelib.handlers.reports.limits import SUPPORTER_TOKEN_MAX

ROUTES = [("/v1/auth/refresh", "refresh_token", {}, TOKEN_MAX), ("/v1/auth/logout", "refresh_token", {}, TOKEN_MAX),
          ("/v1/auth/verify", "token", {}, TOKEN_MAX),
          ("/v1/auth/password-reset/confirm", "token", {"password": "a long and unusual passphrase"}, TOKEN_MAX),
          ("/v1/auth/oidc", "token", {}, EXTERNAL_TOKEN_MAX), ("/v1/auth/oidc", "id_token", {}, EXTERNAL_TOKEN_MAX),
          ("/v1/alerts/confirm", "token", {}, ALERT_TOKEN_MAX),
          ("/v1/supporters/confirm", "token", {}, SUPPORTER_TOKEN_MAX),
          ("/v1/supporters/withdraw", "token", {}, SUPPORTER_TOKEN_MAX),
          ("/v1/appointments/cancel", "token", {}, APPOINTMENT_TOKEN_MAX),
          ("/v1/appointments/move", "token", {"start": "2026-12-22T10:00:00Z"}, APPOINTMENT_TOKEN_MAX),
          ("/v1/appointments/waiting-list/leave", "token", {}, APPOINTMENT_TOKEN_MAX),
          ("/v1/questionnaires/DS-7K3F9Q/answer", "token", {"fixed": True, "rating": 4}, QUESTIONNAIRE_TOKEN_MAX),
          ("/v1/form-submissions/resume", "token", {"submission_id": "FM-7K3F9QRT", "code": "123456"},
           RESUME_TOKEN_MAX),
          ("/v1/feedback", "token", {"rating": 4}, FEEDBACK_TOKEN_MAX),
          ("/v1/form-submissions/resume", "code", {"submission_id": "FM-7K3F9QRT", "token": "a-link-token"},
           RESUME_CODE_MAX)]


def named(answer):
    return [f["field"] for f in answer.json_body["error"].get("fields", [])]


@pytest.mark.parametrize("path,field,rest,most", ROUTES)
@pytest.mark.parametrize("token", ["one-too-long", " \t", "\ufeff"], ids=["one-too-long", "blank", "a-mark-alone"])
def test_a_token_the_document_refuses_is_a_bad_request_naming_it(client, path, field, rest, most, token):
    answer = client.post(path, {**rest, field: "x" * (most + 1) if token == "one-too-long" else token})
    assert answer.status_code == 400, (answer.status_code, answer.json_body)
    assert named(answer) == [field]


@pytest.mark.parametrize("path,field,rest,most", [route for route in ROUTES if route[1] != "id_token"])
def test_a_missing_token_is_a_bad_request_naming_it(client, path, field, rest, most):
    answer = client.post(path, rest)
    assert answer.status_code == 400, (answer.status_code, answer.json_body)
    assert named(answer) == [field]


@pytest.mark.parametrize("path,field,rest,most", ROUTES)
def test_a_token_of_the_longest_length_is_read_as_a_token(client, path, field, rest, most):
    """A provider's token of 32,000 characters included: Azure AD's, with an officer's groups, is long."""
    answer = client.post(path, {**rest, field: "x" * most})
    assert answer.status_code != 400, answer.json_body  # refused as no token of ours, or signed out


def test_an_unsubscribe_link_longer_than_any_is_a_bad_request_naming_its_token(client):
    """The query's token had no length in the document, and one of 5,000 characters was told as a link that
    does not work (403), as a body's token was."""
    for answer in (client.get(f"/v1/alerts/unsubscribe?token={'x' * (ALERT_TOKEN_MAX + 1)}"),
                   client.post(f"/v1/alerts/unsubscribe?token={'x' * (ALERT_TOKEN_MAX + 1)}", {})):
        assert answer.status_code == 400, answer.json_body
        assert named(answer) == ["token"]
