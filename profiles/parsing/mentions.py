"""Names of other organisations in a profile: "also named here", and the ties they carry.

Three ways to recognise a name, from the surest to the loosest:
- a dictionary of known names (the archive's own groups and aliases, and a data file of
  well-known armed groups and parties), matched all at once with an Aho-Corasick automaton;
- acronyms with their expansion in the text ("Rally for Congolese Democracy (RCD)");
- the shape of an organisation's name: capitalised words ending in "Front", "Army",
  "Party", "Movement", "Brigade"..., or starting with "Forces", "Army of"...
State forces, persons, countries, sources, the UN and NGOs are never mentions.
"""

import csv
import re
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick

from profiles.parsing import countries
from profiles.parsing.aliases import abbreviates, clause_speaks_of, is_acronym, name_before
from profiles.parsing.dates import MONTHS
from profiles.parsing.names import (
    ADJECTIVE_COMPOUND_RE,
    CONNECTORS,
    DASHED_NAME_RE,
    HEAD_WORDS,
    NAME_CONTINUATION_WORDS,
    NAME_POSSESSIVE_WORDS,
    NOT_NAME_WORDS,
    PARTICLE_RE,
    PERSON_TITLES,
    en_dash_compound,
    is_state_or_person,
    name_at,
    name_key,
    patron_length,
    peoples,
    possessive_stem,
    strip_article,
)
from profiles.parsing.text import gated_alternatives
from profiles.parsing.types import Occurrence, ParsedMention

DATA_FILE = Path(__file__).resolve().parent / "data" / "armed_groups.tsv"

# The first word of one: "Forces Nouvelles", "Army of the Guardians".
LEADING_WORDS = {"Forces", "Army", "Front", "Movement", "Party", "Union", "League", "Brigades",
                 "Partido", "Frente", "Movimiento", "Ejército", "Fuerzas", "Parti", "Mouvement",
                 "Armée", "Jaish", "Hizb", "Harakat", "Jabhat", "Kataib", "Liwa", "Ansar",
                 # Arabic, Persian and Urdu words for a party, movement, army or front.
                 "Jamaat", "Jama'at", "Jamiat", "Tehrik", "Tehreek", "Lashkar", "Saraya",
                 "Tanzim", "Ittihad", "Majlis", "Kata'ib", "Asa'ib", "Hezb", "Hizbul"}  # fmt: skip
# Names in languages that write all but their first word in lower case, opened by an
# organisation's word of that language ...
FOREIGN_LEADING_WORDS = {
    "Partido", "Partito", "Parti", "Partei", "Frente", "Movimiento", "Movimento", "Mouvement",
    "Ejército", "Esercito", "Exército", "Armée", "Fuerzas", "Forças", "Associazione",
    "Associação", "Asociación", "Unione", "Unión", "União", "Comité", "Comitato", "Comando",
    "Rassemblement", "Kampfbund", "Związek", "Organizacja", "Organización",
    "Organização", "Liga", "Ligue", "Lega", "Falange", "Legión", "Légion", "Coalición",
    "Coligação", "Brigada", "Brigate", "Batallón", "Bataillon", "Milice", "Milicia", "Guardia",
    "Garde", "Hermandad", "Fronte", "Alianza", "Aliança", "Confederación",
}  # fmt: skip
# Organisations that are not armed groups or parties, and words of state bodies.
NOT_GROUPS = {
    "united nations", "un", "unhcr", "unicef", "human rights watch", "amnesty international",
    "international crisis group", "red cross", "icrc", "european union", "eu", "african union",
    "au", "nato", "ecowas", "world bank", "imf", "ngo", "ngos", "pgm", "pgmd", "pgag", "idp",
    "idps", "hrw", "usaid", "cia", "kgb", "fbi", "osce", "arab league", "league of nations",
    "supreme court", "national assembly", "security council", "general assembly",
    "truth and reconciliation commission", "international criminal court", "icc",
    "wikipedia", "reuters", "bbc", "new york times", "guardian", "al jazeera", "dfid",
    "commonwealth", "interpol", "opec", "the hague", "world war", "civil war", "cold war",
    "axis", "axis powers", "allies", "allied powers",
    "red army", "revolutionary guards",  # the Soviet army; Iran's guards by their short name
    # Forces that states sent together: an intervention, not an armed group of its own.
    "ecomog", "amisom", "isaf", "kfor", "sfor", "ifor", "unifil", "monusco", "minusma",
    "unamsil", "unamid", "onuc",
    # Bodies of states.
    "organization of american states", "organisation of american states",
    "organization of african unity", "organisation of african unity", "oau",
    "gulf cooperation council", "southern african development community", "sadc", "igad",
    "asean", "commonwealth of independent states", "warsaw pact",
}  # fmt: skip
UN_BODY_RE = re.compile(r"(?:UN|U\.N\.|United Nations)\s")
UN_SUFFIX_RE = re.compile(r"\bof\s+the\s+(?:UN|U\.N\.|United Nations)$")
STATE_NAME_RE = re.compile(
    r"\b(?:Armed Forces|Security Forces|Defen[cs]e Forces|National Army|Republican Guard|"
    r"Presidential Guard|National Guard|Special Forces|Police|Gendarmerie|Ministry|Army Corps|"
    r"Intelligence|Border Guards?|Coast Guard|Navy|Air Force|Royal|Government|Parliament|"
    r"Territorial Defen[cs]e|Revolutionary Guards? Corps|Military|Junta|Agency|Bureau|"
    r"Guardia Nacional|Guardia Civil|Privy Council|Control Council|Development Council|"
    r"Command Council|Military Council|"
    r"Department|Directorate|Office|Embassy|University|Institute|Court|Tribunal|Commission|Mission|"
    r"Operation|Agreement|Accords?|Treaty|Act|Law|Decree|Plan|War|Campaign|Uprising|Revolution|"
    r"Massacre|Crisis|Conflict|Offensive|Battle|Prize|Award|Programme|Program|Project|Report|"
    r"Company|Corporation|Bank|Fund|Foundation|Hospital|Church|Mosque|Cathedral|Stadium|Airport|"
    r"Ministr(?:y|ies)|Congress of Deputies|Senate|Supreme Council|Autonomous Republic)\b"
    # Places end their names with these; "Valley Cattle Federation" is no place.
    r"|\b(?:Province|District|Region|State|Republic|Kingdom|Empire|City|County|Valley|River|"
    r"Camp|Prison|Street|Square)$"
)
# State forces known by names of no telltale shape, or by words a group could use too.
STATE_FORCE_NAME_RE = re.compile(
    r"\b(?:Revolutionary Guards? Corps|IRGC|Quds Force|Constabulary|Tatmadaw|Sit-Tat|"
    r"Hellenic (?:Army|Navy|Air Force|Gendarmerie)|Civil Guards?|State Guard|Carabinieri|"
    r"Guardia di Finanza|Bundeswehr|Wehrmacht|Reichswehr|Basij Resistance Force|"
    # States' armies by their acronyms or words of no telltale shape.
    r"FARDC|FAZ|Kopassus|Kostrad|ABRI|TNI|UPDF|FANCI|ZNA|ZDF|Sandinista Popular Army)\b"
)
# Words only armed groups and parties put in their names, never a state's forces.
EVENT_WORDS = {"War", "Campaign", "Uprising", "Revolution", "Massacre", "Offensive", "Battle"}
NAMED_AFTER_EVENT_HEADS = {"Brigade", "Brigades", "Battalion", "Front", "Movement", "Militia"}
GROUP_MARKERS_RE = re.compile(
    r"\b(?:Front|Party|Movement|Brigades|Militias?|Liberation|Patriotic|Revolutionary|"
    r"Self-Defen[cs]e|Defenders|Alliance|Coalition|League|Islamic|Resistance|Rebels?|"
    r"Popular|People's|Mujahideen|Mujahidin|Jihad|Civil(?:ian)?|Vigilantes?|Volunteers|"
    r"Insurgents|Tigers|Commandos|Squads|Death Squad|Paramilitar\w*|Loyalist)\b"
)
# Names only a state gives its forces, whatever else they hold ...
STRONG_STATE_RE = re.compile(
    r"\b(?:Defen[cs]e Forces?|Security Forces|Border Security|Armed Forces|Command|Territorial Army|"
    r"Special Operations|Police|Gendarmerie|Intelligence|Navy|Air Force|National Army|"
    r"Coast Guard|Border Guards?|Republican Guard|Presidential Guard|Joint Task Force|"
    r"Multinational Force|Peacekeeping Force|Stabili[sz]ation Force|Monitoring Force|Deterrent Force|"
    r"Marine Corps|Marines|Human Rights|"
    r"Intervention Brigade)\b"
)
# ... unless the name is plainly an armed group's or a militia's.
STRONG_GROUP_RE = re.compile(
    r"\b(?:Liberation|Front|Party|Movement|Militias?|Rebels?|Revolutionary|Self-Defen[cs]e|"
    r"Civil(?:ian)? Defen[cs]e|Civilian|Popular Defen[cs]e|National Defen[cs]e Forces|"
    r"Mujahideen|Islamic|Loyalist|Paramilitar\w*)\b"
)
# State bodies named by their country: "Colombian Congress", "Yugoslav People's Army".
STATE_HEADS = {"Army", "Forces", "Force", "Congress", "Navy", "Police", "Guard", "Senate", "Rangers",
               "Parliament", "Government", "Military", "Gendarmerie", "Army's", "Legion"}  # fmt: skip
