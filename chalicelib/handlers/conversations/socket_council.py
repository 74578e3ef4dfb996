"""Which council a socket is for. On AWS the WebSocket API has one address
for every council (API Gateway's own, where `domainName` names none), so a
page names its own host (?council=york.example.gov.uk) and the $connect
route's REQUEST authoriser turns it into the council's id, kept in the
connection's authoriser context: API Gateway hands that context to every
later event of the connection ($default, $disconnect), so a frame is
answered for the council the connection was opened for. Naming a council is
no more than typing its address (as X-Doorstep-Host behind CloudFront):
whose conversation it is, and who the caller is, the $connect handler checks
as before. On one machine each council's sockets are at its own address,
and the local WebSocket API runs the same authoriser (local/sockets.py)."""

FUNCTION = "chat_socket_authorise"  # app.py's pure function, wired to $connect (infra/template/sockets.py)
MOST_HOST = 253


def authorise(event):
    """A REQUEST authoriser's answer (an IAM policy) for the $connect in `event`."""
    host = ((event.get("queryStringParameters") or {}).get("council") or "").strip()
    council = _council_at(host) if 0 < len(host) <= MOST_HOST else None
    answer = {"principalId": "socket", "policyDocument": {"Version": "2012-10-17", "Statement": [
        {"Action": "execute-api:Invoke", "Effect": "Allow" if council else "Deny",
         "Resource": event.get("methodArn") or "*"}]}}
    if council:
        answer["context"] = {"council": council}
    return answer


def _council_at(host):
    from ...councils.registry import NoCouncilHere, ServiceEnded, council_for_host
    try:
        return council_for_host(host)
    except (NoCouncilHere, ServiceEnded):  # none here, or one that has left: no socket
        return None


def kept(event):
    """The council the connection's authoriser kept, or None (no authoriser: one machine's sockets)."""
    context = (event.get("requestContext") or {}).get("authorizer") or {}
    return context.get("council") or None
