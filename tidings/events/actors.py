"""Who did it and to whom: actor, target and organizer read from the parse.

Group actors are kept as written ("miners from the state coal company");
the article entity is linked through the phrase's head noun, so the miners
are not mistaken for the company.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from tidings.nlp.lookup import entity_at
from tidings.record import Party

from . import detect
from .draft import Draft

_KEEP_PREPS = {"from", "of"}
_DROP_DEPS = {"relcl", "acl", "appos", "punct", "advcl", "det", "predet", "nummod", "quantmod", "case", "neg", "cc", "prep", "conj", "poss"}
_QUANTITY_HEADS = {"hundred", "thousand", "dozen", "score", "million", "ten", "crowd", "group", "number", "lot", "some", "many", "several", "more", "dozens", "hundreds", "thousands"}
_NUMERIC_HEADS = _QUANTITY_HEADS - {"crowd", "group"}
_PRONOUNS = {"it", "they", "them", "he", "she", "him", "her", "we", "us", "i", "you", "which", "who", "that", "this", "these", "those", "its", "their"}
_ORGANIZE = {"organise", "organize", "call", "convene", "lead", "announce", "sponsor"}
# The prepositions that introduce the target of each type ("protest against", "fired on", "met with").
_TARGET_PREPS = {
    "PROTEST": {"against"}, "ASSAULT": {"on", "at", "against", "upon"}, "COERCE": {"on", "against"},
    "REQUEST": {"on", "upon", "to", "from"}, "CONSULT": {"with"}, "ACCUSE": {"against"}, "THREATEN": {"against", "with"},
    "REJECT": {"to"}, "SANCTION": {"on", "against"}, "AGREE": {"with"}, "COOPERATE": {"with"}, "SUPPORT": {"for"},
    "AID": {"to", "for"},
}
_ASK_FOR = {"demand", "call", "seek", "request", "appeal", "petition"}
_FORCES = {"police", "army", "troops", "military", "security", "paramilitary", "navy", "militia", "rebel", "government"}
_NOT_TARGETS = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _phrase_tokens(head: Token) -> list[Token]:
    keep = [head]
    for child in head.children:
        dep = child.dep_
        if dep in ("compound", "amod", "nmod", "poss"):
            if dep == "poss" and child.lower_ in _PRONOUNS:
                continue
            keep.extend(_phrase_tokens(child) if dep != "poss" else list(child.subtree))
        elif dep == "prep" and child.lower_ in _KEEP_PREPS and child.i > head.i:
            keep.extend(child.subtree)
        elif dep in ("cc", "conj") and child.i > head.i:
            keep.extend(t for t in child.subtree if t.dep_ not in ("relcl", "appos", "acl", "punct") or t == child)
    return sorted(set(keep), key=lambda t: t.i)


def _content_head(tok: Token) -> Token:
    """'hundreds of protesters' -> protesters; 'a crowd of students' -> students."""
    if tok.like_num or tok.lemma_.lower() in _QUANTITY_HEADS:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return _content_head(grand)
    return tok


def party(doc: Doc, tok: Optional[Token]) -> Optional[Party]:
    if tok is None:
        return None
    tok = _content_head(tok)
    if tok.lemma_.lower() in _NUMERIC_HEADS or tok.lower_ in _NUMERIC_HEADS:
        return None
    if tok.lower_ in _PRONOUNS or tok.pos_ in ("PRON", "NUM") or tok.like_num:
        return None
    toks = _phrase_tokens(tok)
    # A contiguous stretch around the head; leading determiners and numbers go.
    start, end = toks[0].i, toks[-1].i + 1
    while start < tok.i and doc[start].dep_ in ("det", "nummod", "quantmod", "predet", "punct", "advmod"):
        start += 1
    span = doc[start:end]
    name = span.text.strip(" ,;:'\"")
    if not name:
        return None
    head_span = doc[min(t.i for t in toks if t.dep_ == "compound" or t == tok) if toks else tok.i: tok.i + 1]
    ent = entity_at(doc, head_span.start_char, head_span.end_char)
    return Party(name=name, entity=ent.id if ent is not None else None)


def _child(tok: Token, *deps: str) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _pobj(tok: Token, preps: set[str]) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            obj = _child(c, "pobj")
            if obj is not None:
                return obj
    return None


def _subject(verb: Token) -> Optional[Token]:
    """The doer of a verb, borrowed from the verb it hangs from when it has none ('fired, killing three')."""
    tok = verb
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and verb.dep_ in ("ROOT", "conj"))
    for _ in range(4):
        agent = _pobj(tok, {"by"}) if any(c.dep_ == "agent" for c in tok.children) else None
        if agent is not None:
            return agent
        subj = _child(tok, "nsubj")
        if subj is not None and not any(c.dep_ == "auxpass" for c in tok.children):
            if subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return tok.head  # "the policemen who killed ..."
            return subj
        if passive and tok == verb and tok.dep_ != "acl":
            return None  # "were injured": the doer is only named by "by ..."
        if tok.dep_ in ("xcomp", "advcl", "conj", "acl", "dep") and tok.head != tok:
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                return None
            if tok.dep_ == "acl":
                return tok.head  # "police firing", "troops shelling the town": the noun does it
            tok = tok.head
            continue
        return None
    return None


def _object(verb: Token) -> Optional[Token]:
    obj = _child(verb, "dobj", "nsubjpass")
    if obj is not None and obj.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
        return verb.head  # "terrorists who were shot dead"
    if obj is None and verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        obj = _child(verb, "nsubj")  # headline style: "4 policemen killed"
    if obj is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head  # "protesters killed by police"
    return obj


# What is fired is a weapon, not a target; it also tells the mode.
_WEAPONS = {"ammunition": "firearms", "bullet": "firearms", "round": "firearms", "shot": "firearms", "gun": "firearms",
            "weapon": "firearms", "gas": "crowd-control", "teargas": "crowd-control", "canister": "crowd-control",
            "cannon": "crowd-control", "pellet": "crowd-control", "grenade": "crowd-control", "shell": "heavy-weapons",
            "rocket": "heavy-weapons", "missile": "heavy-weapons", "mortar": "heavy-weapons", "artillery": "heavy-weapons",
            "stone": "primitive", "rock": "primitive", "brick": "primitive", "baton": "beat", "warning": "crowd-control"}


def _weapon_mode(tok: Token) -> Optional[str]:
    lemma = tok.lemma_.lower()
    words = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
    if lemma == "bullet" and "rubber" in words | {tok.nbor(-1).lower_ if tok.i else ""}:
        return "crowd-control"
    if lemma in ("shot", "round") and "warning" in words:
        return "crowd-control"
    return _WEAPONS.get(lemma)


def assign(doc: Doc, d: Draft) -> None:
    trig = d.trigger
    actor = target = organizer = None
    if trig.tag_ == "VBG" and trig.i > 0 and doc[trig.i - 1].pos_ == "NOUN" and doc[trig.i - 1].lower_ in _FORCES:
        actor = doc[trig.i - 1]  # "police firing" parsed as a clause: the force named before the gerund fires
        target = _pobj(trig, _TARGET_PREPS.get(d.type, set()))
    elif not detect.nounish(trig):
        actor = _subject(trig)
        target = _object(trig)
        if (d.type == "REQUEST" and trig.lemma_.lower() in _ASK_FOR) or d.type == "AID":
            target = _child(trig, "dative") if d.type == "AID" else None
            if target is not None and target.pos_ == "ADP":
                target = _child(target, "pobj")  # "provide aid to refugees"  # "demanded early elections": the object is what is asked for
        target = target or _pobj(trig, _TARGET_PREPS.get(d.type, set()))
    else:
        gov = d.gov
        # "a march of workers" names the marchers; "the arrest of X", "the killing of X" the victims.
        of_is_target = d.type in ("COERCE", "ASSAULT", "RETREAT", "SANCTION", "SUPPORT", "ACCUSE")
        actor = _pobj(trig, {"by"} if of_is_target else {"by", "of"}) or _child(trig, "poss")
        of_obj = _pobj(trig, {"of"}) if of_is_target else None
        comp = [c for c in trig.children if c.dep_ in ("compound",) and c.pos_ in ("NOUN", "PROPN")]
        if actor is None and comp:
            actor = comp[-1]
        # Only a light verb lends its subject: "workers staged a strike", "went on strike";
        # in "a youth perished in police firing" the youth is not the shooter.
        light = trig.dep_ == "dobj" or (trig.dep_ == "pobj" and trig.head.lower_ in ("on", "into"))
        subj = _subject(gov) if gov is not None and light else None
        if gov is not None and gov.lemma_.lower() in _ORGANIZE and trig.dep_ == "dobj" and subj is not None:
            organizer = subj
        elif actor is None:
            actor = subj
        if trig.dep_ == "nsubj" and gov is not None:
            target = _child(gov, "dobj")
        target = _pobj(trig, _TARGET_PREPS.get(d.type, set())) or of_obj or target
        if d.type == "PROTEST" and target is not None and target.lemma_.lower() in ("day", "week", "month"):
            target = None
    if d.type == "ASSAULT" and target is not None and target.lemma_.lower() in _WEAPONS:
        mode = _weapon_mode(target)
        if mode and (d.mode in (None, "firearms") or mode == "crowd-control"):
            d.mode = mode
        target = _pobj(trig, {"at", "on", "upon", "into", "against"})
    for acl in (c for c in trig.children if c.dep_ == "acl" and c.lemma_.lower() in _ORGANIZE):
        organizer = _pobj(acl, {"by"}) or organizer
    d.actor = party(doc, actor)
    if actor is not None and actor.lower_ in _RESOLVABLE:
        d.pronoun = actor
    if target is not None and _content_head(target).ent_type_ in _NOT_TARGETS and d.type not in ("CONSULT", "AID", "SANCTION", "REQUEST", "ACCUSE", "THREATEN", "AGREE", "COOPERATE", "SUPPORT", "REJECT"):
        target = None  # "marched on Friday", "shelled Aleppo": a time or place, not a party
    d.target = party(doc, target)
    d.organizer = party(doc, organizer)
    if d.target and d.actor and d.target.name == d.actor.name:
        d.target = None


_RESOLVABLE = {"he", "she", "they"}


def _is_subject(doc: Doc, start: int, end: int) -> bool:
    # Only a person who is a subject is taken: the small model labels many places PERSON
    # ("the border town of Dira"), and those are seldom subjects.
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def resolve(doc: Doc, drafts: list[Draft], n: int) -> None:
    """A pronoun actor read as the party it stands for, looking back one sentence at most.

    "He" / "she": the nearest person entity mentioned before it. "They": the actor of
    the last event before it, else the plural subject of the previous sentence
    ("Thousands of teachers gathered ... They marched"). Anything further away or
    less certain stays unnamed.
    """
    d = drafts[n]
    pron = d.pronoun
    if pron is None or d.actor is not None:
        return
    sent = d.sent
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    floor_char = doc[floor].idx
    if pron.lower_ in ("he", "she"):
        best = None
        for ent in doc._.tidings_entities:
            if ent.type != "PERSON":
                continue
            for s, e in ent.mentions:
                if floor_char <= s and e <= pron.idx and (best is None or s > best[0]) and _is_subject(doc, s, e):
                    best = (s, ent)
        if best is not None:
            d.actor = Party(name=best[1].name, entity=best[1].id)
        return
    for prev in reversed(drafts[max(0, n - 8):n]):  # drafts are in text order; the window is a sentence or two
        if prev.trigger.i < floor:
            break
        if prev.trigger.i >= pron.i:
            continue
        last = prev.actor.name.split()[-1].lower() if prev.actor is not None else ""
        if prev.pronoun is None and (last.endswith("s") or last in _FORCES or last == "people"):
            d.actor = prev.actor  # a group ("protesters", "security forces"), not a person
            return
    if sent.start > 0:
        prev_root = doc[sent.start - 1].sent.root
        subj = _child(prev_root, "nsubj")
        if subj is not None and _content_head(subj).tag_ in ("NNS", "NNPS"):
            d.actor = party(doc, subj)
