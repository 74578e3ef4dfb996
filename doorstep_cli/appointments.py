"""The demo council's appointment services and calendars
(demo/appointments.json), loaded by `make run`'s seed when none are stored,
so a council's own setup survives a restart."""
import json
from pathlib import Path

DEMO = Path(__file__).resolve().parent / "demo" / "appointments.json"


def demo_document():
    return json.loads(DEMO.read_text())


def demo_appointments(deps):
    """Loads the demo setup into an empty store; returns how many services."""
    from chalicelib.handlers.appointments.setup import load
    services, _ = deps.appointments.setup()
    if services:
        return 0
    return load(deps, demo_document())[0]
