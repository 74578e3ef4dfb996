"""What an alert e-mail says, as plain text and HTML.

`string.Template` keeps the markup readable here and cannot run code; every
value is escaped before it goes in (titles and bodies may quote what a
resident typed), and only http(s) URLs become links.
"""
import html
from string import Template

from ..states import LABELS

ASKED = "You asked Doorstep to send you these alerts."
FORM_SENT = "You are told of each change to the form you sent."

TEXT = Template("""\
$title
$reference
$body

See the details: $url

$why
Stop them: $unsubscribe_url
""")

HTML = Template("""\
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>$title</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; max-width: 40em">
<h1 style="font-size: 1.25em">$title</h1>
$reference
<p>$body</p>
<p><a href="$url">See the details</a></p>
<hr>
<p style="font-size: 0.875em">$why
<a href="$unsubscribe_url">Stop these alerts</a>.</p>
</body>
</html>
""")


def alert_email(message):
    """(subject, text, html) for one alert message (see deliver.py)."""
    subject = " ".join(message["title"].split())  # a header: one line
    # People follow the page (a button that POSTs); mail clients POST the header's URL.
    unsubscribe = message.get("unsubscribe_page") or message["unsubscribe_url"]
    reference = _reference(message)
    why = FORM_SENT if message.get("form_reference") else ASKED
    text = TEXT.substitute(why=why, title=subject, reference=reference + "\n" if reference else "", body=message["body"],
                           url=message["url"], unsubscribe_url=unsubscribe)
    e = html.escape
    markup = HTML.substitute(
        why=e(why), title=e(subject), reference=f"<p><strong>{e(reference)}</strong></p>" if reference else "",
        body=e(message["body"]).replace("\n", "<br>\n"), url=e(link(message["url"])),
        unsubscribe_url=e(link(unsubscribe)))
    return subject, text, markup


def _reference(message):
    parts = []
    if message.get("form_reference"):
        parts.append(f"Form {message['form_reference']}")
    elif message.get("report_id"):
        parts.append(f"Report {message['report_id']}")
    if message.get("state"):
        parts.append(f"Status: {LABELS.get(message['state'], message['state'])}")
    return " - ".join(parts)


def link(url):
    """The URL if it is http(s), else nothing: never a javascript: link."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else ""
