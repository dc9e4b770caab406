"""Hostile inputs for the extract path, and what every result must satisfy.

Shared by tests/test_fuzz.py (a small budget in CI) and bench/fuzz_extract.py
(a larger one, with counts written to docs/reliability.md). Random text alone
is mostly refused by the language check; the "news" strategies wrap hostile
fragments in English sentences so they reach the spaCy stages too.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Optional, Union

from hypothesis import strategies as st

from tidings.ingest.raw import RawArticle
from tidings.record import ErrorRecord, Record, json_schema

# Fictional wire-style sentences (written for these tests).
SENTENCES = [
    "Police in Lakeport fired tear gas at about 2,000 protesters outside the ministry on Tuesday, witnesses said.",
    "\u201cWe will not leave until the minister resigns,\u201d said Amara Okonjo, a nurse who joined the march.",
    "The interior ministry denied that officers had detained 14 students, calling the reports false.",
    "At least three people were killed and dozens injured in clashes near the port of Velmar, a hospital official said.",
    "Opposition leader Tomas Reyes accused the government of arresting journalists, a claim it rejected.",
    "On March 3, 2024, the army said it had withdrawn its troops from the northern province.",
    "Hundreds of teachers went on strike in the capital on Monday demanding higher wages.",
    "The United Nations called for calm and urged both sides to hold talks in Geneva next week.",
]

# Characters that break naive text handling.
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
QUOTES = ["\"", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u300c", "\u201e", "'"]
CONTROLS = [chr(c) for c in range(0, 32)] + ["\x7f", "\x85", "\u2028", "\u2029"]
SCRIPTS = ["\u0627\u0644\u0634\u0631\u0637\u0629", "\u041f\u043e\u043b\u0438\u0446\u0438\u044f", "\u8b66\u5bdf",
           "\u0915\u093f\u0938\u093e\u0928", "\u05de\u05e9\u05d8\u05e8\u05d4", "\U0001f525\U0001f1fa\U0001f1e6",
           "e\u0301\u0301\u0301\u0301", "\U0001d4d0\U0001d4d1", "\ufdfd", "\u0e01\u0e33"]

any_char = st.characters(codec=None, exclude_categories=())  # every code point, lone surrogates included
hostile_char = st.one_of(any_char, st.sampled_from(ZERO_WIDTH + BIDI + QUOTES + CONTROLS))
fragment = st.one_of(
    st.text(hostile_char, max_size=40),
    st.sampled_from(ZERO_WIDTH + BIDI + QUOTES + CONTROLS + SCRIPTS),
    st.builds(lambda q, n: q * n, st.sampled_from(QUOTES + ["(", "[", "<", "&"]), st.integers(1, 300)),
    st.builds(lambda n: "9" * n, st.integers(1, 400)),                     # huge numbers
    st.builds(lambda n: "x" * n, st.integers(1000, 20000)),                # a very long word
)


def _interleave(parts: list) -> str:
    return " ".join(parts)


random_text = st.text(hostile_char, max_size=2000)
news_text = st.lists(st.one_of(st.sampled_from(SENTENCES), fragment), min_size=1, max_size=40).map(_interleave)
one_line = st.builds(lambda s, n: (s.replace("\n", " ") + " ") * n, st.sampled_from(SENTENCES), st.integers(50, 3000))

_TAGS = ["div", "p", "span", "b", "i", "a", "table", "tr", "td", "ul", "li", "article", "section", "script",
         "style", "iframe", "svg", "math", "template", "noscript", "title", "textarea", "xmp", "plaintext"]


def _attrs(n: int, value: str) -> str:
    return "".join(f' a{i}="{value}"' for i in range(n))


@st.composite
def html_doc(draw) -> str:
    """Random tag soup: nesting, unclosed and stray tags, odd attributes and entities, around news text."""
    body = []
    for _ in range(draw(st.integers(1, 30))):
        kind = draw(st.integers(0, 6))
        tag = draw(st.sampled_from(_TAGS))
        text = draw(st.one_of(st.sampled_from(SENTENCES), fragment))
        if kind == 0:
            body.append(f"<{tag}{_attrs(draw(st.integers(0, 5)), draw(fragment).replace(chr(34), ''))}>{text}</{tag}>")
        elif kind == 1:
            body.append(f"<{tag}>{text}")                                  # never closed
        elif kind == 2:
            body.append(f"</{tag}>{text}")                                 # closed, never opened
        elif kind == 3:
            depth = draw(st.integers(1, 3000))
            body.append(f"<{tag}>" * depth + text + f"</{tag}>" * draw(st.integers(0, depth)))
        elif kind == 4:
            body.append(text + draw(st.sampled_from(["&amp", "&#x110000;", "&#0;", "&#xD800;", "&nbsp;" * 50,
                                                        "&bogus;", "<!--", "<![CDATA[", "<?xml ?>", "<!DOCTYPE"])))
        elif kind == 5:
            body.append(f"<p>{text}</p>")
        else:
            body.append(f"<{tag} {draw(fragment)}")                       # a tag that never ends
    head = draw(st.sampled_from(["<html><head><title>News</title></head><body>", "<html><body>", "<!DOCTYPE html>",
                                 "<?xml version=\"1.0\"?><html>", ""]))
    return head + "\n".join(body) + draw(st.sampled_from(["</body></html>", "", "</html>"]))


@st.composite
def raw_article(draw, body=None, html: Optional[bool] = None) -> RawArticle:
    text = draw(body if body is not None else st.one_of(random_text, news_text, one_line))
    as_html = draw(st.booleans()) if html is None else html
    meta = dict(
        # Mostly usable dates, so that most cases get past prepare() into spaCy.
        published=draw(st.one_of(st.none(), st.just("2024-06-26"), st.just("2024-06-26T08:15:00+03:00"),
                                 st.sampled_from(["2024-02-30", "yesterday", "0000-00-00", "9999-12-31T99:99",
                                                  "\u0660\u0661"]) | st.text(max_size=20))),
        url=draw(st.one_of(st.none(), st.just("https://example.org/a?b=<script>"), st.text(max_size=30))),
        title=draw(st.one_of(st.none(), fragment)),
    )
    if as_html:
        return RawArticle(source="fuzz", id="fuzz", html=text, **meta)
    return RawArticle(source="fuzz", id="fuzz", text=text, **meta)


# Hand-made hostile inputs: name -> a function making the raw article (built
# lazily: some are 10 MB).
def _bomb_entities() -> str:
    # "Billion laughs": an HTML parser must not expand a DTD's entities.
    defs = ['<!ENTITY a0 "ha">'] + [f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    return f"<?xml version=\"1.0\"?><!DOCTYPE html [{''.join(defs)}]><html><body><p>&a9;</p><p>{SENTENCES[0]}</p></body></html>"


FIXED = {
    "10MB plain text": lambda: RawArticle(source="10mb", text=("\n\n".join(SENTENCES) + "\n\n") * 11_000),
    "10MB single line": lambda: RawArticle(source="10mb-line", text=" ".join(SENTENCES) * 11_000),
    "10MB of one word": lambda: RawArticle(source="10mb-word", text="a" * 10_000_000),
    "60MB over the input limit": lambda: RawArticle(source="60mb", text="x" * 60_000_000),
    "nesting 100k divs": lambda: RawArticle(source="nest", html="<html><body>" + "<div>" * 100_000 + SENTENCES[0]
                                            + "</div>" * 100_000 + "</body></html>"),
    "nesting 200k unclosed": lambda: RawArticle(source="unclosed", html="<html><body>" + "<b><i><span>" * 70_000
                                                + SENTENCES[0]),
    "entity expansion": lambda: RawArticle(source="laughs", html=_bomb_entities()),
    "200k attributes": lambda: RawArticle(source="attrs", html=f"<html><body><p{_attrs(200_000, 'x')}>{SENTENCES[0]}</p></body></html>"),
    "1MB attribute value": lambda: RawArticle(source="attr", html=f"<html><body><p title=\"{'&amp;' * 200_000}\">{SENTENCES[0]}</p></body></html>"),
    "100k numeric entities": lambda: RawArticle(source="ents", html="<html><body><p>" + "&#8203;" * 100_000 + SENTENCES[0] + "</p></body></html>"),
    "1M zero-width": lambda: RawArticle(source="zw", text=SENTENCES[0] + "\u200b" * 1_000_000 + SENTENCES[1]),
    "bidi overrides": lambda: RawArticle(source="bidi", text=" ".join("\u202e" + s + "\u2066" for s in SENTENCES) * 50),
    "5000 unclosed quotes": lambda: RawArticle(source="quotes", text=" ".join("\u201c" + s for s in SENTENCES) * 625),
    "nested quotes 2000 deep": lambda: RawArticle(source="nquotes", text="He said \u201c" * 2000 + SENTENCES[0]),
    "control characters": lambda: RawArticle(source="ctl", text="".join(c + s for c, s in zip(CONTROLS * 8, SENTENCES * 40))),
    "lone surrogates": lambda: RawArticle(source="sur", text=" ".join(s + "\ud800" for s in SENTENCES) * 10),
    "mixed scripts": lambda: RawArticle(source="mix", text=" ".join(s + " " + m for s, m in zip(SENTENCES * 10, SCRIPTS * 8))),
    "200k sentences of one word": lambda: RawArticle(source="dots", text="Protest. " * 200_000),
    "numbers 10k digits": lambda: RawArticle(source="digits", text=SENTENCES[3].replace("three", "9" * 10_000)),
}

_ONE_LINE = re.compile(r"^E\d{3}$")


@functools.lru_cache(maxsize=1)
def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json_schema())


def problems(result: Union[Record, ErrorRecord]) -> list[str]:
    """Why a result breaks the contract (empty when it is fine)."""
    found = []
    if isinstance(result, ErrorRecord):
        if not _ONE_LINE.match(result.error.code):
            found.append(f"error code {result.error.code!r}")
        if "\n" in result.error.message or "\r" in result.error.message or len(result.error.message) > 2000:
            found.append("error message is not one line")
        return found
    if not isinstance(result, Record):
        return [f"neither a record nor an error record: {type(result).__name__}"]
    data = result.to_dict()
    for err in list(_validator().iter_errors(data))[:3]:
        found.append(f"schema: {err.message[:200]} at {list(err.absolute_path)}")
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, ValueError) as exc:
        found.append(f"record cannot be written as UTF-8 JSON: {exc}"[:300])
    n = len(result.article.text)
    for e in result.entities:
        if any(not (0 <= s < t <= n) for s, t in e.mentions):
            found.append(f"entity {e.id} mention outside the text")
    for q in result.quotes:
        if not (0 <= q.start <= q.end <= n):
            found.append(f"quote {q.id} outside the text")
    return found


def outcome(result: Union[Record, ErrorRecord]) -> str:
    """'record' or the error code: E012 (a stage raised) and E013 (out of time) are bugs to look at."""
    return result.error.code if isinstance(result, ErrorRecord) else "record"
