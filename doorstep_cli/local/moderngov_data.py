"""The local Modern.gov's demo: City of York's committees, their meetings
placed relative to the day the server first started (kept in its state file,
so a restart moves nothing), each agenda's items and papers, and a forward
plan. What is published follows the server's clock as a council's would:
an agenda 7 days before its meeting (5 working days), decisions 2 days after
it, minutes 5 days after; a cancelled meeting publishes nothing."""
from datetime import timedelta

AGENDA_BEFORE, DECISIONS_AFTER, MINUTES_AFTER = 7, 2, 5

COMMITTEES = [
    # (id, title, category, expired)
    ("1", "Council", "Council", False),
    ("2", "Executive", "Executive", False),
    ("3", "Planning Committee", "Regulatory Committees", False),
    ("4", "Decision Session - Executive Member for Transport", "Executive Member Decision Sessions", False),
    ("5", "Economy, Place, Access and Transport Scrutiny Committee", "Scrutiny Committees", False),
    ("6", "Local Plan Working Group", "Working Groups", True),
]

OPENING = [  # every meeting's first items (title, text)
    ("Declarations of Interest", "<p>At this point in the meeting, Members are asked to declare any disclosable "
                                 "pecuniary interest, or other registerable interest, they might have.</p>"),
    ("Minutes", "<p>To approve and sign the minutes of the last meeting.</p>"),
    ("Public Participation", "<p>At this point in the meeting members of the public who have registered to "
                             "speak can do so. Members of the public may speak on agenda items or on matters "
                             "within the remit of the committee.</p>"),
]

# Meetings: (id, committee, days from the anchor, time, cancelled, [(title, text, decision, papers, flags)])
# flags: "restricted" (the whole item exempt), "decision" (a decision is taken), "speak" (the public may speak).
# A paper: (title, restricted).
MEETINGS = [
    ("1101", "1", -21, "6.30 pm", False, [
        ("Chair&#39;s Communications", "<p>The Lord Mayor&#39;s announcements.</p>", "", [], ()),
        ("Petition: Safer crossings on Tadcaster Road", "<p>To debate the petition, signed by more than 1,000 "
         "people, asking for a signalled crossing on Tadcaster Road in Dringhouses and Woodthorpe ward.</p>",
         "<p>Resolved: that the Executive Member for Transport be asked to bring a report on crossings on "
         "Tadcaster Road to a decision session.</p>", [("Petition report", False)], ("decision",)),
    ]),
    ("1102", "1", 23, "6.30 pm", False, [
        ("Council Budget 2027/28", "<p>To set the council&#39;s budget and council tax for 2027/28.</p>", "",
         [("Budget report", False)], ("decision",)),
    ]),
    ("1201", "2", -10, "5.30 pm", False, [
        ("Highways Asset Management Plan", "<p>The plan for the upkeep of York&#39;s roads, footways and "
         "street lights, including pothole repairs in Westfield, Acomb and Holgate wards.</p>",
         "<p>Resolved: that the Highways Asset Management Plan be approved.</p>",
         [("Report of the Director of Environment and Transport", False), ("Annex A: condition survey", False)],
         ("decision",)),
    ]),
    ("1202", "2", 9, "5.30 pm", False, [
        ("Bus Service Improvement Plan", "<p>Funding for bus services in Haxby and Wigginton and Strensall "
         "wards.</p>", "<p>Resolved: that the funding be accepted.</p>", [("BSIP report", False)],
         ("decision", "speak")),
    ]),
    ("1301", "3", -2, "4.30 pm", False, [
        ("Plans List", "<p>Applications to be decided by the committee.</p>", "", [], ()),
        ("Land to the rear of 12 Front Street, Acomb (25/01234/FUL)", "<p>Erection of four dwellings.</p>",
         "<p>Approved subject to conditions.</p>", [("Officer report", False), ("Site plan", False)],
         ("decision", "speak")),
        # The local Public Access's demo application 26/00418/LBC (public_access_data.py): linked both ways.
        ("11 Micklegate, York YO1 5DS (26/00418/LBC)", "<p>Internal alterations to form en-suite and replacement "
         "sash windows to front elevation.</p>", "<p>Deferred for a site visit.</p>",
         [("Officer report: 26/00418/LBC", False)], ("decision", "speak")),
    ]),
    ("1302", "3", 16, "4.30 pm", True, []),
    ("1303", "3", 44, "4.30 pm", False, []),
    ("1401", "4", -14, "10.00 am", False, [
        ("Winter maintenance: gritting routes", "<p>Changes to gritting routes in Rural West York and "
         "Copmanthorpe wards.</p>", "<p>Decision: that the revised gritting routes be approved.</p>",
         [("Gritting routes report", False)], ("decision", "speak")),
    ]),
    ("1402", "4", 6, "10.00 am", False, [
        ("Road repairs in Acomb ward", "<p>The programme of pothole and carriageway repairs on Front Street, "
         "York Road and Carr Lane in Acomb ward, following residents&#39; reports of potholes.</p>",
         "<p>Decision: that the carriageway repairs in Acomb ward be approved and carried out by March.</p>",
         [("Report: road repairs in Acomb ward", False), ("Annex A: map of the repairs", False),
          ("Annex B: tender prices", True)], ("decision", "speak")),
        ("Residents&#39; parking on Bootham, Clifton ward", "<p>Results of the consultation on a residents&#39; "
         "parking zone in Clifton ward.</p>", "<p>Decision: that the residents&#39; parking zone be "
         "introduced.</p>", [("Consultation report", False)], ("decision", "speak")),
        ("Street lighting renewal, Hull Road ward", "<p>Replacing street lights on Hull Road and Tang Hall "
         "Lane.</p>", "<p>Decision: that the renewal proceed.</p>", [("Street lighting report", False)],
         ("decision",)),
        ("Contract award: resurfacing works", "<p>This item is exempt under paragraph 3 of Schedule 12A.</p>",
         "<p>The contract was awarded.</p>", [("Tender evaluation", True)], ("restricted", "decision")),
    ]),
    ("1501", "5", -7, "5.30 pm", False, [
        ("Pothole repairs: how well are we doing?", "<p>Scrutiny of the time taken to repair potholes "
         "reported by residents across the city.</p>", "", [("Scrutiny report", False)], ()),
    ]),
    ("1502", "5", 13, "5.30 pm", False, [
        ("Work Plan", "<p>The committee&#39;s work plan for the year.</p>", "", [("Work plan", False)], ()),
    ]),
]

