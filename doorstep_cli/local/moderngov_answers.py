"""The local Modern.gov's answers, written as a real one writes them
(DemocracyClub/LGSF's fixtures): `mgWebService.asmx` XML with "True"/"False",
counts with a leading space, dd/mm/yyyy dates, "10.00 am" times, titles
HTML-encoded and then XML-escaped (`Chair&amp;#39;s`), bodies as escaped
HTML, a section heading numbered 0; and the two list pages as `mgTabTable`
HTML (the decisions page as LGSF's fixture, the forward plan in its style)."""
import html
from datetime import timedelta
from xml.sax.saxutils import escape

from doorstep_cli.local import moderngov_data as data

HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'


def _b(value):
    return "True" if value else "False"


def _dmy(day):
    return day.strftime("%d/%m/%Y")


def committees():
    rows = "".join(
        f"  <committee>\n    <committeeid>{cid}</committeeid>\n    <committeetitle>{escape(title)}</committeetitle>\n"
        f"    <committeedeleted>False</committeedeleted>\n    <committeeexpired>{_b(expired)}</committeeexpired>\n"
        f"    <committeecategory>{escape(category)}</committeecategory>\n  </committee>\n"
        for cid, title, category, expired in data.COMMITTEES)
    return (HEAD + f"<committees>\n  <committeescount> {len(data.COMMITTEES)}</committeescount>\n{rows}"
            "</committees>\n").encode()


def meetings(committee, found, anchor):
    rows = "".join(
        f"      <meeting>\n        <meetingid>{m[0]}</meetingid>\n"
        f"        <meetingdate>{_dmy(data.day_of(anchor, m[2]))}</meetingdate>\n"
        f"        <meetingstatus>{'Cancelled' if m[4] else 'Confirmed'}</meetingstatus>\n"
        f"        <meetingtime>{m[3]}</meetingtime>\n        <iswebcast>{_b(m[1] == '1')}</iswebcast>\n"
        "      </meeting>\n" for m in found)
    return (HEAD + f"<getmeetings>\n  <meetingscount> {len(found)}</meetingscount>\n"
            f"  <committeescount> 1</committeescount>\n  <committee>\n    <committeeid>{committee[0]}</committeeid>\n"
            f"    <committeetitle>{escape(committee[1])}</committeetitle>\n"
            f"    <committeemeetingcount> {len(found)}</committeemeetingcount>\n"
            f"    <committeemeetings>\n{rows}    </committeemeetings>\n  </committee>\n</getmeetings>\n").encode()


def meeting(found, anchor, today, origin, extra_items=()):
    mid, cid, offset, time, cancelled, _ = found
    when = _dmy(data.day_of(anchor, offset))
    agenda, decisions, minutes = data.published(anchor, found, today)
    shown = [*data.items(found), *extra_items] if agenda else []
    body = "".join(_item(item, number, when, time, decisions, minutes, origin, cid, anchor, found)
                   for number, item in _numbered(shown))
    return (HEAD + f"<meeting>\n  <meetingid>{mid}</meetingid>\n  <meetingdate>{when}</meetingdate>\n"
            f"  <meetingstatus>{'Cancelled' if cancelled else 'Confirmed'}</meetingstatus>\n"
            f"  <isdisplayallowed>True</isdisplayallowed>\n  <meetingtime>{time}</meetingtime>\n"
            f"  <meetingactualstarttime>\n  </meetingactualstarttime>\n"
            f"  <meetinglocation>{escape('The Guildhall, York, YO1 9QN' if cid == '1' else 'West Offices - Station Rise, York YO1 6GA')}</meetinglocation>\n"
            f"  <iswebcast>{_b(cid == '1')}</iswebcast>\n  <agendaid>{mid}</agendaid>\n"
            f"  <agendapublished>{_b(agenda)}</agendapublished>\n  <decisionpublished>{_b(decisions)}</decisionpublished>\n"
            f"  <minutepublished>{_b(minutes)}</minutepublished>\n  <meetingroom>\n  </meetingroom>\n"
            f"  <agendaitems>\n{body}  </agendaitems>\n  <attendees>\n  </attendees>\n</meeting>\n").encode()


def _numbered(shown):
    """(printed number, item): headings printed as nothing, numbered 0."""
    count = 0
    for item in shown:
        if "heading" in item["flags"]:
            yield "", item
        else:
            count += 1
            yield f"{count}.", item


