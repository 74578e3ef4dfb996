"""Idox Public Access over HTTP, as a browser asks it (it has no API).

A weekly list: GET `search.do?action=weeklyList&searchType=Application` (the
session's JSESSIONID cookie, the form's hidden `_csrf` and the weeks it
offers), POST `weeklyListResults.do?action=firstPage` (week as the site
writes it, dateType DC_Validated or DC_Decided, optionally a ward), then its
pages by the pager's `a.next` (`pagedSearchResults.do`: the search is kept in
the session). An application: its summary and dates tabs
(`applicationDetails.do?activeTab=summary|dates&keyVal=`), and once, its
"Further Information" tab (`activeTab=details`) for its type.

Every request passes the host's Gate (polite.py). The same code reads a
council's register and the local one of `make run` and the tests
(doorstep_cli/local/public_access.py): configuration alone says which.
"""
from urllib.parse import urlencode, urljoin, urlsplit

from ..port import DECIDED, Application, PlanningError, lacking
from ..transport import answer
from . import pages
from .polite import Gate

DATE_TYPES = {"validated": "DC_Validated", DECIDED: "DC_Decided"}
MAX_PAGE_BYTES = 2_000_000
MAX_PAGES = 50  # 500 applications in one week's list: beyond it, the list is not one a sync should trust


class IdoxPlanning:
    def __init__(self, url, gate=None, timeout_s=20.0):
        self.url = url.rstrip("/") + "/"
        self.gate = gate or Gate(urlsplit(self.url).netloc)
        self.timeout_s, self.calls = timeout_s, 0
        self._opener = None

    def _session(self):
        if self._opener is None:  # one cookie jar per sync: the JSESSIONID the site gives
            from http.cookiejar import CookieJar
            from urllib.request import HTTPCookieProcessor, build_opener
            self._opener = build_opener(HTTPCookieProcessor(CookieJar()))
            self._opener.addheaders = [("User-Agent", "Doorstep (a council's resident app; reads the public register)"),
                                       ("Accept", "text/html,application/xhtml+xml")]
        return self._opener

    def _fetch(self, path, form=None):
        from urllib.request import Request
        request = Request(urljoin(self.url, path), data=urlencode(form).encode() if form is not None else None)
        status, _, body = self.gate.send(lambda: answer(self._session().open, request, self.timeout_s, MAX_PAGE_BYTES),
                                         self._count)
        if status != 200:
            raise PlanningError("unreachable", f"HTTP {status}")
        return pages.page(body)

    def _count(self):
        self.calls += 1

    def weekly_list(self, monday, kind, ward=""):
        action, hidden, selects = pages.search_form(self._fetch("search.do?action=weeklyList&searchType=Application"))
        week = pages.week_value(selects.get("week", []), monday)
        if week is None:
            raise PlanningError("not_offered", f"the week of {monday} is not among the weeks the register lists")
        form = {**hidden, "searchCriteria.ward": ward, "week": week, "dateType": DATE_TYPES[kind],
                "searchType": "Application"}
        tree = self._fetch(action or "weeklyListResults.do?action=firstPage", form)
        listed, skipped = [], 0
        for _ in range(MAX_PAGES):
            found, unread, following = pages.results(tree)
            listed.extend(found)
            skipped += unread
            if not following:
                return listed, skipped
            tree = self._fetch(following)
        raise PlanningError("changed", f"more than {MAX_PAGES} pages in one week's list")

    def application(self, key, with_type=True):
        query = urlencode({"keyVal": key})
        summary = self._tab("summary", query)
        incomplete = lacking(summary)  # before the other tabs: they cannot make it a copy to keep
        if incomplete:
            raise incomplete
        dates = self._tab("dates", query)
        more = {}
        if with_type and not summary.get("app_type"):  # "Further Information": the type, once per application
            more = self._tab("details", query)
        merged = {**more, **dates, **summary}
        ends = max(pages.day(dates.get("neighbour_expiry", "")), pages.day(dates.get("standard_expiry", "")))
        return Application(
            key=key, reference=summary["reference"], proposal=summary["proposal"], address=merged.get("address", ""),
            status=merged.get("status", ""), decision=merged.get("decision", ""),
            decided=pages.day(merged.get("decided", "")), validated=pages.day(merged.get("validated", "")),
            received=pages.day(merged.get("received", "")), consultation_ends=ends,
            appeal_status=merged.get("appeal_status", ""), app_type=merged.get("app_type", ""),
            ward=merged.get("ward", ""), link=urljoin(self.url, f"applicationDetails.do?activeTab=summary&{query}"),
            comment_link=urljoin(self.url, f"applicationDetails.do?activeTab=makeComment&{query}"))

    def _tab(self, tab, query):
        return pages.details(self._fetch(f"applicationDetails.do?activeTab={tab}&{query}"), pages.TAB_TABLES[tab])

    def near(self, lat, lon, radius_m):
        return []  # Public Access has no search by distance: the weekly lists are how it is read


def from_settings(settings, clock=None, sleep=None):
    import time
    gate = Gate(urlsplit(settings["url"]).netloc, gap_s=settings["gap_s"], backoff_s=settings["backoff_s"],
                tries=settings["tries"], quiet=settings["quiet"], budget=settings["budget"], clock=clock,
                sleep=sleep or time.sleep)
    return IdoxPlanning(settings["url"], gate, timeout_s=settings["timeout_s"])
