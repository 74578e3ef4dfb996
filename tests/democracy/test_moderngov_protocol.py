"""The Modern.gov adapter against the local Modern.gov over real HTTP and
against answers shaped as DemocracyClub/LGSF's fixtures show real ones: its
quirks read, restricted things never returned, and every way a committee
system fails arriving as one kind of DemocracyError, never as a crash."""
import pytest

from chalicelib.handlers.democracy.moderngov import answers, list_pages
from chalicelib.handlers.democracy.moderngov.client import ModernGovDemocracy
from chalicelib.handlers.democracy.port import Committee, DemocracyError
from support.democracy_support import (CANCELLED, PAST_SESSION, PLANNING, ROAD_REPAIRS_REPORT, ROAD_REPAIRS_SESSION,
                                       TENDER_EVALUATION, TENDER_PRICES, TRANSPORT)
from support.democracy_support import council_clock, democracy, moderngov  # noqa: F401 (fixtures)

# As LGSF's meeting_with_minutes.xml: the printed number is not agendaitemnumber, entities come twice.
REAL_MEETING = b"""<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>4967</meetingid>
  <meetingdate>10/02/2026</meetingdate>
  <meetingstatus>Confirmed</meetingstatus>
  <meetingtime>2.30 pm</meetingtime>
  <meetinglocation>Council Antechamber, Level 2, Town Hall Extension</meetinglocation>
  <iswebcast>False</iswebcast>
  <agendapublished>True</agendapublished>
  <decisionpublished>False</decisionpublished>
  <minutepublished>True</minutepublished>
  <agendaitems>
    <agendaitem>
      <agendaitemid>18830</agendaitemid>
      <agendaitemtitle></agendaitemtitle>
      <agendaitemnumber>0</agendaitemnumber>
      <fulldisplaynumberformat></fulldisplaynumberformat>
      <isrestricted>False</isrestricted>
    </agendaitem>
    <agendaitem>
      <agendaitemid>18831</agendaitemid>
      <agendaitemtitle>Chair&amp;#39;s Communications</agendaitemtitle>
      <agendatext>&lt;div class="WordSection1"&gt;
&lt;p class="MsoNormal"&gt;&lt;span style=""&gt;To approve as a correct record
the minutes of the meeting held on 25 November 2025.&lt;/span&gt;&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;
&lt;/div&gt;
</agendatext>
      <agendaitemnumber>4</agendaitemnumber>
      <fulldisplaynumberformat>1.</fulldisplaynumberformat>
      <minutesnonemptyhtmlbody>&lt;p class="MsoNormal"&gt;Approved as a correct record.&lt;/p&gt;</minutesnonemptyhtmlbody>
      <isdecision>False</isdecision>
      <isdecisionpublished>False</isdecisionpublished>
      <isminutepublished>True</isminutepublished>
      <ispubliccanspeak>False</ispubliccanspeak>
      <isrestricted>False</isrestricted>
      <linkeddocuments>
        <linkeddoc>
          <attachmentid>60860</attachmentid>
          <title>6 - CHAIR APPROVED  Minutes Audit Committee 25 Nov 2025</title>
          <isurl>False</isurl>
          <url>https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860</url>
          <isrestricted>False</isrestricted>
          <publicationdate>02/02/2026</publicationdate>
        </linkeddoc>
        <linkeddoc>
          <attachmentid>60861</attachmentid>
          <title>Exempt appendix</title>
          <isurl>False</isurl>
          <isrestricted>True</isrestricted>
        </linkeddoc>
      </linkeddocuments>
    </agendaitem>
  </agendaitems>
</meeting>
"""

