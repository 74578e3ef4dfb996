"""Taking part in a meeting, on the screens: a resident registers to speak
against a planning item before the deadline (told it in words first), an
officer accepts them and the chair's printable list shows them; a
registration a minute after the deadline is refused with the deadline in
words; a speaker withdraws by the link in their e-mail (My Account shows
it); a written question counts its words as it is typed and is published
with its answer once the meeting has begun; a declined speaker is told why
and the chair adds a late one; an officer marks items live during the
meeting and afterwards a resident goes from the agenda item to that minute
of the recording; chapters YouTube would refuse are refused on the desk.

The moment is pinned on taking part's own `deps.clock` (the handlers' clock,
as tests/participation pin it), not by moving the process's time: the stack
in this process long-polls moto's SQS, whose wait ends at a wall-clock
moment, so a jump of the wall clock would hold the alert worker (and every
later test's e-mail) until real time caught up."""
import csv
import io
import re
import types
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from support.participation_support import LONDON, PLANNING, item, planning_rules
from tests.web.browser import Browser, check_accessible
from tests.web.desk import DESKTOP, screen
from tests.web.journeys import heading, sign_in

# A planning committee on Monday 7 December 2026 at 6pm: registration to speak closes at 5pm on
# Thursday 3 December, written questions at noon on Wednesday 2 December (York's and Guildford's rules).
DAY, CLOSES = "2026-12-07", datetime(2026, 12, 3, 17, 0, tzinfo=LONDON)
HEADING, APPLICATION, APPEALS = "0", "1", "2"  # item ids, each test's own meeting prefixing them
WEBCAST = "https://webcast.example/{meeting_id}"


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now.astimezone(timezone.utc)


@pytest.fixture
def clock(stack, monkeypatch):
    """Taking part's handlers read this clock; everything else keeps the real time."""
    from chalicelib.api import http
    from chalicelib.handlers.participation import routes
    pinned = Clock(CLOSES - timedelta(days=3))
    shim = types.SimpleNamespace(**{name: getattr(http, name) for name in dir(http) if not name.startswith("__")})
    shim.deps = lambda: http.deps().replace(clock=pinned)
    monkeypatch.setattr(routes, "http", shim)
    return pinned


def planning_meeting(stack, meeting_id):
    """A planning committee's meeting of our own (ids no other test uses), as the sync would keep it."""
    ids = {k: f"{meeting_id}{k}" for k in (HEADING, APPLICATION, APPEALS)}
    planning_rules(stack.deps())
    stack.deps().democracy.save_meeting({
        "id": meeting_id, "committee_id": PLANNING, "committee_title": "Planning Committee",
        "date": DAY, "time": "18:00", "location": "West Offices", "agenda_published": True,
        "items": [item(ids[HEADING], "", "Applications", speak=False, heading=True),
                  item(ids[APPLICATION], "4a", "Land at Acomb Road: 40 homes"),
                  item(ids[APPEALS], "5", "Appeals performance", speak=False)]})
    return ids


def speak_form(page, meeting_id, email):
    sign_in(page, email, f"/meetings/{meeting_id}")
    heading(page, "Planning Committee")
    expect(page.locator("#speak-deadline")).to_contain_text(
        "You can register to speak on the items marked below until 5pm on Thursday 3 December 2026.")
    for link in page.locator(".take-part-links a").all():  # each a 44 px target on a phone
        assert link.bounding_box()["height"] >= 44, link.inner_text()
    page.get_by_role("link", name="Register to speak on Land at Acomb Road: 40 homes").click()
    heading(page, "Register to speak")
    expect(page.locator("#speak-deadline")).to_have_text("Registration closes at 5pm on Thursday 3 December 2026.")


def fill_against(page, name):
    page.get_by_label("Your full name").fill(name)
    page.get_by_label("Against").check()
    page.get_by_label("In person").check()
    page.get_by_label("A hearing loop").check()


@contextmanager
def officer_at(chromium, stack, email, name, path, title):
    """An officer of democratic services signed in on a desk screen, at an office computer's size."""
    stack.resident(email, name=name, role="staff")
    desk = Browser(chromium, stack, **DESKTOP)
    try:
        officer = desk.new_page()
        sign_in(officer, email, path)
        heading(officer, title)
        yield officer
    finally:
        desk.close()


