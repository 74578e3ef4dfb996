"""A move books a new appointment and keeps the old one as `moved`: the
resident's lists (My Account's, their export) show each appointment once,
at the time it is at now, through a move and a move of that move."""
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.changing import move
from chalicelib.handlers.appointments.mine import mine, upcoming
from chalicelib.storage.appointments.appointment_models import AppointmentsModel
from chalicelib.storage.metering import metered
from support.appointments_support import TUESDAY_8AM, book, hold, resident

WEDNESDAY, NEXT_TUESDAY, NEXT_WEDNESDAY = "2026-12-23T10:30:00Z", "2026-12-29T10:30:00Z", "2026-12-30T14:15:00Z"


def move_link(deps):
    """The move link My Account shows for the resident's one appointment to come (its token)."""
    [shown] = upcoming(deps)["appointments"]
    return shown["links"]["move"].split("move=")[1]


def test_an_appointment_moved_and_moved_again_is_listed_once_at_its_latest_time(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    first, _ = book(ada, hold(ada, WEDNESDAY).id)
    second = move(ada, {"token": move_link(ada), "start": NEXT_TUESDAY})
    third = move(ada, {"token": move_link(ada), "start": NEXT_WEDNESDAY})
    with metered() as cost:
        coming = upcoming(ada)["appointments"]
    assert [(a["id"], a["start"]) for a in coming] == [(third["id"], NEXT_WEDNESDAY)]
    assert (cost.queries, cost.items) == (2, 9 + 1)  # the setup, then by_owner's live range: the one to come
    exported = mine(ada, "resident-1")
    assert [(a["id"], a["status"], a["start"]) for a in exported] == [(third["id"], "booked", NEXT_WEDNESDAY)]
    assert exported[0]["moved_from_starts"] == [NEXT_TUESDAY, WEDNESDAY]  # its earlier times, latest first
    # The rows moved away from sort on by_owner apart from the resident's past and what is to come.
    keys = {m.pk.split("#", 1)[1]: m.owner_sk for m in AppointmentsModel.owner_index.query("resident-1")}
    assert keys[first["id"]].startswith("moved#") and keys[second["id"]].startswith("moved#")
    assert keys[third["id"]].startswith(f"live#2026-12-30T14:15Z#{third['id']}")


def test_an_appointment_moved_then_cancelled_is_exported_once_as_cancelled(demo):
    ada = resident(demo, 2, TUESDAY_8AM)
    book(ada, hold(ada, WEDNESDAY).id)
    moved = move(ada, {"token": move_link(ada), "start": NEXT_TUESDAY})
    from chalicelib.handlers.appointments.changing import cancel
    cancel(ada, {"token": upcoming(ada)["appointments"][0]["links"]["cancel"].split("cancel=")[1]})
    assert [(a["id"], a["status"]) for a in mine(ada, "resident-2")] == [(moved["id"], "cancelled")]
