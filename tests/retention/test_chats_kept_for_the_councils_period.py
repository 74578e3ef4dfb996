"""Live chats are deleted whole (messages, their photos in the bucket, the links staff found them by) the
council's period after their last word, read from the due index their writes keep them on: their closure,
or the last message of one never closed; a chat that went on talking past its first months is kept from
its closure, not its start; a killed run is finished exactly by the next; York's chats are not York
North's; and chats from before the index are put on it by `doorstep tables`."""
from datetime import timedelta

import pytest

from support.retention_support import Killed, closed_chat, die_at, sweep_at, utc, york_keeping, york_north

NOW = utc(2026, 6, 15, 3, 45)  # the nightly run, in summer time (04:45 in London)
PHOTO = "chat-photo-of-the-bin.jpg"


def _gone(deps, chat_id):
    from chalicelib.storage.blobs import CHAT_PHOTO_PREFIX
    return (deps.conversations.get(chat_id) is None and deps.conversations.messages(chat_id) == []
            and deps.conversations.search("report#DS-7K3F9Q") == [] and CHAT_PHOTO_PREFIX + PHOTO not in
            deps.blobs.keys(CHAT_PHOTO_PREFIX))


def test_a_chat_goes_with_its_messages_photo_and_links_its_period_after_it_closed(deps):
    from chalicelib.storage.blobs import CHAT_PHOTO_PREFIX
    from chalicelib.storage.conversations.conversations import contact_keys
    york_keeping(deps, chats=12)
    chat = closed_chat(deps, utc(2025, 3, 1, 9), utc(2025, 3, 1, 10),
                       [(utc(2025, 3, 1, 9, 5), "Here is the bin.")], photo=PHOTO)
    assert CHAT_PHOTO_PREFIX + PHOTO in deps.blobs.keys(CHAT_PHOTO_PREFIX)
    assert sweep_at(deps, utc(2026, 2, 28, 12)).counts["chats"] == {"deleted": 0, "kept": 0}
    assert deps.conversations.get(chat) is not None
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 1, "kept": 0}
    assert _gone(deps, chat)
    assert deps.conversations.search(contact_keys({"email": "ada@example.org"})[0]) == []


def test_a_chat_that_went_on_past_its_first_months_is_kept_from_its_closure_not_its_start(deps):
    york_keeping(deps, chats=12)
    # Started in January 2025, so twelve months from its start were over in January 2026; it was still
    # being answered in May and August 2025 and closed in August: kept until 20 August 2026. An open one
    # begun in 2024 and spoken in last September is kept from that word.
    long = closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 8, 20, 10),
                       [(utc(2025, 5, 2, 9), "Still no collection."), (utc(2025, 8, 20, 9), "Collected now.")])
    still_open = closed_chat(deps, utc(2024, 1, 10, 9), None, [(utc(2025, 9, 1, 9), "Any news?")])
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


@pytest.mark.parametrize("boundary", ["conversations.photos_deleted", "conversations.messages_deleted"])
def test_a_sweep_killed_mid_batch_is_finished_by_the_next_run_without_a_wrong_delete_or_a_miss(
        deps, monkeypatch, boundary):
    york_keeping(deps, chats=12)
    due = [closed_chat(deps, utc(2025, 1, 10 + n, 9), utc(2025, 3, 1 + n, 10), photo=f"p{n}.jpg") for n in range(5)]
    kept = [closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 8, 1, 10)),
            closed_chat(deps, utc(2024, 1, 10, 9), None, [(utc(2025, 9, 1, 9), "Any news?")])]
    die_at(monkeypatch, boundary, after=2)
    with pytest.raises(Killed):
        sweep_at(deps, NOW)
    assert sum(deps.conversations.get(c) is None for c in due) == 2  # the third died part way
    monkeypatch.undo()
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 3, "kept": 0}
    assert all(deps.conversations.get(c) is None and deps.conversations.messages(c) == [] for c in due)
    assert all(deps.conversations.get(c) is not None and deps.conversations.messages(c) for c in kept)
    assert deps.blobs.keys("chat-photos/p") == []


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


