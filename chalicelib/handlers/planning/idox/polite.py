"""Asking a register politely: one request at a time per host, a gap between
requests, back-off on 429 (its Retry-After, else a doubling wait), nothing
inside its overnight window, and a budget of requests per run. Each number is
configuration (config.planning()); the clock and the sleep are given, so
tests pin them."""
import threading
import time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from ..port import PlanningError

LONDON = ZoneInfo("Europe/London")
_hosts = {}  # host -> [lock, monotonic time its last request ended]: shared by every client in the process
_hosts_lock = threading.Lock()


def _host(name):
    with _hosts_lock:
        return _hosts.setdefault(name, [threading.Lock(), None])


def in_window(window, moment):
    """True when `moment` falls in "HH:MM-HH:MM" (London time; it may wrap past midnight)."""
    if not window:
        return False
    start, _, end = window.partition("-")
    now = moment.astimezone(LONDON).strftime("%H:%M")
    return start <= now < end if start <= end else (now >= start or now < end)


class Gate:
    def __init__(self, host, gap_s=10.0, backoff_s=60.0, tries=3, quiet="", budget=60,
                 clock=None, sleep=time.sleep, monotonic=time.monotonic):
        self.host, self.gap_s, self.backoff_s, self.tries = host, gap_s, backoff_s, tries
        self.quiet, self.budget = quiet, budget
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.sleep, self.monotonic = sleep, monotonic
        self.waited_s = 0.0  # time spent keeping the gap and backing off: reported with the run

    def _pause(self, seconds):
        if seconds > 0:
            self.waited_s += seconds
            self.sleep(seconds)

    def send(self, request, counted):
        """request() -> (status, headers, body), run under the host's lock after its gap.
        `counted()` is called once per request made. A 429 waits and asks again (`tries` in all)."""
        lock_and_last = _host(self.host)
        for attempt in range(self.tries):
            if in_window(self.quiet, self.clock()):
                raise PlanningError("asleep", f"inside the register's overnight window {self.quiet}")
            if self.budget <= 0:
                raise PlanningError("budget", "this run's requests are spent; the next run goes on")
            with lock_and_last[0]:
                last = lock_and_last[1]
                if last is not None:
                    self._pause(self.gap_s - (self.monotonic() - last))
                self.budget -= 1
                counted()
                try:
                    status, headers, body = request()
                finally:
                    lock_and_last[1] = self.monotonic()
            if status != 429:
                return status, headers, body
            if attempt + 1 < self.tries:
                self._pause(_retry_after(headers) or self.backoff_s * (2 ** attempt))
        raise PlanningError("unreachable", f"HTTP 429 after {self.tries} tries")


def _retry_after(headers):
    value = (headers or {}).get("Retry-After") or (headers or {}).get("retry-after")
    try:
        return min(float(value), 3600.0) if value else None
    except ValueError:
        return None
