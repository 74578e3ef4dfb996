"""Live chats are deleted whole (messages, their photos in the bucket, the links staff found them by) the
council's period after they closed, read from the due index the closing write puts them on; a chat that
went on talking past its first months is kept from its closure, not its start; a killed run is finished
exactly by the next; York's chats are not York North's; and chats closed before the index are put on it
by `doorstep tables`."""
from datetime import timedelta

import pytest

from support.retention_support import Killed, closed_chat, die_at, sweep_at, utc, york_keeping, york_north

NOW = utc(2026, 6, 15, 3, 45)  # the nightly run, in summer time (04:45 in London)
PHOTO = "chat-photo-of-the-bin.jpg"


def _gone(deps, chat_id):
    from chalicelib.storage.blobs import PHOTO_PREFIX
    return (deps.conversations.get(chat_id) is None and deps.conversations.messages(chat_id) == []
            and deps.conversations.search("report#DS-7K3F9Q") == [] and PHOTO_PREFIX + PHOTO not in
            deps.blobs.keys(PHOTO_PREFIX))


def test_a_chat_goes_with_its_messages_photo_and_links_its_period_after_it_closed(deps):
    from chalicelib.storage.blobs import PHOTO_PREFIX
    from chalicelib.storage.conversations.conversations import contact_keys
    york_keeping(deps, chats=12)
    chat = closed_chat(deps, utc(2025, 3, 1, 9), utc(2025, 3, 1, 10),
                       [(utc(2025, 3, 1, 9, 5), "Here is the bin.")], photo=PHOTO)
    assert PHOTO_PREFIX + PHOTO in deps.blobs.keys(PHOTO_PREFIX)
    assert sweep_at(deps, utc(2026, 2, 28, 12)).counts["chats"] == {"deleted": 0, "kept": 0}
    assert deps.conversations.get(chat) is not None
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 1, "kept": 0}
    assert _gone(deps, chat)
    assert deps.conversations.search(contact_keys({"email": "ada@example.org"})[0]) == []


def test_a_chat_that_went_on_past_its_first_months_is_kept_from_its_closure_not_its_start(deps):
    york_keeping(deps, chats=12)
    # Started in January 2025, so twelve months from its start were over in January 2026; it was still
    # being answered in May and August 2025 and closed in August: kept until 20 August 2026. An open one is
    # kept however old.
    long = closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 8, 20, 10),
                       [(utc(2025, 5, 2, 9), "Still no collection."), (utc(2025, 8, 20, 9), "Collected now.")])
    still_open = closed_chat(deps, utc(2024, 1, 10, 9), None)
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 0, "kept": 0}
    assert deps.conversations.get(long) is not None and deps.conversations.get(still_open) is not None
    assert sweep_at(deps, utc(2026, 8, 20, 12)).counts["chats"] == {"deleted": 1, "kept": 0}
    assert deps.conversations.get(long) is None and deps.conversations.get(still_open) is not None


def test_a_month_end_closure_goes_on_the_shorter_months_last_day(deps):
    york_keeping(deps, chats=6)
    chat = closed_chat(deps, utc(2025, 8, 31, 9), utc(2025, 8, 31, 12))
    assert sweep_at(deps, utc(2026, 2, 27, 12)).counts["chats"]["deleted"] == 0
    assert sweep_at(deps, utc(2026, 2, 28, 12)).counts["chats"]["deleted"] == 1
    assert deps.conversations.get(chat) is None


def test_a_closure_on_the_31st_goes_on_the_30th_of_a_30_day_month_not_the_1st_of_the_next(deps):
    # Closed 31 March 2025 at 23:30 London (22:30 UTC): kept 6 months, it goes on 30 September 2025's
    # first minute in London (23:00 UTC the 29th), not on 1 October (adding 183 days or rolling the 31st
    # over would both keep it a day too long), and not on the 29th.
    york_keeping(deps, chats=6)
    chat = closed_chat(deps, utc(2025, 3, 31, 20), utc(2025, 3, 31, 22, 30))
    assert sweep_at(deps, utc(2025, 9, 29, 22, 59)).counts["chats"]["deleted"] == 0
    assert sweep_at(deps, utc(2025, 9, 29, 23, 0)).counts["chats"]["deleted"] == 1
    assert deps.conversations.get(chat) is None


def test_the_default_is_the_data_maps_two_years(deps):
    york_keeping(deps)
    chat = closed_chat(deps, utc(2024, 6, 1, 9), utc(2024, 6, 15, 10))
    assert sweep_at(deps, utc(2026, 6, 14, 12)).counts["chats"]["deleted"] == 0
    assert sweep_at(deps, utc(2026, 6, 15, 12)).counts["chats"]["deleted"] == 1
    assert deps.conversations.get(chat) is None


