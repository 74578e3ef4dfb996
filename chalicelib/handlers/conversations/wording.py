"""What a chat's checks say to a resident, in each field's own words as
GOV.UK writes errors, so every client shows the same sentences."""

NAME_OR_SIGN_IN = "Enter your name, or sign in"
CONTACT_OR_SIGN_IN = "Enter an e-mail address or a phone number so we can answer, or sign in"

MESSAGE = {
    "text": {"missing": "Enter your message"},
    "email": {"invalid": "Enter an e-mail address in the correct format, like name@example.com"},
    "phone": {"invalid": "Enter a phone number, like 01904 551550"},
}
