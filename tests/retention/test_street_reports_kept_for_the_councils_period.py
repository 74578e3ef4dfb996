"""York's administrator sets its street reports' contacts to be removed 12 months after closure; a dry
run lists the reports that would lose theirs; the sweep removes them, their public pages unchanged, and
nothing else: a report closed later, an open one, one reopened, one on hold. Run again it finds nothing
to do; killed mid-batch the next run finishes the rest."""
from datetime import timedelta

import pytest

from support.councils_support import YORK_HOST, at, signed_in_at
from support.retention_support import Killed, closed_report, die_at, set_schedule, sweep_at, utc, york_keeping

NOW = utc(2026, 6, 15, 3, 45)  # the nightly run, in summer time (04:45 in London)


@pytest.fixture
def york_admin(deps):
    york_keeping(deps)
    return signed_in_at(deps, "york", "admin")


def _public(client, rid):
    page = client.get(f"/v1/reports/{rid}", at(YORK_HOST))
    updates = client.get(f"/v1/reports/{rid}/updates", at(YORK_HOST))
    assert page.status_code == updates.status_code == 200
    return page.json_body, updates.json_body


def test_yorks_reports_lose_their_contact_twelve_months_after_closure_and_keep_their_public_page(
        client, deps, york_admin):
    changed = set_schedule(client, york_admin, {"kinds": {"reports": {"after": "closed", "months": 12,
                                                                      "then": "anonymise"}}})
    assert changed.status_code == 200, changed.json_body
    assert changed.json_body["schedule"]["kinds"]["reports"]["months"] == 12
    assert changed.json_body["schedule"]["kinds"]["reports"]["source"] == "council"
    old = closed_report(deps, utc(2025, 1, 10, 9), utc(2025, 6, 1, 10))  # closed 12.5 months before NOW
    recent = closed_report(deps, utc(2025, 5, 1, 9), utc(2025, 8, 1, 10))  # closed 10.5 months before
    still_open = closed_report(deps, utc(2024, 1, 1, 9), None)
    before = _public(client, old)

    dry = sweep_at(deps, NOW, dry=True)
    assert dry.counts["reports"] == {"would_anonymise": 1}
    assert [r["id"] for r in dry.listed["reports"]] == [old]
    assert dry.listed["reports"][0]["until"] == "2026-06-01"
    assert deps.reports.get(old).contact["email"] == "ada@example.org"  # a dry run changes nothing

    assert sweep_at(deps, NOW).counts["reports"] == {"anonymised": 1, "kept": 0}
    gone = deps.reports.get(old)
    assert gone.contact == {} and gone.reporter_email_hash is None and gone.token_hash is None
    assert gone.retained["then"] == "anonymise"
    assert _public(client, old) == before
    assert deps.reports.get(recent).contact["email"] == "ada@example.org"
    assert deps.reports.get(still_open).contact["email"] == "ada@example.org"

    assert sweep_at(deps, NOW + timedelta(days=1)).counts["reports"] == {"anonymised": 0, "kept": 0}


def test_anonymising_takes_who_away_everywhere_and_leaves_the_public_record_as_it_was(client, deps, people):
    from chalicelib.handlers.retention.wording import NOTE_REMOVED
    from chalicelib.storage.blobs import HIDDEN_PHOTO_PREFIX, BlobMissing
    from support.retention_support import PHONE_NOTE, anonymised_in_full
    york_keeping(deps, months=12)
    rid = anonymised_in_full(client, deps, people)
    held = deps.reports.get(rid)
    hidden = HIDDEN_PHOTO_PREFIX + held.hidden_photos[0]["name"]
    assert deps.blobs.read(hidden) and deps.alerts.rows(f"report#{rid}")
    assert any(e.changes.get("internal_note", {}).get("after") == PHONE_NOTE for e in deps.audit.entries(rid))
    before = _public(client, rid)

    assert sweep_at(deps, deps.clock() + timedelta(days=400)).counts["reports"] == {"anonymised": 1, "kept": 0}
    gone = deps.reports.get(rid)
    assert (gone.contact, gone.user_id, gone.reporter_email_hash, gone.token_hash) == ({}, None, None, None)
    assert gone.hidden_photos == [] and "original" not in gone.moderation and "reason" not in gone.moderation
    with pytest.raises(BlobMissing):
        deps.blobs.read(hidden)
    assert deps.alerts.rows(f"report#{rid}") == []  # Ada's follow
    assert deps.supporters.of_person(_key("bea@example.org")) == []  # Bea's "me too": who and where told
    notes = [e.changes["internal_note"]["after"] for e in deps.audit.entries(rid) if "internal_note" in e.changes]
    assert notes == [NOTE_REMOVED]
    assert deps.audit.entries(rid)[-1].action == "retention_anonymised"
    after = _public(client, rid)
    assert after == before and after[0]["supporters"] == 1  # the count is the public record's


def _key(email):
    from chalicelib.handlers.reports.support import supporter_key
    return supporter_key(email)


