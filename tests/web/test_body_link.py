"""A body's officer answers a report from the link in the e-mail it was sent
in, with no account: the resident's report changes at once, and the link
then says the report is closed."""
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading

NOT_OURS = "It is not ours"
ROAD = [[-1.0600, 53.9250], [-1.0300, 53.9420]]  # a line no other browser test reports near


def test_a_bodys_officer_marks_a_report_fixed_from_the_link_in_the_email(browser):
    from chalicelib.handlers.forwarding import sender
    from chalicelib.storage.bodies.bodies import Body
    stack = browser.stack
    deps = stack.deps()
    body = Body(id="web-roads", name="Roads Agency", precedence=2, send_method="email", email="roads@agency.example",
                area={"kind": "line", "within_m": 15, "geometry": {"type": "LineString", "coordinates": ROAD}},
                categories=["abandoned_vehicle"], contact_text="Roads Agency: 0300 000 0000")
    deps.bodies.save(body, new=True)
    try:
        rid = stack.report(service_code="abandoned_vehicle", lat=53.9250, lon=-1.0600, description="Burnt-out van",
                           fields={"make_colour": "White van"})["id"]
        assert sender.attempt(deps, rid, "web-roads") == "sent"
        link = stack.link_in_mail("roads@agency.example", "/body#")
        page = browser.new_page()
        page.goto(link)
        heading(page, "What is happening with this report? (Roads Agency)")
        expect(page.locator("main")).to_contain_text("Burnt-out van")
        expect(page.locator("main")).to_contain_text("This link works until")
        check_accessible(page, "a body's officer: the report")
        page.get_by_role("button", name="Send").click()
        expect(page.locator(".error-summary")).to_contain_text("Choose what is happening with the report")
        page.get_by_label(NOT_OURS).check()
        page.get_by_role("button", name="Send").click()  # not theirs, with no reason: told what to write
        expect(page.locator(".error-summary li")).to_have_text(
            ["Enter why the report is not yours, so the council can pass it on"])
        expect(page.get_by_label("Anything the resident should know")).to_have_attribute("aria-invalid", "true")
        check_accessible(page, "a body's officer: not theirs, no reason")
        page.get_by_label("It is fixed").check()
        page.get_by_label("Anything the resident should know").fill("Removed this morning.")
        page.get_by_role("button", name="Send").click()
        heading(page, "Thank you")
        report = stack.get(f"/v1/reports/{rid}")
        assert report["status"] == "fixed"
        assert stack.get(f"/v1/reports/{rid}/updates")["updates"][-1]["text"] == "Removed this morning."
        # Fixed is closed: the link has done its work, and says so when opened again.
        page.reload()
        heading(page, "The council has closed this report")
        expect(page.locator("main")).to_contain_text("contact the council")
    finally:
        body = deps.bodies.get("web-roads")
        body.retired = True
        deps.bodies.save(body)  # the stack's other tests report where they like
