"""The committee report (issue 72, item 5): a month's figures for a council as a PDF for a meeting's papers,
read here as a PDF reader reads it: the council's name, each service's figures, withheld cells said to be,
the costs counted and the definitions."""
import io
from datetime import datetime, timezone

import time_machine

from support.councils_support import add, york

NOW = datetime(2026, 11, 27, 11, 0, tzinfo=timezone.utc)


def _text(pdf):
    from pypdf import PdfReader
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _get(client, path):
    with time_machine.travel(NOW, tick=True):
        return client.get(path, {"Accept": "application/pdf"})


def test_a_months_report_has_the_councils_name_its_figures_withheld_cells_and_the_definitions(client, deps):
    add(deps, york())
    deps.feedback.add("2026-10", "bills", {"started_online": 100, "finished_online": 75, "finished_assisted": 15,
                                           "contacts_phone": 10, "answers_online_5": 12, "answers_online_4": 6,
                                           "answers_online_2": 2})
    deps.feedback.add("2026-10", "halls", {"started_online": 40, "finished_online": 30, "finished_assisted": 4,
                                           "answers_online_5": 3})
    deps.feedback.add("2026-09", "garden", {"finished_online": 500})  # another month: not in October's report
    r = _get(client, "/v1/figures/report?month=2026-10")
    assert r.status_code == 200, r.body
    assert r.headers["Content-Type"] == "application/pdf"
    assert 'filename="figures-2026-10.pdf"' in r.headers["Content-Disposition"]
    text = _text(r.body)
    assert "City of York Council: channel shift figures for October 2026" in text
    assert "Paying a bill 100 75 15 10 0 75% 75% 90% (20) £0.91 £248.25" in text
    # 4 assisted is a count and identifies nobody: shown, with take-up and cost; 3 answers' satisfaction is not.
    assert "Hiring a hall 34 30 4 0 0 88.2% 75% withheld (3) £0.47 £99.30" in text
    assert "Garden waste" not in text
    assert "face to face £10.53" in text
    assert "Satisfaction from fewer than 10 answers is withheld" in text and "Digital take-up" in text
    assert "Office for National Statistics: Statistical disclosure control policy" in text
    assert "Information Commissioner's Office" in text


def test_a_month_badly_written_or_not_yet_begun_is_refused(client):
    assert _get(client, "/v1/figures/report?month=October").status_code == 400
    assert _get(client, "/v1/figures/report").status_code == 400
    assert _get(client, "/v1/figures/report?month=2026-12").status_code == 422


def test_every_definition_the_figures_give_has_its_name_in_the_report():
    from chalicelib.handlers.feedback.wording import DEFINITION_NAMES, DEFINITIONS
    assert set(DEFINITIONS) <= set(DEFINITION_NAMES)  # a definition added without one answered 500


def test_a_plain_get_with_no_accept_or_any_gets_the_pdf(client, deps):
    """A request without Accept accepts any type (RFC 9110, 12.5.1): it was refused 400, as Chalice refuses a
    binary answer to a request that did not name a binary type."""
    add(deps, york())
    deps.feedback.add("2026-10", "bills", {"finished_online": 20})
    with time_machine.travel(NOW, tick=True):
        for headers in ({}, {"Accept": "*/*"}):
            r = client.get("/v1/figures/report?month=2026-10", headers)
            assert r.status_code == 200, (headers, r.body[:200])
            assert r.headers["Content-Type"] == "application/pdf" and r.body.startswith(b"%PDF-")
