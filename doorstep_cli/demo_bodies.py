"""The demo's three bodies, so `make run` shows two-tier routing: the council
(City of York) takes everything in its area into its own inbox; a county
(North Yorkshire's highways) takes potholes and street lights outside the
city centre over Open311; a national roads body takes road problems within
15 m of a trunk road (a demo line for the A64) by e-mail.

The county's endpoint and key are the local second Doorstep's
(doorstep_cli/local/county.py) unless given."""
from chalicelib.storage.bodies.bodies import Body

# The city centre (inside the walls, roughly): the council keeps its potholes.
CITY_CENTRE = [[-1.0950, 53.9530], [-1.0700, 53.9530], [-1.0700, 53.9660], [-1.0950, 53.9660], [-1.0950, 53.9530]]
# A demo line standing for the A64 around York's south and east.
TRUNK_ROAD = [[-1.1500, 53.9140], [-1.1000, 53.9180], [-1.0600, 53.9250], [-1.0300, 53.9420],
              [-1.0150, 53.9560], [-0.9900, 53.9800]]
ROAD_CATEGORIES = ["pothole", "damaged_pavement", "street_light", "litter", "fly_tipping", "abandoned_vehicle"]
COUNTY_CATEGORIES = ["pothole", "street_light"]


def outside_the_centre(area_geometry):
    """The council's area with the city centre cut out (a hole in the polygon holding it)."""
    from chalicelib.geo.polygon import contains
    polygons = []
    for rings in area_geometry["coordinates"]:
        holds = contains({"type": "Polygon", "coordinates": [rings[0]]}, -1.0819, 53.9623)
        polygons.append([rings[0], *rings[1:], *([CITY_CENTRE] if holds else [])])
    return {"type": "MultiPolygon", "coordinates": polygons}


def demo_bodies(deps, county_endpoint=None, county_key=None):
    council = Body(id="council", name="City of York Council", area={"kind": "council",
                                                                    "geometry": deps.area.geometry},
                   contact_text="City of York Council: 01904 551550, www.york.gov.uk", answer_within_days=None)
    county = Body(id="north-yorkshire", name="North Yorkshire Council (highways)",
                  area={"kind": "polygons", "geometry": outside_the_centre(deps.area.geometry)},
                  categories=COUNTY_CATEGORIES, precedence=1, send_method="open311",
                  endpoint=county_endpoint or "http://localhost:8010/open311/v2", api_key=county_key,
                  jurisdiction_id=None, service_codes={c: c for c in COUNTY_CATEGORIES},
                  status_map={}, gets_contact=True, answer_within_days=10,
                  contact_text="North Yorkshire Council highways: 0300 131 2131, www.northyorks.gov.uk")
    roads = Body(id="national-highways", name="National Highways",
                 area={"kind": "line", "within_m": 15, "geometry": {"type": "LineString", "coordinates": TRUNK_ROAD}},
                 categories=ROAD_CATEGORIES, precedence=2, send_method="email", email="a64.reports@highways.example",
                 gets_contact=False, answer_within_days=5,
                 contact_text="National Highways: 0300 123 5000, nationalhighways.co.uk")
    return [council, county, roads]


def load_demo_bodies(deps, **county):
    """Store the demo bodies that are missing; returns how many were written."""
    written = 0
    for body in demo_bodies(deps, **county):
        if deps.bodies.get(body.id) is None:
            deps.bodies.save(body, new=True)
            written += 1
    return written
