"""The data map is the code's own (issue 80; docs/decisions/retention.md): every model declares,
beside its attributes, the personal data it holds (storage/data_map.Holds) or that it holds none
(NONE), and an attribute whose name says it may be personal is either declared so or said not to be,
with the reason. The council's record of processing and privacy notice are drawn from these, so a
model that forgets is missing from both: this walk fails first."""
import re

from pynamodb.attributes import UnicodeAttribute

from chalicelib.councils.services import SWITCHABLE
from chalicelib.handlers.privacy.wording import EVERY_COUNCILS
from chalicelib.storage import data_map, tables  # noqa: F401  (declares every model)
from chalicelib.storage.binding import Stored, models, short_name, table
from chalicelib.storage.data_map import BASES, EVENTS, KINDS, RECIPIENTS, SOURCES, THEN, WHOSE, Holds

# Words in an attribute's name that say it may hold something of a person: a way to reach them, who
# they are, where they are or live, or words they wrote (which may say anything).
PERSONAL_WORDS = {
    "email", "phone", "name", "address", "contact", "uprn", "postcode", "lat", "lon", "point", "location",
    "located", "ip", "card", "holder", "description", "body", "message", "note", "notes", "comment", "comments",
    "reason", "answer", "answers", "detail", "details", "text", "words", "question",
}


def looks_personal(attribute_name):
    """A name ending in a number is a count of such things (figures' `answers_online_5`), not one."""
    if attribute_name[-1:].isdigit():
        return False
    return bool(set(re.split(r"[_\W]+", attribute_name.lower())) & PERSONAL_WORDS)


def problems(name, attributes, declaration):
    """What is wrong with one model's declaration, given its attributes' names: [] when nothing."""
    if declaration is None:
        return [f"{name}: declares nothing (personal = Holds(...) or NONE)"]
    personal = dict(declaration.fields) if isinstance(declaration, Holds) else {}
    said = {**personal, **declaration.not_personal}
    found = [f"{name}.{a}: declared but the model has no such attribute" for a in sorted(set(said) - set(attributes))]
    found += [f"{name}.{a}: declared both personal and not" for a in sorted(set(personal) & set(declaration.not_personal))]
    found += [f"{name}.{a}: looks personal and is not declared" for a in sorted(attributes)
              if looks_personal(a) and a not in said]
    found += [f"{name}.{a}: no reason given" for a, why in declaration.not_personal.items() if not str(why).strip()]
    return found


def vocabulary(name, declaration):
    """A declaration's words are the map's own, so the notice can say each."""
    if not isinstance(declaration, Holds):
        return []
    r = declaration.retention
    wrong = [f"kind {k}" for k in declaration.fields.values() if k not in KINDS]
    wrong += [f"recipient {x}" for x in declaration.recipients if x not in RECIPIENTS]
    wrong += [f"whose {declaration.whose}"] if declaration.whose not in WHOSE else []
    wrong += [f"basis {declaration.basis}"] if declaration.basis not in BASES else []
    wrong += [f"part {declaration.part}"] if declaration.part not in set(EVERY_COUNCILS) | set(SWITCHABLE) else []
    wrong += [f"retention {r}"] if (r.after not in EVENTS or r.then not in THEN or r.source not in SOURCES
                                    or r.months < 0 or r.days < 0) else []
    wrong += ["no fields"] if not declaration.fields else []
    wrong += ["no purpose"] if len(declaration.purpose.split()) < 3 else []
    return [f"{name}: {w}" for w in wrong]


def declarations():
    return [(short_name(m), m.get_attributes(), data_map.declared(m)) for m in models()]


def test_every_model_declares_its_personal_data_or_none_and_every_personal_looking_attribute_is_accounted_for():
    assert [p for name, attributes, declaration in declarations() for p in problems(name, attributes, declaration)] == []


def test_every_declaration_speaks_the_data_maps_words():
    assert [w for name, _, declaration in declarations() for w in vocabulary(name, declaration)] == []


def test_a_copy_names_a_table_the_models_declare():
    names = {short_name(m) for m in models()}
    assert [(name, d.copy_of) for name, _, d in declarations()
            if isinstance(d, Holds) and d.copy_of and d.copy_of not in names] == []


def test_most_models_holding_personal_looking_attributes_declare_personal_data():
    """A guard on the guard: the map is not every model saying "none, for reasons"."""
    holding = [name for name, _, d in declarations() if isinstance(d, Holds)]
    assert len(holding) >= 55 and len(declarations()) - len(holding) >= 20


def test_the_check_fails_on_a_model_with_an_undeclared_email():
    assert problems("sign-ups", {"id": 1, "email": 2}, data_map.NONE) == [
        "sign-ups.email: looks personal and is not declared"]


def test_the_check_fails_on_a_model_that_declares_nothing_or_an_attribute_it_lacks():
    holds = Holds(fields={"phone": "contact"}, whose="resident", purpose="to ring them back", basis="consent",
                  retention=data_map.Retention(after="closed", months=1), part="reports")
    assert problems("callers", {"id": 1}, None) == ["callers: declares nothing (personal = Holds(...) or NONE)"]
    assert problems("callers", {"id": 1}, holds) == ["callers.phone: declared but the model has no such attribute"]


def test_the_check_accepts_a_name_declared_not_personal_with_its_reason():
    assert problems("wards", {"id": 1, "name": 2}, data_map.holds_nothing(name="a ward's public name")) == []
    assert problems("wards", {"id": 1, "name": 2}, data_map.holds_nothing(name=" ")) == [
        "wards.name: no reason given"]


def test_a_new_model_with_an_undeclared_email_fails_the_walk():
    """A model declared here and forgotten after: the walk over models() meets it as any other. Declared
    in the test, not a fixture: pytest keeps a fixture's value until after its teardown, and the class
    then waited for a collection of the oldest generation, which once came after a later test on the
    worker had made its tables from models() (a table with no billing mode, 205 contract set-ups refused)."""
    import gc
    from chalicelib.storage import binding

    class SignUpModel(Stored):
        class Meta:
            table_name = table("sign-ups")
        personal = data_map.NONE
        id = UnicodeAttribute(hash_key=True)
        email = UnicodeAttribute(null=True)
    try:
        walked = {name: problems(name, attributes, declaration) for name, attributes, declaration in declarations()}
    finally:
        del SignUpModel
        gc.collect()  # __subclasses__ holds weak references: the class leaves models() with its last reference
    assert walked["sign-ups"] == ["sign-ups.email: looks personal and is not declared"]
    assert "sign-ups" not in {binding.short_name(model) for model in binding.models()}  # gone for the tests after
