"""A Scottish register (issue 71): North Lanarkshire's is an Idox Public Access whose pages word
things Scotland's way (a Local Review Body rather than an appeal for a delegated refusal, the
neighbour notification's expiry, the last date for comments), and a resident reads how long
neighbours have by the council's jurisdiction's rule: in Scotland, neighbours within 20 m are
notified and have 21 days (SSI 2013/155)."""
from datetime import date

from chalicelib.councils.council import Council
from chalicelib.handlers.planning import notification, reads
from chalicelib.handlers.planning.idox.client import IdoxPlanning
from chalicelib.handlers.planning.idox.polite import Gate
from support.idox_pages import SavedRegister
from support.planning_support import council_clock  # noqa: F401 (a fixture)

KEY = "SCOT26EXAMPLE"
TABS = {(KEY, "summary"): "scottish_summary.html", (KEY, "details"): "brighton_details.html",
        (KEY, "dates"): "scottish_dates.html"}


def test_a_scottish_registers_pages_are_read_by_their_own_labels(council_clock):
    with SavedRegister(TABS) as register:
        found = IdoxPlanning(register.root, Gate("saved", gap_s=0, clock=council_clock)).application(KEY)
    assert (found.reference, found.received, found.validated) == ("26/00412/FUL", "2026-09-07", "2026-09-10")
    assert (found.decision, found.decided) == ("Refused", "2026-10-30")
    assert found.consultation_ends == "2026-10-02"  # the neighbour notification's expiry, and the comments' last day
    assert found.appeal_status == "Review Lodged"  # the Local Review Body's, Scotland's review of a delegated refusal


def council(jurisdiction):
    return Council(id="x", name="X", short_name="X", jurisdiction=jurisdiction, version=1)


def application(**values):
    return {"id": "A1", "reference": "26/00412/FUL", "proposal": "An extension", "address": "14 Merry Street",
            "validated": "2026-09-10", "status": "", "decision": "", "decided": "", "appeal_status": "",
            "consultation_ends": "", "lat": None, "lon": None, "app_type": "", **values}


def test_the_neighbour_notification_period_is_the_councils_jurisdictions():
    today = date(2026, 9, 20)
    scottish = reads.shown(application(), today, rule=notification.rule_for(council("scotland")))
    english = reads.shown(application(), today, rule=notification.rule_for(council("england")))
    assert scottish["notification"]["within_m"] == 20 and scottish["notification"]["days"] == 21
    assert scottish["notification"]["text"] == (
        "Neighbours within 20 m are notified and have 21 days to comment, under the Town and Country Planning "
        "(Development Management Procedure) (Scotland) Regulations 2013.")
    assert english["notification"]["within_m"] is None
    assert "site notice" in english["notification"]["text"] and "(England) Order 2015" in english["notification"]["text"]
    assert scottish["comments_close"] == "2026-10-01"  # 21 days from validation where the register gives no date
