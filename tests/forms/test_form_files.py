"""A form's file question: several files through the app's one upload path,
each checked by its real bytes against the types and size the question
takes, photos cleaned of EXIF, and kept by the submission when the page is
saved, so the upload's own one-day life does not end them."""
import io

from conftest import jpeg_with_gps
from support.forms_support import Filler, demo, fields, published, uploaded

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def at_accounts(client, deps, definition=None):
    published(deps, "grant-enquiry", definition)
    filler = Filler(client, "grant-enquiry")
    filler.answer("applicant-type", applicant_type="charity")
    filler.answer("charity", charity_name="York Food Bank", charity_number="1123456")
    return filler


def test_a_photo_loses_its_gps_and_a_pdf_is_kept_as_sent_under_the_submission(client, deps):
    from PIL import Image
    filler = at_accounts(client, deps)
    photo = uploaded(client, deps, jpeg_with_gps(), auth=filler.auth)
    pdf = uploaded(client, deps, PDF, "application/pdf", auth=filler.auth)
    saved = filler.answer("accounts", accounts=[photo, pdf])
    assert saved.status_code == 200, saved.json_body
    kept_photo = deps.blobs.read(f"form-files/{filler.id}/{photo}")
    assert Image.open(io.BytesIO(kept_photo)).getexif() == {}  # GPS and the rest gone
    assert deps.blobs.read(f"form-files/{filler.id}/{pdf}") == PDF
    answers = filler.page("accounts").json_body["answers"]["accounts"]
    assert [(a["upload_id"], a["content_type"]) for a in answers] == [(photo, "image/jpeg"), (pdf, "application/pdf")]


def test_a_file_whose_bytes_are_not_its_type_is_refused_in_the_questions_words(client, deps):
    filler = at_accounts(client, deps)
    not_pdf = uploaded(client, deps, jpeg_with_gps(), "application/pdf", auth=filler.auth)
    not_xlsx = uploaded(client, deps, b"name,amount\nvan,12000\n", XLSX, auth=filler.auth)
    # a type this question does not take
    csv = uploaded(client, deps, b"name,amount\nvan,12000\n", "text/csv", auth=filler.auth)
    refused = filler.answer("accounts", accounts=[not_pdf, not_xlsx, csv])
    wrong = "The charity's latest accounts must be a PDF, JPG, PNG or XLSX"
    assert fields(refused) == {"accounts[0]": wrong, "accounts[1]": wrong, "accounts[2]": wrong}
    from chalicelib.storage.blobs import BlobMissing
    try:
        deps.blobs.read(f"form-files/{filler.id}/{not_pdf}")
        raise AssertionError("a refused file was kept")
    except BlobMissing:
        pass


def test_a_file_larger_than_the_question_takes_is_refused_whatever_the_upload_claimed(client, deps):
    definition = demo("grant-enquiry")
    definition["pages"][2]["questions"][0]["max_bytes"] = 2048
    filler = at_accounts(client, deps, definition)
    big = uploaded(client, deps, PDF + b"%" * 3000, "application/pdf", claimed=1000,  # the bytes count
                   auth=filler.auth)
    refused = filler.answer("accounts", accounts=[big])
    assert fields(refused) == {"accounts[0]": "The charity's latest accounts must be smaller than 1MB"}
    too_many = [uploaded(client, deps, PDF, "application/pdf", auth=filler.auth) for _ in range(4)]
    assert fields(filler.answer("accounts", accounts=too_many)) == {
        "accounts": "The charity's latest accounts: select 3 files or fewer"}


def test_files_saved_are_still_the_forms_after_their_uploads_are_forgotten(client, deps):
    from chalicelib.storage.blobs import UPLOAD_PREFIX
    from chalicelib.storage.reports.uploads import UploadModel
    filler = at_accounts(client, deps)
    first = uploaded(client, deps, PDF, "application/pdf", auth=filler.auth)
    second = uploaded(client, deps, jpeg_with_gps(), auth=filler.auth)
    assert filler.answer("accounts", accounts=[first, second]).status_code == 200
    for upload_id in (first, second):  # a day later: the bucket's lifecycle and the record's TTL
        deps.blobs.delete(UPLOAD_PREFIX + upload_id)
        UploadModel.get(upload_id).delete()
    again = filler.answer("accounts", accounts=[second])  # back a week later, one file taken off
    assert again.status_code == 200, again.json_body
    assert [a["upload_id"] for a in filler.page("accounts").json_body["answers"]["accounts"]] == [second]


def test_the_upload_path_takes_a_document_but_not_a_program(client):
    pdf = client.post("/v1/uploads", {"content_type": "application/pdf", "size": 15 * 1024 * 1024})
    assert pdf.status_code == 201 and pdf.json_body["max_bytes"] == 20 * 1024 * 1024
    program = client.post("/v1/uploads", {"content_type": "application/x-msdownload", "size": 1000})
    assert program.status_code == 400
    big_photo = client.post("/v1/uploads", {"content_type": "image/jpeg", "size": 15 * 1024 * 1024})
    assert big_photo.status_code == 413 and big_photo.json_body["error"]["code"] == "photo_too_large"


