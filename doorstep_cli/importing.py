"""What every `doorstep import` command shares: its refusal and its report."""


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
