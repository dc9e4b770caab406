"""Reading inputs: files, folders, JSON Lines and standard input."""

from __future__ import annotations

import gzip
import io
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator, Union

from tidings.errors import TidingsError
from tidings.ingest import decode as decode_
from tidings.ingest.html import looks_like_html
from tidings.ingest.jsonl import read_binary
from tidings.ingest.raw import RawArticle
from tidings.record import ErrorInfo, ErrorRecord

Item = Union[RawArticle, ErrorRecord]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"}
MAX_BYTES = 50_000_000


def _suffix(path: Path) -> str:
    s = "".join(path.suffixes[-2:]).lower()
    return s if s in JSONL_SUFFIXES else path.suffix.lower()


def is_jsonl(path: str) -> bool:
    return path != "-" and _suffix(Path(path)) in JSONL_SUFFIXES


def _error(exc: TidingsError, id=None) -> ErrorRecord:
    return ErrorRecord(id=id, error=ErrorInfo(**exc.to_info()))


def read_bytes(path: Path, source: str, limit: int = MAX_BYTES) -> bytes:
    if not path.exists():
        raise TidingsError("E001", source)
    if not os.access(path, os.R_OK):
        raise TidingsError("E016", source)
    size = path.stat().st_size
    if size > limit:
        raise TidingsError("E017", source, size=size, limit=limit)
    return path.read_bytes()


def article_from_bytes(data: bytes, source: str, id=None, html_hint: bool = False) -> RawArticle:
    if not data.strip():
        raise TidingsError("E002", source)
    text = decode_.decode(data, source)
    if not text.strip():
        raise TidingsError("E002", source)
    if html_hint or looks_like_html(text):
        return RawArticle(source=source, id=id, html=text)
    return RawArticle(source=source, id=id, text=text)


def _looks_like_jsonl(data: bytes) -> bool:
    first = data.lstrip()[:1]
    return first == b"{" and b"\n" in data.strip() or (first == b"{" and data.strip().endswith(b"}"))


def read_stdin(stream=None, data: bytes | None = None) -> Iterator[Item]:
    if data is None:
        data = (stream or sys.stdin.buffer).read()
    try:
        if _looks_like_jsonl(data):
            yield from read_binary(io.BytesIO(data), "<stdin>")
        else:
            yield article_from_bytes(data, "<stdin>", id=None)
    except TidingsError as exc:
        yield _error(exc)


def read_file(path: Path, source: str) -> Iterator[Item]:
    suffix = _suffix(path)
    try:
        if suffix in JSONL_SUFFIXES:
            if not path.exists():
                raise TidingsError("E001", source)
            if not os.access(path, os.R_OK):
                raise TidingsError("E016", source)
            opener = gzip.open if suffix.endswith(".gz") else open
            with opener(path, "rb") as fh:
                try:
                    yield from read_binary(fh, source)
                except (OSError, EOFError):
                    # gzip.BadGzipFile is an OSError: not gzip, or cut short.
                    yield _error(TidingsError("E003", source))
            return
        data = read_bytes(path, source)
        yield article_from_bytes(data, source, id=path.stem, html_hint=suffix in HTML_SUFFIXES)
    except TidingsError as exc:
        yield _error(exc, id=None if suffix in JSONL_SUFFIXES else path.stem)
    except OSError as exc:
        yield _error(TidingsError("E016", source) if isinstance(exc, PermissionError) else TidingsError("E001", source))


def _folder(path: Path) -> list[Path]:
    wanted = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    return sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in wanted and not p.name.startswith("."))


def read_paths(paths: Iterable[str]) -> Iterator[Item]:
    """Raw articles (or error records) from every input path, in order."""
    for name in paths:
        if name == "-":
            yield from read_stdin()
            continue
        path = Path(name)
        if path.is_dir():
            files = _folder(path)
            if not files:
                yield _error(TidingsError("E009", name))
            for f in files:
                yield from read_file(f, str(f))
        else:
            yield from read_file(path, name)


def open_inputs(paths: list[str], stdin=None) -> tuple[Iterable[Item], bool]:
    """The items for ``paths`` and whether they make a batch (JSON Lines out).

    A single file or standard input is read at once, so that a bad one is
    reported before any model is loaded; standard input holding JSON Lines is
    a batch. Several paths, a folder or a JSON Lines file stream lazily.
    """
    if list(paths) == ["-"]:
        data = (stdin or sys.stdin.buffer).read()
        return list(read_stdin(data=data)), _looks_like_jsonl(data)
    if len(paths) == 1 and not is_jsonl(paths[0]) and not Path(paths[0]).is_dir():
        return list(read_paths(paths)), False
    return read_paths(paths), True
