"""One receipt, one place: a container ordered and a hall hired reach finance
as bills do: each payment posted to the service's fund once and in its cash
file and reconciliation; each refund (a cancelled evening, a deposit's part)
posted back as a reversal."""
import csv
import io
from datetime import datetime

from chalicelib.handlers.containers import routes as container_routes  # noqa: F401  (its payment hook)
from chalicelib.handlers.hire import routes as hire_routes  # noqa: F401  (its payment hook and refund effect)
from chalicelib.stamps import london_today
from support.bills_support import bill_office  # noqa: F401
from support.containers_support import ask, paid, stocked_home
from support.hire_support import LONDON, NOW, at, book, pay_for, resident, tuesdays
from support.pay_support import pay  # noqa: F401


def cash_rows(deps, fund, day):
    from chalicelib.handlers.bills.cashfile import cash_file
    return list(csv.DictReader(io.StringIO(cash_file(deps, {"fund": fund, "date": day})[1])))


def test_a_paid_container_request_is_posted_filed_and_reconciled_under_its_own_fund(client, deps, people, pay,
                                                                                     bill_office):
    stocked_home(deps)
    officer, day = people("staff"), london_today(deps.clock()).isoformat()
    request = ask(client, people()).json_body
    paid(client, request)
    postings = [p for p in bill_office.posted("finance") if p["fund_code"] == "WCON"]
    assert [(p["kind"], p["reference"], p["amount"]) for p in postings] == [("payment", request["id"], 700)]
    answer = client.get(f"/v1/staff/pay/cash-file.csv?fund=waste-containers&date={day}", officer.auth)
    assert answer.status_code == 200, answer.body
    rows = list(csv.DictReader(io.StringIO(answer.body.decode())))
    assert [(r["fund_code"], r["reference"], r["amount_pence"]) for r in rows] == [("WCON", request["id"], "700")]
    report = client.get(f"/v1/staff/pay/reconciliation?date={day}", officer.auth).json_body
    containers = next(f for f in report["funds"] if f["fund"] == "waste-containers")
    assert containers["name"] == "Waste containers ordered" and containers["differences"] == []
    assert [containers[k] for k in ("settled_total", "posted_total", "file_total")] == [700] * 3
    assert report["differences"] == 0
    assert "waste-containers" not in [f["id"] for f in client.get("/v1/pay/funds").json_body["funds"]]


def test_a_hall_s_payment_its_cancelled_evening_and_its_deposit_reach_finance_once_each(deps, pay, bill_office):
    from chalicelib.handlers.bills.cashfile import reconciliation
    from chalicelib.handlers.hire.cancelling import cancel_session, return_deposit
    club = resident()
    made = book(at(deps, NOW, club), tuesdays(skip=["2027-12-28"]))
    assert pay_for(at(deps, NOW, club), made).status == "confirmed"
    day = NOW.date().isoformat()
    rows = cash_rows(at(deps, NOW), "facility-hire", day)
    assert [(r["fund_code"], r["reference"], r["amount_pence"]) for r in rows] == [
        ("HIRE", made["id"], str(made["total"]))]
    report = reconciliation(at(deps, NOW), {"date": day})
    hire = next(f for f in report["funds"] if f["fund"] == "facility-hire")
    assert hire["posted_total"] == hire["file_total"] == made["total"] and hire["file_count"] == 1
    three_days = datetime(2027, 12, 4, 18, tzinfo=LONDON)
    for _ in range(2):  # pressed twice
        cancel_session(at(deps, three_days, club), made["id"], "2027-12-07")
    officer = at(deps, datetime(2028, 1, 26, 9, tzinfo=LONDON), resident(role="staff"))
    for _ in range(2):
        return_deposit(officer, made["id"], {"returned": 6000, "reason": "A chair broken; the rest clean"})
    reversals = [p for p in bill_office.posted("finance") if p["kind"] == "reversal"]
    assert sorted((r["fund_code"], r["reference"], r["amount"], r["original_id"]) for r in reversals) == [
        ("HIRE", made["id"], 1500, made["payment"]["id"]), ("HIRE", made["id"], 6000, made["payment"]["id"])]
    assert len([c for c in bill_office.calls if c["kind"] == "reversal"]) == 2


def test_a_cancelled_container_request_s_refund_reaches_finance_as_one_reversal(client, deps, people, pay,
                                                                                bill_office):
    from support.effects_support import run_stream
    stocked_home(deps)
    resident, officer, day = people(), people("staff"), london_today(deps.clock()).isoformat()
    request = ask(client, resident).json_body
    paid(client, request)
    for _ in range(2):  # pressed twice; the stream hands the event on again
        client.post(f"/v1/waste/containers/requests/{request['id']}/cancel", {}, resident.auth)
    run_stream(deps, "container_cancelled")
    run_stream(deps, "payment_refunded")
    reversals = [p for p in bill_office.posted("finance") if p["kind"] == "reversal"]
    assert [(r["fund_code"], r["reference"], r["amount"], r["original_id"]) for r in reversals] == [
        ("WCON", request["id"], 700, request["payment"]["id"])]
    report = client.get(f"/v1/staff/pay/reconciliation?date={day}", officer.auth).json_body
    containers = next(f for f in report["funds"] if f["fund"] == "waste-containers")
    assert containers["differences"] == [] and report["differences"] == 0
