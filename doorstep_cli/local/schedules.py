"""Scheduled functions on one machine: what EventBridge invokes in AWS
(app.py's @app.schedule functions), run here by `make run`.

The questionnaires run this way (every minute rather than every hour, so a
developer sees one arrive), forwarding's sweep and polling (every minute, as in
AWS) and the payments' settling (reconciliation, bulky, container and hall holds
run out, refunds left due, reminders), the closing of petitions past their time, the retention sweep (reports,
unused accounts, forms' and consultations' answers: a developer sees York's schedule act within a minute) and the
appointments' reminders and waiting-list offers, a round's school offers chosen for offer day, licensing's deemed grants and
licences' reminders, and the committee system's and the planning
register's syncs (their own cadence decides what they ask, so a run a minute asks no more than one
every 15, or than the planning lists due); the nightly open data export is run by hand (`doorstep export`).

Each schedule has a thread of its own, as each EventBridge rule invokes its function whatever the
others are doing: it runs at the start and then on its own beat (start + k periods). A run that takes
longer than its period skips the beats it missed rather than running back to back. One loop for all
once made forwarding's first read of a body's updates wait about 190 s behind every council's
meetings and planning syncs (a register read politely, at a second a request)."""
from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger("doorstep.local")
EVERY_S = 60.0

# (name, "module:function"): each run for every council, every EVERY_S.
SCHEDULES = (
    ("send_questionnaires", "chalicelib.handlers.questionnaires.sending:send_due"),
    ("forward_reports", "chalicelib.handlers.forwarding.schedule:every_minute"),
    ("settle_payments", "chalicelib.handlers.waste.jobs:settle_all"),
    ("licensing", "chalicelib.handlers.licensing.jobs:every_five_minutes"),  # deemed grants, reminders (app.py)
    ("close_petitions", "chalicelib.handlers.petitions.moderation:close_due"),
    ("send_council_tax_requests", "chalicelib.handlers.revenues.sending:send_due"),
    ("sweep_retention", "chalicelib.handlers.retention.sweep:nightly"),  # forms' and consultations' sweeps in it
    ("send_form_hooks", "chalicelib.handlers.forms.webhook_queue:send_due"),
    ("remind_appointments", "chalicelib.handlers.appointments.reminders:every_quarter"),
    ("release_container_holds", "chalicelib.handlers.containers.settling:release_expired"),
    ("container_refunds_due", "chalicelib.handlers.containers.cancelling:refunds_due"),
    ("release_hire_holds", "chalicelib.handlers.hire.settling:release_expired"),
    ("settle_hire_refunds", "chalicelib.handlers.hire.cancelling:refunds_due"),
    ("sync_meetings", "chalicelib.handlers.democracy.sync:run"),
    ("sync_planning", "chalicelib.handlers.planning.sync:run"),
    ("tell_consultations", "chalicelib.handlers.consultations.notices:every_quarter"),
    ("remind_repairs", "chalicelib.handlers.repairs.desk.after:send_reminders"),
    ("suspend_unused_officers", "chalicelib.handlers.scim.unused:suspend_unused"),
    ("release_school_offers", "chalicelib.handlers.schools.releasing:every_quarter"),
)


def start_schedules(deps_factory: Callable[[], Any], every_s: float = EVERY_S) -> Callable[[], None]:
    """Run every schedule for every council, each on its own beat of `every_s` seconds, until the returned stop()."""
    from chalicelib.councils.registry import each_council

    def for_every_council(name, target):
        module, function = target.split(":")
        job = getattr(importlib.import_module(module), function)

        first = [True]

        def run():
            began = time.monotonic()
            answers = each_council(lambda: job(deps_factory()), name)
            for council, outcomes in answers.items():
                _log(name, council, outcomes)
            if first[0]:  # how long a turn over every council takes, said once (bench/runstart.py reads it)
                log.info("%s: first turn over %d councils in %.2f s", name, len(answers), time.monotonic() - began)
                first[0] = False
        return run
    return start_beats([(name, for_every_council(name, target), every_s) for name, target in SCHEDULES])


def start_beats(runs, clock=time.monotonic, sleep=None) -> Callable[[], None]:
    """[(name, run, period_s)]: each run() on a thread of its own at the start and then every period from
    it, skipping beats a slow run missed; one run's failure is logged and its next beat comes as due.
    `sleep(seconds)` -> whether stopped meanwhile (a test's clock moves with it)."""
    stopped, start = threading.Event(), clock()
    sleep = sleep or stopped.wait

    def beat(name, run, period):
        due = start
        while not stopped.is_set():
            try:
                run()
            except Exception:  # noqa: BLE001 (a failed run: logged, and the next beat tries again)
                log.exception("%s failed", name)
            due += period * max(1, int((clock() - due) // period) + 1)  # the next beat not yet passed
            if sleep(max(0.0, due - clock())) or stopped.is_set():
                return

    threads = [threading.Thread(target=beat, args=run, name=f"schedule-{run[0]}", daemon=True) for run in runs]
    for thread in threads:
        thread.start()

    def stop() -> None:
        stopped.set()
        deadline = time.monotonic() + 5  # a run under way (a slow register) is not waited for longer
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))
    return stop


def _log(name, council, outcomes):
    if outcomes and name == "send_questionnaires":
        log.info("%s: questionnaires: %s", council, outcomes)
    elif outcomes and name == "settle_payments" and (
            outcomes["payments"]["checked"] or outcomes["holds_released"] or outcomes["refunds_settled"]):
        log.info("%s: payments: %s", council, outcomes)
