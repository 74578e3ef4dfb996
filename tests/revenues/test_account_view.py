"""What a resident sees of a linked account: one back-office session, then
the copy for minutes at no back-office cost, the last copy with its age while
the back office fails in any way, the bill's PDF for that resident only."""
from datetime import timedelta

import pytest

from chalicelib.storage import metering
from support.revenues_support import ARREARS, BILLS, CAROL, DEV, linked
from support.served import served  # noqa: F401 (fixture)
from support.revenues_support import civica, council_morning, revenues  # noqa: F401 (fixtures)


@pytest.fixture
def dev(client, people, civica, council_morning):
    person = people()
    made = linked(client, person, BILLS[DEV])
    civica.calls.clear()
    return person, f"/v1/me/council-tax/{made['id']}"


def test_the_view_shows_balance_instalments_payments_documents_and_claims(client, dev):
    person, path = dev
    view = client.get(path, person.auth).json_body
    summary = view["summary"]
    assert (summary["balance"], summary["arrears"], summary["stage"]) == (48_034, 44_642, "Reminder")
    assert view["next_instalment"] == {"due": "2026-12-01", "amount": 22_321, "direct_debit": False}
    assert len(view["instalments"]) == 10 and sum(i["amount"] for i in view["instalments"]) == 223_214
    assert [p["amount"] for p in view["payments"] if p["kind"] == "Payments"] == [22_325] + [22_321] * 5
    assert {d["name"] for d in view["documents"]} == {"Council Tax Bill", "Reminder Notice", "Benefit Award Letter"}
    assert view["benefit_claims"][0]["weekly"] == {"council_tax": 1_250, "rent": 9_875}
    assert view["property"]["band"] == "D" and view["stale"] is False and view["age_s"] == 0


def test_a_second_view_within_minutes_asks_the_back_office_nothing(dev, civica, deps):
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.revenues.view import account
    person, path = dev
    own = deps.replace(principal=Principal(user_id=person.user.id, role="resident", email=person.user.email))
    link_id = path.rsplit("/", 1)[1]
    with metering.metered() as cold:
        account(own, link_id)
    cold_calls = list(civica.calls)
    with metering.metered() as cached:
        second = account(own, link_id)
    assert cold_calls == ["crmlogin", "cocrmper", "ctxdet", "ctxprop", "ctxtrn", "irins", "viewdoc", "hbsel",
                          "hbdet", "hbpaydet", "hbpaydet", "rntsel", "rnttrn"]
    assert second["rent_accounts"] and second["rent_accounts"] == cold_rent(civica, own, link_id)
    assert civica.calls == cold_calls  # nothing more
    assert second["stale"] is False
    # DynamoDB: the link (GetItem) and the copy (GetItem, none yet when cold), the copy written when cold,
    # in one transaction with a check that its link still stands (an unlink meanwhile keeps no copy).
    assert (cold.operations, cold.items, cold.writes) == (["GetItem", "GetItem", "TransactWriteItems"], 1, 2)
    assert (cached.operations, cached.items, cached.writes) == (["GetItem", "GetItem"], 2, 0)


def test_the_first_screen_asks_five_calls_and_each_section_only_when_opened(client, dev, civica):
    person, path = dev
    first = client.get(f"{path}?sections=none", person.auth).json_body
    # ctxtrn: the year's charge lines, and with them the payments, kept fresh as the first screen
    assert civica.calls == ["crmlogin", "cocrmper", "ctxdet", "ctxprop", "ctxtrn"]
    assert first["charges"][0]["amount"] == 223_214 and set(first["sections_at"]) == {"payments"}
    assert (first["summary"]["balance"], first["next_instalment"]) == (48_034, {"due": "2026-12-01", "amount": 22_321,
                                                                               "direct_debit": False})
    assert first["property"]["band"] == "D" and "instalments" not in first and "benefit_claims" not in first
    civica.calls.clear()
    plan = client.get(f"{path}?sections=plan", person.auth).json_body
    assert civica.calls == ["crmlogin", "cocrmper", "ctxdet", "irins"]  # ctxdet: Civica's current account
    assert len(plan["instalments"]) == 10 and set(plan["sections_at"]) == {"payments", "plan"}
    civica.calls.clear()
    again = client.get(f"{path}?sections=plan", person.auth).json_body
    assert civica.calls == [] and again["instalments"] == plan["instalments"]
    client.get(f"{path}?sections=benefits,documents", person.auth)
    assert civica.calls == ["crmlogin", "cocrmper", "hbsel", "hbdet", "hbpaydet", "hbpaydet", "viewdoc"]
    assert client.get(f"{path}?sections=rates", person.auth).status_code == 400


