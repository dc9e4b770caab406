"""Where a news source is based: learned from its own articles, written and read as a table, and
used by a run (articles written for these tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tidings.config import Config
from tidings.places.homes import Homes, source_key

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
TIDINGS = ROOT / ".venv" / "bin" / "tidings"

# A Minnesota paper and an East Texas paper; none of their articles names its own town.
ARTICLES = [
    ("pb1", "https://www.postbulletin.com/news/1", "Stewartville approved a new levy on Monday. The Olmsted County board said Minnesota law requires a public hearing before the vote, and Stewartville residents packed the council chamber to speak against it."),
    ("pb2", "https://www.postbulletin.com/news/2", "Kasson police arrested two men after a chase that ended near Byron. The Dodge County sheriff said the men are from Minnesota and face felony charges for fleeing officers."),
    ("pb3", "https://postbulletin.com/news/3", "Pine Island schools will close early on Friday because of the storm. The Minnesota Department of Transportation warned drivers on Highway 52 near Zumbrota to stay home."),
    ("ph1", "https://www.palestineherald.com/a", "Anderson County commissioners voted on Tuesday to repair roads near Elkhart and Frankston. Texas highway officials said the work would take a year."),
    ("ph2", "https://www.palestineherald.com/b", "Frankston firefighters put out a grass fire on Sunday. Texas forestry officials warned of more fires across East Texas."),
    ("ph3", "https://www.palestineherald.com/c", "Elkhart voters approved a school bond. The measure, the first in Texas this year to pass in Anderson County, pays for a new gym."),
    # A paper whose domain does not name its town, though most of its articles do.
    ("hi1", "https://www.theitem.com/1", "Huntsville police arrested a man on Friday after a disturbance downtown. Texas prison officials said the man had been released in May."),
    ("hi2", "https://www.theitem.com/2", "The Huntsville city council approved the budget on Tuesday, and Texas transportation officials agreed to pay for new sidewalks near the university."),
    ("hi3", "https://www.theitem.com/3", "Huntsville schools will open late on Monday because of ice on the roads, and the Texas Department of Public Safety asked drivers to stay home."),
]
ROCHESTER = "A Rochester man was charged with burglary on Tuesday after police found stolen tools in his garage, the police chief said."
PALESTINE = "Palestine city council members voted to raise water rates on Monday, the mayor said."


def run(*args):
    exe = [str(TIDINGS)] if TIDINGS.exists() else [sys.executable, "-m", "tidings"]
    proc = subprocess.run([*exe, *map(str, args)], capture_output=True, timeout=600)
    assert "Traceback" not in proc.stderr.decode()
    return proc


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    path = tmp_path_factory.mktemp("homes") / "local.jsonl"
    path.write_text("".join(json.dumps({"id": i, "url": u, "text": t}) + "\n" for i, u, t in ARTICLES))
    return path


@pytest.fixture(scope="module")
def table(inputs):
    out = inputs.parent / "homes.tsv"
    proc = run("homes", inputs, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "9 articles with a URL from 3 sources; 3 homes written" in proc.stderr.decode()
    return out


def test_homes_learned_from_a_database_are_the_same(inputs, table, tmp_path):
    db = tmp_path / "local.db"
    assert run("ingest", inputs, "--db", db).returncode == 0
    out = tmp_path / "from-db.tsv"
    proc = run("homes", "--db", db, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text() == table.read_text()
    # Files or a database, not both and not neither.
    assert run("homes", inputs, "--db", db, "-o", out).returncode == 2
    assert run("homes", "-o", out).returncode == 2


def test_source_key_is_the_domain_without_www():
    assert source_key("https://www.postbulletin.com/news/1") == "postbulletin.com"
    assert source_key("http://news.postbulletin.com/x?y=1") == "postbulletin.com"
    assert source_key("postbulletin.com") == "postbulletin.com"
    assert source_key("https://bbc.co.uk/news") == "bbc.co.uk"
    assert source_key(None) is None


def test_homes_learned_from_the_sources_own_articles(table):
    rows = [line.split("\t") for line in table.read_text().splitlines() if not line.startswith("#")]
    by_source = {r[0]: r for r in rows[1:]}
    assert rows[0] == ["source", "country", "admin", "town", "geonameid"]
    assert by_source["postbulletin.com"][1:3] == ["US", "US-MN"]
    # The masthead names the town: Palestine, Texas, where the articles' places are.
    assert by_source["palestineherald.com"][1:5] == ["US", "US-TX", "Palestine", "4717232"]
    # No town in the domain: the town most of its articles name, in the state they point to.
    assert by_source["theitem.com"][1:4] == ["US", "US-TX", "Huntsville"]


def test_a_local_papers_town_is_its_own(pipeline, table):
    from tidings.pipeline import Pipeline

    local = Pipeline(Config(source_homes=str(table)), nlp=pipeline.nlp)
    here = local.extract(ROCHESTER, url="https://www.postbulletin.com/x", published="2024-03-01").places[0]
    elsewhere = pipeline.extract(ROCHESTER, url="https://www.postbulletin.com/x", published="2024-03-01").places[0]
    assert (here.name, here.country, here.geonameid) == ("Rochester", "US", 5043473)  # Rochester, Minnesota
    assert elsewhere.geonameid == 5134086  # without the table: Rochester, New York, the larger
    # An article from a source the table does not list is placed as before.
    other = local.extract(ROCHESTER, url="https://example.org/y", published="2024-03-01").places[0]
    assert other.geonameid == 5134086
    huntsville = "Huntsville firefighters put out a house fire on Sunday night, the fire chief said."
    assert local.extract(huntsville, url="https://www.theitem.com/4", published="2024-03-01").places[0].lat == pytest.approx(30.72, abs=0.05)
    assert pipeline.extract(huntsville, published="2024-03-01").places[0].lat == pytest.approx(34.73, abs=0.05)  # Alabama
    palestine = local.extract(PALESTINE, url="https://www.palestineherald.com/y", published="2024-03-01").places[0]
    assert (palestine.country, palestine.feature, palestine.geonameid) == ("US", "city", 4717232)


def test_a_hand_written_table_needs_only_source_country_and_town(tmp_path):
    from tidings.places.gazetteer import gazetteer

    path = tmp_path / "mine.tsv"
    path.write_text("source\tcountry\tadmin\ttown\n# comment\nlfpress.ca\tca\t\tLondon\nbad-row\n")
    home = Homes.read(path, gazetteer()).home("https://www.lfpress.ca/news")
    assert (home.country, home.town.name, home.town.country) == ("CA", "London", "CA")


def test_missing_table_and_empty_input_are_one_line_errors(tmp_path):
    import os

    env_run = subprocess.run([str(TIDINGS) if TIDINGS.exists() else sys.executable, *([] if TIDINGS.exists() else ["-m", "tidings"]),
                              "extract", "-"], input=ROCHESTER.encode(), capture_output=True, timeout=600,
                             env={**os.environ, "TIDINGS_SOURCE_HOMES": str(tmp_path / "nope.tsv")})
    err = env_run.stderr.decode()
    assert env_run.returncode == 1 and "Traceback" not in err
    assert "E001" in err and "nope.tsv" in err and len(err.strip().splitlines()) == 1
    empty = tmp_path / "none.jsonl"
    empty.write_text(json.dumps({"id": "x", "text": ROCHESTER}) + "\n")
    proc = run("homes", empty, "-o", tmp_path / "h.tsv")
    assert proc.returncode == 1 and "no article with a URL" in proc.stderr.decode()
    assert not (tmp_path / "h.tsv").exists()
