"""What the forms tests share: the demo definitions, read fresh for each use."""
import copy
import json
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo" / "forms"
# Forms the tests keep as the engine's examples, no longer the demo council's (complaints, comments and
# compliments: the app's front door took its place, docs/decisions/feedback.md).
EXAMPLES = Path(__file__).resolve().parents[1] / "forms" / "examples"
_read = {}


def demo(form_id):
    """A demo form's definition (or a kept example's), a copy the test may change."""
    if form_id not in _read:
        path = DEMO / f"{form_id}.json"
        _read[form_id] = json.loads((path if path.exists() else EXAMPLES / f"{form_id}.json").read_text())
    return copy.deepcopy(_read[form_id])


def fields(answer):
    """{path: message} of an error answer (the one error shape's fields)."""
    return {f["field"]: f["message"] for f in answer.json_body["error"]["fields"]}


def admin(deps):
    """deps as an administrator (the command's own operator)."""
    from doorstep_cli.forms import operator
    return operator(deps)


def published(deps, form_id, definition=None):
    """A demo form (or `definition`) loaded and published, its team made first: its head's view."""
    from doorstep_cli.forms import load_definition
    definition = definition or demo(form_id)
    team_of(deps, definition)
    return load_definition(admin(deps), definition, publish=True)


def team_of(deps, definition):
    """The team a form's cases go to, made if the test's council has none yet (a form naming a team that
    does not exist is refused when loaded)."""
    from chalicelib.storage.records import Team
    team_id = (definition.get("receiving") or {}).get("team")
    if team_id and deps.teams.get(team_id) is None:
        deps.teams.create(Team(id=team_id, name=team_id.replace("-", " ").capitalize(), created_at=deps.clock()))
    return team_id


def put(client, path, body, headers=None):
    return client.raw.http.put(path, body=json.dumps(body),
                               headers={"Content-Type": "application/json", **(headers or {})})


class Filler:
    """A resident completing a form over HTTP: anonymous (by its token) or signed in."""

    def __init__(self, client, form_id, auth=None, key=None):
        self.client, self.auth = client, dict(auth or {})
        headers = {**self.auth, **({"Idempotency-Key": key} if key else {})}
        self.started = client.post(f"/v1/forms/{form_id}/submissions", {}, headers)
        assert self.started.status_code == 201, self.started.json_body
        self.id = self.started.json_body["id"]
        if "token" in self.started.json_body:
            self.auth["Form-Token"] = self.started.json_body["token"]

    def answer(self, page_id, **answers):
        return put(self.client, f"/v1/form-submissions/{self.id}/pages/{page_id}", {"answers": answers}, self.auth)

    def page(self, page_id):
        return self.client.get(f"/v1/form-submissions/{self.id}/pages/{page_id}", self.auth)

    def read(self):
        return self.client.get(f"/v1/form-submissions/{self.id}", self.auth)

    def check(self):
        return self.client.get(f"/v1/form-submissions/{self.id}/check", self.auth)

    def submit(self, **body):
        return self.client.post(f"/v1/form-submissions/{self.id}/submit", body, self.auth)


CONTACT = {"name": {"first": "Ada", "last": "Lovelace"}, "email": "ada@example.org", "phone": ""}


def charity_branch(filler, files):
    """The grant enquiry answered as a charity, up to check your answers."""
    steps = [("applicant-type", {"applicant_type": "charity"}),
             ("charity", {"charity_name": "York Food Bank", "charity_number": "1123456"}),
             ("accounts", {"accounts": files}),
             ("project", {"project": "A second van for deliveries.", "amount": "12000"}),
             ("contact", CONTACT)]
    for page_id, answers in steps:
        saved = filler.answer(page_id, **answers)
        assert saved.status_code == 200, saved.json_body
    return saved


def uploaded(client, deps, data, content_type="image/jpeg", auth=None, claimed=None):
    """An upload made as a phone makes it: the upload's form asked for (`claimed` its size said), then its
    bytes put in storage."""
    from chalicelib.storage.blobs import UPLOAD_PREFIX
    made = client.post("/v1/uploads", {"content_type": content_type, "size": claimed or len(data)}, auth)
    assert made.status_code == 201, made.json_body
    deps.blobs.write(UPLOAD_PREFIX + made.json_body["upload_id"], data, content_type)
    return made.json_body["upload_id"]


def small_png():
    import io
    from PIL import Image
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 40)).save(out, "PNG")
    return out.getvalue()
