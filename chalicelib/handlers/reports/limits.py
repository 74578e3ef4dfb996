"""The limits a report and its photos must keep, read by the validators and
by the OpenAPI document alike, so the two cannot disagree."""
from ...states import LABELS

DESCRIPTION_MAX = 4000  # characters: a report's description, and a public update's text
SUMMARY_MAX = 80  # the one-line summary map pins and feeds show
ADDRESS_MAX = 200
ADDRESS_NEAR_M = 100  # a report placed by an address (uprn) lies this close to it
MAX_PHOTOS = 6
PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_CONTENT_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif")
# A form's file question may take documents too, through the same upload path; a report's photos never
# (attach() decodes every one as a picture). Which a question takes, and how large, is the form's own.
DOCUMENT_CONTENT_TYPES = ("application/pdf", "image/heic", "text/csv", "text/plain",
                          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          "application/vnd.oasis.opendocument.text")
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
CONTACT_NAME_MAX = 200

MAP_MAX_SERVICE_CODES = 20  # a map's service_code filter: each code is its own set of queries

# The map's query parameters as the document states them. A bbox is four
# decimal numbers, longitude first, each within its range (that west is not
# east of east, and that the area is not too large, are rules: 422).
_LON = r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[0-9]{1,2})(?:\.[0-9]+)?)"
_LAT = r"-?(?:90(?:\.0+)?|[0-8]?[0-9](?:\.[0-9]+)?)"
BBOX_PATTERN = rf"^{_LON},{_LAT},{_LON},{_LAT}$"
_STATE = "(?:" + "|".join(sorted(LABELS, key=len, reverse=True)) + ")"
STATUS_PATTERN = rf"^(?:all|closed|{_STATE}(?:,{_STATE})*)$"
SERVICE_CODES_PATTERN = rf"^[^,]*(?:,[^,]*){{0,{MAP_MAX_SERVICE_CODES - 1}}}$"
DATE_PATTERN = (r"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
                r"(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?$")

NEARBY_DEFAULT_M, NEARBY_MAX_M = 100, 500
FEED_RADIUS_MIN_M, FEED_RADIUS_DEFAULT_M, FEED_RADIUS_MAX_M = 50, 1000, 5000
FEED_MAX_ITEMS = 50
SUPPORTER_TOKEN_MAX = 200  # "me too"'s e-mailed link (support.TOKEN: a reference, a digest and a key)
