"""One rule decides what the public sees (chalicelib/visibility.py), and the
map, nearby reports, feeds, alerts, Open311 and the report view all ask it:
a category's reports appear in all of them or in none."""
import feedparser

from support.alert_support import MINSTER, area, push_alert

BBOX = "-1.10,53.95,-1.06,53.97"


def _everywhere(client, deps, report_id):
    """Where the report shows up, output by output."""
    from chalicelib.handlers.alerts.dispatch import matching_alerts
    report = deps.reports.get(report_id)
    seen = {
        "map": report_id in {f["id"] for f in client.get(f"/v1/reports?bbox={BBOX}").json_body["features"]},
        "nearby": report_id in {f["id"] for f in client.get(
            f"/v1/reports/nearby?lat={MINSTER['lat']}&lon={MINSTER['lon']}&radius_m=500&"
            f"service_code={report.service_code}").json_body["features"]},
        "feed": any(report_id in e.link for e in feedparser.parse(client.get(
            f"/v1/feeds/reports.rss?lat={MINSTER['lat']}&lon={MINSTER['lon']}&radius_m=1000").body).entries),
        "area alert": bool(matching_alerts(deps, "report_created", report)),
        "public view": "description" in client.get(f"/v1/reports/{report_id}").json_body,
        "open311": bool(client.get(f"/open311/v2/requests/{report_id}.json").json_body[0]["description"]),
    }
    return seen


def test_a_staff_inspection_is_public_in_every_output_like_a_residents_report(client, deps, people):
    staff = people("staff")
    client.post("/v1/alerts", push_alert(**area(800)))
    made = client.post("/v1/reports", {"service_code": "highway_inspection", **MINSTER, "fields": {"risk": "high"},
                                       "description": "Kerb stone loose by the west door."}, staff.auth)
    assert made.status_code == 201
    assert _everywhere(client, deps, made.json_body["id"]) == dict.fromkeys(
        ["map", "nearby", "feed", "area alert", "public view", "open311"], True)


def test_a_private_category_with_a_place_is_in_no_public_output(client, deps):
    deps.services.put({"service_code": "neighbour_noise", "name": "Noise from a neighbour", "group": "Community",
                       "location": "required", "private": True, "fields": []})
    client.post("/v1/alerts", push_alert(**area(800)))
    made = client.post("/v1/reports", {"service_code": "neighbour_noise", **MINSTER,
                                       "description": "Loud music every night at number 4."})
    assert made.status_code == 201
    assert _everywhere(client, deps, made.json_body["id"]) == dict.fromkeys(
        ["map", "nearby", "feed", "area alert", "public view", "open311"], False)
