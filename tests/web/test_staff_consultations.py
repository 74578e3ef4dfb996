"""The consultations desk (issue 57), as a consultations officer works it at 1280 px: makes a consultation
from a template, its errors in GOV.UK's pattern (a summary linking to each field, the words beside it),
changes it until it opens; watches its responses counted by ward as they come, without a reload; after
the close downloads the two CSVs and publishes "We asked, you said, we did" with its figures and the
decision it fed. axe finds nothing on each screen.

The browser keeps the real time (tests/support/pinned_clock.py): moments are set from the stack's clock."""
import dataclasses
import re
from datetime import timedelta

from playwright.sync_api import expect

from tests.web.desk import Officer, desk, heading, screen  # noqa: F401  (desk: a fixture)
from tests.web.journeys import sign_in
from tests.web.test_consultations import _open_now


def _box(moment):
    """A moment as a datetime box takes it: London wall-clock time to the minute."""
    from chalicelib.handlers.consultations.timing import local
    return local(moment).strftime("%Y-%m-%dT%H:%M")


def _respond(deps, consultation_id, n, moment):
    from chalicelib.handlers.consultations.responding import respond_anonymously
    at = dataclasses.replace(deps, clock=lambda: moment, client=f"192.0.2.{60 + n}")
    respond_anonymously(at, consultation_id, {"answers": {"support": "yes", "comments": f"Reply {n}"},
                                              "postcode": "YO1 6JP"}, None)


def test_an_officer_makes_a_consultation_from_a_template_mends_its_errors_and_changes_it_before_it_opens(
        desk, stack):
    Officer(stack, "consult.make@example.org")
    page = desk.new_page()
    sign_in(page, "consult.make@example.org", next_path="/staff/consultations")
    heading(page, "Consultations")
    screen(page, "staff-consultations")
    page.get_by_role("button", name="Make a consultation").click()
    heading(page, "Make a consultation")
    page.get_by_role("button", name="Make the consultation").click()  # nothing chosen or written
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Choose a template to start from")
    expect(summary).to_contain_text("Enter title")
    expect(summary).to_contain_text("Enter when it opens")
    screen(page, "staff-consultation-new-errors")

    page.get_by_label(re.compile("^A scheme in some streets")).check()
    expect(page.get_by_label("Why we are asking")).to_have_value(re.compile("^We propose a change"))
    page.get_by_label("Title", exact=True).fill("A zebra crossing on Blossom Street")
    page.get_by_label("Overview", exact=True).fill("We propose a zebra crossing outside the Odeon on Blossom Street.")
    page.get_by_label("Micklegate").check()
    page.get_by_label("Topics").fill("roads, transport")
    now = stack.deps().clock()
    page.get_by_label("When it opens").fill(_box(now + timedelta(days=2)))
    page.get_by_label("When it closes").fill(_box(now + timedelta(days=1)))  # before it opens
    page.get_by_label("Web address of document 1").fill("not a web address")
    page.get_by_label("Title of document 1").fill("Drawing of the crossing")
    page.get_by_role("button", name="Make the consultation").click()
    expect(summary).to_contain_text("When it closes")
    closes = page.locator("[data-field=closes]")
    expect(closes.locator(".error-message")).to_be_visible()  # the words beside the field too
    summary.get_by_role("link", name=re.compile("When it closes")).click()
    expect(page.get_by_label("When it closes")).to_be_focused()
    expect(page.locator("[data-field='supporting_documents[0].url'] .error-message")).to_be_visible()

    page.get_by_label("When it closes").fill(_box(now + timedelta(days=30)))
    page.get_by_label("Web address of document 1").fill("https://www.york.gov.uk/blossom-crossing.pdf")
    page.get_by_role("button", name="Make the consultation").click()
    heading(page, "A zebra crossing on Blossom Street")
    expect(page.locator("#saved")).to_contain_text("The consultation is made")
    expect(page.locator("#consultation-details")).to_contain_text("Not open yet")
    screen(page, "staff-consultation-forthcoming")

    page.get_by_label("Overview", exact=True).fill("A zebra crossing outside the Odeon, with a raised table.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#saved")).to_contain_text("Your changes are saved")
    stored = stack.deps().consultations.get("a-zebra-crossing-on-blossom-street")
    assert stored.version == 2 and stored.doc["overview"].endswith("with a raised table.")
    assert stored.doc["areas"] == ["Micklegate"] and stored.doc["topics"] == ["roads", "transport"]
    assert stored.doc["closes"].endswith(":59") and len(stored.doc["form"]["pages"]) == 4
    page.get_by_role("link", name="Back to consultations").click()
    expect(page.get_by_role("link", name="A zebra crossing on Blossom Street")).to_be_visible()


