"""From a raw article to the cleaned Article that spaCy reads.

HTML goes through trafilatura; plain text is normalised; junk lines are
removed with their reasons; the language is checked. Each failure is a
numbered TidingsError naming the input.
"""

from __future__ import annotations

from tidings.clean import language, lines
from tidings.clean.text import normalise
from tidings.config import Config
from tidings.errors import TidingsError
from tidings.ingest import html as html_
from tidings.ingest import published as published_
from tidings.ingest.raw import RawArticle
from tidings.record import Article, Removed


def prepare(raw: RawArticle, config: Config) -> Article:
    title, url, published, publisher = raw.title, raw.url, raw.published, raw.publisher
    if raw.html is not None:
        if not raw.html.strip():
            raise TidingsError("E002", raw.source)
        page = html_.extract(raw.html, url=url, include_tables=config.html_include_tables)
        if not page.text.strip():
            raise TidingsError("E005", raw.source)
        body = page.text
        title = title or page.title
        url = url or page.url
        if not published and page.published:
            # A page's own date that cannot be read is dropped, not an error:
            # the user did not give it.
            try:
                published = published_.normalise(page.published, raw.source)
            except TidingsError:
                published = None
        # The site's own name is the fallback: a syndication line in the body
        # or the caller's value names the original publisher better.
        publisher = publisher or page.publisher
    else:
        body = raw.text or ""
    body = normalise(body)
    if not body:
        raise TidingsError("E002", raw.source)
    cleaned = lines.clean(body)
    if not cleaned.text and raw.html is not None:
        raise TidingsError("E005", raw.source)
    if not cleaned.text:
        raise TidingsError("E020", raw.source, removed=len(cleaned.removed), example=cleaned.removed[0]["text"][:60])
    text = cleaned.text[: config.max_text_chars]
    lang = _check_language(text, raw.source, config)
    return Article(
        title=normalise(title) if title else None,
        text=text,
        published=published_.normalise(published, raw.source),
        publisher=cleaned.publisher or publisher,
        url=url,
        language=lang,
        removed=[Removed(**r) for r in cleaned.removed],
    )


def _check_language(text: str, source: str, config: Config) -> str:
    if not config.languages:
        return language.detect(text)[0]
    sample = text[:3000]
    if language.letters(sample) == 0:
        raise TidingsError("E006", source, language="none (no letters)")
    code, prob = language.detect(sample)
    if code in config.languages:
        return code
    # English is written in Latin script: mostly non-Latin letters are
    # refused however short the text (the detector's guess, else the script).
    if "en" in config.languages and language.latin_share(sample) < 0.5:
        raise TidingsError("E006", source, language=f"{language.name(code)}, {language.script(sample)} script")
    # Short English snippets are often misread as another language: refuse
    # only when the text is long enough or the detector is sure.
    if len(text) >= config.language_min_chars and prob >= 0.9 or prob >= 0.999:
        raise TidingsError("E006", source, language=language.name(code))
    return config.languages[0]
