"""A second Doorstep acting as the county (doorstep_cli/local/county.py), in a
process of its own with storage of its own, reached over real HTTP."""
import json
import os
import secrets
import subprocess
import urllib.request
from pathlib import Path

import pytest

from doorstep_cli.local.county import command

ROOT = Path(__file__).resolve().parents[2]


class County:
    def __init__(self, url, key, email, password, process=None, log=None):
        self.url, self.key, self.email, self.password = url, key, email, password
        self.process, self.log = process, log  # its process (stdout: the pipe read for its URL) and log file
        self.open311 = f"{url}/open311/v2"
        self._token = None

    def call(self, method, path, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, dict(answer.headers), json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), json.loads(e.read() or b"null")

    def as_officer(self, method, path, body=None, headers=None):
        if self._token is None:
            status, _, answer = self.call("POST", "/v1/auth/login", {"email": self.email, "password": self.password})
            assert status == 200, answer
            self._token = answer["access_token"]
        return self.call(method, path, body, {"Authorization": f"Bearer {self._token}", **(headers or {})})

    def mark(self, report_id, status, text=None):
        """The county's officer changes the report's state at their own desk."""
        code, headers, _ = self.as_officer("GET", f"/v1/staff/reports/{report_id}")
        assert code == 200
        change = {"status": status, **({"public_update": text} if text else {})}
        code, _, answer = self.as_officer("PATCH", f"/v1/staff/reports/{report_id}", change,
                                          {"If-Match": headers["ETag"]})
        assert code == 200, answer
        return answer


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    key, password = "o311_" + secrets.token_urlsafe(24), secrets.token_urlsafe(16)
    email = "officer@county.example"
    data = tmp_path_factory.mktemp("county")
    log = data / "county.log"  # its moto logs every request: kept for a failure's message, not the pipe
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            command(0, key, data, email, password),
            cwd=ROOT, stdout=subprocess.PIPE, stderr=log_file, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = process.stdout.readline()
        if not line:
            process.wait(timeout=20)
            tail = [row for row in log.read_text(errors="replace").splitlines() if "HTTP/1.1" not in row][-40:]
            pytest.fail(f"the county stack did not start (exit {process.returncode}):\n" + "\n".join(tail),
                        pytrace=False)
        yield County(json.loads(line)["url"], key, email, password, process, log)
    finally:
        process.terminate()
        process.wait(timeout=20)
