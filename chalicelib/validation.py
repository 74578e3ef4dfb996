"""Input checks that collect every problem, so a client can show them all at once."""
import math
import re
from datetime import date

from .errors import Unacceptable, ValidationFailed
from . import wording as words

# Whitespace as Python's str.strip() and JavaScript's \s see it, together:
# patterns spell it out, so /openapi.json (read with ECMA-262 rules) and these
# checks (Python's) accept exactly the same strings.
WHITESPACE = r"\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
SOME_TEXT = rf"[^{WHITESPACE}]"  # found anywhere: a value that is not blank
LONGEST_NUMBER = 4000  # digits: int() reads up to 4,300 (a map's limit is any whole number, capped after)


def digits(text, most=18):
    """Whether `text` is ASCII digits alone, at most `most` of them: str.isdigit() also passes "¹" and "²",
    which int() refuses (a 500 where a 400 was meant), and int() refuses over 4,300 digits."""
    return isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= most


def token(value, field, problems, most, missing=None):
    """A token a body carries (an e-mail's link, a session's refresh, a provider's sign-in) as the document
    gives one: text that is not blank (SOME_TEXT) and at most `most` characters; else the field is named in
    `problems` (400) and None. A longer or blank one is no token anyone gave: the request's fault, not a link
    or sign-in that failed (401, 403, 404)."""
    if not isinstance(value, str) or not re.search(SOME_TEXT, value):
        problems.add(field, missing or words.REQUIRED)
        return None
    if len(value) > most:
        problems.add(field, words.LENGTH.format(min=1, max=most))
        return None
    return value


def token_alone(value, field, most, missing=None):
    """token(), for a request whose token is read before anything else: its problem is a 400 at once."""
    problems = Problems()
    found = token(value, field, problems, most, missing)
    problems.raise_if_any()
    return found


def token_schema(most, **more):
    """/openapi.json's words for a token that token() reads."""
    return {"type": "string", "pattern": SOME_TEXT, "maxLength": most, **more}


def trimmed_text(least, most):
    """/openapi.json's words for text counted as the checks count it, without the spaces around it: it
    starts and ends with something else, so its length is its trimmed length. ([\\s\\S] is any
    character, a line's end too, in ECMA-262's rules and Python's.)"""
    return {"type": "string", "minLength": least, "maxLength": most,
            "pattern": rf"^{SOME_TEXT}(?:[\s\S]*{SOME_TEXT})?$"}


# One address, nothing around it: no list ("a@b.cc,evil.example"), no display name or
# header syntax, labels that are not empty.
NOT_IN_ADDRESS = rf'{WHITESPACE}@,;:<>()\[\]\\"'
EMAIL = re.compile(rf"^[^{NOT_IN_ADDRESS}]{{1,64}}@(?:[^{NOT_IN_ADDRESS}.]+\.)+[^{NOT_IN_ADDRESS}.]{{2,}}$")
# 7 to 20 characters holding 7 to 15 digits, spaces, brackets and dashes, an
# optional leading +. /openapi.json states it as PHONE_SCHEMA: the shape, and the
# length as minLength and maxLength, not a lookahead (which a generator of valid
# numbers can only meet by discarding: a minute of the fuzzing for one number).
PHONE_SHAPE = r"^\+?[ ()\-]*(?:[0-9][ ()\-]*){7,15}$"
PHONE_SCHEMA = {"type": "string", "minLength": 7, "maxLength": 20, "pattern": PHONE_SHAPE}
PHONE = re.compile(r"^(?=.{7,20}$)" + PHONE_SHAPE[1:])


class Problems:
    """add(): the request breaks its description in /openapi.json (400).
    rule(): it keeps the description but breaks a rule the description can
    only state in words: parts that must come together, the council's own
    categories and area (422). A request with both kinds is a 400 naming all.

    `words`: a capability's catalogue of what to say, in the field's own words
    as GOV.UK writes errors: per field, per kind of problem ("missing",
    "length", "invalid"), such as {"name": {"missing": "Enter your full name"}}.
    What it does not name is said in the checks' own terse words."""

    def __init__(self, words=None):
        self.items = []
        self.rules = []
        self.words = words or {}

    def add(self, field, message):
        self.items.append((field, message))

    def say(self, field, kind, otherwise):
        return self.words.get(field, {}).get(kind, otherwise)

    def missing(self, field):
        self.add(field, self.say(field, "missing", words.REQUIRED))

    def rule(self, field, message):
        self.rules.append((field, message))

    def raise_if_any(self):
        if self.items:
            raise ValidationFailed(self.items + self.rules)
        if self.rules:
            raise broken_rules(self.rules)


def broken_rules(fields):
    """422: well-formed, but the parts do not fit together or do not fit the council's data."""
    return Unacceptable(words.NOT_ACCEPTED, code="validation_failed",
                        fields=[{"field": f, "message": m} for f, m in fields])


