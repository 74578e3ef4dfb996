"""Written questions to a member on an agenda item (handlers/participation):
rows of the `participation` table (storage/democracy/participation.py), `q#<id>` in
the meeting's partition, so a meeting's questions are one Query; the asker's
are on `by_owner` beside their registrations."""
from ..binding import writes
from .participation import ParticipationModel as M, ResidentRows, _pk


class QuestionStore(ResidentRows):
    PREFIX = "q#"
    FIELDS = ("id", "meeting_id", "item_id", "user_id", "name", "email", "member", "question", "answer",
              "answered_at", "name_public", "created_at")
    BOOLEANS = ("name_public",)

    def ask(self, question, idempotency=None):
        """AlreadyExists("idempotency"): the request's key was claimed meanwhile."""
        return self._create(question, idempotency)

    def answer(self, meeting_id, question_id, answer, now, expected):
        """EditConflict when it changed since version `expected` (or is gone)."""
        with writes(["question"]):
            M(_pk(meeting_id), f"q#{question_id}").update(
                actions=[M.answer.set(answer), M.answered_at.set(now), M.version.add(1)],
                condition=M.version == expected)
        return self.get(meeting_id, question_id)
