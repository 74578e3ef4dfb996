"""`doorstep sign-petition PT-XXXXXX --signers 200`: many residents sign one
petition at once through the running API (`make run`), then follow their
e-mailed links at once (each twice, as double clicks and mail scanners do),
and the count is read before, between and after: none counted before its
link is followed, exactly as many as signed after. The links are read from
the local outbox (the same tables `make run` serves), as `doorstep outbox`
shows them.

Every request comes from this machine, one client: raise
DOORSTEP_PETITION_CLIENT_LIMIT for the server (say 1000/60) or all past the
limit are kept as suspect and never counted, which is the rate limit at work.
"""
import json
import re
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def add_parser(commands):
    p = commands.add_parser("sign-petition", help="sign a petition as many residents at once through the API, "
                                                  "confirm every signature, and check the count")
    p.add_argument("petition_id")
    p.add_argument("--signers", type=int, default=200)
    p.add_argument("--threads", type=int, default=16)
    p.add_argument("--url", default="http://localhost:8000", help="the running API (default: make run's)")
    p.add_argument("--postcode", default="YO1 7HH")
    return p


def _call(url, path, body=None):
    request = urllib.request.Request(url + path, data=None if body is None else json.dumps(body).encode(),
                                     method="GET" if body is None else "POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _token(email):
    """The newest confirmation token mailed to `email`, from the outbox."""
    from chalicelib.storage.outbox import OutboxStore
    rows = OutboxStore().newest(5, to=email)
    found = [t for m in rows for t in re.findall(r"/petitions/confirm\?token=([\w.-]+)", m.body or "")]
    return found[-1] if found else None


def sign_and_count(url, petition_id, signers, threads=16, postcode="YO1 7HH", tag=None):
    """{before, after_signing, after_confirming, counted, sign_s, confirm_s}."""
    tag = tag or time.strftime("%H%M%S")
    emails = [f"signer.{tag}.{n}@example.org" for n in range(signers)]
    count = lambda: _call(url, f"/v1/petitions/{petition_id}")["signature_count"]  # noqa: E731
    before = count()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(lambda n: _call(url, f"/v1/petitions/{petition_id}/signatures", {
            "name": f"Signer {n}", "email": emails[n], "postcode": postcode, "in_area": True}), range(signers)))
    signed_s, between = time.perf_counter() - started, count()
    tokens = [_token(e) for e in emails]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(lambda t: _call(url, "/v1/signatures/confirm", {"token": t}), [t for t in tokens if t] * 2))
    confirm_s, after = time.perf_counter() - started, count()
    return {"before": before, "after_signing": between, "after_confirming": after, "counted": after - before,
            "mailed": sum(1 for t in tokens if t), "sign_s": round(signed_s, 2), "confirm_s": round(confirm_s, 2)}


def run(args):
    from .stage import connect
    connect(args.stage)
    result = sign_and_count(args.url.rstrip("/"), args.petition_id, args.signers, args.threads, args.postcode)
    print(f"{args.signers} signatures from {args.threads} threads in {result['sign_s']} s: count "
          f"{result['before']} -> {result['after_signing']} before any link was followed")
    print(f"{result['mailed']} links followed twice each in {result['confirm_s']} s: count "
          f"{result['after_confirming']} ({result['counted']:+d})")
    return 0 if result["counted"] == args.signers and result["after_signing"] == result["before"] else 1
