"""The scheduled settling (app.py's settle_payments; on one machine the local
stack's schedules): payments first, so a hold whose payment went through is
confirmed before holds are released."""


def settle_all(deps):
    from ..payments.reconcile import reconcile
    from . import routes  # noqa: F401  (registers bulky's payment hook where no route table was loaded)
    from .settling import run_jobs
    return {"payments": reconcile(deps), **run_jobs(deps)}
