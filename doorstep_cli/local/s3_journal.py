"""Photos that survive a `kill -9`: moto's S3, written through to disk.

moto keeps objects in memory only. This WSGI middleware sits in front of it
and, after every S3 request that changed an object or a bucket, copies the
new state to disk before the client gets its answer: an acknowledged upload
is on disk. It reads back through the public S3 API, so it does not depend on
moto's internals, and mirrors what is there now (written or deleted), so
retries and races settle on the last state. At start-up `restore` puts
everything back.

Layout: buckets/<bucket>/bucket.json (region), buckets/<bucket>/objects/
<sha256 of key>.json (key, content type, metadata, body digest) and
blobs/<sha256 of body>. A body is written before the entry naming it, so a
crash leaves the old entry or the new one, each with its body.
"""
from __future__ import annotations

import io
import logging
import shutil
import sys
import threading
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

from botocore.exceptions import ClientError

from doorstep_cli.local.files import atomic_write_bytes, dump_json, load_json, sha256_hex, sweep_temp_files

log = logging.getLogger("doorstep.local")

# Optional headers worth keeping besides content type and user metadata,
# as (entry field, GetObject response field == PutObject argument).
EXTRA_FIELDS = (
    ("cache_control", "CacheControl"),
    ("content_disposition", "ContentDisposition"),
    ("content_encoding", "ContentEncoding"),
    ("content_language", "ContentLanguage"),
)
WRITE_METHODS = frozenset({"PUT", "POST", "DELETE"})


