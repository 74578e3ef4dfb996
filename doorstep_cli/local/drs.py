"""A contractor's scheduler on this machine that speaks DRS's SOAP: openSession,
checkAvailability, createOrder, selectOrder, scheduleBooking and deleteOrder,
read as DRS's WSDL declares them and answered in the shape of DRS's real
answers (chalicelib/handlers/repairs/drs/fixtures/, SOURCES.md says whence):
status success or error with errorMsg, a SOAP fault for a request it cannot
read. As DRS does, and so as a client meets it:

- `checkAvailability` answers at most 7 days from periodBegin, with status
  success and errorMsg "The number of days returned has been limited to 7 day";
- `selectOrder` reads its criteria (primaryOrderNumber, locationIDs, contract)
  directly in selectOrder and skips any element its type does not declare (a
  `theOrder` is none): with no criterion it answers every order it holds; an
  order it does not hold is status error "Unable to find order in OptiTime Web";
- `scheduleBooking` finds the booking by bookingId alone (its primaryOrderNumber
  "can be anything") and records the window it is given, a past one too.

`make run` starts one (DOORSTEP_DRS_PORT, default PORT+17) and points the app
at it exactly as at a contractor's: DOORSTEP_DRS_URL, _LOGIN, _PASSWORD. Tests
start their own (`with LocalScheduler(clock=...) as drs:`) over real HTTP.

Each working day of the council whose data set it holds (`council`, its id: no
weekends, no bank or local holidays of its calendar, chalicelib/workdays.py) from
tomorrow has an AM (08:00-12:00) and a PM (12:00-16:00) slot with `capacity`
places, and an all-day window (08:00-16:00) as DRS also offers, which Doorstep
does not. A place is taken under one lock with the orders it counts, and kept
in `drs.json` in the data directory before the answer goes: a slot is never
booked past its capacity, whatever races, and a restart loses no booking.

For tests and demos: `down` (every call a 503), `delay_s`, `planning_s` (a
pause between finding a place free and taking it), `calls` (each operation
asked, in order), `faults` (operation: "before" or "after": a SOAP fault, the
call not carried out or carried out first, as a gateway failing on its way out).
"""
from __future__ import annotations

import json
import secrets
import threading
import time
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from chalicelib.handlers.repairs.drs import soap
from chalicelib.handlers.repairs.scheduler import HALVES, LONDON, SchedulerError, Slot
from doorstep_cli.local import drs_answers as answers
from doorstep_cli.local.files import atomic_write_bytes
from doorstep_cli.local.serving import ThreadedServer, reply

# The windows besides AM and PM that DRS's real answer offers each working day (bestSlot true): not offered to tenants.
OTHER_WINDOWS = (("09:30", "14:30"), ("08:00", "16:00"))
DAYS_AT_MOST = 7  # days one checkAvailability answers
LIMITED = "The number of days returned has been limited to 7 day"
NOT_FOUND = "Unable to find order in OptiTime Web"
SERVER_FAULT = "Fault occurred while processing."  # the gateway's (Apache CXF's) words for a failure inside it


def calendar_of(council_id):
    """The working days of the council whose data set this scheduler holds: its demo settings' jurisdiction
    and local holidays (doorstep_cli/demo/councils/), as a contractor works to its client's calendar."""
    from chalicelib.councils.council import Council
    from chalicelib.workdays import calendar_for
    demo = Path(__file__).resolve().parents[1] / "demo" / "councils"
    folder = demo / council_id / "council.json"
    document = json.loads((folder if folder.exists() else demo / f"{council_id}.json").read_text())
    return calendar_for(Council.of_document(document, 0))


