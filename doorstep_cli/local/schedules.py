"""Scheduled functions on one machine: what EventBridge invokes in AWS
(app.py's @app.schedule functions), run here on a timer thread by `make run`.

The questionnaires run this way (every minute rather than every hour, so a
developer sees one arrive), and so does the payments' settling (reconciliation,
bulky holds run out, refunds left due); the nightly open data export is run by
hand (`doorstep export`)."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("doorstep.local")
EVERY_S = 60.0


def start_schedules(deps_factory: Callable[[], Any], every_s: float = EVERY_S) -> Callable[[], None]:
    """Run the questionnaire sender and the payments' settling every `every_s` seconds until the returned stop()."""
    from chalicelib.handlers.questionnaires.sending import send_due
    from chalicelib.handlers.waste.jobs import settle_all
    stopped = threading.Event()

    def loop() -> None:
        while not stopped.wait(every_s):
            try:
                outcomes = send_due(deps_factory())
                if outcomes:
                    log.info("Questionnaires: %s", outcomes)
            except Exception:  # as a failed Lambda run: logged, and the next run tries again
                log.exception("send_questionnaires failed")
            try:
                settled = settle_all(deps_factory())
                if settled["payments"]["checked"] or settled["holds_released"] or settled["refunds_settled"]:
                    log.info("Payments: %s", settled)
            except Exception:
                log.exception("settle_payments failed")

    thread = threading.Thread(target=loop, name="schedules", daemon=True)
    thread.start()

    def stop() -> None:
        stopped.set()
        thread.join(timeout=5)
    return stop