def test_chats_from_before_the_index_are_put_on_it_from_their_closure_or_their_last_message(deps):
    from chalicelib import tenancy
    from chalicelib.storage.conversations.conversations import ConversationModel
    york_keeping(deps, chats=12)
    york_north(deps)
    old = closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 2, 1, 10))
    idle = closed_chat(deps, utc(2024, 11, 10, 9), None, [(utc(2025, 3, 2, 9), "Anyone there?")])
    talking = closed_chat(deps, utc(2024, 11, 10, 9), None, [(utc(2025, 9, 2, 9), "Any news?")])
    with tenancy.acting_for("york-north"):  # the upgrade reads every council's, each as its own
        theirs = closed_chat(deps.for_council(), utc(2024, 11, 10, 9), None, [(utc(2025, 3, 2, 9), "Hello?")])
        ConversationModel(theirs).update(actions=[ConversationModel.retain.remove(),
                                                  ConversationModel.retain_from.remove()])
    for chat in (old, idle, talking):
        ConversationModel(chat).update(actions=[ConversationModel.retain.remove(),
                                                ConversationModel.retain_from.remove()])
    assert sweep_at(deps, NOW).counts["chats"]["deleted"] == 0  # off the index: the sweep cannot see them
    assert deps.conversations.add_due_keys() == 4
    assert deps.conversations.add_due_keys() == 0
    listed = sweep_at(deps, NOW, dry=True).listed["chats"]
    assert [(row["id"], row["since"]) for row in listed] == [(old, "2025-02-01T10:00:00.000000Z"),
                                                             (idle, "2025-03-02T09:00:00.000000Z")]
    assert sweep_at(deps, NOW).counts["chats"]["deleted"] == 2
    assert deps.conversations.get(talking) is not None


def test_a_chat_never_closed_goes_its_period_after_its_last_message_and_frees_its_officer(deps):
    """Left open by the resident and the desk: due from its last message (its start would take one still
    talking; waiting for a closure keeps it for ever), closed by the sweep as of that message, the
    officer's place given back, then deleted whole as a closed one is."""
    from chalicelib.storage.blobs import CHAT_PHOTO_PREFIX
    york_keeping(deps, chats=12)
    idle = closed_chat(deps, utc(2025, 1, 10, 9), None, [(utc(2025, 3, 1, 10), "Still there?")], photo=PHOTO)
    deps.conversations.take(idle, "olu", "Olu", 5, utc(2025, 1, 10, 9, 30))
    talking = closed_chat(deps, utc(2024, 1, 10, 9), None, [(utc(2025, 9, 1, 9), "Any news?")])
    assert deps.conversations.officer_load("olu") == 1
    dry = sweep_at(deps, NOW, dry=True)
    assert dry.listed["chats"] == [{"id": idle, "since": "2025-03-01T10:00:00.000000Z", "until": "2026-03-01"}]
    assert sweep_at(deps, utc(2026, 2, 28, 12)).counts["chats"] == {"deleted": 0, "kept": 0}
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 1, "kept": 0}
    assert deps.conversations.get(idle) is None and deps.conversations.messages(idle) == []
    assert CHAT_PHOTO_PREFIX + PHOTO not in deps.blobs.keys(CHAT_PHOTO_PREFIX)
    assert [c.id for c in deps.conversations.search("report#DS-7K3F9Q")] == [talking]
    assert deps.conversations.officer_load("olu") == 0
    assert deps.conversations.get(talking).state == "waiting" and len(deps.conversations.messages(talking)) == 2


