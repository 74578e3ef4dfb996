"""Limits of the Open311 routes, read by the parsers and by the OpenAPI document alike."""
from datetime import timedelta

from ..reports.limits import DESCRIPTION_MAX as UPDATE_TEXT_MAX  # as a member of staff's public update
from ..reports.limits import MAX_PHOTOS, PHOTO_MAX_BYTES  # as /v1's photos

MAX_MEDIA_URLS = 6
MAX_URL = 2000  # a media_url
MAX_RANGE = timedelta(days=90)  # start_date to end_date
DEFAULT_LIMIT = 1000  # the spec's suggested page size, and the most one page holds
MAX_IDS = 100  # service_request_id: a comma list
MAX_CODES = 20  # service_code: a comma list, each read on its own
# A partner's own attributes beyond a service's definition (FixMyStreet's
# fixmystreet_id, easting, report_url...): kept with the request for staff.
MAX_EXTRA_ATTRIBUTES = 50
MAX_ATTRIBUTE_VALUE = 2000  # characters
