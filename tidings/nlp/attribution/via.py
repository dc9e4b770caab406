"""The channel or outlet that relayed a statement.

"according to the state news agency KCNA" (when someone else is the
speaker), "on the Y Telegram channel", "in a video posted by Z", "via X".
Read from the prepositions attached to the cue verb.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from tidings.nlp.attribution.cues import Cue

# Nouns that name a medium rather than an occasion ("in a statement" is how
# someone spoke, "in a video posted by Z" is who relayed it).
MEDIA = {
    "channel", "account", "page", "website", "site", "broadcast", "broadcaster", "television", "tv",
    "radio", "newspaper", "video", "post", "blog", "podcast", "feed", "programme", "program", "show",
    "agency", "outlet", "app", "platform", "network", "telegram", "twitter", "facebook", "instagram",
    "youtube", "tiktok", "x", "whatsapp", "livestream", "stream", "newsletter", "daily", "tweet",
    "tweets", "message", "messages", "recording", "footage", "clip", "wire", "paper", "media",
}
_RELAY_VERBS = {"post", "carry", "publish", "air", "broadcast", "release", "share", "circulate", "upload", "distribute", "run"}
_PREPS = {"on", "in", "via", "through", "by"}


def find(cue: Cue, other_cues: list[Cue]) -> Optional[Token]:
    """The head token of the via phrase, or None."""
    verb = cue.head
    if cue.kind != "according":
        # "... claimed that they had shot down two helicopters, according to X"
        for other in other_cues:
            if other.kind == "according" and other.head.sent == verb.sent and verb in other.head.ancestors:
                to = other.head.doc[other.end - 1]
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    # "urged supporters on the X Telegram channel to ...": the phrase may hang from the object.
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for child in (c for h in heads for c in h.children):
        if child.dep_ != "prep" and not (child.dep_ == "advcl" and child.lower_ == "according"):
            continue
        if child.lower_ == "according" and cue.kind != "according":
            for to in child.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if child.lower_ in _PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _is_medium(pobj, child.lower_):
                    return pobj
    return None


def _is_medium(pobj: Token, prep: str) -> bool:
    if prep == "via":
        return True
    if pobj.lower_ in MEDIA:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in _RELAY_VERBS for c in pobj.children)


def text_of(tok: Token) -> tuple[str, int, int]:
    sub = list(tok.subtree)
    while len(sub) > 1 and sub[-1].is_punct:
        sub.pop()
    span = tok.doc[sub[0].i:sub[-1].i + 1]
    return span.text, span.start_char, span.end_char
