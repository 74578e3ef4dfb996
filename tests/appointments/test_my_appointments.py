"""A resident's appointments are in their export, and go with their account:
what is to come is cancelled (its time offered to the first waiting), they
leave every waiting list, and each appointment stays for the staff's history
without their name, contact or answers."""
import time_machine

from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.waiting import join
from support.appointments_support import TUESDAY_8AM, book, hold, load_demo


def test_my_appointments_are_in_my_export_and_erased_with_my_account(client, deps, people):
    load_demo(deps)
    with time_machine.travel(TUESDAY_8AM, tick=False):
        ada, bob = people("resident"), people("resident")
        own = deps.replace(principal=principal_of(deps, ada), clock=lambda: TUESDAY_8AM)
        made, _ = book(own, hold(own, "2026-12-23T10:30:00Z").id, email="ada.home@example.org")
        join(own, {"service_id": "tenancy-workshop", "before": "2027-01-20T00:00:00Z"})
        join(deps.replace(principal=principal_of(deps, bob), clock=lambda: TUESDAY_8AM),
             {"service_id": "housing-options", "before": "2027-01-20T00:00:00Z"})
        exported = client.get("/v1/me/export", ada.auth).json_body["appointments"]
        assert [(a["id"], a["status"], a["email"], a["answers"]) for a in exported] == [
            (made["id"], "booked", "ada.home@example.org", {"reason": "I want to move"})]
        assert client.raw.http.delete("/v1/me", headers=ada.auth).status_code == 204
        kept = deps.appointments.get(made["id"])
        assert (kept.status, kept.user_id, kept.name, kept.email, kept.phone, kept.answers) == (
            "cancelled", None, None, None, None, {})
        assert deps.appointments.of_owner(ada.user.id) == []
        assert deps.waiting.place_of("tenancy-workshop", ada.user.id) is None
        offered = [m for m in deps.accounts.messages_to([bob.user.email]) if m["subject"].startswith("An earlier")]
        assert len(offered) == 1  # Ada's time, freed, went to the first waiting


def principal_of(deps, person):
    from chalicelib.auth.principal import Principal
    return Principal(user_id=person.user.id, role="resident", email=person.user.email)
