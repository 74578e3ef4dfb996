"""Progress for long imports, on stderr, so the report on stdout stays whole.

On a terminal: a tqdm bar that appears only once an import has run for a
moment (so small files never show one) and clears itself before the report
is printed. Anywhere else (cron, CI logs): a line every EVERY rows, so only
big files say anything and a log never fills with carriage returns.
"""
import sys

EVERY = 10_000
DELAY_S = 0.5


def progress(rows, unit, total=None, stream=None):
    """Yield `rows`, showing how far through them the caller is."""
    stream = stream or sys.stderr
    if getattr(stream, "isatty", lambda: False)():
        from tqdm import tqdm
        return tqdm(rows, desc=unit, total=total, unit="row", file=stream, leave=False, delay=DELAY_S,
                    dynamic_ncols=True)
    return _lines(rows, unit, stream, EVERY)


def _lines(rows, unit, stream, every):
    for count, row in enumerate(rows, 1):
        yield row
        if count % every == 0:
            print(f"... {count} {unit}", file=stream, flush=True)
