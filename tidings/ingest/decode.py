"""Bytes to text: the declared encoding first, then UTF-8, then a detected one.

A UTF-8 page with a few stray bytes (a truncated copy, one pasted Latin-1
character) stays UTF-8 with those bytes replaced: read in a detected single-
byte encoding instead, every accented letter and curly quote of the article
would turn into mojibake.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from tidings.errors import TidingsError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w\-:.]+)""", re.IGNORECASE)
_XML = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([\w\-.]+)""", re.IGNORECASE)
# Bytes that never appear in text: NUL and the C0 controls other than
# tab, newline, carriage return and form feed.
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# At most this share of the non-ASCII bytes may be invalid for lenient UTF-8.
_STRAY_SHARE = 0.05


def declared_encoding(data: bytes):
    head = data[:4096]
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    m = _XML.search(head) or _META.search(head)
    if m:
        name = m.group(1).decode("ascii", "ignore")
        try:
            return codecs.lookup(name).name
        except LookupError:
            return None
    return None


def is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    return len(_BINARY.findall(sample)) / len(sample) > 0.01 or b"\x00" in sample


def decode(data: bytes, source: str) -> str:
    """Decode an input's bytes or raise E003 (binary) / E004 (undecodable)."""
    if is_binary(data):
        raise TidingsError("E003", source)
    tried = []
    declared = declared_encoding(data)
    for encoding in filter(None, (declared, "utf-8")):
        if encoding in tried:
            continue
        tried.append(encoding)
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    lenient = _mostly_utf8(data)
    if lenient is not None:
        return lenient
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        tried.append(f"detected {best.encoding}")
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    else:
        tried.append("detection")
    raise TidingsError("E004", source, tried=", ".join(tried))


def _mostly_utf8(data: bytes):
    """The text, if the bytes are UTF-8 but for a few stray bytes; else None."""
    high = len(_NON_ASCII.findall(data))
    valid = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    if not high or valid < 2 * 3:
        return None
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    return text if stray <= max(2, _STRAY_SHARE * high) else None
