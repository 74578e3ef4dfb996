"""Save and reload S3 buckets through the public API.

Object bodies are stored once per distinct content under their sha256, so a
photo uploaded once is written to disk once no matter how many snapshots
follow. The manifest maps keys to those blobs and is the commit point: blobs
are written before it and only swept after it has been replaced.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from doorstep_cli.local.files import (
    ChangeTracker, SnapshotError, atomic_write_bytes, dump_json, load_json, sha256_hex,
)

FORMAT = 1
log = logging.getLogger("doorstep.local")

# Optional headers worth keeping besides content type and user metadata,
# as (manifest field, GetObject response field == PutObject argument).
EXTRA_FIELDS = (
    ("cache_control", "CacheControl"),
    ("content_disposition", "ContentDisposition"),
    ("content_encoding", "ContentEncoding"),
    ("content_language", "ContentLanguage"),
)

ClientFactory = Callable[[str], Any]  # region -> S3 client
Signature = tuple[str, str, int]  # ETag, LastModified, Size from a listing
ObjectCache = dict[tuple[str, str], tuple[Signature, dict[str, Any]]]


def manifest_path(directory: Path) -> Path:
    return directory / "manifest.json"


def snapshot_buckets(client: Any, directory: Path, tracker: ChangeTracker, cache: ObjectCache) -> int:
    blobs = directory / "blobs"
    buckets: dict[str, Any] = {}
    seen: set[tuple[str, str]] = set()
    for bucket in client.list_buckets().get("Buckets", []):
        name = bucket["Name"]
        try:
            objects = {}
            for listed in _list_objects(client, name):
                key = listed["Key"]
                objects[key] = _object_entry(client, name, listed, blobs, cache)
                seen.add((name, key))
        except ClientError as exc:
            if _code(exc) == "NoSuchBucket":
                continue  # deleted mid-snapshot
            raise
        buckets[name] = {"region": _bucket_region(client, name), "objects": objects}
    for stale in set(cache) - seen:
        del cache[stale]
    tracker.write_if_changed(manifest_path(directory), dump_json({"format": FORMAT, "buckets": buckets}))
    _sweep_orphan_blobs(blobs, buckets)
    return sum(len(bucket["objects"]) for bucket in buckets.values())


def restore_buckets(clients: ClientFactory, directory: Path, tracker: ChangeTracker, cache: ObjectCache) -> int:
    path = manifest_path(directory)
    if not path.is_file():
        return 0
    manifest = load_json(path)
    if manifest.get("format") != FORMAT:
        raise SnapshotError(f"Unrecognised S3 manifest {path}.")
    blobs = directory / "blobs"
    restored = 0
    for name, bucket in manifest.get("buckets", {}).items():
        client = clients(bucket.get("region") or "us-east-1")
        _create_bucket(client, name, bucket.get("region") or "us-east-1")
        for key, entry in bucket["objects"].items():
            blob = blobs / entry["sha256"]
            if not blob.is_file():
                # One lost photo should not stop the whole app from starting.
                log.warning("Snapshot blob for s3://%s/%s is missing; skipping it.", name, key)
                continue
            client.put_object(Bucket=name, Key=key, Body=blob.read_bytes(), **_put_arguments(entry))
            restored += 1
        # Seed the cache so the next snapshot need not download what we just uploaded.
        for listed in _list_objects(client, name):
            if listed["Key"] in bucket["objects"]:
                cache[(name, listed["Key"])] = (_signature(listed), bucket["objects"][listed["Key"]])
    tracker.remember(path, dump_json(manifest))
    _sweep_orphan_blobs(blobs, manifest.get("buckets", {}))
    return restored


def _object_entry(client: Any, bucket: str, listed: dict[str, Any], blobs: Path, cache: ObjectCache) -> dict[str, Any]:
    signature = _signature(listed)
    cached = cache.get((bucket, listed["Key"]))
    if cached and cached[0] == signature and (blobs / cached[1]["sha256"]).is_file():
        return cached[1]
    response = client.get_object(Bucket=bucket, Key=listed["Key"])
    body = response["Body"].read()
    digest = sha256_hex(body)
    blob = blobs / digest
    if not blob.is_file():
        atomic_write_bytes(blob, body)
    entry: dict[str, Any] = {
        "sha256": digest,
        "size": len(body),
        "content_type": response.get("ContentType"),
        "metadata": response.get("Metadata") or {},
    }
    for field, aws_name in EXTRA_FIELDS:
        if response.get(aws_name):
            entry[field] = response[aws_name]
    cache[(bucket, listed["Key"])] = (signature, entry)
    return entry


def _put_arguments(entry: dict[str, Any]) -> dict[str, Any]:
    arguments: dict[str, Any] = {"Metadata": entry.get("metadata") or {}}
    if entry.get("content_type"):
        arguments["ContentType"] = entry["content_type"]
    for field, aws_name in EXTRA_FIELDS:
        if entry.get(field):
            arguments[aws_name] = entry[field]
    return arguments


def _signature(listed: dict[str, Any]) -> Signature:
    # LastModified changes on every overwrite, including a metadata-only copy,
    # so together with ETag and Size it tells us when to download again.
    return (listed.get("ETag", ""), str(listed.get("LastModified", "")), int(listed.get("Size", 0)))


def _list_objects(client: Any, bucket: str) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        objects.extend(page.get("Contents", []))
    return objects


def _bucket_region(client: Any, bucket: str) -> str:
    location = client.get_bucket_location(Bucket=bucket).get("LocationConstraint")
    # S3 reports us-east-1 as no constraint, and very old buckets as "EU".
    return {None: "us-east-1", "": "us-east-1", "EU": "eu-west-1"}.get(location, location)


def _create_bucket(client: Any, name: str, region: str) -> None:
    arguments: dict[str, Any] = {"Bucket": name}
    if region != "us-east-1":
        arguments["CreateBucketConfiguration"] = {"LocationConstraint": region}
    try:
        client.create_bucket(**arguments)
    except ClientError as exc:
        if _code(exc) not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            raise


def _sweep_orphan_blobs(blobs: Path, buckets: dict[str, Any]) -> None:
    if not blobs.is_dir():
        return
    wanted = {entry["sha256"] for bucket in buckets.values() for entry in bucket["objects"].values()}
    for blob in blobs.iterdir():
        # Temporaries are left to sweep_temp_files, which only runs when no
        # snapshot can be in flight.
        if blob.is_file() and not blob.name.startswith(".") and blob.name not in wanted:
            blob.unlink(missing_ok=True)


def _code(exc: ClientError) -> str:
    return exc.response.get("Error", {}).get("Code", "")
