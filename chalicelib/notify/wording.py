"""What a push subscription's endpoint is refused for (a browser's push
service is a public https URL; anything else could point the sender inside
a network); and the words around an alert e-mail's own title and body
(templates.alert_email)."""

TOO_LONG = "The endpoint must be a URL of at most {max} characters."
SPACES = "The endpoint contains spaces or control characters."
NOT_URL = "The endpoint is not a valid URL."
NOT_HTTPS = "The endpoint must be an https URL."
CREDENTIALS = "The endpoint must not carry a user name or password."
PORT = "The endpoint must use the standard https port."
PRIVATE_ADDRESS = "The endpoint points at a private or reserved address."
NOT_PUBLIC_NAME = "The endpoint's host is not a public name."
UNRESOLVED = "The endpoint's host name does not resolve."
RESOLVES_PRIVATE = "The endpoint's host resolves to a private or reserved address."


# An alert e-mail (templates.alert_email), around the message's own title and body.
# Its plain text, as string.Template (its values are a resident's words: $ placeholders
# cannot reach into them); $reference is ALERT_REFERENCE's line, or nothing.
ALERT_EMAIL_TEXT = """\
$title
$reference
$body

See the details: $url

$why
Stop them: $unsubscribe_url
"""
# Its HTML's two links' words (the markup is templates.HTML).
ALERT_EMAIL_DETAILS_LINK = "See the details"
ALERT_EMAIL_STOP_LINK = "Stop these alerts"
# Why the reader gets it: the footer's first line.
WHY_ASKED = "You asked Doorstep to send you these alerts."
WHY_FORM_SENT = "You are told of each change to the form you sent."
# The line under the title: what it is about and its status, those known, joined by " - ".
FORM_REFERENCE = "Form {reference}"
REPORT_REFERENCE = "Report {report_id}"
STATUS = "Status: {label}"

# An alert as a text message (sms.alert_text): its title and body, shortened to one
# segment as {words}, then its link (or nothing, when the link would leave no room).
ALERT_SMS = "{title}: {body}"
ALERT_SMS_WITH_LINK = "{words} {link}"
