"""An appointment booked asks how it went and is counted once, in the month it was booked (the demo's
Tuesday 22 December 2026): online when the resident books it, assisted when an officer books it for a
caller at the desk; its confirmation (e-mail and text) links to the same question."""
import re
from urllib.parse import parse_qs, urlparse

from chalicelib.auth.principal import Principal
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the messages and the count)
from support.appointments_support import TUESDAY_8AM, book, hold, load_demo, resident
from support.effects_support import events_of_kind, run_stream
from support.officers import all_roles

SLOT = "2026-12-22T10:30:00Z"


def _counted(deps):
    months = deps.feedback.year("2000-01", "2100-12")
    return {m: (c["finished_online"], c["finished_assisted"]) for (m, s), c in months.items() if s == "appointments"}


def _asked(deps, to):
    bodies = [m["body"] for m in deps.accounts.messages_to([to])]
    (found,) = [link for b in bodies for link in re.findall(r"\S+/feedback/give\?\S+", b)]
    return {k: v[0] for k, v in parse_qs(urlparse(found).query).items()}


def test_an_appointment_booked_online_asks_in_its_answer_email_and_text_and_counts_once(client, deps):
    load_demo(deps)
    ada = resident(deps, 1, TUESDAY_8AM)
    held = hold(ada, SLOT)
    made, _ = book(ada, held.id)
    assert made["feedback"]["service"] == "appointments"
    assert _asked(deps, "resident1@example.org") == made["feedback"] == _asked(deps, "+447700900123")
    assert run_stream(deps, "appointment_booked") == []
    from chalicelib.handlers.shared.effects import carry_out
    (event,) = events_of_kind("appointment_booked")
    from chalicelib.handlers.appointments.views import on_booked
    on_booked(deps, event, "again")  # its effect run again: a worker that died before settling
    assert _counted(deps) == {"2026-12": (1, 0)}
    assert carry_out(deps, event)  # claimed already: nothing more
    assert _counted(deps) == {"2026-12": (1, 0)}
    assert client.post("/v1/feedback", {"token": made["feedback"]["token"], "rating": 5}).status_code == 201


def test_an_appointment_an_officer_books_for_a_caller_counts_as_assisted_once_however_retried(deps):
    from chalicelib.handlers.appointments.desk import book_for_caller
    load_demo(deps)
    desk = deps.replace(principal=Principal(user_id="officer-1", role="staff", roles=all_roles(),
                                            email="officer@example.org"), clock=lambda: TUESDAY_8AM)
    body = {"service_id": "council-tax-call-back", "start": "2026-12-22T11:00:00Z", "name": "Cal Caller",
            "phone": "07700 900333", "answers": {"account": "12345678"}}
    made, _ = book_for_caller(desk, body, "caller-key-0072")
    again, _ = book_for_caller(desk, body, "caller-key-0072")
    assert made["feedback"] == again["feedback"] and made["feedback"]["service"] == "appointments"
    assert run_stream(deps, "appointment_booked") == []
    assert _counted(deps) == {"2026-12": (0, 1)}
    assert _asked(deps, "+447700900333") == made["feedback"]
