"""Live chat: conversations and their messages (see records.py)."""
from dataclasses import field
from datetime import datetime

from ..record_class import when_named


@when_named
class Conversation:
    """A resident's live chat with council staff (handlers/conversations). Private
    throughout: its contact, context and transcript are never in a public view."""
    id: str
    state: str  # waiting (in the staff queue), taken (an officer has it), closed
    created_at: datetime
    updated_at: datetime
    user_id: str | None = None  # the resident's account, or None (then token_hash)
    token_hash: str | None = None  # sha256 of the conversation token, as a report's tracking token
    contact: dict = field(default_factory=dict)  # name, email, phone: private
    context: dict = field(default_factory=dict)  # screen, report_id, uprn: where the resident was
    party: str | None = None  # who the resident is for blocking: "user:<id>" or "email:<sha256>"/"phone:<sha256>"
    officer: str | None = None  # the officer who has it (taken)
    officer_name: str | None = None
    waiting_since: datetime | None = None  # in the queue since (None unless waiting)
    last_seq: int = 0  # the newest message's sequence number
    last_staff_seq: int = 0  # the newest staff message's, for "new reply" notices
    report_ids: list = field(default_factory=list)  # reports made from it or linked to it
    rating: int | None = None  # the resident's 1-5 answer at the end
    closed_at: datetime | None = None
    closed_by: str | None = None
    resident_seen_at: datetime | None = None  # the resident's last read: an open app polls, a closed one is told
    offered_at: datetime | None = None  # when the waiting resident was first shown "e-mail us or call instead"
    choice: str | None = None  # what they chose then: email (answer by e-mail), phone (they call), end
    chosen_at: datetime | None = None
    hold: dict | None = None  # a legal hold ({reason, by, at}): off the retention sweep until released


@when_named
class ChatMessage:
    conversation_id: str
    seq: int  # 1, 2, 3...: the cursor is the last seq a client has
    author: str  # resident, staff, system
    text: str
    created_at: datetime
    author_name: str | None = None  # an officer's name as the resident sees it
    photos: list = field(default_factory=list)
    template_id: str | None = None
