"""Removing junk lines from scraped article text.

Aggregator sites leave lines in the body that are not part of the article:
cross-links to other stories ("READ ALSO ..."), syndication and credit lines
("Via The Guardian", "Source: Reuters"), calls to subscribe, share or follow.
Each rule matches a whole line, and only a line that is short and shaped like
such a line: a body sentence that merely starts with the same word ("Sources
said ...", "Share prices fell ...") is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

# A publisher name: a few capitalised words, maybe with '&', '.', "'" or '-'.
_NAME = r"(?P<name>(?:the\s+)?[A-Z0-9][\w&.'’\-]*(?:\s+(?:[A-Z0-9&][\w&.'’\-]*|of|and|de|du|la|the|for|on|in|al|el))*)"
_END = r"\s*[.|,;]?\s*$"

_CROSS_LINK_WORDS = (
    r"read\s+also|also\s+read|read\s+more|read\s+next|read\s+this|read|see\s+also|also\s+see|related(?:\s+(?:stories|story|articles?|news|content|coverage|reading|links?|posts?|topics?))?"
    r"|more\s+(?:on\s+this(?:\s+story)?|stories|news|from\s+\w+(?:\s+\w+)?)|watch(?:\s+now|\s+video)?|video|listen|recommended(?:\s+for\s+you)?|trending(?:\s+now)?"
    r"|don['’]t\s+miss|must\s+read|you\s+may\s+also\s+like|you\s+might\s+also\s+like|suggested|top\s+stories|latest|editor['’]s\s+picks?|popular|most\s+read|explainer"
)
# "READ ALSO  Headline", "Read also: Headline", "RELATED | Headline", "Related »".
_CROSS_LINK = re.compile(
    rf"^\s*(?:[>»•\-–—*\[(]\s*)?(?P<lead>{_CROSS_LINK_WORDS})\s*(?P<sep>\s*[:|>»\-–—\])]+|\s)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_STRONG_LEAD = re.compile(
    r"^(?:read\s+also|also\s+read|read\s+more|read\s+next|see\s+also|also\s+see|related\s+\w+|more\s+on\s+this|more\s+stories|more\s+news|don['’]t\s+miss|must\s+read|you\s+(?:may|might)\s+also\s+like|editor['’]s\s+picks?|top\s+stories|most\s+read)$",
    re.IGNORECASE,
)
_CROSS_LINK_ALONE = re.compile(rf"^\s*(?:{_CROSS_LINK_WORDS})\s*[:|>»\-–—]*\s*$", re.IGNORECASE)

_SYNDICATION = re.compile(
    rf"^\s*(?:[(\[]\s*)?(?P<lead>via|source|sources|courtesy(?:\s+of)?|originally\s+published\s+(?:by|in|on|at)|first\s+published\s+(?:by|in|on|at)"
    rf"|(?:this|the)\s+(?:article|story|post|piece)\s+(?:was\s+)?(?:first|originally)\s+(?:appeared|published)\s+(?:in|on|by|at)"
    rf"|(?:this|the)\s+(?:article|story|post|piece)\s+(?:is\s+)?republished\s+(?:from|with\s+permission\s+(?:from|of))"
    rf"|republished\s+(?:from|with\s+permission\s+(?:from|of))|syndicated\s+from|distributed\s+by|provided\s+by|content\s+from)"
    rf"\s*[:\-–—]?\s*{_NAME}\s*[)\]]?{_END}",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\s*(?:[(\[]\s*)?(?:(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|edited\s+by|compiled\s+by|written\s+by|with\s+inputs?\s+from"
    r"|photo(?:graph)?s?(?:\s+by)?|image(?:\s+credit)?|picture|credit|file\s+photo|video\s+by|illustration)\s*[:\-–—]?\s*.{1,120}$",
    re.IGNORECASE,
)
_SUBSCRIBE = re.compile(
    r"^\s*(?:click\s+here\s+to\s+(?:subscribe|sign\s+up|read|join|get|download|follow)|subscribe(?:\s+now|\s+today|\s+here)?\b|sign\s+up\s+(?:now|here|today|for|to)\b"
    r"|get\s+(?:our|the)\s+\w+(?:\s+\w+)?\s+newsletter|join\s+our\s+(?:\w+\s+)?(?:channel|newsletter|community|mailing\s+list)|become\s+a\s+(?:subscriber|member|patron)|support\s+(?:our|independent)\s+journalism"
    r"|already\s+a\s+subscriber|log\s+in\s+to\s+(?:continue|read)|register\s+(?:now|for\s+free)|to\s+continue\s+reading)",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(
    r"^\s*(?:(?:sign\s+up\s+for|subscribe\s+to|get)\s+.{0,60}newsletter|newsletter\s*[:\-–—]|the\s+\w+(?:\s+\w+)?\s+newsletter\s*[:\-–—]|.{0,60}\bdelivered\s+(?:straight\s+)?to\s+your\s+inbox|enter\s+your\s+email)",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^\s*(?:share(?:\s+this(?:\s+(?:article|story|post|page))?)?(?:\s+(?:on|via)\s+\w+)?|tweet(?:\s+this)?|email(?:\s+this)?|print(?:\s+this)?|pin\s+it|whatsapp|facebook|twitter|linkedin|telegram|reddit|copy\s+link"
    r"|(?:like|follow|find)\s+us\s+on\s+.{1,60}|follow\s+(?:us|@?\w+)\s+on\s+.{1,40}|(?:share|like|comment)(?:\s*[|/,]\s*(?:share|like|comment|tweet|email|print))+"
    r"|\d+\s+(?:shares?|comments?|likes?)|(?:view|show|load|leave\s+a|add\s+a|post\s+a)\s+comments?)\s*[:.!]?\s*$",
    re.IGNORECASE,
)
_ADVERT = re.compile(
    r"^\s*(?:advertisement|advertising|sponsored(?:\s+content)?|ad|story\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?|continue\s+reading\s+(?:below|the\s+main\s+story)"
    r"|article\s+continues\s+(?:below|after\s+(?:this\s+)?advertisement)|scroll\s+to\s+continue(?:\s+with\s+content)?|skip\s+(?:ad|advertisement))\s*[:.]?\s*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b).{0,120}$|^.{0,120}\ball\s+rights\s+reserved\.?\s*$", re.IGNORECASE)

_MAX_WORDS = 30  # no junk line is longer than this


@dataclass
class Cleaned:
    text: str
    removed: list[dict] = field(default_factory=list)
    publisher: Optional[str] = None


def _is_headline(rest: str) -> bool:
    """A cross-link's tail: a headline, not the rest of a sentence."""
    words = rest.split()
    if not words:
        return True
    if len(words) > 25:
        return False
    return True


