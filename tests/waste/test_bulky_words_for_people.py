"""What a resident reads of a bulky booking: one sofa (£15.00) under the
£25.00 minimum shows the minimum charge as a line of its own, so the lines
add up to what was paid, in the booking and in the receipt; and every date a
person reads (the card page's description, the receipt's cut-off, a garden
payment's) is written as people write it, never 2026-12-07."""
import re

from support.pay_support import confirmed_booking, pay  # noqa: F401
from support.questionnaire_support import mails_to

FOR_PEOPLE = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) [1-9]\d? [A-Z][a-z]+ 20\d\d"


def test_one_sofa_under_the_minimum_shows_the_top_up_as_its_own_line_in_the_booking_and_the_receipt(
        client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people)
    booking = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert (booking["amount"], booking["minimum_charge_top_up"]) == (2500, 1000)
    [receipt] = [m for m in mails_to(resident.user.email) if "is booked" in m.subject]
    assert "  Sofa or settee: £15.00\n  Minimum charge top-up: £10.00\nTotal paid: £25.00" in receipt.body
    assert re.search(rf"cancel for a full refund until 14:00 on {FOR_PEOPLE} \(the working day before\)",
                     receipt.body), receipt.body
    assert not re.search(r"\d{4}-\d{2}-\d{2}", receipt.body.split("http")[0])


def test_the_card_page_describes_the_collection_with_the_day_written_for_people(client, deps, people, pay):
    made, _ = confirmed_booking(client, deps, people)
    description = deps.payments.get(made["payment"]["id"]).description
    assert re.fullmatch(rf"Bulky waste collection on {FOR_PEOPLE}: 1 item", description), description


def test_enough_items_add_no_top_up_line(client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people, items=("sofa", "wardrobe"))
    booking = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert (booking["amount"], booking["minimum_charge_top_up"]) == (2700, 0)
    [receipt] = [m for m in mails_to(resident.user.email) if "is booked" in m.subject]
    assert "Minimum charge" not in receipt.body


def test_the_dates_offered_say_which_address_they_are_for(client, deps):
    from support.pay_support import home_with_round
    uprn = home_with_round(deps)
    answer = client.get(f"/v1/places/{uprn}/bulky/dates").json_body
    assert answer["address"] and not answer["address"].isdigit()
