"""The local scheduler of `make run` and the tests against DRS's own requests
and answers (drs/fixtures/, SOURCES.md): it takes the requests the supplier
gave Housing Repairs Online, answers in the shape of DRS's real answers, and
behaves as DRS does where a client meets it: 7 days a search, a selectOrder
read by the WSDL's criteria, a booking found by its id alone, faults."""
from datetime import date, timedelta
from xml.etree import ElementTree as ET

import pytest

from chalicelib.handlers.repairs.drs import soap
from chalicelib.handlers.repairs.scheduler import SchedulerError
from doorstep_cli.local.drs import LIMITED
from support.repairs_support import TAP, adapter_for, order, saved
from support.repairs_support import drs, scheduler  # noqa: F401 (fixtures)

MONDAY = date(2027, 1, 4)


def post(drs, raw):
    """A request's bytes to the local scheduler: (HTTP status, the body's bytes)."""
    from urllib.error import HTTPError
    from urllib.request import Request, urlopen
    try:
        with urlopen(Request(drs.url, data=raw, method="POST", headers={"Content-Type": "text/xml"}), timeout=5) as a:
            return a.status, a.read()
    except HTTPError as e:
        return e.code, e.read()


def theirs(name, scheduler, **swap):
    """A request DRS's supplier wrote, on our session, with `swap`ped values (old text: new)."""
    raw = saved(name).decode()
    for old, new in {"8a4b805d7ca651e4017ca68c381b0021": scheduler.session_id, **swap}.items():
        raw = raw.replace(old, new)
    return raw.encode()


def shape(raw, operation):
    """The element paths under an answer's <return>, without values."""
    found = ET.fromstring(raw).find(f"{{{soap.ENVELOPE}}}Body/{{{soap.DRS}}}{operation}Response/return")
    paths = set()

    def walk(element, at):
        for child in element:
            paths.add(f"{at}/{child.tag}")
            walk(child, f"{at}/{child.tag}")
    walk(found, "")
    return paths


def test_drs_real_requests_are_taken_and_a_booking_is_found_by_its_id_alone(scheduler, drs):
    scheduler.slots(TAP, MONDAY, 1)  # a session
    status, made = post(drs, theirs("createOrder.request.xml", scheduler))
    booking_id = soap.text(soap.answer(made, "createOrder"), "theOrder/theBookings/bookingId")
    assert status == 200 and booking_id
    # The supplier's scheduleBooking names the booking only: its primaryOrderNumber is a space.
    status, planned = post(drs, theirs("scheduleBooking.request.xml", scheduler, **{"149996": booking_id}))
    assert status == 200 and soap.text(soap.answer(planned, "scheduleBooking"), "status") == "success"
    assert drs.state["orders"]["12345659"]["slot"][0] == "2021-10-26T08:00:00+01:00"  # a past window recorded
    status, searched = post(drs, theirs("checkAvailability.request.xml", scheduler))
    assert status == 200 and len(soap.answer(searched, "checkAvailability").findall("theSlots")) == 6


def test_its_answers_have_the_shape_of_drs_real_answers(scheduler, drs):
    scheduler.slots(TAP, MONDAY, 1)
    _, searched = post(drs, soap.envelope("checkAvailability", [
        ("sessionId", scheduler.session_id), ("periodBegin", f"{MONDAY}T00:00:00Z"),
        ("periodEnd", f"{MONDAY + timedelta(days=5)}T23:59:00Z"), ("theOrder", scheduler._order(TAP))]))
    assert shape(searched, "checkAvailability") == shape(saved("checkAvailability.answer.xml"), "checkAvailability")
    _, made = post(drs, theirs("createOrder.request.xml", scheduler))
    assert shape(made, "createOrder") <= shape(saved("createOrder.answer.xml"), "createOrder")
    _, found = post(drs, theirs("selectOrder.request.xml", scheduler))
    assert shape(found, "selectOrder") <= shape(saved("selectOrder.answer.xml"), "selectOrder")


def test_a_fortnight_asked_at_once_is_answered_for_seven_days_with_drs_words(scheduler):
    answer = scheduler.call("checkAvailability", [("periodBegin", f"{MONDAY}T00:00:00Z"),
                                                  ("periodEnd", f"{MONDAY + timedelta(days=13)}T23:59:00Z"),
                                                  ("theOrder", scheduler._order(TAP))])
    days = [soap.text(d, "day")[:10] for d in answer.findall("theSlots")]
    assert days == [str(MONDAY + timedelta(days=n)) for n in range(7)]
    assert (soap.text(answer, "status"), soap.text(answer, "errorMsg")) == ("success", LIMITED)


def test_an_order_is_selected_by_the_wsdl_criteria_and_an_element_it_does_not_declare_is_no_criterion(scheduler):
    for n in (1, 2):
        scheduler.create(order(n))
    found = scheduler.call("selectOrder", [("primaryOrderNumber", "R-2")])
    assert [soap.text(o, "primaryOrderNumber") for o in found.findall("theOrders")] == ["R-2"]
    wrapped = scheduler.call("selectOrder", [("theOrder", [("primaryOrderNumber", "R-2")])])
    assert [soap.text(o, "primaryOrderNumber") for o in wrapped.findall("theOrders")] == ["R-1", "R-2"]
    with pytest.raises(SchedulerError) as missing:
        scheduler.call("selectOrder", [("primaryOrderNumber", "R-9")])
    assert missing.value.kind == "refused" and "Unable to find order in OptiTime Web" in missing.value.detail


@pytest.mark.parametrize("when, held", [("before", False), ("after", True)])
def test_a_fault_is_a_soap_fault_whether_or_not_the_order_was_taken(scheduler, drs, when, held):
    drs.faults["createOrder"] = when
    with pytest.raises(SchedulerError) as fault:
        scheduler.create(TAP)
    assert fault.value.kind == "fault" and (TAP.reference in drs.state["orders"]) is held
