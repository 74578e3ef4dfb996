"""A confirmed bulky collection is reminded of at 09:00 three days before and
one day before, each reminder once; a cancelled one is not."""
import dataclasses
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from support.pay_support import confirmed_booking, pay  # noqa: F401

LONDON = ZoneInfo("Europe/London")


def at(deps, moment):
    return dataclasses.replace(deps, clock=lambda: moment)


def nine_am(day, days_before):
    """09:00 London, `days_before` the collection day (a moment named by the booking's own date)."""
    return datetime.combine(day - timedelta(days=days_before), time(9), LONDON)


def test_reminders_go_three_days_and_one_day_before_at_nine_each_once(client, deps, people, pay):
    from chalicelib.handlers.waste.settling import send_reminders
    made, resident = confirmed_booking(client, deps, people)
    day = date.fromisoformat(made["date"])
    one_minute = timedelta(minutes=1)
    moments = [nine_am(day, 3) - one_minute, nine_am(day, 3), nine_am(day, 3) + one_minute,
               nine_am(day, 1) - one_minute, nine_am(day, 1), nine_am(day, 1) + one_minute, nine_am(day, 0)]
    assert [send_reminders(at(deps, m)) for m in moments] == [0, 1, 0, 0, 1, 0, 0]
    mail = [m for m in deps.accounts.messages_to([resident.user.email]) if m["subject"].startswith("Reminder")]
    assert len(mail) == 2 and "Sofa or settee" in mail[0]["body"] and made["id"] in mail[1]["body"]


def test_a_cancelled_collection_is_not_reminded_of(client, deps, people, pay):
    from chalicelib.handlers.waste.settling import send_reminders
    made, resident = confirmed_booking(client, deps, people)
    assert client.post(f"/v1/waste/bulky/bookings/{made['id']}/cancel", {}, resident.auth).status_code == 200
    day = date.fromisoformat(made["date"])
    assert [send_reminders(at(deps, nine_am(day, d))) for d in (3, 1)] == [0, 0]
