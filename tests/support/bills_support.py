"""Paying bills in tests: the local bill office (parking PCNs, signed postings)
over real HTTP with its clock pinned to the council's Tuesday morning, and
the app pointed at it as `make run` points it."""
import pytest

from support.revenues_support import MORNING

PCN_10_DAYS, PCN_20_DAYS, PCN_PAID = "CQ12345679", "CQ23456787", "CQ34567895"
PCN_14_DAYS, PCN_15_DAYS = "CQ45678901", "CQ56789017"  # the discount's last day, and the day after
PCN_UNKNOWN = "CQ00000019"  # well formed, never issued


@pytest.fixture
def bill_office(monkeypatch):
    from doorstep_cli.local.bill_office import BillOffice
    with BillOffice(clock=lambda: MORNING) as office:
        monkeypatch.setenv("DOORSTEP_BILL_OFFICE_URL", office.url)
        monkeypatch.setenv("DOORSTEP_BILL_OFFICE_SECRET", office.secret)
        yield office


def pay_bill(client, body, headers=None):
    import uuid
    return client.post("/v1/pay/payments", body, {"Idempotency-Key": str(uuid.uuid4()), **(headers or {})})


def paid_through(client, made, card=None):
    """The payer fills in the provider's card page and comes back: the bill as the app then shows it."""
    from support.pay_support import SUCCESS, pay_with
    back = pay_with(made["payment"]["next_url"], card or SUCCESS)
    answer = client.get(back[back.index("/v1/"):])
    assert answer.status_code == 302, answer.body
    return client.get(f"/v1/pay/payments/{made['id']}").json_body
