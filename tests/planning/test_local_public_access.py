"""The local Public Access keeps its demo's week and the decisions made since
in the data directory, so a restart moves nothing; outside its sessions'
own `_csrf` a search is answered the error page with 200, as Idox answers;
inside its overnight window every page says it is asleep, with 200."""
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from doorstep_cli.local.public_access import PublicAccess
from support.planning_support import FLATS, MORNING, Clock


def test_a_restart_a_week_later_keeps_the_demos_week_and_a_decision_made(tmp_path):
    clock = Clock()
    with PublicAccess(clock=clock, state_file=tmp_path / "public_access.json") as register:
        register.decide(FLATS, "Approved")
    clock.advance(days=7)
    with PublicAccess(clock=clock, state_file=tmp_path / "public_access.json") as again:
        flats = next(a for a in again.applications() if a["key"] == FLATS)
        assert (flats["decision"], flats["decided"].isoformat()) == ("Approved", "2026-11-24")
        assert min(a["validated"] for a in again.applications()).isoformat() == "2026-10-09"


def test_a_search_without_the_sessions_csrf_gets_the_error_page_with_200(tmp_path):
    with PublicAccess(clock=Clock(), state_file=tmp_path / "pa.json") as register:
        form = urlencode({"week": "16 Nov 2026", "dateType": "DC_Validated", "_csrf": "guessed"}).encode()
        with urlopen(Request(f"{register.root}weeklyListResults.do?action=firstPage", data=form)) as answer:
            assert answer.status == 200 and b"An error has occurred" in answer.read()


def test_inside_its_overnight_window_every_page_says_so_with_200(tmp_path):
    night = Clock(MORNING.replace(hour=2))
    with PublicAccess(clock=night, state_file=tmp_path / "pa.json", quiet="00:30-06:30") as register:
        with urlopen(f"{register.root}search.do?action=weeklyList") as answer:
            assert answer.status == 200 and b"unavailable overnight" in answer.read()


def test_each_tab_and_the_results_answer_in_the_shape_and_words_of_a_real_registers_pages(tmp_path):
    from support.idox_pages import labels, results_shape, saved, tab_shape
    from chalicelib.handlers.planning.idox.pages import TAB_TABLES
    real_summary = set(labels(saved("brighton_summary.html"), "simpleDetailsTable")) | set(
        labels(saved("cardiff_summary.html"), "simpleDetailsTable"))
    with PublicAccess(clock=Clock(), state_file=tmp_path / "pa.json") as register:
        for tab in ("summary", "details", "dates"):
            with urlopen(f"{register.root}applicationDetails.do?activeTab={tab}&keyVal={FLATS}") as answer:
                ours = answer.read()
            real = saved(f"brighton_{tab}.html")
            assert tab_shape(ours) == tab_shape(real), tab
            known = real_summary if tab == "summary" else set(labels(real, TAB_TABLES[tab]))
            assert set(labels(ours, TAB_TABLES[tab])) <= known, tab  # a label no real register uses is no test
        with urlopen(f"{register.root}search.do?action=weeklyList") as answer:
            form = answer.read().decode()
        csrf = form.split('name="_csrf" value="')[1].split('"')[0]
        cookie = answer.headers["Set-Cookie"].split(";")[0]
        week = urlencode({"week": "09 Nov 2026", "dateType": "DC_Validated", "_csrf": csrf}).encode()
        register.per_page = 1
        request = Request(f"{register.root}weeklyListResults.do?action=firstPage", data=week, headers={"Cookie": cookie})
        with urlopen(request) as answer:
            assert results_shape(answer.read()) == results_shape(saved("brighton_results.html"))
