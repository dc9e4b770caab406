"""Numbered, user-facing errors, all in one place.

Each message says what went wrong with which input and, where it helps, what
to do. The CLI prints ``str(error)`` as one line; it never shows a traceback
for these. Third-party exceptions are translated into one of these where
they enter tidings.
"""

from __future__ import annotations

MESSAGES = {
    "E001": "No such file: '{input}'.",
    "E002": "'{input}' is empty (or only whitespace): there is no article to read.",
    "E003": "'{input}' is not text (binary data). Pass a .txt, .html or .jsonl file.",
    "E004": "'{input}' could not be decoded as text (tried {tried}). Save it as UTF-8.",
    "E005": "'{input}' is HTML but no article text could be found in it.",
    "E006": "'{input}' is not in English (detected language: {language}). tidings reads English news only.",
    "E007": "'{input}': invalid JSON on this line ({detail}).",
    "E008": "'{input}': a JSON Lines item needs a \"text\" or \"html\" field.",
    "E009": "'{input}' is a folder with no .txt, .html, .htm or .jsonl files in it.",
    "E010": "'{input}': the publication date '{value}' is not a date. Use ISO 8601, e.g. 2021-06-20.",
    "E011": "Cannot load the spaCy pipeline '{input}': {detail}. Install it (pip install ...) or set --model.",
    "E012": "'{input}': processing failed ({detail}). The rest of the batch goes on.",
    "E013": "'{input}': the article took longer than {seconds}s to process and was stopped.",
    "E014": "Unknown evaluation data set '{input}'. Choose one of: {choices}.",
    "E015": "'{input}': the evaluation data was not found. Expected it under {path}.",
    "E016": "'{input}' is a permission-protected file or folder that cannot be read.",
    "E017": "'{input}' is too large ({size} bytes; the limit is {limit}).",
    "E018": "'{input}': the database could not be opened ({detail}).",
    "E019": "'{input}': a JSON Lines item must be an object, not {kind}.",
    "E020": "'{input}' has no article text: all {removed} of its lines are links, credits or share/subscribe lines (e.g. '{example}').",
    "E021": "A tidings worker process stopped unexpectedly ({detail}). If memory ran out, use fewer --workers.",
    "E022": "'{input}' holds a run over other inputs or with another --part-size. Give the same inputs and --part-size to resume, or use a new --out folder.",
    "E023": "'{input}' is not a readable {kind} file ({detail}).",
}


class TidingsError(Exception):
    """An error about one input, with a numbered message fit for one line."""

    def __init__(self, code: str, input: str | None = None, **details):
        self.code = code
        self.input = input
        self.details = details
        template = MESSAGES[code]
        try:
            message = template.format(input=input, **details)
        except (KeyError, IndexError):
            message = template
        # One line, always: inputs and details may carry newlines.
        self.message = " ".join(message.split())
        super().__init__(f"{code}: {self.message}")

    def to_info(self) -> dict:
        return {"code": self.code, "message": self.message, "input": self.input}


def _from_info(cls, info) -> "TidingsError":
    """Rebuild an error from an ErrorInfo (its message is kept as it was)."""
    exc = cls.__new__(cls)
    exc.code, exc.input, exc.details, exc.message = info.code, info.input, {}, info.message
    Exception.__init__(exc, f"{info.code}: {info.message}")
    return exc


TidingsError.from_info = classmethod(_from_info)
