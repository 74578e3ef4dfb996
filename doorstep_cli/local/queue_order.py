"""The order the local work queues (queue_service.py) hand their jobs out in.

Oldest first while a queue keeps up. A queue whose oldest visible job
has waited more than BEHIND_S is behind (a fresh stack's start-up backlog: the
demo's events, the county's first answers and the first meetings sync made
about 830 alert jobs, a minute of two workers' time), and then every other
receive is a fresh turn. Jobs are grouped by MessageGroupId (an alert job's
event: one event's fan-out is one group). A fresh turn goes on with the group
its last fresh turn took until it has nothing visible, then takes the group of
the newest job; but a big group (more than BIG_GROUP jobs waiting: a broadcast,
an agenda) gives way to a small one that arrived since it began (a person's
change is a handful of jobs: a new report's 13 keys, an effect's one). So a
resident's change made now is told in seconds, neither behind the backlog nor
behind a bigger fan-out, and the backlog still drains at half the rate or
more. SQS promises no order on a standard queue (its fair queues put a quiet
group's messages before a noisy one's); in AWS the alert queue's 200
consumers clear such a backlog in seconds.
"""
from __future__ import annotations

import sqlite3

BEHIND_S = 2.0  # the oldest visible job waited longer than this: the queue is behind
BIG_GROUP = 20  # more jobs than this waiting: a fan-out to many, which gives way
COLUMNS = "seq, id, body, md5, sent, receives, first_receive, visible, grp"


class Order:
    """Which visible rows a receive takes, per queue; called under the queues' lock."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self._fresh_turn: dict[str, bool] = {}  # a queue behind: is the next receive a fresh turn
        self._fresh_group: dict[str, tuple[str | None, int]] = {}  # and the (group, its seq) it took last

    def next(self, name: str, now: float, most: int) -> list[tuple]:
        """The oldest visible rows, or on a behind queue's fresh turn a group's (module
        docstring). A message moved to the dead-letter queue makes the answer shorter, as
        SQS's may be."""
        oldest = self.db.execute(f"SELECT {COLUMNS} FROM messages WHERE queue = ? AND visible <= ? "
                                 "ORDER BY visible, seq LIMIT ?", (name, now, most)).fetchall()
        if not oldest or oldest[0][7] > now - BEHIND_S:
            self._fresh_turn[name] = True  # keeping up: the oldest, and a fresh turn first once behind
            self._fresh_group.pop(name, None)
            return oldest
        fresh = self._fresh_turn.get(name, True)
        self._fresh_turn[name] = not fresh
        return self._fresh(name, now, most) if fresh else oldest

    def _fresh(self, name: str, now: float, most: int) -> list[tuple]:
        """A fresh turn's rows (module docstring): reads one group's jobs and, while a big group
        is served, the jobs sent since it began; never the backlog."""
        group, since = self._fresh_group.get(name, (None, 0))
        waiting = self._count(name, group, now) if group is not None else 0
        if waiting > BIG_GROUP:
            smaller = self.db.execute(
                "SELECT grp, max(seq) FROM messages WHERE queue = ? AND seq > ? AND visible <= ? AND grp != ? "
                "GROUP BY grp HAVING count(*) <= ? ORDER BY max(seq) DESC LIMIT 1",
                (name, since, now, group, BIG_GROUP)).fetchone()
            if smaller is not None:
                group, since, waiting = smaller[0], smaller[1], 1
        if not waiting:
            newest = self.db.execute(f"SELECT {COLUMNS} FROM messages WHERE queue = ? AND visible <= ? "
                                     "ORDER BY visible DESC, seq DESC LIMIT 1", (name, now)).fetchone()
            group, since = newest[8], newest[0]
            if group is None:
                self._fresh_group.pop(name, None)
                return [newest]
        self._fresh_group[name] = (group, since)
        return self.db.execute(f"SELECT {COLUMNS} FROM messages WHERE queue = ? AND grp = ? AND visible <= ? "
                               "ORDER BY visible, seq LIMIT ?", (name, group, now, most)).fetchall()

    def _count(self, name: str, group: str, now: float) -> int:
        return self.db.execute("SELECT count(*) FROM messages WHERE queue = ? AND grp = ? AND visible <= ?",
                               (name, group, now)).fetchone()[0]