def number(value, field, problems, low=None, high=None, text_ok=True):
    """A finite number in [low, high]; booleans are not numbers. A query
    string's numbers are text; a JSON body's are not (text_ok=False), since
    the document says number and "53.96" is a client's bug to hear of."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if isinstance(value, str) and not text_ok:
            problems.add(field, words.NUMBER_NOT_TEXT)
            return None
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                problems.add(field, words.NUMBER)
                return None
        else:
            problems.add(field, words.NUMBER)
            return None
    try:
        value = float(value)  # huge JSON integers overflow here, not later
    except OverflowError:
        problems.add(field, words.FAR_TOO_LARGE)
        return None
    if not math.isfinite(value):
        problems.add(field, words.FINITE)
        return None
    if (low is not None and value < low) or (high is not None and value > high):
        problems.add(field, words.BETWEEN.format(low=low, high=high))
        return None
    return value


def number_in(value, field, problems, document, rule, text_ok=True):
    """A number the document bounds as `document` (low, high): else 400;
    within it, outside `rule` (the narrower bounds of one kind): 422."""
    value = number(value, field, problems, *document, text_ok=text_ok)
    if value is not None and not rule[0] <= value <= rule[1]:
        problems.rule(field, words.BETWEEN_HERE.format(low=rule[0], high=rule[1]))
        return None
    return value


def page_limit(params, problems, default, most=None, message=None):
    """A page's size asked in the query (`?limit=`): absent or empty, `default`; else a whole number written as
    one, from 1 to `most` (None: any, the caller caps it). 2.5 and 1e1 are refused, not read as a number near
    them (the document says integer). Refused: `message` (the route's own words) or the shared ones, and None."""
    value = params.get("limit")
    if value in (None, ""):
        return default
    number = whole_number(value, 1, most)
    if number is None:
        problems.add("limit", message or (words.WHOLE_NUMBER.format(low=1, high=most) if most is not None
                                       else words.WHOLE_NUMBER_FROM.format(low=1)))
    return number


def whole_number(value, low, high=None):
    """`value` as a whole number written as one (ASCII digits, so not 2.5, 2.0 or 1e1) from low to high
    (None: no top), else None."""
    number = int(value) if digits(str(value), most=LONGEST_NUMBER) else None
    return number if number is not None and number >= low and (high is None or number <= high) else None


def required_number(params, name, problems, low=None, high=None):
    """A query parameter that must be there and be a number in [low, high]."""
    if params.get(name) in (None, ""):
        problems.missing(name)
        return None
    return number(params.get(name), name, problems, low, high)


def required_whole_number(params, name, problems, low, high):
    """A query parameter that must be there and be a whole number in [low, high], written as one: digits
    alone, so 2026.5 (or 2026.0, 2e3) is refused rather than read as the whole number it is near."""
    value = params.get(name)
    if value in (None, ""):
        problems.missing(name)
        return None
    number = whole_number(value, low, high)
    if number is None:
        problems.add(name, words.WHOLE_NUMBER.format(low=low, high=high))
    return number


def text(value, field, problems, min_len=0, max_len=4000, required=False):
    if value is None or (isinstance(value, str) and not value.strip()):
        if required or min_len:
            problems.missing(field)
        return None
    if not isinstance(value, str):
        problems.add(field, words.TEXT)
        return None
    value = value.strip()
    if any("\ud800" <= c <= "\udfff" for c in value):
        problems.add(field, words.NOT_VALID_TEXT)
        return None
    if len(value) < min_len or len(value) > max_len:
        problems.add(field, problems.say(field, "length", words.LENGTH.format(min=min_len, max=max_len)))
        return None
    return value


def email(value, field, problems):
    value = text(value, field, problems, max_len=254)
    if value is not None and not EMAIL.match(value):
        problems.add(field, problems.say(field, "invalid", words.EMAIL))
        return None
    return value


def phone(value, field, problems):
    value = text(value, field, problems, max_len=20)
    if value is None:
        return None
    digits = re.sub(r"\D", "", value)
    if not PHONE.match(value) or not 7 <= len(digits) <= 15:
        problems.add(field, problems.say(field, "invalid", words.PHONE))
        return None
    return value


def e164(phone):
    """A UK-style number as E.164 (+447700900123); SMS gateways want that."""
    if phone is None:
        return None
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        return "+44" + digits[1:]
    return "+" + digits


def iso_date(value, field, problems):
    if value is None or value == "":
        problems.add(field, problems.say(field, "missing", words.DATE))
        return None
    if not isinstance(value, str):
        problems.add(field, problems.say(field, "invalid", words.DATE))
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        problems.add(field, problems.say(field, "invalid", words.DATE))
        return None


def extra_fields(definitions, values, problems, prefix="fields", keep_unknown=False):
    """Check a report's extra fields against its service's typed definitions.

    keep_unknown: codes the service does not define are kept as sent instead
    of refused (an Open311 partner's own attributes; the partner's reader
    checked their number and size)."""
    if values is None:
        values = {}
    if not isinstance(values, dict):
        problems.add(prefix, words.FIELD_CODES)
        return {}
    known = {d["code"]: d for d in definitions}
    clean = {}
    for code in values:
        if code in known:
            continue
        if keep_unknown:
            clean[code] = values[code]
        else:
            problems.add(f"{prefix}.{code}", words.NOT_A_FIELD)
    for code, d in known.items():
        name = f"{prefix}.{code}"
        value = values.get(code)
        if value is None or value == "" or value == []:
            if d.get("required"):
                problems.add(name, d.get("error_message") or f"{d.get('label', code)} is required.")
            continue
        checked = _field_value(d, value, name, problems)
        if checked is not None:
            clean[code] = checked
    return clean


def _field_value(d, value, name, problems):
    kind = d["type"]
    if kind == "text":
        return text(value, name, problems, max_len=d.get("max_length", 500))
    if kind == "number":
        return number(value, name, problems, d.get("min"), d.get("max"))
    if kind == "date":
        return iso_date(value, name, problems)
    keys = [o["key"] for o in d.get("options", [])]
    if kind == "single_choice":
        if value not in keys:
            problems.add(name, words.ONE_OF.format(choices=", ".join(keys)))
            return None
        return value
    if kind == "multi_choice":
        if not isinstance(value, list) or not value or any(v not in keys for v in value):
            problems.add(name, words.LIST_OF.format(choices=", ".join(keys)))
            return None
        return sorted(set(value), key=keys.index)
    problems.add(name, words.UNKNOWN_FIELD_TYPE)
    return None
