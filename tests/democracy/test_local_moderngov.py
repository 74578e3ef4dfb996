"""The local Modern.gov of `make run`: on its own port, pointed at by
configuration alone, its demo kept in place across restarts."""
from datetime import timedelta

from chalicelib.handlers.democracy.moderngov.client import ModernGovDemocracy
from doorstep_cli.local.moderngov import ModernGov
from doorstep_cli.local.stack import start_local_moderngov
from support.democracy_support import MORNING, ROAD_REPAIRS_SESSION, Clock
from support.restored_env import unset_but_restored


def test_a_restart_days_later_keeps_every_meeting_on_its_day_and_every_paper_added(tmp_path):
    state = tmp_path / "moderngov.json"
    with ModernGov(clock=Clock(), state_file=state) as first:
        first.add_paper(ROAD_REPAIRS_SESSION, "Supplementary: revised map")
        before = ModernGovDemocracy(first.url).meeting(ROAD_REPAIRS_SESSION)
    with ModernGov(clock=Clock(MORNING + timedelta(days=3)), state_file=state) as again:
        after = ModernGovDemocracy(again.url).meeting(ROAD_REPAIRS_SESSION)
    assert after.date == before.date == "2026-11-30"
    assert [p.title for i in after.items for p in i.papers][-1] == "Supplementary: revised map"


def test_make_run_starts_one_and_points_the_app_at_it_unless_a_real_one_is_configured(tmp_path, monkeypatch):
    unset_but_restored(monkeypatch, "DOORSTEP_MODERNGOV_URL")
    monkeypatch.setenv("DOORSTEP_MODERNGOV_PORT", "0")
    office = start_local_moderngov(tmp_path, 8000)
    try:
        import os
        assert os.environ["DOORSTEP_MODERNGOV_URL"] == office.url
        assert ModernGovDemocracy(office.url).committees()
        assert (tmp_path / "moderngov.json").exists()
    finally:
        office.close()
    monkeypatch.setenv("DOORSTEP_MODERNGOV_URL", "https://democracy.york.gov.uk")
    assert start_local_moderngov(tmp_path, 8000) is None
