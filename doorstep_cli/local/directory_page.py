"""The local directory's pages (directory.py): where a developer chooses which test officer signs in and
whether they used their second factor, and what it says when it will not sign someone in. Every word a
person reads here is in WORDS, in one place, as the local ScotAccount keeps its own."""
from __future__ import annotations

import html

WORDS = {
    "title": "Microsoft Entra ID (local)",
    "intro": "A test directory on this machine, for {tenant_name}. Choose who signs in.",
    "second_factor": "I used my second factor (the Authenticator app)",
    "sign_in_as": "Sign in as {name} ({upn})",
    "disabled_mark": "account disabled",
    "disabled": "AADSTS50057: The user account is disabled. {name}'s account has been turned off in the directory.",
    "unknown_person": "AADSTS50034: The user account does not exist in this directory.",
    "bad_request": "Sorry, but we're having trouble signing you in. {detail}",
    "signed_out": "You signed out of your account. It's a good idea to close all browser windows.",
    "signed_out_title": "Signed out",
    "nobody": "There is nobody in this directory yet: add someone with `doorstep directory add`.",
}


def _document(title: str, body: str, status_words: str = "") -> bytes:
    said = f'<p role="alert">{html.escape(status_words)}</p>' if status_words else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
            f'<body><main><h1>{html.escape(title)}</h1>{said}{body}</main></body></html>').encode()


def chooser(action: str, query: dict, people: list[dict], tenant_name: str, problem: str = "") -> bytes:
    """The sign-in page: the authorization request carried along hidden, one button for each person."""
    hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                     for k, v in query.items())
    factor = (f'<p><label><input type="checkbox" name="mfa" value="yes" checked> '
              f'{html.escape(WORDS["second_factor"])}</label></p>')
    buttons = "".join(
        f'<li><button name="person" value="{html.escape(p["id"])}">'
        f'{html.escape(WORDS["sign_in_as"].format(name=p["displayName"], upn=p["userPrincipalName"]))}'
        f'{"" if p["accountEnabled"] else " (" + html.escape(WORDS["disabled_mark"]) + ")"}</button></li>'
        for p in people)
    listed = f"<ul>{buttons}</ul>" if people else f'<p>{html.escape(WORDS["nobody"])}</p>'
    intro = f'<p>{html.escape(WORDS["intro"].format(tenant_name=tenant_name))}</p>'
    return _document(WORDS["title"], f'{intro}<form method="post" action="{html.escape(action)}">'
                                     f'{hidden}{factor}{listed}</form>', problem)


def trouble(detail: str) -> bytes:
    """A request the directory will not send anywhere (an unknown client, an unregistered redirect URI)."""
    return _document(WORDS["title"], "", WORDS["bad_request"].format(detail=detail))


def signed_out() -> bytes:
    return _document(WORDS["signed_out_title"], f'<p>{html.escape(WORDS["signed_out"])}</p>')
