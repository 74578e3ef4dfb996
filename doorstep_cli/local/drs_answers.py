"""The local scheduler's answers (doorstep_cli/local/drs.py), built in the shape
of DRS's real ones (chalicelib/handlers/repairs/drs/fixtures/): a slot, an
order with its first booking, a response's `return`, a SOAP fault."""
from chalicelib.handlers.repairs.drs import soap


def slot(start, end, free, best):
    return [("available", "YES" if free else "NO"), ("beginDate", start.isoformat()),
            ("bestSlot", str(best).lower()), ("endDate", end.isoformat())]


def order(reference, held):
    """An order as DRS's createOrder answer shows one (fixtures/createOrder.answer.xml), less its business data."""
    start, end = held["slot"] if held["slot"][0] else held.get("window", [None, None])
    contract, order_id = held.get("contract", "0"), held.get("order_id", "0")
    booking = [("bookingCategory", "TASK"), ("bookingId", held["booking_id"]),
               ("bookingLifeCycleStatus", held["status"]), ("bookingReason", "FIRST"), ("contract", contract),
               ("isEmergency", "false"), ("isNextBooking", "false"), ("locationID", held["location"]),
               ("orderId", order_id), ("planningWindowEnd", end), ("planningWindowStart", start),
               ("primaryOrderNumber", reference),
               ("theBookingCodes", [("bookingCodeSORCode", held["code"]), ("bookingId", held["booking_id"]),
                                    ("itemNumberWithinBooking", "1"), ("orderId", order_id),
                                    ("primaryOrderNumber", reference), ("quantity", "1.0")]),
               ("userId", "Doorstep")]
    return [("contract", contract), ("locationID", held["location"]), ("message", "false"), ("orderComments", ""),
            ("orderId", order_id), ("primaryOrderNumber", reference), ("priority", held["priority"]),
            ("status", "undefined"), ("targetDate", held.get("target")), ("theBookings", booking),
            ("theLocation", [("locationId", held["location"])]), ("userId", "Doorstep")]


def response(operation, parts=(), error=None, warning=None):
    """`warning`: an errorMsg that comes with status success, as DRS's 7-day limit does."""
    from xml.etree import ElementTree as ET
    root = ET.Element(f"{{{soap.ENVELOPE}}}Envelope")
    outer = ET.SubElement(ET.SubElement(root, f"{{{soap.ENVELOPE}}}Body"), f"{{{soap.DRS}}}{operation}Response")
    status = [("id", "0"), ("status", "error" if error else "success"), ("errorMsg", error or warning)]
    soap.fill(ET.SubElement(outer, "return"), [*status, *parts])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def fault(message, code="soap:Client"):
    from xml.etree import ElementTree as ET
    root = ET.Element(f"{{{soap.ENVELOPE}}}Envelope")
    fault = ET.SubElement(ET.SubElement(root, f"{{{soap.ENVELOPE}}}Body"), f"{{{soap.ENVELOPE}}}Fault")
    soap.fill(fault, [("faultcode", code), ("faultstring", message)])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
