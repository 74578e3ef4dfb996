"""School places on a phone and at the admissions desk (issue 82's Done-means): a York parent applies
for three schools and changes the application until the closing date (a change made meanwhile elsewhere
is refused, not overwritten); a York parent tells Doorstep their child starts school next September,
applies for three schools from the telling (what was told filled in), and on offer day, the run chosen
for it released by the schedule, is offered the third with a place on the waiting lists of the two
ranked higher (both full of children their criteria put first), told by e-mail and text, accepts it and
appeals; a North Lanarkshire parent is told the catchment school, awarded the clothing grant and free
school meals with no form, and makes a placing request with Scotland's dates.

The moment is pinned on the school places' own `deps.clock` (the handlers' clock, as taking part's
journeys pin theirs), not by moving the process's time: the stack's other workers long-poll moto's
SQS to wall-clock moments."""
import json
import types
import urllib.request
import uuid
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.desk import Officer, desk, screen  # noqa: F401 (desk: a fixture)
from tests.web.journeys import effect_held_back, heading, sign_in
from tests.web.test_scottish_council_tax import campbells_linked
from tests.web.test_scottish_council_tax import north_lanarkshire_office  # noqa: F401 (a fixture: its back office)

LONDON = ZoneInfo("Europe/London")
BEFORE_CLOSING = datetime(2026, 12, 1, 12, 0, tzinfo=LONDON)  # round 2027-primary closes Friday 15 January 2027
OFFER_EVE = datetime(2027, 4, 15, 23, 59, tzinfo=LONDON)
OFFER_DAY = datetime(2027, 4, 16, 8, 0, tzinfo=LONDON)  # Friday 16 April 2027
CONEY_STREET = "990000000017"  # in Minster View's catchment, 402 m from it: after the 16 nearer homes
MICKLEGATE = [f"9900000000{n:02d}" for n in range(1, 17)]  # Minster View's catchment, 90 to 216 m away
BOOTHAM = [f"9900000000{n:02d}" for n in range(49, 65)]  # Bootham Primary's catchment


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now.astimezone(timezone.utc)


@pytest.fixture
def clock(stack, monkeypatch):
    """School places' handlers read this clock; everything else keeps the real time."""
    from chalicelib.api import http
    from chalicelib.handlers.schools import routes
    pinned = Clock(BEFORE_CLOSING)
    shim = types.SimpleNamespace(**{name: getattr(http, name) for name in dir(http) if not name.startswith("__")})
    shim.deps = lambda: http.deps().replace(clock=pinned)
    monkeypatch.setattr(routes, "http", shim)
    return pinned


