"""A chat erased whole: by its resident's erasure (DELETE /v1/me, and the retention sweep's removal of an
unused account) and by the retention sweep at the end of the council's period (handlers/retention/chats.py).

The photos its messages carry go from the bucket first: the store's erase takes the messages, and with
them the only record of which files were the chat's. Then its messages, the links staff found it by, and
the conversation last: stopped part way, it is still there for whoever erases it again (each step is a
delete, and deleting what is gone is no error).

A chat on a legal hold is kept, by the sweep and by its resident's erasure alike (UK GDPR Art. 17(3)(e): a
complaint or a claim about it; docs/decisions/retention.md). Before anything goes, the chat is marked as being
erased on condition that it carries no hold, and a hold is refused once it is so marked: a hold placed
between the read and the deletes either keeps the chat or is refused (409), never lost."""
from ...storage.blobs import CHAT_PHOTO_PREFIX


def erase(deps, conversation):
    """True: erased; False: kept, on a legal hold (or gone already)."""
    from ...faults import boundary
    if not deps.conversations.begin_erasing(conversation.id):
        return False
    for photo in deps.conversations.photos_of(conversation.id):
        deps.blobs.delete(CHAT_PHOTO_PREFIX + photo["name"])
    boundary("conversations.photos_deleted")
    deps.conversations.erase(conversation)
    return True


def erase_of_user(deps, user_id):
    """Every chat of the account (the person's words, not the street's): gone, photos first, but for those
    on a legal hold: their ids, kept."""
    return [c.id for c in deps.conversations.of_user(user_id, limit=10_000) if c.hold or not erase(deps, c)]