def test_a_resident_registers_against_before_the_deadline_and_the_chairs_list_shows_them_once_accepted(
        browser, chromium, stack, clock):
    planning_meeting(stack, "9101")
    stack.resident("ada.speaker@example.org", name="Ada Lovelace")
    page = browser.new_page()
    speak_form(page, "9101", "ada.speaker@example.org")
    expect(page.get_by_label("Your full name")).to_have_value("Ada Lovelace")  # from the account
    check_accessible(page, "register to speak")
    page.get_by_role("button", name="Register to speak").click()
    expect(page.locator(".error-summary")).to_contain_text(
        "Select whether you want to speak for or against the application")
    fill_against(page, "Ada Lovelace")
    page.get_by_role("button", name="Register to speak").click()
    heading(page, "You are registered to speak")
    expect(page.locator(".summary-list")).to_contain_text("Against")
    check_accessible(page, "registered to speak")

    with officer_at(chromium, stack, "clerk@council.example", "Dee Services", "/staff/meetings/9101",
                    "Speakers") as officer:
        for link in officer.locator(".meeting-links a").all():
            assert link.bounding_box()["height"] >= 44, link.inner_text()
        card = officer.locator(".registration", has_text="Ada Lovelace")
        expect(card).to_contain_text("ada.speaker@example.org")  # the desk can reach the speaker
        expect(card).to_contain_text("To decide")
        screen(officer, "desk-meeting-speakers")
        card.get_by_role("button", name="Accept Ada Lovelace").click()
        expect(officer.locator("#decided")).to_have_text("Ada Lovelace is accepted and has been told.")
        expect(card).to_contain_text("Accepted")
        with officer.expect_download() as saved:
            officer.get_by_role("button", name="Download the speakers' list (CSV)").click()
        rows = list(csv.reader(io.StringIO(saved.value.path().read_text())))
        assert any("Ada Lovelace" in r and "against" in r and "accepted" in r for r in rows[1:])
        officer.get_by_role("link", name="Print the speakers' list for the chair").click()
        heading(officer, "Speakers: Planning Committee, Monday 7 December")
        chair = officer.locator("#chair-list")
        expect(chair.get_by_role("row", name=re.compile("Ada Lovelace"))).to_contain_text(
            re.compile("4a Land at Acomb Road: 40 homes.*Against.*In person.*A hearing loop.*3.*Accepted"))
        assert "ada.speaker@example.org" not in chair.inner_text()
        check_accessible(officer, "the chair's speakers' list")
        officer.emulate_media(media="print")  # on paper: the list alone
        expect(officer.locator(".desk-menu")).to_be_hidden()
        expect(officer.get_by_role("button", name="Print this list")).to_be_hidden()
        expect(chair).to_be_visible()


def test_a_registration_a_minute_after_the_deadline_is_refused_with_the_deadline_in_words(browser, stack, clock):
    planning_meeting(stack, "9102")
    stack.resident("bo.late@example.org", name="Bo Late")
    clock.now = CLOSES - timedelta(minutes=2)
    page = browser.new_page()
    speak_form(page, "9102", "bo.late@example.org")
    fill_against(page, "Bo Late")
    clock.now = CLOSES + timedelta(minutes=1)  # the form was open; the press comes a minute late
    page.get_by_role("button", name="Register to speak").click()
    expect(page.locator(".error-summary")).to_contain_text("Registration closed at 5pm on Thursday 3 December 2026.")
    heading(page, "Register to speak")
    page.reload()
    expect(page.locator("#speak-deadline")).to_have_text("Registration closed at 5pm on Thursday 3 December 2026.")
    expect(page.locator("#speak-form")).to_have_count(0)
    page.goto("/meetings/9102")
    expect(page.locator("#speak-deadline")).to_have_text("Registration to speak closed at 5pm on Thursday 3 December 2026.")
    expect(page.get_by_role("link", name=re.compile("Register to speak"))).to_have_count(0)


