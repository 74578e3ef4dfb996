"""The pages a resident takes, worked out from their answers alone.

From the first page, each page answered leads on by its first route whose
condition its answers meet, else by its `next`, else to the following page;
the walk stops at the first page not yet answered, or at the end. Routes
only go forward (checks.py), so the walk ends. Nothing about the path is
stored: answers left on a branch the resident turned away from stay kept
(should they turn back) but are not on the path, so check your answers does
not show them and the submission does not send them."""
from .limits import END


def walk(definition, answers):
    """(pages taken, the page to answer next or END)."""
    pages = definition["pages"]
    index = {p["id"]: i for i, p in enumerate(pages)}
    taken, i = [], 0
    while i < len(pages):
        page = pages[i]
        if not answered(page, answers):
            return taken, page["id"]
        taken.append(page["id"])
        goto = leads_to(page, answers)
        i = len(pages) if goto == END else index[goto] if goto else i + 1
    return taken, END


def answered(page, answers):
    return all(q["id"] in answers for q in page["questions"])


def leads_to(page, answers):
    """The id the page leads to (END: the end; None: the following page)."""
    for route in page.get("routes") or ():
        if meets(route["when"], answers.get(route["when"]["question"])):
            return route["goto"]
    return page.get("next")


def meets(when, answer):
    chosen = set(answer) if isinstance(answer, list) else {answer}
    wanted = {when["equals"]} if "equals" in when else set(when["any_of"])
    return bool(chosen & wanted)


def page_of(definition, page_id):
    for page in definition["pages"]:
        if page["id"] == page_id:
            return page
    return None


def check_path(deps, definition, given):
    """(answers kept, pages taken, [(field, message)]): every page on the path the answers take checked at
    once, by each question's own check: a form answered whole in one request (a consultation's response, a
    licence's application) rather than page by page."""
    from .answers import check
    pages = definition["pages"]
    index = {p["id"]: n for n, p in enumerate(pages)}
    kept, taken, problems, n = {}, [], [], 0
    while n < len(pages):
        page = pages[n]
        taken.append(page["id"])
        for question in page["questions"]:
            kept[question["id"]], wrong = check(deps, question, given.get(question["id"]))
            problems += wrong
        goto = leads_to(page, kept)
        n = len(pages) if goto == END else index[goto] if goto else n + 1
    return {k: v for k, v in kept.items() if v is not None}, taken, problems
