"""`doorstep effects`: what follows from an event, for an operator.

    doorstep --council york effects given-up
    doorstep --council york effects again --event move.MV-7KQ2X9DW3M --effect moving.follow

An effect given up after its tries logs "effect given up: <effect> of <kind> event <id>" at ERROR, which the
`EffectsGivenUpAlarm` watches (infra/README.md); its claim keeps the error, and `given-up` lists the council's
(30 days of them, last tried first) until each is run again. Once the cause is mended (a back
office back, a setting corrected), `again` runs it once more, as the worker would: its claim is what keeps
anything from happening twice, so it is safe to run again."""

OUTCOMES = {
    "done": "done: {effect} of {event} is carried out",
    "already": "done already: {effect} of {event} needs nothing more",
    "busy": "busy: another runner is carrying out {effect} of {event} now",
    "failed": "failed again: {effect} of {event} (its claim says why, and it is still listed); mend the cause and "
              "run this again",
    "no_event": "no event {event} is kept at this council (events are kept 30 days)",
    "no_effect": "{event} has no effect named {effect}",
    "not_given_up": "{effect} of {event} was not given up (done, running, or never tried): nothing to run again",
}
FAILED = {"failed", "no_event", "no_effect", "not_given_up"}
GIVEN_UP = "{tried_at:%Y-%m-%d %H:%M}Z  --event {event} --effect {effect}  tries: {attempts}  why: {note}"
NONE_GIVEN_UP = "no effect is given up at this council (claims are kept 30 days)"
MORE = "and more: the {limit} last tried are listed (--limit)"


def add_parser(commands):
    effects = commands.add_parser("effects", help="what follows from an event: run one given up once more")
    sub = effects.add_subparsers(dest="effects_command", required=True)
    again = sub.add_parser("again", help="run an effect given up after its tries once more, once its cause is "
                                         "mended (the alarm's log line names both)")
    again.add_argument("--event", required=True, help="the event's id, as the log line names it")
    again.add_argument("--effect", required=True, help="the effect's name, as the log line names it")
    listed = sub.add_parser("given-up", help="the council's effects given up after their tries and not run again "
                                             "since, last tried first, each as `again` names it")
    listed.add_argument("--limit", type=positive, default=50, help="at most this many (default 50)")


def positive(text):
    import argparse
    from chalicelib.validation import digits
    if not digits(text) or not 1 <= int(text) <= 1000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 1 to 1000")
    return int(text)


def run(args, deps):
    if args.effects_command == "given-up":
        return given_up(args, deps)
    return again(args, deps)


def given_up(args, deps):
    found = deps.effects.given_up(args.limit + 1)
    for effect in found[:args.limit]:
        print(GIVEN_UP.format(**effect))
    if not found:
        print(NONE_GIVEN_UP)
    elif len(found) > args.limit:
        print(MORE.format(limit=args.limit))
    return 0


def again(args, deps):
    import sys
    import app  # noqa: F401  (every capability registers its effects)
    from chalicelib.handlers.shared import effects
    outcome = effects.again(deps, args.event, args.effect)
    print(OUTCOMES[outcome].format(effect=args.effect, event=args.event),
          file=sys.stderr if outcome in FAILED else sys.stdout)
    return 1 if outcome in FAILED else 0
