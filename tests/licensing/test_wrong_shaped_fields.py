"""Every field of every licensing POST, given a list, an object, a number or true where the handler wants words or
one of a few choices, is answered 4xx in the one error shape and changes nothing. The routes' body schemas are bare
objects, so each handler checks its own fields: a list used as a dict key or set member was a 500."""
import uuid

from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook and the effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.forms_support import uploaded
from support.licensing_support import paid, started, york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501"}
WRONG = (["plan"], {"plan": 1}, 7, 2.5, True, [["x"]], [{"x": 1}], [7])


def wrong_for(valid):
    """The wrong values for a field whose valid value is `valid`: any other type, or a list of non-words."""
    return [v for v in WRONG if type(v) is not type(valid) or (isinstance(v, list) and not isinstance(v[0], str))]
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def routes_and_bodies(client, deps, landlord, officer):
    """[(path, headers, a valid body, its fields)] over a received case with a representation and a request."""
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.licensing.consulting import token_for
    me = deps.replace(principal=Principal(user_id=landlord.user.id, role="resident", email=landlord.user.email))
    case = paid(me, started(me, {"type": "premises-licence", "band": "C", "premises": PUB}))
    draft = started(me, {"type": "premises-licence", "band": "C", "premises": PUB})
    rep = client.post(f"/v1/licensing/cases/{case.id}/representations",
                      {"grounds": "Late music.", "name": "Ada Quietly", "email": "ada@example.org",
                       "address": "3 Lady Peckitt's Yard, York", "objectives": ["public_nuisance"]})
    assert rep.status_code == 201, rep.json_body
    desk = f"/v1/staff/licensing/cases/{case.id}"
    asked = client.post(f"{desk}/requests", {"words": "A better plan, please."},
                        {**officer.auth, "If-Match": f'"{deps.licensing.get(case.id).seq}"'})
    assert asked.status_code == 200, asked.json_body
    upload = uploaded(client, deps, PDF, "application/pdf", auth=landlord.auth)
    staff = {**officer.auth, "If-Match": f'"{deps.licensing.get(case.id).seq}"'}
    return case.id, [
        ("/v1/licensing/cases", {**landlord.auth, "Idempotency-Key": "each"},
         {"type": "premises-licence", "band": "C", "premises": PUB, "applicant": {"name": "Jo"}, "purpose": "new"}),
        (f"/v1/licensing/cases/{case.id}/representations", {},
         {"grounds": "Noise.", "name": "Ada", "email": "ada@example.org", "address": "York", "objectives": [],
          "stance": "objection"}),
        (f"{desk}/consultees/police", staff, {"answer": "no_objection", "words": "None."}),
        (f"{desk}/representations/{rep.json_body['id']}/check", staff, {"relevant": True, "shared": "Noise.",
                                                                         "why": "Near homes."}),
        (f"{desk}/requests", staff, {"words": "The plan.", "document": "plan", "reply_by": "2099-01-05"}),
        (f"{desk}/hearing", staff, {"day": "2099-01-05", "why": "Agreed."}),
        (f"{desk}/conditions", staff, {"conditions": ["Doors shut by 23:00"]}),
        (f"{desk}/decision", staff, {"outcome": "granted", "reasons": "Fine."}),
        (f"{desk}/licence", staff, {"action": "suspend", "reasons": "Caution."}),
        ("/v1/licensing/consultations/" + token_for(deps.council.id, case.id, "police", deps.clock()), {},
         {"answer": "no_objection", "words": "None."}),
        (f"/v1/licensing/cases/{draft['id']}/documents/plan", landlord.auth, {"upload_id": upload, "name": "p.pdf"}),
        (f"/v1/licensing/cases/{case.id}/withdraw", landlord.auth, {"why": "Changed my mind."}),
        (f"/v1/licensing/cases/{case.id}/requests/1/answer", landlord.auth, {"words": "Sent."}),
    ]


def test_every_licensing_field_of_the_wrong_shape_is_a_4xx_in_the_one_error_shape_and_changes_nothing(
        client, deps, people, pay, york_types):
    landlord = people()
    officer = people("staff", email="licensing.officer@example.org", name="Lin Officer")
    case_id, routes_ = routes_and_bodies(client, deps, landlord, officer)
    before = deps.licensing.get(case_id).seq
    wrong = []
    for path, headers, body in routes_:
        for field in body:
            for value in wrong_for(body[field]):
                if headers.get("Idempotency-Key"):
                    headers = {**headers, "Idempotency-Key": str(uuid.uuid4())}
                answer = client.post(path, {**body, field: value}, headers)
                error = (answer.json_body or {}).get("error") if isinstance(answer.json_body, dict) else None
                if not (400 <= answer.status_code < 500 and isinstance(error, dict)
                        and isinstance(error.get("code"), str) and isinstance(error.get("message"), str)):
                    wrong.append(f"{path} {field}={value!r}: {answer.status_code} {answer.body[:160]!r}")
    assert not wrong, "\n".join(wrong)
    assert deps.licensing.get(case_id).seq == before
    assert [r.state for r in deps.licensing.representations(case_id)] == ["received"]

