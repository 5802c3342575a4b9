"""The dictionary of organisation names the parser knows, matched in a text all at once.

Two sources: the data file of well-known armed groups and parties (`data/armed_groups.tsv`:
each one's main name, its other names and its countries), and the archive's own groups and
aliases, which the importer sets before it parses (use_archive_names). NameMatcher finds any
of their names in a text with an Aho-Corasick automaton; canonical_key gives every name of
one organisation the same key.
"""

import csv
import re
from functools import cache
from pathlib import Path

import ahocorasick

from profiles.parsing.aliases import is_acronym
from profiles.parsing.names import PARTICLE_RE, name_key

DATA_FILE = Path(__file__).resolve().parent / "data" / "armed_groups.tsv"


@cache
def _data_rows():
    """The data file's rows: (main name, its other names, its countries)."""
    if not DATA_FILE.is_file():
        return ()
    with DATA_FILE.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows, None)
        return tuple(
            (row[0], row[1].split("|"), row[2].strip().split("|") if len(row) > 2 else [])
            for row in rows
            if len(row) >= 2
        )


@cache
def known_names():
    """The data file's names: key -> the name as it is usually written."""
    table = {}
    for main, others, _countries in _data_rows():
        # "National Liberation Army (Colombia)": the country only tells namesakes apart.
        plain = re.sub(r"\s*\([^()]*\)$", "", main)
        for name in [main, plain, *others]:
            name = name.strip()
            if len(name) >= 3:
                table.setdefault(name, main)
    return table


@cache
def _canonical_keys():
    """Key of every name of the data file -> key of its organisation's main name."""
    return {name_key(name): name_key(main) for name, main in known_names().items()}


def canonical_key(name):
    """The data file's key for the organisation `name` names ("ANP" and "Awami National
    Party" share one), or None for a name it does not know."""
    return _canonical_keys().get(name_key(name))


@cache
def known_countries():
    """The data file's names: key of each name -> the countries of its organisation."""
    return {name_key(main): tuple(codes) for main, _others, codes in _data_rows() if codes != [""]}


def place_of_known_groups(text):
    """The main country of the first well-known organisation `text` names ("a faction
    within the Kuomintang": China), for a text that names no country at all."""
    names, places = known_names(), known_countries()
    for _start, _end, name in known_matcher().find(text):
        codes = places.get(name_key(names.get(name, name)))
        if codes:
            return [codes[0]]
    return []


# How every acronym (is_acronym) starts: a capital, then a capital, digit or . / & -.
ACRONYM_START_RE = re.compile(r"[A-Z][A-Z0-9./&-]")
# What a faction adds to its parent's name after a dash: letters ("-PM", "-C"), a place, a
# leader or a word or two ("-Goma", "-Abdel Wahid", "-Revolutionary Movement"), ending where
# the name does (not inside a longer capitalised run or a hyphenated word).
FACTION_SUFFIX_RE = re.compile(
    r"[-\u2013]([A-Z][A-Z0-9]{0,4}|[A-Z][a-z\u00e0-\u00ff'\u2019]+(?:\s[A-Z][a-z\u00e0-\u00ff'\u2019]+){0,2})"
    r"(?![\w-])(?!\s[A-Z])"
    # "the BNP–Jamaat coalition": two names joined, not a faction.
    r"(?!\s+(?:coalition|alliance|government|pact|talks|conflict|violence|clashes|rivalry|"
    r"feud|war|accord|agreement|relations)\b)"
)


def spoken_spelling(acronym):
    """How an acronym said as a word is often written: "RENAMO" as "Renamo", "ZANU-PF" as
    "Zanu-PF". Only for five letters or more (four before a hyphen), where the word is no
    common one; None otherwise."""
    head, dash, tail = acronym.partition("-")
    if not head.isalpha() or len(head) < (4 if dash else 5):
        return None
    return head.capitalize() + dash + tail