class LocalScheduler(ThreadedServer):
    def __init__(self, host="127.0.0.1", port=0, clock=None, state_file: Path | None = None, capacity=2,
                 login="doorstep", password=None, council="york"):
        self.clock = clock or (lambda: datetime.now(LONDON))
        self.council, self.calendar = council, calendar_of(council)
        self.lock = threading.Lock()
        self.state_file = Path(state_file) if state_file else None
        self.capacity, self.login = capacity, login
        self.password = password or secrets.token_urlsafe(12)
        self.state = self._load()
        self.calls = []
        self.faults = {}
        self.down = False
        self.delay_s = 0.0
        self.planning_s = 0.0  # time between seeing a place free and taking it (a race's window, for tests)
        self.url = self.serve(host, port, _handler(self), "drs") + "/OTWebServiceApi/services/SOAP"

    def _load(self):
        if self.state_file and self.state_file.exists():
            return json.loads(self.state_file.read_text())
        return {"sessions": [], "next_id": 100_001, "orders": {}}

    def _save(self):
        if self.state_file:
            atomic_write_bytes(self.state_file, json.dumps(self.state, indent=1).encode())

    def today(self):
        return self.clock().astimezone(LONDON).date()

    def taken(self, start):
        """Places taken in the slot starting at `start` (ISO), counted from the orders."""
        return sum(1 for order in self.state["orders"].values() if order.get("slot", [None])[0] == start)

    # -- the protocol ------------------------------------------------------
    def answer(self, raw):
        """(status, body) for one POST."""
        from xml.etree import ElementTree as ET
        if self.down:
            return 503, b"<html><body><h1>Service Unavailable</h1></body></html>"
        try:
            body = ET.fromstring(raw).find(f"{{{soap.ENVELOPE}}}Body")
            wrapper = body[0]
            operation = wrapper.tag.split("}")[-1]
            request = wrapper.find(operation)
        except (ET.ParseError, AttributeError, IndexError, TypeError):
            return 500, answers.fault("Unmarshalling Error: not a SOAP request")
        if request is None or not wrapper.tag.startswith(f"{{{soap.DRS}}}"):
            return 500, answers.fault(f"Unexpected wrapper element {wrapper.tag}")
        with self.lock:
            self.calls.append(operation)
            if operation == "openSession":
                if (soap.text(request, "login"), soap.text(request, "password")) != (self.login, self.password):
                    return 200, answers.response(operation, error="Invalid login or password")
                session = secrets.token_hex(16)
                self.state["sessions"] = [*self.state["sessions"][-50:], session]
                self._save()
                return 200, answers.response(operation, [("sessionId", session)])
            if soap.text(request, "sessionId") not in self.state["sessions"]:
                return 200, answers.response(operation, error="Invalid session")
            method = getattr(self, f"_{operation}", None)
            if method is None:
                return 500, answers.fault(f"Unknown operation {operation}")
            fault = self.faults.get(operation)
            if fault == "before":
                return 500, answers.fault(SERVER_FAULT, "soap:Server")
            try:
                answered = 200, method(request, operation)
            except (ValueError, KeyError, AttributeError, SchedulerError) as e:
                answered = 200, answers.response(operation, error=f"Invalid request: {e}")
            return (500, answers.fault(SERVER_FAULT, "soap:Server")) if fault == "after" else answered

    def _checkAvailability(self, request, operation):  # noqa: N802
        begin = soap.moment(soap.text(request, "periodBegin")).astimezone(LONDON).date()
        end = soap.moment(soap.text(request, "periodEnd")).astimezone(LONDON).date()
        order = request.find("theOrder")
        if order is None or not soap.text(order, "theBookingCodes/bookingCodeSORCode"):
            raise ValueError("an order with a booking code")
        last = min(end, begin + timedelta(days=DAYS_AT_MOST - 1))
        days = [("theSlots", self._day(begin + timedelta(days=n))) for n in range((last - begin).days + 1)]
        return answers.response(operation, days, warning=LIMITED if end > last else None)

    def _day(self, day: date):
        """One day as DRS's real answer has it: a day with no slots (a weekend, a holiday) says only so."""
        parts = [("day", datetime.combine(day, datetime.min.time(), LONDON).isoformat()), ("nonWorkingDay", "false")]
        if self.calendar.is_working_day(day) and day > self.today():
            for half in HALVES:
                slot = Slot.of(day, half)
                free = self.taken(slot.start.isoformat()) < self.capacity
                parts.append(("slotsForDay", answers.slot(slot.start, slot.end, free, best=False)))
            for begins, ends in OTHER_WINDOWS:
                start, end = (datetime.combine(day, datetime.strptime(t, "%H:%M").time(), LONDON)
                              for t in (begins, ends))
                parts.append(("slotsForDay", answers.slot(start, end, True, best=True)))
        parts.append(("weeklyDayOff", "false"))
        return parts

    def _createOrder(self, request, operation):  # noqa: N802
        order = request.find("theOrder")
        reference = soap.text(order, "primaryOrderNumber")
        if not reference or not soap.text(order, "locationID"):
            raise ValueError("primaryOrderNumber and locationID")
        if reference in self.state["orders"]:
            return answers.response(operation, error=f"Order {reference} already exists")
        booking_id, order_id = str(self.state["next_id"]), str(self.state["next_id"] + 500_000)
        self.state["next_id"] += 1
        now, target = self.clock().astimezone(LONDON), soap.text(order, "targetDate")
        self.state["orders"][reference] = {
            "booking_id": booking_id, "order_id": order_id, "location": soap.text(order, "locationID"),
            "code": soap.text(order, "theBookingCodes/bookingCodeSORCode"), "contract": soap.text(order, "contract"),
            "priority": soap.text(order, "priority"), "target": target or None, "status": "PLANNED",
            # Until it is scheduled, a booking's window is DRS's default: from now to the order's target date.
            "window": [now.isoformat(timespec="seconds"), target or None], "slot": [None, None]}
        self._save()
        return answers.response(operation, [("theOrder", answers.order(reference, self.state["orders"][reference]))])

    def _selectOrder(self, request, operation):  # noqa: N802
        """Orders meeting every criterion given; elements xmbSelectOrder does not declare are skipped."""
        numbers, locations, contracts = ({e.text or "" for e in request.findall(name)}
                                         for name in ("primaryOrderNumber", "locationIDs", "contract"))
        found = [(reference, held) for reference, held in self.state["orders"].items()
                 if (not numbers or reference in numbers) and (not locations or held["location"] in locations)
                 and (not contracts or held.get("contract", "0") in contracts)]
        if not found:
            return answers.response(operation, error=f"{NOT_FOUND}: no order meets the criteria")
        return answers.response(operation, [("theOrders", answers.order(reference, held)) for reference, held in found])

    def _scheduleBooking(self, request, operation):  # noqa: N802
        booking = request.find("theBooking")
        booking_id = soap.text(booking, "bookingId")
        held = next((o for o in self.state["orders"].values() if o["booking_id"] == booking_id), None)
        if held is None:
            return answers.response(operation, error=f"Error in Booking.schedule. Booking {booking_id} not found")
        slot = Slot(soap.moment(soap.text(booking, "planningWindowStart")),
                    soap.moment(soap.text(booking, "planningWindowEnd")))
        if slot.half is None or not self.calendar.is_working_day(slot.day):
            return answers.response(operation, error="Error in Booking.schedule. Error in modifyJob Planning failed")
        start = slot.start.astimezone(LONDON).isoformat()
        if held["slot"][0] != start and self.taken(start) >= self.capacity:
            return answers.response(operation, error="Error in Booking.schedule. Planning failed: slot full")
        time.sleep(self.planning_s)
        held["slot"] = [start, slot.end.astimezone(LONDON).isoformat()]
        self._save()
        return answers.response(operation)

    def _deleteOrder(self, request, operation):  # noqa: N802
        reference = soap.text(request, "theOrder/primaryOrderNumber")
        if self.state["orders"].pop(reference, None) is None:
            return answers.response(operation, error=f"Order {reference} not found")
        self._save()
        return answers.response(operation)


def _handler(office):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):  # noqa: N802
            raw = self.rfile.read(min(int(self.headers.get("Content-Length") or 0), 1_000_000))
            if office.delay_s:
                time.sleep(office.delay_s)
            status, body = office.answer(raw)
            reply(self, status, "text/xml; charset=utf-8", body)

        def log_message(self, *args):
            pass

    return Handler
