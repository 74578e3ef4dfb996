"""Council tax by jurisdiction: England's ninths, Scotland's 360ths since April 2017, and the
water and waste water charges Scottish councils bill with it, each line with the rule that made it."""
from chalicelib import council_tax
from chalicelib.councils.council import Council

ORDER = "the Council Tax (Substitution of Proportion) (Scotland) Order 2016 (SSI 2016/368)"


def council(jurisdiction, band_d=()):
    document = {"rules": {"council_tax": {"band_d": [{"year": y, "amount": a} for y, a in band_d]}}}
    return Council(id="x", name="X", short_name="X", jurisdiction=jurisdiction, version=1, document=document)


def by_kind(lines):
    return {line["kind"]: line for line in lines}


def test_a_scottish_band_c_is_320_360ths_of_band_d_with_its_water_lines():
    lines = by_kind(council_tax.lines(council("scotland", [(2025, 145_286)]), "C", 2025))
    assert lines["council_tax"]["amount"] == 129_143  # 1,452.86 x 320 / 360 = 1,291.431...
    assert lines["council_tax"]["rule"]["title"] == ORDER and lines["council_tax"]["rule"]["from"] == "2017-04-01"
    assert (lines["water"]["amount"], lines["waste_water"]["amount"]) == (24_704, 28_664)
    assert lines["water"]["rule"]["title"] == "Scottish Water's unmetered household charges"
    assert lines["water"]["year"] == 2025 and lines["water"]["rule"]["from"] == "2025-04-01"


def test_an_english_band_c_is_eight_ninths_and_has_no_water_lines():
    lines = by_kind(council_tax.lines(council("england", [(2026, 223_214)]), "C", 2026))
    assert lines["council_tax"]["amount"] == 198_412 and lines["council_tax"]["basis"]["of"] == 9
    assert set(lines) == {"council_tax"}


def test_the_scottish_rule_that_starts_in_2017_leaves_2016_on_ninths():
    nl = council("scotland", [(2016, 100_000), (2017, 100_000)])
    assert by_kind(council_tax.lines(nl, "E", 2016))["council_tax"]["amount"] == 122_222  # 11/9
    assert by_kind(council_tax.lines(nl, "E", 2017))["council_tax"]["amount"] == 131_389  # 473/360


def test_a_year_with_no_figures_yet_takes_the_latest_and_says_which_year_they_are():
    lines = by_kind(council_tax.lines(council("scotland", [(2025, 145_286)]), "C", 2027))
    assert lines["council_tax"]["year"] == 2025 and lines["water"]["year"] == 2026


def test_scottish_waters_2026_27_charges_are_its_published_band_a_and_band_d():
    """Band A £201.30 and £233.58, band D £301.95 and £350.37, as Scottish Water's 2026-27 page reads."""
    lines = {b: by_kind(council_tax.lines(council("scotland", [(2026, 150_000)]), b, 2026)) for b in "AD"}
    assert (lines["A"]["water"]["amount"], lines["A"]["waste_water"]["amount"]) == (20_130, 23_358)
    assert (lines["D"]["water"]["amount"], lines["D"]["waste_water"]["amount"]) == (30_195, 35_037)
    assert lines["D"]["water"]["rule"]["from"] == "2026-04-01" and lines["D"]["water"]["year"] == 2026


def test_no_band_or_no_band_d_gives_no_figure():
    assert council_tax.lines(council("scotland"), None, 2026) == []
    assert by_kind(council_tax.lines(council("scotland"), "C", 2026))["council_tax"]["amount"] is None


def test_scottish_waters_charges_are_still_ninths_of_its_band_d():
    """Scottish Water bills by the old proportions: a figure typed wrong in the data breaks this."""
    ninths = {"A": 6, "B": 7, "C": 8, "D": 9, "E": 11, "F": 13, "G": 15, "H": 18}
    for year in council_tax._document()["water"]["scotland"]:
        for kind in ("water", "waste_water"):
            d = year[kind]["D"]
            assert all(abs(year[kind][b] - council_tax.share(d, n, 9)) <= 1 for b, n in ninths.items()), year["id"]


def test_part_of_a_year_from_a_move_date_is_counted_day_by_day():
    from datetime import date
    assert council_tax.part_of_year(36_500, date(2026, 4, 1), 2026) == 36_500
    assert council_tax.part_of_year(36_500, date(2027, 3, 31), 2026) == 100
    assert council_tax.part_of_year(36_500, date(2026, 12, 1), 2026) == 12_100  # 121 of 365 days
