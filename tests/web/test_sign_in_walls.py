"""Sign-in walls: every screen that sends a resident to sign in has its own
reason on the sign-in page (web/js/walls.js, words in the catalogue), found
from the place the resident was going, where signing in takes them back."""
import json
import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"
# Each screen that asks for an account, and a place in it a resident could be going.
PLACES = {
    "screens/bulky.js": ("/bulky?uprn=100050535540", "bulky"),
    "screens/bulky-booking.js": ("/bulky/bookings/b-123", "bulky_booking"),
    "screens/bulky-change.js": ("/bulky/bookings/b-123/change", "bulky_change"),
    "screens/garden.js": ("/garden?uprn=100050535540", "garden"),
    "screens/garden-subscription.js": ("/garden/subscriptions/100050535540/2026-27", "garden_subscription"),
    "screens/missed-bin.js": ("/missed-bin?uprn=100050535540", "missed_bin"),
    "screens/containers.js": ("/containers?uprn=100050535540", "containers"),
    "screens/hire.js": ("/hire/bookings/HB-7K3F9Q", "hire"),
    "screens/petitions.js": ("/petitions/new", "petition_new"),
    "screens/my-reports.js": ("/account/reports", "my_reports"),
    "screens/track.js": ("/account/reports", "my_reports"),
    "screens/council-tax.js": ("/account/council-tax", "council_tax"),
    "screens/my-meetings.js": ("/account/meetings", "my_meetings"),
    "screens/account-delete.js": ("/account/delete", "account_delete"),
    "screens/account.js": ("/account", "account"),
    "report/contact.js": ("/report/contact", "report"),
    "screens/alerts.js": ("/alerts", "alerts"),
    "screens/appointments.js": ("/appointments?service=housing-options", "appointments"),
    "screens/forms.js": ("/forms", "forms"),
    "screens/taking-part.js": ("/meetings/2101/items/210102/speak", "speak"),
    "screens/meeting-live.js": ("/meetings/2101/live", "live_question"),
    "staff/desk.js": ("/staff/reports", "staff"),
    "crew/crew.js": ("/crew", "crew"),
    "landlords/portal.js": ("/landlords/runs", "landlords"),
    "screens/repairs.js": ("/repairs/RP-7K3F9Q", "repairs"),
    "screens/repair-report.js": ("/repairs/new", "repairs"),
    "screens/moving.js": ("/moving", "moving"),
    "screens/moving-page.js": ("/moving/MV-7K3F9Q", "moving"),
    "screens/schools.js": ("/schools/apply", "schools"),
    "screens/school-page.js": ("/schools/SA-7K3F9Q2M4N", "schools"),
    "screens/starting-school.js": ("/starting-school", "starting"),
    "screens/starting-school-page.js": ("/starting-school/ST-7K3F9Q2M4N", "starting"),
    "screens/business.js": ("/business", "business"),
    "screens/licensing.js": ("/licensing/apply/temporary-event-notice", "licensing"),
}


# Links to sign in that are no wall: the home page's, and those carrying a wall's place on.
NOT_WALLS = {"services.js", "screens/register.js", "screens/account-links.js"}


def walls():
    text = (WEB / "js" / "walls.js").read_text()
    return [(re.compile(pattern.replace("\\/", "/")), key)
            for pattern, key in re.findall(r"\[/(.+?)/, \"(\w+)\"\]", text)]


def reason(place):
    return next((key for pattern, key in walls() if pattern.search(place)), None)


def test_every_screen_that_asks_for_an_account_is_listed_here():
    asking = {p.relative_to(WEB / "js").as_posix() for p in (WEB / "js").rglob("*.js")
              if "/sign-in?next=" in p.read_text()}
    assert asking - NOT_WALLS == set(PLACES)


def test_each_place_behind_a_wall_has_its_own_reason_in_the_catalogue():
    catalogue = json.loads((WEB / "messages" / "en.json").read_text())
    for screen, (place, expected) in PLACES.items():
        assert reason(place) == expected, (screen, place, reason(place))
        assert catalogue.get(f"sign_in.why.{expected}", "").startswith("Sign in"), expected


def test_a_place_that_is_only_like_a_walled_one_gets_no_reason_of_its_own():
    assert reason("/bulky-waste-prices") is None and reason("/accounts-of-the-council") is None
    assert reason("/property?uprn=1") is None and reason("/") is None


def test_the_sign_in_page_names_the_reason_and_goes_back_to_the_place():
    sign_in = (WEB / "js" / "screens" / "sign-in.js").read_text()
    assert "wallReason(safeNext(params))" in sign_in and "navigate(params.get(\"next\")" in sign_in
    register = (WEB / "js" / "screens" / "register.js").read_text()
    assert "keepPlace(next)" in register and "why(params)" in register


def test_the_entry_screens_built_elsewhere_have_their_reasons_ready():
    catalogue = json.loads((WEB / "messages" / "en.json").read_text())
    for place, expected in (("/pay", "pay"), ("/pay?for=x", "pay"), ("/forms/skip-permit", "forms"),
                            ("/appointments", "appointments"), ("/meetings/2101/items/210102/question", "question")):
        assert reason(place) == expected and catalogue[f"sign_in.why.{expected}"].startswith("Sign in"), place
    assert reason("/payments-policy") is None and reason("/meetings/2101") is None
