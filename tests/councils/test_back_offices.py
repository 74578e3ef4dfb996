"""Each council's back offices are its own (issue 70): named in its settings with their secrets by
reference, reached for its work alone; a council with none configured reaches no other's; the
deployment's variables are its default council's alone."""
import json

import pytest

from support.councils_support import NL, NL_HOST, YORK_HOST, add, at, north_lanarkshire, put, york
from support.restored_env import unset_but_restored
from support.revenues_support import BILLS, DEV, MORNING, council_morning  # noqa: F401 (fixture)

SETTINGS = "/v1/admin/council"
VARIABLES = ("DOORSTEP_CIVICA_URL", "DOORSTEP_CIVICA_USER", "DOORSTEP_CIVICA_PASSWORD", "DOORSTEP_DRS_URL",
             "DOORSTEP_MODERNGOV_URL", "DOORSTEP_PAY_WEBHOOK_SECRET", "DOORSTEP_PAY_API_KEY")


@pytest.fixture
def no_variables(monkeypatch):
    unset_but_restored(monkeypatch, *VARIABLES)


def secret(monkeypatch, council, name, value):
    from chalicelib.keystore import council_variable
    monkeypatch.setenv(council_variable(council, name), value)
    return {"secret": name}


@pytest.fixture
def two_civicas(no_variables):
    """York's Civica and North Lanarkshire's, at once, each with its own service login."""
    from doorstep_cli.local.civica import CivicaBackOffice
    with CivicaBackOffice(user="york-service", password="york-pw", clock=lambda: MORNING) as yorks, \
            CivicaBackOffice(user="nl-service", password="nl-pw", clock=lambda: MORNING) as theirs:
        yield yorks, theirs


def revenues_at(office, monkeypatch, council, user, password):
    return {"url": office.url, "user": secret(monkeypatch, council, "civica-user", user),
            "password": secret(monkeypatch, council, "civica-password", password), "timeout_s": 5}


def test_yorks_civica_answers_a_york_resident_and_north_lanarkshires_answers_theirs(
        client, deps, two_civicas, monkeypatch, council_morning):
    from support.councils_support import signed_in_at
    yorks, theirs = two_civicas
    add(deps, dict(york(), back_offices={"revenues": revenues_at(yorks, monkeypatch, "york", "york-service",
                                                                  "york-pw")}),
        dict(north_lanarkshire(), back_offices={"revenues": revenues_at(theirs, monkeypatch, NL, "nl-service",
                                                                         "nl-pw")}))
    made = client.post("/v1/me/council-tax", BILLS[DEV], at(YORK_HOST, signed_in_at(deps, "york", "resident")))
    assert made.status_code == 201, made.json_body
    assert yorks.calls and not theirs.calls
    asked = len(yorks.calls)
    made = client.post("/v1/me/council-tax", BILLS[DEV], at(NL_HOST, signed_in_at(deps, NL, "resident")))
    assert made.status_code == 201, made.json_body  # its own login, at its own Civica
    assert theirs.calls and len(yorks.calls) == asked


def test_the_deployments_civica_variables_are_its_default_councils_and_no_other_councils(
        client, deps, two_civicas, monkeypatch, council_morning):
    from support.councils_support import signed_in_at
    yorks, _ = two_civicas
    monkeypatch.setenv("DOORSTEP_CIVICA_URL", yorks.url)  # a deployment made before councils
    monkeypatch.setenv("DOORSTEP_CIVICA_USER", yorks.user)
    monkeypatch.setenv("DOORSTEP_CIVICA_PASSWORD", yorks.password)
    add(deps, york(), north_lanarkshire())
    refused = client.post("/v1/me/council-tax", BILLS[DEV], at(NL_HOST, signed_in_at(deps, NL, "resident")))
    assert refused.status_code == 503 and refused.json_body["error"]["code"] == "revenues_not_configured"
    assert not yorks.calls  # North Lanarkshire's resident never reached York's Civica
    made = client.post("/v1/me/council-tax", BILLS[DEV], at(YORK_HOST, signed_in_at(deps, "york", "resident")))
    assert made.status_code == 201, made.json_body


def test_a_council_with_no_scheduler_configured_cannot_reach_anothers(deps, no_variables, monkeypatch):
    from chalicelib import tenancy
    from chalicelib.handlers.repairs.ordering import configured
    address = "https://drs.york-contractor.example/OTWebServiceApi/services/SOAP"
    monkeypatch.setenv("DOORSTEP_DRS_URL", address)  # York's, as the deployment's variables
    add(deps, york(), north_lanarkshire())
    assert configured(deps).url == address
    with tenancy.acting_for(NL):
        assert configured(deps.for_council()) is None  # a Deps for its work (as every council's schedule has)


def test_north_lanarkshires_meetings_sync_asks_yorks_committee_system_nothing(deps, no_variables, monkeypatch):
    from chalicelib import tenancy
    from chalicelib.handlers.democracy.sync import run
    from doorstep_cli.local.moderngov import ModernGov
    with ModernGov() as yorks:
        monkeypatch.setenv("DOORSTEP_MODERNGOV_URL", yorks.url)
        add(deps, york(), north_lanarkshire())
        with tenancy.acting_for(NL):
            assert run(deps.for_council()) == {"configured": False}
        assert yorks.calls == []


