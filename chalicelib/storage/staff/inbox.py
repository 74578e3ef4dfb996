"""The staff inbox's index: a few small rows per report, so that every inbox
query is a key range of one or a few partitions and reads about what it
returns, whatever the size of the table.

A row's partition ("facet") is a status and what the report is filed under,
in a fixed order, each part optional:

    o                         every open report ("c": every closed one)
    investigating             every report in that state
    o#c#pothole               a category
    o#w#micklegate            a ward (reports with a point in one)
    o#t#north / o#t#-         a team / unassigned
    o#c#pothole#w#micklegate  a ward-scoped officer's category, and so on

Every combination of category, ward and team is written under both the
open/closed bucket and the state itself: 16 rows for a placed report, 8 for
one without a point. Each row carries five orders: `newest` (created#id, the
table's sort key) and, in four indexes, `by_priority` (rank#created#id),
`by_due` (due#created#id, "~" when there is none, so "overdue" is the range
below today), `by_priority_due` (rank#due#created#id) and `by_support`
(supporters, six digits, #created#id: most "me too"s first, read descending).

Words of the description and address get a row each under "q#<word>",
newest first, carrying the filters' attributes and the report's words, so a
search reads one word's rows and checks the rest on what it read.

A row holds what an inbox line shows, so the inbox never reads the reports.
Rows are written in the report's own transaction (report_store.py); the
report keeps its row keys (inbox_keys) so a change deletes exactly the rows
its new values no longer need.
"""
from itertools import combinations

from pynamodb.attributes import (BooleanAttribute, JSONAttribute, ListAttribute, NumberAttribute, UnicodeAttribute,
                                 UTCDateTimeAttribute)
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ... import states, words
from ..binding import Stored, table
from ..council_key import CouncilKey
from ..records import InboxRow
from ..data_map import KEPT_AS_A_REPORT, Holds

PRIORITY_RANK = {"urgent": "0", "high": "1", "normal": "2", "low": "3"}
NO_DUE = "~"  # sorts after every "YYYY-MM-DD"
UNASSIGNED = "-"
WORD_PREFIX = "q#"
MAX_WORDS = 16  # a report's first distinct words (a long story's tail adds little to a search)
STAMP = "%Y-%m-%dT%H:%M:%SZ"


