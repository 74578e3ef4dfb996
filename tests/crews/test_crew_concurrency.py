"""Phones on a bad signal send at once: of many updates made to one job
version, exactly one wins and the rest are told (409 with the job now); many
copies of one retried `done` make one update, one fixed report and one
timeline entry, and every copy answers as the first did."""
import json

from support.crew_support import assigned, crews, now_iso  # noqa: F401  (fixture)
from support.racing import at_once

PHONES = 8


def _at_once(send):
    return at_once(send, range(PHONES))


def _post(client, crew, job_id, body, etag, key):
    headers = {"Content-Type": "application/json", "If-Match": etag, "Idempotency-Key": key, **crew.person.auth}
    response = client.raw.http.request("POST", f"/v1/crew/jobs/{job_id}/updates", body=json.dumps(body),
                                       headers=headers)
    return response.status_code, response.json_body


def test_of_many_updates_to_one_job_version_one_wins_and_the_others_are_told(client, crews):
    _, job_id = assigned(client, crews["officer"])
    crew = crews["north"]
    etag = crew.job(job_id).headers["ETag"]
    answers = _at_once(lambda n: _post(client, crew, job_id, {"note": f"Phone {n}.", "saved_at": now_iso()},
                                       etag, f"phone-{n:04d}-note"))
    assert sorted(status for status, _ in answers) == [201] + [409] * (PHONES - 1)
    assert all(body["current"]["version"] == 2 for status, body in answers if status == 409)
    [won] = [body for status, body in answers if status == 201]
    assert [u["note"] for u in crew.job(job_id).json_body["updates"]] == [won["update"]["note"]]


def test_copies_of_one_retried_done_make_one_update_and_one_fixed_report(client, crews):
    from support.alert_support import events_of
    rid, job_id = assigned(client, crews["officer"])
    crew = crews["north"]
    etag = crew.job(job_id).headers["ETag"]
    body = {"status": "done", "saved_at": now_iso()}
    answers = _at_once(lambda n: _post(client, crew, job_id, body, etag, "press-done-0001"))
    assert {status for status, _ in answers} == {201}, answers
    assert len({json.dumps(b, sort_keys=True) for _, b in answers}) == 1  # every copy answers as the first
    assert [u["status"] for u in crew.job(job_id).json_body["updates"]] == ["done"]
    timeline = client.get(f"/v1/reports/{rid}/updates").json_body["updates"]
    assert [u["status"] for u in timeline] == ["open", "fixed"]
    kinds = sorted(e.kind for e in events_of(rid))  # one of each (order aside)
    assert kinds == ["job_assigned", "report_created", "report_state_changed"], kinds


def test_a_copy_that_missed_its_twin_s_record_still_answers_as_the_first(client, crews, monkeypatch):
    """The interleaving the race above can hit: a copy looks for its key's record
    before its twin commits, then reads the job after: the job "changed", by this
    very update. It answers as the first did, not 409."""
    from chalicelib.handlers.crews import field_updates
    rid, job_id = assigned(client, crews["officer"])
    crew = crews["north"]
    etag = crew.job(job_id).headers["ETag"]
    body = {"status": "done", "saved_at": now_iso()}
    first = _post(client, crew, job_id, body, etag, "press-done-0002")
    looks = []
    replay = field_updates._replay

    def missing_the_first_look(deps, key, fingerprint):
        looks.append(key)
        return None if len(looks) == 1 else replay(deps, key, fingerprint)
    monkeypatch.setattr(field_updates, "_replay", missing_the_first_look)
    again = _post(client, crew, job_id, body, etag, "press-done-0002")
    assert again == first and first[0] == 201 and len(looks) == 2
    assert [u["status"] for u in crew.job(job_id).json_body["updates"]] == ["done"]