def test_a_word_said_as_the_sweep_reads_an_idle_chat_keeps_it_from_that_word(deps, monkeypatch):
    from chalicelib.handlers.retention import chats
    from chalicelib.storage.records import ChatMessage
    york_keeping(deps, chats=12)
    idle = closed_chat(deps, utc(2025, 1, 10, 9), None, [(utc(2025, 3, 1, 10), "Still there?")])
    read = chats.last_word

    def said_meanwhile(deps, conversation):  # the resident writes between the sweep's read and its closing
        found = read(deps, conversation)
        deps.conversations.add_message(conversation, ChatMessage(
            conversation_id=idle, seq=conversation.last_seq + 1, author="resident", text="Yes!", created_at=NOW))
        return found
    monkeypatch.setattr(chats, "last_word", said_meanwhile)
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 0, "kept": 1}
    monkeypatch.undo()
    assert deps.conversations.get(idle).state == "waiting" and len(deps.conversations.messages(idle)) == 3
    assert sweep_at(deps, NOW + timedelta(days=1)).counts["chats"] == {"deleted": 0, "kept": 0}  # due from NOW


def test_a_sweep_killed_after_closing_an_idle_chat_is_finished_by_the_next_run(deps, monkeypatch):
    york_keeping(deps, chats=12)
    idle = [closed_chat(deps, utc(2025, 1, 10, 9), None, [(utc(2025, 3, 1 + n, 10), "Hello?")]) for n in range(3)]
    die_at(monkeypatch, "retention.idle_chat_closed", after=1)
    with pytest.raises(Killed):
        sweep_at(deps, NOW)
    assert [deps.conversations.get(c) is None for c in idle] == [True, False, False]
    assert deps.conversations.get(idle[1]).state == "closed"  # closed as of its last message, not erased yet
    monkeypatch.undo()
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 2, "kept": 0}
    assert all(deps.conversations.get(c) is None for c in idle)


def _old_chat_photo(deps, name, started=utc(2025, 1, 10, 9)):
    """A closed chat whose photo the release before cleaned under photos/, with the reports'."""
    from chalicelib.storage.blobs import CHAT_PHOTO_PREFIX, PHOTO_PREFIX
    chat = closed_chat(deps, started, utc(2025, 3, 1, 10), photo=name)
    deps.blobs.copy(CHAT_PHOTO_PREFIX + name, PHOTO_PREFIX + name)
    deps.blobs.delete(CHAT_PHOTO_PREFIX + name)
    return chat


def test_photos_sent_in_chats_before_chat_photos_are_moved_there_and_a_reports_own_stays(deps, monkeypatch):
    """`doorstep tables` moves every photo a chat's message names from photos/ to chat-photos/, each
    council's in its own; one whose upload a report claimed too stays under photos/ as well; a run killed
    after a copy is finished by the next, and a second run moves nothing. Then the sweep, which may delete
    chat-photos/ alone, deletes them with their chats."""
    from chalicelib import tenancy
    from chalicelib.storage.blobs import CHAT_PHOTO_PREFIX, PHOTO_PREFIX
    from chalicelib.storage.conversations.upgrade import move_photos
    from chalicelib.storage.records import Upload
    york_keeping(deps, chats=12)
    york_north(deps)
    names = [f"{n:032x}.jpg" for n in range(1, 4)]
    chats = [_old_chat_photo(deps, name) for name in names]
    deps.reports.save_upload(Upload(upload_id=names[2][:32], content_type="image/jpeg", size=4,
                                    created_at=utc(2025, 1, 10), expires=utc(2025, 1, 11), report_id="DS-7K3F9Q"))
    deps.blobs.write(PHOTO_PREFIX + "f" * 32 + ".jpg", b"jpeg", "image/jpeg")  # a report's own: no chat names it
    with tenancy.acting_for("york-north"):
        theirs = _old_chat_photo(deps.for_council(), names[0])
    die_at(monkeypatch, "upgrade.chat_photo_copied", after=0)
    with pytest.raises(Killed):
        move_photos()
    monkeypatch.undo()
    assert vars(move_photos()) == {"moved": 3, "already": 0, "shared": 1, "missing": 0}
    assert vars(move_photos()) == {"moved": 0, "already": 3, "shared": 1, "missing": 0}
    assert sorted(deps.blobs.keys(CHAT_PHOTO_PREFIX)) == [CHAT_PHOTO_PREFIX + n for n in names]
    assert sorted(deps.blobs.keys(PHOTO_PREFIX)) == [PHOTO_PREFIX + names[2], PHOTO_PREFIX + "f" * 32 + ".jpg"]
    with tenancy.acting_for("york-north"):
        assert deps.for_council().blobs.keys(CHAT_PHOTO_PREFIX) == [CHAT_PHOTO_PREFIX + names[0]]
        assert deps.for_council().blobs.keys(PHOTO_PREFIX) == []
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 3, "kept": 0}
    assert deps.blobs.keys(CHAT_PHOTO_PREFIX) == [] and all(deps.conversations.get(c) is None for c in chats)
    assert PHOTO_PREFIX + names[2] in deps.blobs.keys(PHOTO_PREFIX)  # the report's, still
    with tenancy.acting_for("york-north"):
        assert deps.for_council().conversations.get(theirs) is not None