def test_a_speaker_withdraws_by_the_link_in_their_email_and_the_place_is_free_again(browser, stack, clock):
    ids = planning_meeting(stack, "9103")
    stack.resident("cy.withdraws@example.org", name="Cy Withdraws")
    page = browser.new_page()
    speak_form(page, "9103", "cy.withdraws@example.org")
    fill_against(page, "Cy Withdraws")
    page.get_by_role("button", name="Register to speak").click()
    heading(page, "You are registered to speak")
    page.goto("/account")
    mine = page.locator("#my-taking-part li", has=page.locator(f"a[href='/meetings/9103#item-{ids[APPLICATION]}']"))
    expect(mine.get_by_role("link", name="Planning Committee, Monday 7 December 2026 at 18:00: "
                                         "4a Land at Acomb Road: 40 homes")).to_be_visible()
    expect(mine).to_contain_text("Registered to speak on")
    expect(mine).to_contain_text("waiting for democratic services")
    expect(mine.get_by_role("link", name="Withdraw")).to_be_visible()
    page.goto("/meetings/9103")
    item_shown = page.locator(f"#item-{ids[APPLICATION]}")
    expect(item_shown.locator(".places-left")).to_have_text("2 places left to speak on this item")
    link = stack.once(lambda: [u for m in stack.mail_to("cy.withdraws@example.org")
                               for u in re.findall(r"https?://\S+", m.body) if "/meetings/speaking/withdraw" in u],
                      "the confirmation's withdraw link")[-1]
    page.goto(link)
    heading(page, "Withdraw your registration to speak")
    expect(page.locator("#withdraw-for")).to_have_text(  # which meeting and item, before the press
        "You are registered to speak at Planning Committee on Monday 7 December, "
        "on item 4a: Land at Acomb Road: 40 homes.")
    check_accessible(page, "withdraw from speaking")
    page.get_by_role("button", name="Withdraw").click()
    heading(page, "You have withdrawn")
    expect(page.locator("#withdrawn-from")).to_have_text(
        "From speaking at Planning Committee on Monday 7 December, on item 4a: Land at Acomb Road: 40 homes.")
    page.get_by_role("link", name="Back to the agenda").click()
    expect(item_shown.locator(".places-left")).to_have_text("3 places left to speak on this item")
    page.goto("/account")
    expect(mine).to_contain_text("withdrawn")
    expect(mine.get_by_role("link", name="Withdraw")).to_have_count(0)
    from chalicelib.storage.democracy.democracy import MeetingModel
    MeetingModel("9103").delete()  # gone from the committee system, and so from our copy
    page.goto("/account")
    gone = page.locator("#my-taking-part li", has_text="Registered to speak on")
    expect(gone).to_contain_text("withdrawn")  # still theirs, named by nothing and linked to no agenda
    expect(gone.get_by_role("link")).to_have_count(0)


