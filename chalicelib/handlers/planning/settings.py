"""The default council's planning register where its settings name none (councils/backoffices.py),
read when asked (never at import); the constraints' data (DOORSTEP_PLANNING_DATA_DIR) is every council's:

DOORSTEP_PLANNING_VENDOR   idox (default) or planit
DOORSTEP_PLANNING_URL      Public Access's root (".../online-applications/", the local one
                           `make run` starts, or a council's), or PlanIt's ("https://www.planit.org.uk/");
                           unset: no register is synced
DOORSTEP_PLANNING_AUTHORITY PlanIt's name of the council's area (e.g. "York")
DOORSTEP_PLANNING_WARDS    wards to ask the weekly lists by, comma-separated ("" : one list for all)
DOORSTEP_PLANNING_GAP_S    seconds between requests to the host (default 10; PlanIt: 60)
DOORSTEP_PLANNING_BACKOFF_S the first wait after a 429 when no Retry-After says (default 60; it doubles)
DOORSTEP_PLANNING_TRIES    requests for one page, 429s included (default 3)
DOORSTEP_PLANNING_QUIET    the register's overnight window, London time (default 00:30-06:30; "" none): nothing asked
DOORSTEP_PLANNING_BUDGET   requests per run at most (default 60: ten minutes at a 10 s gap); the next run goes on
DOORSTEP_PLANNING_WEEKS    weeks back the first sync reads (default 4)
DOORSTEP_PLANNING_TIMEOUT_S each request's (default 20)
DOORSTEP_PLANNING_DATA_DIR  Planning Data's GeoJSON datasets (conservation-area.geojson...; default the
                           repository's demo, chalicelib/data/planning_data/)
"""
import os


def planning() -> dict:
    env = os.environ
    vendor = (env.get("DOORSTEP_PLANNING_VENDOR") or "idox").strip().lower()
    quiet = env.get("DOORSTEP_PLANNING_QUIET")
    return {"vendor": vendor,
            "url": (env.get("DOORSTEP_PLANNING_URL") or "").strip() or None,
            "authority": (env.get("DOORSTEP_PLANNING_AUTHORITY") or "").strip(),
            "wards": [w.strip() for w in (env.get("DOORSTEP_PLANNING_WARDS") or "").split(",") if w.strip()],
            "gap_s": float(env.get("DOORSTEP_PLANNING_GAP_S") or (60 if vendor == "planit" else 10)),
            "backoff_s": float(env.get("DOORSTEP_PLANNING_BACKOFF_S") or 60),
            "tries": int(env.get("DOORSTEP_PLANNING_TRIES") or 3),
            "quiet": "00:30-06:30" if quiet is None else quiet.strip(),
            "budget": int(env.get("DOORSTEP_PLANNING_BUDGET") or 60),
            "weeks": int(env.get("DOORSTEP_PLANNING_WEEKS") or 4),
            "timeout_s": float(env.get("DOORSTEP_PLANNING_TIMEOUT_S") or 20),
            "data_dir": (env.get("DOORSTEP_PLANNING_DATA_DIR") or "").strip() or None}