ORGANISATION_WORD_RE = re.compile(
    r"\b(?:"
    + "|".join(sorted(HEAD_WORDS | LEADING_WORDS | FOREIGN_LEADING_WORDS, key=len, reverse=True))
    + r")\b"
)
# The same test by words, several times faster than the search: a word of letters and
# digits matches \b...\b exactly when it is a whole run of \w characters (here the runs
# that start with an ASCII capital, as all these words do); the few with an apostrophe
# ("Jama'at") still need the pattern.
CAPITAL_WORD_RUN_RE = re.compile(r"[A-Z](?<!\w[A-Z])\w*")
PLAIN_ORGANISATION_WORDS = frozenset(
    word for word in HEAD_WORDS | LEADING_WORDS | FOREIGN_LEADING_WORDS if word.isalnum()
)
_OTHER_ORGANISATION_WORDS = (HEAD_WORDS | LEADING_WORDS | FOREIGN_LEADING_WORDS) - (
    PLAIN_ORGANISATION_WORDS
)
# has_organisation_word's tests:
assert all("'" in word for word in _OTHER_ORGANISATION_WORDS)
assert all("A" <= word[0] <= "Z" for word in PLAIN_ORGANISATION_WORDS)
APOSTROPHE_ORGANISATION_WORD_RE = re.compile(
    r"\b(?:" + "|".join(_OTHER_ORGANISATION_WORDS) + r")\b"
)


def has_organisation_word(text):
    """Whether ORGANISATION_WORD_RE.search(text) finds anything."""
    if not PLAIN_ORGANISATION_WORDS.isdisjoint(CAPITAL_WORD_RUN_RE.findall(text)):
        return True
    return "'" in text and APOSTROPHE_ORGANISATION_WORD_RE.search(text) is not None


# Capitalised words that open a sentence rather than a name.
OPENING_WORDS = {"Besides", "Apart", "Like", "Unlike", "Despite", "Whereas", "Including",
                 "Within", "Through", "Throughout", "Against", "Toward", "Towards", "Along",
                 "Alongside", "Because", "Once", "Upon", "Whether", "Where", "Why", "How",
                 "What", "Which", "Who", "Whose", "Sources", "Reports", "According"}  # fmt: skip
TOKEN_RE = re.compile(r"[^\W\d_][\w'\u2019.-]*|\d+|&|/")
# (The lookbehind after the first capital, so that the search jumps from capital to capital.)
ACRONYM_RE = re.compile(r"([A-Z](?<![\w/-][A-Z])[A-Z0-9]*(?:[/-][A-Z0-9]+)*[A-Z0-9])(?![\w/-])")
PAREN_ACRONYM_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9/&.-]{1,12})\)")


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
# A faction named after us is another group where the sentence tells of a split ("a
# splinter group calling itself FLEC-PM"); otherwise it is ours ("the remainder, known as
# NSZ-ZJ", "the most important of its factions, BRN-Coordinate").
SPLIT_CUE_RE = re.compile(
    r"\b(?:split|splinter|broke\s+away|breakaway|offshoots?|seceded|rival)", re.I
)
OWN_NAME_GIVEN_BEFORE_RE = re.compile(
    r"(?:known\s+as|under\s+the\s+name|renamed(?:\s+itself)?|became)\s+(?:the\s+)?$"
)


def _occurrences(text, literal):
    """(start, end) of each occurrence of `literal` (not empty) in `text`, left to right and
    not overlapping, as re.finditer(re.escape(literal), text) finds them without compiling
    a pattern for every name."""
    start = text.find(literal)
    while start >= 0:
        yield start, start + len(literal)
        start = text.find(literal, start + len(literal))


class NameMatcher:
    """Finds any of many names in a text at once (Aho-Corasick), on word boundaries.

    Acronyms are matched as written, in the text itself; other names without regard to
    case or apostrophes, in a folded copy of the same length. Keeping the two apart spares
    the folded search every "ira" inside "Iraq"."""

    def __init__(self, names):
        self.exact, self.folded = ahocorasick.Automaton(), ahocorasick.Automaton()
        for name in names:
            if is_acronym(name):
                if len(name) >= 3:
                    self.exact.add_word(name, name)
            else:
                folded = _fold(name)
                if len(folded) >= 3:
                    self.folded.add_word(folded, name)
        self.empty = True
        for automaton in (self.exact, self.folded):
            if len(automaton):
                automaton.make_automaton()
                self.empty = False

    def find(self, text):
        """(start, end, name) of each longest match, left to right."""
        if self.empty:
            return []
        found = []
        for automaton, searched in ((self.exact, text), (self.folded, None)):
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
                if " " not in name and written != name and not _same_but_particle(written, name):
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
    return frozenset(name_key(name) for name in known_names())


