"""An item's wards and topics, read from its own words by a mapping staff can
replace: a pure function, so these need no storage."""
from chalicelib.handlers.democracy.tagging import tags, topics_of, wards_of

WARDS = ["Acomb", "Clifton", "Rawcliffe and Clifton Without", "Hull Road", "Westfield", "Holgate"]


def test_road_repairs_in_a_ward_are_highways_there():
    found = tags("Road repairs in Acomb ward: pothole and carriageway repairs on Front Street", WARDS)
    assert found == {"wards": ["Acomb"], "topics": ["highways"]}


def test_a_mapping_word_matches_its_plural_and_a_longer_word_it_begins():
    assert topics_of("Potholes reported on Carr Lane", {"highways": ["pothole"]}) == ["highways"]
    assert topics_of("New buses for Haxby", {"transport": ["bus"]}) == ["transport"]
    assert topics_of("Street lighting renewal", {"highways": ["street light"]}) == ["highways"]
    assert topics_of("A binding agreement", {"waste": ["bin"]}) == []  # short words match whole, not "binding"


def test_a_phrase_matches_only_its_words_in_order():
    assert topics_of("The light on the street", {"highways": ["street light"]}) == []


def test_a_longer_ward_name_is_not_also_the_shorter_one_it_holds():
    assert wards_of("Bus stops in Rawcliffe and Clifton Without", WARDS) == ["Rawcliffe and Clifton Without"]
    assert wards_of("Parking in Clifton and in Rawcliffe and Clifton Without", WARDS) == [
        "Clifton", "Rawcliffe and Clifton Without"]


def test_a_ward_is_named_whole_and_case_aside():
    assert wards_of("WESTFIELD and holgate", WARDS) == ["Holgate", "Westfield"]
    assert wards_of("Westfields Road", WARDS) == []


def test_staff_mapping_replaces_the_default():
    mine = {"potholes only": ["pothole"]}
    assert tags("Pothole repairs and a new bus lane", [], mine) == {"wards": [], "topics": ["potholes only"]}
    assert tags("Pothole repairs and a new bus lane", [])["topics"] == ["highways", "transport"]


def _word_by_word(text, topics):
    """The rule as the module states it, word by word: a reference for the compiled patterns."""
    from chalicelib.handlers.democracy.tagging import words_of

    def matches(word, term):
        return word == term or word in (term + "s", term + "es") or (len(term) >= 5 and word.startswith(term))

    def holds(words, terms):
        return bool(terms) and any(all(matches(words[i + j], t) for j, t in enumerate(terms))
                                   for i in range(len(words) - len(terms) + 1))
    words = words_of(text)
    return sorted(t for t, phrases in topics.items() if any(holds(words, words_of(p)) for p in phrases))


# Words chosen to meet each side of the rule: plurals, "es" plurals, short words inside longer
# ones, five-letter stems begun, a phrase's words apart or reversed.
VOCABULARY = ["bus", "buses", "busy", "bin", "bins", "binding", "light", "lights", "lighting", "street",
              "streets", "pothole", "potholes", "potholed", "pot", "hole", "road", "roads", "roadworks",
              "the", "on", "a", "box", "boxes", "boxing", "tree", "trees", "c", "c-19", "st", "'s"]
TOPICS = {"highways": ["pothole", "street light", "road"], "transport": ["bus", "bus lane"],
          "waste": ["bin", "box"], "trees": ["tree"], "short": ["st", "c 19"], "empty": ["", "--"]}


def test_the_compiled_topics_agree_with_the_rule_word_by_word_for_any_words():
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=400, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(VOCABULARY + ["Street", "LIGHT", "Bus,", "(pothole)"]), max_size=12))
    def agree(words):
        text = " ".join(words)
        assert topics_of(text, TOPICS) == _word_by_word(text, TOPICS)
    agree()
