"""The ``tidings`` command: a thin layer over library calls.

Each module in this package that defines ``commands`` (a list of click
commands) is picked up, so a stage adds its commands without editing here.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

import click

from tidings import __version__
from tidings.errors import TidingsError


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except TidingsError as exc:
            click.echo(f"tidings: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("tidings: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - never a traceback for users
            if os.environ.get("TIDINGS_DEBUG"):
                raise
            click.echo(f"tidings: internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]} (set TIDINGS_DEBUG=1 for details)", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
def main():
    """tidings: news articles to structured, sourced records of political events."""


def _discover():
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "commands", ()):
            main.add_command(command)


_discover()
