"""The limits a report and its photos must keep, read by the validators and
by the OpenAPI document alike, so the two cannot disagree."""

DESCRIPTION_MAX = 4000  # characters: a report's description, and a public update's text
SUMMARY_MAX = 80  # the one-line summary map pins and feeds show
ADDRESS_MAX = 200
ADDRESS_NEAR_M = 100  # a report placed by an address (uprn) lies this close to it
MAX_PHOTOS = 6
PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_CONTENT_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif")
CONTACT_NAME_MAX = 200
IDEMPOTENCY_KEY_MAX = 255
IDEMPOTENCY_KEY_MIN_ANONYMOUS = 16  # anonymous callers share one key space: a key must be unguessable
IDEMPOTENCY_KEY_MIN_SIGNED_IN = 8

MAP_MAX_SERVICE_CODES = 20  # a map's service_code filter: each code is its own set of queries

NEARBY_DEFAULT_M, NEARBY_MAX_M = 100, 500
FEED_RADIUS_MIN_M, FEED_RADIUS_DEFAULT_M, FEED_RADIUS_MAX_M = 50, 1000, 5000
FEED_MAX_ITEMS = 50