def use_archive_names(names):
    """Make the parser recognise `names`; returns whether they changed."""
    names = frozenset(n for n in names if n and len(n) >= 3)
    if names == _archive["names"]:
        return False
    _archive["names"], _archive["matcher"] = names, NameMatcher(names) if names else None
    _archive["keys"] = frozenset(name_key(name) for name in names)
    return True


def shaped_names(sentence):
    """(start, end, name) of capitalised runs shaped like an organisation's name."""
    if not has_organisation_word(sentence):
        return []  # most sentences: no word an organisation's name could end or start with
    found = []
    tokens = list(TOKEN_RE.finditer(sentence))
    index = 0
    while index < len(tokens):
        run = [tokens[index]]
        if not _capitalised(run[0].group()):
            index += 1
            continue
        next_index = index + 1
        while next_index < len(tokens):
            token = tokens[next_index]
            gap = sentence[run[-1].end() : token.start()]
            word = token.group()
            # "Marxist–Leninist Revolutionary Socialist Party": a compound with an en dash;
            # "National Liberation Movement – Tupamaros": a name's second part after its head.
            joined = (gap == "\u2013" and en_dash_compound(run[-1].group(), word)) or (
                gap == " \u2013 "
                and run[-1].group() in HEAD_WORDS
                and DASHED_NAME_RE.match(sentence, token.start())
            )
            if gap not in (" ", "-") and not (gap == "" and word == "/") and not joined:
                break
            if _capitalised(word) or word in CONNECTORS or word == "/":
                run.append(token)
                next_index += 1
            else:
                break
        while run and not _capitalised(run[-1].group()):
            run.pop()
        if run and _opens_foreign_name(run, tokens, index + len(run)):
            # "the Mouvement social révolutionnaire", "Kampfbund gegen den Faschismus".
            next_index = _foreign_name_end(sentence, tokens, index + len(run))
            run = tokens[index:next_index]
        index = max(next_index, index + 1)
        if run:
            # "the 14th of May Movement": a date's name, read whole with its day.
            dated = DATE_NAMED_BEFORE_RE.search(
                sentence, max(0, run[0].start() - 12), run[0].start()
            )
            name = sentence[dated.start() : run[-1].end()].rstrip(".") if dated else ""
            if dated and DATE_NAMED_RE.fullmatch(name):
                found.append((dated.start(), dated.start() + len(name), name))
                continue
        while run and (
            run[0].group() in NOT_NAME_WORDS
            or run[0].group() in PERSON_TITLES
            # "the General Union of the Sons of Chad": a word of the name, not a rank.
            and not (len(run) > 1 and run[1].group() in HEAD_WORDS | LEADING_WORDS)
            or run[0].group() in OPENING_WORDS
            or ADJECTIVE_COMPOUND_RE.search(run[0].group())
        ):
            run.pop(0)
        run = _without_owner(_after_possessive(run))
        # "In eastern Uganda the Arrow Boys", "In December the Rebel Army": a place or a
        # month, then the name.
        if (
            len(run) > 2
            and run[1].group() == "the"
            and (countries.code_for(run[0].group()) or run[0].group().lower() in MONTHS)
        ):
            run = run[2:]
        if not run:
            continue
        start, end = run[0].start(), run[-1].end()
        if ORDINAL_BEFORE_RE.search(sentence, max(0, start - 12), start):
            continue  # "the 14th of June ... Movement": not read whole, so not read at all
        # "the Revolutionary Movement 13 November": a date after its head word is its name's.
        dated_after = (
            run[-1].group() in HEAD_WORDS and DAY_AND_MONTH_AFTER_RE.match(sentence, end) or None
        )
        named_after_a_date = bool(dated_after) and not YEAR_NEXT_RE.match(
            sentence, dated_after.end()
        )
        if named_after_a_date:
            end = dated_after.end()
        name = sentence[start:end].rstrip(".")
        end = start + len(name)
        words = name.split()
        unit = SUB_UNIT_RE.match(name)
        if unit:
            # "the 4th Brigade of the Kachin Independence Army": a unit of that group.
            start, name = start + unit.start("group"), unit.group("group")
        for part_start, part in split_coordinated(start, name):
            words = part.split()
            if not words:
                continue
            headed = any(
                word in HEAD_WORDS and following in ("of", "for")
                for word, following in zip(words, words[1:], strict=False)
            )
            leading = (
                words[0] in LEADING_WORDS
                or words[0].split("-")[0] in LEADING_WORDS
                or words[0] in FOREIGN_LEADING_WORDS
                or words[0] in SHARED_LEADING_WORDS
                and len(words) > 2
                and words[1] in FOREIGN_SMALL_WORDS
            )
            if (
                words[-1] in HEAD_WORDS
                or headed
                or (leading and (len(words) > 1 or "-" in part))
                or (named_after_a_date and len(words) > 3 and words[-3] in HEAD_WORDS)
            ):
                found.append((part_start, part_start + len(part), part))
    return found


ORDINAL_BEFORE_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
DAY_AND_MONTH = rf"\d{{1,2}}\s+(?:{MONTH_NAMES})"
DAY_AND_MONTH_RE = re.compile(DAY_AND_MONTH)
DAY_AND_MONTH_AFTER_RE = re.compile(rf"\s+{DAY_AND_MONTH}\b")
# A year right after a day and month makes them a date.
YEAR_NEXT_RE = re.compile(r",?\s*\d{4}\b")
DATE_NAMED_BEFORE_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\s+of\s+$")
DATE_NAMED_RE = re.compile(
    rf"\d{{1,2}}(?:st|nd|rd|th)\s+of\s+(?:{MONTH_NAMES})\s+"
    r"(?:Movement|Front|Brigade|Brigades|Group|Alliance)"
)

# ... or by one spelled as in English, when a word of that language follows it
# ("Coalition des patriotes résistants congolais").
SHARED_LEADING_WORDS = {"Coalition", "Union", "Front", "Association", "Organisation", "Alliance",
                        "Mouvement", "Légion", "Brigade", "Confédération", "Fédération",
                        "Coordination"}  # fmt: skip
FOREIGN_SMALL_WORDS = {
    "de", "des", "du", "del", "della", "delle", "dei", "degli", "di", "da", "do", "dos", "das",
    "la", "le", "les", "los", "las", "el", "y", "e", "et", "für", "gegen", "den", "der", "die",
    "dem", "zur", "zum", "und", "pour", "por", "para", "per", "contre", "contra", "na", "w",
}  # fmt: skip
FOREIGN_SUFFIX_RE = re.compile(
    r"(?:aire|aires|ista|istas|iste|istes|ale|ali|ano|ana|anos|anas|ais|aise|aises|ique|iques|"
    r"ico|ica|icos|icas|isch|ische|ischer|ischen|owa|owy|owe|eur|eurs|ión|ação|ismus|ismo|isme|"
    r"ois|oise|iero|iera|ieros|ario|aria|arios|ense|enses|ais|nych|ska|ski|sky)$"
)
# Where such a name ends at the latest: English words that go on with the sentence.
ENGLISH_STOP_WORDS = {
    "and", "or", "of", "the", "a", "an", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "was", "were", "is", "are", "had", "has", "have", "which", "who", "whose", "that",
    "while", "when", "after", "before", "until", "into", "its", "their", "his", "her", "but",
    "also", "then", "against", "led", "under", "during", "since", "where", "not", "be",
}  # fmt: skip
FOREIGN_NAME_MAX_WORDS = 8


