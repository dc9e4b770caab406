"""Indirect (reported) speech: the clause a cue governs.

"She said that the talks had failed" -> "that the talks had failed";
"..., sources said" -> the clause before; "urged supporters to gather" ->
"supporters to gather"; "according to X, ..." -> the rest of the clause.
Beyond reporting verbs: stances and judgements toward an object ("backed
the strike", "sees the deal as a trap"), passive reports ("X was accused of
Y": subject and complement), noun cues with what they state ("the decision
to strike", "critics of the plan"), "In the poll, ..." and the stance
predicates of ``stance.py``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from tidings.nlp.attribution import doctext, stance
from tidings.nlp.attribution.cues import noun_content, CONFIRM, DENY, ATTITUDE, COGNITIVE, JUDGE, PASSIVE, SPEECH, STANCE_OBJECT, TOPIC_OBJECT, TOPIC_PREP, Cue
from tidings.nlp.attribution.direct import Found, trim

_CLAUSE = {"ccomp"}
# A second clause of the same cue ("said X has ... and Y was ...", which the
# parse often reads as two ccomps) is still what was said.
_CONTINUES = {"cc", "conj", "advcl", "ccomp"}
_OBJECT_INFINITIVE = {"urge", "ask", "call", "encourage", "implore", "order", "instruct", "advise",
                      "tell", "warn", "appeal", "plead", "remind"}
_MIN_TOKENS = 1
# One-word contents that only point at what was said.
_STAND_INS = {"that", "which", "this", "these", "those", "what", "who", "whom"}
# Verbs whose finite complement the parser sometimes reads as an adverbial clause.
_ADDRESSEE = {"call": {"for", "on", "upon"}, "appeal": {"to"}, "plead": {"with"}}
# Verbs whose negation sets a claim's status instead ("would not confirm").
_STATUS_VERBS = CONFIRM | DENY | {"comment", "verify", "respond", "reply", "answer"}
_SAY_LIKE = {"say", "tell", "add", "note", "write", "report", "explain", "insist", "argue", "claim", "state",
             "announce", "warn", "suggest", "acknowledge", "admit", "predict", "believe", "think"}
_WH = {"whether", "if", "how", "why", "what", "who", "that"}
_CLOSING = set("”\"’'»")
_COMMITS = {"promise", "vow", "pledge", "threaten", "offer", "agree", "refuse", "propose", "demand", "announce"} | ATTITUDE


def find(doc: Doc, cue_list: list[Cue], inside) -> list[Found]:
    out: list[Found] = []
    for cue in cue_list:
        if inside(cue.head.idx):
            continue
        span = _content(doc, cue)
        if span is None or len(span) < _MIN_TOKENS:
            continue
        if len(span) == 1 and span[0].lower_ in _STAND_INS:
            continue  # "which he denied", "critical of that": the content is elsewhere
        start, end = trim(doctext.text(doc), span.start_char, span.end_char)
        out.append(Found(start, end, False, cue, doc.char_span(start, end, alignment_mode="expand")))
    return out


def around_partials(doc: Doc, direct: list[Found], reported: list[Found]) -> list[Found]:
    """Reported speech around a partial quote that no reported clause covers:
    'called her "disgusting"', 'described Clinton as "unhinged"' -> the words
    from the cue's first dependent after it to the end of the one holding the
    quote. The partial quote stays a quote of its own."""
    text = doctext.text(doc)
    out: list[Found] = []
    for f in direct:
        cue = f.cue
        if cue is None or f.inherited or cue.kind == "according" or f.tokens is None:
            continue
        if any(g.start < f.end and f.start < g.end for g in reported + out):
            continue
        head = cue.head
        holder = next((c for c in head.children if c.i > head.i and c.left_edge.idx <= f.start < c.right_edge.idx + len(c.right_edge)), None)
        if holder is None or holder.dep_ in ("punct", "cc", "conj", "advcl", "parataxis"):
            continue
        first = min((c.left_edge.i for c in head.children if head.i < c.i <= holder.i and c.dep_ not in ("punct", "prt")), default=holder.left_edge.i)
        first = max(first, head.i + 1)
        if cue.end > first:
            first = cue.end
        start, end = trim(text, doc[first].idx, holder.right_edge.idx + len(holder.right_edge))
        if end <= f.end and text[f.end:f.end + 1] in _CLOSING:
            end = f.end + 1  # the quote's closing mark belongs to it
        if end - start - (f.end - f.start) < 4 or start > f.start:
            continue  # the quote is the whole of it
        out.append(Found(start, end, False, cue, doc.char_span(start, end, alignment_mode="expand")))
    return out


def _content(doc: Doc, cue: Cue) -> Optional[Span]:
    head = cue.head
    if cue.kind == "according":
        return _according_content(doc, cue)
    if cue.kind == "source":
        return source_content(doc, cue)
    if cue.kind == "noun":
        clause = noun_content(head)
        return doc[_subtree_start(clause):_subtree_end(clause)]
    if cue.kind == stance.KIND:
        seeming = stance.impression(cue)
        if seeming is not None:
            return seeming
        clause = stance.clause(cue)
        return None if clause is None else _subtree(clause, exclude=head)
    lemma = cue.lemma
    colon = cue.end if cue.end < len(doc) and doc[cue.end].text == ":" else None
    if colon is not None and colon + 1 < len(doc) and not doc[colon + 1].is_quote and not doc[colon + 1].is_space:
        # "Trump tweeted: Crooked Hillary ..." with no quote marks: the words after the colon.
        last = doc[colon + 1].sent
        return doc[colon + 1:last.end]
    for child in head.children:
        if child.dep_ in _CLAUSE and child.pos_ in ("VERB", "AUX"):
            span = _subtree(child, exclude=head)
            if child.i > head.i:
                # "said that X, so Y" / "said X and Y": what follows the clause
                # in the same sentence is usually still what was said.
                end = span.end
                for sib in head.children:
                    if sib.i >= end and sib.dep_ in _CONTINUES:
                        end = max(end, _subtree_end(sib))
                span = doc[span.start:end]
            return span
    clause = _unmarked_advcl(head) if lemma in _SAY_LIKE else None
    if clause is not None:
        # "He said he would not accept it", parsed as an adverbial clause.
        return doc[_subtree_start(clause):_subtree_end(clause)]
    if lemma in _COMMITS and _reported(head) and (lemma not in ATTITUDE or _holder(head)):
        # "vowed to rebuild the city", "agreed to release the prisoners"
        xcomp = next((c for c in head.children if c.dep_ == "xcomp" and c.i > head.i), None)
        if xcomp is not None:
            return doc[_subtree_start(xcomp):_coordinated_end(head, _subtree_end(xcomp))]
    if lemma in _OBJECT_INFINITIVE or lemma == "call":
        obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        xcomp = next((c for c in head.children if c.dep_ in ("xcomp", "ccomp")), None)
        if obj is not None and xcomp is not None and xcomp.i > obj.i:
            return doc[_subtree_start(obj):_subtree_end(xcomp)]
        # "called on the council to resign", "called for voters to stay home",
        # "appealed to donors to give": the addressee and what they are asked to do.
        for prep in head.children:
            if prep.dep_ == "prep" and prep.i > head.i and prep.lower_ in _ADDRESSEE.get(lemma, ()):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                end = _subtree_end(pobj)
                if xcomp is not None and xcomp.i > pobj.i:
                    return doc[_subtree_start(pobj):_subtree_end(xcomp)]
                if lemma == "call" and prep.lower_ == "for":
                    return doc[_subtree_start(pobj):end]
        if lemma == "call":
            # "called for drivers to stay home", parsed as a for-to clause.
            for clause in head.children:
                mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "for"), None)
                if clause.dep_ == "advcl" and clause.i > head.i and mark is not None:
                    return doc[mark.i + 1:_subtree_end(clause)]
    if lemma in PASSIVE and _passive(head):
        return _passive_content(head)
    if lemma in TOPIC_OBJECT and _has_speaker(head) and _reported(head):
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.i > head.i:
            end = _subtree_end(obj)
            # "called X Y", "criticized X for Z", "cited X as Y": the complement belongs to it.
            for sib in head.children:
                if sib.i >= end and (sib.dep_ in ("oprd", "xcomp", "ccomp") or sib.dep_ == "prep" and sib.lower_ in ("for", "as", "to")):
                    end = _subtree_end(sib)
            if lemma in JUDGE and end == _subtree_end(obj):
                return None  # "saw a rise in prices" is no judgement; "saw the deal as a trap" is
            if lemma in STANCE_OBJECT and obj.pos_ == "PRON" and end == _subtree_end(obj):
                return None  # "showed him", "backs it": what the stance is about is elsewhere
            return doc[_subtree_start(obj):_coordinated_end(head, end)]
    if lemma in TOPIC_PREP and _has_speaker(head) and _reported(head):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREP[lemma] and prep.i > head.i:
                pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return doc[_subtree_start(pobj):_subtree_end(pobj)]
    # "X, sources said": the cue hangs off the reported clause.
    # "To understand it, he said, one should visit": the cue sits in the middle.
    if head.dep_ == "parataxis" and head.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("dobj", "ccomp") for c in head.children):
        own = {t.i for t in head.subtree}
        top = head.head
        while top.dep_ == "conj" and top.head.i < top.i:
            top = top.head  # "X, but Y, the source added": both halves were said
        rest = [t.i for t in top.subtree if t.i not in own]
        if rest and (rest[0] < head.i or rest[-1] > head.i):
            if rest[0] > head.i or rest[-1] < head.i:
                return doc[rest[0]:rest[-1] + 1]
            before = [i for i in rest if i < min(own)]
            after = [i for i in rest if i > max(own)]
            # Keep the side that carries the reported clause; both when split.
            return doc[(before or after)[0]:(after or before)[-1] + 1]
    return None


def _coordinated_end(head: Token, end: int) -> int:
    """'wants to triple X, grow Y and create Z': the parse often hangs the
    later verbs off the cue; with no subject of their own they share its
    complement's role, so what was said runs to the end of the last one."""
    for sib in head.children:
        if sib.i >= end and sib.dep_ == "conj" and sib.pos_ == "VERB" and sib.tag_ in ("VB", "VBG") \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in sib.children):
            end = _subtree_end(sib)
    return end


