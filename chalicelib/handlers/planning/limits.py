"""The numbers the planning routes share with their OpenAPI."""
from .ids import ID_PATTERN  # noqa: F401  (the routes' path pattern)

RADIUS_DEFAULT_M, RADIUS_MAX_M = 500, 2000  # "near me": 500 m as PlanningAlerts offers; 2 km at most
MAX_COVER_CELLS = 24  # cells a circle's cover may use (a 2 km circle: a few ranges of precision-6 cells)
READ_MAX = 400  # applications read at most for one answer (York validates about 40 a week)
LIST_MAX = 100  # applications answered at most, nearest first
STALE_AFTER_S = 2 * 86400  # the register unanswered this long (two nights): the copy is marked old
CONSULTATION_DAYS = 21  # the least a consultation lasts, where the register gives no expiry date
PHASES = ("open", "awaiting", "decided")
