"""The link in a message about a form's case: a signed single-purpose token
naming the case and its form's reference, opening the case's status page
(`/form-case#<token>`: in the fragment, out of server logs, as a body's
officer link is; read by `GET /v1/form-cases/{token}`), which shows what the
message itself says (the form, its FM- reference, the state, the council's
latest words) and nothing the resident sent. The resident it is sent to may
have no account and no tracking token: a form's case is private, so the
report's own page (`/?report=DS-...`) shows them nothing.

It does not expire: it reveals no more than the e-mail that carries it, and
once the form's retention ends the case keeps its state alone. Signed as every
message link is (shared/signed_links.py) under a label of its own; built on
the configured base (config.links_base), never a request's headers."""
from ..shared.signed_links import seal, unseal

LABEL = b"form-case-link"
TOKEN_MAX = 200
PAGE = "/form-case"


def url(base, report, form_reference):
    return f"{base}{PAGE}#{seal(LABEL, [report.id, form_reference])}"


def read(token):
    """(report id, FM- reference) a genuine token names; None for anything else."""
    parts = unseal(token, LABEL, TOKEN_MAX)
    return tuple(parts) if parts is not None and len(parts) == 2 else None
