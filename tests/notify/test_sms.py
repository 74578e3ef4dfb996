"""SMS alerts: one GSM-7 segment where possible, the outbox locally, SNS when deployed."""
import pytest

from support.notify_support import NOW, alert, new_id, stage

from chalicelib.notify import sms
from chalicelib.notify.deliver import deliver

PHONE = "+447700900123"


def outbox():
    from chalicelib.storage.outbox import OutboxModel
    return list(OutboxModel.recipient_index.query(PHONE))


def sns_texts():
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.sns.models import sns_backends
    return list(sns_backends[DEFAULT_ACCOUNT_ID]["eu-west-2"].sms_messages.values())


def test_local_text_lands_in_the_outbox(storage):
    assert deliver("sms", PHONE, alert(), stage("local"), NOW, new_id) == "sent"
    [row] = outbox()
    assert (row.channel, row.status) == ("sms", "kept")
    assert row.body == ("DS-7K3F9Q is now Fixed: The pothole outside the Minster's west door was filled today. "
                        "https://doorstep.example.gov.uk/reports/DS-7K3F9Q")
    assert sns_texts() == []


def test_long_alert_fits_one_segment_with_its_link_whole(storage):
    deliver("sms", PHONE, alert(body="A very long update. " * 40), stage("local"), NOW, new_id)
    text = outbox()[0].body
    assert sms.septets(text) <= 160
    assert text.endswith("... https://doorstep.example.gov.uk/reports/DS-7K3F9Q")


def test_typography_and_emoji_are_folded_into_gsm_seven_bit():
    text = sms.alert_text(alert(title="Bin day “moved” – Café Street", body="Now Thursday 🗑️…", url=""))
    assert text == 'Bin day "moved" - Café Street: Now Thursday ...'
    assert all(c in sms.GSM_BASIC for c in text)
    assert sms.alert_text(alert(title="Łódź", body="ok", url="")) == "Lodz: ok"


def test_a_number_that_is_not_e164_fails_and_sends_nothing(storage):
    assert deliver("sms", "07700 900123", alert(), stage("local"), NOW, new_id) == "failed"
    assert outbox() == []


def test_deployed_text_goes_through_sns(storage):
    assert deliver("sms", PHONE, alert(), stage("prod"), NOW, new_id) == "sent"
    [(phone, text)] = sns_texts()
    assert phone == PHONE and text.startswith("DS-7K3F9Q is now Fixed:")
    assert outbox()[0].status == "sent"


@pytest.mark.parametrize("code, outcome", [("ThrottledException", "retry"), ("InternalError", "retry"),
                                           ("InvalidParameter", "failed"), ("AuthorizationError", "failed")])
def test_aws_errors_become_retry_or_failed(code, outcome):
    from botocore.exceptions import ClientError
    from chalicelib.notify import aws

    def refuse(**_):
        raise ClientError({"Error": {"Code": code}, "ResponseMetadata": {"HTTPStatusCode": 400}}, "Publish")
    assert aws.call(refuse) == outcome