def test_doorstep_tables_moves_them_and_says_how_many(deps, doorstep, capsys):
    from chalicelib.storage.blobs import CHAT_PHOTO_PREFIX, PHOTO_PREFIX
    york_keeping(deps, chats=12)
    name = f"{7:032x}.jpg"
    _old_chat_photo(deps, name)
    assert doorstep("tables") == 0
    assert "chat photos: 1 moved to chat-photos/" in capsys.readouterr().out
    assert deps.blobs.keys(CHAT_PHOTO_PREFIX) == [CHAT_PHOTO_PREFIX + name] and deps.blobs.keys(PHOTO_PREFIX) == []


def test_a_chat_on_hold_is_kept_until_released_and_a_word_said_meanwhile_leaves_it_held(client, deps):
    from support.councils_support import YORK_HOST, at, put, signed_in_at
    york_keeping(deps, chats=6)
    admin = signed_in_at(deps, "york", "admin")
    old = closed_chat(deps, utc(2025, 1, 10, 9), utc(2025, 1, 10, 10))
    still_open = closed_chat(deps, utc(2025, 1, 10, 9), None)
    path = f"/v1/admin/retention/holds/chats/{old}"
    held = put(client, path, {"reason": "Complaint CX-204 about this chat"}, at(YORK_HOST, admin))
    assert held.status_code == 200, held.json_body
    open_held = put(client, f"/v1/admin/retention/holds/chats/{still_open}", {"reason": "Complaint CX-205"},
                    at(YORK_HOST, admin))
    assert open_held.status_code == 200, open_held.json_body  # on the clock from its last word: held as well
    from chalicelib.storage.records import ChatMessage
    talking = deps.conversations.get(still_open)
    deps.conversations.add_message(talking, ChatMessage(conversation_id=still_open, seq=talking.last_seq + 1,
                                                        author="resident", text="Hello?", created_at=utc(2025, 2, 1)))
    assert deps.conversations.get(still_open).hold is not None  # a word moves its clock, never its hold
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 0, "kept": 0}  # off the index: not even read
    assert deps.conversations.get(old) is not None
    listed = client.get("/v1/admin/retention/holds", at(YORK_HOST, admin)).json_body["holds"]
    assert sorted((h["kind"], h["id"]) for h in listed) == sorted([("chats", old), ("chats", still_open)])
    assert client.raw.http.delete(path, headers=at(YORK_HOST, admin)).status_code == 200
    assert client.raw.http.delete(path, headers=at(YORK_HOST, admin)).status_code == 404  # not held now
    assert sweep_at(deps, NOW).counts["chats"] == {"deleted": 1, "kept": 0}  # due at once, from its closure
