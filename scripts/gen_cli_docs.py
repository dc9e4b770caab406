"""Write docs/cli.md from the commands' own --help text.

    .venv/bin/python scripts/gen_cli_docs.py            # every command
    .venv/bin/python scripts/gen_cli_docs.py --check    # exit 1 if docs/cli.md is stale

Rerun it after adding or changing a command; the page is never edited by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "cli.md"
# Shown first, in this order; the rest follow alphabetically.
FIRST = ("extract", "schema", "eval")


def _help(command: click.Command, path: list[str]) -> str:
    ctx = click.Context(command, info_name=" ".join(path), terminal_width=100, max_content_width=100)
    return command.get_help(ctx)


def _walk(command: click.Command, path: list[str]):
    yield path, command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], [*path, name])


def render() -> str:
    from tidings.cli import main

    names = [n for n in FIRST if n in main.commands] + sorted(n for n in main.commands if n not in FIRST)
    out = [
        "# Command-line reference",
        "",
        "Generated from each command's `--help` by `scripts/gen_cli_docs.py`; do not edit by hand.",
        "Every command exits 1 with a one-line numbered error (`tidings: E001: ...`) on bad input, never a traceback.",
        "",
        "```text",
        _help(main, ["tidings"]).rstrip(),
        "```",
        "",
    ]
    for name in names:
        for path, command in _walk(main.commands[name], ["tidings", name]):
            out += [f"## `{' '.join(path)}`", "", "```text", _help(command, path).rstrip(), "```", ""]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description="Write docs/cli.md from --help.")
    ap.add_argument("--check", action="store_true", help="Only check that docs/cli.md is up to date.")
    args = ap.parse_args()
    text = render()
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT.relative_to(ROOT)} is stale: run scripts/gen_cli_docs.py")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
