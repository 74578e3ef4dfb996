"""Chats written before this release, brought up to it by `doorstep tables` (CLI only; run after each
deploy, as the upgrades' notes say: docs/decisions/retention.md, "Chat photos apart").

- Photos sent in chats lay under photos/ with the street reports' (`photos/<council>/<name>`): each one a
  message names is copied to `chat-photos/<council>/<name>` and deleted where it was, so the sweep and an
  erasure (which may delete chat-photos/ alone) can delete it. Copied first: a run that dies between the
  two finds the copy there and only deletes; a second run finds nothing under photos/ and moves nothing.
  A photo whose upload a report claimed too (one upload sent in a chat and then with a report: the
  report's row names it) is copied and left under photos/ as well, the report's.
- Chats never closed were on no due index: put on it from their last message (ConversationStore.add_due_keys).

Each is a Scan of its table, every council's, read page by page (the messages' filtered on a photo
named): a command's, never a request's."""
import json
from dataclasses import dataclass

from ... import faults, tenancy
from ..blobs import CHAT_PHOTO_PREFIX, PHOTO_PREFIX, BlobStore, placed


@dataclass
class Moved:
    """What the move found: moved; already under chat-photos/ alone; copied and kept under photos/ as a
    report's too; named by a message but in neither place (deleted before, by hand or by its report)."""
    moved: int = 0
    already: int = 0
    shared: int = 0
    missing: int = 0

    def words(self):
        return (f"chat photos: {self.moved} moved to {CHAT_PHOTO_PREFIX}, {self.already} there already, "
                f"{self.shared} kept under {PHOTO_PREFIX} too (a report's), {self.missing} missing")


def upgrade_chats(dry_run=False):
    """(chats put on the due index, Moved): what `doorstep tables` says."""
    from .conversations import ConversationStore
    store = ConversationStore()
    return (0 if dry_run else store.add_due_keys()), move_photos(dry_run)


def move_photos(dry_run=False):
    from ..offboarding.paging import call
    from .conversations import MessageModel
    moved, blobs, start = Moved(), BlobStore(), None
    while True:
        page = call("Scan", TableName=MessageModel.Meta.table_name, FilterExpression="contains(#p, :n)",
                    ProjectionExpression="#c, #p", ExpressionAttributeNames={"#c": "conversation_id", "#p": "photos"},
                    ExpressionAttributeValues={":n": {"S": '"name"'}},  # a value, not a key
                    **({"ExclusiveStartKey": start} if start else {}))
        for item in page.get("Items", []):
            council = item["conversation_id"]["S"].partition(tenancy.SEPARATOR)[0]
            for photo in json.loads(item["photos"]["S"]) or []:
                done = _move(blobs, council, photo["name"], dry_run)
                setattr(moved, done, getattr(moved, done) + 1)
        start = page.get("LastEvaluatedKey")
        if not start:
            return moved


def _move(blobs, council, name, dry_run):
    source, target = placed(PHOTO_PREFIX + name, council), placed(CHAT_PHOTO_PREFIX + name, council)
    there, here = _exists(blobs, target), _exists(blobs, source)
    if not here:
        return "already" if there else "missing"
    if dry_run:
        return "moved"
    if not there:
        blobs.client.copy_object(Bucket=blobs.bucket, Key=target, MetadataDirective="COPY",
                                 CopySource={"Bucket": blobs.bucket, "Key": source})
        faults.boundary("upgrade.chat_photo_copied")
    if _a_reports(council, name):
        return "shared"
    blobs.client.delete_object(Bucket=blobs.bucket, Key=source)
    return "moved"


def _exists(blobs, key):
    from botocore.exceptions import ClientError
    try:
        blobs.client.head_object(Bucket=blobs.bucket, Key=key)
    except ClientError as e:
        if e.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return False
        raise
    return True


def _a_reports(council, name):
    """Whether a report claimed the upload the photo was cleaned from (its row names the report)."""
    from ..reports.report_store import ReportStore
    with tenancy.acting_for(council):
        upload = ReportStore().upload(name.partition(".")[0])
    return upload is not None and bool(upload.report_id)
