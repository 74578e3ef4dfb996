"""Civica OpenRevenues over HTTP: the one module that speaks its `docid` protocol.

As Stockport's adapter (smbc-digital/civica-service) speaks it: one URL, every
call a GET (hbsel a form POST) of `?outputtype=xml&docid=...&sessionId=...`,
an XML answer (answers.py reads it). A session starts with `crmlogin` (the
service's user and password; ErrorCode "5" is success), `cocrmper` puts a
person on it ("Person Reference Set"), and then order matters: `ctxdet`
silently makes its account the session's current account, and `irins`,
`ctxtrn`, `ctxprop` and `docdl` answer for whatever account is current. So a
CivicaSession remembers the current account and calls `ctxdet` first whenever
another one is wanted; nothing outside this module sees a session id.

The same code talks to a council's Civica and to the local back office of
`make run` and the tests (doorstep_cli/local/civica.py): which one is
configuration alone (config.revenues()). Plain urllib with a timeout on every
call, nothing logged of what is asked or answered (references, names and
balances stay out of logs).

Another vendor (Capita/NEC Revenues, say) plugs in beside this module, not
into it: a `capita/` folder whose class offers `available()`, `check_account(reference)`, `calls`,
`session(person_ref)` and `account_session(reference)` returning an object with the RevenuesSession
methods of ../port.py, reading its own protocol into port.py's values
(pence, ISO dates, `BackOfficeError` with unreachable/malformed/refused);
config.revenues() grows a DOORSTEP_REVENUES_VENDOR setting that
backoffice.configured() reads to pick the class; and a local back office
speaking that protocol joins doorstep_cli/local/. Linking, the view, the
cache and the routes do not change: they see only the port.
"""
from urllib.parse import urlencode

from . import answers as xml
from ..port import BackOfficeError


class CivicaRevenues:
    def __init__(self, url, user, password, timeout_s=8.0):
        self.url, self.user, self.password, self.timeout_s = url, user, password, timeout_s
        self.calls = 0  # requests made: a view's cost, reported

    def request(self, params, form=None):
        """The raw answer of one call. Any failure to get a 200 is
        `unreachable` (Civica's nightly window answers a maintenance page)."""
        from urllib.error import HTTPError, URLError
        from urllib.request import Request, urlopen
        query = urlencode([("outputtype", "xml"), *params])
        data = urlencode(form).encode() if form is not None else None
        request = Request(f"{self.url}?{query}", data=data, method="POST" if form is not None else "GET",
                          headers={"Accept": "application/xml, application/pdf"})
        self.calls += 1
        try:
            with urlopen(request, timeout=self.timeout_s) as answer:
                return answer.read(xml.MAX_ANSWER_BYTES + 1)
        except HTTPError as e:
            raise BackOfficeError("unreachable", f"HTTP {e.code}") from None
        except (URLError, OSError, TimeoutError) as e:
            raise BackOfficeError("unreachable", type(e).__name__) from None

    def answer(self, params, form=None):
        return xml.parse(self.request(params, form))

    def login(self):
        return xml.session_id(self.answer([("docid", "crmlogin"), ("userid", self.user),
                                           ("password", self.password)]))

    def available(self):
        """A login and nothing more (Stockport's availability check)."""
        self.login()

    def check_account(self, reference):
        """crmlogin, cocrmper by council tax reference, ctxdet, ctxprop: the
        same four calls whether or not the account exists, so the time taken
        says nothing of it. After the login, any answer about the account that
        is not a usable one (an error code, or a shape we do not read: Civica
        words "no such account" in more ways than one) is "no such account",
        the same 422 as a wrong check; only a back office we cannot reach is
        the back office's failure."""
        sid = self.login()
        person, details, places = (self._about_account(params) for params in (
            [("SessionId", sid), ("docid", "cocrmper"), ("ctaxref", reference)],
            [("sessionId", sid), ("docid", "ctxdet"), ("actref", reference)],
            [("sessionId", sid), ("docid", "ctxprop"), ("proplist", "y")]))
        try:
            if person is None or details is None or places is None:
                return None
            xml.person_set(person)
            if xml.error_code(details)[0] is not None and details.tag != "CtaxDetails":
                return None
            return xml.checks(details, places)
        except BackOfficeError:
            return None

    def _about_account(self, params):
        """One call's answer, or None when it came but cannot be read;
        unreachable still raises (asked in order, every call made)."""
        try:
            return self.answer(params)
        except BackOfficeError as e:
            if e.kind == "unreachable":
                raise
            return None

    def session(self, person_ref):
        return CivicaSession(self, ("personref", person_ref))

    def account_session(self, reference):
        """A session on the account's lead person (cocrmper by ctaxref), for
        staff's lookup: one session where a check and a view made two."""
        return CivicaSession(self, ("ctaxref", reference))

    def post_payment(self, posting):
        """The back office's reference for a card payment (or its reversal)
        posted to an account (payments.py: the calls are ours, in Civica's style)."""
        from .payments import post
        return post(self, posting)

    def premises(self, uprn):
        """Non-domestic premises by UPRN (nndr.py: the calls are ours, in Civica's style)."""
        from .nndr import premises
        return premises(self, uprn)

    def start_occupation(self, details, key):
        from .nndr import occupation
        return occupation(self, details, key)

    def send_request(self, person_ref, account_ref, kind, details, key):
        """A resident's request on a session of its own: the back office's
        reference (requests.py: the calls are ours, in Civica's style)."""
        from .requests import send
        return send(self, person_ref, account_ref, kind, details, key)

    def move_answer(self, person_ref, account_ref, key):
        """What the back office says of a move request (requests.py)."""
        from .requests import move_answer
        return move_answer(self, person_ref, account_ref, key)

    def check_landlord(self, creditor_ref, claim_ref=""):
        """A landlord's registering facts (landlords.py: the calls are ours, LANDLORDS.md)."""
        from .landlords import check
        return check(self, creditor_ref, claim_ref)

    def landlord_session(self, creditor_ref):
        """A session on a landlord, the port's second kind of party (../landlord_port.py)."""
        from .landlords import CivicaLandlordSession
        return CivicaLandlordSession(self, creditor_ref)


