"""The local scheduler of `make run`: on its own port, and the adapter pointed
at it, or at a contractor's DRS, by configuration alone."""
import os

from chalicelib.councils.backoffices_environment import scheduler as variables
from chalicelib.handlers.repairs.drs.adapter import DrsScheduler, from_options
from doorstep_cli.local.stack import start_local_scheduler
from support.repairs_support import TAP
from support.restored_env import unset_but_restored

DRS_SETTINGS = ("DOORSTEP_DRS_URL", "DOORSTEP_DRS_LOGIN", "DOORSTEP_DRS_PASSWORD")


def from_configuration():
    """The default council's scheduler as the variables name it (councils/backoffices.py), or None."""
    options = variables()
    return options and from_options(options)


def test_make_run_starts_one_and_the_configured_adapter_reaches_it(tmp_path, monkeypatch):
    for name in DRS_SETTINGS:
        unset_but_restored(monkeypatch, name)
    monkeypatch.setenv("DOORSTEP_DRS_PORT", "0")
    office = start_local_scheduler(tmp_path, 8000)
    try:
        assert os.environ["DOORSTEP_DRS_URL"] == office.url
        scheduler = from_configuration()
        scheduler.create(TAP)
        assert scheduler.order(TAP.reference) is not None
        assert TAP.reference in (tmp_path / "drs.json").read_text()
    finally:
        office.close()


def test_a_contractors_drs_configured_starts_no_local_one(tmp_path, monkeypatch):
    monkeypatch.setenv("DOORSTEP_DRS_URL", "https://drs.contractor.example/OTWebServiceApi/services/SOAP")
    monkeypatch.setenv("DOORSTEP_DRS_LOGIN", "council")
    monkeypatch.setenv("DOORSTEP_DRS_PASSWORD", "secret")
    monkeypatch.setenv("DOORSTEP_DRS_CONTRACT", "H01")
    assert start_local_scheduler(tmp_path, 8000) is None
    scheduler = from_configuration()
    assert isinstance(scheduler, DrsScheduler)
    assert (scheduler.url, scheduler.login, scheduler.contract) == (
        "https://drs.contractor.example/OTWebServiceApi/services/SOAP", "council", "H01")


def test_no_scheduler_configured_is_none(monkeypatch):
    for name in DRS_SETTINGS:
        unset_but_restored(monkeypatch, name)
    assert from_configuration() is None


def test_north_lanarkshires_scheduler_offers_no_time_on_st_andrews_day_and_yorks_does(tmp_path):
    """Each council's local scheduler (its data set named by the council's id) counts its own working days."""
    from datetime import date, datetime
    from doorstep_cli.local.drs import LocalScheduler
    from support.repairs_support import LONDON, TAP, adapter_for
    friday = lambda: datetime(2026, 11, 27, 15, 0, tzinfo=LONDON)  # noqa: E731
    days = {}
    for council in ("north-lanarkshire", "york"):
        with LocalScheduler(clock=friday, state_file=tmp_path / f"{council}.json", council=council) as office:
            adapter_for(office).create(TAP)
            days[council] = {slot.day for slot in adapter_for(office).slots(TAP, date(2026, 11, 30), 3)}
    assert date(2026, 11, 30) not in days["north-lanarkshire"] and date(2026, 12, 1) in days["north-lanarkshire"]
    assert date(2026, 11, 30) in days["york"]
