"""Finance's day per fund: the cash file's totals equal what the provider
settled, and the reconciliation flags every payment the three sides disagree on."""
import csv
import io

from chalicelib.stamps import london_today
from support.bills_support import PCN_10_DAYS, PCN_20_DAYS, bill_office, pay_bill  # noqa: F401
from support.pay_support import DECLINED, SUCCESS, pay, pay_with  # noqa: F401


def paid(client, body, card=SUCCESS):
    made = pay_bill(client, body).json_body
    back = pay_with(made["payment"]["next_url"], card)
    client.get(back[back.index("/v1/"):])
    return made


def cash_file(client, officer, fund, day):
    answer = client.get(f"/v1/staff/pay/cash-file.csv?fund={fund}&date={day}", officer.auth)
    assert answer.status_code == 200, answer.body
    return list(csv.DictReader(io.StringIO(answer.body.decode())))


def test_each_funds_cash_file_totals_equal_what_the_provider_settled(client, deps, people, pay, bill_office):
    officer, day = people("staff"), london_today(deps.clock()).isoformat()
    paid(client, {"fund": "parking-pcn", "reference": PCN_10_DAYS})
    paid(client, {"fund": "parking-pcn", "reference": PCN_20_DAYS})
    paid(client, {"fund": "sundry-invoice", "reference": "200345672", "amount": 12_345})
    paid(client, {"fund": "sundry-invoice", "reference": "200345672", "amount": 500}, DECLINED)
    provider_totals = {}
    for payment in pay.payments.values():
        if payment["status"] == "success":
            fund = payment["metadata"]["fund"]
            provider_totals[fund] = provider_totals.get(fund, 0) + payment["amount"]
    assert provider_totals == {"parking-pcn": 3500 + 7000, "sundry-invoice": 12_345}
    for fund, total in provider_totals.items():
        rows = cash_file(client, officer, fund, day)
        assert sum(int(r["amount_pence"]) for r in rows) == total
        assert {r["card_type"] for r in rows} == {"Visa"} and {r["date"] for r in rows} == {day}
    pcn_rows = cash_file(client, officer, "parking-pcn", day)
    # sorted: two payments in the same second come in the ledger's order of their random ids
    assert sorted((r["fund_code"], r["reference"]) for r in pcn_rows) == sorted([("PCN", PCN_10_DAYS),
                                                                                ("PCN", PCN_20_DAYS)])
    report = client.get(f"/v1/staff/pay/reconciliation?date={day}", officer.auth).json_body
    assert report["differences"] == 0
    by_fund = {f["fund"]: f for f in report["funds"]}
    assert [by_fund["parking-pcn"][k] for k in ("settled_total", "posted_total", "file_total")] == [10_500] * 3


def test_a_payment_not_yet_posted_is_flagged_in_the_days_reconciliation(client, deps, people, pay, bill_office):
    officer, day = people("staff"), london_today(deps.clock()).isoformat()
    bill_office.down = True
    made = paid(client, {"fund": "fixed-penalty", "reference": "FP004217", "amount": 10_000})
    report = client.get(f"/v1/staff/pay/reconciliation?date={day}", officer.auth).json_body
    fixed = next(f for f in report["funds"] if f["fund"] == "fixed-penalty")
    assert fixed["differences"] == [{"payment_id": made["payment"]["id"], "settled": 10_000, "posted": None,
                                     "file": 10_000}]
    assert report["differences"] == 1


def test_a_cash_file_is_for_staff_only_and_names_a_fund(client, people):
    assert client.get("/v1/staff/pay/cash-file.csv?fund=parking-pcn&date=2026-11-24").status_code == 401
    officer = people("staff")
    missing = client.get("/v1/staff/pay/cash-file.csv?fund=nothing&date=2026-11-24", officer.auth)
    assert missing.status_code == 404 and missing.json_body["error"]["code"] == "fund_not_found"
    bad_day = client.get("/v1/staff/pay/cash-file.csv?fund=parking-pcn&date=24/11", officer.auth)
    assert bad_day.status_code == 400


def test_while_the_provider_cannot_be_asked_the_reconciliation_sets_posted_against_the_file(client, people):
    report = client.get("/v1/staff/pay/reconciliation?date=2026-11-24", people("staff").auth)
    assert report.status_code == 200 and report.json_body["provider_reached"] is False
    assert {f["settled_total"] for f in report.json_body["funds"]} == {None}


def test_the_nightly_command_writes_the_routes_cash_file_byte_for_byte_and_names_a_fund_it_lacks(
        client, deps, people, pay, bill_office, tmp_path, capsys):
    from doorstep_cli.main import main
    officer, day = people("staff"), london_today(deps.clock()).isoformat()
    paid(client, {"fund": "sundry-invoice", "reference": "200345672", "amount": 12_345})
    paid(client, {"fund": "parking-pcn", "reference": PCN_10_DAYS})  # another fund's: not in this file
    out = tmp_path / "nightly.csv"
    assert main(["--stage", "test", "pay", "cash-file", "--day", day, "--fund", "sundry-invoice", "--out", str(out)]) == 0
    route = client.get(f"/v1/staff/pay/cash-file.csv?fund=sundry-invoice&date={day}", officer.auth).body
    assert out.read_bytes() == route and route.count(b"\r\n") == 2 and b",12345," in route
    assert "wrote" in capsys.readouterr().out
    assert main(["--stage", "test", "pay", "cash-file", "--day", day, "--fund", "library-fines"]) != 0
    assert "We do not take payments for that fund" in capsys.readouterr().err
