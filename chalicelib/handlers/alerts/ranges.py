"""Splitting the rest of one index key's range of alert ids, so its pages
run side by side instead of one after another.

A page job covers the ids in (after, through] under one key (None: open
at that end). When its page comes back full, the rest of its range,
(last id read, through], is cut at up to FANOUT - 1 ids between the last id
read and the range's top (`through`, or the key's last id when the range is
open), into jobs that each expect about SPLIT_ROWS rows. The cuts are
spread evenly over the ids' own alphabet (the characters the page showed
after the prefix all of them share): alert ids are "al" + hex digits of a
digest, so the rows are uniform over that space and each cut holds about
as many as the others. Pure: given the ids, no reads.

Whatever the ids look like, the cuts are strictly increasing and strictly
between the last id read and the top, so the jobs' ranges cover the rest
exactly, none overlapping: an uneven id space gives uneven jobs, never a
row read twice or missed.
"""
import math
from bisect import bisect_left
from os.path import commonprefix

DIGITS = 8  # of the id after the shared prefix that place it: 16^8 cuts for hex ids


def cuts(seen, top, per_job, most):
    """Ids strictly between seen[-1] and `top`, in order, cutting
    (seen[-1], top] into at most `most` ranges of about `per_job` rows, as
    the page `seen` (the ids one full page read, in order) shows the
    density; [] when the rest fits one job."""
    first, last = seen[0], seen[-1]
    if top <= last or most < 2:
        return []
    prefix = commonprefix([first, top])
    start = len(prefix)
    alphabet = sorted({c for s in (*seen, top) for c in s[start:]})
    if len(alphabet) < 2:
        return []
    base = len(alphabet)

    def value(s):
        digits = [min(bisect_left(alphabet, c), base - 1) for c in s[start:start + DIGITS]]
        digits += [0] * (DIGITS - len(digits))
        return sum(d * base ** (DIGITS - 1 - i) for i, d in enumerate(digits))

    def text(v):
        digits = []
        for _ in range(DIGITS):
            v, d = divmod(v, base)
            digits.append(alphabet[d])
        return prefix + "".join(reversed(digits))

    low, high = value(last), value(top)
    rest = len(seen) * (high - low) / max(1, low - value(first))  # rows the rest likely holds
    parts = min(most, max(1, math.ceil(rest / per_job)))
    found = []
    for j in range(1, parts):
        cut = text(low + (high - low) * j // parts)
        if last < cut < top and (not found or cut > found[-1]):
            found.append(cut)
    return found


def pieces(after, through, seen, top, per_job, most):
    """The (after, through) ranges of the rest of a range (after, through]
    whose page read `seen` and came back full; top: the highest id the rest
    can hold now (through, or the key's last id if the range is open; None:
    the key holds no more). The last piece keeps the range's own end, so a
    row added under an open range is not lost to the cut."""
    last = seen[-1]
    if top is None or top <= last:
        return []
    edges = [last, *cuts(seen, top, per_job, most), through]
    return list(zip(edges, edges[1:]))
