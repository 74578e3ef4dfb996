"""A councillor opens the figures page for their council (issue 72, "Done means" 3) and reads take-up,
completion, satisfaction and the saving against the council's costs, month by month, on a phone and by a
screen reader's tables; every count is shown however small, and satisfaction from fewer than 10 answers is
shown as withheld, with the rule and whose guidance it follows."""
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.test_every_screen import SHOTS, keep, phone, screen  # noqa: F401 (a fixture)
from tests.web.test_performance_page import open_every_table

# 2025 to 2026: a year other journeys count in too (a licence granted a year and ten days before today, the
# desk's contacts for October 2025), on the same stack and worker: the fixture empties it before counting its own.
YEAR = 2025


@pytest.fixture
def counted(stack):
    """Two months of the bills' counts, as the payments and the desk's entered contacts keep them, in a year
    holding nothing else (the tests of one worker run one at a time on its stack)."""
    from chalicelib.storage.feedback.feedback import FIGURES, FigureModel
    deps = stack.deps()
    in_the_year = FigureModel.month_service.between(f"{YEAR}-04", f"{YEAR + 1}-03~")
    for row in list(FigureModel.query(FIGURES, in_the_year)):  # every service's months, not the weeks' answers
        row.delete()
    # September: 5 face to face (a count: shown, with its take-up, cost and total); 9 answers withhold satisfaction.
    deps.feedback.add("2025-09", "bills", {"started_online": 80, "finished_online": 60, "finished_assisted": 20,
                                           "contacts_phone": 15, "contacts_face_to_face": 5, "answers_online_5": 9})
    # October: 100 transactions, 75 online of 100 started, 18 of 20 answers satisfied.
    deps.feedback.add("2025-10", "bills", {"started_online": 100, "finished_online": 75, "finished_assisted": 15,
                                           "contacts_phone": 10, "answers_online_5": 12, "answers_online_4": 6,
                                           "answers_online_2": 2})


