"""What every `doorstep import` command shares: its refusal, its report, and
how a CSV cell becomes a number."""
import math


class ImportRefused(Exception):
    """The file cannot be imported as it is; the message says why."""


def report(say, written, problems, skip_invalid, things, unit):
    """List the bad `unit`s and sum up; the command's exit code.

    Strict mode (the default) wrote nothing when anything was bad."""
    for where, reason in problems:
        say(f"{where}: {reason}")
    if problems and not skip_invalid:
        say(f"{len(problems)} bad {unit}(s): nothing imported (fix them, or use --skip-invalid)")
        return 1
    say(f"{written} {things} imported" + (f"; {len(problems)} bad {unit}(s) skipped" if problems else ""))
    return 0


def text_number(text):
    """A finite float from a CSV cell, else None ("", "north", "nan")."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None
