"""A resident's move at the council tax desk, by keyboard alone: looked up by
its reference with a reason (the read audited), every part it set off with its
state, and the saved address undone with a reason of its own."""
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.web.browser import check_accessible

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard, tab_to
from tests.web.test_bulky import pay  # noqa: F401 (a fixture)

REASON = "Caller asks what their move changed"


def test_an_officer_looks_a_move_up_with_a_reason_and_undoes_its_address_with_another(desk):
    stack = desk.stack
    mover = Officer(stack, f"mover.{uuid.uuid4().hex[:6]}@example.org", role="resident")
    today = datetime.now(ZoneInfo("Europe/London")).date().isoformat()
    made, _ = mover.call("POST", "/v1/me/moves", {"move": "within", "date": today, "from_uprn": "990000000003",
                                                  "to_uprn": "990000000054", "people": ["Ann Hartley"], "tenure": "sold"},
                         {"Idempotency-Key": str(uuid.uuid4())})

    Officer(stack, "moves.desk@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "moves.desk@example.org", "/sign-in?next=/staff/council-tax/moves")
    heading(page, "A resident's move")
    tab_to(page, page.get_by_label("Move reference"))
    page.keyboard.type(made["id"].lower())  # as a caller reads it out
    tab_to(page, page.get_by_label("Why you are looking"))
    page.keyboard.type(REASON)
    tab_to(page, page.get_by_role("button", name="Look up"))
    page.keyboard.press("Enter")
    expect(page.locator("#move-found")).to_contain_text("3 Micklegate")
    address = page.locator("#move-parts tr[data-part='address']")
    expect(address).to_contain_text("Moved")
    expect(page.locator("#move-parts tr[data-part='council_tax']")).to_contain_text("No account linked")
    expect(page.locator("#move-audit tbody tr", has_text=REASON)).to_have_count(1)
    screen(page, "staff-moves-lookup")

    tab_to(page, address.get_by_label("Why undo this part"))
    page.keyboard.type("Caller says the sale fell through")
    tab_to(page, address.get_by_role("button", name="Undo"))
    page.keyboard.press("Enter")
    expect(page.locator("#move-notice")).to_contain_text("Saved address undone.")
    expect(address).to_contain_text("Undone")
    expect(page.locator("#move-audit tbody tr", has_text="sale fell through")).to_contain_text("Undid address")
    assert mover.call("GET", "/v1/me")[0]["uprn"] != "990000000054"


# 9 Bootham to 3 Heworth Green: both on garden rounds, homes of this journey's own.
GARDEN_FROM, GARDEN_TO = "990000000057", "990000000067"


def test_an_officer_undoes_a_moved_garden_term_whose_part_name_the_desk_sends_encoded(desk, pay):  # noqa: F811
    """The garden part is named `garden:<uprn>.<start>`; the desk sends it through encodeURIComponent
    (`garden%3A...`) and API Gateway hands the route the name decoded: the undo reaches its part."""
    from support.pay_support import SUCCESS, pay_with
    stack = desk.stack
    mover = Officer(stack, f"garden.mover.{uuid.uuid4().hex[:6]}@example.org", role="resident")
    paid, _ = mover.call("POST", "/v1/waste/garden/subscriptions", {"uprn": GARDEN_FROM, "bins": 1},
                         {"Idempotency-Key": str(uuid.uuid4())})
    assert pay_with(paid["payment"]["next_url"], SUCCESS)
    term = stack.once(lambda: (t := stack.deps().garden.get(GARDEN_FROM, paid["start"])) and t.status == "active"
                      and t, "the garden term paid for")
    day = (datetime.now(ZoneInfo("Europe/London")).date() + timedelta(days=10)).isoformat()
    made, _ = mover.call("POST", "/v1/me/moves", {"move": "within", "date": day, "from_uprn": GARDEN_FROM,
                                                  "to_uprn": GARDEN_TO, "people": ["Ann Hartley"], "tenure": "sold"},
                         {"Idempotency-Key": str(uuid.uuid4())})
    part = f"garden:{GARDEN_FROM}.{term.start}"
    assert next(p for p in made["parts"] if p["name"] == part)["state"] == "moved"

    page = looked_up_at_the_desk(desk, "garden.desk@example.org", made["id"])
    garden = page.locator(f"#move-parts tr[data-part='{part}']")
    expect(garden).to_contain_text("Moved")
    garden.get_by_label("Why undo this part").fill("Caller says the sale fell through")
    garden.get_by_role("button", name="Undo").click()
    expect(page.locator("#move-notice")).to_contain_text("undone")
    expect(garden).to_contain_text("Undone")
    back = stack.deps().garden.get(GARDEN_FROM, term.start)
    assert (back.status, back.end) == ("active", term.end)  # the old home's term put back whole


def test_an_officer_sees_that_a_moves_changes_were_given_up_and_what_to_tell_the_caller(desk, monkeypatch):
    from chalicelib.handlers.moving import following
    from tests.web.journeys import effect_held_back
    stack = desk.stack
    mover = Officer(stack, f"mover.{uuid.uuid4().hex[:6]}@example.org", role="resident")
    today = datetime.now(ZoneInfo("Europe/London")).date().isoformat()
    with effect_held_back(monkeypatch, following, "on_move", fails=True) as released:
        made, _ = mover.call("POST", "/v1/me/moves", {"move": "within", "date": today, "from_uprn": "990000000003",
                                                      "to_uprn": "990000000054", "people": ["Ann Hartley"],
                                                      "tenure": "sold"}, {"Idempotency-Key": str(uuid.uuid4())})
        released.set()
        from chalicelib.handlers.moving.limits import FOLLOW, event_id
        stack.once(lambda: stack.deps().effects.status(event_id(made["id"]), FOLLOW)[0] == "failed",
                   "the move's changes given up")
    page = looked_up_at_the_desk(desk, "moves.held@example.org", made["id"])
    expect(page.locator("#move-progress")).to_contain_text(
        f"Making its changes was given up after its tries: what is below is what was made. The operator has "
        f"been alerted and runs the rest again once the cause is mended; quote move {made['id']}.")
    expect(page.locator("#move-parts tbody tr")).to_have_count(0)
    check_accessible(page, "a move given up, at the desk")

def looked_up_at_the_desk(desk, officer_email, move_id):
    """The desk's page of `move_id`, looked up (with REASON) by a new officer of that e-mail."""
    Officer(desk.stack, officer_email)
    page = desk.new_page()
    sign_in_by_keyboard(page, officer_email, "/sign-in?next=/staff/council-tax/moves")
    heading(page, "A resident's move")
    page.get_by_label("Move reference").fill(move_id)
    page.get_by_label("Why you are looking").fill(REASON)
    page.get_by_role("button", name="Look up").click()
    return page
