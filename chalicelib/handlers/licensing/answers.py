"""A licence type's questions: its `form` on the forms engine (a definition of kind `licence`, loaded and
published as any form is), answered whole when applying and checked by the engine's own checks along the
path its routes take (forms/routing.check_path), in the engine's words.

The answers are kept as a forms submission (sent), written in the case's own transaction, its reference
the case's: FM- and the case id's 8 characters, so a case and its answers are one write and a retry that
makes no case makes no answers. A type whose form the council has not loaded (or has retired) asks only
the premises, band and event, as before.

Who reads them: the applicant (their case) and the licensing desk (inside its audited, reasoned read).
The register's page of a case and a consultee's view show only the questions the form marks `public`;
the register's list and the open-data file show none (a page of 50 would cost 50 reads)."""
from ..forms.cases import in_words, labelled


def form_of(deps, licence_type):
    """(version, definition) of the type's form as published, or (None, None) when the council has none live."""
    form_id = (licence_type or {}).get("form")
    head = deps.forms.head(form_id) if isinstance(form_id, str) else None
    if head is None or head.state != "live" or not head.published or head.kind != "licence":
        return None, None
    return head.published, deps.forms.definition(form_id, head.published)


def reference_of(case_id):
    """The forms reference of a case's answers: the forms' prefix and the case id's 8 characters."""
    from ..forms.completing import ID_PREFIX
    return ID_PREFIX + case_id.split("-", 1)[1]


def checked(deps, licence_type, given, problems, case_id, now, user_id):
    """The submission to write with the case (the answers checked, each problem a 422 at `answers.<field>`),
    or None when the type asks no questions."""
    from ..forms.routing import check_path
    from ...storage.forms.form_submissions import FormSubmission
    version, definition = form_of(deps, licence_type)
    if definition is None:
        return None
    kept, taken, wrong = check_path(deps, definition, given if isinstance(given, dict) else {})
    for field, message in wrong:
        problems.rule(f"answers.{field}", message)
    return FormSubmission(id=reference_of(case_id), form_id=definition["id"], form_version=version,
                          state="submitted", answers=kept, taken=taken, user_id=user_id, created_at=now,
                          updated_at=now, submitted_at=now)


def copied(deps, reference, case_id, now):
    """A renewal's own submission holding the answers given last time (None: there were none)."""
    from dataclasses import replace
    before = deps.form_submissions.get(reference) if reference else None
    if before is None:
        return None
    return replace(before, id=reference_of(case_id), seq=0, created_at=now, updated_at=now, submitted_at=now,
                   delete_at=None, expires=None)


def in_words_of(deps, case, public_only):
    """[{id, question, answer}] on the path answered, each answer in the words the applicant chose;
    `public_only`: only the questions the form marks public."""
    submission = deps.form_submissions.get(case.answers_reference) if case.answers_reference else None
    if submission is None:
        return []
    definition = deps.forms.definition(submission.form_id, submission.form_version)
    return [{"id": q["id"], "question": q["label"], "answer": _words(q, submission.answers.get(q["id"]))}
            for page in definition["pages"] if page["id"] in submission.taken
            for q in page["questions"] if q.get("public") or not public_only]


def _words(question, value):
    if question["type"] == "name" and isinstance(value, dict):  # "Morag Keeper", as a name is said
        return " ".join(v for v in value.values() if v)
    return in_words(labelled(question, value))
