"""Answers offered before a resident types them, from what the council knows.

A question names its source (`prefill`, limits.PREFILL). The signed-in
account's own details are offered now. The council tax ones
("council_tax.account_number", ".name", ".address", ".liable_from") are to
come from the resident's linked revenues account: until that adapter is
there they offer nothing, and the resident types them."""


def prefilled(deps, page):
    """{question id: suggested answer} for the questions of `page` the caller's
    details can fill; never stored until the resident saves the page."""
    principal = deps.principal
    if principal is None:
        return {}
    known = {"account.email": principal.email}
    offered = {}
    for question in page["questions"]:
        value = known.get(question.get("prefill"))
        if value:
            offered[question["id"]] = value
    return offered
