"""WARC input: one raw article per HTML ``response`` record (warcio).

Records that are not HTTP responses with an HTML body (requests, metadata,
images, redirects) are passed over. The capture date is not used as the
publication date: a page captured a year later would date its events wrongly;
the page's own date (found by trafilatura) is used instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Union

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tidings.errors import TidingsError
from tidings.ingest import decode as decode_
from tidings.ingest.raw import RawArticle
from tidings.record import ErrorInfo, ErrorRecord

Item = Union[RawArticle, ErrorRecord]
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: str) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def read_warc(path: Union[str, Path], max_bytes: int = 50_000_000) -> Iterator[Item]:
    """Raw articles from the HTML responses in a (gzipped) WARC file, in file order."""
    path = Path(path)
    if not path.exists():
        yield _error(TidingsError("E001", str(path)))
        return
    with path.open("rb") as fh:
        try:
            for n, rec in enumerate(ArchiveIterator(fh), 1):
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                if not rec.http_headers.get_statuscode().startswith("2"):
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                rid = rec.rec_headers.get_header("WARC-Record-ID") or f"{path.name}#{n}"
                source = f"{path}#{n} ({url})"
                data = rec.content_stream().read(max_bytes + 1)
                try:
                    if len(data) > max_bytes:
                        raise TidingsError("E017", source, size=len(data), limit=max_bytes)
                    html = decode_.decode(data, source)
                    if not html.strip():
                        raise TidingsError("E002", source)
                except TidingsError as exc:
                    yield _error(exc, rid)
                    continue
                yield RawArticle(source=source, id=_strip_urn(rid), html=html, url=url)
        except ArchiveLoadFailed as exc:
            yield _error(TidingsError("E023", str(path), kind="WARC", detail=" ".join(str(exc).split())[:200]))


def _strip_urn(rid: str) -> str:
    return rid[len("<urn:uuid:"):-1] if rid.startswith("<urn:uuid:") and rid.endswith(">") else rid


def _error(exc: TidingsError, id=None) -> ErrorRecord:
    return ErrorRecord(id=id, error=ErrorInfo(**exc.to_info()))
