"""Links in answers and messages come from configuration, never from the
request: a forged X-Forwarded-* header reaches no message, and a Host no
council has is refused before anything is done (councils/registry.py)."""
import os
import subprocess
import sys
from pathlib import Path


from conftest import pothole

ROOT = Path(__file__).resolve().parents[2]
FORGED = {"Host": "localhost", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https",
          "Forwarded": "host=evil.example;proto=https", "X-Forwarded-Server": "evil.example"}


def every_message():
    from chalicelib.storage.outbox import OutboxModel
    return [(m.to, m.subject or "", m.body + (m.html or "") + repr(m.headers or {})) for m in OutboxModel.scan()]


def register(client, email, headers=FORGED):
    return client.post("/v1/auth/register", {"email": email, "password": "correct horse battery",
                                             "name": "Ada Resident"}, headers)


def provoke_every_message(client):
    """Each route that mails or texts a link, asked with forged headers."""
    assert register(client, "ada@example.org").status_code == 202  # verification
    assert register(client, "ada@example.org").status_code == 202  # "someone tried to register"
    assert client.post("/v1/auth/password-reset", {"email": "ada@example.org"}, FORGED).status_code == 202
    tokens = client.post("/v1/auth/login", {"email": "ada@example.org", "password": "correct horse battery"},
                         FORGED).json_body
    resend = client.post("/v1/auth/verify/resend", {}, {**FORGED, "Authorization": f"Bearer {tokens['access_token']}"})
    assert resend.status_code == 202
    alert = client.post("/v1/alerts", {"kind": "category", "service_code": "pothole", "channels": ["email", "sms"],
                                       "email": "bob@example.org", "phone": "07700 900456"}, FORGED)
    assert alert.status_code == 201, alert.body
    report = client.post("/v1/reports", pothole(), FORGED)
    assert report.status_code == 201
    return report


def test_forged_host_headers_reach_no_message_and_no_link_in_an_answer(client, monkeypatch):
    monkeypatch.setenv("DOORSTEP_PUBLIC_URL", "https://doorstep.example")
    report = provoke_every_message(client)
    messages = every_message()
    assert {subject for _, subject, _ in messages} >= {
        "Confirm your email address", "Someone tried to register with your email address",
        "Reset your Doorstep password", "Confirm your Doorstep alerts"}
    assert any(to.startswith("+44") for to, _, _ in messages)  # the SMS
    for to, subject, text in messages:
        assert "evil" not in text, (to, subject)
        assert "https://doorstep.example/" in text, (to, subject)
    assert "evil" not in report.body.decode() and report.json_body["url"].startswith("https://doorstep.example/")
    discovery = client.get("/open311/v2/discovery.json", FORGED).json_body
    assert discovery["endpoints"][0]["url"] == "https://doorstep.example/open311/v2"


def test_a_host_no_council_has_is_refused_and_reaches_no_message(client, monkeypatch):
    monkeypatch.setenv("DOORSTEP_PUBLIC_URL", "https://doorstep.example")
    for path, body in (("/v1/auth/register", {"email": "ada@example.org", "password": "correct horse battery",
                                              "name": "Ada Resident"}),
                       ("/v1/auth/password-reset", {"email": "ada@example.org"}), ("/v1/reports", pothole())):
        assert client.post(path, body, {**FORGED, "Host": "evil.example"}).status_code == 421
    assert every_message() == []


def test_without_a_configured_url_one_machine_links_to_its_own_port(client, monkeypatch):
    monkeypatch.delenv("DOORSTEP_PUBLIC_URL", raising=False)
    monkeypatch.setenv("PORT", "8123")
    provoke_every_message(client)
    for to, subject, text in every_message():
        assert "evil" not in text and "http://localhost:8123/" in text, (to, subject)


def start_app(**env):
    environment = {k: v for k, v in os.environ.items() if k != "DOORSTEP_PUBLIC_URL"}
    return subprocess.run([sys.executable, "-c", "import app"], cwd=ROOT, capture_output=True, text=True,
                          env={**environment, "DOORSTEP_STAGE": "prod", **env}, timeout=60)


def test_a_deployed_stage_refuses_to_start_without_its_public_url():
    lambda_env = {"AWS_LAMBDA_FUNCTION_NAME": "doorstep-prod-api"}
    missing = start_app(**lambda_env)
    assert missing.returncode != 0 and "DOORSTEP_PUBLIC_URL is not set" in missing.stderr
    malformed = start_app(**lambda_env, DOORSTEP_PUBLIC_URL="evil.example")
    assert malformed.returncode != 0 and "must be like https://host" in malformed.stderr
    assert start_app(**lambda_env, DOORSTEP_PUBLIC_URL="https://doorstep.example").returncode == 0
    assert start_app().returncode == 0  # not in Lambda: one machine, links to its own port


def test_the_cli_refuses_to_mail_a_deployed_stage_without_its_public_url(doorstep, monkeypatch, capsys):
    monkeypatch.delenv("DOORSTEP_PUBLIC_URL", raising=False)
    from doorstep_cli.main import main
    code = main(["--stage", "prod", "users", "create", "--email", "clerk@example.org", "--role", "staff"])
    assert code == 2 and "DOORSTEP_PUBLIC_URL" in capsys.readouterr().err
    assert every_message() == []
