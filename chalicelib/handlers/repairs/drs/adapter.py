"""DRS over HTTP: the one module that speaks the contractor's scheduler.

As Housing Repairs Online's scheduling API speaks it: `openSession` (login,
password) gives a sessionId every later call carries; `checkAvailability`
sends an order (contract, locationID, priority, bookingCodes with the repair's
code and quantity) and a period, and answers `theSlots` per day, each with
`slotsForDay` (available YES/NO, beginDate, endDate), for 7 days at most: a
longer period is asked a week at a time, as the public clients do;
`createOrder` answers the order with `theBookings[0].bookingId`;
`scheduleBooking` puts that booking in a planning window (a slot), and again in
another to move it; `selectOrder` finds an order by our primaryOrderNumber,
sent directly in selectOrder as the WSDL's xmbSelectOrder has it; `deleteOrder`
withdraws it. An answer is taken only about the order it was asked about: one
that names another order is malformed (fixtures/SOURCES.md: what DRS sends).

The same code talks to a council's DRS and to the local scheduler of `make run`
and the tests (doorstep_cli/local/drs.py): which one is configuration alone
(config.scheduler()). Plain urllib, a timeout on every call, nothing logged.
"""
from datetime import datetime, time, timedelta

from ..scheduler import LONDON, Booking, SchedulerError, Slot
from . import soap

USER = "Doorstep"
DAYS_AT_MOST = 7  # DRS answers a checkAvailability for 7 days at most ("limited to 7 day")
NO_SUCH_ORDER = "Unable to find order"  # DRS's selectOrder for an order it does not hold (status error)


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
    def slots(self, order, first_day, days, full_too=False):
        """A week per checkAvailability; a scheduler that answers fewer days than asked is asked again
        from the day after the last it answered."""
        slots, day, last = [], first_day, first_day + timedelta(days=days - 1)
        while day <= last:
            begin = datetime.combine(day, time(0), LONDON)
            end = datetime.combine(min(day + timedelta(days=DAYS_AT_MOST - 1), last), time(23, 59), LONDON)
            found = self.call("checkAvailability", [("periodBegin", soap.stamp(begin)),
                                                    ("periodEnd", soap.stamp(end)),
                                                    ("theOrder", self._order(order))])
            answered = [soap.moment(soap.text(d, "day")).astimezone(LONDON).date() for d in found.findall("theSlots")
                        if soap.text(d, "day")]
            slots += [s for s in _listed(found) if begin <= s.start <= end and (s.free or full_too)]
            day = max(max(answered, default=end.date()), day) + timedelta(days=1)
        return sorted(set(slots), key=lambda s: s.start)

    def create(self, order):
        made = self.call("createOrder", [("theOrder", self._order(order))])
        held = _ours(made.findall("theOrder"), order.reference, "createOrder")
        return soap.text(_first_booking(held, order.reference), "bookingId")

    def order(self, reference):
        try:
            found = self.call("selectOrder", [("includeCompletedBookings", "false"),
                                              ("primaryOrderNumber", reference)])
        except SchedulerError as e:
            if e.kind == "refused" and NO_SUCH_ORDER in e.detail:
                return None
            raise
        booking = _first_booking(_ours(found.findall("theOrders"), reference, "selectOrder"), reference)
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


def _listed(found):
    """The AM and PM slots a checkAvailability answer lists, each free or not."""
    for day in found.findall("theSlots"):
        for listed in day.findall("slotsForDay"):
            slot = Slot(soap.moment(soap.text(listed, "beginDate")), soap.moment(soap.text(listed, "endDate")),
                        free=soap.text(listed, "available") == "YES")
            if slot.half is not None:
                yield slot


def _ours(orders, reference, operation):
    """The order of `orders` that is ours: an answer about another order is never taken as about ours."""
    held = next((o for o in orders if soap.text(o, "primaryOrderNumber") == reference), None)
    if held is None:
        raise SchedulerError("malformed", f"{operation}: no order {reference} in the answer")
    return held


def _first_booking(held, reference):
    """The order's first booking with its id (a booking naming another order is not one of ours)."""
    booking = next((b for b in held.findall("theBookings")
                    if soap.text(b, "primaryOrderNumber") in ("", reference) and soap.text(b, "bookingId")), None)
    if booking is None:
        raise SchedulerError("malformed", f"order {reference}: no bookingId")
    return booking


def from_options(options):
    """The scheduler a council's settings name (councils/backoffices.py), its secrets resolved."""
    return DrsScheduler(options["url"], options.get("login") or "", options.get("password") or "",
                        options.get("contract") or "0", options.get("timeout_s") or 10)
