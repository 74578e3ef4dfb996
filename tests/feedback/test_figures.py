"""The business case's figures (issue 72, item 4): take-up, completion, satisfaction and cost by
channel, month by month for the council's year, small numbers withheld so none can be worked out."""
from datetime import datetime, timezone

import time_machine

from chalicelib.councils.council import Council
from chalicelib.handlers.feedback import figures

YORK = Council(id="york", name="City of York Council", short_name="York", version=1)


def _month(**counts):
    return figures.month_figures(counts, figures.costs_of(YORK), "2026-11")


def test_take_up_completion_satisfaction_and_cost_from_the_months_counts():
    shown = _month(started_online=200, finished_online=150, finished_assisted=30, contacts_phone=20,
                   answers_online_5=12, answers_online_4=6, answers_online_1=2)
    assert shown["transactions"] == 200
    assert shown["digital_take_up"] == 75.0  # 150 of 200
    assert shown["completion_rate"] == 75.0  # 150 finished of 200 started online
    assert shown["satisfaction"] == 90.0  # 18 of 20 satisfied or very
    # 150 x 8p + 30 x 339p + 20 x 339p = 18,150p over 200 transactions
    assert shown["cost_per_transaction_pence"] == 91
    assert shown["saving_pence"] == 150 * (339 - 8)


def test_a_count_of_transactions_under_ten_is_shown_with_the_figures_made_from_it():
    """North Lanarkshire's take-up was withheld in 67 of its 104 rows for a channel's count under 10: a count
    of transactions identifies nobody, so 7 assisted beside 150 online is published, and so are the total,
    take-up and the cost per transaction made from it."""
    shown = _month(started_online=200, finished_online=150, finished_assisted=7)
    assert shown["counts"]["assisted"] == 7 and shown["transactions"] == 157
    assert (shown["digital_take_up"], shown["cost_per_transaction_pence"]) == (95.5, 23)  # 150x8p + 7x339p over 157
    few = _month(started_online=9, finished_online=8, contacts_face_to_face=1, compliments=2)
    assert (few["counts"]["online"], few["counts"]["started_online"], few["counts"]["compliments"]) == (8, 9, 2)
    assert (few["completion_rate"], few["digital_take_up"], few["saving_pence"]) == (88.9, 88.9, 8 * (339 - 8))
    assert shown["withheld"] == few["withheld"] == []


def test_satisfaction_from_fewer_than_ten_answers_is_withheld():
    told = _month(finished_online=50, answers_online_5=9)
    assert told["satisfaction"] is None and told["withheld"] == ["satisfaction"]
    assert told["counts"]["answers"] == 9  # how many answered identifies nobody; what they said could
    assert _month(finished_online=50, answers_online_5=9, answers_assisted_1=1)["satisfaction"] == 90.0


def test_nothing_published_of_a_month_moves_with_what_fewer_than_ten_people_answered():
    """No withheld figure can be worked out from the published ones: a month whose answers are under 10 is
    published the same, to the last figure, however those answers went."""
    counts = {"started_online": 40, "finished_online": 30, "finished_assisted": 4, "contacts_phone": 3}
    published = {str(_month(**counts, **ratings)) for ratings in (
        {"answers_online_5": 9}, {"answers_online_1": 9}, {"answers_online_3": 5, "answers_assisted_4": 4},
        {"answers_assisted_2": 1, "answers_online_5": 8})}
    assert len(published) == 1


def test_no_month_of_every_service_added_moves_with_what_fewer_than_ten_people_answered_in_one():
    """A month of the year's trend (or the year so far) beside a service's withheld month: published the same,
    to the last figure, however that service's few answers went; so is a month where every service's is withheld."""
    costs = figures.costs_of(YORK)
    for published in ({"finished_online": 20, "answers_online_5": 12}, {"finished_online": 20, "answers_online_2": 3}):
        seen = {str(figures.summary([published, {"finished_online": 4, **ratings}], costs)) for ratings in (
            {"answers_online_5": 9}, {"answers_online_1": 9}, {"answers_online_3": 5, "answers_assisted_4": 4})}
        assert len(seen) == 1, seen


def test_a_councils_own_channel_costs_replace_the_cases():
    own = Council(id="york", name="York", short_name="York", version=2,
                  document={"channel_costs": {"phone": 500, "online": 20}})
    costs = figures.costs_of(own)
    assert costs == {"face_to_face": 1053, "phone": 500, "online": 20, "assisted": 500}


