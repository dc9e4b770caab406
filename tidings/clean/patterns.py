"""The shapes of junk lines, as precompiled regexes.

Each pattern matches a whole line. Words that also start ordinary sentences
("Sources said", "Share prices", "Via a spokesman", "Read the report") are
held to a stricter shape: capitals, a separator, or a publisher-like name and
nothing after it.
"""

from __future__ import annotations

import re

I = re.IGNORECASE

# Bullets, arrows and brackets that open a junk line.
LEAD_IN = r"(?:[>»•·\-–—*→►▶➤⟶\[(]+\s*)?"
# A publisher name: a few capitalised words, maybe with '&', '.', "'", '+' or '-'.
NAME = r"(?P<name>(?:the\s+)?[A-Z0-9][\w&.'’+/\-]*(?:\s+(?:[A-Z0-9&][\w&.'’+/\-]*|of|and|de|du|la|le|the|for|on|in|al|el|news))*)"
_END = r"\s*[)\]]?\s*[.|,;]?\s*$"
SEP = r"(?P<sep>\s*(?:[:|>»\-–—\])]|→)+\s*|\s+)"

# Longer alternatives first: the regex takes the first that fits.
_CROSS_LINK_WORDS = (
    r"read\s+also|also\s+read|read\s+more(?:\s+about)?|read\s+next|read\s+this|read\s+the\s+full\s+(?:story|article|report)(?=\s*[:|>»\-–—])"
    r"|click\s+here\s+to\s+read(?:\s+more)?|read|see\s+also|also\s+see"
    r"|related(?:\s+(?:stories|story|articles?|news|content|coverage|reading|links?|posts?|topics?|video))?"
    r"|more\s+on\s+this(?:\s+story)?|more\s+stories|more\s+news|more\s+from\s+[\w&’'.\-]+(?:\s+[\w&’'.\-]+){0,3}(?=\s*:|\s*$)|see\s+more"
    r"|watch(?:\s+now|\s+(?:the\s+)?video|\s+live)?|videos?|photos?|gallery|listen|recommended(?:\s+for\s+you|\s+reading|\s+stories|\s+articles|\s+videos)?|trending(?:\s+now)?"
    r"|don['’]?t\s+miss|must\s+read|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|suggested(?:\s+reading)?|top\s+stories"
    r"|latest(?:\s+news)?|editor['’]?s\s+picks?|popular|most\s+read|explainer|in\s+pictures|opinion|analysis"
)
CROSS_LINK = re.compile(rf"^\s*{LEAD_IN}(?P<lead>{_CROSS_LINK_WORDS}){SEP}(?P<rest>.*?)\s*[)\]]?\s*$", I)
CROSS_LINK_ALONE = re.compile(rf"^\s*{LEAD_IN}(?:{_CROSS_LINK_WORDS})\s*[:|>»\-–—→)\]]*\s*$", I)
# Leads that never start a body sentence: enough with a capitalised headline after them.
STRONG_LEAD = re.compile(
    r"^(?:read\s+also|also\s+read|read\s+more(?:\s+about)?|read\s+next|see\s+also|also\s+see|related\s+\w+|more\s+on\s+this(?:\s+story)?|more\s+stories|more\s+news"
    r"|don['’]?t\s+miss|must\s+read|you\s+(?:may|might)\s+also.*|editor['’]?s\s+picks?|top\s+stories|most\s+read|click\s+here\s+to\s+read.*|read\s+the\s+full.*)$",
    I,
)