FORWARD_PLAN = [
    # (id, title, decision maker, days from the anchor, key, wards)
    ("701", "Road repairs in Acomb ward", "Executive Member for Transport", 6, False, "Acomb"),
    ("702", "Residents&#39; parking on Bootham", "Executive Member for Transport", 6, True, "Clifton"),
    ("703", "Highways resurfacing programme 2027/28", "Executive", 37, True, "All wards"),
    ("704", "Bus Service Improvement Plan", "Executive", 9, True, "Haxby and Wigginton; Strensall"),
    ("705", "20 mph limits near schools in Westfield", "Executive Member for Transport", 34, True,
     "Westfield; Dringhouses and Woodthorpe"),
    ("706", "Council Budget 2027/28", "Council", 23, True, "All wards"),
]


def committee(committee_id):
    return next((c for c in COMMITTEES if c[0] == committee_id), None)


def day_of(anchor, offset):
    return anchor + timedelta(days=offset)


def published(anchor, meeting, today):
    """(agenda, decisions, minutes) published by `today`."""
    _, _, offset, _, cancelled, _ = meeting
    when = day_of(anchor, offset)
    if cancelled:
        return False, False, False
    return (today >= when - timedelta(days=AGENDA_BEFORE), today >= when + timedelta(days=DECISIONS_AFTER),
            today >= when + timedelta(days=MINUTES_AFTER))


def items(meeting):
    """Every item of an agenda with its ids, in order: the opening items, the
    business, and a heading ("Part B", numbered 0) before restricted items."""
    mid, _, _, _, _, business = meeting
    base = int(mid) * 10
    rows = [{"id": str(base + i), "title": t, "text": x, "decision": "", "papers": [], "flags": ()}
            for i, (t, x) in enumerate(OPENING)]
    public = [b for b in business if "restricted" not in b[4]]
    exempt = [b for b in business if "restricted" in b[4]]
    parts = [*public, *([("Part B: exempt items", "", "", [], ("heading",))] if exempt else []), *exempt]
    for i, (title, text, decision, papers, flags) in enumerate(parts, start=len(OPENING)):
        rows.append({"id": str(base + i), "title": title, "text": text, "decision": decision, "flags": flags,
                     "papers": [{"id": f"{base + i}{j}", "title": p, "restricted": r}
                                for j, (p, r) in enumerate(papers, start=1)]})
    return rows