def _foreign_word(word):
    return (
        word in FOREIGN_SMALL_WORDS
        or bool(re.match(r"[dlDL]['\u2019]\w", word))
        or not word.isascii()
        or bool(FOREIGN_SUFFIX_RE.search(word))
    )


def _opens_foreign_name(run, tokens, following):
    """Whether the run stopped at a lower-case word of a name in another language."""
    if following >= len(tokens):
        return False
    # The organisation's word is the last capitalised one: "Deloncle's Mouvement social ...".
    last, after = run[-1].group(), tokens[following].group()
    if after in ENGLISH_STOP_WORDS or not after[0].islower():
        return False
    if last in FOREIGN_LEADING_WORDS:
        return after.isalpha()
    return last in SHARED_LEADING_WORDS and _foreign_word(after)


def _foreign_name_end(sentence, tokens, stop):
    """The index of the token after a foreign name whose words run on from `stop` over
    lower-case words of its language and capitalised words, to a punctuation mark, an
    English word or FOREIGN_NAME_MAX_WORDS words."""
    index = end = position = stop
    foreign = False
    while position < len(tokens) and position - index < FOREIGN_NAME_MAX_WORDS:
        token = tokens[position]
        gap = sentence[tokens[position - 1].end() : token.start()]
        word = token.group()
        if gap not in (" ", "-") or word in ENGLISH_STOP_WORDS or not word[0].isalpha():
            break
        foreign |= _foreign_word(word)
        position += 1
        if _capitalised(word) or _foreign_word(word) or word.islower():
            end = position
    # Lower-case words alone, none of them of another language: an English sentence.
    if not foreign:
        return stop
    while end > stop and tokens[end - 1].group() in FOREIGN_SMALL_WORDS:
        end -= 1  # "... de": the name does not end with a linking word
    return end


SUB_UNIT_RE = re.compile(
    r"(?:\d+\w*\s+)?(?:Brigade|Battalion|Division|Regiment|Company|Unit|Wing|Branch|Faction|"
    r"Cell|Column|Front)s?\s+of\s+(?:the\s+)?(?P<group>[A-Z].*(?:Army|Front|Movement|Party|Forces))$"
)


def _after_possessive(run):
    """ "Vojislav Šešelj's Serbian Radical Party": the party, not its leader's name."""
    for index in range(len(run) - 1, -1, -1):
        word = run[index].group().replace("\u2019", "'")
        if (
            word.endswith(("'s", "s'"))
            and possessive_stem(word) not in NAME_POSSESSIVE_WORDS
            and index + 1 < len(run)
        ):
            return run[index + 1 :]
    return run


def _without_owner(run):
    """ "Kataeb Regulatory Forces of Bashir Gemayel": the forces, not their leader."""
    words = [t.group() for t in run]
    for index, word in enumerate(words):
        if word != "of" or index == 0 or words[index - 1] not in HEAD_WORDS:
            continue
        rest = words[index + 1 :]
        if 1 <= len(rest) <= 3 and not any(
            w in NAME_CONTINUATION_WORDS or countries.code_for(w) or w in CONNECTORS for w in rest
        ):
            return run[:index]
    return run


def _capitalised(word):
    return (word[0].isupper() and word != "I") or bool(PARTICLE_RE.match(word))


def is_mentionable(name, following=""):
    """Whether `name` (followed by `following` in its sentence) can be another group's."""
    words_after = FOLLOWING_WORDS_RE.match(following)
    return _is_mentionable(name, words_after.group() if words_after else "")


# Words that name no one in particular before "Council" or "Committee".
GENERIC_BODY_WORDS = {
    "National", "Inner", "Army", "Provisional", "Presidential", "Provincial", "Regional",
    "Eastern", "Western", "Northern", "Southern", "North", "South", "East", "West", "Central",
    "Executive", "Supreme", "General", "Military", "Local", "Village", "Municipal", "City",
    "State", "Federal", "Governing", "Ruling", "Joint", "Security", "Standing", "Steering",
    "Coordinating", "Co-ordinating", "High", "Grand",
    # A state's governing council: "the Presidential Leadership Council".
    "Leadership",
}  # fmt: skip
# (or a year: "17 November 1986" is a date)
FOLLOWING_WORDS_RE = re.compile(r"\s*(?:,?\s*\d{4}\b|[a-z]+(?:\s+[a-z]+)?)")
COORDINATED_OF_RE = re.compile(r"\s+(?:and|or)\s+of\s+(?:the\s+)?")
PRO_OR_ANTI_RE = re.compile(r"(?i:pro|anti)-[A-Z][\w-]*")
LEADING_NOT_NAME_RE = re.compile(
    r"(?:(?:and\s+|or\s+)?of\s+(?:the\s+)?|[A-Z][a-z]+ing\s+the\s+|"
    r"(?:Officials|Members|Leaders|Supporters|Fighters|Activists|Militants|Cadres)\s+of\s+"
    r"(?:the\s+)?)"
)
POSSESSIVE_END_RE = re.compile(r"(?<=\w)['\u2019]s?$")
IDEA_AFTER_RE = re.compile(
    r"\s*(?:ideology|ideologies|ideas|doctrine|rhetoric|propaganda|slogans?|worldview)\b"
)


