"""Options shared by several commands."""

from __future__ import annotations

import click

from tidings.config import Config


def model_option(f):
    return click.option("--model", default=None, envvar="TIDINGS_MODEL", help="spaCy pipeline to load (default en_core_web_sm).")(f)


def config_from(model=None, **overrides) -> Config:
    return Config.from_env(model=model, **overrides)