def test_a_dry_run_lists_and_counts_them_and_deletes_nothing(deps):
    york_keeping(deps, chats=12)
    due = closed_chat(deps, utc(2025, 3, 1, 9), utc(2025, 3, 1, 10))
    closed_chat(deps, utc(2025, 3, 1, 9), utc(2025, 9, 1, 10))
    run = sweep_at(deps, NOW, dry=True)
    assert run.counts["chats"] == {"would_delete": 1}
    assert run.listed["chats"] == [{"id": due, "since": "2025-03-01T10:00:00.000000Z", "until": "2026-03-01"}]
    assert deps.conversations.get(due) is not None


@pytest.mark.parametrize("boundary", ["retention.chat_photos_deleted", "conversations.messages_deleted"])
def test_a_sweep_killed_mid_batch_is_finished_by_the_next_run_without_a_wrong_delete_or_a_miss(
        deps, monkeypatch, boundary):
    york_keeping(deps, chats=12)
    due = [closed_chat(deps, utc(2025, 1, 10 + n, 9), utc(2025, 3, 1 + n, 10), photo=f"p{n}.jpg") for n in range(5)]
    kept = [closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 8, 1, 10)), closed_chat(deps, utc(2024, 1, 10, 9), None)]
    die_at(monkeypatch, boundary, after=2)
    with pytest.raises(Killed):
        sweep_at(deps, NOW)
    assert sum(deps.conversations.get(c) is None for c in due) == 2  # the third died part way
    monkeypatch.undo()
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 3, "kept": 0}
    assert all(deps.conversations.get(c) is None and deps.conversations.messages(c) == [] for c in due)
    assert all(deps.conversations.get(c) is not None and deps.conversations.messages(c) for c in kept)
    assert deps.blobs.keys("photos/p") == []


def test_a_second_run_reads_nothing_the_first_run_did(deps):
    from chalicelib.storage.metering import metered
    york_keeping(deps, chats=12)
    for n in range(3):
        closed_chat(deps, utc(2025, 1, 10 + n, 9), utc(2025, 3, 1 + n, 10))
    assert sweep_at(deps, NOW).counts["chats"]["deleted"] == 3
    with metered() as meter:
        assert sweep_at(deps, NOW + timedelta(days=1)).counts["chats"] == {"deleted": 0, "kept": 0}
    assert meter.items <= 1  # the report of the day's earlier run, nothing of the chats


def test_two_councils_whose_ids_share_a_prefix_keep_their_own_chats(deps):
    from chalicelib import tenancy
    york_keeping(deps, chats=12)
    york_north(deps)
    mine = closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    with tenancy.acting_for("york-north"):
        theirs = closed_chat(deps.for_council(), utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
        assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 0, "kept": 0}  # its default: 2 years
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 1, "kept": 0}
    assert deps.conversations.get(mine) is None
    with tenancy.acting_for("york-north"):
        assert deps.for_council().conversations.get(theirs) is not None


def test_chats_closed_before_the_index_are_put_on_it_from_their_closure(deps):
    from chalicelib.storage.conversations.conversations import ConversationModel
    york_keeping(deps, chats=12)
    old = closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    ConversationModel(old).update(actions=[ConversationModel.retain.remove(), ConversationModel.retain_from.remove()])
    assert sweep_at(deps, NOW).counts["chats"]["deleted"] == 0  # off the index: the sweep cannot see it
    assert deps.conversations.add_due_keys() == 1
    assert deps.conversations.add_due_keys() == 0
    assert sweep_at(deps, NOW).counts["chats"]["deleted"] == 1


def test_a_closed_chat_on_hold_is_kept_until_released_and_an_open_one_has_no_clock_to_hold(client, deps):
    from support.councils_support import YORK_HOST, at, put, signed_in_at
    york_keeping(deps, chats=6)
    admin = signed_in_at(deps, "york", "admin")
    old = closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 1, 10, 10))
    still_open = closed_chat(deps, utc(2025, 1, 10, 9), None)
    path = f"/v1/admin/retention/holds/chats/{old}"
    held = put(client, path, {"reason": "Complaint CX-204 about this chat"}, at(YORK_HOST, admin))
    assert held.status_code == 200, held.json_body
    refused = put(client, f"/v1/admin/retention/holds/chats/{still_open}", {"reason": "Complaint CX-205"},
                  at(YORK_HOST, admin))
    assert (refused.status_code, refused.json_body["error"]["code"]) == (409, "not_on_the_schedule")
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 0, "kept": 0}  # off the index: not even read
    assert deps.conversations.get(old) is not None
    listed = client.get("/v1/admin/retention/holds", at(YORK_HOST, admin)).json_body["holds"]
    assert [(h["kind"], h["id"]) for h in listed] == [("chats", old)]
    assert client.raw.http.delete(path, headers=at(YORK_HOST, admin)).status_code == 200
    assert client.raw.http.delete(path, headers=at(YORK_HOST, admin)).status_code == 404  # not held now
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 1, "kept": 0}  # due at once, from its closure
