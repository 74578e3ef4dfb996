"""My Account's appointments: what is still to come, soonest first, each
with its move and cancel links, and the waiting lists the resident is on;
read from by_owner's live range, so it reads what it returns and not the
resident's past, cancelled or moved ones."""
import re
from datetime import timedelta

from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.changing import cancel, manage
from chalicelib.handlers.appointments.mine import mine, upcoming
from chalicelib.handlers.appointments.waiting import join
from chalicelib.storage.metering import metered
from support.appointments_support import TUESDAY_8AM, book, hold, resident

TIMES = ("2026-12-22T10:30:00Z", "2026-12-23T10:30:00Z", "2026-12-29T10:30:00Z", "2026-12-30T10:30:00Z")


def test_my_account_lists_what_is_to_come_with_its_links_reading_only_those(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    made = [book(ada, hold(ada, start).id)[0] for start in TIMES]
    token = re.search(r"cancel=([A-Za-z0-9_.-]+)", upcoming(ada)["appointments"][2]["links"]["cancel"]).group(1)
    cancel(ada, {"token": token})  # the 29th: gone from the list
    join(ada, {"service_id": "housing-options", "before": "2026-12-30T00:00:00Z"})
    # Wednesday noon: the 22nd and 23rd are past (Tuesday's and Wednesday's 10:30).
    later = resident(demo, 1, TUESDAY_8AM + timedelta(days=1, hours=4))
    with metered() as cost:
        listed = upcoming(later)
    assert [a["start"] for a in listed["appointments"]] == [TIMES[3]]
    assert listed["waiting"] == [{"service_id": "housing-options", "service_name": "Housing options interview",
                                  "before": "2026-12-30T00:00:00+00:00"}]
    move_token = listed["appointments"][0]["links"]["move"].split("move=")[1]
    assert manage(later, {"move": move_token})["appointment"]["id"] == made[3]["id"]
    # The setup's Query (9 rows), by_owner's live range (1 of Ada's 4), one BatchGetItem (her 1 place).
    assert (cost.calls, cost.queries, cost.items) == (3, 2, 9 + 1 + 1)
    assert len(mine(later, "resident-1")) == 4  # the export still has them all
    print(f"\nMy Account's appointments: {cost.calls} calls, {cost.items} items read (1 upcoming of 4 made)")
