"""API Gateway's way with path values, for the two places the app runs
without it: `make run`'s server (devserver.py) and Chalice's test client.

Both route through chalice.local's LocalGateway, which hands each path
parameter to the app as the URL spelt it. API Gateway (a REST API's Lambda
proxy event) hands it percent-decoded: the web app writes a move's part
`alert:al12` as `alert%3Aal12` (encodeURIComponent), and on AWS the view
reads `alert:al12`. Left as spelt, the edge's check (api/edge.py: a path
value is a segment's characters once decoded) refused every such value with
404, so a choice could be made on AWS and never under `make run`.

So the decoding belongs here, in the stand-in for API Gateway, and not in
the app: on AWS a value arrives decoded once, and an app that decoded again
would read `%2541` as `A`. Decoded as RFC 3986 paths are (`+` stays `+`); a
value that decodes to a `/`, a space or a byte that is not UTF-8 is still
one segment, which the edge then refuses as no id.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from chalice.local import LocalGateway


def decoded(params: dict[str, str] | None) -> dict[str, str] | None:
    """Path parameters as API Gateway passes them to Lambda: each value percent-decoded once."""
    if not params:
        return params
    return {name: unquote(value) for name, value in params.items()}


class ApiGateway(LocalGateway):
    """chalice.local's stand-in for API Gateway, handing path values on decoded as API Gateway does."""

    def _generate_lambda_event(self, method: str, path: str, headers: Any, body: Any) -> dict[str, Any]:
        event = super()._generate_lambda_event(method, path, headers, body)
        event["pathParameters"] = decoded(event.get("pathParameters"))
        return event


def use_in_chalice_test() -> None:
    """Chalice's test client (chalice.test.Client) builds its gateway by this name: the tests route as
    `make run` and AWS do."""
    import chalice.test
    chalice.test.LocalGateway = ApiGateway