def put(stack, path, body, headers):
    request = urllib.request.Request(stack.url + path, data=json.dumps(body).encode(), method="PUT",
                                     headers={"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def the_child(page, name, born):
    page.get_by_label("Your child's full name").fill(name)
    for part, value in zip(("Day", "Month", "Year"), born):
        page.get_by_label(part, exact=True).fill(value)


def fill_application(page, child, born, postcode, uprn, schools):
    page.get_by_label(child["round"]).check()
    the_child(page, child["name"], born)
    page.get_by_label("postcode or street").fill(postcode)
    page.get_by_role("button", name="Find addresses").click()
    page.get_by_label("Choose your home").select_option(uprn)
    for rank, school in zip(("First", "Second", "Third"), schools):
        page.get_by_label(f"{rank} preference").select_option(label=school)


def test_a_parent_applies_for_three_schools_and_changes_them_until_the_closing_date(browser, clock):
    email = browser.stack.resident(f"school.parent.{uuid.uuid4().hex[:6]}@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path="/")
    page.get_by_role("link", name="School places").click()
    heading(page, "School places")
    page.get_by_role("link", name="Apply for a school place").click()
    heading(page, "Apply for a school place")
    expect(page.locator("#school-closing")).to_contain_text("Friday 15 January 2027")
    fill_application(page, {"round": "Starting primary school in 2027", "name": "Nell Harper"},
                     ("3", "11", "2022"), "YO23 1AA", "990000000257",
                     ("Bishopthorpe Infant School", "Ouse Bank Primary School", "Minster View Primary School"))
    page.get_by_label("A brother or sister at this school: their name").first.fill("Tom Harper")
    page.get_by_label("Their year group").first.fill("Year 2")
    check_accessible(page, "school application")
    page.get_by_role("button", name="Send the application").click()

    heading(page, "Nell Harper's school place")
    expect(page.locator("#school-choices li")).to_have_text(["Bishopthorpe Infant School with Tom Harper",
                                                             "Ouse Bank Primary School", "Minster View Primary School"])
    expect(page.locator("#school-offer")).to_contain_text("Offers are made on Friday 16 April 2027")
    expect(page.locator("#school-dates")).to_contain_text("SI 2012/8 Sch. 2 para 2(2)(a)")
    check_accessible(page, "school application page")

    page.get_by_role("link", name="Change the application").click()
    heading(page, "Change your application")
    page.get_by_label("Third preference").select_option(label="No school")
    page.get_by_role("button", name="Save the change").click()
    heading(page, "Nell Harper's school place")
    expect(page.locator("#school-choices li")).to_have_count(2)

    # Opened to change; meanwhile the same parent changes it on another phone: this one's change is refused.
    page.get_by_role("link", name="Change the application").click()
    heading(page, "Change your application")
    app_id = page.url.split("/")[-2]
    mine = browser.stack.token(email)
    found = browser.stack.get(f"/v1/me/school-applications/{app_id}", mine)
    other = {"round": "2027-primary", "child": found["child"], "home_uprn": found["home"]["uprn"],
             "preferences": [{"school_id": "bishopthorpe-infant"}]}
    put(browser.stack, f"/v1/me/school-applications/{app_id}", other, {**mine, "If-Match": f'"{found["version"]}"'})
    page.get_by_role("button", name="Save the change").click()
    expect(page.locator(".error-summary")).to_contain_text("changed since you opened it")

    clock.now = BEFORE_CLOSING.replace(year=2027, month=1, day=16, hour=0, minute=30)  # London's 16 January
    page.goto(f"/schools/{app_id}")
    heading(page, "Nell Harper's school place")
    expect(page.locator("#school-change")).to_have_count(0)
    page.goto(f"/schools/{app_id}/change")
    expect(page.locator("#screen")).to_contain_text("not taking applications or changes")


def full_schools(stack, round_id):
    """Bootham Primary's 30 places to children of its catchment, Minster View's to 30 of its own nearer
    than Coney Street (two to a home), each their one school: the criteria put each before our child."""
    deps = stack.deps()
    now = deps.clock()
    for school, homes in (("bootham-primary", BOOTHAM), ("minster-view-primary", MICKLEGATE)):
        for n in range(30):
            place = deps.addresses.get(homes[n % len(homes)])
            app_id = f"SA-{school[:3].upper()}{uuid.uuid4().hex[:7].upper()}"
            deps.school_applications.create({
                "id": app_id, "user_id": f"u-{app_id}", "round": round_id, "created_at": now, "email": None,
                "child": {"name": f"Child {n}", "date_of_birth": "2022-10-01"}, "looked_after": None,
                "home": {"uprn": place.uprn, "address": place.text, "lat": place.lat, "lon": place.lon},
                "preferences": [{"rank": 1, "school_id": school}]})


def tell_starting_school(page, name, born, postcode, uprn, start):
    """The event told from the home screen (signed in, back there): the child, the date of birth, the home and
    the school year."""
    page.get_by_role("link", name="My child is starting school").click()
    heading(page, "My child is starting school")
    the_child(page, name, born)
    page.get_by_label("postcode or street").fill(postcode)
    page.get_by_role("button", name="Find addresses").click()
    page.get_by_label("Choose your home").select_option(uprn)
    page.get_by_label(start).check()
    check_accessible(page, "starting school")
    page.get_by_role("button", name="Tell us").click()
    heading(page, f"{name} is starting school")


def test_a_parent_whose_phone_remembers_their_home_tells_and_applies_with_the_home_the_page_shows(browser, clock):
    """The account has no home; this phone remembers one (a bin day looked up here): each page shows it as
    the home, so it is the one sent, with no search (before, both were refused: choose your home)."""
    stack = browser.stack
    place = stack.deps().addresses.get(CONEY_STREET)
    email = stack.resident(f"school.phone.{uuid.uuid4().hex[:6]}@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path="/")
    page.evaluate("place => localStorage.setItem('doorstep.property', JSON.stringify(place))",
                  {"uprn": place.uprn, "address": place.text})
    page.goto("/starting-school")
    heading(page, "My child is starting school")
    expect(page.locator("#school-home")).to_contain_text("1 Coney Street")
    the_child(page, "Ivy Marsh", ("3", "11", "2022"))
    page.get_by_label("Starting primary school in 2027").check()
    page.get_by_role("button", name="Tell us").click()
    heading(page, "Ivy Marsh is starting school")
    page.goto("/schools/apply")
    heading(page, "Apply for a school place")
    expect(page.locator("#school-home")).to_contain_text("1 Coney Street")
    the_child(page, "Ivy Marsh", ("3", "11", "2022"))
    page.get_by_label("First preference").select_option(label="Minster View Primary School")
    page.get_by_role("button", name="Send the application").click()
    heading(page, "Ivy Marsh's school place")


def test_a_york_parent_tells_of_a_child_starting_school_applies_for_three_and_on_offer_day_is_offered_one(
        browser, desk, clock):  # noqa: F811
    """York's Done-means: told once, next September; three schools; on offer day (the stack's clock
    moved) one offer, and a place on the waiting lists of the two ranked higher."""
    stack = browser.stack
    full_schools(stack, "2027-primary")
    email = stack.resident(f"school.offer.{uuid.uuid4().hex[:6]}@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path="/")
    tell_starting_school(page, "Ada Hartley", ("3", "11", "2022"), "YO1 3LX", CONEY_STREET,
                         "Starting primary school in 2027")
    parts = page.locator("#starting-parts")
    expect(parts.locator("[data-part='school_place']")).to_contain_text("by Friday 15 January 2027")
    expect(parts.locator("[data-part='free_school_meals']")).to_contain_text("apply if you get a qualifying benefit")
    expect(parts.locator("[data-part='transport'][data-state='not_eligible']")).to_contain_text(
        "0.4 km (0.2 miles) from your home, within the 2 miles walking distance")
    check_accessible(page, "starting school page")
    telling = page.url
    page.get_by_role("link", name="Apply for a school place").click()
    heading(page, "Apply for a school place")
    expect(page.get_by_label("Your child's full name")).to_have_value("Ada Hartley")  # what was told, filled in
    expect(page.locator("#school-home")).to_contain_text("1 Coney Street")
    for rank, school in zip(("First", "Second", "Third"), ("Bootham Green Primary School", "Minster View Primary School",
                                                           "Ouse Bank Primary School")):
        page.get_by_label(f"{rank} preference").select_option(label=school)
    page.get_by_label("A mobile number for a text on offer day").fill("07700 900333")
    page.get_by_role("button", name="Send the application").click()
    heading(page, "Ada Hartley's school place")
    app_url = page.url

    clock.now = OFFER_EVE
    Officer(stack, "admissions.desk@example.org")
    office = desk.new_page()
    sign_in(office, "admissions.desk@example.org", next_path="/staff/admissions")
    heading(office, "School admissions")
    office.get_by_role("button", name="Run the allocation").click()
    run = office.locator("section[data-run]")
    expect(run).to_have_count(1)
    expect(run.locator("tr", has_text="Bootham Green Primary School")).to_contain_text("30")
    office.locator("button[id^=release-]").click()
    expect(office.locator("#admissions-notice")).to_contain_text("can be released from Friday 16 April 2027")
    office.get_by_role("button", name="Release these offers on offer day").click()
    expect(office.locator("#admissions-scheduled")).to_contain_text("on offer day, Friday 16 April 2027")
    page.goto(app_url)
    expect(page.locator("#school-offer")).to_contain_text("Offers are made on")  # nobody sees it early

    clock.now = OFFER_DAY
    from chalicelib.handlers.schools.releasing import release_due
    assert release_due(stack.deps().replace(clock=clock)) == {"released": 1}  # the schedule's turn on offer day
    office.reload()
    expect(office.locator("#admissions-released")).to_contain_text("by the schedule, on offer day")
    expect(office.locator("button[id^=release-]")).to_have_count(0)
    screen(office, "staff-admissions")
    told = stack.mail_once(email, "Your school place offer")
    assert len(told) == 1 and app_url.rsplit("/", 1)[1] in told[0].body
    texts = stack.once(lambda: [m for m in stack.mail_to("+447700900333") if m.channel == "sms"], "the text")
    assert len(texts) == 1 and texts[0].body.startswith("Ada Hartley is offered a place at Ouse Bank")

    page.goto(app_url)
    expect(page.locator("#school-offer")).to_have_text(
        "Ada Hartley is offered a place at Ouse Bank Primary School, your third preference.")
    expect(page.locator("#school-waiting li")).to_have_text([
        "Ada Hartley is number 1 on the waiting list for Bootham Green Primary School.",
        "Ada Hartley is number 1 on the waiting list for Minster View Primary School."])
    expect(page.locator("#school-answer")).to_contain_text("by Friday 30 April 2027")
    check_accessible(page, "school offer")
    page.get_by_role("button", name="Accept the place").click()
    expect(page.locator("#school-answer")).to_have_text("You accepted the place at Ouse Bank Primary School.")
    expect(page.locator("#school-appeal")).to_contain_text("Appeals are due by")
    page.get_by_label("The school you appeal for").select_option(label="Minster View Primary School")
    page.get_by_label("Why your child should have a place there").fill("Her childminder lives on Minster Yard.")
    page.get_by_role("button", name="Send the appeal").click()
    expect(page.locator("#school-appeals")).to_contain_text("You appealed for Minster View Primary School")

    # The officer reads the application for a caller: the child, the evidence and the read kept in its audit.
    page.goto(telling)  # the event's page says where the place stands
    expect(page.locator("[data-part='school_place'][data-state='offered']")).to_contain_text(
        "offered a place at Ouse Bank Primary School")

    office.goto("/staff/admissions")
    office.get_by_label("Application reference").fill(app_url.rsplit("/", 1)[1].lower())
    office.get_by_label("Why you are looking").fill("Parent called about the appeal")
    office.get_by_role("button", name="Look up").click()
    expect(office.locator("#admissions-application")).to_contain_text("Her childminder lives on Minster Yard.")
    expect(office.locator("#admissions-audit tbody tr")).to_have_count(1)


def test_a_north_lanarkshire_parent_is_told_the_catchment_school_awarded_the_grant_and_makes_a_placing_request(
        browser, clock, north_lanarkshire_office, monkeypatch):  # noqa: F811
    """North Lanarkshire's Done-means, at its own address: the Campbells' council tax account (linked) shows
    a current council tax reduction claim, so the clothing grant and free school meals are awarded with no
    form; the catchment school is told with its enrolment date, and a placing request for another school
    says when it will be answered (Scotland's dates). The awards are made after the page is shown, as on a
    busy day, and appear on it with no reload."""
    from chalicelib.handlers.schools import awards
    page, base = campbells_linked(browser, f"campbell.{uuid.uuid4().hex[:6]}@example.org")
    page.goto(f"{base}/")
    parts = page.locator("#starting-parts")
    with effect_held_back(monkeypatch, awards, "on_told") as released:
        tell_starting_school(page, "Isla Campbell", ("14", "6", "2022"), "ML1 3BY", "990200000001",
                             "Starting primary school in 2027")
        expect(parts.locator("[data-part='clothing_grant'][data-state='checking']")).to_contain_text(
            "we are checking our benefits records")
        released.set()
    expect(parts.locator("[data-part='catchment_school']")).to_contain_text(
        "Isla Campbell's catchment school is Motherwell West Primary School. Enrol there from Tuesday 12 January 2027.")
    expect(parts.locator("[data-part='clothing_grant'][data-state='awarded']")).to_contain_text("£120.00")
    expect(parts.locator("[data-part='free_school_meals'][data-state='awarded']")).to_contain_text(
        "there is no form to fill in")
    expect(parts.locator("[data-part='clothing_grant'] a")).to_have_count(0)  # no form offered
    expect(parts.locator("[data-part='placing_request']")).to_contain_text(
        "Requests received by Monday 15 March 2027 are answered by Friday 30 April 2027")
    telling = page.url
    page.get_by_role("link", name="Make a placing request").click()
    heading(page, "Apply for a school place")
    expect(page.get_by_label("Your child's full name")).to_have_value("Isla Campbell")
    # One school to name: said as one, not "up to 1 schools"
    expect(page.locator("#school-preferences")).to_contain_text("Name the school you would like your child to go to.")
    page.get_by_label("First preference").select_option(label="Coursington Primary School")
    page.get_by_role("button", name="Send the application").click()
    heading(page, "Isla Campbell's school place")
    expect(page.locator("#school-placing")).to_contain_text("We will answer your placing request by Friday 30 April 2027")
    expect(page.get_by_role("heading", name="Appeals")).to_have_count(0)  # nothing to appeal yet: no empty heading
    page.goto(telling)
    expect(page.locator("[data-part='placing_request'][data-state='waiting']")).to_contain_text("Friday 30 April 2027")
