"""A hirer's bookings are theirs in My Account and the export, and go with
them at erasure: kept for the hall's calendar and finance, no longer theirs."""
from chalicelib.auth.principal import Principal
from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from support.hire_support import NOW, at, book, pay_for, tuesdays
from support.pay_support import pay  # noqa: F401


def test_my_account_and_the_export_list_a_hirers_bookings_and_erasure_takes_them_off_them(client, deps, people,
                                                                                            pay):
    hirer = people()
    who = Principal(user_id=hirer.user.id, role="resident", email=hirer.user.email)
    made = book(at(deps, NOW, who), tuesdays(weeks=2))
    assert pay_for(at(deps, NOW, who), made).status == "confirmed"
    listed = client.get("/v1/me/hire-bookings", hirer.auth)
    assert listed.status_code == 200, listed.body
    assert [b["id"] for b in listed.json_body["bookings"]] == [made["id"]]
    assert [b["id"] for b in client.get("/v1/me/export", hirer.auth).json_body["hire_bookings"]] == [made["id"]]
    assert client.raw.http.delete("/v1/me", headers=hirer.auth).status_code in (200, 204)
    kept = deps.hire.get(made["id"])
    assert kept.status == "confirmed" and kept.user_id is None and kept.email is None and not kept.hirer_name
    assert deps.hire.of_user(hirer.user.id) == []