NOVEMBER = datetime(2026, 11, 27, 10, tzinfo=timezone.utc)


def test_the_year_is_the_councils_april_to_march(deps):
    deps.feedback.add("2026-03", "halls", {"finished_assisted": 40})
    deps.feedback.add("2026-04", "halls", {"finished_assisted": 12})
    deps.feedback.add("2027-03", "halls", {"finished_online": 30})
    with time_machine.travel(datetime(2027, 4, 2, 9, tzinfo=timezone.utc)):
        year = figures.year_of(deps, 2026)
    assert year["months"][0] == "2026-04" and year["months"][-1] == "2027-03"
    halls = year["services"]["halls"]
    assert halls[0]["counts"]["assisted"] == 12 and halls[-1]["counts"]["online"] == 30


def test_months_not_yet_begun_are_not_given_as_months_of_nothing(client, deps):
    """On 27 November the year so far is April to November: December's nought would read as a month
    with no transactions, in the CSV a councillor pastes into a spreadsheet most of all."""
    deps.feedback.add("2026-11", "bills", {"finished_online": 40})
    with time_machine.travel(NOVEMBER):
        year = client.get("/v1/figures?year=2026").json_body
        csv = client.get("/v1/figures?year=2026&format=csv").body.decode().splitlines()
        coming = client.get("/v1/figures?year=2027").json_body
    assert year["months"][-1] == "2026-11" and len(year["services"]["bills"]) == 8
    assert [line.split(",")[1] for line in csv[1:]] == figures.months_of(2026)[:8]
    assert coming["months"] == [] and coming["services"] == {}


@time_machine.travel(NOVEMBER)
def test_the_figures_are_open_data_in_json_and_csv_for_a_few_reads_whatever_the_transactions(client, deps):
    import re
    for _ in range(3):
        deps.feedback.add("2026-11", "bills", {"finished_online": 40, "started_online": 50, "answers_online_5": 4})
    deps.feedback.add("2026-11", "halls", {"finished_assisted": 3})
    r = client.get("/v1/figures?year=2026")
    assert r.status_code == 200
    bills = r.json_body["services"]["bills"][7]  # November: the eighth month from April
    assert (bills["month"], bills["counts"]["online"], bills["completion_rate"], bills["satisfaction"]) == (
        "2026-11", 120, 80.0, 100.0)
    assert r.json_body["services"]["halls"][7]["counts"]["assisted"] == 3  # a count: it identifies nobody
    assert "withheld" in r.json_body["definitions"]
    assert re.search(r"queries=1 items=2\b", r.headers["Server-Timing"])
    csv = client.get("/v1/figures?year=2026&format=csv")
    assert csv.headers["Content-Type"].startswith("text/csv")
    lines = csv.body.decode().splitlines()
    assert lines[0].startswith("service,month,transactions,online,assisted")
    assert "bills,2026-11,120,120,0,0,0,150,12,100.0,80.0,100.0," in "\n".join(lines)
    assert lines[0].endswith(",notes")
    for bad in ("/v1/figures", "/v1/figures?year=twenty", "/v1/figures?year=2026&format=xml"):
        assert client.get(bad).status_code == 400, bad


@time_machine.travel(NOVEMBER)
def test_the_rule_for_small_numbers_and_its_sources_travel_with_the_figures(client, deps):
    """The JSON says what is withheld, why and on whose guidance; the CSV's rows say it where a figure is."""
    deps.feedback.add("2026-11", "bills", {"finished_online": 40, "answers_online_5": 4})
    year = client.get("/v1/figures?year=2026").json_body
    rule = year["small_numbers"]
    assert "fewer than 10" in rule["rule"] and "identif" in rule["rule"]
    named = " ".join(source["name"] for source in rule["sources"])
    assert "Office for National Statistics" in named and "Information Commissioner" in named
    assert all(source["url"].startswith("https://") for source in rule["sources"])
    assert year["services"]["bills"][7]["withheld"] == ["satisfaction"]
    csv = client.get("/v1/figures?year=2026&format=csv").body.decode()
    november = next(line for line in csv.splitlines() if line.startswith("bills,2026-11,"))
    assert "fewer than 10" in november and "Office for National Statistics" in november
    assert "Information Commissioner" in november