def test_a_councillor_reads_take_up_completion_satisfaction_and_the_saving_month_by_month(phone, counted):
    page = phone.new_page()
    page.goto("/performance")  # "How we're doing" leads to them
    page.get_by_role("link", name="Did going online work?").click()
    expect(page.locator("#screen h1")).to_have_text("Did going online work?")
    page.get_by_label("Year", exact=True).select_option(label="April 2025 to March 2026")  # not "The year so far"
    page.get_by_role("button", name="Show the year").click()
    expect(page).to_have_url(re.compile(rf"/figures\?year={YEAR}$"))
    expect(page.locator("#screen .lead")).to_contain_text("City of York Council's figures for 2025 to 2026")
    # The year first, in a few numbers: 135 online of 200; 135 finished of 180 started; October's 20 answers
    # (September's 9 withheld, and not in the year's share either); saved £198.60 and £248.25.
    expect(page.locator("#figures-year-so-far")).to_have_text(
        "Digital take-up67.5%Completion75%Satisfaction90% (20 answers)Saving£446.85Transactions200")
    # Then the year's trend, month by month with every service added, above every service's own: each figure
    # written, a bar under it; September's satisfaction withheld, and why (its 9 answers are in no month's share).
    by_month = page.locator("#figures-by-month")
    expect(by_month.get_by_role("row")).to_have_count(1 + 12)  # the heading, and April to March
    expect(by_month.get_by_role("row", name="Sept 2025")).to_have_text(
        "Sept 202560%75%Withheld: fewer than 10 answers in each service£198.60")
    expect(by_month.get_by_role("row", name="Oct 2025")).to_have_text("Oct 202575%75%90%£248.25")
    expect(by_month.get_by_role("row", name="Nov 2025")).to_have_text("Nov 2025NoneNoneNone£0.00")
    saving = by_month.locator("td:last-child .bar__fill")  # the saving's bars against the year's largest month
    expect(saving.nth(5)).to_have_attribute("style", re.compile(r"width: 80%"))  # £198.60 of £248.25
    expect(saving.nth(6)).to_have_attribute("style", re.compile(r"width: 100%"))
    expect(by_month.locator(".bar").first).to_have_attribute("aria-hidden", "true")  # the numbers say it all
    fits = page.evaluate("""() => { const wrap = document.getElementById("figures-by-month").parentElement;
        const first = document.querySelector(".figures-service").getBoundingClientRect().top;
        return [wrap.scrollWidth <= wrap.clientWidth, wrap.getBoundingClientRect().bottom < first]; }""")
    assert fits == [True, True]  # no wider than the phone (320 px), and before the first service
    # Then a link to each service: its trend is a tap away on a phone.
    page.locator("#figures-contents").get_by_role("link", name="Paying a bill").click()
    expect(page).to_have_url(re.compile(r"#figures-bills$"))
    bills = page.locator("#figures-bills")
    expect(bills.get_by_role("heading", name="Paying a bill")).to_be_in_viewport()
    # The chart says each month's figures in words beside its bars.
    expect(bills.locator("figure").first.locator("svg text").filter(has_text="October 2025")).to_have_text(
        "October 2025: take-up 75%, completion 75%, satisfaction 90% (20 answers)")
    expect(bills.locator("figure").first.locator("svg text").filter(has_text="September 2025")).to_have_text(
        "September 2025: take-up 60%, completion 75%, satisfaction withheld (9 answers)")
    # The rule for small numbers and its sources stand with the definitions, open before any table is.
    definitions = page.locator("#figures-definitions")
    expect(definitions).to_contain_text("Satisfaction from fewer than 10 answers is withheld")
    ons = definitions.get_by_role("link", name="Office for National Statistics: Statistical disclosure control policy")
    expect(ons).to_have_attribute("href", re.compile(r"^https://www\.ons\.gov\.uk/"))
    expect(definitions.get_by_role("link", name=re.compile("^Information Commissioner's Office"))).to_have_attribute(
        "href", re.compile(r"^https://ico\.org\.uk/"))
    open_every_table(page)
    october = bills.locator("table").first.get_by_role("row", name="October 2025")
    expect(october).to_have_text("October 202575%75%90%20")
    expect(bills.locator("table").first.get_by_role("row", name="September 2025")).to_have_text(
        "September 202560%75%Withheld: fewer than 10 answers9")
    saving = bills.locator("table").nth(1)
    # Each channel counted: 75 online, 15 by an officer for a resident, 10 by phone, none face to face.
    expect(saving.get_by_role("row", name="October 2025")).to_have_text("October 20251007515100£0.91£248.25")
    # 5 face to face is shown: 60x8p + 35x339p + 5x1,053p over 100; saved 60 online at 339p less 8p each.
    expect(saving.get_by_role("row", name="September 2025")).to_have_text(
        "September 20251006020155£1.76£198.60")
    expect(page.locator("#figures-costs")).to_contain_text("Face to face£10.53")
    expect(page.get_by_role("link", name="Every figure of the year as a spreadsheet (CSV)")).to_have_attribute(
        "href", f"/v1/figures?year={YEAR}&format=csv")
    expect(page.get_by_role("link", name="Every figure of the year with its definitions (JSON)")).to_have_attribute(
        "href", f"/v1/figures?year={YEAR}&format=json")
    report = page.get_by_role("link", name="The report for a committee: March 2026 (PDF)")
    answer = page.request.get(report.get_attribute("href"), headers={"Accept": "*/*"})  # as a browser's download asks
    assert answer.ok and answer.headers["content-type"] == "application/pdf" and answer.body().startswith(b"%PDF-")
    screen(page, "figures")
    if SHOTS:  # `make screens`: the year and its trend too, below the top of the page the picture above shows
        keep(page.locator("#figures-year-h").locator("..").screenshot(), Path(SHOTS) / "figures-year.png")
    check_accessible(page, "figures, every table open")
