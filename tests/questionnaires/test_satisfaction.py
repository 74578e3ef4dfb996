"""Satisfaction in GET /v1/stats comes from the answers: the figures kept
from the events stream equal the same worked out again from the recorded
answers, and a stream delivered twice counts nothing twice."""
import random
from datetime import datetime, timedelta, timezone

from conftest import pothole
from support.questionnaire_support import stream

BODIES = [pothole(), pothole(service_code="graffiti", fields={"offensive": "no"}),
          pothole(service_code="litter", fields={})]


def answered_reports(deps, count, seed=5):
    """`count` reports asked and answered (fixed or not, ratings 1-5, as the seed falls)."""
    from chalicelib import ids
    from chalicelib.handlers.questionnaires.answering import answer
    from chalicelib.handlers.reports.create import create_report
    from chalicelib.storage.records import Questionnaire
    rng, now = random.Random(seed), datetime.now(timezone.utc)
    for i in range(count):
        rid = create_report(deps, BODIES[i % len(BODIES)])[0]["id"]
        due = Questionnaire(report_id=rid, closed_at=now, closed_state="fixed", due_at=now)
        deps.questionnaires.schedule(due)
        assert deps.questionnaires.claim(due, ids.digest(f"token-{i}"), now, ["email"], now + timedelta(minutes=15))
        answer(deps, rid, {"token": f"token-{i}", "fixed": rng.random() < 0.7, "rating": rng.randint(1, 5)})


def recomputed(deps, service_code=None):
    """Satisfaction worked out again from the stored answers alone (tests only: a scan is fine)."""
    from chalicelib.storage.crews.questionnaires import QuestionnaireModel
    answers = [q.answer for q in QuestionnaireModel.scan() if q.answer
               and (service_code is None or deps.reports.get(q.report_id).service_code == service_code)]
    if not answers:
        return None
    ratings = [a["rating"] for a in answers]
    return {"responses": len(answers), "average": round(sum(ratings) / len(ratings), 2),
            "by_rating": {str(n): ratings.count(n) for n in range(1, 6)},
            "not_fixed": sum(1 for a in answers if not a["fixed"])}


def test_satisfaction_equals_the_answers_worked_out_again_and_counts_each_answer_once(client, deps):
    assert client.get("/v1/stats").json_body["satisfaction"] is None
    answered_reports(deps, 17)
    stream(deps)
    stream(deps, set())  # every event delivered again
    figures = client.get("/v1/stats").json_body
    assert figures["satisfaction"] == recomputed(deps) and figures["satisfaction"]["responses"] == 17
    for category in figures["categories"]:
        assert category["satisfaction"] == recomputed(deps, category["service_code"]), category["service_code"]
