"""Live chats past their council's period after closure: deleted, whole (issue 80; the data map's
default is two years, storage/data_map.KEPT_AS_A_CHAT). A chat is the person's words, not the street's:
nothing of it is kept for the figures, as their own erasure keeps nothing (accounts/me.py).

The photos its messages carry go from the bucket first, then its messages and the links staff found it
by, and the conversation itself last, which takes it off the due index: a sweep killed part way finds
it still due and does the rest (each step is a delete, and deleting what is gone is no error)."""
from ...storage.blobs import PHOTO_PREFIX


def is_due(conversation, cut_off):
    return (conversation is not None and conversation.state == "closed" and not conversation.hold
            and conversation.closed_at is not None and conversation.closed_at < cut_off)


def delete(deps, conversation_id, cut_off):
    """"deleted", or "kept" (gone already, or not closed before the cut-off when read again)."""
    conversation = deps.conversations.get(conversation_id)
    if not is_due(conversation, cut_off):
        return "kept"
    from ...faults import boundary
    for photo in deps.conversations.photos_of(conversation.id):
        deps.blobs.delete(PHOTO_PREFIX + photo["name"])
    boundary("retention.chat_photos_deleted")
    deps.conversations.erase(conversation)
    return "deleted"
