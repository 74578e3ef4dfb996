"""Another body's Open311 server, written apart from Doorstep and answering as
a Confirm-style back office behind mySociety's open311-adapter does, over
real HTTP, in JSON or XML by the path's extension:

- POST requests.{fmt}: a service_request_id, or (deferred) a token only,
  its id given by GET tokens/{token}.{fmt} after `token_lookups` asks;
- GET servicerequestupdates.{fmt}: its updates between start_date and
  end_date (both required: the adapter reads end_date without checking it),
  in JSON bare or wrapped as {"service_requests_updates": [...]};
- jurisdiction_id required when it has one; an api_key always.

It keeps what it was asked (posts, queries) for the tests to read; it never
honours Idempotency-Key (Confirm does not)."""
import json
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

BASE = "/open311/v2"


def _moment(text):
    return datetime.strptime(text.replace("+00:00", "Z"), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


class ConfirmBody:
    def __init__(self, jurisdiction=None, deferred=False, token_lookups=2, wrapped=False, port=0):
        self.jurisdiction, self.deferred, self.token_lookups, self.wrapped = jurisdiction, deferred, token_lookups, wrapped
        self.updates_answer = None  # bytes: answer servicerequestupdates with these instead (nonsense, say)
        self.posts, self.queries, self.token_asks, self.updates = [], [], [], []
        self.tokens = {}  # token -> [the id it stands for, lookups so far]
        self.lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                size = int(self.headers.get("Content-Length") or 0)
                form = {k: v for k, v in parse_qs(self.rfile.read(size).decode()).items()}
                self.reply(*owner.post(urlsplit(self.path).path, form))

            def do_GET(self):
                parts = urlsplit(self.path)
                self.reply(*owner.get(parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}))

            def reply(self, status, kind, data):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}{BASE}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # What the back office does.
    def post(self, path, form):
        fmt = path.rsplit(".", 1)[-1]
        problem = self._refused(*(form.get(k, [None])[0] for k in ("api_key", "jurisdiction_id")))
        if problem:
            return self.errors(fmt, 400, problem)
        if path not in (f"{BASE}/requests.json", f"{BASE}/requests.xml"):
            return self.errors(fmt, 404, "Not found")
        with self.lock:
            self.posts.append(form)
            number = len(self.posts)
            if self.deferred:
                token = f"TK{number:04d}"
                self.tokens[token] = [f"CNF{number:05d}", 0]
                return self.answer(fmt, "service_requests", "request", [{"token": token}])
        return self.answer(fmt, "service_requests", "request", [{"service_request_id": f"CNF{number:05d}"}])

    def get(self, path, query):
        fmt = path.rsplit(".", 1)[-1]
        problem = self._refused(query.get("api_key"), query.get("jurisdiction_id"))
        if problem:
            return self.errors(fmt, 400, problem)
        if path.startswith(f"{BASE}/tokens/"):
            return self._token(fmt, path[len(f"{BASE}/tokens/"):].rsplit(".", 1)[0])
        if path in (f"{BASE}/servicerequestupdates.json", f"{BASE}/servicerequestupdates.xml"):
            return self._updates(fmt, query)
        return self.errors(fmt, 404, "Not found")

    def _refused(self, api_key, jurisdiction):
        if not api_key:
            return "api_key is required"
        if self.jurisdiction and jurisdiction != self.jurisdiction:
            return "jurisdiction_id is not known"
        return None

    def _token(self, fmt, token):
        with self.lock:
            self.token_asks.append(token)
            if token not in self.tokens:
                return self.errors(fmt, 404, "No such token")
            entry = self.tokens[token]
            entry[1] += 1
            if entry[1] < self.token_lookups:
                return self.answer(fmt, "service_requests", "request", [{"token": token}])
            return self.answer(fmt, "service_requests", "request", [{"service_request_id": entry[0], "token": token}])

    def _updates(self, fmt, query):
        with self.lock:
            self.queries.append(query)
        if self.updates_answer is not None:
            return 200, "application/json", self.updates_answer
        # The adapter's Confirm integration reads both ends without checking them.
        try:
            start, end = _moment(query["start_date"]), _moment(query["end_date"])
        except (KeyError, ValueError):
            return self.errors(fmt, 500, "Can't call method \"epoch\" on an undefined value")
        found = [u for u in self.updates if start <= _moment(u["updated_datetime"]) <= end]
        if fmt == "json" and self.wrapped:
            return 200, "application/json", json.dumps({"service_requests_updates": found}).encode()
        return self.answer(fmt, "service_requests_updates", "request_update", found)

    def add_update(self, reference, update_id, at, status="CLOSED", description="", external_status_code=None):
        update = {"update_id": update_id, "service_request_id": reference, "status": status,
                  "updated_datetime": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "description": description,
                  "media_url": ""}
        if external_status_code:
            update["external_status_code"] = external_status_code
        self.updates.append(update)

    # Its wire formats.
    def answer(self, fmt, root, item, rows):
        if fmt == "json":
            return 200, "application/json; charset=utf-8", json.dumps(rows).encode()
        body = "".join(f"<{item}>" + "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in row.items()) + f"</{item}>"
                       for row in rows)
        return 200, "text/xml; charset=utf-8", f'<?xml version="1.0" encoding="utf-8"?><{root}>{body}</{root}>'.encode()

    def errors(self, fmt, status, description):
        if fmt == "json":
            return status, "application/json", json.dumps([{"code": status, "description": description}]).encode()
        return status, "text/xml", (f"<?xml version='1.0'?><errors><error><code>{status}</code>"
                                    f"<description>{escape(description)}</description></error></errors>").encode()
