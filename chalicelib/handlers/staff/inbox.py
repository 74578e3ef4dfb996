"""The staff inbox: reports in the caller's scope, filtered and ordered by
the index rows that hold exactly each answer (storage/staff/inbox.py), never by
reading the reports; a reference goes straight to its report."""
import re
from datetime import datetime, time, timezone

from ... import ids, states, words
from ...auth.policy import Forbidden, staff_covers
from ...validation import Problems, broken_rules, page_limit
from ...stamps import stamp
from ...storage.records import InboxQuery
from ..shared.placement import today
from .limits import (FILTER_VALUES_MAX, INBOX_LIMIT_DEFAULT, INBOX_LIMIT_MAX, SEARCH_WORDS_MAX,
                     SINCE_PATTERN, SORTS, YES_NO)
from .wording import (FILTER_OUTSIDE_AREA, FILTER_VALUES_MOST, NOT_A_FILTER, ONE_OF,
                      OVERDUE_NOT_IN_DUE_ORDER, SEARCH_NOT_BY_DATE, SEARCH_NOTHING, SEARCH_WORDS,
                      SINCE_FORMAT, SINCE_IN_DUE_ORDER, STATUS_FILTER, SUPPORTERS_WITH_PRIORITY_OR_SINCE,
                      UNASSIGNED_WITH_TEAM, UNKNOWN_FILTER_VALUES, YES_OR_NO)

PARAMS = {"status", "service_code", "ward", "priority", "team", "assigned", "overdue", "since", "q", "sort",
          "limit", "cursor"}


def list_inbox(deps, params):
    from ...storage.metering import expose
    expose()  # staff may see what a page cost (Server-Timing)
    query, limit, cursor, reference = _query(deps, params)
    if reference:
        return {"reports": [_line(deps, row) for row in _by_reference(deps, reference, query)], "next_cursor": None}
    from ...storage.staff.inbox_store import BadCursor
    try:
        rows, next_cursor, _ = deps.inbox.find(query, limit, cursor)
    except BadCursor as e:  # not a cursor this inbox gave, with these filters: a rule (422)
        raise broken_rules([("cursor", str(e))])
    return {"reports": [_line(deps, row) for row in rows], "next_cursor": next_cursor}


def _query(deps, params):
    problems = _Problems(params)
    wanted = states.states_for_filter(params.get("status"))
    if wanted is None:
        problems.add("status", STATUS_FILTER)
    # The council's own categories, wards and teams: a code it does not have is a rule (422).
    categories = problems.codes("service_code", set(deps.services.by_code()), council=True)
    wards = problems.codes("ward", None, lambda w: deps.wards.get(w) is not None, council=True)
    priorities = problems.codes("priority", set(states.PRIORITIES))
    teams = problems.codes("team", None, lambda t: deps.teams.get(t) is not None, council=True)
    assigned, overdue = problems.yes_no("assigned"), problems.yes_no("overdue")
    since = problems.since()
    sort = params.get("sort") or ("due" if overdue is not None else "newest")
    if sort not in SORTS:
        problems.add("sort", ONE_OF.format(choices=", ".join(SORTS)))
    limit = problems.limit()
    text = (params.get("q") or "").strip()  # at most SEARCH_MAX characters (the edge, as the document says)
    reference = ids.normalise_report_id(text) if text and ids.is_report_id(ids.normalise_report_id(text)) else None
    found = () if reference or not text else tuple(words.words(text))
    # What the words hold, and filters that do not go together: rules the document states in words (422).
    if text and not reference and not found:
        problems.rule("q", SEARCH_NOTHING)
    if len(found) > SEARCH_WORDS_MAX:
        problems.rule("q", SEARCH_WORDS.format(most=SEARCH_WORDS_MAX))
    if overdue is not None and sort != "due":
        problems.rule("overdue", OVERDUE_NOT_IN_DUE_ORDER)
    if since is not None and sort == "due":
        problems.rule("since", SINCE_IN_DUE_ORDER)
    if sort == "supporters" and (priorities or since is not None):
        problems.rule("sort", SUPPORTERS_WITH_PRIORITY_OR_SINCE)
    if found and sort not in ("newest", "oldest"):
        problems.rule("q", SEARCH_NOT_BY_DATE)
    if assigned is False and teams:
        problems.rule("assigned", UNASSIGNED_WITH_TEAM)
    problems.raise_if_any()
    if assigned is True and not teams:
        teams = {t.id for t in deps.teams.all()}
    day = today(deps)
    query = InboxQuery(
        states=frozenset(wanted), categories=_scoped(deps, "categories", categories, "service_code"),
        wards=_scoped(deps, "wards", wards, "ward"),
        teams=frozenset({None}) if assigned is False else frozenset(teams) if teams is not None else None,
        priorities=frozenset(priorities) if priorities else None, created_from=since,
        due_before=day if overdue else None, due_from=day if overdue is False else None, order=sort,
        words=found)
    return query, limit, params.get("cursor") or None, reference


