"""SMS: SNS outside the local and test stages; always a row in the outbox.

Texts aim for one 160-character GSM-7 segment: one non-GSM character (a curly
quote, an emoji) would make the whole text UCS-2, 70 characters a segment,
so typography is folded to GSM and the rest dropped. A text holds only what
the alert message holds (title, body, link): never anyone else's details.
"""
import re
import unicodedata

from . import FAILED, LOCAL_STAGES, SENT
from .outbox import keep, outbox_row
from .wording import ALERT_SMS, ALERT_SMS_WITH_LINK

E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
SEGMENT = 160
GSM_BASIC = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
                "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
GSM_EXTENDED = set("^{}\\[~]|€")  # two septets each
FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ",
                      "…": "...", "•": "-", "\t": " ",
                      "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "œ": "oe", "Œ": "OE"})


def send_sms(phone, text, settings, now, new_id):
    """One text to one E.164 number; returns an outcome (notify.SENT...)."""
    if not isinstance(phone, str) or not E164.match(phone):
        return FAILED
    row = outbox_row("sms", phone, text, now, new_id)
    outcome = SENT
    if settings.stage not in LOCAL_STAGES:
        from . import aws
        sns = aws.client("sns", settings)
        outcome = aws.call(sns.publish, PhoneNumber=phone, Message=text, MessageAttributes={
            "AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"}}) or SENT
        row.status = outcome
    keep(row)
    return outcome


def alert_text(message):
    """`title: body link`, shortened to one segment; the link is kept whole."""
    url = message.get("url") or ""
    words = gsm(ALERT_SMS.format(title=message["title"], body=message["body"]))
    room = SEGMENT - (septets(url) + 1 if url else 0)
    if room < 40:  # a link that long leaves no room to say anything: leave it out
        url, room = "", SEGMENT
    return ALERT_SMS_WITH_LINK.format(words=shorten(words, room), link=url).strip()


def gsm(text):
    """Text in the GSM-7 alphabet: typography folded, accents dropped where
    GSM lacks the letter, anything else (emoji) left out."""
    out = []
    for c in " ".join(text.translate(FOLD).split()):
        if c not in GSM_BASIC and c not in GSM_EXTENDED:
            c = "".join(d for d in unicodedata.normalize("NFKD", c) if d in GSM_BASIC)
        out.append(c)
    return "".join(out)


def septets(text):
    return sum(2 if c in GSM_EXTENDED else 1 for c in text)


def shorten(text, room):
    if septets(text) <= room:
        return text
    text = text[:room]
    while septets(text) > room - 3:
        text = text[:-1]
    return text.rstrip() + "..."
