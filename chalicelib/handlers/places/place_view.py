"""GET /v1/places/{uprn}: everything about one property on one screen.

The address, its ward and councillors, the next bin collections per stream,
the council tax band, and the nearest facility of each main type. Cost: one
GetItem for the address, one BatchGetItem for its rounds, then per facility
type one GetItem (its count) and a nearest search that reads about one cell
ring; the Server-Timing header shows the total.
"""
from ...storage import metering
from . import bins, councillors, facilities

# The services a resident looks for from home, in the order the app shows them.
MAIN_FACILITY_TYPES = ("library", "recycling_centre", "household_waste_site", "customer_service_point",
                       "primary_school", "secondary_school", "leisure_centre")


def place(deps, uprn):
    metering.expose()
    address = bins.address_or_404(deps, uprn)
    lon, lat = float(address.lon), float(address.lat)
    ward, councillors = ward_at(deps, address, lon, lat)
    return {
        "uprn": address.uprn, "address": address.text, "postcode": address.postcode, "lat": lat, "lon": lon,
        "ward": ward, "councillors": councillors,
        "council_tax_band": address.council_tax_band or None,
        "bins": bins.next_collections(deps, address),
        "bins_calendar_url": f"{deps.base_url}/v1/places/{address.uprn}/bins.ics",
        "nearest": nearest_of_each(deps, lon, lat),
    }


def ward_at(deps, address, lon, lat):
    """({id, name} or None, [councillor]): from the ward boundaries, shown as
    GET /v1/councillors shows them; else the gazetteer's ward name alone."""
    found = deps.wards.at_point(lon, lat) if deps.wards is not None else None
    if found is not None:
        return councillors.ward_summary(found), [councillors.councillor_view(c) for c in found.councillors or []]
    if address.ward:
        return {"id": None, "name": address.ward}, []
    return None, []


def nearest_of_each(deps, lon, lat):
    """[{type, id, name, distance_m, lat, lon, ...}] for each main type that has facilities."""
    out = []
    for type_ in MAIN_FACILITY_TYPES:
        # A type with no facilities costs one GetItem: search reads its count first.
        found, _ = facilities.search(deps.facilities, type_, lon, lat, k=1)
        for distance_m, f in found:
            item = {"type": type_, "id": f.id, "name": f.name, "distance_m": round(distance_m, 1),
                    "lat": float(f.lat), "lon": float(f.lon)}
            item.update({key: getattr(f, key) for key in facilities.OPTIONAL if getattr(f, key)})
            out.append(item)
    return out
