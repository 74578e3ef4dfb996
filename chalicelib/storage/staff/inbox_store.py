"""Reading the staff inbox (storage/staff/inbox.py holds its rows).

An InboxQuery becomes the partitions that hold exactly its answer (each
status part x category x ward x team asked for) and, for each, one key range
in one order. Those sources are merged in that order, each read lazily in
small chunks, so a page reads about what it returns plus a chunk per
source. A `priority` order is one merge per priority rank, one after the
other. A word search reads one word's rows (the longest word: usually the
rarest) and checks the other filters on what it read, up to a read budget
per page: a page may come back short, with a cursor to go on.
"""
import base64
import hashlib
import json
from collections import deque
from itertools import product

from ... import states
from ..binding import bind, record_of, wire_key
from .inbox import NO_DUE, PRIORITY_RANK, STAMP, UNASSIGNED, WORD_PREFIX, InboxModel, facet, row_of
from ..records import InboxRow

ORDERS = {"newest": "newest", "priority": "by_priority", "due": "by_due", "priority_due": "by_priority_due",
          "supporters": "by_support"}
LOWEST, HIGHEST = "!", "\x7f"  # below and above every key character used
WORD_READ_BUDGET = 200  # rows a word search reads per page, at most


class BadCursor(ValueError):
    """A cursor this query did not give out."""


class _Source:
    """One partition's key range in one order, read a chunk at a time."""

    def __init__(self, partition, attribute, prefix, lo, hi, descending, after=None):
        self.partition, self.attribute, self.prefix = partition, attribute, prefix
        self.lo, self.hi, self.descending = prefix + (lo or LOWEST), prefix + (hi or HIGHEST), descending
        self.buffer, self.done, self.read = deque(), False, 0
        self.start = self._key_after(after) if after else None

    def _key_after(self, position):
        values = {"facet": self.partition, "newest": "#".join(position.rsplit("#", 2)[-2:])}
        if self.attribute != "newest":
            values[self.attribute] = self.prefix + position
        return wire_key(InboxModel, **values)

    def fill(self, count):
        if self.done:
            return
        attribute = getattr(InboxModel, self.attribute)
        source = InboxModel if self.attribute == "newest" else getattr(InboxModel, f"{self.attribute}_index")
        results = source.query(self.partition, attribute.between(self.lo, self.hi),
                               scan_index_forward=not self.descending, limit=count, page_size=count,
                               last_evaluated_key=self.start)
        for item in results:
            row = record_of(InboxRow, item)
            row.position = getattr(item, self.attribute)[len(self.prefix):]
            self.buffer.append(row)
            self.read += 1
        self.start = results.last_evaluated_key
        self.done = self.start is None


def _status_parts(wanted):
    """The fewest partitions holding these states: a whole bucket, else each state."""
    parts = []
    for bucket, members in (("o", states.OPEN_STATES), ("c", states.CLOSED_STATES)):
        chosen = wanted & set(members)
        parts += [bucket] if chosen == set(members) else sorted(chosen)
    return parts


def _partitions(query):
    teams = None if query.teams is None else sorted(UNASSIGNED if t is None else t for t in query.teams)
    return [facet(s, c, w, t) for s, c, w, t in product(
        _status_parts(set(query.states)), sorted(query.categories) if query.categories is not None else [None],
        sorted(query.wards) if query.wards is not None else [None], teams if teams is not None else [None])]


def plan(query):
    """[(segment: [(partition, attribute, prefix, lo, hi)], descending)]: merged within, concatenated."""
    partitions = _partitions(query)
    ranks = sorted(PRIORITY_RANK[p] for p in query.priorities) if query.priorities is not None else None
    since = query.created_from.strftime(STAMP) if query.created_from else None
    if query.order == "due":
        lo, hi = query.due_from, query.due_before
        if ranks is None:
            return [([(p, "by_due", "", lo, hi) for p in partitions], False)]
        return [([(p, "by_priority_due", f"{r}#", lo, hi) for p in partitions for r in ranks], False)]
    if query.due_before or query.due_from:
        raise ValueError("a due-date range needs the due order")
    if query.order == "supporters":
        if ranks is not None or since:
            raise ValueError("the supporters order takes no priority or creation range")
        return [([(p, "by_support", "", None, None) for p in partitions], True)]
    if query.order == "priority":
        return [([(p, "by_priority", f"{r}#", since, None) for p in partitions], True)
                for r in ranks or sorted(PRIORITY_RANK.values())]
    descending = query.order != "oldest"
    if ranks is None:
        return [([(p, "newest", "", since, None) for p in partitions], descending)]
    return [([(p, "by_priority", f"{r}#", since, None) for p in partitions for r in ranks], descending)]


