"""The app's words a council may say otherwise (its settings' `words`): a key of
the resident app's catalogue (web/messages/en.json), its text with the same
{placeholders}, since the app fills those in (web/js/i18n.js) and a name left
out, or one the app never fills, would show as a gap or as "{count}".

The Lambda has no web/: chalicelib/data/web_words.en.json links to the
catalogue, and the package copies the file itself."""
import json
import re
from pathlib import Path

from . import wording as words

CATALOGUE = Path(__file__).resolve().parents[1] / "data" / "web_words.en.json"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
_loaded = {}


def catalogue():
    """{key: text} of the resident app's words, read once per process."""
    if "en" not in _loaded:
        _loaded["en"] = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    return _loaded["en"]


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


def where(key):
    """A word's place in the settings, as the refusals name it: $.words["home.bin_days"]."""
    return f"$.words[{json.dumps(key)}]"


def problems(said):
    """[(path, reason)] of the council's words the catalogue has no key for, or whose
    placeholders are not the catalogue's; texts the schema refuses are left to it."""
    if not isinstance(said, dict):
        return []
    known, found = catalogue(), []
    for key, text in said.items():
        if key not in known:
            found.append((where(key), words.NOT_A_WORD))
        elif isinstance(text, str) and placeholders(text) != placeholders(known[key]):
            found.append((where(key), words.placeholders_kept(sorted(placeholders(known[key])))))
    return found