class _ByPriority(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_priority"
        projection = AllProjection()

    facet = CouncilKey(hash_key=True)
    by_priority = UnicodeAttribute(range_key=True)


class _ByDue(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_due"
        projection = AllProjection()

    facet = CouncilKey(hash_key=True)
    by_due = UnicodeAttribute(range_key=True)


class _ByPriorityDue(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_priority_due"
        projection = AllProjection()

    facet = CouncilKey(hash_key=True)
    by_priority_due = UnicodeAttribute(range_key=True)


class _BySupport(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_support"
        projection = AllProjection()

    facet = CouncilKey(hash_key=True)
    by_support = UnicodeAttribute(range_key=True)


class InboxModel(Stored):
    class Meta:
        table_name = table("inbox")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"summary": "free_text", "words": "free_text"}, whose="resident", part="reports",
        basis="public_task", purpose="The staff inbox's rows: what an inbox line shows of a report", copy_of="reports",
        not_personal={"located": "whether the report has a point: yes or no"}, retention=KEPT_AS_A_REPORT)

    facet = CouncilKey(hash_key=True)
    newest = UnicodeAttribute(range_key=True)
    # Word rows lack these four, so they stay out of the indexes.
    by_priority = UnicodeAttribute(null=True)
    by_due = UnicodeAttribute(null=True)
    by_priority_due = UnicodeAttribute(null=True)
    by_support = UnicodeAttribute(null=True)
    supporters = NumberAttribute(null=True)
    report_id = UnicodeAttribute()
    service_code = UnicodeAttribute()
    state = UnicodeAttribute()
    priority = UnicodeAttribute()
    ward = UnicodeAttribute(null=True)
    team = UnicodeAttribute(null=True)
    due = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute()
    summary = UnicodeAttribute(null=True)
    private = BooleanAttribute(null=True)
    located = BooleanAttribute(null=True)
    channel = UnicodeAttribute(null=True)
    duplicate_of = UnicodeAttribute(null=True)
    flags = JSONAttribute(null=True)
    words = ListAttribute(of=UnicodeAttribute, null=True)

    by_priority_index = _ByPriority()
    by_due_index = _ByDue()
    by_priority_due_index = _ByPriorityDue()
    by_support_index = _BySupport()


def facet(status, category=None, ward=None, team=None):
    """The partition of one combination: status is "o", "c" or a state name."""
    key = status
    for part, value in (("c", category), ("w", ward), ("t", team)):
        if value is not None:
            key += f"#{part}#{value}"
    return key


def facets(report):
    """The partitions a report's rows go under, for its values now."""
    dims = [("category", report.service_code), ("team", _team(report) or UNASSIGNED)]
    if report.ward:
        dims.append(("ward", report.ward))
    keys = []
    for status in (states.bucket(report.state), report.state):
        for n in range(len(dims) + 1):
            for chosen in combinations(dims, n):
                keys.append(facet(status, **dict(chosen)))
    return keys


def _team(report):
    return (report.assignment or {}).get("team")


def report_words(report):
    return words.words(report.description, report.address)[:MAX_WORDS]


def created_key(report):
    return f"{report.created_at.strftime(STAMP)}#{report.id}"


def rows(report):
    """The report's rows (facets, then words), ready to save."""
    newest = created_key(report)
    rank = PRIORITY_RANK.get(report.priority, PRIORITY_RANK["normal"])
    due = report.due or NO_DUE
    shared = dict(
        newest=newest, report_id=report.id, service_code=report.service_code, state=report.state,
        priority=report.priority or "normal", ward=report.ward, team=_team(report), due=report.due,
        created_at=report.created_at, updated_at=report.updated_at or report.created_at,
        summary=report.summary or None, private=bool(report.private) or None,
        located=report.lon is not None or None, channel=report.channel, duplicate_of=report.duplicate_of,
        flags=list(report.flags) if report.flags else None, supporters=int(report.supporters or 0) or None)
    shared = {k: v for k, v in shared.items() if v is not None}
    ordered = dict(by_priority=f"{rank}#{newest}", by_due=f"{due}#{newest}",
                   by_priority_due=f"{rank}#{due}#{newest}", by_support=f"{support_rank(report)}#{newest}")
    found = report_words(report)
    return ([InboxModel(facet=key, **shared, **ordered) for key in facets(report)]
            + [InboxModel(facet=WORD_PREFIX + word, **shared, words=found) for word in found])


def support_rank(report):
    """Six digits, so that the key orders as the number (a million "me too"s is plenty)."""
    return f"{min(int(report.supporters or 0), 999_999):06d}"


def keys(report):
    """The partitions of all its rows (what the report remembers as inbox_keys)."""
    return facets(report) + [WORD_PREFIX + w for w in report_words(report)]


def stale(report, old_keys, new_keys):
    """Rows a report had and no longer needs, as models to delete."""
    newest = created_key(report)
    keep = set(new_keys)
    return [InboxModel(facet=key, newest=newest) for key in old_keys or [] if key not in keep]


def row_of(report):
    """The inbox line of a report read whole (an exact reference search)."""
    return InboxRow(
        report_id=report.id, service_code=report.service_code, state=report.state,
        priority=report.priority or "normal", created_at=report.created_at,
        updated_at=report.updated_at or report.created_at, summary=report.summary or "", ward=report.ward,
        team=_team(report), due=report.due, private=bool(report.private), located=report.lon is not None,
        channel=report.channel, duplicate_of=report.duplicate_of, flags=list(report.flags or []),
        words=report_words(report), supporters=int(report.supporters or 0))
