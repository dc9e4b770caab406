"""One conftest for the suite: the shared pipeline and paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TIDINGS_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def pipeline():
    """The full tidings pipeline (spaCy model loaded once for the session)."""
    from tidings.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def extract(pipeline):
    """extract(text, published=...) -> Record, raising on bad input."""

    def run(text, **kwargs):
        return pipeline.extract(text, **kwargs)

    return run


@pytest.fixture
def fixtures():
    return FIXTURES


@pytest.fixture(scope="session")
def shared():
    return SHARED