def _unmarked_advcl(head: Token) -> Optional[Token]:
    for c in head.children:
        if c.dep_ == "advcl" and c.i > head.i and c.pos_ in ("VERB", "AUX") and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children):
            marks = [m for m in c.children if m.dep_ == "mark" or m.dep_ == "advmod" and m.i == c.left_edge.i]
            if all(m.lower_ in _WH for m in marks):
                return c
    return None


def _passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "nsubjpass" in deps


def _passive_content(verb: Token) -> Optional[Span]:
    """'Smith was accused of fraud', 'the bill is expected to pass': from the
    subject to the end of the verb's complement, the agent ('by X', the
    speaker) left out."""
    doc = verb.doc
    subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
    if subject.i > verb.i or subject.lower_ in ("it", "this", "that", "which", "who"):
        return None  # "it is expected that ..." is the clause's, "which was called" the antecedent's
    comps = [c for c in verb.children if c.i > verb.i and (c.dep_ in ("xcomp", "oprd", "ccomp") or c.dep_ == "prep" and c.lower_ in ("of", "for", "with", "as", "to", "in"))]
    if not comps:
        return None
    return doc[_subtree_start(subject):max(_subtree_end(c) for c in comps)]


def _speech_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH and tok.lemma_.lower() not in COGNITIVE


