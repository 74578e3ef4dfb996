"""A consultation is loaded as data and checked on load: its London moments to
the second, its wards, topics and documents, and its form by the forms engine."""
import pytest

from chalicelib.errors import ApiError
from support.consultation_support import OPENS, admin, at, demo, loaded, wards


def _errors(deps, data):
    from chalicelib.handlers.consultations.managing import load
    wards(deps)
    with pytest.raises(ApiError) as refused:
        load(at(deps, OPENS, admin()), data["id"], data, None)
    assert refused.value.status == 422 and refused.value.code == "validation_failed"  # an object, breaking rules
    return {f["field"]: f["message"] for f in refused.value.fields}


def test_a_consultation_opens_and_closes_at_its_london_moments_to_the_second(deps):
    view = loaded(deps)
    assert view["opens_at"] == "2026-06-01T08:00:00Z" and view["closes_at"] == "2026-06-14T22:59:59Z"
    assert view["closes_london"] == "2026-06-14T23:59:59+01:00"
    assert view["closes_words"] == "11:59:59pm on Sunday 14 June 2026"
    assert view["opens_words"] == "9am on Monday 1 June 2026"
    assert view["version"] == 1 and view["form"]["pages"][0]["id"] == "support"


def test_a_winter_close_is_the_same_wall_clock_second_in_greenwich_time(deps):
    view = loaded(deps, demo(opens="2026-11-02T09:00:00", closes="2026-11-30T23:59:59"))
    assert view["closes_at"] == "2026-11-30T23:59:59Z"
    assert view["closes_words"] == "11:59:59pm on Monday 30 November 2026"


def test_every_error_in_a_consultation_is_named_by_its_path_at_once(deps):
    data = demo(closes="2026-05-01T23:59:59", areas=["Nowhere"], topics=["Not A Slug"],
                supporting_documents=[{"title": "Map", "url": "ftp://x"}], colour="blue")
    data["form"]["pages"][0]["questions"][0]["type"] = "essay"
    found = _errors(deps, data)
    assert found["$.closes"] == "Must be after the opening"
    assert found["$.areas[0]"] == "Is not one of the council's wards: Nowhere"
    assert "$.topics[0]" in found and "$.supporting_documents[0].url" in found
    assert found["$.colour"] == "Is not a property of a consultation"
    assert "$.form.pages[0].questions[0].type" in found  # the forms engine's own check, under $.form


def test_a_close_the_clocks_repeat_or_skip_is_refused_until_its_offset_is_given(deps):
    found = _errors(deps, demo(opens="2026-10-01T09:00:00", closes="2026-10-25T01:30:00"))
    assert "twice" in found["$.closes"]
    found = _errors(deps, demo(opens="2026-03-01T09:00:00", closes="2026-03-29T01:30:00"))
    assert "Does not happen" in found["$.closes"]
    view = loaded(deps, demo(opens="2026-10-01T09:00:00", closes="2026-10-25T01:30:00+00:00"))
    assert view["closes_at"] == "2026-10-25T01:30:00Z"


def test_a_consultation_takes_no_file_questions_or_fee(deps):
    data = demo()
    data["form"]["fee"] = {"fund": "x", "amount_pence": 100, "description": "Fee"}
    data["form"]["pages"][0]["questions"].append({"id": "photo", "type": "file", "label": "A photo",
                                                  "types": ["image/jpeg"], "max_bytes": 10000})
    found = _errors(deps, data)
    assert "$.form.fee" in found and "$.form.pages[0].questions[1].type" in found


def test_changing_a_consultation_needs_the_etag_it_was_read_with(client, deps, people):
    import json
    from support.consultation_support import wards as load_wards
    load_wards(deps)
    admin_person = people("admin")
    headers = {**admin_person.auth, "Content-Type": "application/json"}
    made = client.raw.http.put("/v1/staff/consultations/micklegate-parking", body=json.dumps(demo()), headers=headers)
    assert made.status_code == 201 and made.headers["ETag"] == '"1"'
    again = client.raw.http.put("/v1/staff/consultations/micklegate-parking", body=json.dumps(demo()), headers=headers)
    assert again.status_code == 428
    stale = client.raw.http.put("/v1/staff/consultations/micklegate-parking", body=json.dumps(demo()),
                                headers={**headers, "If-Match": '"7"'})
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"
    changed = client.raw.http.put("/v1/staff/consultations/micklegate-parking",
                                  body=json.dumps(demo(title="Parking on Micklegate")),
                                  headers={**headers, "If-Match": '"1"'})
    assert changed.status_code == 200 and changed.json_body["title"] == "Parking on Micklegate"
    refused = client.raw.http.put("/v1/staff/consultations/micklegate-parking", body="[1]", headers=headers)
    assert refused.status_code == 400
    resident = people()
    forbidden = client.raw.http.put("/v1/staff/consultations/micklegate-parking", body=json.dumps(demo()),
                                    headers={**resident.auth, "Content-Type": "application/json"})
    assert forbidden.status_code == 403
