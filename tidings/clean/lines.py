"""Removing junk lines from scraped article text.

Aggregator sites leave lines in the body that are not part of the article:
cross-links to other stories ("READ ALSO ..."), syndication and credit lines
("Via The Guardian", "Source: Reuters"), calls to subscribe, share or follow.
Each rule matches a whole line, and only a line that is short and shaped like
such a line: a body sentence that merely starts with the same word ("Sources
said ...", "Share prices fell ...") is kept. The shapes live in
``tidings.clean.patterns``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from tidings.clean import patterns as P

_MAX_WORDS = 30  # no junk line is longer than this
# Lowercase words a publisher's name may hold ("Agence France-Presse" has none,
# "Mail & Guardian" none, "The New York Times" only "the").
_NAME_SMALL = {"of", "and", "de", "du", "la", "le", "the", "for", "on", "in", "al", "el", "news"}
# Words after "Via"/"Source" that start a sentence, not a name ("Via a spokesman").
_NOT_A_NAME = re.compile(r"^(?:a|an|his|her|their|its|our|this|that|these|those|close|said|say|told|familiar|say|within|inside|at|in|on|from)\b", re.I)


@dataclass
class Cleaned:
    text: str
    removed: list[dict] = field(default_factory=list)
    publisher: Optional[str] = None


def _publisher_name(name: str) -> Optional[str]:
    name = name.strip(" .,;:|)]")
    if not name or _NOT_A_NAME.match(name):
        return None
    words = name.split()
    if len(words) > 6 or any(w[0].islower() and w.lower() not in _NAME_SMALL for w in words):
        return None
    if words[0].lower() == "the" and len(words) > 1:
        words[0] = "The"
    return " ".join(words)


def _syndication(line: str, n_words: int) -> Optional[str]:
    """The publisher a syndication line names, or None when it is not one."""
    m = P.SYNDICATION.match(line)
    if m:
        lead, sep = m.group("lead").lower(), m.group("sep")
        name = _publisher_name(m.group("name"))
        if name is None:
            return None
        # "Sources close to the minister" and "Via Rome, the train..." are body;
        # "Source: Reuters", "SOURCE Reuters" and "Via The Guardian" are credits.
        if lead in ("source", "sources", "via") and not sep.strip() and n_words > 4 and not m.group("lead").isupper():
            return None
        return name
    m = P.DASH_CREDIT.match(line)
    if m and n_words <= 5:
        return _publisher_name(m.group("name"))
    return None


def _cross_link(line: str) -> bool:
    m = P.CROSS_LINK.match(line)
    if m:
        lead, sep, rest = m.group("lead"), m.group("sep"), m.group("rest")
        if len(rest.split()) > 25:
            return False
        shouted = lead.isupper() and len(lead) > 2
        punctuated = bool(sep.strip())
        # Strong leads ("Read also", "See also") never start a body sentence;
        # weak ones ("Read", "Watch", "Related") count only in capitals or
        # with a separator: "Read the full report" and "Watch groups said" are body.
        strong = P.STRONG_LEAD.match(lead) is not None
        if shouted or punctuated or (strong and rest[:1].isupper()):
            # "Related: police said ..." is still a sentence: a headline after a
            # weak lead starts with a capital, a digit or a quote.
            return strong or shouted or not rest or not rest[:1].islower()
    return P.CROSS_LINK_ALONE.match(line) is not None


_CREDIT_SMALL = {"and", "in", "for", "of", "the", "with", "via", "from", "at", "by", "editing", "writing", "reporting", "agencies", "staff", "wires"}


def _looks_like_credit(rest: str) -> bool:
    # What follows "Reporting by" or "Photo:": names and separators ("Jane
    # Doe; Editing by John Roe", "AFP/Getty Images"), no verb phrase such as
    # "Photographs show the ...".
    tokens = [t for t in re.findall(r"[\w’'.&/]+", rest) if t.lower() not in _CREDIT_SMALL]
    if not tokens:
        return True
    capitalised = sum(1 for t in tokens if t[0].isupper() or t[0].isdigit())
    return capitalised / len(tokens) >= 0.75


def copyright_owner(line: str) -> Optional[str]:
    return _publisher_name(P.COPYRIGHT_NOISE.sub(" ", line))


def classify(line: str) -> tuple[Optional[str], Optional[str]]:
    """(reason, publisher) for a junk line, (None, None) for a body line."""
    stripped = line.strip()
    if not stripped:
        return None, None
    n_words = len(stripped.split())
    if n_words > _MAX_WORDS:
        return None, None
    name = _syndication(stripped, n_words)
    if name:
        return "syndication", name
    if P.WIRE_FEED.match(stripped):
        return "syndication", None
    if _cross_link(stripped):
        return "cross-link", None
    if P.NEWSLETTER.match(stripped):
        return "newsletter", None
    if P.SUBSCRIBE.match(stripped) and n_words <= 20:
        return "subscribe", None
    if P.SHARE.match(stripped) and n_words <= 15:
        return "share", None
    if P.ADVERT.match(stripped):
        return "advertisement", None
    if P.NAVIGATION.match(stripped) and n_words <= 20:
        return "navigation", None
    if P.TAGS.match(stripped) and n_words <= 25 and "," in stripped or P.TAGS.match(stripped) and n_words <= 6:
        return "tags", None
    if P.COPYRIGHT.match(stripped) and n_words <= 40:
        return "copyright", None
    m = P.CREDIT.match(stripped)
    if m and n_words <= 15 and not stripped.endswith(("?", "!")) and _looks_like_credit(m.group("rest")):
        return "credit", None
    return None, None


def clean(text: str) -> Cleaned:
    """Drop junk lines from normalised text; report each with its reason.

    The publisher is the first syndication line's name, else the owner in a
    copyright line ("© Reuters").
    """
    kept: list[str] = []
    removed: list[dict] = []
    publisher = owner = None
    for line in text.split("\n"):
        reason, name = classify(line)
        if reason is None:
            kept.append(line)
            continue
        removed.append({"text": line.strip(), "reason": reason})
        if reason == "syndication" and publisher is None:
            publisher = name
        elif reason == "copyright" and owner is None:
            owner = copyright_owner(line)
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return Cleaned(out, removed, publisher or owner)
