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
    "endorse", "oppose", "urge", "liken", "compare", "call",
}
TOPIC_PREP = {
    "speak": {"about", "of", "on"}, "talk": {"about", "of"}, "complain": {"about", "of"},
    "joke": {"about"}, "comment": {"on", "about"}, "respond": {"to"}, "refer": {"to"},
    "point": {"to"}, "ask": {"about", "for"}, "warn": {"about", "of", "against"}, "write": {"about", "of"},
    "allude": {"to"}, "reflect": {"on"}, "argue": {"for", "against"}, "call": {"for"}, "testify": {"about"},
    "boast": {"about", "of"}, "brag": {"about"}, "reply": {"to"}, "insist": {"on"}, "worry": {"about"},
}
# Plans, wishes and decisions ("wants to triple the programme", "decided not
# to recommend charges"): attributed positions in PolNeAR's sense, read from
# their infinitive; never a direct quote's cue unless they govern it, and
# never a claim.
ATTITUDE = {"want", "plan", "intend", "decide", "seek", "aim", "wish", "hope", "expect", "refuse",
            "threaten", "offer", "agree"}
# Nouns that report a statement when a that-clause follows ("Trump's claim
# that ...", "the allegation that ...", "her view that ...").
NOUNS = {"claim", "allegation", "assertion", "statement", "argument", "suggestion", "view", "belief",
         "warning", "insistence", "accusation", "contention", "charge", "promise", "pledge", "report",
         "announcement", "admission", "prediction", "complaint", "assurance", "position", "theory",
         "idea", "opinion", "fear", "hope", "concern", "denial", "message", "notion", "rumor", "rumour"}
# The verbs that report words themselves (a few quoted words hang only from these).
CORE = frozenset(SPEECH)
SPEECH |= TOPIC_OBJECT | set(TOPIC_PREP) | ATTITUDE
# Cues that take only a clause: they are never a direct quote's cue unless
# they govern it (think, know ...), to keep speakers from mere thinkers.
COGNITIVE = {"hope", "fear", "worry", "believe", "think", "expect", "know", "feel", "find", "show",
             "learn", "hear", "understand", "determine", "imply", "rule",
             "want", "plan", "intend", "decide", "seek", "aim", "wish",
             "view", "belief", "idea", "opinion", "theory", "notion", "concern"}
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
    kind: str  # "verb", "according" or "noun"

    @property
    def text(self) -> str:
        return self.head.doc[self.start:self.end].text

    @property
    def lemma(self) -> str:
        return "according to" if self.kind == "according" else self.head.lemma_.lower()


_matchers: dict[int, Matcher] = {}


def _matcher(doc: Doc) -> Matcher:
    key = id(doc.vocab)
    if key not in _matchers:
        m = Matcher(doc.vocab)
        m.add("VERB", [[{"LEMMA": {"IN": sorted(SPEECH)}, "POS": {"IN": ["VERB", "AUX"]}}]])
        m.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
        m.add("NOUN", [[{"LEMMA": {"IN": sorted(NOUNS)}, "POS": "NOUN"}]])
        _matchers[key] = m
    return _matchers[key]


def find(doc: Doc) -> list[Cue]:
    """Every reporting cue in the doc, in text order."""
    vocab = doc.vocab.strings
    cues = []
    for match_id, start, end in _matcher(doc)(doc):
        if vocab[match_id] == "ACCORDING":
            cues.append(Cue(doc[start], start, end, "according"))
            continue
        tok = doc[start]
        if vocab[match_id] == "NOUN":
            # Only with a that-clause: "the claim that ...", not "the claim".
            if any(c.dep_ in ("acl", "ccomp") and c.i > tok.i and any(m.dep_ == "mark" for m in c.children) for c in tok.children):
                cues.append(Cue(tok, start, end, "noun"))
            continue
        end = _particle_end(tok, end)
        cues.append(Cue(tok, start, end, "verb"))
    return cues


def _particle_end(tok: Token, end: int) -> int:
    # "pointed out", "called for", "called on": the particle belongs to the cue.
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.dep_ == "prt" or (tok.lemma_ in ("call", "point") and nxt.lower_ in ("for", "on", "to", "out"))):
        return nxt.i + 1
    return end


def is_speech(cue: Optional[Cue]) -> bool:
    # A noun cue owns only the quoted words it governs.
    return cue is not None and cue.kind != "noun" and (cue.kind == "according" or cue.lemma not in COGNITIVE)
