"""The last places at a meeting go to as many racers as there are places:
the counter's condition, in one transaction with each registration, decides;
the others hear a clear "full". And what a registration costs to write."""
from support.participation_support import APPLICATION, PLANNING_MEETING, XMAS_ITEM, XMAS_MEETING, speak_path, speaker
from support.racing import at_once


def test_twenty_racers_for_the_last_three_places_get_three(client, council, people):
    path = speak_path(XMAS_MEETING, XMAS_ITEM)
    for _ in range(7):
        assert client.post(path, speaker(side=None), people().auth).status_code == 201
    racers = [people() for _ in range(20)]
    answers = at_once(lambda racer: client.post(path, speaker(side=None), racer.auth), racers)
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [201] * 3 + [409] * 17
    assert {a.json_body["error"]["message"] for a in answers if a.status_code == 409} == {
        "All 10 places to speak at this meeting are taken."}
    assert client.get(f"/v1/meetings/{XMAS_MEETING}/speaking").json_body["places_left"] == 0


def test_a_registration_is_one_read_and_one_transaction_of_four_writes_five_on_a_capped_item(
        deps, council, people, monkeypatch):
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.participation import speaking
    from chalicelib.handlers.shared import effects
    from chalicelib.storage.metering import metered
    monkeypatch.setattr(effects, "first_try", lambda deps, events: None)  # the messages are their own cost
    ada = people()
    as_ada = deps.replace(principal=Principal(user_id=ada.user.id, role="resident", email="ada@example.org"))
    with metered() as meter:
        speaking.register(as_ada, XMAS_MEETING, XMAS_ITEM, speaker(side=None), None)
    # the meeting and its committee's chosen rules (GetItems); the registration, its once row, its event and
    # the meeting's counter
    assert meter.operations == ["GetItem", "GetItem", "TransactWriteItems"] and meter.writes == 4
    with metered() as meter:  # planning: the item's counter too
        speaking.register(as_ada, PLANNING_MEETING, APPLICATION, speaker(), None)
    assert meter.operations == ["GetItem", "GetItem", "TransactWriteItems"] and meter.writes == 5
