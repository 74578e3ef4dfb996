"""Modern.gov over HTTP: the one module that asks it anything.

As DemocracyClub/LGSF's scrapers ask it: plain GETs of
`mgWebService.asmx/GetCommittees`, `GetMeetings?lCommitteeId=&sFromDate=
&sToDate=` (dd/mm/yyyy; required in practice, and wide ranges time out, so
the sync asks for a window) and `GetMeeting?lMeetingId=`; a paper is
`mgConvert2PDF.aspx?ID=` (the url its linkeddoc gives); the forward plan
`mgListPlanItems.aspx?PlanId=` and decisions `mgDelegatedDecisions.aspx?DS=2
&DR=from-to` are HTML list pages (list_pages.py).

The same code talks to a council's Modern.gov and to the local one of `make
run` and the tests (doorstep_cli/local/moderngov.py): which one is
configuration alone (config.democracy(): its site root). Plain urllib, a
timeout on every call, a browser-like Accept (some councils' firewalls
challenge clients that send none), and nothing logged of what is answered.
"""
from urllib.parse import urlencode

from ..port import DemocracyError
from . import answers, list_pages

SERVICE = "mgWebService.asmx"


def dmy(iso):
    """YYYY-MM-DD as Modern.gov's dd/mm/yyyy."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def _how(error):
    """timed_out or refused, as far as urllib lets us tell (a timeout may come wrapped in a URLError)."""
    import socket
    reason = getattr(error, "reason", error)
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason).lower():
        return "timed_out"
    return "refused" if isinstance(reason, (ConnectionError, OSError)) else None


class ModernGovDemocracy:
    def __init__(self, url, timeout_s=10.0, plan_id="1"):
        self.url, self.timeout_s, self.plan_id = url.rstrip("/"), timeout_s, plan_id
        self.calls = 0  # requests made: a sync's cost, reported

    def get(self, path, params=()):
        """The raw answer of one GET. Any failure to get a 200 is `unreachable`."""
        from urllib.error import HTTPError, URLError
        from urllib.request import Request, urlopen
        query = f"?{urlencode(list(params))}" if params else ""
        request = Request(f"{self.url}/{path}{query}", headers={
            "Accept": "application/xml, text/xml, text/html;q=0.9, application/pdf;q=0.9, */*;q=0.1",
            "User-Agent": "Doorstep (a council's resident app; reads the public committee pages)"})
        self.calls += 1
        try:
            with urlopen(request, timeout=self.timeout_s) as answer:
                return answer.read(answers.MAX_ANSWER_BYTES + 1)
        except HTTPError as e:
            raise DemocracyError("unreachable", f"HTTP {e.code}", "http_status") from None
        except (URLError, OSError, TimeoutError, ValueError) as e:
            raise DemocracyError("unreachable", type(e).__name__, _how(e)) from None

    def committees(self):
        return answers.committees(self.get(f"{SERVICE}/GetCommittees"))

    def meetings(self, committee, start, end):
        raw = self.get(f"{SERVICE}/GetMeetings", [("lCommitteeId", committee.id), ("sFromDate", dmy(start)),
                                                  ("sToDate", dmy(end))])
        return answers.meetings(raw, committee)

    def meeting(self, meeting_id):
        return answers.meeting(self.get(f"{SERVICE}/GetMeeting", [("lMeetingId", meeting_id)]))

    def paper(self, paper_id):
        """The paper's PDF as mgConvert2PDF.aspx gives it; a restricted paper
        answers a sign-in page, which is not a PDF: refused, never kept."""
        raw = self.get("mgConvert2PDF.aspx", [("ID", paper_id)])
        if not raw.startswith(b"%PDF-"):
            page = bool(answers.CHALLENGE.match(raw[:512]))
            raise DemocracyError("blocked" if page else "malformed", "not a PDF", "html_page" if page else "not_pdf")
        return raw

    def forthcoming(self):
        return list_pages.forthcoming(self.get("mgListPlanItems.aspx", [("PlanId", self.plan_id), ("RP", "0")]))

    def decisions(self, start, end):
        return list_pages.decisions(self.get("mgDelegatedDecisions.aspx", [
            ("DS", "2"), ("DR", f"{dmy(start)}-{dmy(end)}"), ("ACT", "Find"), ("K", "0"), ("V", "0"), ("DM", "0")]))


def from_options(options):
    """The committee system a council's settings name (councils/backoffices.py)."""
    return ModernGovDemocracy(options["url"], timeout_s=options.get("timeout_s") or 10,
                              plan_id=options.get("plan_id") or "1")
