"""The staff inbox's rows and what a page of it asks for.

storage/records.py says what these values are and loads this module when one is named."""
from __future__ import annotations  # the annotations are for readers: nothing evaluates them

from dataclasses import dataclass, field
from datetime import datetime  # noqa: F401  (named in annotations)

from ..record_class import when_named


@when_named
class InboxRow:
    """One line of the staff inbox, as its index row holds it."""
    report_id: str
    service_code: str
    state: str
    priority: str
    created_at: datetime
    updated_at: datetime
    summary: str = ""
    ward: str | None = None
    team: str | None = None
    due: str | None = None
    private: bool = False
    located: bool = False
    channel: str | None = None
    duplicate_of: str | None = None
    flags: list = field(default_factory=list)
    words: list = field(default_factory=list)
    supporters: int = 0  # residents who said "me too"
    position: str | None = None  # its place in the order it was read in (cursors)


@dataclass(frozen=True)
class InboxQuery:
    """What a staff inbox page asks for, scope included; None means "any".
    In `teams`, None stands for "unassigned"."""
    states: frozenset
    categories: frozenset | None = None
    wards: frozenset | None = None
    teams: frozenset | None = None
    priorities: frozenset | None = None
    created_from: datetime | None = None  # created at or after
    due_before: str | None = None  # "YYYY-MM-DD", exclusive: overdue is due before today
    due_from: str | None = None  # inclusive; a report with no due date is due after every date
    order: str = "newest"  # newest, oldest, priority, due, supporters
    words: tuple = ()  # every one must be among the report's words

    def matches(self, row):
        """Whether an inbox row answers this query (read by a word search or a reference)."""
        return (row.state in self.states
                and (self.categories is None or row.service_code in self.categories)
                and (self.wards is None or row.ward in self.wards)
                and (self.teams is None or row.team in self.teams)
                and (self.priorities is None or row.priority in self.priorities)
                and (self.created_from is None or row.created_at >= self.created_from)
                and (self.due_before is None or (row.due is not None and row.due < self.due_before))
                and (self.due_from is None or row.due is None or row.due >= self.due_from)
                and all(w in (row.words or ()) for w in self.words))