class CivicaSession:
    """One Civica session for one person, keeping Civica's call order.
    `person` is how cocrmper names them: ("personref", ref), or ("ctaxref",
    account) for the account's lead person."""

    def __init__(self, civica, person):
        self.civica, self.person = civica, person
        self.sid = self.current = None
        self.read = {}  # (account, year) -> ctxdet's answer: the summary and the liable people share one call

    def __enter__(self):
        self.sid = self.civica.login()
        xml.person_set(self.civica.answer([("SessionId", self.sid), ("docid", "cocrmper"), self.person]))
        return self

    def __exit__(self, *exc):
        self.sid = self.current = None  # Civica has no logout; its sessions time out
        self.read = {}

    def _call(self, docid, *params, form=None):
        return self.civica.answer([("sessionId", self.sid), ("docid", docid), *params], form)

    def _details(self, account_ref, year):
        root = self._call("ctxdet", ("actref", account_ref), ("year", str(year)))
        xml.expect(root, "CtaxDetails")
        self.current = account_ref  # Civica's side effect, mirrored
        self.read[(account_ref, year)] = root
        return root

    def _read_details(self, account_ref, year):
        return self.read.get((account_ref, year)) or self._details(account_ref, year)

    def _make_current(self, account_ref, year):
        if self.current != account_ref:
            self._details(account_ref, year)

    def summary(self, account_ref, year):
        return xml.summary(self._read_details(account_ref, year), year)

    def liable(self, account_ref, year):
        """The account's liable people (for staff: never shown to a resident)."""
        return xml.liable(self._read_details(account_ref, year))

    def instalments(self, account_ref, year):
        self._make_current(account_ref, year)
        return xml.instalments(self._call("irins", ("recno", "1"), ("module", "C"), ("recyear", str(year))))

    def transactions(self, account_ref, year):
        self._make_current(account_ref, year)
        return xml.transactions(self._call("ctxtrn", ("recyear", str(year)), ("trantype", "All")))

    def properties(self, account_ref, year):
        self._make_current(account_ref, year)
        return xml.properties(self._call("ctxprop", ("proplist", "y")))

    def documents(self):
        """Every document of the person's (bills: module C; benefit letters: H)."""
        return xml.documents(self._call("viewdoc", ("type", "all")))

    def document_pdf(self, account_ref, document_id, year):
        self._make_current(account_ref, year)
        raw = self.civica.request([("sessionId", self.sid), ("docid", "docdl"), ("document", document_id)])
        if len(raw) > xml.MAX_ANSWER_BYTES:  # read only so far: the rest of the file would be cut off
            raise BackOfficeError("malformed", "answer too large")
        if raw.startswith(b"%PDF-"):
            return raw
        root = xml.parse(raw)
        code, description = xml.error_code(root)
        raise BackOfficeError("refused" if code else "malformed", description or "not a PDF", code)

    def benefit_claims(self):
        return xml.claims(self._call("hbsel", form={"claimsts": "All"}))

    def benefit_claim(self, number, place_ref):
        return xml.claim(self._call("hbdet", ("claimref", number), ("placeref", place_ref)))

    def benefit_payments(self, kind):
        """kind "housing" (Civica's type=prp) or "council_tax" (type=ctp)."""
        return xml.benefit_payments(self._call("hbpaydet", ("type", {"housing": "prp"}.get(kind, "ctp"))), kind)

    def rent_accounts(self):
        """The person's council rent accounts (rents.py: docids assumed)."""
        from . import rents as civica_rents
        return civica_rents.accounts(self._call("rntsel"))

    def rent_transactions(self, reference, year):
        from . import rents as civica_rents
        return civica_rents.transactions(self._call("rnttrn", ("rentref", reference), ("recyear", str(year))))


def from_options(options):
    """The back office a council's settings name (councils/backoffices.py), its secrets resolved."""
    return CivicaRevenues(options["url"], options.get("user") or "", options.get("password") or "",
                          timeout_s=options.get("timeout_s") or 8)

