"""Photos in the local stack's S3 are on disk before the upload is acknowledged."""
from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from local_fixtures import data_dir, emulator, free_port, restart  # noqa: F401 (fixtures)

from doorstep_cli.local import files
from doorstep_cli.local.emulator import Emulator
from doorstep_cli.local.s3_journal import s3_target
from doorstep_cli.local.serving import PortInUseError

JPEG = bytes(range(256)) * 40  # binary, with every byte value


def create_bucket(s3, name: str = "photos") -> None:
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})


def crash(emu: Emulator) -> None:
    """Lose moto's memory without any goodbye, as a kill -9 would."""
    emu.stop()


def test_photos_and_their_headers_survive_a_crash(emulator, restart):
    s3 = emulator.client("s3")
    create_bucket(s3)
    s3.put_object(Bucket="photos", Key="reports/1/photo.jpg", Body=JPEG, ContentType="image/jpeg",
                  CacheControl="public, max-age=31536000, immutable",
                  Metadata={"report_id": "1", "uploaded-by": "resident"})
    crash(emulator)

    s3 = restart().client("s3")
    photo = s3.get_object(Bucket="photos", Key="reports/1/photo.jpg")
    assert photo["Body"].read() == JPEG
    assert (photo["ContentType"], photo["CacheControl"]) == ("image/jpeg", "public, max-age=31536000, immutable")
    assert photo["Metadata"] == {"report_id": "1", "uploaded-by": "resident"}
    assert s3.get_bucket_location(Bucket="photos")["LocationConstraint"] == "eu-west-2"


def test_a_browser_form_upload_is_kept(emulator, restart):
    s3 = emulator.client("s3")
    create_bucket(s3)
    form = s3.generate_presigned_post(Bucket="photos", Key="uploads/abc", Fields={"Content-Type": "image/jpeg"},
                                      Conditions=[{"Content-Type": "image/jpeg"}])
    response = requests.post(form["url"], data=form["fields"], files={"file": ("phone.jpg", JPEG)}, timeout=10)
    assert response.status_code == 204
    crash(emulator)

    assert restart().client("s3").get_object(Bucket="photos", Key="uploads/abc")["Body"].read() == JPEG


def test_deleted_and_replaced_photos_stay_deleted_and_replaced(emulator, restart, data_dir):
    s3 = emulator.client("s3")
    create_bucket(s3)
    for key in ("keep.jpg", "drop.jpg", "many-1.jpg", "many-2.jpg"):
        s3.put_object(Bucket="photos", Key=key, Body=b"old " + key.encode())
    s3.put_object(Bucket="photos", Key="keep.jpg", Body=b"new")
    s3.delete_object(Bucket="photos", Key="drop.jpg")
    s3.delete_objects(Bucket="photos", Delete={"Objects": [{"Key": "many-1.jpg"}, {"Key": "many-2.jpg"}]})
    crash(emulator)

    s3 = restart().client("s3")
    assert [o["Key"] for o in s3.list_objects_v2(Bucket="photos")["Contents"]] == ["keep.jpg"]
    assert s3.get_object(Bucket="photos", Key="keep.jpg")["Body"].read() == b"new"
    # Bodies nobody names any more are gone from disk after the restart.
    assert [p.name for p in (data_dir / "s3" / "blobs").iterdir()] == [files.sha256_hex(b"new")]


def test_forty_concurrent_uploads_are_all_kept_intact(emulator, restart):
    s3 = emulator.client("s3")
    create_bucket(s3)
    bodies = {f"uploads/{n}": bytes([n]) * (20_000 + n) for n in range(40)}
    with ThreadPoolExecutor(20) as pool:
        list(pool.map(lambda item: s3.put_object(Bucket="photos", Key=item[0], Body=item[1]), bodies.items()))
    crash(emulator)

    s3 = restart().client("s3")
    assert {key: s3.get_object(Bucket="photos", Key=key)["Body"].read() for key in bodies} == bodies


def test_a_write_interrupted_mid_file_leaves_the_previous_photo(emulator, restart, monkeypatch, data_dir):
    s3 = emulator.client("s3")
    create_bucket(s3)
    s3.put_object(Bucket="photos", Key="a.jpg", Body=b"first")

    def power_cut(src, dst):
        raise OSError("disk gone")

    monkeypatch.setattr(files.os, "replace", power_cut)
    monkeypatch.setattr(files, "_remove_quietly", lambda path: None)  # a crash cleans nothing up
    with pytest.raises(Exception, match="500"):
        s3.put_object(Bucket="photos", Key="a.jpg", Body=b"second")  # not acknowledged
    monkeypatch.undo()
    assert list((data_dir / "s3").rglob(f"{files.TEMP_PREFIX}*"))
    crash(emulator)

    assert restart().client("s3").get_object(Bucket="photos", Key="a.jpg")["Body"].read() == b"first"
    assert not list((data_dir / "s3").rglob(f"{files.TEMP_PREFIX}*"))


def signed(service: str) -> str:
    return (f"AWS4-HMAC-SHA256 Credential=local/20250101/eu-west-2/{service}/aws4_request, "
            "SignedHeaders=host;x-amz-date, Signature=abc")


@pytest.mark.parametrize("method, path, auth, expected", [
    ("PUT", "/photos/a/b.jpg", signed("s3"), ("photos", "a/b.jpg")),
    ("DELETE", "/photos/a.jpg", signed("s3"), ("photos", "a.jpg")),
    ("POST", "/photos", "", ("photos", None)),  # a browser's form upload is not signed
    ("PUT", "/photos", signed("s3"), ("photos", None)),
    ("GET", "/photos/a.jpg", signed("s3"), None),
    ("HEAD", "/photos/a.jpg", "", None),
    ("POST", "/", signed("ses"), None),
    ("POST", "/", signed("sns"), None),
    ("POST", "/moto-api/reset", "", None),
])
def test_only_s3_writes_are_written_through(method, path, auth, expected):
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "HTTP_AUTHORIZATION": auth}
    assert s3_target(environ) == expected


def test_a_taken_port_gives_a_clear_error(data_dir):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        with pytest.raises(PortInUseError, match=f"AWS emulator on 127.0.0.1:{port}"):
            Emulator(data_dir, port).start()
