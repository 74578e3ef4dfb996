"""DRS over HTTP: the one module that speaks the contractor's scheduler.

As Housing Repairs Online's scheduling API speaks it: `openSession` (login,
password) gives a sessionId every later call carries; `checkAvailability`
sends an order (contract, locationID, priority, bookingCodes with the repair's
code and quantity) and a period, and answers `theSlots` per day, each with
`slotsForDay` (available YES/NO, beginDate, endDate); `createOrder` answers the
order with `theBookings[0].bookingId`; `scheduleBooking` puts that booking in a
planning window (a slot), and again in another to move it; `selectOrder` finds
an order by our primaryOrderNumber; `deleteOrder` withdraws it.

The same code talks to a council's DRS and to the local scheduler of `make run`
and the tests (doorstep_cli/local/drs.py): which one is configuration alone
(config.scheduler()). Plain urllib, a timeout on every call, nothing logged.
"""
from datetime import datetime, time, timedelta

from ..scheduler import LONDON, Booking, SchedulerError, Slot
from . import soap

USER = "Doorstep"


class DrsScheduler:
    def __init__(self, url, login, password, contract, timeout_s=10.0):
        self.url, self.login, self.password = url, login, password
        self.contract, self.timeout_s = contract, timeout_s
        self.session_id = None
        self.calls = 0  # requests made: a search's cost, reported

    # -- the wire ----------------------------------------------------------
    def post(self, operation, parts):
        """The `<return>` of one call. No answer, or a 5xx that is not a SOAP
        fault, is `unreachable`; a fault or status error is `refused`."""
        from urllib.error import HTTPError, URLError
        from urllib.request import Request, urlopen
        request = Request(self.url, data=soap.envelope(operation, parts), method="POST",
                          headers={"Content-Type": "text/xml; charset=utf-8", "SOAPAction": '""'})
        self.calls += 1
        try:
            with urlopen(request, timeout=self.timeout_s) as answer:
                raw = answer.read(soap.MAX_ANSWER_BYTES + 1)
        except HTTPError as e:
            raw = e.read(soap.MAX_ANSWER_BYTES + 1) if e.code == 500 else b""
            if b"Fault>" not in raw:
                raise SchedulerError("unreachable", f"HTTP {e.code}") from None
        except (URLError, OSError, TimeoutError) as e:
            raise SchedulerError("unreachable", type(e).__name__) from None
        return soap.answer(raw, operation)

    def call(self, operation, parts):
        """One call on the session, opened first when there is none."""
        if self.session_id is None:
            opened = self.post("openSession", [("login", self.login), ("password", self.password)])
            self.session_id = soap.text(opened, "sessionId")
            if not self.session_id:
                raise SchedulerError("malformed", "openSession: no sessionId")
        return self.post(operation, [("sessionId", self.session_id), *parts])

    def _order(self, order):
        return [("contract", self.contract), ("locationID", order.location),
                ("orderComments", order.comments or " "), ("primaryOrderNumber", order.reference),
                ("priority", order.priority),
                ("targetDate", soap.stamp(order.target) if order.target else None), ("userId", USER),
                ("theBookingCodes", [("bookingCodeSORCode", order.code), ("itemNumberWithinBooking", "1"),
                                     ("primaryOrderNumber", order.reference),
                                     ("quantity", str(order.quantity))])]

    # -- the port ----------------------------------------------------------
    def slots(self, order, first_day, days):
        begin = datetime.combine(first_day, time(0), LONDON)
        end = datetime.combine(first_day + timedelta(days=days - 1), time(23, 59), LONDON)
        found = self.call("checkAvailability", [("periodBegin", soap.stamp(begin)),
                                                ("periodEnd", soap.stamp(end)),
                                                ("theOrder", self._order(order))])
        slots = []
        for day in found.findall("theSlots"):
            for offered in day.findall("slotsForDay"):
                if soap.text(offered, "available") != "YES":
                    continue
                slot = Slot(soap.moment(soap.text(offered, "beginDate")), soap.moment(soap.text(offered, "endDate")))
                if slot.half is not None and begin <= slot.start <= end:
                    slots.append(slot)
        return sorted(set(slots), key=lambda s: s.start)

    def create(self, order):
        made = self.call("createOrder", [("theOrder", self._order(order))])
        booking_id = soap.text(made, "theOrder/theBookings/bookingId")
        if not booking_id:
            raise SchedulerError("malformed", "createOrder: no bookingId")
        return booking_id

    def order(self, reference):
        found = self.call("selectOrder", [("theOrder", [("contract", self.contract),
                                                        ("primaryOrderNumber", reference)])])
        held = found.find("theOrders") if found.find("theOrders") is not None else found.find("theOrder")
        booking = held.find("theBookings") if held is not None else None
        if booking is None:
            return None
        start, end = soap.text(booking, "planningWindowStart"), soap.text(booking, "planningWindowEnd")
        slot = Slot(soap.moment(start), soap.moment(end)) if start and end else None
        return Booking(reference, soap.text(booking, "bookingId"), slot if slot and slot.half else None,
                       soap.text(booking, "bookingLifeCycleStatus"))

    def book(self, reference, booking_id, slot):
        self.call("scheduleBooking", [("theBooking", [
            ("bookingId", booking_id), ("bookingReason", "FIRST"), ("contract", self.contract),
            ("planningWindowStart", soap.stamp(slot.start)), ("planningWindowEnd", soap.stamp(slot.end)),
            ("primaryOrderNumber", reference)])])

    def move(self, reference, booking_id, slot):
        """DRS plans a booking again with scheduleBooking: its old window is given up."""
        self.book(reference, booking_id, slot)

    def cancel(self, order):
        self.call("deleteOrder", [("theOrder", self._order(order))])


def from_configuration():
    """The scheduler configuration names (config.scheduler()), or None when none is."""
    from ....config import scheduler
    settings = scheduler()
    if settings["url"] is None:
        return None
    from ....keystore import optional
    return DrsScheduler(settings["url"], optional("DOORSTEP_DRS_LOGIN") or "",
                        optional("DOORSTEP_DRS_PASSWORD") or "", settings["contract"], settings["timeout_s"])