def test_a_written_question_counts_its_words_as_they_are_typed_and_is_published_with_its_answer(
        browser, chromium, stack, clock):
    ids = planning_meeting(stack, "9104")
    stack.resident("di.asks@example.org", name="Di Asks")
    page = browser.new_page()
    sign_in(page, "di.asks@example.org", "/meetings/9104")
    expect(page.locator("#question-deadline")).to_have_text(
        "You can send a written question on any item until noon on Wednesday 2 December 2026, in up to 100 words.")
    page.get_by_role("link", name="Ask a written question on Land at Acomb Road: 40 homes").click()
    heading(page, "Ask a written question")
    expect(page.locator("#question-deadline")).to_have_text("Questions close at noon on Wednesday 2 December 2026.")
    counter = page.locator("#question-words")
    expect(counter).to_have_text("You have 100 words remaining")
    page.get_by_label("Which councillor is your question for?").fill("Cllr Jane Smith")
    page.get_by_label("Your question", exact=True).fill(" ".join(["homes"] * 103))
    expect(counter).to_have_text("You have 3 words too many")
    page.get_by_role("button", name="Send question").click()
    expect(page.locator(".error-summary")).to_contain_text("Your question must be 100 words or fewer: it has 103")
    check_accessible(page, "a written question, too long")
    page.get_by_label("Your question", exact=True).fill("How many of the 40 homes will be affordable?")
    expect(counter).to_have_text("You have 91 words remaining")
    page.get_by_role("button", name="Send question").click()
    heading(page, "Your question has been sent")

    stack.resident("hal.clerk@council.example", name="Hal Clerk", role="staff")
    desk = Browser(chromium, stack, **DESKTOP)
    try:
        officer = desk.new_page()
        sign_in(officer, "hal.clerk@council.example", "/staff/meetings/9104")
        officer.get_by_role("link", name="Written questions").click()
        heading(officer, "Written questions")
        asked = officer.locator(".desk-question", has_text="To Cllr Jane Smith, on 4a Land at Acomb Road: 40 homes")
        expect(asked).to_contain_text("Di Asks, di.asks@example.org (published as “A resident”)")
        asked.get_by_role("button", name="Save answer").click()
        expect(officer.locator(".error-summary")).to_contain_text("Enter Cllr Jane Smith's answer")
        asked.get_by_label("Cllr Jane Smith's answer").fill("Twelve of the 40.")
        asked.get_by_role("button", name="Save answer").click()
        expect(asked.get_by_role("status")).to_have_text("The answer is saved.")
        screen(officer, "desk-meeting-questions")
    finally:
        desk.close()
    page.goto("/meetings/9104")
    expect(page.locator("#speak-deadline")).to_be_visible()
    expect(page.locator(".written-question")).to_have_count(0)  # published once the meeting has begun
    clock.now = datetime(2026, 12, 7, 18, 0, tzinfo=LONDON)
    page.reload()
    published = page.locator(f"#item-{ids[APPLICATION]} .written-question")
    expect(published).to_contain_text("From A resident to Cllr Jane Smith")  # no consent: no name
    expect(published).to_contain_text("Twelve of the 40.")


def test_an_officer_marks_items_live_and_afterwards_a_resident_goes_from_the_item_to_its_minute(
        browser, chromium, stack, clock, monkeypatch):
    monkeypatch.setenv("DOORSTEP_WEBCAST_URL", WEBCAST)
    ids = planning_meeting(stack, "9105")
    stack.resident("eve.clerk@council.example", name="Eve Clerk", role="staff")
    started = datetime(2026, 12, 7, 18, 0, 30, tzinfo=LONDON)
    clock.now = started - timedelta(days=7)  # a week early: marking live is for the meeting's own day
    desk = Browser(chromium, stack, **DESKTOP)
    try:
        officer = desk.new_page()
        youtube_asked = []
        officer.on("request", lambda r: youtube_asked.append(r.url) if "youtube.txt" in r.url else None)
        sign_in(officer, "eve.clerk@council.example", "/staff/meetings/9105/webcast")
        heading(officer, "Webcast and chapters")
        expect(officer.locator("#live-window")).to_have_text(
            "Items can be marked as they start from 5pm on Monday 7 December 2026 until 6am on Tuesday 8 December "
            "2026. It is not that time now: the chapters can be set afterwards, below.")
        expect(officer.get_by_role("button", name="Now on Applications")).to_have_count(0)
        expect(officer.locator("#youtube-problems")).to_contain_text("YouTube needs at least 3 chapters; there are 0.")
        clock.now = started
        officer.reload()
        expect(officer.locator("#now-on")).to_have_text("Not marked live yet.")
        officer.get_by_role("button", name="Now on Applications").click()
        expect(officer.locator("#now-on")).to_have_text("Now on Applications, from 0:00.")
        clock.now = started + timedelta(minutes=4, seconds=5)
        officer.get_by_role("button", name="Now on 4a Land at Acomb Road: 40 homes").click()
        expect(officer.locator("#now-on")).to_have_text("Now on 4a Land at Acomb Road: 40 homes, from 4:05.")

        resident = browser.new_page()
        resident.goto("/meetings/9105")
        expect(resident.locator("#webcast")).to_contain_text("Now on item 4a Land at Acomb Road: 40 homes")
        check_accessible(resident, "a meeting live")

        # Afterwards: YouTube would refuse two chapters; a third, too close, is refused on the desk.
        clock.now = started + timedelta(hours=3)
        officer.reload()
        expect(officer.locator("#youtube-problems")).to_contain_text("YouTube would not show these chapters")
        assert youtube_asked == []  # not asked (and no 422 logged) while it could not be given
        officer.get_by_label("Chapter 3: item").select_option(label="5 Appeals performance")
        officer.get_by_label("Chapter 3: starts at").fill("4:09")
        officer.get_by_label("Chapter 1: starts at").fill("0:30")
        officer.get_by_role("button", name="Save chapters").click()
        summary = officer.locator(".error-summary")
        expect(summary).to_contain_text("The first chapter must start at 0:00: Applications starts at 0:30")
        expect(summary).to_contain_text("5 Appeals performance must start at least 10 seconds after "
                                        "4a Land at Acomb Road: 40 homes, which starts at 4:05")
        screen(officer, "desk-meeting-webcast-errors")
        summary.get_by_role("link", name=re.compile("first chapter")).click()
        expect(officer.get_by_label("Chapter 1: starts at")).to_be_focused()
        officer.get_by_label("Chapter 1: starts at").fill("0:00")
        officer.get_by_label("Chapter 3: starts at").fill("1:02:03")
        officer.get_by_role("button", name="Save chapters").click()
        expect(officer.locator("#chapters-saved")).to_have_text("The chapters are saved.")
        expect(officer.get_by_label("Paste this into the video's description")).to_have_value(
            "0:00 Applications\n4:05 4a Land at Acomb Road: 40 homes\n1:02:03 5 Appeals performance\n")
        assert len(youtube_asked) == 1  # asked once it could be given
    finally:
        desk.close()

    clock.now = started + timedelta(days=1)
    resident.route("https://webcast.example/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<!doctype html><title>The recording</title><h1>The recording</h1>"))
    resident.goto("/meetings/9105")
    item_shown = resident.locator(f"#item-{ids[APPLICATION]}")
    item_shown.get_by_role("link", name="Watch this item in the recording, from 4:05 on Land at Acomb Road: 40 homes").click()
    resident.wait_for_url("https://webcast.example/9105?t=245")