# As LGSF's modgov_decisions_list.html.
REAL_DECISIONS = """<table class="mgTabTable tablesorter"  summary="Table of decision summary data">
<caption  class="mgSectionTitle" >Decisions published</caption>
<thead class='mgFilterHeaderRow'><tr>
<th abbr='Title' scope='col'>Title<!--Pending Key Decisions--></th>
<th abbr='Published' scope='col'>Date<!--Date Made/Published--></th>
<th abbr='Applies' scope='col'>Effective from<!--Date Decision Applies--></th>
<th abbr='Call-ins' scope='col'>Call-ins<!--Status - No. of Call-Ins--></th>
</tr></thead><tbody>
<tr><td  class="mgMainTxt" ><a  href="ieDecisionDetails.aspx?ID=13567"  title="Link">Settlement Agreement with Network Rail &#40;NRIL&#41;<span  class="mgHide" > ref&#58; 13567</span></a></td><td  class="mgMainTxt" >01&#47;04&#47;2025</td><td  class="mgMainTxt" >01&#47;04&#47;2025</td><td  class="mgMainTxt" >Not for call-in</td></tr>
<tr><td  class="mgMainTxt" ><a  href="ieDecisionDetails.aspx?ID=13149"  title="Link">Admission of the Public<span  class="mgHide" > ref&#58; 13149</span></a></td><td  class="mgMainTxt" >the third</td><td  class="mgMainTxt" >03&#47;11&#47;2025</td><td  class="mgMainTxt" >Not for call-in</td></tr>
<tr><td  class="mgMainTxt" ><a  href="mgIssueHistoryHome.aspx?IId=6535&amp;Opt=0"  title="Link">An issue history row, not a decision</a></td><td  class="mgMainTxt" >04&#47;11&#47;2025</td><td  class="mgMainTxt" >04&#47;11&#47;2025</td><td  class="mgMainTxt" >Not for call-in</td></tr>
</tbody></table>
""".encode()


def test_a_real_meetings_quirks_are_read_once_and_its_restricted_paper_dropped():
    meeting = answers.meeting(REAL_MEETING)
    assert (meeting.date, meeting.time, meeting.minutes_published) == ("2026-02-10", "14:30", True)
    [item] = meeting.items  # the untitled heading numbered 0 says nothing and goes
    assert (item.number, item.title) == ("1", "Chair's Communications")  # printed "1."
    assert item.text == "To approve as a correct record the minutes of the meeting held on 25 November 2025."
    assert item.minutes == "Approved as a correct record."
    assert [p.id for p in item.papers] == ["60860"] and item.papers[0].published == "2026-02-02"


def test_a_real_decisions_page_is_read_by_its_headers_and_a_row_it_cannot_read_is_counted_not_guessed():
    listing = list_pages.decisions(REAL_DECISIONS)
    assert [(d.id, d.title, d.decided) for d in listing.rows] == [
        ("13567", "Settlement Agreement with Network Rail (NRIL)", "2025-04-01")]
    assert listing.skipped == 1  # "the third" is no date; the issue history row is no decision at all


def test_a_list_page_in_another_shape_is_refused_whole():
    changed = REAL_DECISIONS.replace(b">Date<", b">Published on<")
    with pytest.raises(DemocracyError) as refused:
        list_pages.decisions(changed)
    assert refused.value.kind == "changed"


def test_committees_are_read_with_those_expired_marked(democracy):
    found = {c.id: c for c in democracy.committees()}
    assert found[TRANSPORT].title == "Decision Session - Executive Member for Transport"
    assert found[TRANSPORT].current and not found["6"].current


def test_meetings_are_asked_for_in_dd_mm_yyyy_and_a_cancelled_one_says_so(democracy, moderngov):
    found = democracy.meetings(Committee(PLANNING, "Planning Committee"), "2026-11-01", "2026-12-31")
    assert {(m.id, m.date, m.cancelled) for m in found} >= {(CANCELLED, "2026-12-10", True), ("1301", "2026-11-22", False)}
    assert all(m.time == "16:30" and m.committee_title == "Planning Committee" for m in found)


def test_an_agenda_holds_its_printed_numbers_and_public_papers_and_never_a_restricted_item(democracy):
    meeting = democracy.meeting(ROAD_REPAIRS_SESSION)
    titles = [i.title for i in meeting.items]
    assert "Road repairs in Acomb ward" in titles and "Residents' parking on Bootham, Clifton ward" in titles
    assert not any("Contract award" in t or "Part B" in t for t in titles)
    repairs = next(i for i in meeting.items if i.title == "Road repairs in Acomb ward")
    assert repairs.number == "4" and repairs.public_can_speak  # printed "4.": the number without its list's dot
    assert [p.id for p in repairs.papers] == [ROAD_REPAIRS_REPORT, "140232"]  # Annex B (tender prices) is restricted
    assert repairs.decision == ""  # not decided yet


