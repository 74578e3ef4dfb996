"""`make run` starts the local revenues back office beside the app, speaking
Civica OpenRevenues' protocol, and points the app at it as at a council's."""
from __future__ import annotations

import os
import signal

from test_local_stack import read_stack, start_stack

from chalicelib.handlers.revenues.civica.adapter import CivicaRevenues
from support.restored_env import unset_but_restored


def test_the_stack_serves_a_civica_speaking_back_office_the_app_is_configured_for(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    monkeypatch.delenv("DOORSTEP_CIVICA_URL", raising=False)
    monkeypatch.setenv("DOORSTEP_CIVICA_NIGHTLY", "off")  # whatever the hour the suite runs at
    stack = start_stack(tmp_path, data_dir)  # every server on a port of its own, the office's too
    try:
        civica_url = read_stack(data_dir)["civica_url"]
        assert civica_url.startswith("http://127.0.0.1:") and not civica_url.startswith("http://127.0.0.1:0/")
        found = CivicaRevenues(civica_url, "doorstep", "local-civica-password").check_account("500123454")
        assert [p.name_on_bill for p in found.people] == ["Mrs Ann Hartley", "Mr Brian Hartley"]
    finally:
        stack.send_signal(signal.SIGINT)
        out, err = stack.communicate(timeout=30)
    assert stack.returncode == 0, err
    assert f"revenues {civica_url}" in out


def test_the_nightly_window_is_configuration():
    from datetime import time
    from doorstep_cli.local.stack import nightly_window
    assert nightly_window(None) == (time(1, 30), time(4, 15))
    assert nightly_window("23:00-23:30") == (time(23, 0), time(23, 30)) and nightly_window("off") is None


CIVICA = ("DOORSTEP_CIVICA_URL", "DOORSTEP_CIVICA_USER", "DOORSTEP_CIVICA_PASSWORD")


def test_the_local_back_office_keeps_its_requests_and_postings_across_a_restart(tmp_path, monkeypatch):
    from doorstep_cli.local.stack import start_local_back_office
    unset_but_restored(monkeypatch, *CIVICA)
    monkeypatch.setenv("DOORSTEP_CIVICA_NIGHTLY", "off")
    posting = {"kind": "payment", "account_ref": "500123454", "module": "C", "amount": 4200,
               "paid_on": "2026-11-24", "key": "PY-1", "original_key": None, "card_brand": "visa"}
    references = []
    for _ in range(2):  # `make run`, stopped, and run again on the same data directory
        monkeypatch.setenv("DOORSTEP_CIVICA_PORT", "0")  # the office binds a port of its own: none to race for
        monkeypatch.delenv("DOORSTEP_CIVICA_URL", raising=False)
        with start_local_back_office(tmp_path, 0) as office:
            civica = CivicaRevenues(office.url, office.user, office.password)
            references.append((civica.send_request("P0010001", "500123454", "instalment_day", {"day": 15}, "rq-1"),
                               civica.send_request("P0010001", "500123454", "instalment_day", {"day": 20},
                                                   f"rq-{len(references) + 2}"),
                               civica.post_payment(posting)))
            kept = len(office.requests.kept), len(office.payments.on_account("500123454"))
    first, again = references
    assert again[0] == first[0] and again[2] == first[2]  # a resend after the restart is recognised
    assert first[1] == "CR0000002" and again[1] == "CR0000003"  # and no reference is given twice
    assert kept == (3, 1) and (tmp_path / "civica.json").exists()


def test_the_local_back_office_answers_as_slowly_as_configured(tmp_path, monkeypatch):
    import time
    from doorstep_cli.local.stack import start_local_back_office
    unset_but_restored(monkeypatch, *CIVICA)
    monkeypatch.setenv("DOORSTEP_CIVICA_PORT", "0")  # the office binds a port of its own: none to race for
    monkeypatch.setenv("DOORSTEP_CIVICA_DELAY_MS", "50")
    monkeypatch.setenv("DOORSTEP_CIVICA_NIGHTLY", "off")
    with start_local_back_office(tmp_path, 0) as office:
        started = time.perf_counter()
        CivicaRevenues(office.url, office.user, office.password).available()
        assert office.delay_s == 0.05 and time.perf_counter() - started >= 0.05


def test_the_stack_starts_each_demo_councils_own_back_offices_beside_yorks(tmp_path, monkeypatch):
    from chalicelib.handlers.repairs.drs.adapter import DrsScheduler
    data_dir = tmp_path / "data"
    monkeypatch.setenv("DOORSTEP_CIVICA_NIGHTLY", "off")
    stack = start_stack(tmp_path, data_dir)
    try:
        info = read_stack(data_dir)
        offices = info["back_offices"]
        # Newcastle-under-Lyme has no council homes, so no scheduler; Staffordshire County needs none.
        assert {council: sorted(kinds) for council, kinds in offices.items()} == {
            "north-lanarkshire": ["payments", "planning", "revenues", "scheduler"],
            "newcastle-under-lyme": ["payments", "planning", "revenues"]}
        # a payment account each on the one provider, as GOV.UK Pay holds every council's
        assert offices["north-lanarkshire"]["payments"] == offices["newcastle-under-lyme"]["payments"] \
            == info["pay_url"]
        civicas = [info["civica_url"], offices["north-lanarkshire"]["revenues"],
                   offices["newcastle-under-lyme"]["revenues"]]
        assert len(set(civicas)) == 3  # three Civicas, each on a port of its own
        for url in civicas[1:]:
            assert CivicaRevenues(url, "doorstep", "local-civica-password").available() is None
        scheduler = DrsScheduler(offices["north-lanarkshire"]["scheduler"], "doorstep", "local-drs-password", "0", 5)
        assert scheduler.order("no-such-order") is None  # its login taken: an answer, not a refusal
    finally:
        stack.send_signal(signal.SIGINT)
        out, err = stack.communicate(timeout=30)
    assert stack.returncode == 0, err
    assert "7 back offices of 2 other councils" in out