def test_chapters_naming_an_item_the_agenda_lost_meanwhile_are_refused_at_that_row_and_nothing_is_saved(
        chromium, stack, clock):
    """The desk checks the order; only the API knows the agenda changed under it (the sync dropped an
    item): its words, by the chapter's JSON path, land on the row the chapter came from."""
    ids = planning_meeting(stack, "9109")
    with officer_at(chromium, stack, "ivo.clerk@council.example", "Ivo Clerk", "/staff/meetings/9109/webcast",
                    "Webcast and chapters") as officer:
        expect(officer.get_by_label("Chapter 2: item")).to_have_value(ids[APPEALS])
        meeting = stack.deps().democracy.meeting("9109")
        stack.deps().democracy.save_meeting({**meeting, "items": meeting["items"][:2]})  # item 5 withdrawn
        officer.get_by_label("Chapter 1: starts at").fill("0:00")
        officer.get_by_label("Chapter 2: starts at").fill("4:05")
        officer.get_by_role("button", name="Save chapters").click()
        summary = officer.locator(".error-summary")
        expect(summary).to_contain_text(f"Chapter 2 names item {ids[APPEALS]}, which is not on this meeting's agenda")
        summary.get_by_role("link", name=re.compile("not on this meeting")).click()
        expect(officer.get_by_label("Chapter 2: item")).to_be_focused()
        expect(officer.locator("#chapters-saved")).to_have_text("")
        assert stack.deps().webcasts.get("9109") is None


