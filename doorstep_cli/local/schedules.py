"""Scheduled functions on one machine: what EventBridge invokes in AWS
(app.py's @app.schedule functions), run here on a timer thread by `make run`.

Only the questionnaires run this way (every minute rather than every hour,
so a developer sees one arrive); the nightly open data export is run by hand
(`doorstep export`)."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("doorstep.local")
EVERY_S = 60.0


def start_schedules(deps_factory: Callable[[], Any], every_s: float = EVERY_S) -> Callable[[], None]:
    """Run the questionnaire sender every `every_s` seconds until the returned stop()."""
    from chalicelib.handlers.questionnaires.sending import send_due
    stopped = threading.Event()

    def loop() -> None:
        while not stopped.wait(every_s):
            try:
                outcomes = send_due(deps_factory())
                if outcomes:
                    log.info("Questionnaires: %s", outcomes)
            except Exception:  # as a failed Lambda run: logged, and the next run tries again
                log.exception("send_questionnaires failed")

    thread = threading.Thread(target=loop, name="schedules", daemon=True)
    thread.start()

    def stop() -> None:
        stopped.set()
        thread.join(timeout=5)
    return stop
