"""docs/cli.md is the commands' own --help text: it must not go stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_matches_the_help_text():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--check"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py\n" + done.stdout + done.stderr
