"""Idox Public Access's pages read by their structure and their labels, never
by positions (labels and row orders differ from council to council).

What the readers of real registers (uk_planning_scraper's idox.rb, UKPlanning)
rely on, and no more: the search form `searchCriteriaForm` with its hidden
fields (`_csrf` on current releases) and its `week` and `ward` selects; results
as `li.searchresult` (an `a` to applicationDetails.do?keyVal=..., `p.address`,
`p.metaInfo` "Ref. No: | Received: | Validated: | Status:"), the pager's
`a.next`; an application's tabs as th/td pairs in the table each tab is
rendered in (TAB_TABLES: the summary and dates tabs' `#simpleDetailsTable`,
"Further Information"'s `#applicationDetails`; fixtures/ holds real pages).
A page without what it should hold raises PlanningError("changed"), so an
error page served with 200 or a new design is never read as data.
"""
import re
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from ..port import Listed, PlanningError
from . import dom

CHALLENGE = re.compile(r"just a moment|checking your browser|access denied|request rejected|captcha", re.I)
ERROR_WORDS = re.compile(r"an error (has )?occurred|unexpected error|service unavailable|temporarily unavailable", re.I)
NO_RESULTS = re.compile(r"no results found", re.I)
DATE_FORMATS = ("%a %d %b %Y", "%d %b %Y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d %B %Y", "%a %d %B %Y")

# The summary's and the dates tab's labels, as councils word them, to our fields.
LABELS = {
    "reference": ("Reference", "Application Reference", "Application Number"),
    "address": ("Address", "Site Address", "Location"),
    "proposal": ("Proposal", "Description", "Development Description"),
    "status": ("Status", "Application Status"),
    "decision": ("Decision", "Decision Type"),
    "decided": ("Decision Issued Date", "Decision Made Date", "Decision Date", "Decision Notice Date"),
    "received": ("Application Received", "Application Received Date", "Application Registered", "Received"),
    "validated": ("Application Validated", "Application Validated Date", "Valid Date", "Validated"),
    # Scotland reviews a delegated refusal at the council's Local Review Body, not by appeal.
    "appeal_status": ("Appeal Status", "Local Review Body Status"),
    "app_type": ("Application Type", "Case Type"),
    "ward": ("Ward", "Wards"),
    "neighbour_expiry": ("Neighbour Consultation Expiry", "Neighbour Consultation Expiry Date",
                         "Neighbour Notification Expiry", "Neighbour Notification Expiry Date"),
    # Scottish registers' last day for comments (Glasgow's and Edinburgh's words, Moray's, Perth's).
    "standard_expiry": ("Standard Consultation Expiry", "Standard Consultation Expiry Date",
                        "Consultation Expiry Date", "Public Consultation Expiry", "Last Date for Comments",
                        "Expiry Date for Comments", "Last date for public comments"),
}
# The table each of an application's tabs holds its rows in, as registers render them.
TAB_TABLES = {"summary": "simpleDetailsTable", "dates": "simpleDetailsTable", "details": "applicationDetails"}
NOT_GIVEN = {"", "not available", "n/a", "na", "unknown", "none", "-", "not applicable"}  # how a register leaves one empty
_BY_LABEL = {" ".join(label.lower().split()): field for field, labels in LABELS.items() for label in labels}


def page(raw):
    """The tree of a page that is at least a Public Access page: a challenge is `blocked`."""
    head = raw[:4096].decode("latin-1") if isinstance(raw, bytes) else raw[:4096]
    tree = dom.parse(raw)
    title = tree.find("title")
    if CHALLENGE.search(title.text() if title else head):
        raise PlanningError("blocked", "a challenge page instead of the register")
    return tree


def _changed(tree, what):
    """An error page served with 200 says the register is not working (the run stops); any other page
    without what it should hold is one whose shape changed (that list or application is left)."""
    if ERROR_WORDS.search(tree.text()):
        return PlanningError("unreachable", "an error page served with 200")
    return PlanningError("changed", f"no {what} on the page")


def search_form(tree):
    """(action, hidden fields, {select name: [(value, label)]}) of the page's search form."""
    form = tree.find("form", name="searchCriteriaForm") or tree.find("form", id="weeklyListForm")
    if form is None:
        raise _changed(tree, "search form")
    hidden = {i.get("name"): i.get("value") for i in form.find_all("input", type="hidden") if i.get("name")}
    selects = {s.get("name"): [(o.get("value", o.text()), o.text()) for o in s.find_all("option")]
               for s in form.find_all("select") if s.get("name")}
    return form.get("action"), hidden, selects


def week_value(options, monday):
    """The `week` option for the week beginning `monday` (YYYY-MM-DD), as the site writes it; None if not offered."""
    for value, label in options:
        if day(value) == monday or day(label) == monday:
            return value
    return None


def day(text):
    """YYYY-MM-DD of a date as Public Access writes it ("Fri 22 Dec 2017", "22/12/2017"); "" for none."""
    text = " ".join((text or "").split())
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def results(tree):
    """(Listed rows, rows that could not be read, the next page's href or None)."""
    rows = list(tree.find_all("li", cls="searchresult"))
    if not rows:
        container = tree.find(id="searchResultsContainer") or tree.find(id="searchresults")
        if container is not None or NO_RESULTS.search(tree.text()):
            return [], 0, None
        raise _changed(tree, "search results")
    found, skipped = [], 0
    for row in rows:
        listed = _listed(row)
        if listed is None:
            skipped += 1
        else:
            found.append(listed)
    following = tree.find("a", cls="next")
    return found, skipped, (following.get("href") or None) if following is not None else None


def _listed(row):
    link, address, meta = row.find("a"), row.find("p", cls="address"), row.find("p", cls="metaInfo")
    if link is None or meta is None:
        return None
    key = key_of(link.get("href"))
    bits = {}
    for part in meta.text().split("|"):
        label, _, value = part.partition(":")
        bits[" ".join(label.lower().split())] = value.strip()
    reference = bits.get("ref. no") or bits.get("reference")
    if not key or not reference:
        return None
    return Listed(key=key, reference=reference, proposal=link.text(), address=address.text() if address else "",
                  status=bits.get("status", ""), validated=day(bits.get("validated", "")))


def key_of(href):
    values = parse_qs(urlsplit(href or "").query).get("keyVal")
    return values[0] if values else ""


def details(tree, table_id=TAB_TABLES["summary"]):
    """{our field: the value} of a tab's table (`table_id`), read by label; unknown labels are left."""
    table = tree.find("table", id=table_id)
    if table is None:
        raise _changed(tree, "details table")
    found = {}
    for row in table.find_all("tr"):
        head, cell = row.find("th"), row.find("td")
        if head is None or cell is None:
            continue
        field = _BY_LABEL.get(head.text().lower())
        if field and field not in found:
            value = cell.text()
            found[field] = "" if value.lower() in NOT_GIVEN else value
    return found