def test_decisions_and_minutes_come_once_published(democracy):
    meeting = democracy.meeting(PAST_SESSION)
    assert meeting.decisions_published and meeting.minutes_published
    gritting = next(i for i in meeting.items if i.is_decision)
    assert gritting.decision == "Decision: that the revised gritting routes be approved."


def test_a_public_paper_is_a_pdf_and_a_restricted_one_is_refused_whatever_id_is_asked(democracy):
    assert democracy.paper(ROAD_REPAIRS_REPORT).startswith(b"%PDF-")
    for restricted in (TENDER_PRICES, TENDER_EVALUATION, "99999"):
        with pytest.raises(DemocracyError):
            democracy.paper(restricted)


def test_the_forward_plan_gives_key_decisions_their_date_maker_and_wards(democracy):
    plan = {p.id: p for p in democracy.forthcoming().rows}
    assert (plan["702"].key, plan["702"].decision_maker, plan["702"].wards) == (
        True, "Executive Member for Transport", ("Clifton",))
    assert plan["703"].wards == ()  # "All wards"


# A forward plan whose template links each issue to its details page, not its history.
ISSUE_DETAILS_PLAN = """<table class="mgTabTable"><thead><tr><th>Title</th><th>Decision maker</th>
<th>Decision due</th><th>Key decision</th><th>Wards affected</th></tr></thead><tbody>
<tr><td><a href="ieIssueDetails.aspx?IId=7011&amp;Opt=3">Bishopthorpe Road cycle lanes</a></td>
<td>Executive Member for Transport</td><td>15&#47;01&#47;2027</td><td>Yes</td><td>Micklegate</td></tr>
<tr><td><a href="mgIssueHistoryHome.aspx?IId=7012">Library opening hours</a></td>
<td>Executive</td><td>22&#47;01&#47;2027</td><td>No</td><td>All Wards</td></tr>
</tbody></table>""".encode()


def test_a_forward_plan_linking_issues_to_their_details_page_is_read_as_one_linking_their_history():
    listing = list_pages.forthcoming(ISSUE_DETAILS_PLAN)
    assert [(p.id, p.title, p.due, p.key, p.wards) for p in listing.rows] == [
        ("7011", "Bishopthorpe Road cycle lanes", "2027-01-15", True, ("Micklegate",)),
        ("7012", "Library opening hours", "2027-01-22", False, ())]
    assert listing.skipped == 0


def test_a_forward_plan_in_another_shape_is_a_changed_page(democracy, moderngov):
    moderngov.plan_changed = True
    with pytest.raises(DemocracyError) as refused:
        democracy.forthcoming()
    assert refused.value.kind == "changed"


@pytest.mark.parametrize("fault, kind", [("down", "unreachable"), ("challenge", "blocked"),
                                         ("malformed", "malformed")])
def test_every_failing_answer_is_one_kind_of_error(democracy, moderngov, fault, kind):
    setattr(moderngov, fault, True)
    for ask in (democracy.committees, lambda: democracy.meeting(PAST_SESSION)):
        with pytest.raises(DemocracyError) as failed:
            ask()
        assert failed.value.kind == kind


def test_a_challenge_page_instead_of_a_list_page_is_blocked(democracy, moderngov):
    moderngov.challenge = True
    with pytest.raises(DemocracyError) as failed:
        democracy.forthcoming()
    assert failed.value.kind == "blocked"


def test_a_slow_committee_system_is_unreachable_after_the_timeout(moderngov):
    moderngov.delay_s = 0.6
    with pytest.raises(DemocracyError) as failed:
        ModernGovDemocracy(moderngov.url, timeout_s=0.2).committees()
    assert failed.value.kind == "unreachable"


def test_an_answer_with_a_dtd_is_never_expanded():
    bomb = b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaa">]><committees>&a;</committees>'
    with pytest.raises(DemocracyError) as refused:
        answers.committees(bomb)
    assert refused.value.kind == "malformed"
