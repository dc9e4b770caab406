"""From the doc to the record's quotes: marks + cues + speakers + via."""

from __future__ import annotations

from spacy.tokens import Doc

from tidings.nlp.attribution import cues as cues_
from tidings.nlp.attribution import doctext
from tidings.nlp.attribution import direct, indirect, marks, speakers, stance, transcript, via
from tidings.nlp.attribution.direct import Found
from tidings.record import Quote, Span

# An indirect clause mostly inside quote marks is that direct quote again.
_MAX_QUOTED_SHARE = 0.85


def quotes(doc: Doc) -> tuple[list[Quote], list[Found]]:
    """The record's quotes, and the internal findings they came from (same order)."""
    text = doctext.text(doc)
    marked = marks.find(text)
    cue_list = cues_.find(doc)
    inside = _inside(marked)
    labelled = transcript.find(doc, text)
    # A stray mark before a transcript label ('"WALLACE: ...') opens no quote.
    found = [f for f in direct.attribute(doc, marked, cue_list)
             if not any(t.byline[0] <= f.start < t.start for t in labelled)]
    quoted = [(f.start, f.end) for f in found]
    taken = {c.head.i for c in cue_list}
    reported = indirect.find(doc, cue_list + stance.find(doc, taken, inside), inside)
    reported += indirect.around_partials(doc, found, reported)
    for f in reported + labelled:
        if _quoted_share(f, quoted) < _MAX_QUOTED_SHARE:
            found.append(f)
    found.sort(key=lambda f: (f.start, f.end))
    history: list[speakers.Speaker] = []
    out: list[Quote] = []
    previous: dict[int, Quote] = {}
    for n, f in enumerate(found, 1):
        q = Quote(id=f"Q{n}", text=text[f.start:f.end], start=f.start, end=f.end, direct=f.direct)
        if f.inherited and previous.get(id(f.cue)) is not None:
            src = previous[id(f.cue)]
            q.speaker, q.speaker_entity, q.via = src.speaker, src.speaker_entity, src.via
            q.speaker_span = src.speaker_span
        elif f.byline is not None:
            s, e = f.byline
            sp = speakers.named(doc, s, e, text[s:e], doc.char_span(s, e, alignment_mode="expand")[-1])
            q.speaker, q.speaker_entity = sp.text, sp.entity
            q.speaker_span = Span(text=text[s:e], start=s, end=e)
        elif f.cue is not None:
            q.cue = f.cue.text
            subject = speakers.subject_of(f.cue)
            if subject is not None and (
                inside(subject.idx) and not inside(f.cue.head.idx)
                or subject.ent_type_ in ("DATE", "TIME")
            ):
                # A misparse took a word of the quote ("We will achieve
                # justice," Chief Jordan said) or a time ("said Flynn
                # Thursday morning") as the cue's subject.
                subject = speakers.name_near(f.cue, inside)
            if subject is not None:
                sp = speakers.speaker(doc, subject, history)
                q.speaker, q.speaker_entity = sp.text, sp.entity
                words = speakers.speaker_span(subject)
                q.speaker_span = Span(text=words.text, start=words.start_char, end=words.end_char)
                if not sp.pronoun:
                    history.append(sp)
            head = via.find(f.cue, cue_list)
            if head is not None:
                q.via = via.text_of(head)[0]
            previous[id(f.cue)] = q
        out.append(q)
    return out, found


def _inside(marked):
    bounds = [(m.start, m.end) for m in marked]
    return lambda pos: any(s <= pos < e for s, e in bounds)


def _quoted_share(f: Found, quoted: list[tuple[int, int]]) -> float:
    length = max(1, f.end - f.start)
    covered = sum(max(0, min(e, f.end) - max(s, f.start)) for s, e in quoted)
    return covered / length
