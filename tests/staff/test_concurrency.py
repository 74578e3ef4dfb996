"""100 officers change one report at once, all with the same ETag: exactly
one change wins, every other is told it was too late (409 with the report as
it is now), and the timeline holds the winner's entry and nothing else."""
import json

from conftest import pothole
from support.staff_support import officer, staff_data, timeline  # noqa: F401  (fixtures)
from support.racing import at_once

CHANGES = 100


def test_one_of_a_hundred_concurrent_changes_with_one_etag_wins_and_the_timeline_agrees(client, officer):
    rid = client.post("/v1/reports", pothole()).json_body["id"]
    etag = officer.report(rid).headers["ETag"]
    headers = {"Content-Type": "application/json", "If-Match": etag, **officer.person.auth}

    def change(n):
        body = {"status": "investigating" if n % 2 else "action_scheduled", "public_update": f"Change {n}.",
                "internal_note": f"Note {n}."}
        response = client.raw.http.request("PATCH", f"/v1/staff/reports/{rid}", body=json.dumps(body),
                                           headers=headers)
        return n, response.status_code, response.json_body

    answers = at_once(change, range(CHANGES))

    statuses = sorted(status for _, status, _ in answers)
    assert statuses == [200] + [409] * (CHANGES - 1), statuses
    [(winner, _, won)] = [a for a in answers if a[1] == 200]
    assert all(body["error"]["code"] == "edit_conflict" and body["current"]["version"] == 2
               for _, status, body in answers if status == 409)
    final = officer.report(rid).json_body
    assert final["version"] == 2 and final["status"] == won["status"]
    assert [n["text"] for n in final["internal_notes"]] == [f"Note {winner}."]
    entries = timeline(client, rid)
    assert [(e["status"], e["text"]) for e in entries] == [("open", None), (won["status"], f"Change {winner}.")]
    assert [e["seq"] for e in officer.audit(rid)] == [2]
