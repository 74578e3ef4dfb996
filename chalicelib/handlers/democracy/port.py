"""The Democracy port: what Doorstep asks of a council's committee system, in
plain values (ISO dates, "HH:MM" times, booleans, HTML already decoded).

One adapter per vendor protocol speaks it (moderngov/: Modern.gov's
`mgWebService.asmx` XML and its two list pages). Residents never read an
adapter: a scheduled sync (sync.py) reads it into our own tables.

Restricted ("exempt", Part B) items and papers never leave an adapter: it
drops them, so no copy of ours can hold one.

CMIS (Civica's committee system) would plug in beside moderngov/, not into
it: a `cmis/` package whose class offers the `Democracy` methods below,
reading CMIS's meeting calendar pages (`MeetingCalendarPublicNoJava`, one
GET per month) and meeting pages (`ViewMeetingPublic`) into these values,
with papers by their `Document.ashx` URLs (no attachment id there: the
paper's id would be a hash of its URL); config.democracy() would grow a
DOORSTEP_DEMOCRACY_VENDOR setting that backoffice.configured() reads to pick
the class, and a local CMIS for `make run` would join doorstep_cli/local/.
The sync, the tables and the routes would not change: they see only this.
"""
from dataclasses import dataclass
from typing import Protocol


class DemocracyError(Exception):
    """The committee system could not answer usefully. `kind` says how:
    unreachable (refused, reset, timed out, a 5xx), blocked (a firewall's HTML
    challenge page instead of XML), malformed (not the XML it should be),
    changed (a list page in a shape we do not read: never guessed at).
    `answered` says what came back, for staff's screen: timed_out, refused,
    http_status (detail "HTTP 503"), html_page (a challenge or sign-in page),
    not_xml, not_pdf, other_shape; None when nothing plainer is known."""

    def __init__(self, kind, detail="", answered=None):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind, self.detail, self.answered = kind, detail, answered


@dataclass(frozen=True)
class Committee:
    id: str
    title: str
    category: str = ""
    current: bool = True  # neither deleted nor expired


@dataclass(frozen=True)
class MeetingDate:
    """One meeting as a committee's list gives it."""
    id: str
    committee_id: str
    committee_title: str
    date: str  # YYYY-MM-DD
    time: str  # HH:MM (24-hour), "" when not given
    cancelled: bool
    webcast: bool = False


@dataclass(frozen=True)
class Paper:
    id: str
    title: str
    published: str = ""  # YYYY-MM-DD


@dataclass(frozen=True)
class Item:
    id: str
    number: str  # as printed ("5."), "" for a heading
    title: str
    text: str  # the agenda's words about it, paragraphs apart by a blank line
    heading: bool = False  # a section heading ("Part A"), not an item of business
    decision: str = ""  # what was decided, once published
    minutes: str = ""  # the minutes' words, once published
    is_decision: bool = False
    public_can_speak: bool = False
    papers: tuple = ()  # Papers, public ones only


@dataclass(frozen=True)
class Meeting:
    id: str
    date: str
    time: str
    cancelled: bool
    location: str
    agenda_published: bool
    decisions_published: bool
    minutes_published: bool
    items: tuple = ()  # Items in the agenda's order, public ones only
    webcast: bool = False


@dataclass(frozen=True)
class PlannedDecision:
    """A forthcoming decision (the forward plan)."""
    id: str
    title: str
    decision_maker: str
    due: str  # YYYY-MM-DD, "" when not yet set
    key: bool
    wards: tuple = ()  # ward names, () for none or all


@dataclass(frozen=True)
class DecisionMade:
    id: str
    title: str
    decided: str  # YYYY-MM-DD
    decision_maker: str = ""
    effective: str = ""  # YYYY-MM-DD: after its call-in period
    call_in: str = ""  # as the council words it ("Not for call-in", "Called in")


@dataclass(frozen=True)
class Listing:
    """What a list page gave: the rows read, and how many it held that could
    not be read (skipped, never guessed at: the sync warns staff)."""
    rows: tuple
    skipped: int = 0


class Democracy(Protocol):
    calls: int  # requests made to the committee system by this instance (its cost, reported)

    def committees(self) -> list: ...  # Committees

    def meetings(self, committee: Committee, start: str, end: str) -> list:
        """The committee's MeetingDates from `start` to `end` (YYYY-MM-DD), both included."""

    def meeting(self, meeting_id: str) -> Meeting: ...

    def paper(self, paper_id: str) -> bytes:
        """A public paper's PDF (DemocracyError for one not public or not a PDF)."""

    def forthcoming(self) -> Listing: ...  # PlannedDecisions

    def decisions(self, start: str, end: str) -> Listing: ...  # DecisionMades
