"""The committee system's sync and agenda items' tags at the staff desk: an
officer sees that Modern.gov answers a firewall's page instead of data, how
many runs in a row failed, how old residents' copy is and when the next run
asks; then corrects the wards an agenda item is tagged with, is told when a
second officer changed them first (If-Match) and gives the item back to its
own words; then lists a forthcoming decision in a ward its plan forgot, which
residents' ward filter then finds. Each screen inside the desk's menu, axe
finding nothing."""
from datetime import timedelta

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard
from tests.web.test_meetings import council, sync  # noqa: F401 (council: a fixture)

ROAD_REPAIRS = "14023"  # the item "Road repairs in Acomb ward" of meeting 1402


def test_an_officer_sees_the_syncs_failures_and_corrects_an_items_tags(desk, council):
    from chalicelib.deps import default_deps
    stack, clock = desk.stack, council.sync_clock
    default_deps().democracy.keep_document("health", {}, None, clock.now)  # no earlier test's runs
    clock.now -= timedelta(hours=3)  # the last time it answered
    sync(stack, clock)
    council.challenge = True  # a firewall's check page instead of XML, twice
    for _ in range(2):
        clock.now += timedelta(hours=1)
        sync(stack, clock)

    Officer(stack, "democracy.desk@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "democracy.desk@example.org", "/sign-in?next=/staff/meetings/sync")
    heading(page, "The committee system's sync")
    expect(page.get_by_role("link", name="Meetings sync")).to_have_attribute("aria-current", "page")
    expect(page.locator("#meetsync-state")).to_contain_text("Not answering")
    expect(page.locator("#meetsync-summary")).to_contain_text("3 hours")
    lists = page.locator("#meetsync-sources tr[data-source=meetings]")
    expect(lists).to_contain_text("A web page instead of data, such as a firewall's check")
    expect(lists.locator("td").nth(1)).to_have_text("2")
    expect(page.locator("#meetsync-summary")).to_contain_text("It did not answer, so the run stopped asking")
    screen(page, "staff-meetings-sync")

    page.get_by_role("link", name="Tags of Decision Session - Executive Member for Transport").click()
    heading(page, "Tags of agenda items")
    road = page.locator(f"#tags-{ROAD_REPAIRS}")
    expect(road.locator(".summary-list")).to_contain_text("Acomb")
    expect(road.locator(".summary-list")).to_contain_text("From the item's own words")
    road.get_by_text("Change the tags").click()
    road.get_by_label("Westfield").check()
    screen(page, "staff-meeting-tags")
    for target in road.locator("summary, .checkboxes__label, button").all():
        assert target.bounding_box()["height"] >= 44, target.inner_text()
    road.get_by_role("button", name="Save these tags").click()
    expect(page.locator("#tags-said")).to_have_text("Tags saved for Road repairs in Acomb ward.")
    expect(road.locator(".summary-list")).to_contain_text("Acomb, Westfield")
    expect(road.locator(".summary-list")).to_contain_text("By staff on")

    other = Officer(stack, "second.desk@example.org")
    _, headers = other.call("GET", "/v1/staff/meetings/1402/tags")
    other.call("PATCH", f"/v1/staff/meetings/1402/items/{ROAD_REPAIRS}/tags",
               {"wards": ["Acomb", "Holgate"], "topics": ["highways"]}, {"If-Match": headers["ETag"]})
    road.get_by_text("Change the tags").click()
    road.get_by_label("Dringhouses and Woodthorpe").check()
    road.get_by_role("button", name="Save these tags").click()
    expect(page.locator("#tags-said")).to_contain_text("Someone else changed these tags")
    expect(road.locator(".summary-list")).to_contain_text("Acomb, Holgate")  # theirs, not overwritten
    road.get_by_text("Change the tags").click()
    road.get_by_role("button", name="Tag it from its own words again").click()
    expect(page.locator("#tags-said")).to_have_text("Road repairs in Acomb ward is tagged from its own words again.")
    expect(road.locator(".summary-list")).to_contain_text("From the item's own words")
    tags = default_deps().democracy.meeting("1402")
    assert next(i for i in tags["items"] if i["id"] == ROAD_REPAIRS)["wards"] == ["Acomb"]

    page.get_by_role("link", name="Back to the committee system's sync").click()
    page.get_by_role("link", name="Tags of forthcoming decisions").click()
    heading(page, "Tags of forthcoming decisions")
    plan = page.locator("#plan-701")  # "Road repairs in Acomb ward", in the forward plan for Acomb
    expect(plan.locator(".summary-list")).to_contain_text("From the forward plan and the decision's title")
    plan.get_by_text("Change the tags").click()
    plan.get_by_label("Westfield").check()
    screen(page, "staff-forthcoming-tags")
    plan.get_by_role("button", name="Save these tags").click()
    expect(page.locator("#tags-said")).to_have_text("Tags saved for Road repairs in Acomb ward.")
    expect(plan.locator(".summary-list")).to_contain_text("Acomb, Westfield")
    expect(page.locator("#plan-audit")).to_contain_text("Road repairs in Acomb ward, wards Acomb to Acomb, Westfield")
    listed, _ = other.call("GET", "/v1/decisions/forthcoming?ward=Westfield")
    assert "701" in [d["id"] for d in listed["decisions"]]
