"""What payers and finance read says what to do, in the words people use,
not a validator's ("Must be...", "id", "YYYY") or a system's."""
import json
import re
from pathlib import Path

JARGON = re.compile(r"^(Must|Is not)\b|\bids?\b|YYYY|\binvalid\b|\bsystem\b|cannot be asked", re.I)
MESSAGES = Path(__file__).resolve().parents[2] / "web" / "messages"
SCREENS = ("pay.", "account.bill", "staff.paylinks.", "staff.reconcile.")


def message(answer):
    error = answer.json_body["error"]
    return error["fields"][0]["message"] if error.get("fields") else error["message"]


def test_a_payer_and_finance_told_no_are_told_what_to_do_in_plain_words(client, people):
    officer = people("staff")
    answers = [
        client.get("/v1/pay/payments/a-payment-never-made"),
        client.post("/v1/staff/pay/links", {"fund": "sundry-invoice", "reference": "200345672", "amount": 100,
                                            "expires_days": 0}, {**officer.auth, "Idempotency-Key": "link-key-0009"}),
        client.get("/v1/staff/pay/reconciliation?date=24/11/2026", officer.auth),
        client.get("/v1/staff/pay/cash-file.csv?fund=library-fines&date=2026-11-24", officer.auth),
    ]
    assert [a.status_code for a in answers] == [404, 400, 400, 404]
    said = [message(a) for a in answers]
    assert [m for m in said if JARGON.search(m)] == [], said
    assert said[1] == "Enter a number of days from 1 to 30."


def test_the_pay_and_finance_screens_words_speak_as_people_do():
    words = {key: text for name in ("en.json", "staff.en.json")
             for key, text in json.loads((MESSAGES / name).read_text(encoding="utf-8")).items()
             if key.startswith(SCREENS)}
    assert len(words) > 40
    assert {key: text for key, text in words.items() if JARGON.search(text)} == {}