_SYNDICATION_WORDS = (
    r"via|source|sources|courtesy(?:\s+of)?|(?:story|photo|video|content|article)\s+courtesy(?:\s+of)?|originally\s+published\s+(?:by|in|on|at)|first\s+published\s+(?:by|in|on|at)"
    r"|(?:this|the)\s+(?:article|story|post|piece|report)\s+(?:was\s+|is\s+)?(?:first|originally)\s+(?:appeared|published|ran)\s+(?:in|on|by|at)"
    r"|(?:this|the)\s+(?:article|story|post|piece|report)\s+(?:is\s+|was\s+)?(?:republished|reproduced|syndicated)\s+(?:from|with\s+permission\s+(?:from|of))"
    r"|republished\s+(?:from|with\s+permission\s+(?:from|of))|syndicated\s+from|distributed\s+by|provided\s+by|content\s+(?:from|by)|(?:story|report)\s+by"
)
SYNDICATION = re.compile(
    rf"^\s*{LEAD_IN}(?P<lead>{_SYNDICATION_WORDS})(?P<sep>\s*[:|\-–—]\s*|\s+){NAME}(?P<tail>\.?\s+read\s+the\s+original(?:\s+article)?)?{_END}",
    I,
)
# "— Reuters", "-- AFP": a dash and a wire's name alone on a line.
DASH_CREDIT = re.compile(rf"^\s*(?:—|–|--|-)\s*{NAME}\s*\.?\s*$")

CREDIT = re.compile(
    r"^\s*(?:[(\[]\s*)?(?P<lead>(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|edited\s+by|compiled\s+by|written\s+by|with\s+inputs?\s+from"
    r"|photo(?:graph)?s?(?:\s+(?:by|credit))?|image(?:\s+(?:credit|source))?|picture|credit|file\s+photo|video\s+by|illustration)\s*[:\-–—]?\s*(?P<rest>.{0,120}?)\s*[)\]]?\s*$",
    I,
)

_NETWORK = r"(?:facebook|twitter|x|instagram|youtube|tiktok|telegram|whatsapp|linkedin|reddit|pinterest|threads|bluesky|mastodon|flipboard|messenger|google\s+news|snapchat|e-?mail|sms|print|copy\s+link|share|tweet)"
_NETWORKS = rf"{_NETWORK}(?:\s*(?:,|\||/|•|·|and|&|or)?\s*{_NETWORK})*"
SHARE = re.compile(
    r"^\s*(?:"
    rf"share(?:\s+this(?:\s+(?:article|story|post|page|video))?)?(?:\s+(?:on|via)\s+{_NETWORKS}|\s*[:|]\s*{_NETWORKS})?"
    r"|tweet(?:\s+this)?|(?:e-?mail|print|save|bookmark)\s+this(?:\s+(?:article|story|page|post))?|(?:e-?mail|print|save|bookmark|share)\s+(?:article|story|page|post)"
    r"|listen\s+to\s+this\s+(?:article|story)(?:\s*[-–—:|]?\s*\d+\s*min(?:ute)?s?)?|print|pin\s+it|copy\s+link|copy\s+article\s+link"
    rf"|click\s+to\s+(?:share|print|e-?mail)(?:\s+on\s+{_NETWORKS})?(?:\s*\(opens\s+in\s+(?:a\s+)?new\s+window\))?"
    rf"|{_NETWORK}(?:\s*(?:,|\||/|•|·)?\s*{_NETWORK})+"
    rf"|(?:like|follow|find|join)\s+us\s+on\s+{_NETWORKS}.{{0,40}}"
    rf"|follow\s+(?:us\s+|@\w+\s*|(?-i:(?:the\s+|The\s+)?[A-Z][\w&.'’\-]*(?:\s+[A-Z&][\w&.'’\-]*){{0,3}})\s+)on\s+{_NETWORKS}(?:\s+@?\w+)?"
    r"|\d+\s+(?:shares?|comments?|likes?)|comments?\s*\(\d+\)|(?:view|show|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments?|(?:leave|add|post)\s+a\s+comment"
    r")\s*[:.!]?\s*$",
    I,
)

