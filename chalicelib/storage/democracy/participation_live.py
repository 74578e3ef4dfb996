"""Questions residents send during a meeting's webcast (handlers/participation/
live.py): rows of the `participation` table, `live#<id>` in the meeting's
partition, so the moderators' list and the screens' list are each one Query of
it; the asker's are on `by_owner` beside their registrations and written
questions (My Account, the export, erasure).

A question is waiting, then approved or rejected by an officer; an approved one
is later marked answered (or taken off the screens: rejected). Each change
names the version it was made to (If-Match) and writes, in the same
transaction, the event its frame to the open screens follows from."""
from ..binding import transaction, writes
from .participation import ParticipationModel as M, ResidentRows, _pk

# What each decision may follow: an approved question may still be taken off the screens.
FROM = {"approved": ("waiting",), "rejected": ("waiting", "approved"), "answered": ("approved",)}


class LiveQuestionStore(ResidentRows):
    PREFIX = "live#"
    FIELDS = ("id", "meeting_id", "item_id", "user_id", "name", "ward", "question", "name_public", "status",
              "created_at", "decided_at", "decided_by")
    BOOLEANS = ("name_public",)

    def send(self, question, idempotency=None):
        """A question waiting for moderation. AlreadyExists("idempotency"): the
        request's key was claimed meanwhile (its twin answers)."""
        return self._create({k: v for k, v in question.items() if k != "status"}, idempotency, status="waiting")

    def decide(self, meeting_id, question_id, status, by, now, expected, event):
        """Moderated to `status`, if it was at version `expected` in a state the
        decision may follow; one transaction with its event. EditConflict
        ("question") otherwise (changed meanwhile, or gone)."""
        from ..reports.report_store import event_model
        condition = (M.version == expected) & M.status.is_in(*FROM[status])
        parts = ["event", "question"]
        with writes(parts), transaction() as t:
            t.save(event_model(event))
            t.update(M(_pk(meeting_id), f"live#{question_id}"), condition=condition, actions=[
                M.status.set(status), M.decided_at.set(now), M.decided_by.set(by), M.version.add(1)])
        return self.get(meeting_id, question_id)
