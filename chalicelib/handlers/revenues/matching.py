"""Whether what a resident typed matches an account's bill, told the same
way, with the same work, whether or not the account exists.

Every value is compared as an HMAC of its normal form under a key made for
this process, by `hmac.compare_digest`: the same number of digests and
comparisons for a missing account (against stand-ins), for a wrong name, a
wrong check or a right one, so neither the answer nor its time says which.
A check not given is compared too (against nothing), and counts as not given.
"""
import hashlib
import hmac
import re
import secrets

from .limits import CHECKS_NEEDED
from .port import AccountForChecks, LiablePerson

TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "rev", "prof", "sir", "lady"}
# Every liable person is compared (a shared house may have five or more), and
# an account with fewer is compared as if it had this many: a missing account
# does the same work as most real ones. Each person past the fourth adds two
# HMACs, microseconds beside the back office's milliseconds of noise.
PEOPLE_COMPARED = 4
_KEY = secrets.token_bytes(32)
_STAND_IN = AccountForChecks(reference="", people=(), online_key="\0", postcode="\0", dd_account="\0")


def _digest(value):
    return hmac.new(_KEY, value.encode(), hashlib.sha256).digest()


def name_form(name):
    words = re.sub(r"[^a-z ]", " ", (name or "").lower()).split()
    return " ".join(w for w in words if w not in TITLES)


def _compact(value):
    return re.sub(r"[\s-]", "", value or "").upper()


def _last3(value):
    digits = re.sub(r"\D", "", value or "")
    return digits[-3:] if len(digits) >= 3 else "\0"


def _same(given, held):
    """Both digests are always made and compared; empty given never matches."""
    equal = hmac.compare_digest(_digest(given or "\1"), _digest(held or "\2"))
    return equal and bool(given)


def matched_person(account, name, checks):
    """The LiablePerson whose name and phone match with at least two checks,
    or None; `account` None (no such account) does the same work."""
    account = account or _STAND_IN
    people = list(account.people)
    people += [LiablePerson(person_ref="", name_on_bill="\0")] * max(0, PEOPLE_COMPARED - len(people))
    given_name = name_form(name)
    key_ok = _same(_compact(checks.get("online_key")), _compact(account.online_key))
    postcode_ok = _same(_compact(checks.get("postcode")), _compact(account.postcode))
    dd_ok = _same(checks.get("dd_last3") or "", _last3(account.dd_account) if account.dd_account else "\0")
    found = None
    for person in people:
        name_ok = _same(given_name, name_form(person.name_on_bill))
        phone_ok = _same(checks.get("phone_last3") or "", _last3(person.phone))
        outcomes = {"online_key": key_ok, "postcode": postcode_ok, "phone_last3": phone_ok, "dd_last3": dd_ok}
        given = [c for c in outcomes if checks.get(c)]
        if name_ok and len(given) >= CHECKS_NEEDED and all(outcomes[c] for c in given) and found is None:
            found = person
    return found if account is not _STAND_IN else None