def test_an_officer_imports_the_providers_chapters_and_is_shown_what_matched_and_what_did_not(
        chromium, stack, clock, monkeypatch):
    from doorstep_cli.local.webcasts import WebcastProvider
    planning_meeting(stack, "9108")
    stack.resident("fay.clerk@council.example", name="Fay Clerk", role="staff")
    desk = Browser(chromium, stack, **DESKTOP)
    with WebcastProvider() as provider:  # over real HTTP, on a free port
        monkeypatch.setenv("DOORSTEP_WEBCAST_CHAPTERS_URL", provider.chapters_url)
        provider.indexes["9108"] = ("WEBVTT\n\n00:00:00.000 --> 00:04:05.000\nApplications\n\n"
                                    "00:04:05.000 --> 00:09:00.000\nItem 4a: Land at Acomb Road\n\n"
                                    "00:09:00.000 --> 00:10:00.000\nAdjournment\n\n"
                                    "00:10:00.000 --> 00:20:00.000\n5. Appeals performance\n")
        try:
            officer = desk.new_page()
            sign_in(officer, "fay.clerk@council.example", "/staff/meetings/9108/webcast")
            heading(officer, "Webcast and chapters")
            officer.get_by_role("button", name="Import chapters from the webcast provider").click()
            expect(officer.locator("#import-result")).to_contain_text("3 chapters were imported and saved:")
            expect(officer.locator("#import-matched")).to_contain_text(
                '4:05 "Item 4a: Land at Acomb Road" as 4a Land at Acomb Road: 40 homes')
            expect(officer.locator("#import-unmatched")).to_have_text(
                '9:00 "Adjournment" matches no item on the agenda.')
            expect(officer.get_by_label("Chapter 3: starts at")).to_have_value("10:00")
            expect(officer.get_by_label("Paste this into the video's description")).to_have_value(
                "0:00 Applications\n4:05 4a Land at Acomb Road: 40 homes\n10:00 5 Appeals performance\n")
            check_accessible(officer, "chapters imported")
            provider.html = True  # the provider's sign-in page instead: nothing changes, and it says so
            officer.get_by_role("button", name="Import chapters from the webcast provider").click()
            expect(officer.locator("#import-problems")).to_contain_text("answered with a web page")
            expect(officer.get_by_label("Chapter 3: starts at")).to_have_value("10:00")
        finally:
            desk.close()


def test_an_officer_declines_with_a_reason_the_speaker_is_told_and_the_chair_adds_a_late_one(
        chromium, stack, clock):
    ids = planning_meeting(stack, "9106")
    stack.resident("fay.declined@example.org", name="Fay Declined")
    stack.post(f"/v1/meetings/9106/items/{ids[APPLICATION]}/speakers",
               {"name": "Fay Declined", "mode": "remote", "side": "for"}, stack.token("fay.declined@example.org"))
    stack.resident("gil.clerk@council.example", name="Gil Clerk", role="staff")
    desk = Browser(chromium, stack, **DESKTOP)
    try:
        officer = desk.new_page()
        sign_in(officer, "gil.clerk@council.example", "/staff/meetings/9106")
        card = officer.locator(".registration", has_text="Fay Declined")
        expect(officer.locator("#desk-deadline")).to_contain_text("9 places left at the meeting.")
        card.get_by_role("button", name="Decline Fay Declined").click()
        expect(officer.locator(".error-summary")).to_contain_text("Enter why you are declining Fay Declined")
        card.get_by_label("Why decline Fay Declined?").fill("The application was withdrawn.")
        card.get_by_role("button", name="Decline Fay Declined").click()
        expect(officer.locator("#decided")).to_have_text(
            "Fay Declined is declined and has been told why. Their place is free.")
        expect(card).to_contain_text("The application was withdrawn.")
        expect(officer.locator("#desk-deadline")).to_contain_text("10 places left at the meeting.")  # no reload
        stack.once(lambda: [m for m in stack.mail_to("fay.declined@example.org")
                            if "declined" in m.subject and "The application was withdrawn." in m.body],
                   "the speaker told the reason")

        clock.now = CLOSES + timedelta(hours=3)  # past the deadline: only the chair's discretion adds one now
        officer.reload()
        expect(officer.locator("#desk-deadline")).to_contain_text("Registration closed at 5pm on Thursday 3 December")
        expect(officer.locator("#speakers-count")).to_have_text("1 registration")
        late = officer.locator("#late-form")
        late.get_by_label("Speaker's full name").fill("Gus Late")
        late.get_by_label("Against").check()
        late.get_by_label("Remotely").check()
        late.get_by_label("Speaker's email address").fill("gus.late@example.org")
        late.get_by_label("Why the chair allows it").fill("The ward councillor asked; the chair agreed.")
        late.get_by_role("button", name="Add speaker").click()
        expect(officer.locator("#decided")).to_have_text("Gus Late is added and accepted.")
        expect(officer.locator("#speakers-count")).to_have_text("2 registrations")  # no reload
        expect(officer.locator("#desk-deadline")).to_contain_text("9 places left at the meeting.")
        added = officer.locator(".registration", has_text="Gus Late")
        expect(added).to_contain_text("Late, at the chair's discretion")
        expect(added).to_contain_text("Accepted")
        officer.get_by_role("link", name="Print the speakers' list for the chair").click()
        expect(officer.locator("#chair-list")).to_contain_text("Gus Late")
        expect(officer.locator("#chair-list")).not_to_contain_text("Fay Declined")  # declined: no place held
    finally:
        desk.close()


