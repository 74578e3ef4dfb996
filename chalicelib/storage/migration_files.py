"""Moving the files of a deployment made before councils were kept apart into a council
(docs/decisions/councils.md): a file the release before wrote as `photos/<name>` lies, for
the code now, at `photos/<council>/<name>` (blobs.placed), and is copied there, then
deleted where it was. A file whose copy is there already (a run that died between the two
steps, or a newer one the council wrote since: the night's open data) is only deleted, so a
second run, or one after a crash, finds nothing left to move and overwrites nothing newer.
"""
from .. import faults
from .blobs import BlobStore, placed
from .migration import Tally


def migrate_files(into, councils, dry_run=False, progress=None):
    """[Tally] of each kind of file (its prefix: photos/, uploads/...), each moved into `into`."""
    from botocore.exceptions import ClientError
    store = BlobStore()
    tallies, written = {}, set()
    for page in store.client.get_paginator("list_objects_v2").paginate(Bucket=store.bucket):
        for key in (item["Key"] for item in page.get("Contents", ())):
            kind, sep, rest = key.partition("/")
            if key in written:
                continue
            tally = tallies.setdefault(kind + sep, Tally(kind + sep))
            tally.read += 1
            if not sep:
                tally.refuse(key, "no_kind")
                continue
            if rest.partition("/")[0] in councils and "/" in rest:
                tally.already += 1
                continue
            target = placed(key, into)
            if not dry_run:
                try:
                    store.client.head_object(Bucket=store.bucket, Key=target)
                except ClientError as e:
                    if e.response.get("Error", {}).get("Code") not in ("404", "NoSuchKey", "NotFound"):
                        raise
                    store.client.copy_object(Bucket=store.bucket, Key=target, MetadataDirective="COPY",
                                             CopySource={"Bucket": store.bucket, "Key": key})
                store.client.delete_object(Bucket=store.bucket, Key=key)
                written.add(target)
            tally.moved += 1
            if not dry_run:
                faults.boundary("migration.moved")
        if progress:
            for tally in tallies.values():
                progress(tally)
    return list(tallies.values())