def _scoped(deps, kind, asked, name):
    """What was asked for within the caller's scope; a value outside it is refused."""
    scope = set((deps.principal.scope or {}).get(kind) or []) if deps.principal.role != "admin" else set()
    if asked and scope and not asked <= scope:
        raise Forbidden(FILTER_OUTSIDE_AREA.format(field=name, values=",".join(sorted(asked - scope))))
    chosen = asked or scope
    return frozenset(chosen) if chosen else None


def _by_reference(deps, reference, query):
    report = deps.reports.get(reference)
    if report is None or not staff_covers(deps.principal, report):
        return []
    row = deps.inbox.row_for(report)
    return [row] if query.matches(row) else []


def _line(deps, row):
    service = deps.services.get(row.service_code) or {}
    return {
        "id": row.report_id, "service_code": row.service_code,
        "service_name": service.get("name", row.service_code), "group": service.get("group"),
        "status": row.state, "status_label": states.LABELS.get(row.state, row.state),
        "open": states.is_open(row.state), "priority": row.priority, "summary": row.summary,
        "ward": row.ward, "team": row.team, "due": row.due,
        "overdue": bool(row.due and states.is_open(row.state) and row.due < today(deps)),
        "private": bool(row.private), "private_category": bool(service.get("private")),
        "located": bool(row.located),
        "channel": row.channel, "duplicate_of": row.duplicate_of, "flags": list(row.flags or []),
        "supporters": int(row.supporters or 0),
        "created_at": stamp(row.created_at), "updated_at": stamp(row.updated_at),
        "url": f"{deps.base_url}/v1/staff/reports/{row.report_id}",
    }


class _Problems(Problems):
    """The inbox's query parameters, checked, every problem collected: add() what breaks the
    document (400), rule() what keeps it but breaks a rule it states in words (422)."""

    def __init__(self, params):
        super().__init__()
        self.params = params
        for name in sorted(set(params) - PARAMS):
            self.add(name, NOT_A_FILTER)

    def codes(self, name, known, exists=None, council=False):
        """A comma list of codes, each known; None when not given. `council`: the codes are
        the council's own (not the document's), so an unknown one is a rule."""
        raw = self.params.get(name)
        if raw is None or not raw.strip():
            return None
        values = {v.strip() for v in raw.split(",") if v.strip()}
        if len(values) > FILTER_VALUES_MAX:
            self.add(name, FILTER_VALUES_MOST.format(most=FILTER_VALUES_MAX))
            return values
        unknown = sorted(v for v in values if (v not in known if known is not None else not exists(v)))
        if unknown:
            (self.rule if council else self.add)(name, UNKNOWN_FILTER_VALUES[name].format(
                values=", ".join(unknown)[:200]))
        return values

    def yes_no(self, name):
        raw = self.params.get(name)
        if raw is None or raw == "":
            return None
        if raw.lower() not in YES_NO:
            self.add(name, YES_OR_NO)
            return None
        return YES_NO[raw.lower()]

    def since(self):
        raw = self.params.get("since")
        if not raw:
            return None
        if not re.match(SINCE_PATTERN, raw):
            self.add("since", SINCE_FORMAT)
            return None
        try:
            moment = datetime.fromisoformat(raw.replace("Z", "+00:00")) if "T" in raw \
                else datetime.combine(datetime.fromisoformat(raw).date(), time(), timezone.utc)
        except ValueError:  # of the document's shape, but no such day (31 April)
            self.rule("since", SINCE_FORMAT)
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

    def limit(self):
        return page_limit(self.params, self, INBOX_LIMIT_DEFAULT, INBOX_LIMIT_MAX)
