"""Damp and mould under Awaab's Law: the tenant sees the inspection's date 10
working days ahead; an officer records the inspection and its written summary,
which reaches the tenant; the safety and further work then have their dates.
The app's clock is Tuesday 24 November 2026, 10am."""
from chalicelib.storage.outbox import OutboxModel
from support.repairs_support import DRIPPING_TAP, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)

MOULD = {**DRIPPING_TAP, "location": "bedroom", "problem": "damp_mould", "issue": "mould",
         "description": "Black mould on the wall behind the bed."}
SUMMARY = "Mould from condensation: the window vents are blocked. We will clear them and treat the wall."


def texts():
    return [m.body for m in OutboxModel.recipient_index.query("+447700900123")]


def test_mould_in_a_bedroom_shows_the_inspection_date_ten_working_days_ahead(client, tenant):
    repair = client.post("/v1/repairs", MOULD, tenant.auth).json_body
    said = {d["clock"]: d["text"] for d in repair["dates"]}
    assert said["investigation"] == "The inspection is due by Tuesday 8 December 2026."


def test_an_officer_records_the_inspection_and_the_tenant_gets_the_written_summary(client, tenant, people):
    repair = client.post("/v1/repairs", MOULD, tenant.auth).json_body
    officer = people("staff")
    recorded = client.post(f"/v1/staff/repairs/{repair['id']}/inspection", {"summary": SUMMARY}, officer.auth)
    assert recorded.status_code == 200, recorded.body
    seen = client.get(f"/v1/repairs/{repair['id']}", tenant.auth).json_body
    assert seen["summary"] == SUMMARY
    states = {d["clock"]: (d["state"], d["text"]) for d in seen["dates"]}
    assert states["investigation"][0] == "met" and states["written_summary"][0] == "met"
    assert states["safety_work"][1] == "The work to make your home safe is due by Tuesday 1 December 2026."
    assert states["further_work_physically_begun"][1] == \
        "The further work on site is due by Tuesday 16 February 2027."
    assert texts() == [f"The written summary of the inspection for your council repair {repair['id']} is ready. "
                       f"Read it in the Doorstep app: Repairs, {repair['id']}."]


def test_an_inspection_is_recorded_once_and_only_by_staff(client, tenant, people):
    repair = client.post("/v1/repairs", MOULD, tenant.auth).json_body
    path = f"/v1/staff/repairs/{repair['id']}/inspection"
    assert client.post(path, {"summary": SUMMARY}, tenant.auth).status_code == 403
    officer = people("staff")
    client.post(path, {"summary": SUMMARY}, officer.auth)
    again = client.post(path, {"summary": "Something else"}, officer.auth)
    assert again.status_code == 409 and again.json_body["error"]["code"] == "already_inspected"
    assert len(texts()) == 1
