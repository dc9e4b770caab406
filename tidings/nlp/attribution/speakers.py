"""Who a cue belongs to: the speaker's words, full name and entity.

The speaker is read off the parse spaCy already made (the cue verb's subject,
the object of "according to"); pronouns go to the nearest compatible entity
before them; names are resolved to the longest form the article uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from tidings.nlp.attribution import doctext
from tidings.nlp.attribution.cues import HOLDERS, PASSIVE, Cue
from tidings.nlp.entity_resolve import gender_hint, resolve_name
from tidings.nlp.lookup import entity_at, entity_by_id

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_PERSONAL = {"he", "she", "him", "her"}
_PLURAL = {"they", "them", "we"}
_PRONOUNS = _PERSONAL | _PLURAL | {"i", "it", "you", "who", "which", "that"}
# Parts of a subject's subtree that describe it rather than name it.
_TRIM = {"appos", "relcl", "acl", "punct", "cc", "conj", "advmod", "parataxis"}
_MALE = ("mr", "mr.", "sir", "lord", "king", "prince")
_FEMALE = ("mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess")
_GROUP_LABELS = {"ORG", "NORP"}
_INDEFINITE = {"a", "an", "another", "one", "some", "many", "several"}


@dataclass
class Speaker:
    text: str
    start: int  # char offsets of the words the speaker was read from
    end: int
    entity: Optional[str] = None
    label: Optional[str] = None  # PERSON, ORG ... where known
    pronoun: bool = False


def subject_of(cue: Cue) -> Optional[Token]:
    """The token naming who spoke."""
    head = cue.head
    if cue.kind in ("according", "source"):
        to = cue.head.doc[cue.end - 1]
        for child in to.children:
            if child.dep_ == "pobj":
                return child
        return None
    if cue.kind == "noun" and cue.lemma in HOLDERS:
        return head  # "Critics of the plan": the noun names who holds the view
    if cue.kind == "noun":
        # "Trump's claim that ...", "the claim by the ministry that ...",
        # "Trump repeated his claim that ...".
        for child in head.children:
            if child.dep_ == "poss":
                return _relative(child)
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if head.dep_ != "dobj":
            return None
        head = head.head
    verb = head
    if cue.kind == "stance" and cue.lemma in ("seem", "appear"):
        # "The plan seems doomed to the unions": whom it seems to, if anyone.
        holders = [head] + [c for c in head.children if c.pos_ == "ADJ"]
        to = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if cue.lemma in PASSIVE and any(c.dep_ == "auxpass" for c in head.children):
        # "Smith was accused of fraud by the prosecutor": the agent spoke, the
        # subject is what was said about.
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head is not head:
        verb = head.head  # "Farmers are afraid that ...": the subject is the copula's
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            # Two subjects is a misparse of "the state news agency KCNA": the name wins.
            return _relative(next((c for c in subjects if c.pos_ == "PROPN"), subjects[-1]) if len(subjects) > 1 else subjects[0])
        for child in verb.children:
            if child.dep_ == "agent":  # "was quoted by X", "was said by X"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        # "..., adding that", "he went on to say": the subject is the governing verb's.
        if verb.dep_ in ("xcomp", "advcl", "conj", "ccomp") and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        break
    return None


def name_near(cue: Cue, inside) -> Optional[Token]:
    """The name nearest the cue in its sentence, outside quote marks."""
    sent = cue.head.sent
    best = None
    for tok in sent:
        if inside(tok.idx) or tok.ent_type_ in ("DATE", "TIME") or tok.ent_type_ not in ("PERSON", "ORG", "NORP") and tok.pos_ != "PROPN":
            continue
        if best is None or abs(tok.i - cue.head.i) < abs(best.i - cue.head.i):
            best = tok
    while best is not None and best.dep_ == "compound" and best.head.pos_ in ("PROPN", "NOUN"):
        best = best.head
    return best


def _relative(tok: Token) -> Token:
    # "Smith, who said ...": the relative pronoun stands for the noun it modifies.
    if tok.lower_ in ("who", "which", "that"):
        head = tok.head
        for _ in range(4):
            if head.dep_ == "relcl" or head.head is head:
                break
            head = head.head
        if head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN"):
            tok = head.head
    # "The foreign minister, Ana Costa, said", "the state news agency KCNA
    # said": the name in apposition is the speaker's name.
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    return tok


def speaker_span(tok: Token) -> Span:
    """The subject's own words: compounds and modifiers, not its appositive or clause."""
    doc = tok.doc
    left, right = tok.i, tok.i
    for child in tok.children:
        if child.dep_ in _TRIM:
            continue
        sub = list(child.subtree)
        if child.i < tok.i:
            left = min(left, sub[0].i)
        else:
            right = max(right, sub[-1].i)
    while left < tok.i and doc[left].is_punct:
        left += 1
    while right > tok.i and doc[right].is_punct:
        right -= 1
    return doc[left:right + 1]


