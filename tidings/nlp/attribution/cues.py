"""Reporting cues: the verbs and phrases that introduce what someone said.

Found with one spaCy Matcher per vocabulary (compiled once per Vocab), so the
stage never loops over every token in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

# Verbs that report speech, writing or a stated position. They count as a cue
# for a direct quote wherever they govern it, and for indirect speech when
# they take a clause (ccomp) or an object + infinitive (urged X to ...).
SPEECH = {
    "say", "tell", "claim", "allege", "argue", "report", "announce", "add", "note", "write",
    "insist", "warn", "deny", "admit", "acknowledge", "explain", "suggest", "state", "declare",
    "assert", "predict", "promise", "vow", "pledge", "urge", "ask", "demand", "accuse", "tweet",
    "post", "confirm", "reveal", "complain", "recall", "respond", "reply", "agree", "concede",
    "maintain", "contend", "stress", "emphasize", "emphasise", "point", "charge", "call", "voice",
    "describe", "quip", "joke", "shout", "chant", "yell", "scream", "tout", "boast", "brag",
    "testify", "disclose", "mention", "remark", "observe", "comment", "continue", "conclude",
    "caution", "threaten", "blast", "slam", "criticize", "criticise", "praise", "lament", "muse",
    "wonder", "question", "signal", "indicate", "hint", "propose", "recommend", "encourage",
    "implore", "appeal", "plead", "order", "instruct", "advise", "assure", "reassure", "inform",
    "notify", "remind", "estimate", "calculate", "forecast", "project", "reiterate", "repeat",
    "echo", "counter", "retort", "rebut", "dispute", "reject", "dismiss", "refute", "contest",
    "guarantee", "swear", "proclaim", "affirm", "reaffirm", "underscore", "highlight", "mark",
    "explain", "elaborate", "specify", "clarify", "announce", "broadcast", "publish", "air",
    "whisper", "sing", "cite", "quote", "read", "put", "ask", "plead", "acknowledge", "speak",
    "decry", "condemn", "denounce", "hail", "welcome", "thank", "apologize", "apologise",
    "demand", "appeal", "vow", "hope", "fear", "worry", "believe", "think", "expect", "know",
    "feel", "say", "find", "show", "conclude", "determine", "learn", "hear", "understand",
    "recount", "describe", "detail", "outline", "document", "suggest", "imply", "estimate",
    "insinuate", "concede", "grant", "rule", "announce", "pronounce",
}
# Verbs whose object is what was said about something ("criticized Trump for
# ...", "discussed her plans"), and verbs whose prepositional object is
# ("spoke about ...", "responded to ...").
TOPIC_OBJECT = {
    "criticize", "criticise", "praise", "discuss", "cite", "attack", "blast", "slam", "condemn", "deny",
    "announce", "promise", "propose", "accuse", "describe", "question", "dismiss", "reject", "defend",
    "tout", "blame", "mention", "demand", "decry", "denounce", "hail", "welcome", "dispute", "highlight",
    "underscore", "emphasize", "emphasise", "stress", "recommend", "predict", "reveal", "disclose",
    "acknowledge", "admit", "confirm", "report", "voice", "express", "echo", "pledge", "vow", "unveil",
    "outline", "detail", "estimate", "raise", "lament", "mock", "ridicule", "applaud", "support",
    "endorse", "oppose", "urge", "liken", "compare", "call", "note",
}
TOPIC_PREP = {
    "speak": {"about", "of", "on"}, "talk": {"about", "of"}, "complain": {"about", "of"},
    "joke": {"about"}, "comment": {"on", "about"}, "respond": {"to"}, "refer": {"to"},
    "point": {"to"}, "ask": {"about", "for"}, "warn": {"about", "of", "against"}, "write": {"about", "of"},
    "allude": {"to"}, "reflect": {"on"}, "argue": {"for", "against"}, "call": {"for"}, "testify": {"about"},
    "boast": {"about", "of"}, "brag": {"about"}, "reply": {"to"}, "insist": {"on"}, "worry": {"about"},
    "rail": {"against"}, "disagree": {"with"}, "weigh": {"on", "about"},
}
# Stances toward a person, a policy or a view, and judgements that class
# something as something ("endorsed Clinton", "sees the deal as a trap"): the
# object (and its 'as' complement) is the attributed position. They never own
# a direct quote and never make a claim (they are in COGNITIVE below).
STANCE_OBJECT = {"endorse", "back", "champion", "advocate", "challenge", "admire", "despise", "respect",
                 "compliment", "bemoan", "address", "offer", "deride", "extol", "downplay", "laud",
                 "reference", "retweet", "recite", "fault", "favor", "favour", "applaud", "show", "indicate"}
# Judgements read only with their 'as' / object complement ("views X as Y").
JUDGE = {"see", "view", "regard", "identify", "rate", "portray", "paint", "cast", "label", "brand", "dub",
         "characterize", "characterise", "depict", "deem", "judge", "consider"}
# Passive reports whose subject is what was said about it ("Smith was
# accused of fraud", "the deal is expected to pass"): the subject and the
# complement are the content, the agent (if any) is the speaker.
PASSIVE = {"accuse", "charge", "blame", "criticize", "criticise", "expect", "consider", "think", "believe",
           "rate", "view", "see", "dub", "label", "call", "describe", "brand", "portray", "suspect", "allege",
           "praise", "fault", "condemn", "deny", "reject", "report", "rumor", "rumour", "say"}
# Plans, wishes and decisions ("wants to triple the programme", "decided not
# to recommend charges"): attributed positions in PolNeAR's sense, read from
# their infinitive; never a direct quote's cue unless they govern it, and
# never a claim.
ATTITUDE = {"want", "plan", "intend", "decide", "seek", "aim", "wish", "hope", "expect", "refuse",
            "threaten", "offer", "agree", "decline", "vote"}
# Nouns that report a statement when a that-clause follows ("Trump's claim
# that ...", "the allegation that ...", "her view that ...").
NOUNS = {"claim", "allegation", "assertion", "statement", "argument", "suggestion", "view", "belief",
         "warning", "insistence", "accusation", "contention", "charge", "promise", "pledge", "report",
         "announcement", "admission", "prediction", "complaint", "assurance", "position", "theory",
         "idea", "opinion", "fear", "hope", "concern", "denial", "message", "notion", "rumor", "rumour"}
# Nouns that name a decision, plan or undertaking by its infinitive ("the
# union's decision to strike", "an agreement to cut emissions").
NOUN_INFINITIVE = {"decision", "agreement", "determination", "eagerness", "reluctance", "refusal",
                   "commitment", "promise", "pledge", "proposal", "call", "bid", "vow", "threat", "offer",
                   "willingness", "unwillingness", "desire", "intention", "readiness", "demand", "push"}
# Nouns that name what was said or thought about something, read with their
# prepositional object ("his remarks about the strike", "critics of the law").
NOUN_TOPIC = {
    "comment": {"about", "on"}, "remark": {"about", "on"}, "question": {"about", "over"},
    "concern": {"about", "over"}, "criticism": {"of"}, "claim": {"of", "about"}, "rhetoric": {"about", "on"},
    "debate": {"about", "over", "on"}, "answer": {"about", "on"}, "thought": {"on", "about"},
    "view": {"on", "about"}, "warning": {"about", "of", "against"}, "complaint": {"about", "over"},
    "statement": {"about", "on"}, "allegation": {"of", "about"}, "accusation": {"of"},
    "speculation": {"about", "over", "on"}, "skepticism": {"about", "of", "over"}, "doubt": {"about", "over"},
    "critic": {"of"}, "supporter": {"of"}, "opponent": {"of"}, "defender": {"of"}, "proponent": {"of"},
    "praise": {"for", "of"}, "assessment": {"of"}, "opinion": {"of", "on", "about"}, "position": {"on"},
    "stance": {"on"}, "idea": {"about", "of"}, "message": {"about", "on"}, "announcement": {"of"},
}
# Topic nouns that name the people who hold the view.
HOLDERS = {"critic", "supporter", "opponent", "defender", "proponent"}
# The verbs that report words themselves (a few quoted words hang only from these).
CORE = frozenset(SPEECH)
TOPIC_OBJECT |= STANCE_OBJECT | JUDGE
SPEECH |= TOPIC_OBJECT | set(TOPIC_PREP) | ATTITUDE | PASSIVE
# Cues that take only a clause: they are never a direct quote's cue unless
# they govern it (think, know ...), to keep speakers from mere thinkers.
COGNITIVE = {"hope", "fear", "worry", "believe", "think", "expect", "know", "feel", "find", "show",
             "learn", "hear", "understand", "determine", "imply", "rule",
             "want", "plan", "intend", "decide", "seek", "aim", "wish",
             "view", "belief", "idea", "opinion", "theory", "notion", "concern"} | STANCE_OBJECT | JUDGE
# Cues that ask for action rather than assert a fact: quotes, not claims.
DIRECTIVE = {"urge", "ask", "demand", "call", "encourage", "implore", "appeal", "plead", "order",
             "instruct", "advise", "propose", "recommend", "promise", "vow", "pledge", "threaten",
             "warn", "thank", "welcome", "apologize", "apologise", "praise", "hail", "condemn",
             "denounce", "decry", "blast", "slam", "criticize", "criticise", "wonder", "question"}
DENY = {"deny", "reject", "dismiss", "refute", "dispute", "contest", "rebut"}
CONFIRM = {"confirm", "affirm", "acknowledge", "admit", "concede"}


@dataclass
class Cue:
    head: Token  # the verb (or "according")
    start: int  # token span of the cue text
    end: int
    kind: str  # "verb", "according", "noun", "source" ("In the poll, ...") or "stance" (see stance.py)

    @property
    def text(self) -> str:
        return self.head.doc[self.start:self.end].text

    @property
    def lemma(self) -> str:
        if self.kind == "according":
            return "according to"
        return _LEMMA_FIX.get(self.head.lower_, self.head.lemma_.lower())


# Forms the pinned model lemmatises wrongly ("hopes" -> "hop", "rated" -> "rat").
_LEMMA_FIX = {"hopes": "hope", "hoped": "hope", "hoping": "hope", "rated": "rate", "rates": "rate"}


_matchers: dict[int, Matcher] = {}


def _matcher(doc: Doc) -> Matcher:
    key = id(doc.vocab)
    if key not in _matchers:
        m = Matcher(doc.vocab)
        m.add("VERB", [[{"LEMMA": {"IN": sorted(SPEECH)}, "POS": {"IN": ["VERB", "AUX"]}}],
                       [{"LOWER": {"IN": sorted(_LEMMA_FIX)}, "POS": {"IN": ["VERB", "AUX"]}}]])
        m.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
        m.add("SOURCE", [[{"LOWER": "in", "IS_SENT_START": True}]])
        m.add("NOUN", [[{"LEMMA": {"IN": sorted(NOUNS | NOUN_INFINITIVE | set(NOUN_TOPIC))}, "POS": "NOUN"}]])
        _matchers[key] = m
    return _matchers[key]


def find(doc: Doc) -> list[Cue]:
    """Every reporting cue in the doc, in text order."""
    vocab = doc.vocab.strings
    cues = []
    heads: set[int] = set()
    for match_id, start, end in _matcher(doc)(doc):
        if start in heads:
            continue  # one token matched by two patterns
        heads.add(start)
        if vocab[match_id] == "ACCORDING":
            cues.append(Cue(doc[start], start, end, "according"))
            continue
        tok = doc[start]
        if vocab[match_id] == "SOURCE":
            if _source_phrase(tok):
                cues.append(Cue(tok, start, end, "source"))
            continue
        if vocab[match_id] == "NOUN":
            # Only with what it states: "the claim that ...", "the decision to
            # ...", "remarks about ...", not "the claim".
            if noun_content(tok) is not None:
                cues.append(Cue(tok, start, end, "noun"))
            continue
        end = _particle_end(tok, end)
        cues.append(Cue(tok, start, end, "verb"))
    return cues


# What opens a sentence with its source: "In the poll, ...", "In his view, ...".
SOURCE_NOUNS = {"poll", "survey", "study", "report", "statement", "interview", "letter", "speech", "analysis",
                "memo", "op-ed", "column", "editorial", "tweet", "post", "filing", "lawsuit", "ruling",
                "opinion", "view", "eyes", "estimate", "assessment", "review", "audit", "testimony", "complaint"}
_VENUES = {"website", "site", "page", "account", "channel", "program", "programme", "show", "television",
           "radio", "stage", "floor", "call", "camera", "record", "tape", "twitter", "facebook", "air", "podium"}


def _source_phrase(prep: Token) -> bool:
    # "In a statement, the ministry said ...": the verb is the cue; only a
    # sentence whose own verb reports nothing takes its source from the phrase.
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in SOURCE_NOUNS or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    return prep.head.lemma_.lower() not in SPEECH and not any(c.dep_ == "ccomp" for c in prep.head.children)


def noun_content(tok: Token) -> Optional[Token]:
    """The clause, infinitive or prepositional object a noun cue states."""
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ in ("acl", "ccomp") and lemma in NOUNS and any(m.dep_ == "mark" for m in c.children):
            return c
        if c.dep_ == "acl" and lemma in NOUN_INFINITIVE and c.tag_ == "VB" and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            return c
        if c.dep_ == "prep" and c.lower_ in NOUN_TOPIC.get(lemma, ()):
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            # "remarks on Saturday", "comments on its website": when and where, not about what.
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME") and obj.lemma_.lower() not in _VENUES:
                return obj
    return None


def _particle_end(tok: Token, end: int) -> int:
    # "pointed out", "called for", "called on": the particle belongs to the cue.
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.dep_ == "prt" or (tok.lemma_ in ("call", "point") and nxt.lower_ in ("for", "on", "to", "out"))):
        return nxt.i + 1
    return end


def is_speech(cue: Optional[Cue]) -> bool:
    # A noun cue owns only the quoted words it governs.
    return cue is not None and cue.kind in ("verb", "according") and (cue.kind == "according" or cue.lemma not in COGNITIVE)
