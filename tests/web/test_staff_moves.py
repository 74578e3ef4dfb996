"""A resident's move at the council tax desk, by keyboard alone: looked up by
its reference with a reason (the read audited), every part it set off with its
state, and the saved address undone with a reason of its own."""
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard, tab_to

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
