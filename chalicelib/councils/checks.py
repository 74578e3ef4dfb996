"""What a council's settings must be that their schema cannot say (councils/schema.py), checked
beside it (councils/settings.py):

- a word the council says otherwise (its `words`) is a key of the resident app's catalogue
  (web/messages/en.json), its text with the same {placeholders}: the app fills those in
  (web/js/i18n.js), and a name left out, or one the app never fills, would show as a gap or as
  "{count}". The Lambda has no web/: chalicelib/data/web_words.en.json links to the catalogue,
  and the package copies the file itself;
- where it sends residents for a service it does not provide (its `instead`) is for a service it has
  switched off, and gives a phone number or a web address: a where-to-go for a service it offers
  would never be shown, and a name alone tells a resident nothing they can act on;
- its colour is behind the header's white words (web/css/app.css): it must leave them readable,
  WCAG 2.2's 4.5:1 for text (1.4.3, Contrast Minimum)."""
import json
import re
from pathlib import Path

from . import wording as words
from .services import SWITCHABLE

CATALOGUE = Path(__file__).resolve().parents[1] / "data" / "web_words.en.json"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
WHITE = "#ffffff"
LEAST_CONTRAST = 4.5
_loaded = {}


def problems(document):
    """[(path, reason)] of the document's words and colour; what the schema refuses is left to it."""
    return (colour_problems(document.get("branding")) + word_problems(document.get("words"))
            + instead_problems(document.get("instead"), document.get("services")))


def catalogue():
    """{key: text} of the resident app's words, read once per process."""
    if "en" not in _loaded:
        _loaded["en"] = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    return _loaded["en"]


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


def word_problems(said):
    if not isinstance(said, dict):
        return []
    known, found = catalogue(), []
    for key, text in said.items():
        where = f"$.words[{json.dumps(key)}]"
        if key not in known:
            found.append((where, words.NOT_A_WORD))
        elif isinstance(text, str) and placeholders(text) != placeholders(known[key]):
            found.append((where, words.placeholders_kept(sorted(placeholders(known[key])))))
    return found


def luminance(colour):
    """WCAG's relative luminance of "#rrggbb"."""
    def linear(part):
        c = int(part, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colour_problems(branding):
    colour = branding.get("colour") if isinstance(branding, dict) else None
    if not isinstance(colour, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", colour):
        return []  # not a colour at all: the schema says so
    ratio = contrast(colour, WHITE)
    return [] if ratio >= LEAST_CONTRAST else [("$.branding.colour", words.too_light(ratio, LEAST_CONTRAST))]


def instead_problems(instead, services):
    if not isinstance(instead, dict):
        return []
    switches, found = services if isinstance(services, dict) else {}, []
    for name, where in sorted(instead.items()):
        if not isinstance(where, dict) or name not in SWITCHABLE:
            continue  # not a where-to-go of a service at all: the schema says so
        if switches.get(name) is not False:
            found.append((f"$.instead.{name}", words.instead_of_offered(name)))
        elif not (where.get("phone") or where.get("website")):
            found.append((f"$.instead.{name}", words.NOWHERE_TO_GO))
    return found
