"""A repair to a council home loses its tenant (contact, access notes, account, the words written about
it, photos, neighbours' "me too"s) the council's period after it was done or cancelled (the LGA's six
years after completion by default), read from the due index the closing write puts it on; the home's
record and the figures stay (home, address, category, priority, dates, clocks, compensation, the count).
Its clock runs from its completion, not its report; a reopened one is off the index until done again;
a held one is kept with its reason; a killed run is finished exactly; York's are not York North's."""
from datetime import timedelta

import pytest

from support.councils_support import YORK_HOST, at, put, signed_in_at
from support.retention_support import (DEV, Killed, answered, closed_repair, die_at, set_schedule, sweep_at, utc,
                                       york_keeping, york_north)

NOW = utc(2026, 6, 15, 3, 45)  # the nightly run, in summer time (04:45 in London)
KEPT = ("id", "home", "address", "block", "location", "problem", "issue", "repair", "code", "trade", "priority",
        "aware_at", "created_at", "done_at", "closed_at", "status", "compensation", "right_to_repair_days",
        "damp_mould")


def _tenants(repair):
    return (repair.contact, repair.access, repair.user_id, repair.description, repair.summary, repair.done_what,
            repair.priority_reason, repair.photos)


def test_a_done_repairs_tenant_goes_the_councils_period_after_and_the_homes_record_stays(deps):
    from chalicelib.storage.blobs import PHOTO_PREFIX, BlobMissing
    from chalicelib.storage.records import AuditEntry
    york_keeping(deps, repairs=12)
    rid = closed_repair(deps, utc(2025, 3, 1, 9), utc(2025, 3, 10, 14), photo="a" * 32 + ".jpg",
                        summary="Damp behind Dev's bed; his asthma is worse.")
    repair = deps.repairs.get(rid)
    repair.priority_reason = "Dev's daughter is disabled"
    deps.repairs.changed(repair, repair.seq, audit=AuditEntry(
        report_id=rid, seq=repair.seq + 1, action="priority", by_user_id="olu", created_at=utc(2025, 3, 2),
        changes={"priority": {"before": "routine", "after": "urgent"},
                 "reason": {"before": None, "after": "Dev's daughter is disabled"}}))
    answered(deps, rid, "Fixed fast; my carer let them in.", utc(2025, 3, 11, 9))
    before = deps.repairs.get(rid)
    assert deps.repairs.of_user("u-dev")[0].id == rid
    assert sweep_at(deps, utc(2026, 3, 9, 12)).counts["repairs"] == {"anonymised": 0, "kept": 0}
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 1, "kept": 0}
    after = deps.repairs.get(rid)
    assert _tenants(after) == ({}, {}, f"erased#{rid}", "", None, None, None, [])
    assert [getattr(after, k) for k in KEPT] == [getattr(before, k) for k in KEPT]
    assert after.closed_at == utc(2025, 3, 10, 14) and after.retained["at"] == NOW.isoformat()
    assert deps.repairs.of_user("u-dev") == []  # off his list; the home's history has it still
    assert [r.id for r in deps.repairs.of_home("R0448105")] == [rid]
    with pytest.raises(BlobMissing):
        deps.blobs.read(PHOTO_PREFIX + "a" * 32 + ".jpg")
    said = {e.action: e.changes for e in deps.audit.entries(rid)}["priority"]
    assert said["priority"] == {"before": "routine", "after": "urgent"}
    assert "disabled" not in said["reason"]["after"]
    answer = deps.questionnaires.get(rid).answer
    assert (answer["fixed"], answer["rating"], answer["comment"]) == (True, 4, None)



def test_the_default_is_six_years_after_completion_on_the_councils_calendar(deps):
    # Done at 23:59 London on 15 June 2020 (22:59 UTC): goes on 15 June 2026. Done a minute after London's
    # midnight (23:01 UTC the same UTC day): goes on the 16th. A UTC day would take both on the 15th.
    york_keeping(deps)
    just_before = closed_repair(deps, utc(2020, 6, 1, 9), utc(2020, 6, 15, 22, 59))
    just_past = closed_repair(deps, utc(2020, 6, 1, 9), utc(2020, 6, 15, 23, 1))
    assert sweep_at(deps, utc(2026, 6, 14, 22, 30)).counts["repairs"] == {"anonymised": 0, "kept": 0}
    assert sweep_at(deps, utc(2026, 6, 15, 12)).counts["repairs"] == {"anonymised": 1, "kept": 0}
    assert deps.repairs.get(just_before).contact == {} and deps.repairs.get(just_past).contact == DEV
    assert sweep_at(deps, utc(2026, 6, 15, 23, 30)).counts["repairs"] == {"anonymised": 1, "kept": 0}
    assert deps.repairs.get(just_past).contact == {}


