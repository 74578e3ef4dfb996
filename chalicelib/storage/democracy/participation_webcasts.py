"""A meeting's webcast chapters (handlers/participation/webcasts.py): one row
of the `participation` table, `webcast` in the meeting's partition: when the
officer first marked it live, and each item's start in the recording, in
seconds. One GetItem to read; a change names the version it was made to."""
from ..binding import bind, writes
from .participation import ParticipationModel as M, _pk


def _plain(row):
    return {"chapters": list(row.chapters or []), "started_at": row.started_at, "version": int(row.version or 0)}


class WebcastStore:
    def __init__(self):
        bind()

    def get(self, meeting_id):
        """{chapters, started_at, version}, or None when no chapter is set."""
        try:
            return _plain(M.get(_pk(meeting_id), "webcast", consistent_read=True))
        except M.DoesNotExist:
            return None

    def put(self, meeting_id, chapters, started_at, expected):
        """Chapters ([{item_id, at_s}]) as of version `expected` (0: none yet);
        EditConflict when another officer changed them first."""
        row = M(_pk(meeting_id), "webcast", chapters=chapters, started_at=started_at, version=expected + 1)
        condition = M.pk.does_not_exist() if expected == 0 else (M.version == expected)
        with writes(["webcast"]):
            row.save(condition=condition)
        return _plain(row)
