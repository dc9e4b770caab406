"""Normalising raw text before anything else reads it."""

from __future__ import annotations

import re
import unicodedata

# Control characters other than tab and newline; zero-width and bidi
# formatting marks carry no words and break token offsets downstream.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
# Lone surrogates (JSON can carry them as "\ud800" escapes) are not text:
# spaCy's tokenizer refuses them.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC, Unix newlines, no control or zero-width characters, single spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    text = _SURROGATES.sub("\ufffd", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _BLANKS.sub("\n\n", text)
    return text.strip()


def clean_field(value):
    """A metadata value (id, url, title, date) without control characters or lone surrogates."""
    if value is None:
        return None
    return _SURROGATES.sub("\ufffd", _CONTROL.sub("", str(value))).strip()
