"""Meetings to take part in, written into our copy of the committee system
as the sync would (the democracy store's own save), on dates whose deadlines
the tests name: York's rules by default, the Planning Committee's own."""
from datetime import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
PLANNING, TRANSPORT = "3", "4"
# Planning on Monday 7 December 2026 at 6pm: registration closes at 5pm on Thursday 3 December.
PLANNING_MEETING, APPLICATION, HEADING, REPORT_ONLY = "2101", "210102", "210101", "210103"
PLANNING_CLOSES = datetime(2026, 12, 3, 17, 0, tzinfo=LONDON)
# A decision session on Tuesday 29 December 2026: two working days back is Wednesday 23 December,
# Christmas Day (Friday) and the Boxing Day holiday (Monday 28) not counted.
XMAS_MEETING, XMAS_ITEM = "2201", "220101"
XMAS_CLOSES = datetime(2026, 12, 23, 17, 0, tzinfo=LONDON)
WEEK_BEFORE = datetime(2026, 11, 30, 9, 0, tzinfo=LONDON)


def item(item_id, number, title, speak=True, heading=False):
    return {"id": item_id, "number": number, "title": title, "text": "", "heading": heading,
            "public_can_speak": speak, "is_decision": True, "papers": []}


def planning_rules(deps, committee_id=PLANNING):
    """The Planning Committee follows the planning rules, as democratic services chose them on the desk."""
    from datetime import datetime, timezone
    body, version = deps.democracy.versioned("speaking_rules")
    chosen = dict((body or {}).get("chosen") or {})
    if chosen.get(committee_id) != "planning":
        chosen[committee_id] = "planning"
        deps.democracy.replace_versioned("speaking_rules", {"chosen": chosen, "audit": (body or {}).get("audit") or []},
                                         version, datetime.now(timezone.utc))


def meetings(deps):
    planning_rules(deps)
    deps.democracy.save_meeting({
        "id": PLANNING_MEETING, "committee_id": PLANNING, "committee_title": "Planning Committee",
        "date": "2026-12-07", "time": "18:00", "location": "West Offices", "agenda_published": True,
        "items": [item(HEADING, "", "Applications", speak=False, heading=True),
                  item(APPLICATION, "4a", "Land at Acomb Road: 40 homes"),
                  item(REPORT_ONLY, "5", "Appeals performance", speak=False)]})
    deps.democracy.save_meeting({
        "id": XMAS_MEETING, "committee_id": TRANSPORT,
        "committee_title": "Decision Session - Executive Member for Transport",
        "date": "2026-12-29", "time": "10:00", "location": "West Offices", "agenda_published": True,
        "items": [item(XMAS_ITEM, "3", "Road repairs in Acomb ward")]})


def speaker(side="against", **extra):
    body = {"name": "Ada Lovelace", "phone": "07700 900123", "mode": "in_person", "needs": ["hearing_loop"],
            "side": side}
    return {k: v for k, v in {**body, **extra}.items() if v is not None}


def speak_path(meeting_id=PLANNING_MEETING, item_id=APPLICATION):
    return f"/v1/meetings/{meeting_id}/items/{item_id}/speakers"


def outbox(to):
    from chalicelib.storage.outbox import OutboxModel
    return sorted(OutboxModel.recipient_index.query(to), key=lambda m: m.created_at)