def classify(line: str) -> tuple[Optional[str], Optional[str]]:
    """(reason, publisher) for a junk line, (None, None) for a body line."""
    stripped = line.strip()
    if not stripped:
        return None, None
    words = stripped.split()
    if len(words) > _MAX_WORDS:
        return None, None
    m = _SYNDICATION.match(stripped)
    if m and len(m.group("name").split()) <= 6:
        lead = m.group("lead").lower()
        name = m.group("name").strip(" .,;|")
        # "Source: Reuters" is a credit; "Sources close to the minister" is not.
        if lead.startswith("source") and not (re.search(r"[:\-–—]", stripped[: len(m.group("lead")) + 3]) or len(words) <= 4):
            pass
        else:
            return "syndication", name
    m = _CROSS_LINK.match(stripped)
    if m and _is_headline(m.group("rest")):
        lead, sep = m.group("lead"), m.group("sep")
        shouted = lead.isupper() and len(lead) > 2
        punctuated = bool(sep.strip())
        # Strong leads ("Read also", "See also") never start a body sentence;
        # weak ones ("Read", "Watch", "Related") count only in capitals or
        # with a separator: "Read the full report" and "Watch groups said" are body.
        strong = _STRONG_LEAD.match(lead) is not None
        if shouted or punctuated or (strong and m.group("rest")[:1].isupper()):
            return "cross-link", None
    if _CROSS_LINK_ALONE.match(stripped):
        return "cross-link", None
    if _NEWSLETTER.match(stripped):
        return "newsletter", None
    if _SUBSCRIBE.match(stripped) and len(words) <= 20:
        return "subscribe", None
    if _SHARE.match(stripped):
        return "share", None
    if _ADVERT.match(stripped):
        return "advertisement", None
    if _COPYRIGHT.match(stripped) and len(words) <= 20:
        return "copyright", None
    if _CREDIT.match(stripped) and len(words) <= 15 and not stripped.endswith(("?", "!")) and _looks_like_credit(stripped):
        return "credit", None
    return None, None


def _looks_like_credit(line: str) -> bool:
    # "Reporting by Jane Doe; Editing by John Roe" or "Photo: AFP" — names and
    # separators, no verb phrase such as "Photographs show the ..."
    body = re.split(r"[:\-–—]|\bby\b", line, maxsplit=1, flags=re.IGNORECASE)[-1]
    tokens = [t for t in re.findall(r"[\w’'.&/]+", body) if t.lower() not in ("and", "in", "for", "of", "the", "with", "via", "from", "at")]
    if not tokens:
        return True
    capitalised = sum(1 for t in tokens if t[0].isupper() or t[0].isdigit() or t.isupper())
    return capitalised / len(tokens) >= 0.75


def clean(text: str) -> Cleaned:
    """Drop junk lines from normalised text; report each with its reason."""
    kept: list[str] = []
    removed: list[dict] = []
    publisher = None
    for line in text.split("\n"):
        reason, name = classify(line)
        if reason is None:
            kept.append(line)
            continue
        removed.append({"text": line.strip(), "reason": reason})
        if reason == "syndication" and publisher is None and name:
            publisher = re.sub(r"^the\s+", "The ", name, flags=re.IGNORECASE) if name.lower().startswith("the ") else name
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return Cleaned(out, removed, publisher)
