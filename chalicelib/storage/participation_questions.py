"""Written questions to a member on an agenda item (handlers/participation):
rows of the `participation` table (storage/participation.py), `q#<id>` in
the meeting's partition, so a meeting's questions are one Query; the asker's
are on `by_owner` beside their registrations."""
from .binding import bind, transaction, writes
from .participation import ParticipationModel as M, _pk

FIELDS = ("id", "meeting_id", "item_id", "user_id", "name", "email", "member", "question", "answer", "answered_at",
          "name_public", "created_at")


def _plain(row):
    found = {name: getattr(row, name, None) for name in FIELDS}
    found["name_public"] = bool(found["name_public"])
    found["version"] = int(row.version or 0)
    return found


class QuestionStore:
    def __init__(self):
        bind()

    def ask(self, question, idempotency=None):
        """AlreadyExists("idempotency"): the request's key was claimed meanwhile."""
        from .report_store import _claim_key
        row = M(_pk(question["meeting_id"]), f"q#{question['id']}", version=1,
                **{k: v for k, v in question.items() if k in FIELDS and v is not None})
        parts = ["question"]
        with writes(parts, exists={"question", "idempotency"}), transaction() as t:
            t.save(row, condition=M.pk.does_not_exist())
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
        return _plain(row)

    def get(self, meeting_id, question_id):
        try:
            return _plain(M.get(_pk(meeting_id), f"q#{question_id}", consistent_read=True))
        except M.DoesNotExist:
            return None

    def of_meeting(self, meeting_id):
        """A meeting's questions, first asked first: one Query."""
        rows = M.query(_pk(meeting_id), M.sk.startswith("q#"))
        return sorted((_plain(r) for r in rows), key=lambda q: (q["created_at"], q["id"]))

    def answer(self, meeting_id, question_id, answer, now, expected):
        """EditConflict when it changed since version `expected` (or is gone)."""
        with writes(["question"]):
            M(_pk(meeting_id), f"q#{question_id}").update(
                actions=[M.answer.set(answer), M.answered_at.set(now), M.version.add(1)],
                condition=M.version == expected)
        return self.get(meeting_id, question_id)

    def of_owner(self, user_id, limit=200):
        return [_plain(r) for r in M.by_owner.query(user_id, M.sk.startswith("q#"), limit=limit)]

    def erase_owner(self, user_id):
        """A resident's questions gone (erasure): how many."""
        found = self.of_owner(user_id)
        for q in found:
            M(_pk(q["meeting_id"]), f"q#{q['id']}").delete()
        return len(found)
