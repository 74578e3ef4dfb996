"""PlanIt's JSON API: `api/applics/json` searched by authority and dates (a
weekly list) or by `lat`/`lng` and `krad` (near a point), `pg_sz` a page;
`planapplic/{name}/json` one application. Its records carry uid, name,
description, address, start_date, decided_date, app_state, app_type, link,
url, lat and lng, and no applicant names.

It is one person's service, asked at about one request a minute: the same
Gate as Idox (polite.py) with the configured gap (DOORSTEP_PLANNING_GAP_S,
60 for PlanIt). Every record a list gives is kept for this run, so an
application just listed costs no second request.
"""
import json
from datetime import date, timedelta
from urllib.parse import urlencode, urljoin, urlsplit

from ..idox.polite import Gate
from ..port import DECIDED, Application, Listed, PlanningError
from ..transport import answer

PAGE = 300
DECIDED_LOOKBACK_WEEKS = 26  # a decision is listed by the week it was made, for applications this old at most
UNDECIDED = {"Undecided", "Unresolved", "Referred", ""}


class PlanItPlanning:
    def __init__(self, url, authority, gate=None, timeout_s=30.0):
        self.url, self.authority = url.rstrip("/") + "/", authority
        self.gate = gate or Gate(urlsplit(self.url).netloc, gap_s=60.0)
        self.timeout_s, self.calls, self._seen = timeout_s, 0, {}

    def _count(self):
        self.calls += 1

    def _get(self, path, params):
        from urllib.request import Request, urlopen
        request = Request(urljoin(self.url, path) + (f"?{urlencode(params)}" if params else ""),
                          headers={"Accept": "application/json"})
        status, _, body = self.gate.send(lambda: answer(urlopen, request, self.timeout_s, 5_000_000), self._count)
        if status != 200:
            raise PlanningError("unreachable", f"HTTP {status}")
        try:
            return json.loads(body)
        except ValueError:
            raise PlanningError("changed", "not JSON") from None

    def _records(self, params):
        answer = self._get("api/applics/json", {**params, "pg_sz": PAGE, "compress": "on"})
        if not isinstance(answer, dict) or not isinstance(answer.get("records"), list):
            raise PlanningError("changed", "no records in the answer")
        found, skipped = [], 0
        for record in answer["records"]:
            application = _application(record)
            if application is None:
                skipped += 1
                continue
            self._seen[application.key] = application
            found.append(application)
        return found, skipped

    def weekly_list(self, monday, kind, ward=""):
        start = date.fromisoformat(monday)
        end = (start + timedelta(days=6)).isoformat()
        if kind == DECIDED:
            since = (start - timedelta(weeks=DECIDED_LOOKBACK_WEEKS)).isoformat()
            found, skipped = self._records({"auth": self.authority, "start_date": since, "end_date": end})
            found = [a for a in found if monday <= a.decided <= end]
        else:
            found, skipped = self._records({"auth": self.authority, "start_date": monday, "end_date": end})
        return [Listed(key=a.key, reference=a.reference, proposal=a.proposal, address=a.address, status=a.status,
                       validated=a.validated) for a in found], skipped

    def application(self, key, with_type=True):
        if key in self._seen:
            return self._seen[key]
        application = _application(self._get(f"planapplic/{key}/json", {}))
        if application is None:
            raise PlanningError("changed", "an application record without its uid or description")
        return application

    def near(self, lat, lon, radius_m):
        found, _ = self._records({"lat": lat, "lng": lon, "krad": round(radius_m / 1000, 3), "recent": 90})
        return [Listed(key=a.key, reference=a.reference, proposal=a.proposal, address=a.address, status=a.status,
                       validated=a.validated) for a in found]


def _application(record):
    if not isinstance(record, dict) or not record.get("name") or not record.get("description"):
        return None
    state = record.get("app_state") or ""
    try:
        lat, lon = float(record["lat"]), float(record["lng"])
    except (KeyError, TypeError, ValueError):
        lat = lon = None
    return Application(
        key=str(record["name"]), reference=str(record.get("uid") or record["name"]),
        proposal=str(record["description"]), address=str(record.get("address") or ""),
        status=state, decision="" if state in UNDECIDED else state,
        decided=str(record.get("decided_date") or "")[:10], validated=str(record.get("start_date") or "")[:10],
        app_type=str(record.get("app_type") or ""), lat=lat, lon=lon, link=str(record.get("url") or ""),
        comment_link=str(record.get("url") or ""))


def from_settings(settings, clock=None, sleep=None):
    import time
    gate = Gate(urlsplit(settings["url"]).netloc, gap_s=settings["gap_s"], backoff_s=settings["backoff_s"],
                tries=settings["tries"], quiet="", budget=settings["budget"], clock=clock, sleep=sleep or time.sleep)
    return PlanItPlanning(settings["url"], settings["authority"], gate, timeout_s=settings["timeout_s"])