def test_opening_the_app_warms_the_copy_so_a_tap_on_the_account_asks_nothing(client, dev, civica):
    person, path = dev
    assert client.post("/v1/me/council-tax/warm", {}, person.auth).json_body == {"warmed": 1}
    assert civica.calls == ["crmlogin", "cocrmper", "ctxdet", "ctxprop", "ctxtrn"]
    civica.calls.clear()
    tapped = client.get(f"{path}?sections=none", person.auth).json_body
    assert civica.calls == [] and tapped["summary"]["balance"] == 48_034
    assert client.post("/v1/me/council-tax/warm", {}, person.auth).json_body == {"warmed": 0}  # fresh: nothing
    civica.down = True
    assert client.post("/v1/me/council-tax/warm", {}, person.auth).status_code == 200


def cold_rent(civica, deps, link_id):
    """The rent of the kept copy, read as it is kept (no back-office call)."""
    before = list(civica.calls)
    kept = deps.revenue_links.cached(link_id)[0]["rent_accounts"]
    assert civica.calls == before
    return kept


def test_my_account_shows_rent_beside_council_tax_a_tenant_in_arrears(client, dev):
    person, path = dev
    rent = client.get(path, person.auth).json_body["rent_accounts"]
    # Pinned to Tuesday 24 November 2026: 34 Mondays of rent since 6 April, 17 fortnightly Fridays less the
    # last 3 missed, 41.20 brought forward: 41.20 + 34 x (112.40 - 98.75) - 14 x 27.30 = 123.10 owed.
    assert [(r["reference"], r["balance"], r["weekly_charge"]) for r in rent] == [("R0448105", 12_310, 11_240)]
    paid = rent[0]["payments"]
    assert sum(p["amount"] for p in paid if p["kind"] == "Payment") == 14 * 2_730
    assert sum(p["amount"] for p in paid if p["kind"] == "Housing Benefit") == 34 * 9_875
    assert max(p["date"] for p in paid if p["kind"] == "Payment") == "2026-10-09"  # the last three missed


def test_a_tenant_paying_monthly_ahead_is_in_credit_and_a_non_tenant_has_no_rent(client, people, civica,
                                                                                   council_morning):
    from support.revenues_support import EVE
    carol, eve = people(), people()
    rents = {}
    for person, who in ((carol, CAROL), (eve, EVE)):
        made = linked(client, person, BILLS[who])
        rents[who] = client.get(f"/v1/me/council-tax/{made['id']}", person.auth).json_body["rent_accounts"]
    # -150.00 brought forward + 34 x 95.12 - 8 x 412.19 (the 1st of April to November) = 213.44 in credit.
    assert [(r["reference"], r["balance"], r["weekly_charge"]) for r in rents[CAROL]] == [("R0230117", -21_344, 9_512)]
    assert [p["date"] for p in rents[CAROL][0]["payments"]][-1] == "2026-11-01"
    assert rents[EVE] == []


def test_the_copy_is_asked_for_again_once_it_is_minutes_old(client, dev, civica, council_morning):
    person, path = dev
    client.get(path, person.auth)
    council_morning.shift(timedelta(minutes=6))
    view = client.get(path, person.auth).json_body
    assert civica.calls.count("crmlogin") == 2 and view["age_s"] == 0


