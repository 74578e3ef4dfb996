"""A landlord's search of the claims paid to it, a page at a time.

Each kind searched (names, then addresses; or the claim reference) is one
Query of the rows whose key begins with the words asked (phrases.py), read
in key order from after the cursor, the last row a page showed. A page reads
its rows and one more, to know whether there are more: about what it shows,
whatever the landlord's size. The cursor is that row's key, so it answers
only the search that made it."""
import base64
import binascii

from ...errors import ValidationFailed
from ...stamps import stamp
from . import limits, phrases, wording
from .claims import current, fresh


def search(deps, org, q, cursor=None):
    text = (q or "").strip()
    kinds, asked = phrases.asked(text)
    if not limits.SEARCH_MIN <= len(text) <= limits.SEARCH_MAX or not asked:
        raise ValidationFailed([("q", wording.SEARCH)])
    after = _after(cursor, kinds, asked)
    digests, as_of, stale, source = fresh(deps, org)
    shown, last, more = [], None, False
    for kind in kinds[_first_kind(kinds, asked, after):]:
        start = after if after and after.startswith(phrases.prefix(kind, asked)) else None
        for key, body in source.rows(org["creditor_ref"], phrases.prefix(kind, asked), start, limits.SEARCH_LIMIT + 1):
            claim = current(digests, body)
            if claim is None or not phrases.met_first(kind, key, claim, asked):
                continue
            if len(shown) == limits.SEARCH_LIMIT:
                more = True
                break
            shown.append(claim)
            last = key
        if more:
            break
    return {"claims": [_summary(b) for b in shown], "more": more, "next_cursor": _encode(last) if more else None,
            "fetched_at": stamp(as_of), "stale": stale}


def _summary(body):
    return {k: body[k] for k in ("claim_ref", "tenant", "address", "postcode", "status", "next_payment_date")}


def _first_kind(kinds, asked, after):
    if after is None:
        return 0
    return next(n for n, kind in enumerate(kinds) if after.startswith(phrases.prefix(kind, asked)))


def _encode(key):
    return base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")


def _after(cursor, kinds, asked):
    """The row key a cursor names, when it is one of this search's rows; 400 otherwise."""
    if cursor in (None, ""):
        return None
    try:
        key = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode() \
            if len(cursor) <= limits.CURSOR_MAX else ""
    except (ValueError, binascii.Error, UnicodeDecodeError):
        key = ""
    if not any(key.startswith(phrases.prefix(kind, asked)) for kind in kinds):
        raise ValidationFailed([("cursor", wording.CURSOR)])
    return key
