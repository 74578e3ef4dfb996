"""What every `doorstep import` command shares: its refusal and its report."""


def add_file_command(imports, name, help, file_help, unit):
    """`doorstep import NAME FILE [--skip-invalid]`, as every importer takes it."""
    parser = imports.add_parser(name, help=help)
    parser.add_argument("file", help=file_help)
    parser.add_argument("--skip-invalid", action="store_true",
                        help=f"load the good {unit}s and list the bad ones (default: refuse the whole file)")
    return parser


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
