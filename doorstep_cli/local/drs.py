"""A contractor's scheduler on this machine that speaks DRS's SOAP
(chalicelib/handlers/repairs/drs/soap.py): openSession, checkAvailability,
createOrder, selectOrder, scheduleBooking and deleteOrder, answered as DRS
answers them (status success or error, errorMsg; a SOAP fault for a request it
cannot read).

`make run` starts one (DOORSTEP_DRS_PORT, default PORT+17) and points the app
at it exactly as at a contractor's: DOORSTEP_DRS_URL, _LOGIN, _PASSWORD. Tests
start their own (`with LocalScheduler(clock=...) as drs:`) over real HTTP.

Each working day (no weekends, no bank holidays: chalicelib/workdays.py) from
tomorrow has an AM (08:00-12:00) and a PM (12:00-16:00) slot with `capacity`
places, and an all-day window (08:00-16:00) as DRS also offers, which Doorstep
does not. A place is taken under one lock with the orders it counts, and kept
in `drs.json` in the data directory before the answer goes: a slot is never
booked past its capacity, whatever races, and a restart loses no booking.

For tests and demos: `down` (every call a 503), `delay_s`, `planning_s` (a
pause between finding a place free and taking it), `calls` (each operation
asked, in order).
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
from chalicelib.workdays import is_working_day
from doorstep_cli.local.files import atomic_write_bytes
from doorstep_cli.local.serving import ThreadedServer, reply

ALL_DAY = ("08:00", "16:00")


class LocalScheduler(ThreadedServer):
    def __init__(self, host="127.0.0.1", port=0, clock=None, state_file: Path | None = None, capacity=2,
                 login="doorstep", password=None):
        self.clock = clock or (lambda: datetime.now(LONDON))
        self.lock = threading.Lock()
        self.state_file = Path(state_file) if state_file else None
        self.capacity, self.login = capacity, login
        self.password = password or secrets.token_urlsafe(12)
        self.state = self._load()
        self.calls = []
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
            return 500, _fault("Unmarshalling Error: not a SOAP request")
        if request is None or not wrapper.tag.startswith(f"{{{soap.DRS}}}"):
            return 500, _fault(f"Unexpected wrapper element {wrapper.tag}")
        with self.lock:
            self.calls.append(operation)
            if operation == "openSession":
                if (soap.text(request, "login"), soap.text(request, "password")) != (self.login, self.password):
                    return 200, _response(operation, error="Invalid login or password")
                session = secrets.token_hex(16)
                self.state["sessions"] = [*self.state["sessions"][-50:], session]
                self._save()
                return 200, _response(operation, [("sessionId", session)])
            if soap.text(request, "sessionId") not in self.state["sessions"]:
                return 200, _response(operation, error="Invalid session")
            method = getattr(self, f"_{operation}", None)
            if method is None:
                return 500, _fault(f"Unknown operation {operation}")
            try:
                return 200, method(request, operation)
            except (ValueError, KeyError, AttributeError, SchedulerError) as e:
                return 200, _response(operation, error=f"Invalid request: {e}")

    def _checkAvailability(self, request, operation):  # noqa: N802
        begin = soap.moment(soap.text(request, "periodBegin")).astimezone(LONDON).date()
        end = soap.moment(soap.text(request, "periodEnd")).astimezone(LONDON).date()
        order = request.find("theOrder")
        if order is None or not soap.text(order, "theBookingCodes/bookingCodeSORCode"):
            raise ValueError("an order with a booking code")
        days, day = [], begin
        while day <= end and len(days) < 62:
            days.append(("theSlots", self._day(day)))
            day += timedelta(days=1)
        return _response(operation, days)

    def _day(self, day: date):
        working = is_working_day(day)
        parts = [("day", datetime.combine(day, datetime.min.time(), LONDON).isoformat()),
                 ("nonWorkingDay", str(not working and day.weekday() < 5).lower())]
        if working and day > self.today():
            for half in HALVES:
                slot = Slot.of(day, half)
                free = self.taken(slot.start.isoformat()) < self.capacity
                parts.append(("slotsForDay", [("available", "YES" if free else "NO"),
                                              ("beginDate", slot.start.isoformat()), ("bestSlot", "false"),
                                              ("endDate", slot.end.isoformat())]))
            start, end = (datetime.combine(day, datetime.strptime(t, "%H:%M").time(), LONDON) for t in ALL_DAY)
            parts.append(("slotsForDay", [("available", "YES"), ("beginDate", start.isoformat()),
                                          ("bestSlot", "true"), ("endDate", end.isoformat())]))
        parts.append(("weeklyDayOff", str(day.weekday() >= 5).lower()))
        return parts

    def _createOrder(self, request, operation):  # noqa: N802
        order = request.find("theOrder")
        reference = soap.text(order, "primaryOrderNumber")
        if not reference or not soap.text(order, "locationID"):
            raise ValueError("primaryOrderNumber and locationID")
        if reference in self.state["orders"]:
            return _response(operation, error=f"Order {reference} already exists")
        booking_id = str(self.state["next_id"])
        self.state["next_id"] += 1
        self.state["orders"][reference] = {
            "booking_id": booking_id, "location": soap.text(order, "locationID"),
            "code": soap.text(order, "theBookingCodes/bookingCodeSORCode"),
            "priority": soap.text(order, "priority"), "slot": [None, None], "status": "PLANNED"}
        self._save()
        return _response(operation, [("theOrder", _order(reference, self.state["orders"][reference]))])

    def _selectOrder(self, request, operation):  # noqa: N802
        reference = soap.text(request, "theOrder/primaryOrderNumber")
        held = self.state["orders"].get(reference)
        return _response(operation, [("theOrders", _order(reference, held))] if held else [])

    def _scheduleBooking(self, request, operation):  # noqa: N802
        booking = request.find("theBooking")
        reference, booking_id = soap.text(booking, "primaryOrderNumber"), soap.text(booking, "bookingId")
        held = self.state["orders"].get(reference)
        if held is None or held["booking_id"] != booking_id:
            return _response(operation, error=f"Booking {booking_id} not found")
        slot = Slot(soap.moment(soap.text(booking, "planningWindowStart")),
                    soap.moment(soap.text(booking, "planningWindowEnd")))
        if slot.half is None or not is_working_day(slot.day) or slot.day <= self.today():
            return _response(operation, error="Error in Booking.schedule. Planning failed: no such slot")
        start = slot.start.astimezone(LONDON).isoformat()
        if held["slot"][0] != start and self.taken(start) >= self.capacity:
            return _response(operation, error="Error in Booking.schedule. Planning failed: slot full")
        time.sleep(self.planning_s)
        held["slot"] = [start, slot.end.astimezone(LONDON).isoformat()]
        self._save()
        return _response(operation)

    def _deleteOrder(self, request, operation):  # noqa: N802
        reference = soap.text(request, "theOrder/primaryOrderNumber")
        if self.state["orders"].pop(reference, None) is None:
            return _response(operation, error=f"Order {reference} not found")
        self._save()
        return _response(operation)


def _order(reference, held):
    return [("contract", "0"), ("locationID", held["location"]), ("primaryOrderNumber", reference),
            ("priority", held["priority"]),
            ("theBookings", [("bookingId", held["booking_id"]), ("bookingLifeCycleStatus", held["status"]),
                             ("planningWindowStart", held["slot"][0]), ("planningWindowEnd", held["slot"][1]),
                             ("primaryOrderNumber", reference)])]


def _response(operation, parts=(), error=None):
    from xml.etree import ElementTree as ET
    root = ET.Element(f"{{{soap.ENVELOPE}}}Envelope")
    outer = ET.SubElement(ET.SubElement(root, f"{{{soap.ENVELOPE}}}Body"), f"{{{soap.DRS}}}{operation}Response")
    status = [("id", "0"), ("status", "error" if error else "success"), ("errorMsg", error)]
    soap.fill(ET.SubElement(outer, "return"), [*status, *parts])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _fault(message):
    from xml.etree import ElementTree as ET
    root = ET.Element(f"{{{soap.ENVELOPE}}}Envelope")
    fault = ET.SubElement(ET.SubElement(root, f"{{{soap.ENVELOPE}}}Body"), f"{{{soap.ENVELOPE}}}Fault")
    soap.fill(fault, [("faultcode", "soap:Client"), ("faultstring", message)])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


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
