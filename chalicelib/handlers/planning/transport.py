"""One request to a register, as the Gate sends it: (status, headers, body)
whatever the status (a 429 is the Gate's to wait on), and a failure to get
any answer a PlanningError("unreachable")."""
from .port import PlanningError


def answer(open_, request, timeout_s, max_bytes):
    from urllib.error import HTTPError, URLError
    try:
        with open_(request, timeout=timeout_s) as found:
            return found.status, dict(found.headers), found.read(max_bytes)
    except HTTPError as e:
        return e.code, dict(e.headers or {}), b""
    except (URLError, OSError, TimeoutError, ValueError) as e:
        raise PlanningError("unreachable", type(e).__name__) from None
