"""Ordered stages over spaCy: prepare, nlp.pipe, assemble; batch error handling.

One bad article never stops a batch: it becomes an ErrorRecord naming the
input, and every other article still comes out, in input order.
"""

from __future__ import annotations

import gc
import itertools
from typing import Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from tidings import __version__, guard
from tidings.config import Config
from tidings.errors import TidingsError
from tidings.ingest.html import looks_like_html
from tidings.ingest.raw import RawArticle
from tidings.nlp import extensions  # noqa: F401  (Doc attributes)
from tidings.nlp import model as model_
from tidings.prepare import prepare
from tidings.record import ErrorInfo, ErrorRecord, Provenance, Record

Result = Union[Record, ErrorRecord]


class Pipeline:
    """The spaCy pipeline with tidings' stages, loaded once."""

    def __init__(self, config: Optional[Config] = None, nlp: Optional[Language] = None):
        self.config = config or Config.from_env()
        self.nlp = nlp if nlp is not None else model_.load(self.config.model, tuple(self.config.components))
        self.provenance = Provenance(
            tidings=__version__,
            model=model_.describe(self.nlp),
            components=[n for n in self.nlp.pipe_names if n.startswith("tidings_")],
        )
        self.homes = _read_homes(self.config.source_homes)
        self._warm_up()
        # The model and the gazetteers are hundreds of MB of long-lived
        # objects; the cyclic garbage collector would walk all of them again
        # and again while articles are processed. Freeze them out of its way.
        gc.collect()
        gc.freeze()

    def _warm_up(self) -> None:
        # Stages load their data lazily on first use; do it now, so that
        # loading never counts against the first article's time budget.
        doc = self.nlp.make_doc(_WARM_UP)
        try:
            self.nlp(doc)
        except Exception:  # noqa: BLE001 - a real article will report the problem
            pass

    # -- one article -------------------------------------------------
    def extract(self, text_or_html: str, *, published=None, url=None, title=None, id=None, source="-") -> Record:
        """A record for one article; raises TidingsError on bad input."""
        raw = to_raw(text_or_html, published=published, url=url, title=title, id=id, source=source)
        result = next(self.process([raw]))
        if isinstance(result, ErrorRecord):
            raise TidingsError.from_info(result.error)
        return result

    # -- many articles ------------------------------------------------
    def process(self, items: Iterable[Union[RawArticle, ErrorRecord]]) -> Iterator[Result]:
        """Records (or error records) for a stream of raw articles, in order.

        Items that are already ErrorRecords (an input that could not be read)
        pass through in their place.
        """
        it = iter(items)
        while True:
            chunk = list(itertools.islice(it, self.config.batch_size))
            if not chunk:
                return
            yield from self._process_chunk(chunk)

    def _process_chunk(self, chunk) -> list[Result]:
        results: list[Optional[Result]] = [None] * len(chunk)
        docs: list[Doc] = []
        slots: list[int] = []
        budget = self.config.time_budget_s
        for i, raw in enumerate(chunk):
            if isinstance(raw, ErrorRecord):
                results[i] = raw
                continue
            try:
                oversized = guard.too_large(raw, self.config.max_input_bytes)
                if oversized:
                    raise oversized
                with guard.deadline(budget):
                    article = prepare(guard.defuse(raw), self.config)
                    doc = self.nlp.make_doc(article.text)
            except guard.Timeout:
                results[i] = guard.timeout_record(raw.id, raw.source, budget)
                continue
            except TidingsError as exc:
                results[i] = error_record(raw.id, exc)
                continue
            except Exception as exc:  # noqa: BLE001 - a bug must not lose the batch
                results[i] = error_record(raw.id, TidingsError("E012", raw.source, detail=_short(exc)))
                continue
            doc._.tidings_article = article
            doc.user_data["tidings:raw"] = raw
            doc.user_data["tidings:home"] = self.homes.home(article.url) if self.homes is not None else None
            docs.append(doc)
            slots.append(i)
        for i, doc in zip(slots, self._pipe(docs)):
            if doc.user_data.get("tidings:timeout"):
                results[i] = guard.timeout_record(chunk[i].id, chunk[i].source, budget)
                continue
            try:
                results[i] = self._assemble(doc)
            except Exception as exc:  # noqa: BLE001 - an invalid record must not lose the batch
                results[i] = error_record(chunk[i].id, TidingsError("E012", chunk[i].source, detail=_short(exc)))
        return results

    def _pipe(self, docs: list[Doc]) -> Iterator[Doc]:
        # The batch gets each of its articles' budgets added up; when that
        # runs out (or the batch fails), each article is run again on its
        # own, with its own budget, and only the one that runs out becomes an
        # E013 record. One article's budget for the whole batch would throw
        # whole batches away on a busy machine.
        budget = self.config.time_budget_s
        try:
            with guard.deadline(budget * len(docs) if budget else budget):
                done = [doc for group in by_size(docs, self.config.max_batch_chars)
                        for doc in self.nlp.pipe(group, batch_size=len(group))]
        except (Exception, guard.Timeout):  # noqa: BLE001 - find the article that broke the batch
            done = None
        if done is not None:
            yield from done
            return
        for doc in docs:
            # A fresh Doc: the failed batch may have left partial annotations.
            article, raw, home = doc._.tidings_article, doc.user_data["tidings:raw"], doc.user_data.get("tidings:home")
            doc = self.nlp.make_doc(article.text)
            doc._.tidings_article = article
            doc.user_data["tidings:raw"] = raw
            doc.user_data["tidings:home"] = home
            try:
                with guard.deadline(budget):
                    doc = self.nlp(doc)
            except guard.Timeout:
                doc.user_data["tidings:timeout"] = budget
            except Exception as exc:  # noqa: BLE001
                doc._.tidings_errors.append(f"spaCy: {_short(exc)}")
            yield doc

    def _assemble(self, doc: Doc) -> Result:
        raw: RawArticle = doc.user_data.get("tidings:raw")
        if doc._.tidings_errors:
            return error_record(raw.id, TidingsError("E012", raw.source, detail="; ".join(doc._.tidings_errors)))
        return Record(
            id=raw.id,
            article=doc._.tidings_article,
            entities=doc._.tidings_entities,
            quotes=doc._.tidings_quotes,
            claims=doc._.tidings_claims,
            places=doc._.tidings_places,
            times=doc._.tidings_times,
            events=doc._.tidings_events,
            provenance=self.provenance,
        )


