"""The limits staff input must keep, read by the validators and by the
OpenAPI document alike."""
from ..reports.limits import DESCRIPTION_MAX

INBOX_LIMIT_DEFAULT, INBOX_LIMIT_MAX = 25, 100
SEARCH_MAX = 200  # characters of `q`
SEARCH_WORDS_MAX = 6
FILTER_VALUES_MAX = 50  # codes in one filter of the inbox
SORTS = ("newest", "oldest", "priority", "due", "supporters")  # supporters: most "me too"s first
NOTE_MAX = 4000  # an internal note
INSTRUCTIONS_MAX = 2000  # what the crew should do
PUBLIC_UPDATE_MAX = DESCRIPTION_MAX
TEMPLATE_TITLE_MAX = 100
TEMPLATE_TEXT_MAX = DESCRIPTION_MAX
DUE_YEARS_AHEAD = 2  # a due date further off is a typing mistake
CHANNELS = ("phone", "face_to_face", "letter", "email")  # how a caller reached the council
TEAM_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,39}$"
TEAM_NAME_MAX = 80