def test_an_officer_watches_the_responses_counted_by_ward_as_they_come_and_cannot_change_it_once_open(desk, stack):
    deps = _open_now(stack, "bootham-parking")
    _respond(deps, "bootham-parking", 1, deps.clock())
    officer = Officer(stack, "consult.watch@example.org")
    page = desk.new_page()
    sign_in(page, "consult.watch@example.org", next_path="/staff/consultations/bootham-parking")
    heading(page, "Parking on Bishophill")
    counts = page.locator("#consultation-counts")
    expect(counts.locator("#counts-total")).to_have_text("1 response so far.")
    expect(page.get_by_role("heading", name="Change it before it opens")).to_have_count(0)
    screen(page, "staff-consultation-open")
    _respond(deps, "bootham-parking", 2, stack.deps().clock())
    expect(counts.locator("#counts-total")).to_have_text("2 responses so far.", timeout=25_000)  # no reload
    [ward] = stack.deps().consultations.counts("bootham-parking")[0]  # the postcode's ward
    expect(counts.get_by_role("row", name=re.compile(ward))).to_contain_text("2")
    current, headers = officer.call("GET", "/v1/staff/consultations/bootham-parking")
    try:
        officer.call("PUT", "/v1/staff/consultations/bootham-parking", {**current["data"], "title": "Changed"},
                     {"If-Match": headers["ETag"]})
        raise AssertionError("an open consultation was changed at the desk")
    except Exception as e:  # urllib's HTTPError: the API refuses it
        assert getattr(e, "code", None) == 409 and b"consultation_open" in e.read()


def test_after_the_close_an_officer_downloads_both_csvs_and_publishes_what_was_done(desk, stack):
    deps = _open_now(stack, "walmgate-parking", opened=timedelta(days=3), closes=-timedelta(minutes=5))
    _respond(deps, "walmgate-parking", 3, deps.clock() - timedelta(days=1))
    Officer(stack, "consult.close@example.org")
    page = desk.new_page()
    sign_in(page, "consult.close@example.org", next_path="/staff/consultations/walmgate-parking")
    heading(page, "Parking on Bishophill")
    why = "Writing to the respondents about the results"
    for name, first in (("responses", "response,sent_at"), ("respondents", "response,postcode")):
        if name == "respondents":  # personal details: said why first
            page.get_by_label("Why are you opening it?").fill(why)
        with page.expect_download() as downloading:
            page.get_by_role("button", name=re.compile(f"Download the {name}|Download the {name[:-1]}")).click()
        assert downloading.value.suggested_filename == f"walmgate-parking-{name}.csv"
        assert first in open(downloading.value.path(), encoding="utf-8").readline().lower()
    assert [(e.action, e.reason) for e in stack.deps().audit.entries("walmgate-parking")] == [
        ("respondents_downloaded", why)]
    page.get_by_role("button", name="Publish the results").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("summary")
    expect(summary).to_contain_text("we did")
    screen(page, "staff-consultation-closed-errors")

    page.get_by_label("Summary", exact=True).fill("One resident responded, in Micklegate.")
    page.get_by_label("You said").fill("You support residents' parking on weekdays.")
    page.get_by_label("We did").fill("The zone starts in April, Monday to Friday.")
    page.get_by_label("Figure 1: what it counts").fill("Support the zone")
    page.get_by_label("Figure 1: number").fill("100")
    page.get_by_label("Figure 1: unit").fill("%")
    page.get_by_label("Title of the decision").fill("Executive Member for Transport, 12 January")
    page.get_by_label("Web address of the decision").fill("https://democracy.york.gov.uk/ieDecisionDetails.aspx?ID=1")
    page.get_by_role("button", name="Publish the results").click()
    expect(page.locator("#saved")).to_contain_text("The results are published")
    expect(page.locator("#results-published")).to_contain_text("Published")
    screen(page, "staff-consultation-results")
    published = stack.get("/v1/consultations/walmgate-parking/results")
    assert published["we_did"] == "The zone starts in April, Monday to Friday."
    assert published["figures"] == [{"label": "Support the zone", "value": 100, "unit": "%"}]
    assert published["decision"]["url"].startswith("https://democracy.york.gov.uk/")