class S3Journal:
    def __init__(self, app: Callable[..., Iterable[bytes]], directory: Path, client: Callable[[], Any]):
        self.app = app
        self.directory = Path(directory)
        self.client = client  # an S3 client of the server this middleware fronts
        self.enabled = threading.Event()  # off while restore() replays the journal
        self._locks = [threading.Lock() for _ in range(64)]

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        target = s3_target(environ) if self.enabled.is_set() else None
        if target is None:
            return self.app(environ, start_response)
        bucket, key = target
        body = _buffer_body(environ) if environ.get("REQUEST_METHOD") == "POST" else b""
        status: list[str] = []

        def recording_start_response(code: str, headers: Any, *exc_info: Any) -> Any:
            status.append(code)
            return start_response(code, headers, *exc_info)

        # moto answers with a complete response object, so the status is known
        # (and nothing sent yet) when the call returns.
        response = self.app(environ, recording_start_response)
        if status and status[0][:1] == "2":
            try:
                self._record(environ, bucket, key, body)
            except Exception:
                # The client must not believe a write is kept when it is not.
                log.exception("Could not write s3://%s/%s through to disk", bucket, key or "")
                _close(response)
                start_response("500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info())
                return [b"The photo could not be saved to disk."]
        return response

    def _record(self, environ: dict[str, Any], bucket: str, key: str | None, body: bytes) -> None:
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        method = environ["REQUEST_METHOD"]
        if key is not None:
            self.sync_object(bucket, key)
        elif method == "POST" and "delete" in query:
            for deleted in _keys_in_delete_request(body):
                self.sync_object(bucket, deleted)
        elif method == "POST":
            form_key = _form_key(environ, body)
            if form_key is not None:
                self.sync_object(bucket, form_key)
        elif not query or method == "DELETE":
            self.sync_bucket(bucket)  # created or deleted; sub-resources (CORS...) are re-applied at start

    def _lock(self, bucket: str, key: str) -> threading.Lock:
        return self._locks[hash((bucket, key)) % len(self._locks)]

    def sync_bucket(self, bucket: str) -> None:
        folder = self.directory / "buckets" / bucket
        try:
            location = self.client().get_bucket_location(Bucket=bucket).get("LocationConstraint")
        except ClientError as exc:
            if _code(exc) == "NoSuchBucket":
                shutil.rmtree(folder, ignore_errors=True)
                return
            raise
        region = {None: "us-east-1", "": "us-east-1", "EU": "eu-west-1"}.get(location, location)
        atomic_write_bytes(folder / "bucket.json", dump_json({"region": region}))

    def sync_object(self, bucket: str, key: str) -> None:
        """Make the disk hold what the server holds for this key now."""
        entry_path = self.directory / "buckets" / bucket / "objects" / f"{sha256_hex(key.encode())}.json"
        # One key at a time: otherwise an older read could be written last.
        with self._lock(bucket, key):
            try:
                response = self.client().get_object(Bucket=bucket, Key=key)
            except ClientError as exc:
                if _code(exc) in ("NoSuchKey", "404", "NoSuchBucket"):
                    entry_path.unlink(missing_ok=True)
                    return
                raise
            data = response["Body"].read()
            digest = sha256_hex(data)
            blob = self.directory / "blobs" / digest
            if not blob.is_file():
                atomic_write_bytes(blob, data)
            if not (entry_path.parent.parent / "bucket.json").is_file():
                self.sync_bucket(bucket)
            entry: dict[str, Any] = {"key": key, "sha256": digest, "content_type": response.get("ContentType"),
                                     "metadata": response.get("Metadata") or {}}
            entry.update({field: response[name] for field, name in EXTRA_FIELDS if response.get(name)})
            atomic_write_bytes(entry_path, dump_json(entry))

    def restore(self) -> int:
        """Recreate every journaled bucket and object; returns how many objects."""
        sweep_temp_files(self.directory)
        client, restored, wanted = self.client(), 0, set()
        for bucket_file in sorted(self.directory.glob("buckets/*/bucket.json")):
            bucket, region = bucket_file.parent.name, load_json(bucket_file)["region"]
            _create_bucket(client, bucket, region)
            for entry_path in sorted(bucket_file.parent.glob("objects/*.json")):
                entry = load_json(entry_path)
                blob = self.directory / "blobs" / entry["sha256"]
                if not blob.is_file():
                    log.warning("The body of s3://%s/%s is missing; skipping it.", bucket, entry["key"])
                    continue
                client.put_object(Bucket=bucket, Key=entry["key"], Body=blob.read_bytes(), **_put_arguments(entry))
                wanted.add(entry["sha256"])
                restored += 1
        for blob in (self.directory / "blobs").glob("*"):
            if blob.name not in wanted:  # replaced or deleted since it was written
                blob.unlink(missing_ok=True)
        self.enabled.set()
        return restored


def s3_target(environ: dict[str, Any]) -> tuple[str, str | None] | None:
    """(bucket, key or None) for an S3 request that may change something."""
    if environ.get("REQUEST_METHOD", "GET").upper() not in WRITE_METHODS:
        return None
    service = _signing_service(environ)
    if service is not None and service != "s3":
        return None  # SES, SNS...: not kept
    path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
    bucket, _, key = path.lstrip("/").partition("/")
    if not bucket or bucket == "moto-api":
        return None
    return bucket, (key or None)


def _signing_service(environ: dict[str, Any]) -> str | None:
    # SigV4 credential scope <key>/<date>/<region>/<service>/aws4_request, in
    # the Authorization header or, for presigned URLs, the query.
    auth = environ.get("HTTP_AUTHORIZATION", "")
    if "Credential=" in auth:
        scope = auth.split("Credential=", 1)[1].split(",", 1)[0]
    else:
        scope = (parse_qs(environ.get("QUERY_STRING", "")).get("X-Amz-Credential") or [""])[0]
    parts = unquote(scope).split("/")
    return parts[3].lower() if len(parts) >= 5 else None


def _buffer_body(environ: dict[str, Any]) -> bytes:
    """Read the request body and give moto an identical stream to read."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def _form_key(environ: dict[str, Any], body: bytes) -> str | None:
    """The key of a browser's form upload (S3 POST Object)."""
    from werkzeug.formparser import parse_form_data
    form_environ = {**environ, "wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))}
    _, form, files = parse_form_data(form_environ)
    key = form.get("key")
    if key is None:
        return None
    upload = files.get("file")
    return key.replace("${filename}", upload.filename or "") if upload is not None else key


def _keys_in_delete_request(body: bytes) -> list[str]:
    root = ElementTree.fromstring(body)
    return [element.text or "" for element in root.iter() if element.tag.rsplit("}", 1)[-1] == "Key"]


def _put_arguments(entry: dict[str, Any]) -> dict[str, Any]:
    arguments: dict[str, Any] = {"Metadata": entry.get("metadata") or {}}
    if entry.get("content_type"):
        arguments["ContentType"] = entry["content_type"]
    arguments.update({name: entry[field] for field, name in EXTRA_FIELDS if entry.get(field)})
    return arguments


def _create_bucket(client: Any, name: str, region: str) -> None:
    arguments: dict[str, Any] = {"Bucket": name}
    if region != "us-east-1":
        arguments["CreateBucketConfiguration"] = {"LocationConstraint": region}
    try:
        client.create_bucket(**arguments)
    except ClientError as exc:
        if _code(exc) not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            raise


def _close(response: Iterable[bytes]) -> None:
    close = getattr(response, "close", None)
    if close is not None:
        close()


def _code(exc: ClientError) -> str:
    return exc.response.get("Error", {}).get("Code", "")
