"""A chat erased whole: by its resident's erasure (DELETE /v1/me, and the retention sweep's removal of an
unused account) and by the retention sweep at the end of the council's period (handlers/retention/chats.py).

The photos its messages carry go from the bucket first: the store's erase takes the messages, and with
them the only record of which files were the chat's. Then its messages, the links staff found it by, and
the conversation last: stopped part way, it is still there for whoever erases it again (each step is a
delete, and deleting what is gone is no error)."""
from ...storage.blobs import CHAT_PHOTO_PREFIX


def erase(deps, conversation):
    from ...faults import boundary
    for photo in deps.conversations.photos_of(conversation.id):
        deps.blobs.delete(CHAT_PHOTO_PREFIX + photo["name"])
    boundary("conversations.photos_deleted")
    deps.conversations.erase(conversation)


def erase_of_user(deps, user_id):
    """Every chat of the account (the person's words, not the street's): gone, photos first."""
    for conversation in deps.conversations.of_user(user_id, limit=10_000):
        erase(deps, conversation)
