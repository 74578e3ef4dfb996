"""Small business relief and the change of use, computed from the rules as data: the thresholds' edges,
and the same premises in England and in Scotland."""
from fractions import Fraction

from chalicelib.handlers.business import planning_rule
from chalicelib.handlers.business.relief import relief, yearly

DAY = "2026-12-01"


def test_english_relief_is_whole_to_12000_and_starts_falling_one_pound_past_it():
    assert relief("england", DAY, 12000).fraction == 1
    assert relief("england", DAY, 12001).fraction == 1 - Fraction(1, 3000)  # not still 100%
    assert relief("england", DAY, 12050).percent_text == "98.333"  # as Barnsley's table prints it
    assert relief("england", DAY, 13500).fraction == Fraction(1, 2)
    assert relief("england", DAY, 14999).fraction == Fraction(1, 3000)
    assert relief("england", DAY, 15000).fraction == 0 and relief("england", DAY, 15000).why == "over"


def test_the_same_premises_get_relief_in_scotland_that_england_gives_none():
    for rv, scots in ((15000, Fraction(1, 4)), (16000, Fraction(1, 5)), (17500, Fraction(1, 8))):
        assert relief("england", DAY, rv).fraction == 0
        assert relief("scotland", DAY, rv).fraction == scots
    # Scotland tapers from 100% at 12,000 to 25% at 15,000, then to nothing at 20,000 (not 25% flat).
    assert relief("scotland", DAY, 13500).fraction == Fraction(5, 8)
    assert relief("scotland", DAY, 19999).fraction == Fraction(1, 20000)
    assert relief("scotland", DAY, 20000).fraction == 0 and relief("scotland", DAY, 20001).fraction == 0


def test_other_premises_count_by_each_jurisdictions_rule():
    # England: the others each under 2,900 and all together under 20,000 keep the main premises' relief.
    assert relief("england", DAY, 10000, [2899]).fraction == 1
    assert relief("england", DAY, 10000, [2900]).why == "others_too_big"
    assert relief("england", DAY, 10000, [2000, 2000, 2000, 2000, 2000]).why == "others_too_big"  # 20,000
    # Scotland: by the combined value: 12,000 together keeps 100%; past it, 25% at most on each.
    assert relief("scotland", DAY, 6000, [6000]).fraction == 1
    assert relief("scotland", DAY, 6000, [6001]).fraction == Fraction(1, 4)
    assert relief("scotland", DAY, 17500, [10000]).fraction == Fraction(1, 8)
    assert relief("scotland", DAY, 10000, [25001]).why == "others_too_big"


def test_no_rule_is_held_for_wales_or_before_a_scheme_began():
    assert relief("wales", DAY, 5000).why == "no_rule"
    assert relief("scotland", "2023-03-31", 5000).why == "no_rule"


def test_the_years_rates_and_relief_are_pence_rounded_down_from_the_multiplier():
    cafe = yearly("england", DAY, 13501, rhl=True)  # 13,501 x 38.2p = 5,157.382 -> 515,738p
    assert cafe["rates"] == 515_738 and isinstance(cafe["rates"], int)
    # 1,499/3,000 of it: 257,697.8... -> 257,697p, never rounded up to what the rule does not give
    assert cafe["relief"] == 257_697 and cafe["to_pay"] == 515_738 - 257_697
    office = yearly("england", DAY, 13501, rhl=False)
    assert office["rates"] == 13501 * 432 // 10
    scots = yearly("scotland", DAY, 16000, rhl=True)
    assert (scots["rates"], scots["relief"]) == (16000 * 481 // 10, 16000 * 481 // 10 // 5)
    assert yearly("wales", DAY, 9000, rhl=True)["rates"] is None


def test_a_shop_becoming_a_cafe_needs_no_permission_in_england_but_a_takeaway_does():
    assert planning_rule.change("england", "shop", "cafe")["state"] == "no_permission"  # both Class E
    assert planning_rule.change("england", "office", "restaurant")["state"] == "no_permission"
    assert planning_rule.change("england", "shop", "takeaway")["state"] == "permission_needed"
    assert planning_rule.change("england", "takeaway", "pub")["state"] == "permission_needed"
    assert planning_rule.change("england", "pub", "pub")["state"] == "no_permission"
    assert planning_rule.change("england", None, "cafe")["state"] == "unknown"


def test_in_scotland_a_shop_becoming_a_cafe_crosses_classes_and_is_permitted_only_within_limits():
    found = planning_rule.change("scotland", "shop", "cafe")
    assert (found["from_class"], found["to_class"], found["state"]) == ("1A", "3", "permitted_if")
    assert "1 metre" in found["limits"] and "Class 11A" in found["rule"]
    assert planning_rule.change("scotland", "office", "cafe")["state"] == "permission_needed"
    assert planning_rule.change("scotland", "cafe", "restaurant")["state"] == "no_permission"