@pytest.mark.parametrize("failure", ["down", "nightly", "slow", "malformed", "refusing"])
def test_a_failing_back_office_shows_the_last_copy_with_its_age(client, dev, civica, council_morning, failure,
                                                                monkeypatch):
    person, path = dev
    first = client.get(path, person.auth).json_body
    council_morning.shift(timedelta(minutes=10))
    _fail(civica, failure, monkeypatch)
    view = client.get(path, person.auth)
    assert view.status_code == 200
    assert view.json_body["stale"] is True and view.json_body["age_s"] >= 600
    assert view.json_body["summary"] == first["summary"] and view.json_body["fetched_at"] == first["fetched_at"]


LOGGED = {"down": "unreachable: HTTP 503", "nightly": "unreachable: HTTP 503", "slow": "unreachable: TimeoutError",
          "malformed": "malformed (code none)", "refusing": "refused (code 9)"}


@pytest.mark.parametrize("failure", ["down", "nightly", "slow", "malformed", "refusing"])
def test_a_failing_back_office_with_no_copy_is_a_503_with_retry_after_logged_by_its_kind(
        client, dev, civica, failure, monkeypatch, caplog):
    person, path = dev
    _fail(civica, failure, monkeypatch)
    view = client.get(path, person.auth)
    assert view.status_code == 503 and int(view.headers["Retry-After"]) > 0
    assert view.json_body["error"]["code"] == "back_office_unavailable"
    assert [r.getMessage() for r in caplog.records if r.name == "doorstep.revenues"] == [
        f"back office away, answered 503: {LOGGED[failure]}"]


def test_a_malformed_answers_words_are_not_logged_for_they_quote_the_value_it_could_not_read(caplog):
    from chalicelib.handlers.revenues import backoffice
    from chalicelib.handlers.revenues.port import BackOfficeError
    backoffice.unavailable(failure=BackOfficeError("malformed", "not an amount: '480.3X'"))
    assert caplog.records and "480" not in caplog.text and "malformed (code none)" in caplog.text


def _fail(civica, failure, monkeypatch):
    if failure == "slow":
        monkeypatch.setenv("DOORSTEP_CIVICA_TIMEOUT_S", "0.3")
        civica.delay_s = 0.6
    elif failure == "nightly":
        from support.revenues_support import LONDON
        from datetime import datetime
        civica.clock = lambda: datetime(2026, 11, 25, 1, 45, tzinfo=LONDON)
    else:
        setattr(civica, failure, True)


def test_a_bill_is_fetched_for_its_resident_only_and_never_cached(client, dev, people, civica):
    person, path = dev
    bill = next(d for d in client.get(path, person.auth).json_body["documents"] if d["name"] == "Council Tax Bill")
    pdf = client.get(f"{path}/documents/{bill['id']}", {**person.auth, "Accept": "application/pdf"})
    assert pdf.status_code == 200 and pdf.body.startswith(b"%PDF-") and b"PTL8-3RZD" in pdf.body
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.headers["Cache-Control"] == "private, no-store"
    assert civica.calls[-2:] == ["ctxdet", "docdl"]
    stranger = people()
    assert client.get(f"{path}/documents/{bill['id']}", stranger.auth).status_code == 404
    carol = people()
    carols = linked(client, carol, BILLS[CAROL])
    other = client.get(f"/v1/me/council-tax/{carols['id']}/documents/{bill['id']}", carol.auth)
    assert (other.status_code, other.json_body["error"]["code"]) == (404, "document_not_found")


def test_unlinking_removes_the_cached_copy(client, dev, deps):
    person, path = dev
    client.get(path, person.auth)
    link_id = path.rsplit("/", 1)[1]
    assert deps.revenue_links.cached(link_id) is not None
    client.raw.http.delete(path, headers=person.auth)
    assert deps.revenue_links.cached(link_id) is None


def test_a_copy_fetched_while_its_link_was_removed_is_not_kept(client, dev, deps):
    person, path = dev
    link_id = path.rsplit("/", 1)[1]
    link = deps.revenue_links.link(person.user.id, link_id)
    client.raw.http.delete(path, headers=person.auth)  # an unlink lands during the back office's calls
    now = deps.clock()
    assert deps.revenue_links.keep(link.user_id, link.id, {"balance": 1}, now, now + timedelta(days=1)) is False
    assert deps.revenue_links.cached(link_id) is None