class NameMatcher:
    """Finds any of many names in a text at once (Aho-Corasick), on word boundaries.

    Acronyms are matched as written, in the text itself; other names without regard to
    case or apostrophes, in a folded copy of the same length. Keeping the two apart spares
    the folded search every "ira" inside "Iraq"."""

    def __init__(self, names):
        self.exact, self.folded = ahocorasick.Automaton(), ahocorasick.Automaton()
        self.spoken = ahocorasick.Automaton()
        for name in names:
            if is_acronym(name):
                if len(name) >= 3:
                    self.exact.add_word(name, name)
                spoken = spoken_spelling(name)
                if spoken:
                    self.spoken.add_word(spoken, name)
            else:
                folded = _fold(name)
                if len(folded) >= 3:
                    self.folded.add_word(folded, name)
        self.empty = True
        for automaton in (self.exact, self.folded, self.spoken):
            if len(automaton):
                automaton.make_automaton()
                self.empty = False

    def find(self, text):
        """(start, end, name) of each longest match, left to right."""
        if self.empty:
            return []
        found = []
        for automaton, searched in ((self.exact, text), (self.folded, None), (self.spoken, text)):
            if not len(automaton):
                continue
            if automaton is self.exact and not ACRONYM_START_RE.search(text):
                continue  # no acronym can start anywhere in the text

            if searched is None:
                searched = _fold(text)
            for end, name in automaton.iter(searched):
                start = end - len(name) + 1  # folding keeps lengths
                if start > 0 and searched[start - 1].isalnum():
                    continue
                if end + 1 < len(searched) and searched[end + 1].isalnum():
                    continue
                # "VMRO" inside "VMRO-DPMNE": part of a longer hyphenated name (but
                # "Islah-affiliated units" name Islah). A faction named after its parent
                # ("FLEC-FAC", "Shan State Army–South", "Sudan Liberation Army-Abdel Wahid")
                # is read whole; two names joined ("ANC-IFP") are neither.
                dash = searched[end + 1 : end + 2]
                if dash in ("-", "\u2013") and (
                    text[end + 2 : end + 3].isupper() or text[end + 2 : end + 3].isdigit()
                ):
                    faction = FACTION_SUFFIX_RE.match(text, end + 1)
                    if faction and not is_known_name(faction.group(1)):
                        found.append((start, faction.end(), name))
                        continue
                    if dash == "-":
                        continue
                # A name written all in lower case is words, not the name ("wore green
                # shirts", not the Green Shirts).
                written = text[start : end + 1]
                if written.islower() and not name.islower():
                    continue
                # A one-word name must be written with its capital ("Lions", not "lions"),
                # but an article joined to it may be either way ("al-Qaeda", "Al-Qaeda").
                written = text[start : end + 1]
                if (
                    " " not in name
                    and written != name
                    and automaton is not self.spoken  # "Renamo" for "RENAMO", as written
                    and not _same_but_particle(written, name)
                ):
                    continue
                found.append((start, end + 1, name))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        longest, last_end = [], -1
        for match in found:
            if match[0] >= last_end:
                longest.append(match)
                last_end = match[1]
        return longest


def _same_but_particle(written, name):
    particle = PARTICLE_RE.match(written)
    return bool(particle) and written[1:] == name[1:] and written[0] == name[0].lower()


def _fold(text):
    """Same length as `text`, so that offsets carry over: case and quotes folded."""
    quoted = text.replace("\u2019", "'").replace("\u2018", "'")
    folded = quoted.lower()
    if len(folded) != len(text):
        # "İ" lower-cases to two characters: such letters stay as they are.
        folded = "".join(ch if len(ch.lower()) > 1 else ch.lower() for ch in quoted)
    return folded


@cache
def known_matcher():
    return NameMatcher(known_names())


# The archive's own names and aliases, set by the importer before it parses (a dictionary
# refreshed with every import run), so that a name with no telltale shape is still found.
_archive = {"names": frozenset(), "keys": frozenset(), "matcher": None}


def is_known_name(name):
    """A name of the dictionary's or of the archive's own groups, however capitalised."""
    key = name_key(name)
    return key in _known_keys() or key in _archive["keys"]


@cache
def _known_keys():
    # The keys _canonical_keys has computed already (one name_key call per name, not two).
    return frozenset(_canonical_keys())


def use_archive_names(names):
    """Make the parser recognise `names`; returns whether they changed."""
    names = frozenset(n for n in names if n and len(n) >= 3)
    if names == _archive["names"]:
        return False
    _archive["names"], _archive["matcher"] = names, NameMatcher(names) if names else None
    _archive["keys"] = frozenset(name_key(name) for name in names)
    return True
