"""A photo link answers for the report as it is now: a link kept from before
a report went private opens nothing for the public, while its reporter and
staff still see the photo; private views give signed links (an <img> sends
no token), which stop at their expiry; no shared cache may keep the redirect."""
from datetime import timedelta
from urllib.parse import urlsplit

from conftest import jpeg_with_gps, pothole
from support.staff_support import officer, staff_data  # noqa: F401  (fixtures)

from tests.api.test_photos_api import upload
from support.tampering import tampered


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def photo_report(client, person):
    """A report with a photo, and the photo's link as the public's view gives it."""
    made = client.post("/v1/reports", pothole(photos=[upload(client, jpeg_with_gps(), headers=person.auth)]),
                       person.auth)
    assert made.status_code == 201, made.body
    rid = made.json_body["id"]
    return rid, path_of(client.get(f"/v1/reports/{rid}").json_body["photos"][0])


def opens(client, path, headers=None):
    answer = client.get(path, headers)
    assert answer.status_code in (302, 404), answer.body
    return answer.status_code == 302


def test_a_photo_link_kept_from_before_a_report_went_private_no_longer_opens_for_the_public(
        client, people, officer):
    reporter = people(email="rae@example.org")
    rid, link = photo_report(client, reporter)
    assert "?" not in link  # the public's plain link
    answer = client.get(link)
    assert answer.status_code == 302 and answer.headers["Cache-Control"] == "private, max-age=60"
    assert officer.patch(rid, {"private": True}).status_code == 200
    gone = client.get(link)
    assert gone.status_code == 404 and gone.json_body["error"]["code"] == "photo_not_found"
    assert not opens(client, link, people(email="someone.else@example.org").auth)
    assert opens(client, link, reporter.auth) and opens(client, link, officer.person.auth)
    assert officer.patch(rid, {"private": False}).status_code == 200
    assert opens(client, link)  # public again: the same link opens again


def test_private_views_give_signed_links_that_open_without_a_token_until_they_expire(client, deps, people,
                                                                                    officer):
    from chalicelib.handlers.reports import photo_access
    reporter = people(email="rae@example.org")
    rid, link = photo_report(client, reporter)
    officer.patch(rid, {"private": True})
    mine = path_of(client.get(f"/v1/reports/{rid}", reporter.auth).json_body["photos"][0])
    assert "sig=" in mine and opens(client, mine)  # as an <img> loads it: no Authorization header
    name = link.rsplit("/", 1)[1]
    assert not opens(client, tampered(mine, 4))  # tampered
    past = int((deps.clock() - timedelta(seconds=1)).timestamp())
    assert not opens(client, f"{link}?exp={past}&sig={photo_access._mac(name, past)}")  # expired
    staff = client.get(f"/v1/staff/reports/{rid}", officer.person.auth).json_body
    assert all("sig=" in p for p in staff["photos"])


def test_a_photo_no_report_names_does_not_open_on_a_plain_link(client, people):
    person = people(email="rae@example.org")
    upload(client, jpeg_with_gps(), headers=person.auth)
    assert client.get("/v1/photos/" + "ab" * 16 + ".jpg").status_code == 404


def test_an_attached_photos_row_is_kept_and_an_older_stage_gets_its_rows_back(client, people):
    from chalicelib.storage.reports.report_store import ReportStore
    from chalicelib.storage.reports.uploads import UploadModel
    rid, link = photo_report(client, people(email="rae@example.org"))
    upload_id = link.rsplit("/", 1)[1].split(".")[0]
    assert UploadModel.get(upload_id).expires is None  # no TTL once it names its report
    UploadModel(upload_id).delete()  # as a stage from before this rule: the row expired a day after upload
    assert not opens(client, link)
    assert ReportStore().keep_photo_rows() == 1  # `doorstep tables`, once, on such a stage
    assert opens(client, link) and UploadModel.get(upload_id).report_id == rid
