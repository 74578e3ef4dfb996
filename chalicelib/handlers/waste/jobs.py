"""The scheduled settling (app.py's settle_payments; on one machine the local
stack's schedules): payments first, so a hold whose payment went through is
confirmed before holds are released."""


def settle_all(deps):
    from ..payments.reconcile import reconcile
    from . import routes  # noqa: F401  (registers bulky's payment hook where no route table was loaded)
    return {"payments": reconcile(deps), **run_jobs(deps)}


def run_jobs(deps):
    from ...notify.email import send_queued
    from .change_refunds import changes_due
    from .paid_changes import let_go_expired
    from .collections import make_crew_jobs
    from .garden import send_reminders as garden_reminders
    from .settling import refunds_due, release_expired_holds, send_reminders
    return {"holds_released": release_expired_holds(deps), "refunds_settled": refunds_due(deps),
            "change_refunds_settled": changes_due(deps), "change_holds_released": let_go_expired(deps),
            "bulky_reminders": send_reminders(deps), "garden_reminders": garden_reminders(deps),
            "bulky_crew_jobs": make_crew_jobs(deps), "receipts_sent": send_queued(deps.clock())}