def _item(item, number, when, time, decisions, minutes, origin, cid, anchor, found):
    flags = item["flags"]
    heading = "heading" in flags
    decided = "decision" in flags and bool(item["decision"])
    minute_text = item["decision"] or f"<p>The committee considered {item['title']}.</p>"
    docs = "".join(
        f"        <linkeddoc>\n          <attachmentid>{p['id']}</attachmentid>\n"
        f"          <title>{escape(p['title'])}</title>\n          <isurl>False</isurl>\n"
        f"          <url>{origin}/mgConvert2PDF.aspx?ID={p['id']}</url>\n"
        f"          <isrestricted>{_b(p['restricted'])}</isrestricted>\n"
        f"          <publicationdate>{_dmy(data.day_of(anchor, found[2] - data.AGENDA_BEFORE))}</publicationdate>\n"
        f"          <meetingdate>{when}</meetingdate>\n          <committeetitle>{escape(data.committee(cid)[1])}</committeetitle>\n"
        f"        </linkeddoc>\n" for p in item["papers"])
    return (f"    <agendaitem>\n      <agendaitemid>{item['id']}</agendaitemid>\n"
            f"      <agendaitemtitle>{escape(item['title'])}</agendaitemtitle>\n"
            f"      <agendatext>{escape(item['text'])}</agendatext>\n      <actualmeetingdate>{when}</actualmeetingdate>\n"
            f"      <agendaitemnumber>{0 if heading else number.rstrip('.')}</agendaitemnumber>\n"
            f"      <fulldisplaynumberformat>{number}</fulldisplaynumberformat>\n"
            f"      <minutesnonemptyhtmlbody>{escape(minute_text) if minutes and not heading else ''}</minutesnonemptyhtmlbody>\n"
            f"      <decisionnonemptyhtmlbody>{escape(item['decision']) if decisions and decided else ''}</decisionnonemptyhtmlbody>\n"
            f"      <isdecision>{_b(decided)}</isdecision>\n      <isdecisionpublished>{_b(decisions and decided)}</isdecisionpublished>\n"
            f"      <isminutepublished>{_b(minutes and not heading)}</isminutepublished>\n"
            f"      <ispubliccanspeak>{_b('speak' in flags)}</ispubliccanspeak>\n"
            f"      <isrestricted>{_b('restricted' in flags)}</isrestricted>\n      <meetingdate>{when}</meetingdate>\n"
            f"      <meetingtime>{time}</meetingtime>\n      <linkeddocuments>\n{docs}      </linkeddocuments>\n"
            "    </agendaitem>\n")


def _page(caption, headers, rows):
    """A Modern.gov list page: its mg* markup around one mgTabTable."""
    head = "".join(f"<th abbr='{h}' scope='col'>{h}</th>\n" for h in headers)
    body = "".join("<tr>" + "".join(f'<td  class="mgMainTxt" >{cell}</td>' for cell in row) + "</tr>\n" for row in rows)
    return ("<!DOCTYPE html>\n<html><head><title>City of York Council</title></head><body>"
            '<div class="mgContent"><table class="mgTabTable tablesorter"  summary="Table of data">\n'
            f'<caption  class="mgSectionTitle" >{caption}</caption>\n<thead class=\'mgFilterHeaderRow\'><tr>\n{head}'
            f"</tr></thead><tbody>\n{body}</tbody></table></div></body></html>\n").encode()


def _cell_date(day):
    return _dmy(day).replace("/", "&#47;")


def forward_plan(anchor, today, changed=False):
    """Decisions not yet due (a decided one leaves the plan)."""
    headers = ["Subject" if changed else "Title", "Decision maker", "Decision due", "Key decision", "Wards affected"]
    rows = [[f'<a  href="mgIssueHistoryHome.aspx?IId={i}&amp;Opt=0" title="Link to issue details">{t}</a>',
             html.escape(maker), _cell_date(data.day_of(anchor, offset)), "Yes" if key else "No", html.escape(wards)]
            for i, t, maker, offset, key, wards in data.FORWARD_PLAN if data.day_of(anchor, offset) >= today]
    return _page("Forward plan items", headers, rows)


def decisions(anchor, today, start, end):
    rows = []
    for found in data.MEETINGS:
        decided = data.day_of(anchor, found[2])
        if not data.published(anchor, found, today)[1] or not start <= decided <= end:
            continue
        maker = data.committee(found[1])[1].replace("Decision Session - ", "")
        for item in data.items(found):
            if "decision" in item["flags"] and "restricted" not in item["flags"] and item["decision"]:
                effective = decided + timedelta(days=7)
                rows.append([f'<a  href="ieDecisionDetails.aspx?ID={item["id"]}"  title="Link to decision details">'
                             f'{item["title"]}<span  class="mgHide" > ref&#58; {item["id"]}</span></a>',
                             _cell_date(decided), _cell_date(effective), "Not for call-in" if found[1] == "1"
                             else "Call-in period ended" if today > effective else "Open for call-in",
                             html.escape(maker)])
    return _page("Decisions published", ["Title", "Date", "Effective from", "Call-ins", "Decision maker"], rows)