def test_nothing_of_a_residents_council_tax_reaches_the_logs(client, people, civica, council_morning, caplog,
                                                             capfd):
    import logging
    # What a deployed function logs: INFO and above, and everything of the app's own loggers
    # (botocore's DEBUG wire log would show every item of every capability; it is never on).
    caplog.set_level(logging.INFO)
    for name in ("doorstep", "chalicelib", "app"):
        caplog.set_level(logging.DEBUG, logger=name)
    person = people()
    wrong = client.post("/v1/me/council-tax", {**BILLS[DEV], "online_key": "PTL8-3RZX"}, person.auth)
    assert wrong.status_code == 422
    made = linked(client, person, BILLS[DEV])
    view = client.get(f"/v1/me/council-tax/{made['id']}", person.auth).json_body
    assert view["summary"]["balance"] == 48_034
    out, err = capfd.readouterr()
    logged = caplog.text + out + err
    for secret in (ARREARS, "Patel", "480.34", "48034", "48,034", "PTL8", "07700 900315", "HB40721"):
        assert secret not in logged, secret


def test_a_bill_reaches_a_browser_over_http_as_a_private_pdf(client, dev, served):
    import urllib.request
    person, path = dev
    bill = client.get(path, person.auth).json_body["documents"][0]
    request = urllib.request.Request(f"http://127.0.0.1:{served.port}{path}/documents/{bill['id']}", headers={
        **person.auth, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        body, headers = answer.read(), answer.headers
    assert body.startswith(b"%PDF-") and body.rstrip().endswith(b"%%EOF")
    assert headers["Content-Type"] == "application/pdf" and headers["Cache-Control"] == "private, no-store"


def signed_in_again(deps, person):
    """The same resident with a session of the night's (the morning's has expired by then)."""
    from chalicelib.handlers.accounts import auth
    return {"Authorization": f"Bearer {auth.start_session(deps, person.user, deps.clock())['access_token']}"}


def test_in_the_nightly_window_the_copy_says_when_the_council_system_is_back(client, deps, dev, civica,
                                                                            council_morning):
    from datetime import datetime
    from support.revenues_support import LONDON
    person, path = dev
    client.get(path, person.auth)  # a copy kept at 10:00
    night = datetime(2026, 11, 25, 1, 45, tzinfo=LONDON)  # the local back office's window: 01:30-04:15
    civica.clock = lambda: night
    council_morning.move_to(night)
    view = client.get(path, signed_in_again(deps, person))
    assert view.status_code == 200 and view.json_body["stale"] is True  # the kept copy, not an error
    assert datetime.fromisoformat(view.json_body["back_at"]) == datetime(2026, 11, 25, 4, 15, tzinfo=LONDON)


def test_in_the_nightly_window_with_no_copy_the_answer_says_when_not_in_a_few_minutes(client, deps, dev, civica,
                                                                                    council_morning):
    from datetime import datetime
    from support.revenues_support import LONDON
    person, path = dev
    night = datetime(2026, 11, 25, 1, 45, tzinfo=LONDON)
    civica.clock = lambda: night
    council_morning.move_to(night)
    view = client.get(path, signed_in_again(deps, person))
    assert view.status_code == 503 and 8990 <= int(view.headers["Retry-After"]) <= 9000  # 01:45 to 04:15 (a ticking clock)
    assert view.json_body["error"]["message"] == ("Council tax accounts are closed overnight while the council's "
                                                  "system is updated. They are back at 4:15am.")


def test_the_nightly_answer_writes_its_time_as_the_screens_do():
    """"back at midday", as formatClock on the screen and every other message; strftime's "12pm" was not."""
    from datetime import datetime
    from chalicelib.handlers.revenues.wording import closed_for_the_night
    from support.revenues_support import LONDON
    assert closed_for_the_night(datetime(2026, 11, 25, 12, 0, tzinfo=LONDON)).endswith("They are back at midday.")
    assert closed_for_the_night(datetime(2026, 11, 25, 4, 15, tzinfo=LONDON)).endswith("They are back at 4:15am.")