def _merge(sources, limit, descending):
    """Up to `limit` rows in order from every source; and whether any remain."""
    if not sources:
        return [], False  # e.g. "assigned to any team" before there is a team
    chunk = max(2, -(-limit // len(sources)) + 1)
    out = []
    while len(out) < limit:
        for source in sources:
            if not source.buffer and not source.done:
                source.fill(chunk)
        live = [s for s in sources if s.buffer]
        if not live:
            break
        best = (max if descending else min)(live, key=lambda s: s.buffer[0].position)
        out.append(best.buffer.popleft())
    return out, any(s.buffer or not s.done for s in sources)


class InboxStore:
    def __init__(self):
        bind()

    def find(self, query, limit, cursor=None):
        """(rows, next cursor or None, rows read) for one page of the inbox."""
        if query.words:
            return self._search(query, limit, cursor)
        segments = plan(query)
        first, after = _decode(cursor, query) if cursor else (0, None)
        out, read = [], 0
        for number in range(first, len(segments)):
            parts, descending = segments[number]
            sources = [_Source(*part, descending, after if number == first else None) for part in parts]
            rows, more = _merge(sources, limit - len(out), descending)
            out += rows
            read += sum(s.read for s in sources)
            if len(out) >= limit:
                if more:
                    return out, _encode(query, number, out[-1].position), read
                return out, (_encode(query, number + 1, None) if number + 1 < len(segments) else None), read
        return out, None, read

    def row_for(self, report):
        """The inbox line of a report read whole (a search by reference)."""
        return row_of(report)

    def _search(self, query, limit, cursor):
        word = max(query.words, key=len)
        _, after = _decode(cursor, query) if cursor else (0, None)
        since = query.created_from.strftime(STAMP) if query.created_from else None
        source = _Source(WORD_PREFIX + word, "newest", "", since, None, query.order != "oldest", after)
        out, last = [], None
        while len(out) < limit and source.read < WORD_READ_BUDGET:
            if not source.buffer:
                if source.done:
                    return out, None, source.read
                # The page and one more first; then larger chunks, as matches are sparser than hoped.
                wanted = limit + 1 if not source.read else max(2 * limit, 20)
                source.fill(min(wanted, WORD_READ_BUDGET - source.read))
                continue
            row = source.buffer.popleft()
            last = row.position
            if query.matches(row):
                out.append(row)
        if not source.buffer and source.done:
            return out, None, source.read
        return out, _encode(query, 0, last), source.read


def _fingerprint(query):
    """The same query gives the same digest in every process (sets sorted: a
    frozenset's order changes with the process's hash seed)."""
    def plain(value):
        if isinstance(value, frozenset):
            return sorted(value, key=lambda v: (v is None, v or ""))
        return value.isoformat() if hasattr(value, "isoformat") else value
    canonical = json.dumps({k: plain(v) for k, v in sorted(vars(query).items())}, default=list)
    return hashlib.sha256(canonical.encode()).hexdigest()[:10]


def _encode(query, segment, after):
    raw = json.dumps([_fingerprint(query), segment, after], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode(cursor, query):
    try:
        fingerprint, segment, after = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError):
        raise BadCursor("Not a cursor this inbox gave out.")
    if fingerprint != _fingerprint(query) or not isinstance(segment, int) or segment < 0 \
            or not (after is None or isinstance(after, str)):
        raise BadCursor("This cursor belongs to another query: keep the filters it came with.")
    return segment, after


__all__ = ["InboxStore", "BadCursor", "plan", "NO_DUE"]