@lru_cache(maxsize=8192)  # bounded: memory must not grow with the corpus
def _is_mentionable(name, following):
    key = name_key(name)
    if not key or key in NOT_GROUPS or len(key) < 2:
        return False
    if UN_BODY_RE.match(name) or UN_SUFFIX_RE.search(name) or countries.is_subdivision(name):
        return False  # "UN Security Council"; "Oromia", a region
    if IDEA_AFTER_RE.match(following):
        return False  # "Hutu Power ideology": an idea, not the group
    if DAY_AND_MONTH_RE.fullmatch(name) and YEAR_NEXT_RE.match(following):
        return False  # "On 17 November 1986": a date, not the group named after one
    if STATE_FORCE_NAME_RE.search(name):
        return False  # "Iran's Islamic Revolutionary Guard Corps", "the Tatmadaw"
    if is_known_name(name):
        return True  # the dictionary and the archive list groups and parties only
    if is_state_or_person(name, following) or countries.code_for(name):
        return False
    if name.endswith("s") and countries.code_for(name[:-1]):
        return False  # "Albanians", "Serbs": a people
    words = name.split()
    if len(words) == 1 and words[0] in HEAD_WORDS:
        return False
    capitals = [w for w in words if w not in CONNECTORS]
    if capitals and all(w in peoples() or countries.code_for(w) for w in capitals):
        return False  # "Tuareg and Arab": peoples
    if PRO_OR_ANTI_RE.fullmatch(name):
        return False  # "the pro-Russian separatists": a side taken, not a name
    if (
        len(words) == 2
        and words[0]
        in (
            "North",
            "South",
            "East",
            "West",
            "Northern",
            "Southern",
            "Eastern",
            "Western",
            "Central",
        )  # fmt: skip
        and re.search(r"(?:ian|ese|ish|an)$", words[1])
    ):
        return False  # "North Caucasian nationalists": a people's adjective
    if " and " in name and all(
        countries.code_for(part) for part in re.split(r",\s*|\s+and\s+", name) if part
    ):
        return False  # "Saudi Arabia and Egypt": states
    if any(ch.isdigit() for ch in name) and is_acronym(name.replace(" ", "")):
        return False  # "AK47", "Mi-24"
    if re.search(r"\bof\s+the\s+\S+\s+(?:Army|Armed Forces|Police|Navy)\b", name):
        return False  # a unit of a state's army
    if countries.code_for(words[0]) and re.search(r"People's (?:Liberation )?Army$", name):
        return False  # "Yugoslav People's Army": a state's army
    if words[0] in countries.name_table() and re.search(r"Self-Defen[cs]e Forces?$", name):
        return False  # "Japan Ground Self-Defense Force": a state's, by its country's name
    if re.match(
        r"(?:Army|Armed Forces|Forces) of the (?:Republic|Kingdom|State|Federation) of", name
    ):
        return False  # "Army of the Republic of Bosnia and Herzegovina"
    if STRONG_STATE_RE.search(name) and not STRONG_GROUP_RE.search(name):
        return False  # "Uganda People's Defence Force", "Border Security Force"
    if WAR_FRONT_RE.fullmatch(name):
        return False  # "the Eastern Front": a theatre of a war
    if words[-1] in ("Council", "Councils", "Committee", "Committees", "Congress") and all(
        word in GENERIC_BODY_WORDS for word in words[:-1]
    ):
        return False  # "the National Council", "the Army Council": a body of some state or group
    if GROUP_MARKERS_RE.search(name):
        return True  # "Sudan Liberation Army", "Islamic State", "Civil Defence Forces"
    # "Syrian Army", "Colombian Congress", "Pakistan Rangers": the state's own bodies.
    state = STATE_NAME_RE.search(name)
    if state and not (state.group() in EVENT_WORDS and words[-1] in NAMED_AFTER_EVENT_HEADS):
        return False  # but the "1920 Revolution Brigade" is named after an event
    # "Imperial Japanese Army", "Royal Thai Police": a state's, by its crown and country.
    state_words = words[1:] if words[0] in ("Imperial", "Royal") and len(words) > 2 else words
    if (
        state_words[-1] in STATE_HEADS
        and any(
            countries.code_for(" ".join(state_words[:size]).removesuffix("'s"))
            # "the Polish Home Army": a group the dictionary knows, named with its country.
            and not is_known_name(" ".join(state_words[size:]))
            for size in range(1, min(3, len(state_words) - 1) + 1)
        )
    ):
        return False  # "Sierra Leone Army", "Iran's Revolutionary Guards"
    # "Armed Forces of Liberia", "Forces of Liberia": a state's, by its country.
    of_country = re.search(r"\bof\s+(?:the\s+)?(.+)$", name)
    if of_country and words[0] in STATE_HEADS | {"Armed"} and countries.code_for(of_country[1]):
        return False
    return True


def split_coordinated(start, name):
    """ "ADA and Red Command", "Rhee and the Korea Democratic Party": two names, not one;
    "Justice and Equality Movement" stays one."""
    parts = re.split(r" and the | and (?=[A-Z])", name)
    if len(parts) == 1:
        return [(start, name)]
    first = parts[0]
    if " and the " not in name and not (
        first.split()[-1] in HEAD_WORDS or first.isupper() or first in known_names()
    ):
        return [(start, name)]
    result, position = [], start
    for part in parts:
        index = name.index(part, position - start)
        result.append((start + index, part))
        position = start + index + len(part)
    return result


# Words that join a verb to its objects, never the words of one name.
NOT_IN_A_NAME = frozenset({"to", "with", "by", "from", "into", "against", "than", "as"})


def expansion_before(sentence, position, acronym):
    """The words right before `position` that `acronym` abbreviates, if any."""
    if not is_acronym(acronym):
        return None
    words = list(re.finditer(r"[^\s(),;:]+", sentence[max(0, position - 160) : position]))
    offset = max(0, position - 160)
    for start in range(len(words) - 1, max(-1, len(words) - 10), -1):
        first = words[start].group()
        if not (first[0].isupper() or re.match(r"^[a-z]{1,3}-[A-Z]", first)):
            continue
        candidate = sentence[offset + words[start].start() : position].strip()
        # Not across a verb's object: "linked the Boeremag to the Afrikaner
        # Weerstandsbeweging (AWB)" has AWB's letters in another order.
        if abbreviates(acronym, candidate) and not any(
            word in NOT_IN_A_NAME for word in candidate.split()
        ):
            return candidate
    # "Anton Mussert's National Socialist Movement (NSB)": an acronym of the name in its own
    # language, right after a name that is plainly an organisation's.
    named = name_before(sentence, position) or ""
    # The last of "X and the Y (ACR)", without its owner ("Anton Mussert's ...").
    named = re.split(r"\s+and\s+(?:the\s+)?", named)[-1]
    named = named[patron_length(named) :]
    # "Unlike the Zimbabwe People's Revolutionary Army (ZIPRA)": the name after the opening.
    opening, _space, rest = named.partition(" ")
    if opening in OPENING_WORDS and rest:
        named = strip_article(rest)
    if (
        named
        and named.split()[-1] in HEAD_WORDS
        and len(named.split()) >= 2
        and sentence[:position].rstrip().endswith(named)
    ):
        return named
    return None


