"""What a body's definition may hold."""
import re

BODY_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
NAME_MAX = 120
CONTACT_TEXT_MAX = 300
# council: another council of this deployment, into whose own inbox the report goes (and is held there)
SEND_METHODS = ("inbox", "open311", "email", "council")
AREA_KINDS = ("council", "polygons", "wards", "line")
FORMATS = ("json", "xml")
# The more specific an area, the more it wins where two bodies take the same
# category: a road's strip over a county's polygon over the council's whole area.
PRECEDENCE_BY_KIND = {"council": 0, "polygons": 1, "wards": 1, "line": 2}
LINE_WITHIN_MAX_M = 200
LINE_POINTS_MAX = 5_000
SECRET_MAX = 200
ANSWER_WITHIN_DAYS_MAX = 365