def test_democratic_services_choose_a_committees_rules_on_the_desk_and_its_meetings_follow_them(
        chromium, stack, clock):
    deps = stack.deps()
    kept = deps.democracy.document("committees")
    committees = list(kept[0]) if kept else []
    own = {"id": "9177", "title": "Area Planning Sub-Committee", "category": "", "current": True}
    deps.democracy.keep_document("committees", [*committees, own], kept[1] if kept else None, datetime.now(timezone.utc))
    deps.democracy.save_meeting({
        "id": "9108", "committee_id": "9177", "committee_title": "Area Planning Sub-Committee", "date": DAY,
        "time": "16:30", "location": "West Offices", "agenda_published": True,
        "items": [item("91081", "3", "Land at Tadcaster Road: 12 homes")]})
    try:
        with officer_at(chromium, stack, "ida.rules@council.example", "Ida Rules", "/staff/meetings",
                        "Meetings") as officer:
            officer.get_by_role("link", name="Committees' rules for taking part").click()
            heading(officer, "Committees' rules for taking part")
            mine = officer.locator(".committee-rules[data-committee='9177']")
            expect(mine).to_contain_text("No rules chosen, and the public may speak at its meetings ahead")
            expect(mine.get_by_label("Rules for Area Planning Sub-Committee", exact=True)).to_have_value("")
            check_accessible(officer, "committees' rules for taking part")
            mine.get_by_label("Rules for Area Planning Sub-Committee", exact=True).select_option(label="Planning: for and against")
            mine.get_by_role("button", name="Save the rules for Area Planning Sub-Committee").click()
            expect(officer.locator("#rules-saved")).to_have_text(
                "Area Planning Sub-Committee: Planning: for and against. Saved.")
            expect(officer.locator("#rules-audit")).to_contain_text(
                "ida.rules@council.example changed Area Planning Sub-Committee from no rules chosen to "
                "Planning: for and against.")
            expect(mine).not_to_contain_text("No rules chosen")
            speaking = officer.request.get("/v1/meetings/9108/speaking").json()
            assert (speaking["per_item"], speaking["sides"]) == (3, True)
    finally:  # as it was, its moment too: the sync reads its age to decide when to ask again
        deps.democracy.keep_document("committees", committees, kept[1] if kept else None,
                                     kept[2] if kept else datetime(2000, 1, 1, tzinfo=timezone.utc))


def test_the_taking_part_screens_fit_a_320_px_phone_with_every_focus_shown(chromium, stack, clock):
    from tests.web.test_every_screen import HEIGHT, WIDTH, screen as phone_screen
    ids = planning_meeting(stack, "9107")
    stack.resident("ivy.narrow@example.org", name="Ivy Narrow")
    phone = Browser(chromium, stack, viewport={"width": WIDTH, "height": HEIGHT})
    try:
        page = phone.new_page()
        sign_in(page, "ivy.narrow@example.org", "/meetings/9107")
        expect(page.locator("#taking-part")).to_be_visible()
        phone_screen(page, "meeting-taking-part")
        for what, title in (("speak", "Register to speak"), ("question", "Ask a written question")):
            page.goto(f"/meetings/9107/items/{ids[APPLICATION]}/{what}")
            heading(page, title)
            phone_screen(page, f"meeting-{what}")
        page.goto("/meetings/speaking/withdraw?token=from-an-email")
        heading(page, "Withdraw your registration to speak")
        # The link is read on opening (what it withdraws from): one not valid says so, and offers no button.
        expect(page.locator("#withdraw-error")).to_have_text("That link is not valid.")
        expect(page.get_by_role("button", name="Withdraw")).to_have_count(0)
        phone_screen(page, "meeting-withdraw")
    finally:
        phone.close()
