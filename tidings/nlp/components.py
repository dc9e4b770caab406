"""Import every tidings component so its factory is registered with spaCy."""

from tidings.events import anchors as _anchors  # noqa: F401
from tidings.events import component as _events  # noqa: F401
from tidings.nlp import claims as _claims  # noqa: F401
from tidings.nlp import entities as _entities  # noqa: F401
from tidings.nlp import quotes as _quotes  # noqa: F401
from tidings.places import component as _places  # noqa: F401
from tidings.times import component as _times  # noqa: F401
