"""Modern.gov's two list pages, read defensively. The web service has no
method for forthcoming decisions or decisions made, so they come from HTML:
`mgListPlanItems.aspx` (the forward plan) and `mgDelegatedDecisions.aspx`
(decisions published), each a `mgTabTable` whose columns are named in its
header row (DemocracyClub/LGSF's decisions fixture shows the latter: Title,
Date, Effective from, Call-ins; each title a link to `ieDecisionDetails.aspx
?ID=` with a hidden "ref: NNNN" span).

Columns are found by their header's words, never by position. A page with no
such table, or one missing a column we need, has changed shape: the whole
page is refused (`changed`) and the last copy stands. A row we cannot read
(no id in its link, a date not dd/mm/yyyy) is skipped and counted, never
guessed at; the sync tells staff of both."""
import re
from html.parser import HTMLParser

from ..port import DecisionMade, DemocracyError, Listing, PlannedDecision
from . import answers, words

PLAN_COLUMNS = {"title": "title", "decision maker": "maker", "decision due": "due", "key decision": "key",
                "wards affected": "wards"}
PLAN_NEEDED = {"title", "maker", "due", "key"}
DECISION_COLUMNS = {"title": "title", "date": "date", "effective from": "effective", "call-ins": "call_in",
                    "decision maker": "maker"}
DECISION_NEEDED = {"title", "date"}
# An issue is linked to its history (mgIssueHistoryHome) or to its details page (ieIssueDetails), as a
# council's forward plan template chooses: the same IId either way.
ISSUE_LINK = re.compile(r"(?:mgIssueHistoryHome|ieIssueDetails)\.aspx\?IId=(\d+)", re.IGNORECASE)
DECISION_LINK = re.compile(r"ieDecisionDetails\.aspx\?ID=(\d+)", re.IGNORECASE)


class _Tables(HTMLParser):
    """Every mgTabTable's header words and rows: each cell's text (hidden
    spans left out) and the first link in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.table, self.cell, self.hidden = [], None, None, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "mgtabtable" in (attrs.get("class") or "").lower():
            self.table = {"headers": [], "rows": []}
            self.tables.append(self.table)
        elif self.table is None:
            return
        elif tag == "tr":
            self.table["rows"].append([])
        elif tag in ("th", "td"):
            self.cell = {"kind": tag, "text": [], "href": None}
        elif tag == "a" and self.cell is not None and self.cell["href"] is None:
            self.cell["href"] = attrs.get("href") or ""
        elif tag == "span" and "mghide" in (attrs.get("class") or "").lower():
            self.hidden += 1
        elif self.hidden and tag == "span":
            self.hidden += 1

    def handle_endtag(self, tag):
        if self.table is None:
            return
        if tag == "span" and self.hidden:
            self.hidden -= 1
        elif tag in ("th", "td") and self.cell is not None:
            text = words.title(" ".join("".join(self.cell["text"]).split()))
            if self.cell["kind"] == "th":
                self.table["headers"].append(text.lower())
            elif self.table["rows"]:
                self.table["rows"][-1].append((text, self.cell["href"]))
            self.cell = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.cell is not None and not self.hidden:
            self.cell["text"].append(data)


def _table(raw, columns, needed):
    """(column name -> index, rows) of the first table carrying every needed column."""
    if b'class="mg' not in raw and b"class='mg" not in raw:
        # Every Modern.gov page carries its mg* classes; a firewall's challenge page does not.
        raise DemocracyError("blocked", "not a Modern.gov page", "html_page")
    parser = _Tables()
    try:
        parser.feed(raw[:answers.MAX_ANSWER_BYTES].decode("utf-8", "replace"))
        parser.close()
    except Exception:  # html.parser raises little, but a page is never a crash
        raise DemocracyError("changed", "the page could not be read", "other_shape") from None
    for table in parser.tables:
        found = {columns[h]: i for i, h in enumerate(table["headers"]) if h in columns}
        if needed <= set(found):
            return found, [row for row in table["rows"] if row]
    raise DemocracyError("changed", "no table with the columns " + ", ".join(sorted(needed)), "other_shape")


def forthcoming(raw):
    index, rows = _table(raw, PLAN_COLUMNS, PLAN_NEEDED)
    read, skipped = [], 0
    for row in rows:
        try:
            title, href = row[index["title"]]
            found = ISSUE_LINK.search(href or "")
            key = row[index["key"]][0].lower()
            if not found or not title or key not in ("yes", "no"):
                raise DemocracyError("changed", "a row")
            wards = row[index["wards"]][0] if "wards" in index and len(row) > index["wards"] else ""
            read.append(PlannedDecision(
                id=found.group(1), title=title, decision_maker=row[index["maker"]][0],
                due=answers.day(row[index["due"]][0]), key=key == "yes",
                wards=tuple(w.strip() for w in wards.split(";") if w.strip() and w.strip().lower() != "all wards")))
        except (DemocracyError, IndexError, ValueError):
            skipped += 1
    return Listing(rows=tuple(read), skipped=skipped)


def decisions(raw):
    index, rows = _table(raw, DECISION_COLUMNS, DECISION_NEEDED)
    read, skipped = [], 0
    for row in rows:
        try:
            title, href = row[index["title"]]
            found = DECISION_LINK.search(href or "")
            if not found:
                if ISSUE_LINK.search(href or ""):
                    continue  # an issue's history, not a decision (LGSF's fixture has one)
                raise DemocracyError("changed", "a row")
            decided = answers.day(row[index["date"]][0])
            if not title or not decided:
                raise DemocracyError("changed", "a row")
            read.append(DecisionMade(
                id=found.group(1), title=title, decided=decided,
                decision_maker=row[index["maker"]][0] if "maker" in index else "",
                effective=answers.day(row[index["effective"]][0]) if "effective" in index else "",
                call_in=row[index["call_in"]][0] if "call_in" in index else ""))
        except (DemocracyError, IndexError, ValueError):
            skipped += 1
    return Listing(rows=tuple(read), skipped=skipped)
