"""A partner's pictures: media_url links stored and shown (never fetched),
and photo file parts cleaned like a phone's upload (jurisdictions:
test_open311_jurisdiction*.py)."""
import io

import pytest

from conftest import YORK_MINSTER
from support.open311_support import (API_KEY, CREATED, ERRORS, REQUESTS, jpeg_with_gps, multipart, post_form,
                             read_json, read_xml)

PHOTO_URL = "https://fixmystreet.example/photo/101.0.jpeg"


@pytest.fixture(autouse=True)
def api_keys(monkeypatch):
    monkeypatch.setenv("OPEN311_API_KEYS", API_KEY)


def a_pothole(**overrides):
    fields = {"api_key": API_KEY, "service_code": "pothole", "lat": str(YORK_MINSTER[0]),
              "long": str(YORK_MINSTER[1]), "description": "A deep pothole.", "attribute[size]": "large"}
    fields.update(overrides)
    return {k: v for k, v in fields.items() if v is not None}


def created_id(response):
    assert response.status_code == 200, response.body
    return read_json(response, CREATED)[0]["service_request_id"]


def shown_media_url(client, request_id, fmt="json"):
    response = client.get(f"/open311/v2/requests/{request_id}.{fmt}")
    if fmt == "xml":
        return read_xml(response)["request"][0]["media_url"]
    return read_json(response, REQUESTS)[0]["media_url"]


def test_media_urls_are_stored_and_the_first_is_shown_in_every_listing(client, deps):
    second = "http://example.org/second.png"
    request_id = created_id(post_form(client, "/open311/v2/requests.json",
                                      a_pothole(media_url=[PHOTO_URL, "", second])))
    assert deps.reports.get(request_id).media_urls == [PHOTO_URL, second]
    assert shown_media_url(client, request_id) == PHOTO_URL
    assert shown_media_url(client, request_id, "xml") == PHOTO_URL
    listed = read_json(client.get("/open311/v2/requests.json"), REQUESTS)
    assert [r["media_url"] for r in listed if r["service_request_id"] == request_id] == [PHOTO_URL]