def test_a_secret_is_named_in_the_settings_and_never_shown_in_them_or_their_export(
        client, deps, people, no_variables, monkeypatch):
    pay = {"account": "test", "accounts": {"test": {
        "api_key": secret(monkeypatch, "york", "pay-test-key", "api_test_never_shown"),
        "webhook_secret": secret(monkeypatch, "york", "pay-test-hook", "hook_never_shown")}}}
    add(deps, dict(york(), back_offices={"payments": pay}))
    admin = people("admin")
    read = client.get(SETTINGS, at(YORK_HOST, admin.auth))
    exported = client.get(f"{SETTINGS}/export", at(YORK_HOST, admin.auth))
    assert read.json_body["settings"]["back_offices"]["payments"] == pay
    for answer in (read, exported):
        assert answer.status_code == 200
        assert "never_shown" not in answer.body.decode() and "pay-test-key" in answer.body.decode()


def test_a_secret_written_into_the_settings_an_unknown_secret_or_a_bad_address_is_refused_whole(
        client, deps, people, no_variables, monkeypatch):
    add(deps, york())
    admin = people("admin")
    read = client.get(SETTINGS, at(YORK_HOST, admin.auth)).json_body
    document = dict(read["settings"], back_offices={
        "revenues": {"url": "https://revenues.york.example/civica", "user": {"secret": "civica-user"},
                     "password": "the password itself"},
        "scheduler": {"url": "ftp://drs.york.example/", "login": secret(monkeypatch, "york", "drs-login", "x"),
                      "password": secret(monkeypatch, "york", "drs-password", "y")},
        "payments": {"account": "live", "accounts": {"test": {
            "api_key": secret(monkeypatch, "york", "pay-key", "k"),
            "webhook_secret": secret(monkeypatch, "york", "pay-hook", "h")}}}})
    refused = put(client, SETTINGS, document, at(YORK_HOST, {**admin.auth, "If-Match": f'"{read["version"]}"'}))
    assert refused.status_code == 400, refused.json_body
    said = {f["field"]: f["message"] for f in refused.json_body["error"]["fields"]}
    assert set(said) == {"$.back_offices.revenues.user.secret", "$.back_offices.revenues.password",
                         "$.back_offices.scheduler.url", "$.back_offices.payments.account"}
    assert said["$.back_offices.revenues.user.secret"].startswith("Names a secret this deployment does not hold")
    assert "the password itself" not in refused.body.decode()
    assert client.get(SETTINGS, at(YORK_HOST, admin.auth)).json_body == read  # nothing of it applied


def signed(secret_text, body):
    import hashlib
    import hmac
    return hmac.new(secret_text.encode(), body, hashlib.sha256).hexdigest()


def test_a_payment_webhook_is_verified_with_the_secret_of_the_council_whose_address_it_arrives_at(
        client, deps, no_variables, monkeypatch):
    def account(council, hook):
        return {"account": "live", "accounts": {"live": {
            "api_key": secret(monkeypatch, council, "pay-live-key", f"api_live_{council}"),
            "webhook_secret": secret(monkeypatch, council, "pay-live-hook", hook)}}}
    add(deps, dict(york(), back_offices={"payments": account("york", "yorks-hook")}),
        dict(north_lanarkshire(), back_offices={"payments": account(NL, "theirs-hook")}))
    body = json.dumps({"resource_id": "p1", "resource_type": "payment", "resource": {"metadata": {}}}).encode()

    def deliver(host, hook):
        return client.raw.http.request("POST", "/v1/payments/webhook", body=body, headers={
            "Host": host, "Content-Type": "application/json", "Pay-Signature": signed(hook, body)})
    assert deliver(NL_HOST, "yorks-hook").status_code == 403  # York's account's signature, at NL's address
    assert deliver(NL_HOST, "theirs-hook").status_code == 200
    assert deliver(YORK_HOST, "yorks-hook").status_code == 200
    assert deliver(YORK_HOST, "theirs-hook").status_code == 403


def test_make_runs_demo_councils_name_their_own_local_servers_and_reach_them(deps, no_variables, monkeypatch,
                                                                              tmp_path):
    from chalicelib import tenancy
    from chalicelib.handlers.planning.backoffice import configured as register
    from chalicelib.handlers.repairs.ordering import configured as scheduler
    from chalicelib.handlers.revenues.backoffice import configured as revenues
    from doorstep_cli.councils import demo_councils
    from doorstep_cli.local import council_offices
    monkeypatch.setenv("DOORSTEP_DATA_DIR", str(tmp_path))  # where the local stage keeps councils' secrets
    started = council_offices.start(tmp_path, 0)  # ports of their own, not the demo documents' 8020...
    try:
        demo_councils(deps)
        assert council_offices.point_settings(deps.clock(), started) == 2 == len(started)
        assert council_offices.point_settings(deps.clock(), started) == 0  # where they are already
        theirs = started[NL]["revenues"]
        with tenancy.acting_for(NL):
            revenues(deps.for_council()).available()
            assert scheduler(deps.for_council()).url == started[NL]["scheduler"].url
            assert register(deps.for_council()).url == started[NL]["planning"].root
        assert theirs.calls and not started["newcastle-under-lyme"]["revenues"].calls
        with tenancy.acting_for("newcastle-under-lyme"):
            assert scheduler(deps.for_council()) is None  # no council homes: no scheduler
        with tenancy.acting_for("staffordshire-county"):
            assert register(deps.for_council()) is None and scheduler(deps.for_council()) is None
    finally:
        council_offices.close(started)