def test_a_year_that_is_not_a_whole_number_is_refused_naming_the_field(client):
    """year=2026.5 answered 200 with 2026's figures: a year is a whole number, as the document says."""
    for year in ("2026.5", "2026.0", "2e3", " 2026", "-2026"):
        r = client.get(f"/v1/figures?year={year}")
        assert r.status_code == 400, year
        assert r.json_body["error"]["code"] == "validation_failed"
        assert [f["field"] for f in r.json_body["error"]["fields"]] == ["year"], year


@time_machine.travel(NOVEMBER)
def test_the_year_so_far_is_summed_in_a_few_numbers_and_gives_no_withheld_satisfaction_away(client, deps):
    """The page opens with the council's year in a few numbers: every service's months added, satisfaction
    from the published cells alone (with 4 answers withheld beside them, the year's share of all answers
    would give those 4 away)."""
    deps.feedback.add("2026-10", "bills", {"started_online": 100, "finished_online": 75, "finished_assisted": 25,
                                           "answers_online_5": 12, "answers_online_2": 3})
    deps.feedback.add("2026-11", "bills", {"started_online": 50, "finished_online": 45, "contacts_phone": 5,
                                           "answers_online_1": 4})
    deps.feedback.add("2026-11", "halls", {"finished_online": 30, "finished_assisted": 10, "answers_online_4": 10})
    year = client.get("/v1/figures?year=2026").json_body
    assert year["summary"] == {
        "transactions": 190, "digital_take_up": 78.9,  # 150 online of 190
        "completion_rate": 80.0,  # 120 finished online of 150 started (halls counted no starts)
        "satisfaction": 88.0, "answers": 25,  # 22 of October's bills and November's halls; not November's 4
        "saving_pence": 150 * (339 - 8), "withheld": []}
    assert "year_so_far" in year["definitions"]


@time_machine.travel(NOVEMBER)
def test_the_year_month_by_month_adds_every_service_and_withholds_a_month_no_service_could_publish(client, deps):
    """The year's trend for a councillor on a phone: each month with every service added, as the year so far is.
    A month's satisfaction adds only the services whose own is published (October's 4 halls answers are not in
    it), and a month where no service had 10 answers is withheld (September's 6 and 5: their 11 are not added
    up, for the services' own figures withheld beside them would be given away)."""
    deps.feedback.add("2026-09", "bills", {"finished_online": 8, "contacts_phone": 2, "answers_online_5": 6})
    deps.feedback.add("2026-09", "halls", {"finished_online": 4, "answers_online_4": 5})
    deps.feedback.add("2026-10", "bills", {"started_online": 20, "finished_online": 15, "finished_assisted": 5,
                                           "answers_online_5": 9, "answers_online_1": 3})
    deps.feedback.add("2026-10", "halls", {"finished_online": 10, "answers_online_4": 4})
    deps.feedback.add("2025-06", "bills", {"finished_online": 3, "answers_online_5": 3})  # a year all withheld
    year = client.get("/v1/figures?year=2026").json_body
    by_month = {m["month"]: m for m in year["summary_by_month"]}
    assert list(by_month) == year["months"] == [f"2026-{m:02d}" for m in range(4, 12)]
    none = {"transactions": 0, "digital_take_up": None, "completion_rate": None, "satisfaction": None,
            "answers": 0, "saving_pence": 0, "withheld": []}
    assert [by_month[m] for m in year["months"][:5]] == [{"month": m, **none} for m in year["months"][:5]]
    assert by_month["2026-09"] == {"month": "2026-09", "transactions": 14, "digital_take_up": 85.7,  # 12 of 14
                                   "completion_rate": None, "satisfaction": None, "answers": 0,
                                   "saving_pence": 12 * (339 - 8), "withheld": ["satisfaction"]}
    assert by_month["2026-10"] == {"month": "2026-10", "transactions": 30, "digital_take_up": 83.3,  # 25 of 30
                                   "completion_rate": 75.0, "satisfaction": 75.0, "answers": 12,  # 9 of the bills' 12
                                   "saving_pence": 25 * (339 - 8), "withheld": []}
    assert by_month["2026-11"] == {"month": "2026-11", **none}
    assert year["summary"]["withheld"] == []  # October's bills are published
    earlier = client.get("/v1/figures?year=2025").json_body
    assert (earlier["summary"]["satisfaction"], earlier["summary"]["withheld"]) == (None, ["satisfaction"])
    assert {m["month"]: m["withheld"] for m in earlier["summary_by_month"] if m["withheld"]} == {
        "2025-06": ["satisfaction"]}
