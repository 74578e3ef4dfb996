"""What runs every minute (app.py's forward_reports; the local stack's timer):
due sends queued, unanswered ones chased, Open311 bodies' updates read."""
import logging

log = logging.getLogger("doorstep.forwarding")


def every_minute(deps, queue=None):
    from .polling import poll_all
    from .queue import sweep
    swept = sweep(deps, queue)
    polled = poll_all(deps)
    if swept["queued"] or swept["chased"] or any(polled.values()):
        log.info("Forwarding: %s; updates %s", swept, polled)
    return {**swept, "polled": polled}