def test_its_clock_runs_from_completion_not_from_the_report(deps):
    york_keeping(deps, repairs=12)
    slow = closed_repair(deps, utc(2024, 1, 10, 9), utc(2025, 9, 1, 10))  # reported long before, done last autumn
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 0, "kept": 0}
    assert deps.repairs.get(slow).contact == DEV
    assert sweep_at(deps, utc(2026, 9, 1, 12)).counts["repairs"]["anonymised"] == 1


def test_a_cancelled_repair_goes_from_its_cancelling_and_an_open_one_is_kept(deps):
    york_keeping(deps, repairs=12)
    cancelled = closed_repair(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10), how="cancelled")
    still_open = closed_repair(deps, utc(2020, 1, 10, 9), None)
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 1, "kept": 0}
    assert deps.repairs.get(cancelled).contact == {} and deps.repairs.get(still_open).contact == DEV


def test_a_reopened_repair_is_off_the_index_until_it_is_done_again(deps):
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.repairs.closing import done
    from chalicelib.handlers.repairs.desk.after import reopen
    york_keeping(deps, repairs=12)
    rid = closed_repair(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    dev = deps.replace(clock=lambda: utc(2025, 2, 5, 9), principal=Principal(user_id="u-dev", role="resident"))
    reopen(dev, rid, {"what": "It drips again."})
    assert deps.repairs.get(rid).closed_at is None
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 0, "kept": 0}
    done(deps.replace(clock=lambda: utc(2025, 8, 1, 10)), rid, {"what": "Tap replaced"})
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 0, "kept": 0}
    assert sweep_at(deps, utc(2026, 8, 1, 12)).counts["repairs"] == {"anonymised": 1, "kept": 0}


def test_a_block_repairs_me_toos_go_and_its_count_stays(deps):
    from chalicelib.handlers.repairs.closing import done
    york_keeping(deps, repairs=12)
    rid = closed_repair(deps, utc(2025, 1, 10, 9), None, block="hull-road-4", location="communal",
                        problem="lighting", issue="stair_light")
    deps.communal.me_too(rid, "u-sam", utc(2025, 1, 11, 9))  # Sam's, while it was open
    done(deps.replace(clock=lambda: utc(2025, 2, 1, 10)), rid, {"what": "Bulb replaced"})
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 1, "kept": 0}
    row = deps.communal.get(rid)
    assert (row.me_too, row.description, row.reporter) == (1, "", f"erased#{rid}")
    assert deps.communal.said_by("u-sam") == []


def test_a_dry_run_lists_and_counts_them_and_changes_nothing(deps):
    york_keeping(deps, repairs=12)
    due = closed_repair(deps, utc(2025, 1, 10, 9), utc(2025, 3, 1, 10))
    closed_repair(deps, utc(2025, 8, 1, 9), utc(2025, 9, 1, 10))
    run = sweep_at(deps, NOW, dry=True)
    assert run.counts["repairs"] == {"would_anonymise": 1}
    assert run.listed["repairs"] == [{"id": due, "since": "2025-03-01T10:00:00.000000Z", "until": "2026-03-01"}]
    assert deps.repairs.get(due).contact == DEV


@pytest.mark.parametrize("boundary", ["retention.repair_photos_deleted", "retention.repair_forgotten"])
def test_a_sweep_killed_mid_batch_is_finished_by_the_next_run(deps, monkeypatch, boundary):
    york_keeping(deps, repairs=12)
    due = [closed_repair(deps, utc(2025, 1, 10, 9), utc(2025, 3, 1 + n, 10), photo=f"{n:032x}.jpg") for n in range(5)]
    kept = closed_repair(deps, utc(2025, 8, 1, 9), utc(2025, 8, 1, 10))
    die_at(monkeypatch, boundary, after=2)
    with pytest.raises(Killed):
        sweep_at(deps, NOW)
    assert sum(deps.repairs.get(r).contact == {} for r in due) == 2  # the third died before its write
    monkeypatch.undo()
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 3, "kept": 0}
    assert all(deps.repairs.get(r).contact == {} for r in due)
    assert deps.repairs.get(kept).contact == DEV


