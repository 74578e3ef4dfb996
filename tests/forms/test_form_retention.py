"""Each form's submissions are kept as long as the form says, then the
nightly sweep deletes them with their files, reading only what is due from
its index; one saved again since keeps its own time, and one never sent goes
28 days after its last save."""
import dataclasses
from datetime import datetime, timedelta, timezone

from support.forms_support import Filler, charity_branch, demo, published, small_png, uploaded

SENT = datetime(2026, 3, 31, 23, 30, tzinfo=timezone.utc)  # the last half hour of a month: the index's partition


def at(deps, moment):
    return dataclasses.replace(deps, clock=lambda: moment)


def grant_sent(client, deps, retention_days, case=True):
    """case=False: a form filing no case in the inbox (its receiving names no category)."""
    from chalicelib.handlers.forms import sending
    definition = demo("grant-enquiry")
    definition["retention_days"] = retention_days
    if not case:
        definition["receiving"].pop("category")
    published(deps, "grant-enquiry", definition)
    filler = Filler(client, "grant-enquiry")
    charity_branch(filler, [uploaded(client, deps, small_png(), "image/png", filler.auth)])
    sending.submit(at(deps, SENT), filler.id, {"declaration": True}, filler.auth["Form-Token"])
    return filler


def kept_file(deps, submission_id):
    from chalicelib.storage.blobs import BlobMissing
    submission = deps.form_submissions.get(submission_id)
    key = f"form-files/{submission_id}/{submission.answers['accounts'][0]['upload_id']}"
    return key, (lambda: _exists(deps, key, BlobMissing))


def _exists(deps, key, missing):
    try:
        deps.blobs.read(key)
        return True
    except missing:
        return False


def test_a_submission_is_deleted_with_its_files_the_night_its_forms_retention_ends(client, deps):
    from chalicelib.handlers.forms.retention import sweep
    from chalicelib.storage.metering import metered
    filler = grant_sent(client, deps, retention_days=30, case=False)
    _, exists = kept_file(deps, filler.id)
    assert sweep(at(deps, SENT + timedelta(days=30) - timedelta(minutes=1)))["deleted"] == 0
    assert deps.form_submissions.get(filler.id) is not None and exists()
    with metered() as swept:  # 30 days on, across the month's end (March into April, then May)
        assert sweep(at(deps, SENT + timedelta(days=30, minutes=1))) == {"deleted": 1, "redacted": 0, "kept": 0}
    assert deps.form_submissions.get(filler.id) is None and not exists()
    assert set(swept.operations) == {"Query", "GetItem", "DeleteItem"}  # the due index, the case's key: no Scan
    assert sweep(at(deps, SENT + timedelta(days=31)))["deleted"] == 0


def test_a_form_not_sent_goes_28_days_after_its_last_save_and_not_before(client, deps):
    from chalicelib.handlers.forms import completing
    from chalicelib.handlers.forms.retention import sweep
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    token = filler.auth["Form-Token"]
    completing.answer(at(deps, SENT), filler.id, "applicant-type", {"answers": {"applicant_type": "charity"}}, token)
    back = SENT + timedelta(days=20)  # they came back and saved again: their 28 days start again
    completing.answer(at(deps, back), filler.id, "charity", {"answers": {
        "charity_name": "York Food Bank", "charity_number": "1123456"}}, token)
    assert sweep(at(deps, SENT + timedelta(days=29)))["deleted"] == 0
    assert sweep(at(deps, back + timedelta(days=28, seconds=1))) == {"deleted": 1, "redacted": 0, "kept": 0}
    assert deps.form_submissions.get(filler.id) is None


def test_a_submission_saved_between_the_sweeps_read_and_its_delete_is_kept(client, deps):
    from chalicelib.handlers.forms import completing
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    token = filler.auth["Form-Token"]
    completing.answer(at(deps, SENT), filler.id, "applicant-type", {"answers": {"applicant_type": "charity"}}, token)
    [due] = deps.form_submissions.expiring(f"{SENT + timedelta(days=28):%Y-%m}", SENT + timedelta(days=29), 10)
    completing.answer(at(deps, SENT + timedelta(days=27)), filler.id, "applicant-type",
                      {"answers": {"applicant_type": "business"}}, token)
    assert deps.form_submissions.delete(due) is False
    assert deps.form_submissions.get(filler.id).answers["applicant_type"] == "business"
