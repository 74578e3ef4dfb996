"""How `bench.crewday` talks to a running stack: HTTP calls, a phone's photos
(uploaded as a phone does, read back as a browser does), and staff and crew
accounts made as the README says (the `doorstep` command, the password link
from `doorstep outbox`, then the API's own sign-in)."""
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

PASSWORD = "a long crew day password 7"
ROOT = Path(__file__).resolve().parent.parent


class Failed(Exception):
    """An expectation of the journey that the stack did not meet."""


def expect(condition, what):
    if not condition:
        raise Failed(what)


class Api:
    """One base URL, spoken to over real HTTP; every answer is (status, headers, JSON or None)."""

    def __init__(self, base):
        parts = urlsplit(base)
        expect(parts.scheme == "http" and parts.hostname, f"--base must be http://host:port, not {base!r}")
        self.host, self.port = parts.hostname, parts.port or 80

    def call(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            conn.request(method, path, body=json.dumps(body) if body is not None else None,
                         headers={"Content-Type": "application/json", **(headers or {})})
            response = conn.getresponse()
            raw = response.read()
            try:
                answer = json.loads(raw) if raw else None
            except ValueError:
                answer = raw.decode(errors="replace")
            return response.status, {k.lower(): v for k, v in response.getheaders()}, answer
        except OSError as e:
            raise Failed(f"{method} http://{self.host}:{self.port}{path}: {e} (is `make run` up there?)")
        finally:
            conn.close()

    def upload(self, data, auth=None):
        """What a phone does with a photo: ask for a presigned form, then post the file to S3 with it."""
        import requests
        status, _, form = self.call("POST", "/v1/uploads", {"content_type": "image/jpeg", "size": len(data)}, auth)
        expect(status == 201, f"POST /v1/uploads answered {status}: {form}")
        sent = requests.post(form["url"], data=form["fields"], files={"file": ("photo.jpg", data, "image/jpeg")},
                             timeout=60)
        expect(sent.status_code in (200, 204), f"the presigned upload answered {sent.status_code}: {sent.text}")
        return form["upload_id"], status, sent.status_code


def photo(colour):
    """A phone's JPEG that says where it was taken (the API must drop the GPS)."""
    import io
    from PIL import Image
    image, exif = Image.new("RGB", (64, 48), colour), Image.Exif()
    exif[0x8825] = {1: "N", 2: (53.0, 57.0, 44.0), 3: "W", 4: (1.0, 4.0, 55.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def photo_check(url):
    """The photo as a browser gets it (through the API's redirect): a JPEG without its GPS."""
    import io
    import requests
    from PIL import Image
    got = requests.get(url, timeout=60)
    expect(got.status_code == 200, f"GET {url} answered {got.status_code}")
    image = Image.open(io.BytesIO(got.content))
    expect(image.format == "JPEG" and not image.getexif().get_ifd(0x8825), f"{url} keeps its GPS")
    hops = " -> ".join(str(r.status_code) for r in [*got.history, got])
    return f"GET -> {hops}, {image.format} {image.size[0]}x{image.size[1]}, no GPS"


def doorstep(*args):
    """The `doorstep` command beside this Python, from the project's directory (where `make run` keeps
    ./.data, unless DOORSTEP_DATA_DIR says otherwise)."""
    command = Path(sys.executable).with_name("doorstep")
    command = str(command) if command.exists() else shutil.which("doorstep")
    expect(command, "no `doorstep` command: run this with the project's .venv/bin/python (`make run` makes it)")
    done = subprocess.run([command, *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ))
    expect(done.returncode == 0, f"doorstep {' '.join(args)} failed: {done.stdout}{done.stderr}")
    return done.stdout


def ensure_teams(*ids):
    """The teams the journey needs: `make run`'s demo teams, or made now."""
    listed = doorstep("teams", "list")
    present = {line.split("\t")[0] for line in listed.splitlines() if "\t" in line and "retired" not in line}
    made = []
    for team in ids:
        if team not in present:
            doorstep("teams", "create", "--id", team, "--name", f"{team.title()} crew")
            made.append(team)
    return made


def account(api, email, role, name, team=None):
    """An account made with `doorstep users create`, its password chosen through the e-mailed link, signed in:
    the Authorization header."""
    doorstep("users", "create", "--email", email, "--role", role, "--name", name, *(["--team", team] if team else []))
    mail = doorstep("outbox", "--to", email, "--last", "1")
    link = re.search(r"reset-password\?token=(\S+)", mail)
    expect(link, f"no password link for {email} in the outbox: {mail}")
    status, _, body = api.call("POST", "/v1/auth/password-reset/confirm", {"token": link.group(1),
                                                                           "password": PASSWORD})
    expect(status == 200, f"setting {email}'s password answered {status}: {body}")
    status, _, body = api.call("POST", "/v1/auth/login", {"email": email, "password": PASSWORD})
    expect(status == 200, f"{email} could not sign in ({status}: {body}); is `make run` serving --base from this "
                          "directory's DOORSTEP_DATA_DIR?")
    expect(body["user"]["role"] == role, f"{email} signed in as {body['user']['role']}, not {role}")
    return {"Authorization": f"Bearer {body['access_token']}"}
