"""What each paying route asks DynamoDB, counted at PynamoDB's one call site
(storage/metering.py): a fixed handful of key reads, never a scan, however
many bills, postings and links the table holds."""
import dataclasses
import uuid

from chalicelib.handlers.bills.unseen import RECENT_BILLS
from chalicelib.stamps import london_today
from support.bills_support import PCN_20_DAYS, bill_office, pay_bill  # noqa: F401
from support.pay_support import SUCCESS, pay, pay_with  # noqa: F401
from support.revenues_support import ARREARS, BILLS, DEV, civica, council_morning, linked  # noqa: F401
from support.officers import all_roles


def cost(call):
    from chalicelib.storage.metering import metered
    with metered() as meter:
        call()
    return meter.operations, meter.items


def test_each_paying_route_reads_a_fixed_handful_of_items_by_key(client, deps, people, pay, bill_office, civica,
                                                                  council_morning, capsys):
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.bills import cashfile, links, paying
    dev = people()
    linked(client, dev, BILLS[DEV])
    for n in range(20):  # other people's bills, which no read may grow with
        made = pay_bill(client, {"fund": "fixed-penalty", "reference": "FP004217", "amount": 5000 + n}).json_body
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    client.get(back[back.index("/v1/"):])
    own = dataclasses.replace(deps, principal=Principal(user_id=dev.user.id, role="resident", email=dev.user.email))
    officer = people("staff")
    staff = dataclasses.replace(deps, principal=Principal(user_id=officer.user.id, role="staff", roles=all_roles(),
                                                          email=officer.user.email))
    link, _ = links.make(staff, {"fund": "sundry-invoice", "reference": "200345672", "amount": 100}, None)
    day = london_today(deps.clock()).isoformat()
    paying.check(own, {"fund": "council-tax", "reference": ARREARS})  # the linked view cached, as a second look
    for n in range(RECENT_BILLS + 2):  # the account's bills since, more than the offer reads
        pay_bill(client, {"fund": "council-tax", "reference": ARREARS, "amount": 1_000 + n})
    measured = {
        "GET /v1/pay/funds": cost(lambda: paying.funds(deps)),
        "POST /v1/pay/check (anyone, council tax)": cost(lambda: paying.check(
            deps, {"fund": "council-tax", "reference": ARREARS})),
        "POST /v1/pay/check (a PCN)": cost(lambda: paying.check(deps, {"fund": "parking-pcn",
                                                                       "reference": PCN_20_DAYS})),
        "POST /v1/pay/check (the linked owner)": cost(lambda: paying.check(
            own, {"fund": "council-tax", "reference": ARREARS})),
        "POST /v1/pay/payments": cost(lambda: paying.create(
            own, {"fund": "council-tax", "reference": ARREARS, "amount": 22_321}, str(uuid.uuid4()))),
        "GET /v1/pay/payments/{id}": cost(lambda: paying.read(deps, made["id"])),
        "GET /v1/me/bills": cost(lambda: paying.mine(own)),
        "GET /v1/pay/links/{id}": cost(lambda: links.read(deps, link["id"])),
        "POST /v1/staff/pay/links": cost(lambda: links.make(
            staff, {"fund": "sundry-invoice", "reference": "200345672", "amount": 200, "confirm": True}, None)),
        "GET /v1/staff/pay/cash-file.csv": cost(lambda: cashfile.cash_file(staff, {"fund": "fixed-penalty",
                                                                                  "date": day})),
        "GET /v1/staff/pay/reconciliation": cost(lambda: cashfile.reconciliation(staff, {"date": day})),
    }
    ops = {route: operations for route, (operations, _) in measured.items()}
    assert ops["GET /v1/pay/funds"] == [] and ops["POST /v1/pay/check (anyone, council tax)"] == []
    assert ops["POST /v1/pay/check (a PCN)"] == []  # the parking system is asked, not DynamoDB
    # the links, the cached view, the account's newest bills of the year (those it may not show yet)
    assert ops["POST /v1/pay/check (the linked owner)"] == ["Query", "GetItem", "Query"]
    assert measured["POST /v1/pay/check (the linked owner)"][1] <= 2 + RECENT_BILLS
    assert ops["GET /v1/pay/payments/{id}"] == ["GetItem", "GetItem"]  # the bill, its payment
    assert ops["GET /v1/me/bills"] == ["Query"]
    assert ops["GET /v1/pay/links/{id}"] == ["GetItem"]
    # the reference's newest-link row and its links (one live already), then the link written
    assert ops["POST /v1/staff/pay/links"][:2] == ["GetItem", "Query"]
    assert measured["POST /v1/staff/pay/links"][1] <= 3
    assert ops["GET /v1/staff/pay/cash-file.csv"] == ["Query"]  # the ledger's day
    assert ops["GET /v1/staff/pay/reconciliation"] == ["Query", "Query"]  # the postings' day, the ledger's day
    post = ops["POST /v1/pay/payments"]
    assert "Scan" not in post and post.count("TransactWriteItems") == 1
    assert all("Scan" not in o for o in ops.values())
    with capsys.disabled():
        print("\nDynamoDB calls per paying request (the handler's; a signed-in caller's session adds its own):")
        for route, (operations, items) in measured.items():
            print(f"  {route}: {len(operations)} calls, {items} items read ({', '.join(operations) or 'none'})")
