"""A category's target ("We aim to fix potholes within 20 working days")
comes from its due-date rule; a report shows how long it has been open
against it, and "overdue" for everyone once it is past it."""
import dataclasses
from datetime import datetime, timezone

from conftest import pothole


def _rule(deps, code="pothole", days=20):
    from chalicelib.storage.staff import due_rules
    from chalicelib.storage.records import DueRule
    deps.due_rules.put(DueRule(service_code=code, working_days=days, by_priority={"urgent": 1}))
    due_rules.clear_cache()


def test_a_category_with_a_rule_states_its_target_in_the_list_and_on_each_report(client, deps):
    _rule(deps)
    [service] = [s for s in client.get("/v1/services").json_body["services"] if s["service_code"] == "pothole"]
    assert service["target"]["working_days"] == 20
    assert service["target"]["text"].endswith("within 20 working days")
    created = client.post("/v1/reports", pothole())
    view = client.get(f"/v1/reports/{created.json_body['id']}").json_body
    # Once sent, the target is said as the body's own: whose it is.
    assert view["target"]["working_days"] == 20 and view["target"]["by"] == view["sent_to"][0]["body"]
    assert view["target"]["text"] == service["target"]["text"].replace("We aim", f"{view['target']['by']} aims")
    assert view["working_days_open"] == 0 and view["overdue"] is False


def test_a_category_without_a_rule_promises_nothing(client):
    [service] = [s for s in client.get("/v1/services").json_body["services"] if s["service_code"] == "pothole"]
    assert "target" not in service


def test_a_category_may_word_its_target_itself(deps):
    from chalicelib.handlers.shared.targets import target
    _rule(deps, days=1)
    aim = target(deps, {"service_code": "pothole", "name": "Pothole",
                        "target_text": "We aim to fix potholes within {days}"})
    assert aim == {"working_days": 1, "text": "We aim to fix potholes within 1 working day"}


def test_an_open_report_past_its_target_in_working_days_is_overdue_and_a_fixed_one_is_not(deps):
    from chalicelib.handlers.shared.targets import against_target
    from chalicelib.storage.records import Report
    _rule(deps)
    came = datetime(2026, 11, 2, 10, 0, tzinfo=timezone.utc)  # a Monday
    report = Report(id="DS-TARGET", service_code="pothole", state="open", description="d", created_at=came)
    service = {"service_code": "pothole", "name": "Pothole"}
    on_day_20 = dataclasses.replace(deps, clock=lambda: datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc))
    assert against_target(on_day_20, report, service)["working_days_open"] == 20
    assert against_target(on_day_20, report, service)["overdue"] is False
    on_day_22 = dataclasses.replace(deps, clock=lambda: datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc))
    assert against_target(on_day_22, report, service)["overdue"] is True
    fixed = dataclasses.replace(report, state="fixed")
    assert "overdue" not in against_target(on_day_22, fixed, service)


def test_at_a_point_the_target_is_said_as_the_body_s_that_takes_it(client, deps):
    from conftest import YORK_MINSTER
    _rule(deps)
    lat, lon = YORK_MINSTER
    listed = client.get(f"/v1/services?lat={lat}&lon={lon}").json_body["services"]
    [service] = [s for s in listed if s["service_code"] == "pothole"]
    body = service["bodies"][0]["name"]
    assert service["target"]["text"].startswith(f"{body} aims to ") and service["target"]["by"] == body


def test_several_bodies_aim_together_and_a_target_not_worded_as_ours_is_left_as_it_is():
    from chalicelib.handlers.shared.targets import whose
    assert whose("We aim to fix potholes within 2 working days", ["A", "B"]) == \
        "A and B aim to fix potholes within 2 working days"
    assert whose("Potholes are fixed within 2 working days", ["A"]) == "Potholes are fixed within 2 working days"
