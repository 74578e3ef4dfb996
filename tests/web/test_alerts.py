"""Alerts: e-mail with its confirmation and unsubscribe links, push asked
for only when chosen (and then really pushed to this phone), and a ward's
alerts for a signed-in resident, stopped from Your alerts."""
import json

from playwright.sync_api import expect

from tests.alerts.test_alerts_end_to_end import wait_for
from tests.support.push_service import PushService
from tests.web.browser import Browser, check_accessible
from tests.web.journeys import heading, sign_in

HEWORTH = {"latitude": 53.9665, "longitude": -1.0690}
TANG_HALL = {"latitude": 53.9600, "longitude": -1.0550}
COUNT_ASKS = """
window.permissionAsks = 0;
const ask = Notification.requestPermission.bind(Notification);
Notification.requestPermission = () => { window.permissionAsks += 1; return ask(); };
"""
# Chromium's own push service is on the internet, which this machine cannot
# reach; the page is given a subscription of the local push service instead
# (a real Web Push endpoint: it checks VAPID and decrypts what it gets).
PUSH_SHIM = COUNT_ASKS + """
PushManager.prototype.getSubscription = async () => null;
PushManager.prototype.subscribe = async function (options) {
  window.subscribedWithKey = btoa(String.fromCharCode(...new Uint8Array(options.applicationServerKey)))
    .replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  const subscription = SUBSCRIPTION;
  return {endpoint: subscription.endpoint, toJSON: () => subscription};
};
"""


def test_an_email_area_alert_starts_from_its_link_and_stops_from_its_unsubscribe_link(chromium, stack):
    phone = Browser(chromium, stack, geolocation=HEWORTH)
    phone.context.add_init_script(COUNT_ASKS)
    try:
        page = phone.new_page()
        page.goto("/alerts")
        heading(page, "Alerts")
        check_accessible(page, "alerts")
        page.get_by_role("link", name="New problems reported near a place").click()
        heading(page, "New problems reported near a place")
        page.get_by_role("button", name="Use my current location").click()
        page.get_by_label("How far around it?").select_option(label="Within 250 metres")
        page.get_by_label("Email", exact=True).check()
        page.get_by_label("Email address").fill("neighbour@example.org")
        check_accessible(page, "alerts: new area alert")
        page.get_by_role("button", name="Set up alert").click()
        heading(page, "Check your email")
        assert page.evaluate("() => window.permissionAsks") == 0  # e-mail asks nothing of the phone

        page.goto(stack.link_in_mail("neighbour@example.org", "/alerts/confirm"))
        heading(page, "Your alert is on")
        expect(page.locator(".panel")).to_contain_text("New problems within 250 m of a place")
        check_accessible(page, "alerts: confirmed")

        made = stack.report(lat=HEWORTH["latitude"], lon=HEWORTH["longitude"], description="Pothole for the neighbours")

        def told():
            """the neighbour is mailed about the new report"""
            return any(made["id"] in m.body for m in stack.mail_to("neighbour@example.org"))
        wait_for(told)
        page.goto(stack.link_in_mail("neighbour@example.org", "/alerts/unsubscribe"))
        heading(page, "Stop these alerts")
        check_accessible(page, "alerts: unsubscribe")
        page.get_by_role("button", name="Stop these alerts").click()
        heading(page, "Alerts stopped")
        page.reload()
        expect(page.locator("#screen")).to_contain_text("These alerts are already stopped.")
    finally:
        phone.close()


def phone_with_push(chromium, stack, push_service, geolocation):
    """(a phone whose pushes go to the local push service, its subscription there)."""
    subscriber = push_service.subscribe(application_server_key=stack.get("/v1/push/vapid-public-key")["public_key"])
    phone = Browser(chromium, stack, geolocation=geolocation, permissions=["geolocation", "notifications"],
                    service_workers="allow")
    phone.context.add_init_script(PUSH_SHIM.replace("SUBSCRIPTION", json.dumps(subscriber.subscription)))
    return phone, subscriber


