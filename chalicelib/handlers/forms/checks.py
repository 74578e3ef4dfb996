"""What a form definition's schema cannot say, each error with its path.

Routes only go forward: a route (or a page's `next`) leads to a later page or
to the end, and a condition asks a question on its own page or an earlier
one, never a later one (GOV.UK Forms refuses the same: its
`goto_page_before_routing_page`). So every resident's path through a form
ends, and check your answers can replay it from the answers alone. Every
page must be reachable from the first by some path, or no one could answer
it. Written defensively: it runs even where the schema found errors, so all
of them are reported at once.
"""
from . import wording
from .limits import END, ROUTABLE


def path_of(parts):
    """A JSON path ("$.pages[0].id") from its parts (keys and indexes)."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def semantic_errors(definition):
    pages = definition.get("pages") if isinstance(definition.get("pages"), list) else []
    found = []
    index = _page_index(pages, found)
    questions = _question_index(pages, found)
    for i, page in enumerate(pages):
        if not isinstance(page, dict):
            continue
        for r, route in enumerate(page.get("routes") or []):
            if isinstance(route, dict):
                found += _route_errors(i, r, route, index, questions)
        if isinstance(page.get("next"), str):
            found += _goto_errors(["pages", i, "next"], page["next"], i, index)
    found += _hand_on_errors(definition.get("hand_on"), questions)
    found += _template_errors(definition.get("templates"))
    if not any(message in (wording.BACKWARDS,) or message.startswith("No page has") for _, message in found):
        # A route to no page (or backwards) strands the pages after it: its
        # own error says what to mend, and "unreachable" would only echo it.
        found += _unreachable(pages)
    return found


def _template_errors(templates):
    """A template's id names it for staff's change (PATCH template): one id, one template."""
    seen, found = set(), []
    for i, template in enumerate(templates if isinstance(templates, list) else ()):
        template_id = template.get("id") if isinstance(template, dict) else None
        if template_id in seen:
            found.append((path_of(["templates", i, "id"]), wording.duplicate_template(template_id)))
        seen.add(template_id)
    return found


def _page_index(pages, found):
    index = {}
    for i, page in enumerate(pages):
        page_id = page.get("id") if isinstance(page, dict) else None
        if not isinstance(page_id, str):
            continue
        if page_id == END:
            found.append((path_of(["pages", i, "id"]), wording.END_IS_RESERVED))
        elif page_id in index:
            found.append((path_of(["pages", i, "id"]), wording.duplicate_page(page_id, index[page_id])))
        else:
            index[page_id] = i
    return index


def _question_index(pages, found):
    """{question id: (page index, question)}: ids are unique across the form,
    as answers are kept by question id."""
    index = {}
    for i, page in enumerate(pages):
        for k, question in enumerate(page.get("questions") or [] if isinstance(page, dict) else []):
            if not isinstance(question, dict):
                continue
            qid = question.get("id")
            where = ["pages", i, "questions", k]
            if isinstance(qid, str):
                if qid in index:
                    found.append((path_of([*where, "id"]), wording.duplicate_question(qid)))
                else:
                    index[qid] = (i, question)
            found += _question_errors(where, question)
    return index


def _question_errors(where, question):
    found = _empty_words_errors(where, question)
    options = question.get("options") if question.get("type") == "selection" else None
    seen = set()
    for m, option in enumerate(options if isinstance(options, list) else []):
        value = option.get("value") if isinstance(option, dict) else None
        if value in seen:
            found.append((path_of([*where, "options", m, "value"]), wording.duplicate_option(value)))
        seen.add(value)
    low, high = question.get("min"), question.get("max")
    if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
        found.append((path_of([*where, "min"]), wording.MIN_OVER_MAX))
    if question.get("type") == "add_another":
        inner = set()
        for k, part in enumerate(question.get("questions") or []):
            if isinstance(part, dict) and part.get("id") in inner:
                found.append((path_of([*where, "questions", k, "id"]), wording.duplicate_question(part["id"])))
            if isinstance(part, dict):
                found += _empty_words_errors([*where, "questions", k], part)
            inner.add(part.get("id") if isinstance(part, dict) else None)
    return found


def _empty_words_errors(where, question):
    """`error_if_empty` is said when a required question is left empty: an instruction, and never on an
    optional question (it would never be said)."""
    words = question.get("error_if_empty")
    if not isinstance(words, str) or not words.strip():
        return []
    if question.get("optional") is True:
        return [(path_of([*where, "error_if_empty"]), wording.EMPTY_WORDS_OPTIONAL)]
    if words.rstrip().endswith("?"):
        return [(path_of([*where, "error_if_empty"]), wording.EMPTY_WORDS_ASKED)]
    return []


def _route_errors(i, r, route, index, questions):
    where = ["pages", i, "routes", r]
    found = []
    if isinstance(route.get("goto"), str):
        found += _goto_errors([*where, "goto"], route["goto"], i, index)
    when = route.get("when")
    if not isinstance(when, dict) or not isinstance(when.get("question"), str):
        return found
    qid = when["question"]
    if qid not in questions:
        return [*found, (path_of([*where, "when", "question"]), wording.no_such_question(qid))]
    page_of, question = questions[qid]
    if page_of > i:  # the one thing to mend: whether it could be asked comes after
        return [*found, (path_of([*where, "when", "question"]), wording.condition_on_later_page(qid))]
    if question.get("type") not in ROUTABLE:
        found.append((path_of([*where, "when", "question"]), wording.NOT_ROUTABLE))
        return found
    given = [k for k in ("equals", "any_of") if k in when]
    if len(given) != 1:
        return [*found, (path_of([*where, "when"]), wording.EQUALS_OR_ANY_OF)]
    values = {o.get("value") for o in question.get("options") or [] if isinstance(o, dict)}
    answers = [when["equals"]] if given == ["equals"] else list(when["any_of"] or [])
    for n, value in enumerate(answers):
        if value not in values:
            at = [*where, "when", "equals"] if given == ["equals"] else [*where, "when", "any_of", n]
            found.append((path_of(at), wording.not_an_option(value, qid)))
    return found


def _goto_errors(where, goto, i, index):
    if goto == END:
        return []
    if goto not in index:
        return [(path_of(where), wording.no_such_page(goto))]
    if index[goto] <= i:
        return [(path_of(where), wording.BACKWARDS)]
    return []


def successors(pages, i):
    """The page indexes page i can lead to (len(pages): the end)."""
    index = {p.get("id"): n for n, p in enumerate(pages) if isinstance(p, dict)}
    page = pages[i]
    default = page.get("next")
    after = {len(pages) if default == END else index.get(default, len(pages))} if default else {i + 1}
    for route in page.get("routes") or []:
        goto = route.get("goto") if isinstance(route, dict) else None
        after.add(len(pages) if goto == END else index.get(goto, len(pages)))
    return {n for n in after if n > i}


def _unreachable(pages):
    if not pages or not all(isinstance(p, dict) for p in pages):
        return []
    reached, todo = {0}, [0]
    while todo:
        for n in successors(pages, todo.pop()):
            if n < len(pages) and n not in reached:
                reached.add(n)
                todo.append(n)
    return [(path_of(["pages", n]), wording.UNREACHABLE) for n in range(len(pages)) if n not in reached]


def _hand_on_errors(hand, questions):
    """Each answer a council tax request is made from names a question of the form, and none is missing."""
    from urllib.parse import urlsplit
    from .limits import HAND_ON_ANSWERS
    if isinstance(hand, dict) and isinstance(hand.get("url"), str):
        url = urlsplit(hand["url"])
        if url.scheme != "https" and url.hostname not in ("localhost", "127.0.0.1"):
            return [(path_of(["hand_on", "url"]), wording.WEBHOOK_HTTPS)]  # a form's answers travel only by TLS
    if not isinstance(hand, dict) or not isinstance(hand.get("answers"), dict):
        return []
    named = hand["answers"]
    found = [(path_of(["hand_on", "answers", name]), wording.no_such_question(qid))
             for name, qid in named.items() if isinstance(qid, str) and qid not in questions]
    found += [(path_of(["hand_on", "answers"]), wording.hand_on_needs(name))
              for name in HAND_ON_ANSWERS.get(hand.get("request"), ()) if name not in named]
    return found
