"""A token sent in a body (a refresh token, an e-mail's link, a sign-in provider's token) is what
/openapi.json says one is: not blank, and at most TOKEN_MAX characters. Anything else is the request's
fault, told as a 400 naming the field, not as a link or sign-in that failed (401, 403) or a sign-out
that worked (204)."""
import pytest

from chalicelib.handlers.accounts.limits import TOKEN_MAX

ROUTES = [("/v1/auth/refresh", "refresh_token", {}), ("/v1/auth/logout", "refresh_token", {}),
          ("/v1/auth/verify", "token", {}),
          ("/v1/auth/password-reset/confirm", "token", {"password": "a long and unusual passphrase"}),
          ("/v1/auth/oidc", "token", {})]


def named(answer):
    return [f["field"] for f in answer.json_body["error"].get("fields", [])]


@pytest.mark.parametrize("path,field,rest", ROUTES)
@pytest.mark.parametrize("token", ["x" * (TOKEN_MAX + 1), " \t", "\ufeff", None], ids=["one-too-long", "blank",
                                                                                        "a-mark-alone", "missing"])
def test_a_token_the_document_refuses_is_a_bad_request_naming_it(client, path, field, rest, token):
    answer = client.post(path, {**rest, **({field: token} if token is not None else {})})
    assert answer.status_code == 400, (answer.status_code, answer.json_body)
    assert named(answer) == [field]


@pytest.mark.parametrize("path,field,rest", ROUTES)
def test_a_token_of_the_longest_length_is_read_as_a_token(client, path, field, rest):
    answer = client.post(path, {**rest, field: "x" * TOKEN_MAX})
    assert answer.status_code != 400, answer.json_body  # refused as no token of ours, or signed out
