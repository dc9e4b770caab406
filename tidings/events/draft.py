"""The working form of an event while the stage builds it (turned into a record Event at the end)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional

from spacy.tokens import Span, Token

from tidings.record import Count, Party

from .lexicon import Trigger


@dataclass
class Draft:
    trigger: Token  # the syntactic head of the trigger phrase
    span: Span  # the whole trigger phrase
    lex: Trigger
    type: str
    mode: Optional[str]
    gov: Optional[Token] = None  # the verb a noun trigger hangs from ("staged a protest")
    status: str = "occurred"
    claim: Optional[str] = None
    actor: Optional[Party] = None
    target: Optional[Party] = None
    organizer: Optional[Party] = None
    counts: dict[str, Count] = field(default_factory=dict)
    according_to: Optional[str] = None
    context: Optional[str] = None
    sentences: list[Span] = field(default_factory=list)
    cue: Optional[Token] = None  # the word that set the status
    inner_of: Optional["Draft"] = None  # the demand/threat this event is the content of
    pronoun: Optional[Token] = None  # "they", "he": the actor as written, for actors.resolve

    @cached_property
    def sent(self) -> Span:
        # Token.sent builds a new Span on each access; merging asks for it often.
        return self.trigger.sent

    @property
    def head(self) -> Token:
        """The verb that carries tense, negation and subject for this event."""
        return self.gov if self.gov is not None else self.trigger