def speaker(doc: Doc, tok: Token, history: list[Speaker]) -> Speaker:
    """A Speaker for the subject token, with pronouns resolved and names in full."""
    if tok.lower_ in _PERSONAL or tok.lower_ in _PLURAL:
        found = _resolve_pronoun(doc, tok, history)
        if found is not None:
            return found
        return Speaker(tok.text, tok.idx, tok.idx + len(tok), pronoun=True)
    span = speaker_span(tok)
    return named(doc, span.start_char, span.end_char, span.text, tok)


def named(doc: Doc, start: int, end: int, text: str, head: Optional[Token] = None) -> Speaker:
    if doc._.tidings_entities:
        ent = entity_at(doc, start, end)
        if ent is not None and (head is None or _covers(ent.mentions, head)):
            return Speaker(_written_or_full(text, ent.name), start, end, ent.id, ent.type)
        if text.split()[0].lower() not in _INDEFINITE:
            # "the Vermont senator", "President Ortega": the entity stage knows
            # who a definite description or a titled name refers to.
            ent = resolve_name(doc, text, near=start) or _by_title(doc, text, start)
            if ent is not None:
                return Speaker(ent.name, start, end, ent.id, ent.type)
    spacy_ent = _spacy_ent(doc, head) if head is not None else None
    if spacy_ent is not None:
        return Speaker(_written_or_full(text, _full_name(doc, spacy_ent)), start, end, None, spacy_ent.label_)
    return Speaker(text, start, end)


def _by_title(doc: Doc, text: str, start: int):
    """ "the president" after "President Barack Obama": the nearest person
    before who carried the description's head noun as a title."""
    words = text.split()
    if len(words) < 2 or words[0].lower() != "the":
        return None
    title = words[-1].lower()
    forms = {title, _TITLE_ABBREVIATIONS.get(title, title)}
    full = doctext.text(doc)
    for s, _, label, ent_id in reversed(_mentions(doc)):
        if s >= start or label != "PERSON" or ent_id is None:
            continue
        before = full[max(0, s - 12):s].lower().split()
        ent = entity_by_id(doc, ent_id)
        if before and before[-1] in forms or ent is not None and ent.role and title in ent.role.lower().split():
            return ent
    return None


_TITLE_ABBREVIATIONS = {"senator": "sen.", "representative": "rep.", "governor": "gov.", "general": "gen.",
                        "president": "pres.", "professor": "prof.", "doctor": "dr.", "congressman": "rep."}


def _covers(mentions, tok: Token) -> bool:
    return any(s <= tok.idx < e for s, e in mentions)


def _written_or_full(text: str, name: str) -> str:
    # The entity's full name stands for the mention when the mention is just
    # a name ("Lopez" -> "Maria Lopez"); a described speaker stays as written
    # ("a spokesman for the ministry").
    words = text.split()
    if words and words[0].lower() in _INDEFINITE | {"the"} and name not in text:
        return text
    return name