def test_push_is_asked_for_only_when_chosen_and_the_council_pushes_to_this_phone(chromium, stack):
    key = stack.get("/v1/push/vapid-public-key")["public_key"]
    with PushService() as push_service:
        phone, subscriber = phone_with_push(chromium, stack, push_service, TANG_HALL)
        try:
            page = phone.new_page()
            page.goto("/alerts/new?kind=area")
            page.wait_for_function("() => navigator.serviceWorker.controller !== null")
            page.get_by_role("button", name="Use my current location").click()
            expect(page.get_by_label("Notifications on this phone")).to_be_checked()
            assert page.evaluate("() => window.permissionAsks") == 0
            page.get_by_role("button", name="Set up alert").click()
            heading(page, "Alert set up")
            assert page.evaluate("() => [window.permissionAsks, window.subscribedWithKey]") == [1, key]

            made = stack.report(lat=TANG_HALL["latitude"], lon=TANG_HALL["longitude"], description="Pushed pothole")

            def pushed():
                """the council's push reaches this phone's subscription"""
                return [r.payload for r in push_service.received if r.endpoint == subscriber.endpoint]
            [payload] = wait_for(pushed)
            assert payload["report_id"] == made["id"] and payload["url"].endswith(f"/?report={made['id']}")

            page.get_by_role("link", name="Your alerts").click()
            card = page.locator("#my-alerts .card")
            expect(card).to_contain_text("New problems within 500 m of a place")
            expect(card).to_contain_text("Notifications on this phone")
            card.get_by_role("button", name="Stop").click()
            expect(page.locator("#my-alerts")).to_have_count(0)
        finally:
            phone.close()


def test_a_signed_in_resident_follows_their_ward_and_its_new_petitions_and_stops_it_from_their_alerts(browser):
    resident = browser.stack.resident("ward-watcher@example.org")
    page = browser.new_page()
    sign_in(page, resident, "/alerts/new?kind=ward")
    heading(page, "New problems reported in a ward")
    page.get_by_label("Postcode").fill("YO1 7HH")
    page.get_by_role("button", name="Find", exact=True).click()
    expect(page.locator("#screen")).to_contain_text("Ward: Micklegate.")
    page.get_by_label("Email", exact=True).check()
    expect(page.get_by_label("Email address")).to_have_value(resident)  # the account's own, confirmed at once
    page.get_by_label("New petitions here").check()  # new petitions in the ward too
    page.get_by_role("button", name="Set up alert").click()
    heading(page, "Alert set up")
    page.get_by_role("link", name="Your alerts").click()
    expect(page.locator("#my-alerts")).to_contain_text("New problems in ward Micklegate and new petitions")
    check_accessible(page, "alerts: yours")
    page.locator("#my-alerts").get_by_role("button", name="Stop").click()
    expect(page.locator("#screen")).to_contain_text("You have no alerts yet.")


def test_a_meeting_notices_stop_link_says_it_stops_those_notices_alone_before_and_after(chromium, stack):
    from chalicelib.handlers.alerts.subscriptions import meeting_notices_token
    email = "rita.reporter@example.org"
    stack.resident(email, name="Rita Reporter")
    made = stack.report(lat=HEWORTH["latitude"], lon=HEWORTH["longitude"], description="Pothole on Rita's road")
    stack.post("/v1/alerts", {"kind": "report", "report_id": made["id"], "channels": ["email"]}, stack.token(email))
    (alert,) = [a for a in stack.deps().alerts.with_email(email) if (a.target or {}).get("report_id") == made["id"]]
    what = f"report {made['id']}"
    phone = Browser(chromium, stack)
    try:
        page = phone.new_page()
        page.goto(f"/alerts/unsubscribe?token={meeting_notices_token(alert.id)}")  # as a meeting notice links it
        heading(page, "Stop council meeting notices")
        expect(page.locator("#unsubscribe-about")).to_have_text(
            f"Because of your alerts about {what}, we tell you when a council meeting's agenda has an item about "
            f"it. This stops those meeting notices only: your alerts about {what} carry on.")
        check_accessible(page, "alerts: stop meeting notices")
        page.get_by_role("button", name="Stop these meeting notices").click()
        heading(page, "Meeting notices stopped")
        expect(page.locator("#unsubscribe-done")).to_have_text(
            f"You will get no more notices of council meetings because of {what}. Your alerts about {what} carry "
            f"on: you will still hear of it.")
        kept = stack.deps().alerts.get(alert.id)
        assert kept is not None and kept.meeting_notices_stopped  # the report's own alert goes on
        page.reload()
        expect(page.locator("#unsubscribe-about")).to_have_text(
            f"Meeting notices from your alerts about {what} are already stopped. Your alerts about {what} carry on.")
    finally:
        phone.close()
