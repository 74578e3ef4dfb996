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
