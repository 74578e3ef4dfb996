"""A premises licence varied (Licensing Act 2003 s.34): applied for as the type's own purpose, with the
licence number it changes, on the same clocks as a new application (s.35 applies s.18's procedure);
the register says it is a variation; a purpose the type does not take, or a number no licence could
have, is refused naming the field and nothing is made."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401
from support.licensing_support import at, london, notice, paid, started
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501"}


def variation(**extra):
    return {"type": "premises-licence", "band": "C", "premises": PUB, "purpose": "variation", **extra}


def test_a_pubs_variation_names_its_licence_runs_the_new_applications_clocks_and_is_on_the_register_as_one(
        deps, pay, york_types):
    from chalicelib.handlers.licensing.views import register_row
    from chalicelib.handlers.licensing import catalogue
    monday = at(deps, london(2026, 11, 30, 10))
    varied = paid(monday, started(monday, variation(varies=" LN-7K3F9Q2M ")))
    new = paid(monday, started(monday, {"type": "premises-licence", "band": "C", "premises": PUB}))
    assert (varied.purpose, varied.varies, new.purpose) == ("variation", "LN-7K3F9Q2M", "new")
    last = {c["name"]: c["last_day"] for c in varied.clocks}
    assert last == {c["name"]: c["last_day"] for c in new.clocks} and last["representations"] == "2026-12-28"
    row = register_row(varied, catalogue.find(catalogue.of_council(deps), "premises-licence"))
    assert row["purpose"] == "variation" and "varies" not in row


@pytest.mark.parametrize("body, field", [
    (variation(purpose="transfer"), "purpose"),
    (variation(varies="L" * 41), "varies"),
    (variation(varies=7), "varies"),
    ({**notice("2026-12-19"), "purpose": "variation"}, "purpose"),  # a notice is given, never varied
])
def test_a_purpose_the_type_does_not_take_or_a_number_no_licence_has_is_refused_naming_it(
        deps, pay, york_types, body, field):
    monday = at(deps, london(2026, 11, 30, 10))
    with pytest.raises(ApiError) as refused:
        started(monday, body)
    assert refused.value.status == 422
    assert field in [f["field"] for f in refused.value.body()["error"]["fields"]]
    assert deps.licensing.of_user(monday.principal.user_id) == []