THEATRE_WORDS = r"(?:Eastern|Western|Northern|Southern|Central|Russian|Italian|Balkan|Macedonian)"
WAR_FRONT_RE = re.compile(
    rf"(?:{THEATRE_WORDS}(?:\s+and\s+|,\s+))*{THEATRE_WORDS}\s+Fronts?|"
    r"Eastern|Western|Northern|Southern"
)
ANOTHER_AFTER_RE = re.compile(r"\s*(?:\([^()]*\))?\s*,\s*(?:another|a\s+rival|a\s+different)\b")
OWN_WING_RE = re.compile(
    r"\b(?:[Ii]ts|[Tt]heir)\s+(?:own\s+)?(?:(?:armed|military|youth|student|women's|"
    r"militant|paramilitary)\s+(?:wing|arm)|(?:naval|air|maritime|intelligence|suicide|elite)\s+"
    r"(?:wing|arm|force|unit|squad|branch|corps))\s*,?\s+"
)
# What says that the names after it are the group's own parts; each branch with the words
# it needs, so that a sentence holding none of them is not searched at all.
COMPONENT_BRANCHES = [
    (("made",), r"made\s+up\s+of"),
    (("composed",), r"composed\s+of"),
    (("comprised",), r"comprised\s+of"),
    (("consist",), r"consist(?:s|ed|ing)?\s+of"),
    (("umbrella",), r"umbrella\s+(?:for|of)"),
    (("member",), r"member\s+(?:groups?|organi[sz]ations|unions|parties)"),
    (("brought",), r"brought\s+together"),
    (("made",), r"(?:that|which)\s+made\s+(?:it|them)\s+up"),
    # "its strongest factions, among them ...", "the leaders of four organisations, ...".
    (
        ("factions", "components", "constituent", "affiliates"),
        r"(?:its|their)\s+(?:(?:strongest|main|largest|principal|leading|biggest|constituent|"
        r"most\s+powerful)\s+)?(?:factions|components|constituent\s+groups|affiliates)",
    ),
    (
        ("leaders",),
        r"leaders\s+of\s+(?:the\s+)?(?:two|three|four|five|six|seven|several)\s+"
        r"(?:organi[sz]ations|groups|movements|factions|parties)",
    ),
    # "In Syria it fielded units such as the Ammar ibn Yasir Brigade".
    (
        ("fielded", "formed", "raised", "deployed"),
        r"(?:fielded|formed|raised|deployed)\s+(?:its\s+own\s+)?(?:units|battalions|brigades)\s+"
        r"(?:such\s+as|including|like)",
    ),
]
COMPONENTS_RE, COMPONENT_WORDS = gated_alternatives(COMPONENT_BRANCHES)
# A source cited in parentheses, which may hold a group's name as its title.
SOURCE_CITED_RE = re.compile(
    r"\((?:UCDP|ACLED|HRW|Human\s+Rights\s+Watch|Amnesty|Wikipedia|Reuters|BBC|AFP|ICG|"
    r"Crisis\s+Group|IRIN|GlobalSecurity|Jane's|PGMD)\b[^()]*\)"
)


GLOSS_CUE_RE = re.compile(r"lit|mean|transl|i\.e\.")
GLOSS_RE = re.compile(
    r"\b(?:lit\.?|literally|meaning|translat\w*(?:\s+as)?|i\.e\.)\s*[:,]?\s*[^),;]{0,80}"
)
# A parenthesis holding a name in another script: a quoted phrase in it is its translation
# ('(Arabic: حركة ..., "Movement of the Noble Ones of Hezbollah")').
SCRIPT_PARENTHESIS_RE = re.compile(r"\([^()]*[^\W\d_\u0000-\u024f][^()]*\)")
QUOTED_RE = re.compile(r"[\"\u201c\u2018'][^\"\u201d\u2019()]{3,80}[\"\u201d\u2019']")
# ", the umbrella body that also ..." or ", which ...": a clause about the name before it.
RELATIVE_OF_NAME_RE = re.compile(
    r"(?:\s*\([^()]*\))?,\s+(?:(?:the|an?)\s+(?:[\w-]+\s+){0,4})?(?:that|which|who)\b[^,;()]*$"
)
OWN_KIND_SUBJECT_RE = re.compile(
    r"\s*(?:The\s+)?(?:[A-Z][\w'-]*\s+)*(?:militias?|groups?|PGM|organi[sz]ation|coalition|"
    r"alliance|umbrella|movement)\b"
)


@lru_cache(maxsize=8192)  # bounded: memory must not grow with the corpus
def _stems(name):
    """The capitalised words of a name, cut to their first five letters."""
    words = re.findall(r"[^\W\d_]+", name)
    return tuple(sorted(w[:5].casefold() for w in words if w[0].isupper() and len(w) > 2))


def same_words(name, own):
    """ "Peace Guards" and "Guardians of Peace": one name in another word order."""
    stems = _stems(name)
    return len(stems) >= 2 and stems == _stems(own) and name_key(name) != name_key(own)


PERSON_OF_RE = re.compile(
    r"^(?P<person>[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,2})\s+of\s+the\s+(?P<org>[A-Z].+)$"
)
# A person's name: two or three capitalised words ("Ángel Morales", "Ahmad Shah Massoud").
PERSON_NAME = r"[A-Z\u00c0-\u00de][\w'.-]+(?:\s+[A-Z\u00c0-\u00de][\w'.-]+){1,2}"
OF_PERSON_RE = re.compile(
    rf"^(?P<org>[A-Z].+?)\s+of\s+(?P<people>{PERSON_NAME}(?:\s+and\s+{PERSON_NAME})?)$"
)


NUMBER_WORDS = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                "Twelve", "Hundred", "Thousand", "First", "Second", "Third"}  # fmt: skip


def _looks_like_a_person(name):
    """ "Jack Lang", "Bashir Gemayel": no organisation word, number or plural noun."""
    words = name.split()
    return not ORGANISATION_WORD_RE.search(name) and not any(
        word in NUMBER_WORDS or (word.endswith("s") and not word.endswith("ss")) for word in words
    )


def party_army(name):
    """ "the Constitutionalist Army of the Liberal Party": (the army, its party), two
    organisations; None for any other name."""
    army, of_the, party = name.partition(" of the ")
    words = army.split()
    if of_the and len(words) > 1 and words[-1] in PARTY_ARMY_HEADS and party.endswith(" Party"):
        return army, party
    return None


PARTY_ARMY_HEADS = {"Army", "Militia", "Guard", "Brigade", "Brigades"}


def without_nationality(name):
    """ "the Colombian M-19": a nationality said of an acronym is no part of its name."""
    first, _space, rest = name.partition(" ")
    if first in countries.demonym_table() and re.fullmatch(r"[A-Z][A-Z0-9/&.-]+", rest):
        return rest  # "MRTA", "M-19"
    return name


def organisation_of_person(name):
    """ "Jack Lang of the Australian Labor Party" -> "Australian Labor Party", "Hezb-e-Islami
    of Gulbuddin Hekmatyar" -> "Hezb-e-Islami"; any other name as it is."""
    person_of = PERSON_OF_RE.match(name)
    if person_of and _looks_like_a_person(person_of.group("person")):
        rest = person_of.group("org")
        if ORGANISATION_WORD_RE.search(rest) or is_known_name(rest):
            return rest
    # "the Alianza Nacional Progresista of Federico Velázquez and Ángel Morales": its leaders;
    # "Hezb-e-Islami of Gulbuddin Hekmatyar", a name the dictionary knows without its leader's
    # (but "Liberation Tigers of Tamil Eelam" is a name whole).
    of_person = OF_PERSON_RE.match(name)
    if of_person and not is_known_name(name):
        people = re.split(r"\s+and\s+", of_person.group("people"))
        organisation = of_person.group("org")
        if all(
            _looks_like_a_person(person) and not countries.code_for(person) for person in people
        ):
            if (len(people) > 1 and ORGANISATION_WORD_RE.search(organisation)) or (
                is_known_name(organisation)
                and not any(
                    word in GENERIC_BODY_WORDS for word in of_person.group("people").split()
                )
            ):
                return organisation
    return name


OWN_NAMED_BODY_RE = re.compile(r"\s+(?:Party|Parti|Partido)\b")


