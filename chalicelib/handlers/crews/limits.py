"""The limits a crew's requests keep, read by the validators and by the
OpenAPI document alike."""
from ..reports.limits import MAX_PHOTOS
from .wording import BULKY_WORK_NAME, CONTAINER_WORK_NAME, REPAIR_WORK_NAME

JOBS_LIMIT_DEFAULT, JOBS_LIMIT_MAX = 50, 200  # jobs in one list: a phone caches a day's work
NOTE_MAX = 2000  # a crew member's note
REASON_MAX = 500  # why a job could not be done
UPDATE_PHOTOS_MAX = MAX_PHOTOS
UPDATES_MAX = 100  # field updates one job keeps; more is a phone stuck in a loop
SAVED_AT_SKEW_S = 300  # a phone's clock may run this far ahead of ours
SAVED_AT_MAX_AGE_DAYS = 7  # an update queued longer than this is refused as stale
FIELD_STATUSES = ("accepted", "en_route", "on_site", "done", "unable")
# Jobs near me reads geohash nodes expected to hold about limit / 16 jobs (nearest's default is k / 2):
# a long list's edge then reads small nodes, about half the items for a few more Queries (docs/benchmarks.md).
SPLIT_PER_K = 1 / 16
# Work that is not a report's: a job's service_code names it, and the crew's
# list shows this name (no category to look it up in). Made by waste/collections.py.
BULKY_SERVICE = "bulky_waste"
CONTAINER_SERVICE = "container_delivery"  # made by containers/delivery.py
REPAIR_SERVICE = "housing_repair"  # made by repairs/desk/crewing.py
OTHER_WORK = {BULKY_SERVICE: BULKY_WORK_NAME, CONTAINER_SERVICE: CONTAINER_WORK_NAME, REPAIR_SERVICE: REPAIR_WORK_NAME}