def _spacy_ent(doc: Doc, tok: Token) -> Optional[Span]:
    if tok.ent_iob_ == "O":
        return None
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _full_name(doc: Doc, ent: Span) -> str:
    """The longest PERSON mention that contains this one's words ("Kim" -> "Kim Jong Un")."""
    best = ent.text
    if ent.label_ != "PERSON":
        return best
    words = set(ent.text.split())
    for other in doc.ents:
        if other.label_ == "PERSON" and len(other.text) > len(best) and words <= set(other.text.split()):
            best = other.text
    return best


def _resolve_pronoun(doc: Doc, tok: Token, history: list[Speaker]) -> Optional[Speaker]:
    """The nearest entity before the pronoun that the pronoun can stand for."""
    text = doctext.text(doc)
    wanted_person = tok.lower_ in _PERSONAL
    gender = "m" if tok.lower_ in ("he", "him") else "f" if tok.lower_ in ("she", "her") else None
    best: Optional[Speaker] = None
    for sp in reversed(history):
        if sp.start < tok.idx and not sp.pronoun and _compatible(doc, text, sp, wanted_person, gender):
            best = sp
            break
    for s, e, label, _ in reversed(_mentions(doc)):
        if best is not None and s <= best.start:
            break
        if e > tok.idx:
            continue
        if wanted_person and label != "PERSON" or not wanted_person and label not in _GROUP_LABELS:
            continue
        sp = named(doc, s, e, text[s:e], doc.char_span(s, e, alignment_mode="expand")[-1])
        if _compatible(doc, text, sp, wanted_person, gender):
            best = sp
            break
    if not wanted_person:
        # A group named as a subject just before ("Hundreds of nurses ...
        # They said") is what "they" most often stands for.
        groups = _plural_subjects(doc, tok)
        if groups:
            best = groups[-1]
    if best is None:
        return None
    return Speaker(best.text, best.start, best.end, best.entity, best.label, pronoun=False)


def _compatible(doc: Doc, text: str, sp: Speaker, wanted_person: bool, gender: Optional[str]) -> bool:
    if wanted_person and sp.label not in (None, "PERSON"):
        return False
    if not wanted_person and sp.label == "PERSON":
        return False
    if wanted_person and sp.label is None:
        return False
    before = text[max(0, sp.start - 6):sp.start].lower().split()
    title = before[-1] if before else ""
    if gender == "m" and title in _FEMALE or gender == "f" and title in _MALE:
        return False
    if gender and sp.entity:
        ent = entity_by_id(doc, sp.entity)
        hint = gender_hint(doc, ent) if ent is not None else None
        if hint and hint[0] != gender:
            return False
    return True


def _mentions(doc: Doc) -> list[tuple[int, int, str, Optional[str]]]:
    """Every entity mention, by start offset (computed once per doc)."""
    cached = doc.user_data.get("tidings:mentions")
    if cached is not None:
        return cached
    ents = doc._.tidings_entities
    if ents:
        out = [(s, e, ent.type, ent.id) for ent in ents for s, e in ent.mentions]
    else:
        out = [(ent.start_char, ent.end_char, ent.label_, None) for ent in doc.ents]
    out.sort()
    doc.user_data["tidings:mentions"] = out
    return out


def _plural_subjects(doc: Doc, tok: Token) -> list[Speaker]:
    # "Organisers ... They said": a plural common noun that was a subject in
    # one of the two sentences before.
    out = []
    sent = tok.sent
    first = sent.start
    for _ in range(2):
        if first == 0:
            break
        first = tok.doc[first - 1].sent.start
    for t in tok.doc[first:tok.i]:
        if t.tag_ in ("NNS", "NNPS") and t.dep_ in _SUBJECTS:
            span = speaker_span(t)
            out.append(Speaker(span.text, span.start_char, span.end_char, label="GROUP"))
    return out