def to_raw(text_or_html: str, *, published=None, url=None, title=None, id=None, source="-") -> RawArticle:
    if looks_like_html(text_or_html):
        return RawArticle(source=source, id=id, html=text_or_html, published=published, url=url, title=title)
    return RawArticle(source=source, id=id, text=text_or_html, published=published, url=url, title=title)


def _read_homes(path: str):
    """The source-homes table named by the settings (None when none is)."""
    if not path:
        return None
    from pathlib import Path

    from tidings.places.gazetteer import gazetteer
    from tidings.places.homes import Homes

    if not Path(path).is_file():
        raise TidingsError("E001", path)
    try:
        return Homes.read(Path(path), gazetteer())
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise TidingsError("E023", path, kind="source-homes", detail=" ".join(str(exc).split())[:200]) from None


def error_record(id, exc: TidingsError) -> ErrorRecord:
    return ErrorRecord(id=id, error=ErrorInfo(**exc.to_info()))


def _short(exc: Exception) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"


_WARM_UP = (
    "Police detained 12 protesters in Nairobi on Tuesday, \"We will not stop,\" said Jane Doe, "
    "the group's leader, according to the Kenya News Agency."
)

_pipelines: dict[Config, Pipeline] = {}


def get_pipeline(config: Optional[Config] = None) -> Pipeline:
    """The shared Pipeline for a Config (loaded once per process)."""
    config = config or Config.from_env()
    if config not in _pipelines:
        _pipelines[config] = Pipeline(config)
    return _pipelines[config]


def by_size(docs: list[Doc], max_chars: int) -> Iterator[list[Doc]]:
    """Consecutive groups of docs of at most ``max_chars`` characters together (a longer doc alone)."""
    group: list[Doc] = []
    size = 0
    for doc in docs:
        n = len(doc.text)
        if group and size + n > max_chars:
            yield group
            group, size = [], 0
        group.append(doc)
        size += n
    if group:
        yield group