def test_a_second_run_a_day_later_reads_nothing(deps):
    from chalicelib.storage.metering import metered
    york_keeping(deps, repairs=12)
    closed_repair(deps, utc(2025, 1, 10, 9), utc(2025, 3, 1, 10))
    assert sweep_at(deps, NOW).counts["repairs"]["anonymised"] == 1
    assert deps.repairs.due_count(utc(2030, 1, 1)) == 0
    with metered() as meter:
        assert sweep_at(deps, NOW + timedelta(days=1)).counts["repairs"] == {"anonymised": 0, "kept": 0}
    assert meter.items <= 1


def test_two_councils_whose_ids_share_a_prefix_keep_their_own_tenants(deps):
    from chalicelib import tenancy
    york_keeping(deps, repairs=12)
    york_north(deps)
    mine = closed_repair(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    with tenancy.acting_for("york-north"):
        theirs = closed_repair(deps.for_council(), utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
        assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 0, "kept": 0}  # its default: 6 years
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 1, "kept": 0}
    assert deps.repairs.get(mine).contact == {}
    with tenancy.acting_for("york-north"):
        assert deps.for_council().repairs.get(theirs).contact == DEV


@pytest.fixture
def york_admin(deps):
    york_keeping(deps)
    return signed_in_at(deps, "york", "admin")


def test_a_repair_on_hold_is_kept_with_its_reason_until_released_then_goes_from_its_completion(
        client, deps, york_admin):
    old = closed_repair(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    assert set_schedule(client, york_admin, {"kinds": {"repairs": {"after": "closed", "months": 12,
                                                                    "then": "anonymise"}}}).status_code == 200
    path = f"/v1/admin/retention/holds/repairs/{old}"
    held = put(client, path, {"reason": "Disrepair claim HC-2025-031"}, at(YORK_HOST, york_admin))
    assert held.status_code == 200, held.json_body
    assert put(client, path, {"reason": "Disrepair claim HC-2025-031"}, at(YORK_HOST, york_admin)).status_code == 200
    assert put(client, path, {"reason": "Another reason"}, at(YORK_HOST, york_admin)).status_code == 409
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 0, "kept": 0}  # off the index: not even read
    assert deps.repairs.get(old).contact == DEV
    listed = client.get("/v1/admin/retention/holds", at(YORK_HOST, york_admin)).json_body["holds"]
    assert [(h["kind"], h["id"], h["reason"]) for h in listed] == [("repairs", old, "Disrepair claim HC-2025-031")]
    released = client.raw.http.delete(path, headers=at(YORK_HOST, york_admin))
    assert released.status_code == 200, released.body
    assert sweep_at(deps, NOW).counts["repairs"] == {"anonymised": 1, "kept": 0}  # due from its completion at once
    assert put(client, "/v1/admin/retention/holds/repairs/RP-NOSUCH", {"reason": "Claim 12345"},
               at(YORK_HOST, york_admin)).status_code == 404


def test_the_council_sets_its_repairs_period_and_its_record_and_notice_say_it(client, deps, york_admin):
    refused = set_schedule(client, york_admin, {"kinds": {"repairs": {"after": "closed", "months": 36,
                                                                       "then": "delete"}}})
    assert refused.status_code == 400, refused.json_body  # a repair is the home's history: anonymised, never deleted
    changed = set_schedule(client, york_admin, {"kinds": {"repairs": {"after": "closed", "months": 36,
                                                                       "then": "anonymise"}}})
    assert changed.status_code == 200, changed.json_body
    assert changed.json_body["schedule"]["kinds"]["repairs"]["source"] == "council"
    record = client.get("/v1/council/record-of-processing", at(YORK_HOST, york_admin)).json_body
    for table in ("repairs", "repair-communal"):
        kept = next(a for a in record["activities"] if a["table"] == table)["retention"]
        assert (kept["months"], kept["source"], kept["then"]) == (36, "council", "anonymise"), table
    section = next(s for s in client.get("/v1/privacy", at(YORK_HOST)).json_body["sections"] if s["id"] == "repairs")
    assert any(k.startswith("Kept 3 years after it is closed") for k in section["kept"]), section["kept"]