def test_each_file_keeps_the_name_it_had_cleaned_to_words_and_check_your_answers_shows_it(client, deps):
    from chalicelib.handlers.forms.cases import in_words
    from support.forms_support import charity_branch
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    pdf = uploaded(client, deps, PDF, "application/pdf", auth=filler.auth)
    photo = uploaded(client, deps, jpeg_with_gps(), auth=filler.auth)
    charity_branch(filler, [{"upload_id": pdf, "name": "C:\\Users\\ada\\Accounts 2025\u0007<b>.pdf", "size": 1},
                            {"upload_id": photo, "name": "   "}])
    check = filler.check().json_body
    [accounts] = [q for p in check["pages"] for q in p["questions"] if q["id"] == "accounts"]
    assert [(a["upload_id"], a.get("name"), a["size"]) for a in accounts["answer"]] == [
        (pdf, "Accounts 2025<b>.pdf", len(PDF)), (photo, None, accounts["answer"][1]["size"])]
    again = filler.answer("accounts", accounts=[pdf, photo])  # saved again by id alone: the name stays
    assert again.status_code == 200
    assert [a.get("name") for a in filler.page("accounts").json_body["answers"]["accounts"]] == [
        "Accounts 2025<b>.pdf", None]
    words = in_words(deps.form_submissions.get(filler.id).answers["accounts"])  # the case's and the CSV's words
    assert words.startswith("Accounts 2025<b>.pdf (application/pdf, 1 KB); a file (image/jpeg"), words


def test_an_upload_is_kept_only_by_the_form_or_account_that_made_it(client, deps, people):
    from chalicelib.storage.blobs import BlobMissing
    owner = at_accounts(client, deps)
    theirs = uploaded(client, deps, PDF, "application/pdf", auth=owner.auth)
    tokenless = uploaded(client, deps, PDF, "application/pdf")  # anonymous, for no form
    signed_in = people("resident")
    accounts = uploaded(client, deps, PDF, "application/pdf", auth=signed_in.auth)
    other = Filler(client, "grant-enquiry")
    other.answer("applicant-type", applicant_type="charity")
    other.answer("charity", charity_name="Elsewhere Trust", charity_number="7654321")
    word = "Select the charity's latest accounts"
    for upload_id in (theirs, tokenless, accounts):
        claimed = other.answer("accounts", accounts=[upload_id])
        assert claimed.status_code == 400 and fields(claimed) == {"accounts[0]": word}, claimed.json_body
        try:
            deps.blobs.read(f"form-files/{other.id}/{upload_id}")
            raise AssertionError("another resident's upload was copied into this form")
        except BlobMissing:
            pass
    assert owner.answer("accounts", accounts=[theirs]).status_code == 200


def test_a_form_sent_keeps_only_the_files_its_answers_name_and_retention_takes_the_rest(client, deps):
    from chalicelib.handlers.forms.files import delete_files
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    replaced, branch_left = (uploaded(client, deps, PDF, "application/pdf", auth=filler.auth) for _ in range(2))
    filler.answer("applicant-type", applicant_type="charity")
    filler.answer("charity", charity_name="York Food Bank", charity_number="1123456")
    assert filler.answer("accounts", accounts=[replaced, branch_left]).status_code == 200
    assert filler.answer("accounts", accounts=[branch_left]).status_code == 200  # one file taken off
    filler.answer("applicant-type", applicant_type="individual")  # then another branch altogether
    filler.answer("individual", date_of_birth={"day": "1", "month": "1", "year": "1990"})
    filler.answer("project", project="A van", amount="10")
    filler.answer("contact", name={"first": "Ada", "last": "Lovelace"}, email="ada@example.org")
    stored = sorted(deps.blobs.keys(f"form-files/{filler.id}/"))
    assert stored == sorted(f"form-files/{filler.id}/{u}" for u in (replaced, branch_left))
    assert filler.submit(declaration=True).status_code == 200
    assert deps.blobs.keys(f"form-files/{filler.id}/") == []  # the sent answers name none of them
    # A form whose sent answers name a file keeps it until its retention, when nothing is left.
    other = Filler(client, "grant-enquiry")
    sent = uploaded(client, deps, PDF, "application/pdf", auth=other.auth)
    other.answer("applicant-type", applicant_type="charity")
    other.answer("charity", charity_name="York Food Bank", charity_number="1123456")
    assert other.answer("accounts", accounts=[sent]).status_code == 200
    other.answer("project", project="A van", amount="10")
    other.answer("contact", name={"first": "Ada", "last": "Lovelace"}, email="ada@example.org")
    assert other.submit(declaration=True).status_code == 200
    assert deps.blobs.keys(f"form-files/{other.id}/") == [f"form-files/{other.id}/{sent}"]
    deps.blobs.write(f"form-files/{other.id}/lost-race", b"copied by a save that lost its race", "text/plain")
    delete_files(deps, deps.form_submissions.get(other.id))  # the retention sweep's deletion
    assert deps.blobs.keys(f"form-files/{other.id}/") == []
