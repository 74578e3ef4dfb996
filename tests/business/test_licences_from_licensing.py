"""A business's licences are the council's licensing types: offered with a link to apply at the
council's own address carrying the business's name and premises, and the page follows the resident's
application for them (not applied, applied with its reference and state, granted) in a bounded
number of reads. An activity naming a licence type the council does not have is refused."""
import json
import re
import shutil
from urllib.parse import parse_qs, urlsplit

from support.business_support import CORNER_CAFE, DISTRICT, DISTRICT_HOST, at, newcastle, parts_of, resident_at, tell  # noqa: F401
from support.councils_support import DEMO
from support.revenues_support import council_morning  # noqa: F401 (fixture)


def _apply(client, owner, link, key="licence-one"):
    query = parse_qs(urlsplit(link).query)
    body = {"type": "premises-licence", "band": "A", "premises": {
        "name": query["name"][0], "address": query["address"][0], "uprn": query["uprn"][0]}}
    return client.post("/v1/licensing/cases", body, at(DISTRICT_HOST, {**owner.auth, "Idempotency-Key": key}))


def test_the_cafes_premises_licence_links_to_applying_at_the_council_with_its_name_and_address(
        client, deps, people, newcastle, council_morning):
    owner = resident_at(people, DISTRICT)
    told = tell(client, owner, {"uprn": CORNER_CAFE, "trading_name": "The Corner Cafe"})
    licence = parts_of(told)["licence:premises-licence"]
    assert licence["state"] == "not_applied"
    assert licence["facts"]["licence_name"] == "Premises licence (alcohol, entertainment, late night refreshment)"
    page = client.get(f"/v1/me/businesses/{told.json_body['id']}",
                      at(DISTRICT_HOST, {**owner.auth, "X-Forwarded-Host": "evil.example", "Forwarded": "host=evil.example"}))
    link = parts_of(page)["licence:premises-licence"]["facts"]["link"]
    assert "evil.example" not in link and urlsplit(link).path == "/licensing/apply/premises-licence"
    assert urlsplit(link).hostname == "newcastle.localhost"  # the council's own address, from its configuration
    query = parse_qs(urlsplit(link).query)
    assert query["name"] == ["The Corner Cafe"] and query["uprn"] == [CORNER_CAFE]
    assert "24 High Street" in query["address"][0]


def test_the_page_follows_the_licence_from_applied_to_granted_in_the_same_few_reads(
        client, deps, people, newcastle, council_morning):
    from chalicelib import tenancy
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.licensing import desk
    from chalicelib.handlers.licensing.applying import receive
    owner = resident_at(people, DISTRICT)
    told = tell(client, owner, {"uprn": CORNER_CAFE, "trading_name": "The Corner Cafe"})
    page_of = f"/v1/me/businesses/{told.json_body['id']}"

    def read():
        answer = client.get(page_of, at(DISTRICT_HOST, owner.auth))
        queries = int(re.search(r"queries=(\d+)", answer.headers["Server-Timing"]).group(1))
        return parts_of(answer)["licence:premises-licence"], queries

    before, reads_before = read()
    link = before["facts"]["link"]
    # Another premises' application by the same resident is not this café's licence.
    other = client.post("/v1/licensing/cases", {"type": "premises-licence", "band": "A", "premises": {
        "name": "Elsewhere", "address": "1 Other Street", "uprn": "990100000001"}},
        at(DISTRICT_HOST, {**owner.auth, "Idempotency-Key": "elsewhere"}))
    assert other.status_code == 201, other.body
    made = _apply(client, owner, link)
    assert made.status_code == 201, made.body
    applied, reads_applied = read()
    assert applied["state"] == "applied" and applied["facts"]["case"] == {"id": made.json_body["id"], "state": "draft"}
    assert made.json_body["id"] in applied["text"] and "not paid yet" in applied["text"]
    assert applied["facts"]["link"] == f"/licensing/cases/{made.json_body['id']}"
    with tenancy.acting_for(DISTRICT):
        case = deps.licensing.get(made.json_body["id"])
        case.state, case.payment_id = "paying", "paid-elsewhere"
        deps.licensing.save(case, case.seq, was="draft")
        case = receive(deps, deps.licensing.get(case.id), deps.clock())
        desk.decide(deps.replace(principal=Principal(user_id="officer", role="staff")), case.id,
                    {"outcome": "granted", "reasons": "No representations."}, case.seq)
    granted, reads_granted = read()
    assert granted["state"] == "granted" and "granted" in granted["text"]
    # The start, its parts, the council's licence types and the resident's cases: the same reads at every stage.
    assert reads_before == reads_applied == reads_granted <= 5, (reads_before, reads_applied, reads_granted)
    # The desk acts on the licence, the case stays granted: the page says what the licence is now.
    officer = deps.replace(principal=Principal(user_id="officer", role="staff"))
    with tenancy.acting_for(DISTRICT):
        desk.change_licence(officer, case.id, {"action": "suspend", "reasons": "Noise."},
                            deps.licensing.get(case.id).seq)
    suspended, _ = read()
    assert suspended["state"] == "suspended" and "suspended" in suspended["text"]
    with tenancy.acting_for(DISTRICT):
        for action in ("reinstate", "revoke"):
            desk.change_licence(officer, case.id, {"action": action, "reasons": "Its conditions, again."},
                                deps.licensing.get(case.id).seq)
    revoked, _ = read()
    assert revoked["state"] == "ended" and "revoked" in revoked["text"] and "apply again" in revoked["text"]
    assert "/licensing/apply/premises-licence?" in revoked["facts"]["link"]  # to apply again, details carried


def test_an_activity_naming_a_licence_type_the_council_does_not_have_is_refused_naming_the_field(
        deps, tmp_path, monkeypatch):
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.council_pack import add
    from support.councils_support import demo_secrets_in
    folder = tmp_path / "newcastle-under-lyme"
    shutil.copytree(DEMO / "newcastle-under-lyme", folder)
    (folder / "bodies.json").unlink(missing_ok=True)
    document = json.loads((folder / "council.json").read_text())
    document["business"]["activities"]["pub"] = ["premises-licence", "music-licence"]
    (folder / "council.json").write_text(json.dumps(document))
    demo_secrets_in(monkeypatch, tmp_path, folder)
    said = []
    assert add(folder, CouncilStore(), deps, say=said.append, by="test") == 1
    assert any(line.startswith("council.json $.business.activities.pub[1]: Names the licence type 'music-licence'")
               and "premises-licence" in line for line in said), said
    assert CouncilStore().get(document["id"], consistent=True) is None


def test_an_administrator_naming_a_licence_type_the_council_does_not_have_is_refused_and_one_it_has_is_taken(
        client, deps, people, newcastle, council_morning):
    from support.councils_support import put
    admin = resident_at(lambda: people("admin", email="admin@newcastle.example.gov.uk"), DISTRICT)
    answer = client.get("/v1/admin/council", at(DISTRICT_HOST, admin.auth))
    document, etag = answer.json_body["settings"], answer.headers["ETag"]
    document["business"]["activities"]["shop"] = ["music-licence"]
    refused = put(client, "/v1/admin/council", document, at(DISTRICT_HOST, {**admin.auth, "If-Match": etag}))
    assert refused.status_code == 400, refused.body  # as every refused setting
    assert [f["field"] for f in refused.json_body["error"]["fields"]] == ["$.business.activities.shop[0]"]
    document["business"]["activities"]["shop"] = ["street-trading"]
    taken = put(client, "/v1/admin/council", document, at(DISTRICT_HOST, {**admin.auth, "If-Match": etag}))
    assert taken.status_code == 200, taken.body
