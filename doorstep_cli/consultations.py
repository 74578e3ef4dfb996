"""The demo council's consultations for `make run`: each loaded once, as
data, through the same check as PUT /v1/staff/consultations/{id}. The demo
files name fixed moments; loaded for a demo they are moved so each is open
now (opened at 09:00 London time today, closing at 23:59:59 fourteen days on),
so a developer can respond at once."""
import json
from datetime import datetime, time, timedelta
from pathlib import Path

DEMO = Path(__file__).resolve().parent / "demo" / "consultations"


def demo_consultations(deps, now=None):
    from chalicelib.handlers.consultations.managing import load
    from chalicelib.handlers.consultations.timing import local
    from doorstep_cli.forms import operator
    deps = operator(deps)
    today = local(now or deps.clock()).date()
    loaded = 0
    for path in sorted(DEMO.glob("*.json")):
        data = json.loads(path.read_text())
        if deps.consultations.get(data["id"]) is not None:
            continue
        opens = datetime.combine(today, time(9))
        data.update(opens=f"{opens:%Y-%m-%dT%H:%M:%S}",
                    closes=f"{datetime.combine(today + timedelta(days=14), time(23, 59, 59)):%Y-%m-%dT%H:%M:%S}",
                    results_due=f"{today + timedelta(days=90)}")
        load(deps, data["id"], data, None)
        loaded += 1
    return loaded
