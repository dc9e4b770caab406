"""Publication dates given by the user or found in metadata, as ISO 8601."""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from tidings.errors import TidingsError

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise(value, source: str = "-") -> Optional[str]:
    """'2021-06-20', '2021-06-20T14:00:00+02:00', 'June 20, 2021' -> ISO; None stays None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise TidingsError("E010", source, value=text) from None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True})
    if parsed is None:
        raise TidingsError("E010", source, value=text)
    if parsed.hour == parsed.minute == parsed.second == 0 and not re.search(r"\d:\d", text):
        return parsed.date().isoformat()
    return parsed.isoformat()


def as_date(value: Optional[str]) -> Optional[dt.date]:
    """The calendar date of a normalised publication date."""
    if not value:
        return None
    return dt.date.fromisoformat(value[:10])
