"""Where a council's export is written: a folder (the command's `--export <dir>`), or the bucket
under `offboarding/<council>/` (the operator's route, whose function has no folder to hand over),
read from there with links the route gives. Every write is of a whole file under a name the
export's cursor decides, so a page written again after a restart replaces itself: never a
duplicate, never a half file (a folder's file is written beside and renamed into place)."""
import os
from pathlib import Path, PurePosixPath

from .kinds import PACKAGE


class BadPath(ValueError):
    """A name that would leave the export's folder (`..`, an absolute path): never written."""


def _safe(path):
    parts = PurePosixPath(path).parts
    if not parts or path.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise BadPath(path)
    return path


class FolderSink:
    def __init__(self, root):
        self.root = Path(root).resolve()
        self.location = f"folder {self.root}"

    def write(self, path, data):
        target = self.root / _safe(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        beside = target.with_name(f".{target.name}.writing")
        with open(beside, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(beside, target)  # whole or not at all, whenever the process dies

    def read(self, path):
        return (self.root / _safe(path)).read_bytes()


class BucketSink:
    """The council's export in the deployment's bucket: `offboarding/<council>/<path>`. Deleted with
    the rest of the council's files (it is one of its kinds of file) once the council has confirmed it
    has its copy and asked for the deletion."""

    def __init__(self, council):
        from ..blobs import BlobStore
        self.store, self.prefix = BlobStore(), f"{PACKAGE}{council}/"
        self.location = f"bucket s3://{self.store.bucket}/{self.prefix}"

    def write(self, path, data):
        content_type = "application/json" if path.endswith(".json") else \
            "application/x-ndjson" if path.endswith(".jsonl") else "application/octet-stream"
        self.store.client.put_object(Bucket=self.store.bucket, Key=self.prefix + _safe(path), Body=data,
                                     ContentType=content_type)

    def read(self, path):
        return self.store.client.get_object(Bucket=self.store.bucket, Key=self.prefix + _safe(path))["Body"].read()

    def link(self, path, expires_in=3600):
        """A link to one file of the export for `expires_in` seconds (the operator's to hand over)."""
        return self.store.client.generate_presigned_url(
            "get_object", Params={"Bucket": self.store.bucket, "Key": self.prefix + _safe(path)},
            ExpiresIn=expires_in)
