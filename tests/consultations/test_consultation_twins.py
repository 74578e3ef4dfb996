"""A consultation an officer makes twice at once with one Idempotency-Key
(Make pressed twice on a slow line) is one consultation: the twin's is this
one, not another consultation with the title (issue 78). The order the twins'
steps meet in is forced (support/twins.py)."""
from datetime import datetime, timezone

from support import twins
from support.consultation_support import at, officer, wards
from support.racing import at_once

MADE = datetime(2027, 1, 1, 18, 0, tzinfo=timezone.utc)  # the Friday before it opens
NEW = {"template": "scheme", "title": "A zebra crossing on Tadcaster Road",
       "overview": "We propose a zebra crossing by the primary school on Tadcaster Road.", "areas": ["Micklegate"],
       "topics": ["transport", "roads"], "opens": "2027-01-04T09:00:00", "closes": "2027-01-31T23:59:59"}


def test_a_consultation_made_twice_at_once_with_one_key_is_one_consultation(deps, monkeypatch):
    from chalicelib.handlers.consultations.desk import create
    from chalicelib.storage.forms.consultations import ConsultationStore
    wards(deps)
    desk = at(deps, MADE, officer())
    # nothing is read of the title before the put: the twins' puts meet, the twin's head failing before its key
    twins.hold_to(monkeypatch, twins.SEEN_BY_THE_CHECK, check=(ConsultationStore, "put"),
                  write=(ConsultationStore, "put"))
    raced = at_once(lambda _: create(desk, dict(NEW), "crossing-key-0001"), range(2))
    retried, created = create(desk, dict(NEW), "crossing-key-0001")
    assert [view["id"] for view, _ in raced] == [retried["id"]] * 2 and not created
    assert sorted(made for _, made in raced) == [False, True] and retried["version"] == 1