def test_a_report_on_hold_is_kept_until_released_and_then_goes_from_its_closure(client, deps, york_admin):
    old = closed_report(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    set_schedule(client, york_admin, {"kinds": {"reports": {"after": "closed", "months": 12, "then": "anonymise"}}})
    held = _hold(client, york_admin, old, {"reason": "Claim 2025/114 about this pothole"})
    assert held.status_code == 200, held.json_body
    assert held.json_body["reason"] == "Claim 2025/114 about this pothole"
    assert sweep_at(deps, NOW).counts["reports"] == {"anonymised": 0, "kept": 0}  # off the index: not even read
    assert deps.reports.get(old).contact["email"] == "ada@example.org"
    listed = client.get("/v1/admin/retention/holds", at(YORK_HOST, york_admin)).json_body["holds"]
    assert [(h["kind"], h["id"]) for h in listed] == [("reports", old)]
    released = client.raw.http.delete(f"/v1/admin/retention/holds/reports/{old}", headers=at(YORK_HOST, york_admin))
    assert released.status_code == 200, released.body
    # Its clock ran from its closure all along: due at once, not 12 months from the release.
    assert sweep_at(deps, NOW).counts["reports"] == {"anonymised": 1, "kept": 0}
    assert client.get("/v1/admin/retention/holds", at(YORK_HOST, york_admin)).json_body["holds"] == []


def _hold(client, admin, rid, body):
    from support.councils_support import put
    return put(client, f"/v1/admin/retention/holds/reports/{rid}", body, at(YORK_HOST, admin))


@pytest.mark.parametrize("boundary", ["retention.photos_deleted", "retention.report_forgotten"])
def test_a_sweep_killed_mid_batch_is_finished_by_the_next_run_without_a_wrong_anonymising_or_a_miss(
        deps, monkeypatch, boundary):
    york_keeping(deps, months=12)
    due = [closed_report(deps, utc(2025, 1, 10 + n, 9), utc(2025, 3, 1 + n, 10)) for n in range(5)]
    kept = [closed_report(deps, utc(2025, 1, 10, 9), utc(2025, 8, 1, 10)),  # closed 10.5 months before
            closed_report(deps, utc(2024, 1, 10, 9), None)]  # open
    die_at(monkeypatch, boundary, after=2)
    with pytest.raises(Killed):
        sweep_at(deps, NOW)
    done = [rid for rid in due if deps.reports.get(rid).retained]
    assert len(done) == 2  # the first two finished before the third died
    monkeypatch.undo()
    assert sweep_at(deps, NOW).counts["reports"] == {"anonymised": 3, "kept": 0}
    assert all(deps.reports.get(rid).retained and deps.reports.get(rid).contact == {} for rid in due)
    assert all(deps.reports.get(rid).contact["email"] == "ada@example.org" and not deps.reports.get(rid).retained
               for rid in kept)


def test_a_second_run_reads_nothing_the_first_run_did(deps):
    from chalicelib.storage.metering import metered
    york_keeping(deps, months=12)
    for n in range(3):
        closed_report(deps, utc(2025, 1, 10 + n, 9), utc(2025, 3, 1 + n, 10))
    assert sweep_at(deps, NOW).counts["reports"]["anonymised"] == 3
    with metered() as meter:
        assert sweep_at(deps, NOW + timedelta(days=1)).counts["reports"] == {"anonymised": 0, "kept": 0}
    assert meter.items <= 1  # the report of the day's earlier run, nothing of the reports


# A report closed at 23:30 UTC on 15 June 2025, which is 00:30 on 16 June in London: kept 12 months, it goes
# on 16 June 2026, London's day, from its first minute to its last, and not a minute before.
CLOSED = utc(2025, 6, 15, 23, 30)


@pytest.mark.parametrize("now, goes", [
    (utc(2026, 6, 15, 22, 59), False),  # 23:59 on the 15th in London: the last minute it is kept
    (utc(2026, 6, 15, 23, 0), True),  # midnight in London: the 16th
    (utc(2026, 6, 16, 12, 0), True),
    (utc(2026, 6, 16, 22, 59), True),  # the day's last minute
    (utc(2026, 6, 14, 3, 45), False),
])
def test_a_report_goes_on_the_day_its_period_ends_on_the_councils_calendar_at_any_hour(deps, now, goes):
    york_keeping(deps, months=12)
    rid = closed_report(deps, utc(2025, 6, 1, 9), CLOSED)
    assert sweep_at(deps, now).counts["reports"]["anonymised"] == (1 if goes else 0)
    assert bool(deps.reports.get(rid).retained) is goes


def test_a_month_end_closure_goes_on_the_shorter_months_last_day(deps):
    york_keeping(deps, months=6)
    rid = closed_report(deps, utc(2025, 8, 1, 9), utc(2025, 8, 31, 12))
    assert sweep_at(deps, utc(2026, 2, 27, 12)).counts["reports"]["anonymised"] == 0
    assert sweep_at(deps, utc(2026, 2, 28, 12)).counts["reports"]["anonymised"] == 1
    assert deps.reports.get(rid).retained


def test_two_councils_whose_ids_share_a_prefix_keep_their_own_schedules(deps):
    from chalicelib import tenancy
    from support.councils_support import add, other_council, with_categories
    york_keeping(deps, months=12)
    north = {**other_council(1), "id": "york-north", "hosts": ["york-north.localhost"]}
    add(deps, north)
    with_categories("york-north")
    mine = closed_report(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    with tenancy.acting_for("york-north"):
        theirs = closed_report(deps.for_council(), utc(2025, 1, 10, 9), utc(2025, 2, 1, 10), lat=51.1, lon=-3.7)
        assert sweep_at(deps, NOW).counts["reports"] == {"anonymised": 0, "kept": 0}  # its default: 6 years
    assert sweep_at(deps, NOW).counts["reports"] == {"anonymised": 1, "kept": 0}
    assert deps.reports.get(mine).retained
    with tenancy.acting_for("york-north"):
        assert deps.for_council().reports.get(theirs).contact["email"] == "ada@example.org"
