"""Licensing's part of the five-minute job (app.py's settle_payments; `make run`'s
schedules): licences the law grants (or refuses) when undecided in time, the licences'
reminders due (renewal, annual fee), and licences whose check (a taxi driver's DBS
update service) has fallen due, flagged once. Each reads only what is due from its
sparse index, so a run with nothing due costs three Queries."""


def every_five_minutes(deps):
    from . import routes  # noqa: F401  (registers the reminders' and decisions' effects where no route table was loaded)
    from .deeming import deem_due
    from .checks import flag_due
    from .renewing import remind_due
    return {"licences_deemed_granted": deem_due(deps), "licence_reminders": remind_due(deps),
            "licence_checks_due": flag_due(deps)}