def _reported(verb: Token) -> bool:
    """Not "would not confirm the figure", "declined to comment on": no words
    were reported. A stated position stays one when negated ("did not
    mention the strike", "does not want to resign"): what was left unsaid or
    unwanted is still attributed, and never a claim (see claims_build)."""
    if negated(verb) and verb.lemma_.lower() in _STATUS_VERBS:
        return False
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse", "fail"))


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _holder(verb: Token) -> bool:
    # "She wants to ...", not "the accord is expected to be ratified": a
    # plan or wish needs someone who holds it.
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and "auxpass" not in deps


def _has_speaker(verb: Token) -> bool:
    # A topic object counts as reported speech only when someone is named as
    # speaking it ("Trump criticized ..."), not in "the criticized plan".
    return verb.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.dep_ in ("xcomp", "advcl", "conj")


def _according_content(doc: Doc, cue: Cue) -> Optional[Span]:
    according = cue.head
    verb = according.head
    if any(_speech_verb(t) for t in according.ancestors):
        # "X said ..., according to Y": Y is the channel, not the speaker.
        return None
    phrase = set(t.i for t in according.subtree)
    if verb is according or verb.pos_ not in ("VERB", "AUX"):
        # A misparse ("According" as the root, "Trump" as the verb): the
        # sentence around the phrase, when the phrase opens or closes it.
        return _rest_of_sentence(doc, according, {according.i} | {t.i for t in doc[cue.end - 1].subtree})
    toks = [t for t in verb.subtree if t.i not in phrase]
    if not toks:
        return None
    sent = verb.sent
    toks = [t for t in toks if sent.start <= t.i < sent.end and not (t.is_punct or t.is_space)]
    return doc[toks[0].i:toks[-1].i + 1] if toks else None


def _rest_of_sentence(doc: Doc, head: Token, phrase: set[int]) -> Optional[Span]:
    sent = head.sent
    words = [t.i for t in sent if t.i not in phrase and not t.is_punct and not t.is_space]
    if not words or min(phrase) < words[0] < max(phrase) or min(phrase) < words[-1] < max(phrase):
        return None
    if words[0] < min(phrase) < words[-1]:
        return None  # the phrase sits in the middle: no clean side to take
    return doc[words[0]:words[-1] + 1]


def source_content(doc: Doc, cue: Cue) -> Optional[Span]:
    """'In the poll, X leads': the rest of the sentence the phrase opens."""
    prep = cue.head
    return _rest_of_sentence(doc, prep, {t.i for t in prep.subtree})


def _subtree(tok: Token, exclude: Token) -> Span:
    doc = tok.doc
    left, right = _subtree_start(tok), _subtree_end(tok)
    # A clause before its cue ends where the cue's own words begin.
    if left < exclude.i < right:
        right = exclude.i
    # "..., according to X" at the end names the channel, not what was said.
    for t in doc[left:right]:
        if t.lower_ == "according" and t.i > left and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            right = t.i
            break
    return doc[left:right]


def _subtree_start(tok: Token) -> int:
    return tok.left_edge.i


def _subtree_end(tok: Token) -> int:
    return tok.right_edge.i + 1


def _drop_nested(found: list[Found]) -> list[Found]:
    """Keep the outer reported clause when cues nest (he said she claimed that ...)."""
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Found] = []
    for f in found:
        if out and f.start >= out[-1].start and f.end <= out[-1].end:
            continue
        out.append(f)
    return out
