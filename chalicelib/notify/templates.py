"""What an alert e-mail says, as plain text and HTML.

`string.Template` keeps the markup readable here and cannot run code; every
value is escaped before it goes in (titles and bodies may quote what a
resident typed), and only http(s) URLs become links.
"""
import html
from string import Template

from ..states import LABELS
from .wording import (ALERT_EMAIL_DETAILS_LINK, ALERT_EMAIL_STOP_LINK, ALERT_EMAIL_TEXT, FORM_REFERENCE,
                      REPORT_REFERENCE, STATUS, WHY_ASKED, WHY_FORM_SENT)

TEXT = Template(ALERT_EMAIL_TEXT)

HTML = Template("""\
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>$title</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; max-width: 40em">
<h1 style="font-size: 1.25em">$title</h1>
$reference
<p>$body</p>
<p><a href="$url">$details_link</a></p>
<hr>
<p style="font-size: 0.875em">$why
<a href="$unsubscribe_url">$stop_link</a>.</p>
</body>
</html>
""")


def alert_email(message):
    """(subject, text, html) for one alert message (see deliver.py)."""
    subject = " ".join(message["title"].split())  # a header: one line
    # People follow the page (a button that POSTs); mail clients POST the header's URL.
    unsubscribe = message.get("unsubscribe_page") or message["unsubscribe_url"]
    reference = _reference(message)
    why = WHY_FORM_SENT if message.get("form_reference") else WHY_ASKED
    text = TEXT.substitute(why=why, title=subject, reference=reference + "\n" if reference else "", body=message["body"],
                           url=message["url"], unsubscribe_url=unsubscribe)
    e = html.escape
    markup = HTML.substitute(
        why=e(why), title=e(subject), reference=f"<p><strong>{e(reference)}</strong></p>" if reference else "",
        body=e(message["body"]).replace("\n", "<br>\n"), url=e(link(message["url"])),
        unsubscribe_url=e(link(unsubscribe)), details_link=e(ALERT_EMAIL_DETAILS_LINK),
        stop_link=e(ALERT_EMAIL_STOP_LINK))
    return subject, text, markup


def _reference(message):
    parts = []
    if message.get("form_reference"):
        parts.append(FORM_REFERENCE.format(reference=message["form_reference"]))
    elif message.get("report_id"):
        parts.append(REPORT_REFERENCE.format(report_id=message["report_id"]))
    if message.get("state"):
        parts.append(STATUS.format(label=LABELS.get(message["state"], message["state"])))
    return " - ".join(parts)


def link(url):
    """The URL if it is http(s), else nothing: never a javascript: link."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else ""
