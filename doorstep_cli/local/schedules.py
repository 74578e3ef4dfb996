"""Scheduled functions on one machine: what EventBridge invokes in AWS
(app.py's @app.schedule functions), run here on a timer thread by `make run`.

The questionnaires run this way (every minute rather than every hour, so a
developer sees one arrive), forwarding's sweep and polling (every minute, as in
AWS) and the payments' settling (reconciliation, bulky, container and hall holds
run out, refunds left due, reminders), the closing of petitions past their time, the forms' retention sweep and the
appointments' reminders and waiting-list offers, and the committee system's and the planning
register's syncs (their own cadence decides what they ask, so a run a minute asks no more than one
every 15, or than the planning lists due); the nightly open data export is run by hand (`doorstep export`)."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("doorstep.local")
EVERY_S = 60.0


def start_schedules(deps_factory: Callable[[], Any], every_s: float = EVERY_S) -> Callable[[], None]:
    """Run the questionnaire sender, forwarding and the payments' settling every `every_s` seconds until the returned stop()."""
    from chalicelib.handlers.forwarding.schedule import every_minute
    from chalicelib.handlers.questionnaires.sending import send_due
    from chalicelib.handlers.waste.jobs import settle_all
    from chalicelib.handlers.petitions.moderation import close_due
    from chalicelib.handlers.revenues.sending import send_due as send_council_tax_requests
    from chalicelib.handlers.forms.retention import sweep as sweep_forms
    from chalicelib.handlers.forms.webhook_queue import send_due as send_form_hooks
    from chalicelib.handlers.appointments.reminders import every_quarter as remind_appointments
    from chalicelib.handlers.containers.settling import release_expired as release_container_holds
    from chalicelib.handlers.containers.cancelling import refunds_due as container_refunds_due
    from chalicelib.handlers.hire.settling import release_expired as release_hire_holds
    from chalicelib.handlers.hire.cancelling import refunds_due as hire_refunds_due
    from chalicelib.handlers.democracy.sync import run as sync_meetings
    from chalicelib.handlers.planning.sync import run as sync_planning
    from chalicelib.handlers.consultations.notices import every_quarter as tell_consultations
    from chalicelib.handlers.consultations.retention import sweep as sweep_consultations
    from chalicelib.handlers.repairs.desk.after import send_reminders as remind_repairs
    stopped = threading.Event()

    from chalicelib.councils.registry import each_council

    def loop() -> None:
        for name, job in (("sync_meetings", sync_meetings), ("sync_planning", sync_planning)):
            # meetings and planning at once on a fresh start, not a minute later (their cadence spares them)
            each_council(lambda: job(deps_factory()), name)
        while not stopped.wait(every_s):
            for name, job in (("send_questionnaires", send_due), ("forward_reports", every_minute),
                              ("settle_payments", settle_all), ("close_petitions", close_due),
                              ("send_council_tax_requests", send_council_tax_requests),
                              ("sweep_forms", sweep_forms), ("send_form_hooks", send_form_hooks),
                              ("remind_appointments", remind_appointments),
                              ("release_container_holds", release_container_holds),
                              ("container_refunds_due", container_refunds_due),
                              ("release_hire_holds", release_hire_holds),
                              ("settle_hire_refunds", hire_refunds_due),
                              ("sync_meetings", sync_meetings), ("sync_planning", sync_planning),
                              ("sweep_consultations", sweep_consultations),
                              ("tell_consultations", tell_consultations),
                              ("remind_repairs", remind_repairs)):
                for council, outcomes in each_council(lambda: job(deps_factory()), name).items():
                    if outcomes and name == "send_questionnaires":
                        log.info("%s: questionnaires: %s", council, outcomes)
                    elif outcomes and name == "settle_payments" and (
                            outcomes["payments"]["checked"] or outcomes["holds_released"] or outcomes["refunds_settled"]):
                        log.info("%s: payments: %s", council, outcomes)

    thread = threading.Thread(target=loop, name="schedules", daemon=True)
    thread.start()

    def stop() -> None:
        stopped.set()
        thread.join(timeout=5)
    return stop