def test_media_urls_are_never_fetched(client, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("media_url was fetched")
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    request_id = created_id(post_form(client, "/open311/v2/requests.json",
                                      a_pothole(media_url="http://169.254.169.254/latest/meta-data/")))
    assert shown_media_url(client, request_id) == "http://169.254.169.254/latest/meta-data/"


@pytest.mark.parametrize("urls", [["file:///etc/passwd"], ["javascript:alert(1)"], ["ftp://example.org/a.jpg"],
                                  ["https://"], ["https://example.org/a b.jpg"], ["https://example.org:99999/"],
                                  ["https://example.org/" + "a" * 2000], [PHOTO_URL] * 7])
def test_a_media_url_that_is_not_a_short_web_link_is_400_and_nothing_is_stored(client, deps, urls):
    before = len(read_json(client.get("/open311/v2/requests.json"), REQUESTS))
    response = post_form(client, "/open311/v2/requests.json", a_pothole(media_url=urls))
    assert response.status_code == 400
    assert read_json(response, ERRORS)[0]["description"].startswith("media_url:")
    assert len(read_json(client.get("/open311/v2/requests.json"), REQUESTS)) == before


def test_a_link_of_2000_characters_is_accepted(client, deps):
    url = "https://example.org/" + "a" * (2000 - len("https://example.org/"))
    request_id = created_id(post_form(client, "/open311/v2/requests.json", a_pothole(media_url=url)))
    assert deps.reports.get(request_id).media_urls == [url]


def test_a_private_category_shows_no_media_url(client, deps):
    fields = a_pothole(service_code="complaint", lat=None, long=None, media_url=PHOTO_URL,
                       email="ada@example.org", **{"attribute[size]": None, "attribute[service_area]": "Bins"})
    request_id = created_id(post_form(client, "/open311/v2/requests.json", fields))
    assert deps.reports.get(request_id).media_urls == [PHOTO_URL]
    assert shown_media_url(client, request_id) == ""


def test_an_update_keeps_its_media_url_and_lists_it(client, deps):
    request_id = created_id(post_form(client, "/open311/v2/requests.json", a_pothole()))
    update = {"api_key": API_KEY, "service_request_id": request_id, "update_id": "fms-7",
              "status": "FIXED", "description": "Filled.", "media_url": PHOTO_URL}
    assert post_form(client, "/open311/v2/servicerequestupdates.json", update).status_code == 200
    [listed] = read_json(client.get("/open311/v2/servicerequestupdates.json"), {"type": "array"})
    assert listed["media_url"] == PHOTO_URL
    again = post_form(client, "/open311/v2/servicerequestupdates.json", update)  # a retry still matches
    assert again.status_code == 200 and len(deps.reports.updates(request_id)) == 2
    bad = post_form(client, "/open311/v2/servicerequestupdates.json",
                    {**update, "update_id": "fms-8", "media_url": "file:///etc/passwd"})
    assert bad.status_code == 400 and len(deps.reports.updates(request_id)) == 2


def test_a_photo_file_part_is_stored_without_its_gps_and_shown_before_any_link(client, deps):
    from PIL import Image
    from chalicelib.storage.blobs import BlobStore
    raw = jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(0x8825)  # the photo says where it was taken
    body, headers = multipart(a_pothole(media_url=PHOTO_URL), [("media", "pothole.jpg", "image/jpeg", raw)])
    request_id = created_id(client.raw.http.post("/open311/v2/requests.json", body=body, headers=headers))

    [photo] = deps.reports.get(request_id).photos
    cleaned = BlobStore().read("photos/" + photo["name"])
    assert not Image.open(io.BytesIO(cleaned)).getexif().get_ifd(0x8825)
    assert shown_media_url(client, request_id).endswith(f"/v1/photos/{photo['name']}")
    upload = deps.reports.upload(photo["name"].split(".")[0])
    assert upload.report_id == request_id  # attached as a /v1 upload is


def test_several_photo_parts_become_photos_in_order(client, deps):
    from PIL import Image
    png = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 0, 255)).save(png, "PNG")
    body, headers = multipart(a_pothole(), [("media", "a.jpg", "image/jpeg", jpeg_with_gps()),
                                            ("media", "b.png", "application/octet-stream", png.getvalue())])
    request_id = created_id(client.raw.http.post("/open311/v2/requests.json", body=body, headers=headers))
    photos = deps.reports.get(request_id).photos
    assert [(p["width"], p["height"]) for p in photos] == [(64, 48), (10, 10)]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_file_part_that_is_not_a_photo_is_a_spec_400(client, fmt):
    body, headers = multipart(a_pothole(), [("media", "sofa.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 not really")])
    response = client.raw.http.post(f"/open311/v2/requests.{fmt}", body=body, headers=headers)
    assert response.status_code == 400
    errors = read_json(response, ERRORS) if fmt == "json" else read_xml(response)["error"]
    assert errors[0]["description"].startswith("media[0]:")


def test_more_than_six_photos_or_one_over_10_mb_is_a_spec_400(client, deps):
    seven = [("media", f"{i}.jpg", "image/jpeg", jpeg_with_gps()) for i in range(7)]
    body, headers = multipart(a_pothole(), seven)
    response = client.raw.http.post("/open311/v2/requests.json", body=body, headers=headers)
    assert response.status_code == 400 and "at most 6" in read_json(response, ERRORS)[0]["description"]
    huge = [("media", "big.jpg", "image/jpeg", b"\xff" * (10 * 1024 * 1024 + 1))]
    body, headers = multipart(a_pothole(), huge)
    response = client.raw.http.post("/open311/v2/requests.json", body=body, headers=headers)
    assert response.status_code == 400 and "10 MB" in read_json(response, ERRORS)[0]["description"]
    assert read_json(client.get("/open311/v2/requests.json"), REQUESTS) == []


def test_odd_parameters_get_spec_400s_not_500s(client):
    for query in ("page=%C2%B2", "page_size=%C2%B2", "end_date=0001-01-05", "start_date=9999-12-31T00:00:00Z",
                  "start_date=0001-01-01T00:00:00%2B01:00"):
        r = client.get(f"/open311/v2/requests.json?{query}")
        assert r.status_code == 400, (query, r.body)
        assert r.json_body[0]["code"] == 400
    r = client.get("/open311/v2/servicerequestupdates.json?end_date=0001-01-01T00:00:00Z")
    assert r.status_code == 400
