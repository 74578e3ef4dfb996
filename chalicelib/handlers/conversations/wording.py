"""What a chat's checks say to a resident, in each field's own words as
GOV.UK writes errors, so every client shows the same sentences."""

NAME_OR_SIGN_IN = "Enter your name, or sign in"
CONTACT_OR_SIGN_IN = "Enter an email address or a phone number so we can answer, or sign in"

MESSAGE = {
    "text": {"missing": "Enter your message"},
    "email": {"invalid": "Enter an email address in the correct format, like name@example.com"},
    "phone": {"invalid": "Enter a phone number, like 01904 551550"},
}

# What a resident who has waited is told when they choose another way (waiting.py).
CHOSE_EMAIL = "We will answer your question by email to {email}. You can close this page now."
CHOSE_PHONE = "You can call us on {phone} ({hours}). Your question stays here in case an officer answers first."
CHOSE_END = "You ended the conversation."
CHOICE_FIELD = {"choice": "Choose email, phone or end",
                "email": "Enter an email address in the correct format, like name@example.com"}
EMAIL_ANSWER_TITLE = "The council's answer to your question"
EMAIL_ANSWER_TEXT = "{text}\n\nThe whole conversation, where you can write back: {url}\n"
