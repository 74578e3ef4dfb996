"""Reference check-digit schemes, pure and table-driven: a fund names one by
key in its data (funds.json), and a council adds a scheme here as one row.

Every scheme sees the reference's digits in order (letters such as a PCN's
"CQ" are its format's, checked by the pattern, not by the check digit), the
last of them the check digit.

- mod11: weights n+1 .. 2 over the n digits before the last; the check digit
  is (11 - sum % 11) % 11, a remainder leaving 10 is never issued. As council
  tax references (revenues/references.py): it catches every single wrong digit
  and every swap of two neighbours.
- luhn: the card-number scheme some finance systems use for invoices.
- none: the format alone (a fund whose issuer prints no check digit).
"""


def _mod11(digits):
    body, last = digits[:-1], digits[-1]
    total = sum(d * w for d, w in zip(body, range(len(body) + 1, 1, -1)))
    digit = (11 - total % 11) % 11
    return digit != 10 and digit == last


def _luhn(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return total % 10 == 0


SCHEMES = {"mod11": _mod11, "luhn": _luhn, "none": lambda digits: True}


def passes(scheme, reference):
    """True when `reference`'s digits carry a right check digit under `scheme`."""
    digits = [int(c) for c in reference if c in "0123456789"]
    if scheme != "none" and len(digits) < 2:
        return False
    return SCHEMES[scheme](digits)


def complete(scheme, stem):
    """`stem` with the check digit that makes it pass (demo data and tests),
    or None when the scheme issues none for it."""
    for digit in "0123456789":
        if passes(scheme, stem + digit):
            return stem + digit
    return None
