"""A registration to speak sent twice at once with one Idempotency-Key (a
phone retrying on a bad signal) is one registration, even for the meeting's
last place: the twin's is this one, not "already registered" nor a full
meeting (issue 78). The order the twins' steps meet in is forced
(support/twins.py)."""
from support import twins
from support.participation_support import XMAS_ITEM, XMAS_MEETING, speak_path, speaker
from support.racing import at_once


def test_a_registration_for_the_last_place_sent_twice_at_once_is_one_registration(
        client, deps, council, people, monkeypatch):
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.participation import speaking
    from chalicelib.storage.democracy.participation import ParticipationStore
    for _ in range(9):  # of the meeting's 10 places
        assert client.post(speak_path(XMAS_MEETING, XMAS_ITEM), speaker(side=None), people().auth).status_code == 201
    ada = people()
    as_ada = deps.replace(principal=Principal(user_id=ada.user.id, role="resident", email="ada@example.org"))
    twins.hold_to(monkeypatch, twins.SEEN_BY_THE_CHECK, check=(ParticipationStore, "register"),
                  write=(ParticipationStore, "register"))
    raced = at_once(lambda _: speaking.register(as_ada, XMAS_MEETING, XMAS_ITEM, speaker(side=None), "twin-key-01"),
                    range(2))
    retried, created = speaking.register(as_ada, XMAS_MEETING, XMAS_ITEM, speaker(side=None), "twin-key-01")
    assert [made["id"] for made, _ in raced] == [retried["id"]] * 2 and not created
    assert sorted(made for _, made in raced) == [False, True]
    assert client.get(f"/v1/meetings/{XMAS_MEETING}/speaking").json_body["places_left"] == 0
