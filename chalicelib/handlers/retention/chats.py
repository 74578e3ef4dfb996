"""Live chats past their council's period from their last word: deleted, whole (issue 80; the data map's
default is two years, storage/data_map.KEPT_AS_A_CHAT). A chat is the person's words, not the street's:
nothing of it is kept for the figures, as their own erasure keeps nothing (accounts/me.py).

Its last word is its closure, or, for a chat never closed (left open by the resident and the desk), its
last message: such a chat is on the due index from its start, moved on by each message, so one idle for
the council's period goes as a closed one would (docs/decisions/retention.md). The sweep closes it first,
as of that last message and only if nothing was said since it was read (the officer's place freed), so a
run killed after the closing finds it still due from the same moment.

Erased as a resident's erasure erases it (handlers/conversations/erasing.py): its photos from the bucket
first, then its messages and the links staff found it by, and the conversation itself last, which takes
it off the due index: a sweep killed part way finds it still due and does the rest."""
from ...storage.errors import EditConflict


def last_word(deps, conversation):
    """The moment its period runs from: its closure, or its last message (its start when none was said)."""
    if conversation.state == "closed":
        return conversation.closed_at
    last = deps.conversations.message(conversation.id, conversation.last_seq) if conversation.last_seq else None
    return last.created_at if last is not None else conversation.created_at


def delete(deps, conversation_id, cut_off):
    """"deleted", or "kept" (gone already, or its last word not before the cut-off when read again)."""
    conversation = deps.conversations.get(conversation_id)
    said = last_word(deps, conversation) if conversation is not None else None
    if said is None or said >= cut_off or conversation.hold:  # a legal hold stops its clock (holds.py)
        return "kept"
    if conversation.state != "closed":
        try:
            deps.conversations.close(conversation, "retention", said, if_silent=True)
        except EditConflict:
            return "kept"  # a word, a taking or a closing since it was read: the next run reads it again
        from ...faults import boundary
        boundary("retention.idle_chat_closed")
        conversation = deps.conversations.get(conversation_id)
    from ..conversations.erasing import erase
    return "deleted" if erase(deps, conversation) else "kept"  # held since it was read: kept
