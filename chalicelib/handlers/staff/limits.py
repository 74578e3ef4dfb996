"""The limits staff input must keep, read by the validators and by the
OpenAPI document alike."""
from ...states import LABELS, PRIORITIES
from ..reports.limits import DESCRIPTION_MAX

INBOX_LIMIT_DEFAULT, INBOX_LIMIT_MAX = 25, 100
SEARCH_MAX = 200  # characters of `q`
SEARCH_WORDS_MAX = 6
FILTER_VALUES_MAX = 50  # codes in one filter of the inbox
SORTS = ("newest", "oldest", "priority", "due", "supporters")  # supporters: most "me too"s first
YES_NO = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}
# The inbox's filters as the document states them (400 outside them); a code the council does not
# have, and filters that do not go together, are rules (422). Since: a day on a calendar is a rule too.
_STATE = "(?:" + "|".join(sorted(LABELS, key=len, reverse=True)) + ")"
STATUS_PATTERN = rf"^(?:open|closed|all|{_STATE}(?:,{_STATE})*)$"
CODES_PATTERN = rf"^[^,]*(?:,[^,]*){{0,{FILTER_VALUES_MAX - 1}}}$"  # a comma list: at most so many codes
_PRIORITY = "(?:" + "|".join(PRIORITIES) + ")"
PRIORITY_PATTERN = rf"^{_PRIORITY}(?:,{_PRIORITY}){{0,{FILTER_VALUES_MAX - 1}}}$"
SINCE_PATTERN = (r"^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
                 r"(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?"
                 r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?$")
NOTE_MAX = 4000  # an internal note
INSTRUCTIONS_MAX = 2000  # what the crew should do
PUBLIC_UPDATE_MAX = DESCRIPTION_MAX
TEMPLATE_TITLE_MAX = 100
TEMPLATE_TEXT_MAX = DESCRIPTION_MAX
DUE_YEARS_AHEAD = 2  # a due date further off is a typing mistake
CHANNELS = ("phone", "face_to_face", "letter", "email")  # how a caller reached the council
TEAM_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"
TEAM_NAME_MAX = 80
PASS_REASON_MAX = 500  # why a report is passed to another council: said to its resident too
