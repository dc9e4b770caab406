"""Bad inputs: one numbered line on stderr naming the input, exit status 1, no traceback."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.errors import TidingsError
from tidings.ingest import decode as decode_
from tidings.ingest.files import read_paths
from tidings.record import ErrorRecord

ROOT = Path(__file__).resolve().parent.parent
TIDINGS = ROOT / ".venv" / "bin" / "tidings"
INPUTS = Path(__file__).resolve().parent / "fixtures" / "inputs"


def run(*args, stdin: bytes | None = None, cwd=None):
    exe = [str(TIDINGS)] if TIDINGS.exists() else [sys.executable, "-m", "tidings"]
    return subprocess.run([*exe, *map(str, args)], input=stdin, capture_output=True, cwd=cwd, timeout=600)


def undecodable_bytes() -> bytes:
    # English words around a run of random high bytes: not UTF-8, and no
    # single-byte encoding reads it as text either.
    rng = random.Random(7)
    return b"The minister said " + bytes(rng.randrange(0x80, 0x100) for _ in range(400)) + b" on Monday.\n"


def assert_one_error(proc, code: str, *fragments: str):
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"tidings: {code}: ")
    for fragment in fragments:
        assert fragment in lines[0]
    assert proc.stdout == b""


@pytest.fixture
def bad(tmp_path):
    files = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n   \n",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "garbled.txt": undecodable_bytes(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.mark.parametrize(
    "name, code, fragments",
    [
        ("missing.txt", "E001", ["No such file: 'missing.txt'"]),
        ("empty.txt", "E002", ["'empty.txt' is empty (or only whitespace)"]),
        ("blank.txt", "E002", ["'blank.txt' is empty (or only whitespace)"]),
        ("photo.txt", "E003", ["'photo.txt' is not text (binary data)"]),
        ("garbled.txt", "E004", ["'garbled.txt' could not be decoded as text", "tried utf-8, detection"]),
    ],
)
def test_unreadable_file(bad, name, code, fragments):
    assert_one_error(run("extract", name, cwd=bad), code, *fragments)


def test_html_without_article_text():
    proc = run("extract", INPUTS / "no_article.html")
    assert_one_error(proc, "E005", "no_article.html' is HTML but no article text could be found")


@pytest.mark.parametrize(
    "name, language",
    [
        ("spanish.txt", "Spanish (es)"),
        ("arabic.txt", "Arabic (ar), Arabic script"),
        ("russian.txt", "Russian (ru), Cyrillic script"),
        ("chinese.txt", "Chinese (zh), CJK script"),
    ],
)
def test_not_english(name, language):
    proc = run("extract", INPUTS / name)
    assert_one_error(proc, "E006", f"{name}' is not in English (detected language: {language})")


def test_all_junk_text(tmp_path):
    (tmp_path / "links.txt").write_text("READ ALSO: Police detain 12 in Managua\nShare this article\nSource: Reuters\n")
    proc = run("extract", "links.txt", cwd=tmp_path)
    assert_one_error(proc, "E020", "'links.txt' has no article text: all 3 of its lines", "READ ALSO: Police detain 12")


def test_bad_publication_date():
    proc = run("extract", INPUTS / "article.txt", "--published", "2021-13-45")
    assert_one_error(proc, "E010", "the publication date '2021-13-45' is not a date")


def test_empty_stdin():
    assert_one_error(run("extract", "-", stdin=b"\n\n"), "E002", "'<stdin>' is empty")


def test_batch_keeps_going(bad, tmp_path):
    """One bad article is reported on stderr and as an error record; the rest come out, in order."""
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(
        '{"id": "ok-1", "text": "Police in Managua detained 12 students on Sunday, a rights group said."}\n'
        "{not json\n"
        '{"id": "no-body", "url": "https://example.org/x"}\n'
        "[1, 2]\n"
        '{"id": "de-1", "text": "Die Polizei hat am Sonntag in der Hauptstadt zwölf Studenten festgenommen, teilte eine Menschenrechtsgruppe mit. Die Opposition verurteilte die Festnahmen und kündigte weitere Proteste an."}\n'
        '{"id": "ok-2", "text": "Soldiers fired tear gas at farmers blocking the highway near San Telmo on Tuesday."}\n'
    )
    proc = run("extract", jsonl, bad / "photo.txt", INPUTS / "article.txt", cwd=tmp_path)
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r.get("id") for r in out] == ["ok-1", None, "no-body", None, "de-1", "ok-2", "photo", "article"]
    codes = [r["error"]["code"] if "error" in r else "ok" for r in out]
    assert codes == ["ok", "E007", "E008", "E019", "E006", "ok", "E003", "ok"]
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert err.count("tidings: E") == 5
    assert f"tidings: E007: '{jsonl}:2': invalid JSON on this line" in err
    assert f"tidings: E008: '{jsonl}:3': a JSON Lines item needs a \"text\" or \"html\" field." in err
    assert f"tidings: E006: '{jsonl}:5 (id de-1)' is not in English (detected language: German (de))" in err


# -- the readers themselves (no subprocess) ----------------------------------


def test_undecodable_lines_in_jsonl_do_not_stop_the_file(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": "1", "text": "Riot police cleared the square."}\n' + undecodable_bytes() + b'{"id": "3", "text": "Talks resumed."}\n')
    items = list(read_paths([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawArticle", "ErrorRecord", "RawArticle"]
    assert items[1].error.code == "E004" and items[1].error.input == f"{path}:2"


def test_empty_jsonl_is_reported(tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n")
    (item,) = read_paths([str(path)])
    assert isinstance(item, ErrorRecord) and item.error.code == "E002" and item.error.input == str(path)


def test_broken_gzip_jsonl(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "1", "text": "Riot police cleared the square."}\n' * 50)[:40])
    items = list(read_paths([str(path)]))
    assert isinstance(items[-1], ErrorRecord) and items[-1].error.code == "E003"


def test_declared_encoding_is_tried_first():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Москва</p></body></html>'.encode("cp1251")
    assert "Москва" in decode_.decode(page, "page.html")


def test_stray_bytes_keep_utf8():
    data = "The minister said “no” in São Paulo — café.".encode() + b"\xa0 end"
    assert decode_.decode(data, "x.txt") == "The minister said “no” in São Paulo — café.\ufffd end"


def test_undecodable_names_what_was_tried():
    with pytest.raises(TidingsError) as info:
        decode_.decode(undecodable_bytes(), "garbled.txt")
    assert info.value.code == "E004"
    assert info.value.message == "'garbled.txt' could not be decoded as text (tried utf-8, detection). Save it as UTF-8."
