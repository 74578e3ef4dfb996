"""Which council an Open311 request is for. One endpoint serves every council of
the deployment, each by its jurisdiction_id, as GeoReport v2 defines it "to
distinguish multiple jurisdictions within one API endpoint": named (a council's
id, or the domain its settings give), it makes the request that council's,
whatever address it came to; absent or empty, the address's council keeps it;
one no council has is the spec's 404 naming jurisdiction_id.

The middleware asks (routes.py's council_from) before anything is read, so the
bearer token, the api_key, the categories and the requests are all that
council's; the view then never looks at jurisdiction_id again."""
from ...api.open311_formats import Open311Error
from . import params
from .wording import UNKNOWN_JURISDICTION


def council_of(request):
    """The id of the council the request's jurisdiction_id names; None when it names none."""
    wanted = (_sent(request).get("jurisdiction_id") or "").strip()
    if not wanted:
        return None
    from ...councils.registry import council_for_jurisdiction
    council = council_for_jurisdiction(wanted)
    if council is None:
        raise Open311Error(404, UNKNOWN_JURISDICTION.format(given=wanted[:60]))
    return council


def _sent(request):
    pairs = []
    if request.method == "POST":
        try:
            pairs, _ = params.posted(request)
        except Open311Error:
            pass  # a body that cannot be read: the view refuses it in its turn, as it would have
    return params.given(request.query_params, pairs)
