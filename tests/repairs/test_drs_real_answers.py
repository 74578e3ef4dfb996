"""The DRS adapter against DRS's own answers, saved from the Housing Repairs
Online team's notes and the public clients' WSDL (drs/fixtures/SOURCES.md) and
replayed over real HTTP: what it reads from them, what it asks in the shape
the WSDL and the public clients give, and an answer about another order never
taken as the answer about ours."""
from datetime import date

import pytest

from chalicelib.handlers.repairs.scheduler import Order, SchedulerError, Slot
from support.repairs_support import ReplayedDrs, saved

# The order in the saved answers: Lincoln's test order 12345659 at location 3670010.
THEIRS = Order(reference="12345659", location="3670010", code="N373049", priority="Priority 20 Days")
OURS = Order(reference="RP-7K3F9Q", location="R0448105", code="CFG-TAP", priority="routine")


def replayed(*operations):
    return ReplayedDrs({"openSession": saved("openSession.answer.xml"),
                        **{name: saved(f"{name}.answer.xml") for name in operations}})


def adapter(drs):
    from chalicelib.handlers.repairs.drs.adapter import DrsScheduler
    return DrsScheduler(drs.url, "council", "secret", contract="0", timeout_s=2)


def sent(drs, operation):
    """The request the adapter sent for `operation`, as the element under its aut: wrapper."""
    from xml.etree import ElementTree as ET
    from chalicelib.handlers.repairs.drs import soap
    raw = next(r for r in drs.requests if f":{operation}>".encode() in r)
    return ET.fromstring(raw).find(f"{{{soap.ENVELOPE}}}Body/{{{soap.DRS}}}{operation}/{operation}")


def test_drs_real_search_answer_offers_its_am_and_pm_slots_and_no_other_window():
    with replayed("checkAvailability") as drs:
        slots = adapter(drs).slots(THEIRS, date(2021, 10, 26), 6)
    assert [(s.day.isoformat(), s.half) for s in slots] == [
        (f"2021-10-{d}", half) for d in (26, 27, 28, 29) for half in ("AM", "PM")]  # nothing on the weekend


def test_drs_real_order_answer_gives_its_booking_id_for_the_order_asked():
    with replayed("createOrder") as drs:
        assert adapter(drs).create(THEIRS) == "149996"


def test_a_created_order_answer_about_another_order_is_never_taken_as_ours():
    with replayed("createOrder") as drs, pytest.raises(SchedulerError) as odd:
        adapter(drs).create(OURS)
    assert odd.value.kind == "malformed"


def test_the_order_found_by_its_number_is_read_from_drs_real_order():
    with replayed("selectOrder") as drs:
        found = adapter(drs).order(THEIRS.reference)
    assert (found.booking_id, found.status) == ("149996", "PLANNED")
    assert found.slot is None  # DRS's default window (22 to 31 October) is no AM or PM slot


def test_an_order_found_that_is_another_order_is_never_taken_as_ours():
    with replayed("selectOrder") as drs, pytest.raises(SchedulerError) as odd:
        adapter(drs).order(OURS.reference)
    assert odd.value.kind == "malformed"


def test_an_order_is_looked_up_by_its_number_as_the_wsdl_and_the_public_clients_ask():
    from xml.etree import ElementTree as ET
    from chalicelib.handlers.repairs.drs import soap
    with replayed("selectOrder") as drs:
        adapter(drs).order(THEIRS.reference)
    asked = sent(drs, "selectOrder")
    theirs = ET.fromstring(saved("selectOrder.request.xml")).find(
        f"{{{soap.ENVELOPE}}}Body/{{{soap.DRS}}}selectOrder/selectOrder")
    assert [e.tag for e in asked] == [e.tag for e in theirs]  # primaryOrderNumber directly: no theOrder
    assert asked.findtext("primaryOrderNumber") == THEIRS.reference


def test_a_booking_is_scheduled_with_what_drs_real_request_carries():
    with replayed("scheduleBooking") as drs:
        adapter(drs).book(THEIRS.reference, "149996", Slot.of(date(2021, 10, 26), "AM"))
    booking = sent(drs, "scheduleBooking").find("theBooking")
    assert (booking.findtext("bookingId"), booking.findtext("bookingReason")) == ("149996", "FIRST")
    assert (booking.findtext("planningWindowStart"), booking.findtext("planningWindowEnd")) == (
        "2021-10-26T08:00:00+01:00", "2021-10-26T12:00:00+01:00")  # as the saved request sends the morning