# An appositive saying that a name is the state's: "..., a security unit that ...".
STATE_BODY_AFTER_RE = re.compile(
    r"(?:\s*\([^()]*\))?,\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:security|police|army|military|"
    r"government|state|intelligence|presidential|paramilitary\s+police)\s+(?:unit|force|agency|"
    r"service|body|squad|department|branch)\b"
)
ALSO_KNOWN_AS_BEFORE_RE = re.compile(
    r",?\s+(?:also|commonly|better|otherwise)\s+(?:known|called)\s+as\s+(?:the\s+)?$"
)


class MentionReader:
    """Collects the organisations a profile names, sentence by sentence."""

    def __init__(self, is_own, own_names):
        self.own_names = [n for n in own_names if n]
        self.is_own_name = is_own
        self.matchers = [m for m in (_archive["matcher"], known_matcher()) if m is not None]
        self.mentions: dict[str, ParsedMention] = {}
        self.expansions: dict[str, str] = {}  # acronym key -> key of its long form
        self.long_forms: dict[str, str] = {}  # key -> the long form as written
        self.variants: dict[str, str] = {}  # our own names, reworded, met in the text
        self.components: set[str] = set()  # keys of the groups it is made up of
        self.occurrences: dict[str, list[Occurrence]] = {}  # key -> every place it is named
        self.relations = []  # the ties read by the rules, whose targets follow merged names
        # The data file's organisation(s) we are: its other names are ours, not mentions. An
        # acronym says which only when no full name does: the Kosovo and the Macedonian
        # liberation armies were both "UÇK".
        full_names = [n for n in self.own_names if not (n.isupper() and " " not in n)]
        self.own_canonical = {canonical_key(n) for n in full_names} - {None} or {
            canonical_key(n) for n in self.own_names
        } - {None}

    def is_own(self, name):
        if self.is_own_name(name):
            return True
        if any(same_words(name, own) for own in self.own_names):
            self.variants.setdefault(name_key(name), name)  # "Peace Guards": ours, reordered
            return True
        if self.own_canonical and canonical_key(name) in self.own_canonical:
            return True
        if is_acronym(name):
            return any(abbreviates(name, own) for own in self.own_names)
        # "Muerte a Secuestradores" for a group also called MAS.
        return any(is_acronym(own) and abbreviates(own, name) for own in self.own_names)

    def _said_of_another(self, before):
        """Whether `before` ends inside a relative clause, or an appositive's, of another
        group named right before it."""
        relative = RELATIVE_OF_NAME_RE.search(before)
        if not relative:
            return False
        other = name_before(before, relative.start())
        return bool(other) and not self.is_own(other)

    def learn_expansions(self, sentence):
        """ "al-Qaeda in Iraq (AQI)": the acronym stands for the long name before it, wherever
        either is written; the long name is the shortest run of words it abbreviates."""
        for match in PAREN_ACRONYM_RE.finditer(sentence) if "(" in sentence else ():
            acronym = match.group(1)
            long_name = expansion_before(sentence, match.start(), acronym)
            if long_name and not self.is_own(long_name) and not self.is_own(acronym):
                self.expansions[name_key(acronym)] = name_key(long_name)
                self.long_forms[name_key(long_name)] = long_name

    def long_form(self, name):
        """The name a text spells out for an acronym it uses ("LRA" -> "Lord's Resistance
        Army"), else the name itself."""
        key = self.expansions.get(name_key(name))
        return self.long_forms[key] if key else name

    def read(self, statement_text, evidence, section=""):
        sentence = statement_text
        taken = []  # spans already read as one name
        # "lit. 'National Security Force'": a translation, not another group.
        if GLOSS_CUE_RE.search(sentence):
            taken += [(gloss.start(), gloss.end()) for gloss in GLOSS_RE.finditer(sentence)]
        if "(" in sentence and not sentence.isascii():
            for parenthesis in SCRIPT_PARENTHESIS_RE.finditer(sentence):
                quoted = QUOTED_RE.finditer(sentence, parenthesis.start(), parenthesis.end())
                taken += [(quote.start(), quote.end()) for quote in quoted]
        # "The militia was made up of several groups, such as ...": its own components.
        parts = None
        if any(map(sentence.__contains__, COMPONENT_WORDS)):
            parts = COMPONENTS_RE.search(sentence)
        # "the CGSB, the umbrella body that brought together the ELN, ...": the CGSB's parts.
        if parts and self._said_of_another(sentence[: parts.start()]):
            parts = None
        if parts and (
            clause_speaks_of(sentence[: parts.start()], self.is_own)
            or OWN_KIND_SUBJECT_RE.match(sentence[: parts.start()])
        ):
            taken.append((parts.end(), len(sentence)))
            # Its parts stay its parts wherever the text names them again.
            listed = sentence[parts.end() :]
            self.components.update(
                name_key(name)
                for *_span, name in [*self._dictionary_names(listed), *shaped_names(listed)]
            )
        # "(UCDP Forest Brothers and White Legion – Republic of Abkhazia)": a source cited.
        if "(" in sentence:
            taken += [(cited.start(), cited.end()) for cited in SOURCE_CITED_RE.finditer(sentence)]

        # "Its paramilitary wing, the Stormjaers": a part of the group, not another group.
        if " wing" in sentence or " arm" in sentence or "its " in sentence:
            for wing in OWN_WING_RE.finditer(sentence):
                if re.search(r"[A-Z][\w'-]*\s+and\s+$", sentence[: wing.start()]):
                    continue  # "Hamas and its armed wing, the Qassam Brigades": Hamas's
                found = name_at(sentence, wing.end())
                if found:
                    taken.append((found[1], found[2]))
        # Our own names are ours whole: no shorter name is read inside them ("Milice" in
        # "Milice Civile").
        # A faction named after us is another group ("FLEC-FAC", "ASALA-Revolutionary
        # Movement"), read whole.
        factions = []
        split_told = SPLIT_CUE_RE.search(sentence)
        for own in self.own_names:
            if len(own) >= 4 and own in sentence:
                for start, end in _occurrences(sentence, own):
                    faction = split_told and FACTION_SUFFIX_RE.match(sentence, end)
                    if (
                        faction
                        and not is_known_name(faction.group(1))
                        and not OWN_NAME_GIVEN_BEFORE_RE.search(sentence, max(0, start - 25), start)
                    ):
                        factions.append((start, faction.end(), sentence[start : faction.end()]))
                    # "the Lebanese Forces Party": a body named after the group, not the group.
                    elif not OWN_NAMED_BODY_RE.match(sentence, end):
                        taken.append((start, end))
        # Candidates from every source; the longest reading of each place wins ("Mau Mau
        # Youth Movement" over the known "Mau Mau"), then the surest source.
        candidates = factions
        for matcher in self.matchers:
            for start, end, _ in matcher.find(sentence):
                if self._own_faction_told_as_ours(sentence, start, end, split_told):
                    taken.append((start, end))
                else:
                    candidates.append((start, end, sentence[start:end]))
        for match in (
            PAREN_ACRONYM_RE.finditer(sentence) if self.expansions and "(" in sentence else ()
        ):
            if name_key(match.group(1)) not in self.expansions:
                continue
            long_name = expansion_before(sentence, match.start(), match.group(1))
            if long_name:
                start = sentence.rfind(long_name, 0, match.start())
                candidates.append((start, start + len(long_name), long_name))
                taken.append((match.start(1), match.end(1)))  # the acronym is its alias
        candidates += shaped_names(sentence)
        # A bare acronym neither known nor expanded is too often a state body, a source or a
        # camp to be asserted as a group: the dictionary and the expansions find the rest.
        if self.expansions:
            candidates += [
                (m.start(1), m.end(1), m.group(1))
                for m in ACRONYM_RE.finditer(sentence)
                if name_key(m.group(1)) in self.expansions
            ]
        for start, end, name in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            self._add(sentence, taken, evidence, start, end, name, section)

    def _add(self, sentence, taken, evidence, start, end, name, section):
        name = strip_article(name.strip(" ,;:"))
        name = POSSESSIVE_END_RE.sub("", name)  # "the MRND's youth wing": the MRND
        # "of the Tupac Amaru Revolutionary Movement", "Fighting the New People's Army":
        # the name is what follows.
        lead = LEADING_NOT_NAME_RE.match(name)
        if lead and lead.end() < len(name):
            name = name[lead.end() :]
            if not is_mentionable(name, sentence[end : end + 30]):
                return  # "Officials of the Party": leave the place to "Party of Regions"
        if any(s < end and start < e for s, e in taken) or not name:
            return
        # "Jack Lang of the Australian Labor Party": a person of a party; the party is named.
        organisation = organisation_of_person(without_nationality(name))
        if organisation != name:
            at = sentence.find(organisation, start, end)
            self._add(sentence, taken, evidence, at, at + len(organisation), organisation, section)
            return
        # The longest reading decides: inside "Uganda People's Defence Force" (the state's)
        # no shorter name is read.
        taken.append((start, end))
        # "the Shining Path and of the Tupac Amaru Revolutionary Movement": two names.
        parts = COORDINATED_OF_RE.split(name)
        if len(parts) > 1:
            for part in parts:
                at = sentence.find(part, start, end)
                if part and at >= 0:
                    self._add(sentence, [], evidence, at, at + len(part), part, section)
            return
        # "the Three Brotherhood Alliance of the Myanmar National Democratic Alliance Army":
        # two known names, not one (a name of its own, "Army of the Republic of ...", is not
        # two known ones).
        owner, of_the, owned = name.partition(" of the ")
        if (
            of_the
            and ((is_known_name(owner) and is_known_name(owned)) or party_army(name))
            and not is_known_name(name)
        ):
            for part in (owner, owned):
                at = sentence.find(part, start, end)
                self._add(sentence, [], evidence, at, at + len(part), part, section)
            return
        # "broke away from the Army of Free Lebanon, another militia": not ours reworded.
        another = ANOTHER_AFTER_RE.match(sentence, end) and not self.is_own_name(name)
        if (not another and self.is_own(name)) or not is_mentionable(
            name, sentence[end : end + 30]
        ):
            return
        if self._alternative_in_parentheses(sentence, start, end):
            return
        if STATE_BODY_AFTER_RE.match(sentence, end):
            return  # "the Black Mamba Urban Hit Squad, a security unit that stormed ..."
        key = name_key(name)
        if key in self.components:
            return
        if key in self.expansions:
            key = self.expansions[key]
            name = self.long_forms[key]
            if self.is_own(name) or not is_mentionable(name):
                return  # "UPDF" stands for the Uganda People's Defence Force: the state's
        if key not in self.mentions:
            self.mentions[key] = ParsedMention(name, evidence)
        self.occurrences.setdefault(key, []).append(
            Occurrence(sentence, start, end, section, evidence)
        )

    def _own_faction_told_as_ours(self, sentence, start, end, split_told):
        """Whether a known name read with a faction's suffix ("MSA-D") is our faction that the
        sentence does not tell apart from us."""
        dash = max(sentence.rfind("-", start, end), sentence.rfind("\u2013", start, end))
        if dash <= start or not FACTION_SUFFIX_RE.fullmatch(sentence, dash, end):
            return False
        if not self.is_own(sentence[start:dash]):
            return False
        return not split_told or bool(
            OWN_NAME_GIVEN_BEFORE_RE.search(sentence, max(0, start - 25), start)
        )

    def _dictionary_names(self, text):
        return [
            (start, end, text[start:end]) for m in self.matchers for start, end, _ in m.find(text)
        ]

    def _alternative_in_parentheses(self, sentence, start, end):
        """ "the Group for the Support of Islam and Muslims (JNIM)", "the Awakening (Sahwa)",
        "the Kataeb Party, also known as the Phalange": a name in parentheses right after
        another, or given as what it is also known as, is that one's other name."""
        if sentence[:start].rstrip().endswith("(") and sentence[end:].lstrip()[:1] == ")":
            outer = name_before(sentence, sentence.rfind("(", 0, start))
        elif known_as := ALSO_KNOWN_AS_BEFORE_RE.search(sentence, 0, start):
            outer = name_before(sentence, known_as.start())
        else:
            return False
        return bool(outer) and (self.is_own(outer) or name_key(outer) in self.mentions)

    def _fuller_name(self, key, among=None):
        """The mention a short form stands for: "Kataeb" after "Kataeb Regulatory Forces",
        the "Islamic Army" of a text naming the "Islamic Army in Iraq"."""
        among = self.mentions if among is None else among
        return next(
            (
                other
                for other in among
                if other.startswith(key + " ")
                or (other.endswith(" " + key) and other[: -len(key) - 1].isdigit())
            ),
            None,
        )

    def add_relation_target(self, relation):
        self.relations.append(relation)
        relation.target = self.long_form(relation.target)
        key = name_key(relation.target)
        fuller = None if key in self.mentions else self._fuller_name(key)
        if fuller:
            relation.target, key = self.mentions[fuller].name, fuller
        mention = self.mentions.get(key)
        if mention is None:
            self.mentions[key] = mention = ParsedMention(relation.target, relation.evidence)
        if not mention.relation:
            mention.relation = relation.relation

    def result(self):
        kept = {}
        same = {}  # key of a name -> key of the mention it is another name of
        by_canonical = {}
        for key, mention in self.mentions.items():
            mention.occurrences = list(self.occurrences.get(key, ()))
            # "ANP" after "Awami National Party": the data file knows them as one.
            canonical = canonical_key(mention.name)
            fuller = by_canonical.get(canonical) if canonical else None
            fuller = fuller or self._fuller_name(key, among=kept)
            if fuller is None:
                kept[key] = mention
                if canonical:
                    by_canonical[canonical] = key
                continue
            same[key] = fuller
            kept[fuller].occurrences += mention.occurrences  # a short form of a group named before
            if mention.relation and not kept[fuller].relation:
                kept[fuller].relation = mention.relation
        for relation in self.relations:
            target = same.get(name_key(relation.target))
            if target:
                relation.target = kept[target].name
        return list(kept.values())
