"""Writes doorstep_cli/demo/facilities.geojson: FICTIONAL facilities in York
for the demo council, some of every type the resident app offers.

Names, streets and positions are realistic (places in the City of York), but
the facilities, postcode units, opening hours and notes are made up: phone
numbers are Ofcom's drama range (01632 960xxx) and links go to example.org.
`make run` loads the file once (seed.demo_facilities). Regenerate it after
changing this module with
    python -m doorstep_cli.demo_facilities
"""
import json

from doorstep_cli.seed import DEMO_DIR

GEOJSON_PATH = DEMO_DIR / "facilities.geojson"

# type -> (opening hours, accessibility note, [(name, street and locality, postcode, lat, lon)])
FACILITIES = {
    "library": ("Mo-Fr 09:00-18:00; Sa 09:00-16:00", "Step-free entrance; hearing loop at the desk", [
        ("Museum Street Explore Library", "Museum Street", "YO1 7DF", 53.9603, -1.0862),
        ("Acomb Explore Library", "Front Street, Acomb", "YO24 3BN", 53.9553, -1.1263),
        ("Clifton Explore Library", "Rawcliffe Lane, Clifton", "YO30 5SQ", 53.9738, -1.0975),
        ("Tang Hall Explore Library", "Fifth Avenue, Tang Hall", "YO31 0PW", 53.9622, -1.0540),
        ("Haxby Explore Library", "The Village, Haxby", "YO32 3HF", 54.0147, -1.0736),
        ("Dringhouses Explore Library", "Tadcaster Road, Dringhouses", "YO24 1LG", 53.9390, -1.1150)]),
    "primary_school": ("Mo-Fr 08:45-15:15 (term time)", "Level site; accessible toilet", [
        ("Minster Walk Primary School", "Lord Mayor's Walk", "YO31 7HT", 53.9640, -1.0850),
        ("Clifton Green Primary School", "Water End, Clifton", "YO30 6AY", 53.9700, -1.0950),
        ("Hob Moor Fields Primary School", "Green Lane, Acomb", "YO24 4PS", 53.9480, -1.1130),
        ("Heworth Croft Primary School", "Heworth Road", "YO31 0AU", 53.9680, -1.0620),
        ("Fulford Ings Primary School", "Main Street, Fulford", "YO10 4PN", 53.9380, -1.0720),
        ("Strensall Common Primary School", "Southfields Road, Strensall", "YO32 5UA", 54.0410, -1.0350)]),
    "secondary_school": ("Mo-Fr 08:30-15:30 (term time)", "Lift to all floors; accessible parking", [
        ("Ouse Valley Academy", "Cornlands Road, Acomb", "YO24 3DX", 53.9500, -1.1000),
        ("Huntington Fields School", "Huntington Road", "YO32 9WT", 53.9880, -1.0570),
        ("Fulford Park School", "Fulfordgate", "YO10 4FY", 53.9330, -1.0750),
        ("Millthorpe Green School", "Nunthorpe Avenue", "YO23 1WF", 53.9470, -1.0960)]),
    "recycling_centre": ("Mo-Su 08:30-17:00", "Staff can help lift heavy items; ask at the gate", [
        ("Hazel Court Recycling Centre", "James Street", "YO10 3DS", 53.9565, -1.0534),
        ("Towthorpe Recycling Centre", "Towthorpe Moor Lane, Strensall", "YO32 9ST", 54.0270, -1.0500)]),
    "household_waste_site": ("24/7", "Bank apertures at wheelchair height", [
        ("Clifton Moor Bring Site", "Stirling Road, Clifton Moor", "YO30 4XZ", 53.9900, -1.1100),
        ("Askham Bar Bring Site", "Tadcaster Road", "YO24 1LW", 53.9300, -1.1190),
        ("Monks Cross Bring Site", "Monks Cross Drive, Huntington", "YO32 9GZ", 53.9850, -1.0400),
        ("Dunnington Bring Site", "Common Road, Dunnington", "YO19 5NG", 53.9660, -0.9860)]),
    "customer_service_point": ("Mo-Fr 09:00-17:00", "Step-free; BSL video interpreting on request", [
        ("West Offices Customer Centre", "Station Rise", "YO1 6GA", 53.9577, -1.0921),
        ("Acomb Customer Service Point", "Front Street, Acomb", "YO24 3BL", 53.9555, -1.1290),
        ("Haxby Customer Service Point", "York Road, Haxby", "YO32 3EG", 54.0120, -1.0760)]),
    "leisure_centre": ("Mo-Fr 06:30-22:00; Sa,Su 08:00-20:00", "Pool hoist; changing places toilet", [
        ("Acomb Green Leisure Centre", "Thanet Road, Acomb", "YO24 2NW", 53.9520, -1.1190),
        ("Haxby Road Swimming Pool", "Haxby Road", "YO31 8TA", 53.9725, -1.0745),
        ("Huntington Sports Centre", "New Lane, Huntington", "YO32 9NT", 53.9885, -1.0600),
        ("Heslington Sports Village", "Heslington Lane", "YO10 5DD", 53.9470, -1.0300)]),
    "public_toilet": ("Mo-Su 08:00-18:00", "Accessible cubicle (RADAR key); baby change", [
        ("Parliament Street Toilets", "Parliament Street", "YO1 8RS", 53.9592, -1.0817),
        ("Union Terrace Toilets", "Union Terrace", "YO31 7ES", 53.9648, -1.0847),
        ("Museum Gardens Toilets", "Museum Street", "YO1 7FR", 53.9620, -1.0880),
        ("Tower Gardens Toilets", "Skeldergate Bridge", "YO1 9WD", 53.9545, -1.0815),
        ("Nunnery Lane Toilets", "Nunnery Lane", "YO23 1AB", 53.9543, -1.0893),
        ("Rowntree Park Toilets", "Richardson Street", "YO23 1JU", 53.9487, -1.0830)]),
    "park": ("Mo-Su 08:00-dusk", "Level paths; accessible toilet nearby", [
        ("Rowntree Park", "Terry Avenue", "YO23 1JQ", 53.9480, -1.0830),
        ("Museum Gardens", "Museum Street", "YO1 7FR", 53.9617, -1.0888),
        ("Homestead Park", "Water End, Clifton", "YO30 6PZ", 53.9680, -1.1130),
        ("Glen Gardens", "Heworth Green", "YO31 7TQ", 53.9640, -1.0670),
        ("West Bank Park", "Holgate Road", "YO24 4AZ", 53.9560, -1.1150),
        ("Hull Road Park", "Hull Road", "YO10 3LF", 53.9540, -1.0550)]),
    "car_park": ("24/7", "Blue badge bays near the pay machines", [
        ("Marygate Car Park", "Marygate", "YO30 7BH", 53.9625, -1.0900),
        ("Bootham Row Car Park", "Bootham Row", "YO30 7BP", 53.9650, -1.0850),
        ("Castle Car Park", "Tower Street", "YO1 9RY", 53.9560, -1.0800),
        ("Piccadilly Car Park", "Piccadilly", "YO1 9NX", 53.9570, -1.0790),
        ("Askham Bar Park & Ride", "Tadcaster Road", "YO24 1LW", 53.9310, -1.1170),
        ("Grimston Bar Park & Ride", "Hull Road, Dunnington", "YO19 5LA", 53.9530, -1.0130)]),
    "defibrillator": ("24/7 (call 999 for the code)", "Cabinet at 1.2 m; step-free", [
        ("St Helen's Square Defibrillator", "St Helen's Square", "YO1 8QN", 53.9597, -1.0845),
        ("York Station Defibrillator", "Station Road", "YO24 1AB", 53.9580, -1.0930),
        ("Haxby Village Hall Defibrillator", "The Village, Haxby", "YO32 3HT", 54.0155, -1.0745),
        ("Bishopthorpe Main Street Defibrillator", "Main Street, Bishopthorpe", "YO23 2RB", 53.9200, -1.0985),
        ("Dunnington Reading Room Defibrillator", "York Street, Dunnington", "YO19 5PN", 53.9653, -0.9855),
        ("Strensall Village Hall Defibrillator", "Northfields, Strensall", "YO32 5XW", 54.0395, -1.0345)]),
    "polling_station": ("Polling day 07:00-22:00", "Step-free; tactile voting device", [
        ("Priory Street Hall", "Priory Street", "YO1 6ET", 53.9550, -1.0890),
        ("Tang Hall Community Centre", "Sixth Avenue, Tang Hall", "YO31 0UT", 53.9605, -1.0560),
        ("Heworth Village Hall", "East Parade, Heworth", "YO31 7YD", 53.9690, -1.0590),
        ("Clifton Scout Hut", "Kingsway North, Clifton", "YO30 6JA", 53.9730, -1.0930),
        ("Fishergate Community Hall", "Fishergate", "YO10 4AP", 53.9510, -1.0770),
        ("Copmanthorpe Village Hall", "Main Street, Copmanthorpe", "YO23 3SU", 53.9135, -1.1430)]),
    "ev_charger": ("24/7", "Two bays with wide access and low-mounted sockets", [
        ("Marygate EV Charging Hub", "Marygate", "YO30 7BH", 53.9627, -1.0903),
        ("Monks Cross EV Chargers", "Monks Cross Drive, Huntington", "YO32 9GX", 53.9855, -1.0410),
        ("Union Terrace EV Chargers", "Union Terrace", "YO31 7ES", 53.9650, -1.0850),
        ("Poppleton Bar Park & Ride EV Chargers", "Northfield Lane, Poppleton", "YO26 6QF", 53.9770, -1.1500),
        ("Osbaldwick Village EV Charger", "The Leyes, Osbaldwick", "YO10 3PR", 53.9575, -1.0280),
        ("Acomb Front Street EV Charger", "Front Street, Acomb", "YO24 3BW", 53.9545, -1.1305)]),
}
FIRST_PHONE = 960001  # 01632 960001 onwards: Ofcom's numbers reserved for drama


def generate():
    """The demo facilities as a GeoJSON FeatureCollection (a dict)."""
    features, phone = [], FIRST_PHONE
    for type_, (hours, access, places) in FACILITIES.items():
        for n, (name, street, postcode, lat, lon) in enumerate(places, 1):
            fid = f"demo-{type_.replace('_', '-')}-{n}"
            features.append({"type": "Feature", "id": fid, "geometry": {"type": "Point", "coordinates": [lon, lat]},
                             "properties": {"type": type_, "name": name, "address": f"{street}, York {postcode}",
                                            "opening_hours": hours, "phone": f"01632 {phone}",
                                            "url": f"https://example.org/facilities/{fid}", "accessibility": access}})
            phone += 1
    return {"type": "FeatureCollection", "features": features}


def write(path=GEOJSON_PATH):
    collection = generate()
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(collection, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    return len(collection["features"])


if __name__ == "__main__":
    print(f"wrote {write()} fictional facilities to {GEOJSON_PATH}")