SUBSCRIBE = re.compile(
    r"^\s*(?:click\s+here\s+to\s+(?:subscribe|sign\s+up|join|get|download|follow|register)|subscribe(?:\s+(?:now|today|here))?(?:\s*[:!.]?\s*$|\s+(?:to|for|and|now|today)\b)|sign\s+up\s+(?:now|here|today)\b"
    r"|sign\s+up\s+(?:for|to)\s+(?:our\s+|the\s+)?(?:[\w&'’.\-]+\s+){0,4}(?:newsletters?|alerts?|updates|briefings?|emails?|digest)\b"
    r"|sign\s+up\s+to\s+(?:receive|get|our)\b|get\s+(?:our|the)\s+\w+(?:\s+\w+)?\s+newsletter|join\s+our\s+(?:\w+\s+)?(?:channel|newsletter|community|mailing\s+list|group)"
    r"|become\s+a\s+(?:subscriber|member|patron|supporter)(?:\s+(?:now|today))?\b|support\s+(?:our|independent|quality)\s+journalism|donate\s+(?:now|today)"
    r"|already\s+a\s+(?:subscriber|member)|log\s+in\s+to\s+(?:continue|read)|register\s+(?:now|for\s+free)|to\s+continue\s+reading"
    r"|(?:[^.?!:]{0,50}[.?!:]\s+)?download\s+(?:our|the)\s+(?:[\w&'’.\-]+\s+){0,4}app\b.{0,60})",
    I,
)
NEWSLETTER = re.compile(
    r"^\s*(?:(?:[^.?!]{0,60}[?!.]\s+)?(?:sign\s+up\s+(?:for|to)|subscribe\s+to|get)\s+.{0,60}newsletter|newsletter\s*[:\-–—]|the\s+\w+(?:\s+\w+)?\s+newsletter\s*[:\-–—]"
    r"|.{0,60}\bdelivered\s+(?:straight\s+|directly\s+)?to\s+your\s+inbox|enter\s+your\s+e-?mail(?:\s+address)?)",
    I,
)
_ADVERT_WORDS = (
    r"advertisement|advertising|sponsored(?:\s+content|\s+post)?|ad|promoted|story\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?|continue\s+reading\s+(?:below|the\s+main\s+story)"
    r"|article\s+continues\s+(?:below|after\s+(?:this\s+)?advertisement)|scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:with\s+content|reading))?|skip\s+(?:ad|advertisement)"
)
ADVERT = re.compile(rf"^\s*(?:{_ADVERT_WORDS})(?:\s*[-–—:|•·]\s*(?:{_ADVERT_WORDS}))*\s*[:.]?\s*$", I)
COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b).{0,120}$|^.{0,120}\ball\s+rights\s+reserved\b.{0,160}$", I)
# The owner named in a copyright line: what is left without the symbol, years and formulae.
COPYRIGHT_NOISE = re.compile(r"©|\(c\)|\bcopyright\b|\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)?\d\d)?|\ball\s+rights\s+reserved\b.*$|[.,;:|]+\s*$", I)
# A menu: three or more short labels between pipes or bullets ("Home | News | Contact").
NAVIGATION = re.compile(r"^\s*(?:[\w&'’.\-]+(?:\s+[\w&'’.\-]+){0,2}\s*[|•·»]\s*){2,}[\w&'’.\-]+(?:\s+[\w&'’.\-]+){0,2}\s*[|•·»]?\s*$")
# Wire copy published unedited: a syndication note that names no publisher.
WIRE_FEED = re.compile(r"^\s*\(?\s*(?:this|the)\s+(?:story|article|report)\s+(?:has\s+been|was|is)\s+(?:published|auto-generated|generated)\s+from\s+an?\s+(?:wire\s+agency|syndicated|agency|news\s+agency)\s+feed\b.{0,120}$", I)
# Tag and category lists under an article.
TAGS = re.compile(r"^\s*(?:tags?|topics?|filed\s+under|categories|category|keywords|more\s+about)\s*:\s*.{1,150}$", I)
