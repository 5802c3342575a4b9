"""Write a synthetic corpus of armed-group profiles, to benchmark the importer.

    python -m bench.make_corpus N DIR [--seed S]

writes DIR/profile_00001.txt ... about half encyclopedia extracts (format A: a title
line, a blank line, paragraphs with citation markers) and half Militias Guidebook
descriptions (format B: `NAME (COUNTRY)`, a blank line, labelled lines from `Country:`
to `References:`). All wording is our own: group, person and place names are invented
from syllables; only the country names are real (pycountry).

How it stays fast, streaming and linkable:

- Everything about group i (its name, countries, years, format) is a pure function of
  (seed, i), so a profile can name another group without any file or list of names
  being kept: the generator holds one block of group summaries at a time.
- Groups come in blocks of BLOCK consecutive files that share a country and a conflict
  period. Relations ("broke away from X", "fought against X", ...) point mostly at other
  groups of the same block, and sometimes at an earlier group anywhere, so they resolve
  across files. Some relations name organisations that have no profile.
- Every group name contains a word derived bijectively from i, so names never collide.
- The same N and seed always give the same bytes.
"""

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

BLOCK = 6
FIRST_YEAR = 1900
LAST_YEAR = 2020
MIN_BYTES = 1024
MAX_BYTES = 3072

# ---------------------------------------------------------------------------- words

ONSETS = [
    "b",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "sh",
    "kh",
    "dr",
]
VOWELS = "aeiou"
SYLLABLES = [onset + vowel for onset in ONSETS for vowel in VOWELS]
# Consonant-only endings keep the syllable split (and so the index) recoverable.
ENDINGS = ["", "n", "r", "l", "s", "m", "k", "nd"]
SPACE2 = len(SYLLABLES) ** 2 * len(ENDINGS)
SPACE3 = len(SYLLABLES) ** 3 * len(ENDINGS)
MULTIPLIER = 7919  # prime, coprime with both spaces: i -> (i * M + offset) % space is a bijection

# The guidebook's labels, in its order.
LABELS = [
    "Country",
    "Details of Formation",
    "Details of Termination",
    "Purpose",
    "Organisation",
    "Weapons and Training",
    "Size",
    "Reason for Membership",
    "Treatment of Civilians",
    "Other Information",
    "References",
]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

FIRST_NAMES = [
    "Amir",
    "Tomas",
    "Ngozi",
    "Luis",
    "Mehmet",
    "Ana",
    "Rashid",
    "Pedro",
    "Samuel",
    "Yusuf",
    "Elena",
    "Kwame",
    "Ibrahim",
    "Carlos",
    "Dmitri",
    "Fatima",
    "Joseph",
    "Arjun",
    "Hassan",
    "Miguel",
    "Ousmane",
    "Sergei",
    "Teodoro",
    "Bilal",
    "Nadia",
    "Emeka",
    "Ramon",
    "Viktor",
    "Abdullahi",
    "Jean-Pierre",
    "Lucia",
    "Farid",
    "Grace",
    "Anwar",
    "Mateo",
    "Tariq",
    "Khalid",
    "Aung",
    "Rodrigo",
    "Musa",
]
TITLES = ["", "", "", "Colonel ", "Major ", "Captain ", "General ", "Chief ", "Commander "]
ROLES = [
    "a retired army officer",
    "a local landowner",
    "a former police inspector",
    "the provincial governor",
    "a trader from the market district",
    "a veteran of the previous war",
    "a regional party secretary",
    "a traditional chief",
    "a former rebel commander",
    "a businessman with ties to the ruling party",
]

# Group names: the English form, then Spanish, French and Portuguese forms or None.
NAME_TEMPLATES = [
    (
        "{P} Self-Defence Forces",
        "Autodefensas de {P}",
        "Forces d'autodéfense de {P}",
        "Forças de Autodefesa de {P}",
    ),
    (
        "People's Militia of {P}",
        "Milicia Popular de {P}",
        "Milice populaire de {P}",
        "Milícia Popular de {P}",
    ),
    (
        "{P} Civil Patrols",
        "Patrullas Civiles de {P}",
        "Patrouilles civiles de {P}",
        "Patrulhas Civis de {P}",
    ),
    (
        "{P} Volunteer Guard",
        "Guardia Voluntaria de {P}",
        "Garde volontaire de {P}",
        "Guarda Voluntária de {P}",
    ),
    (
        "{P} Patriotic Front",
        "Frente Patriótico de {P}",
        "Front patriotique de {P}",
        "Frente Patriótica de {P}",
    ),
    ("{P} Rural Defence Committees", "Comités de Defensa Rural de {P}", None, None),
    ("Sons of {P}", "Hijos de {P}", "Fils de {P}", "Filhos de {P}"),
    ("Martyr {P} Brigade", "Brigada Mártir {P}", "Brigade du martyr {P}", None),
    ("{P} Youth League", "Liga Juvenil de {P}", "Ligue de la jeunesse de {P}", None),
    ("{P} Home Guard", None, "Garde territoriale de {P}", None),
    ("{P} Tribal Levies", None, None, None),
    ("{P} Peace Committee", "Comité de Paz de {P}", "Comité de paix de {P}", None),
    ("{P} Hunters' Association", None, "Association des chasseurs de {P}", None),
    ("United Defenders of {P}", "Defensores Unidos de {P}", None, "Defensores Unidos de {P}"),
    ("{P} Special Auxiliary Force", None, None, None),
    ("{P} Popular Mobilisation Units", None, None, None),
    ("{P} Border Scouts", None, "Éclaireurs de la frontière de {P}", None),
    ("Loyalist Volunteers of {P}", None, None, None),
    ("{P} Citizens' Watch", "Vigilancia Ciudadana de {P}", None, None),
    ("{P} Security Battalion", "Batallón de Seguridad de {P}", None, None),
    ("{P} Community Defence Network", None, None, None),
    ("Revolutionary Guards of {P}", "Guardias Revolucionarias de {P}", None, None),
    ("Free {P} Legion", None, "Légion libre de {P}", None),
    ("{P} Mountain Rangers", None, None, None),
    ("{P} Highway Protection Corps", None, None, None),
    ("{P} Workers' Militia", "Milicia Obrera de {P}", "Milice ouvrière de {P}", None),
    ("{P} Student Action Front", None, None, None),
    ("{P} Order Keepers", None, None, None),
]
LANGUAGES = ("Spanish", "French", "Portuguese")
SPANISH = set("AR BO CL CO CR CU DO EC SV GT HN MX NI PA PY PE ES UY VE GQ".split())
FRENCH = set("FR BE SN ML NE BF CI GN TD CM CF CG CD GA BJ TG HT MG DJ BI KM".split())
PORTUGUESE = set("BR PT AO MZ GW CV ST TL".split())

# Nicknames given with "also known as": always built on the group's own unique word.
NICKNAMES = [
    "{P} Boys",
    "{P} Guards",
    "Brigade {P}",
    "Black Scarves of {P}",
    "{P} Night Watch",
    "{P} Lions",
    "Green Berets of {P}",
    "{P} Irregulars",
]
# Organisations that are never profiled here (so a link to them stays unresolved).
INSURGENT_TEMPLATES = [
    "{P} Liberation Army",
    "Revolutionary Armed Movement of {P}",
    "{P} National Resistance",
    "{P} People's Army",
    "{P} Separatist Council",
    "Armed Front for the Independence of {P}",
    "{P} Insurgent Command",
]
SPONSOR_TEMPLATES = [
    "{P} Cattle Ranchers' Federation",
    "{P} Mining Company",
    "National Renewal Party of {P}",
    "{P} Planters' Union",
    "{P} Chamber of Commerce",
]

KINDS = [
    "pro-government militia",
    "vigilante group",
    "paramilitary force",
    "self-defence militia",
    "civil defence force",
    "auxiliary militia",
    "party militia",
    "ethnic militia",
    "village guard force",
    "counter-insurgency militia",
]
CONFLICTS = [
    "civil war",
    "insurgency",
    "separatist rebellion",
    "border conflict",
    "communal violence",
    "guerrilla war",
    "post-election crisis",
    "land conflict",
    "counter-insurgency campaign",
]
DIRECTIONS = [
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north-eastern",
    "south-western",
]
MEMBERS = ["members", "fighters", "volunteers", "men", "patrollers", "recruits"]
SIZE_WORDS = {
    2000: "two thousand",
    3000: "three thousand",
    5000: "five thousand",
    10000: "ten thousand",
    3000000: "three million",
}

# Real countries, minus uninhabited or tiny territories; conflict-prone ones are likelier.
_EXCLUDED = set(
    "AQ BV HM UM TF IO GS PN CC CX NF TK NU CK WF PM SJ AX FK GI VA MC SM LI AD MS AI VG VI "
    "KY TC BM FO GL AW CW SX BQ BL MF GP MQ RE YT GF NC PF AS GU MP PR HK MO IM JE GG SH "
    "NR TV PW MH".split()
)
_NAME_OVERRIDES = {
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "PS": "Palestine",
    "RU": "Russia",
    "BN": "Brunei",
    "FM": "Micronesia",
    "TR": "Turkey",
}
_LIKELY = set(
    "CO PE GT SV NI MX VE BR HT NG CM TD SD SS SO ET KE UG CD CF RW BI ML NE BF LY DZ EG SY "
    "IQ YE AF PK IN BD LK MM TH PH ID TL NP RU UA GE AZ TJ LB PS TR IR ZW MZ AO SL LR CI".split()
)


def _countries():
    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        if country.alpha_2 in _EXCLUDED:
            continue
        name = _NAME_OVERRIDES.get(country.alpha_2) or getattr(country, "common_name", None)
        name = name or country.name
        if "," in name or "(" in name:
            continue
        countries.append((country.alpha_2, name))
    return countries


COUNTRIES = _countries()
COUNTRY_WEIGHTS = [4 if code in _LIKELY else 1 for code, _ in COUNTRIES]


def _cumulative(weights):
    total, out = 0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


COUNTRY_CUM = _cumulative(COUNTRY_WEIGHTS)


def _word(rng, syllables=2):
    """A pronounceable invented word; not unique."""
    return (
        "".join(rng.choice(SYLLABLES) for _ in range(syllables)) + rng.choice(ENDINGS)
    ).capitalize()


@lru_cache(maxsize=8)
def _offsets(seed):
    rng = random.Random(f"{seed}/names")
    return rng.randrange(SPACE2), rng.randrange(SPACE3)


def unique_word(seed, index):
    """The invented word that makes group `index`'s name unique (a bijection of index)."""
    offset2, offset3 = _offsets(seed)
    if index < SPACE2:
        key, count = (index * MULTIPLIER + offset2) % SPACE2, 2
    elif index < SPACE2 + SPACE3:
        key, count = ((index - SPACE2) * MULTIPLIER + offset3) % SPACE3, 3
    else:
        raise ValueError(f"at most {SPACE2 + SPACE3} groups")
    key, ending = divmod(key, len(ENDINGS))
    # Shift each syllable by a hash of the digits before it: still invertible, but
    # neighbouring indices no longer share their first syllable.
    mix = ending + 1
    parts = []
    for _ in range(count):
        key, syllable = divmod(key, len(SYLLABLES))
        syllable = (syllable + ((mix * 2654435761) >> 11)) % len(SYLLABLES)
        parts.append(SYLLABLES[syllable])
        mix = mix * 131 + syllable + 7
    return ("".join(parts) + ENDINGS[ending]).capitalize()


def acronym(name):
    letters = [
        part[0] for word in name.split() for part in word.split("-") if part and part[0].isupper()
    ]
    return "".join(letters) if len(letters) >= 3 else None


# ---------------------------------------------------------------------------- groups


@dataclass(frozen=True)
class Block:
    countries: tuple  # ((code, name), ...) the first is the main one
    conflict: str
    war_start: int
    war_end: int
    formats: tuple  # "A"/"B" for each slot of the block


@dataclass(frozen=True)
class Core:
    """What another profile may need to know about group i."""

    index: int
    name: str
    acronym: str | None
    template: int
    countries: tuple
    formed: int
    ended: int | None
    format: str


def _pick_country(rng):
    return COUNTRIES[_bisect(COUNTRY_CUM, rng.random() * COUNTRY_CUM[-1])]


def _bisect(cumulative, value):
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] > value:
            hi = mid
        else:
            lo = mid + 1
    return lo


def make_block(seed, number):
    rng = random.Random(f"{seed}/block/{number}")
    countries = [_pick_country(rng)]
    if rng.random() < 0.15:
        other = _pick_country(rng)
        if other != countries[0]:
            countries.append(other)
    war_start = rng.randint(FIRST_YEAR, 2008)
    war_end = min(LAST_YEAR, war_start + rng.randint(2, 30))
    formats = ["A", "B"] * (BLOCK // 2) + ["A"] * (BLOCK % 2)
    rng.shuffle(formats)
    return Block(tuple(countries), rng.choice(CONFLICTS), war_start, war_end, tuple(formats))


def make_core(seed, index, block):
    rng = random.Random(f"{seed}/group/{index}")
    template = rng.randrange(len(NAME_TEMPLATES))
    name = NAME_TEMPLATES[template][0].format(P=unique_word(seed, index))
    formed = min(2016, max(FIRST_YEAR, block.war_start + rng.randint(-3, 12)))
    ended = formed + rng.randint(2, 35)
    if ended > LAST_YEAR or (formed > 1970 and rng.random() < 0.2):
        ended = None
    return Core(
        index=index,
        name=name,
        acronym=acronym(name),
        template=template,
        countries=block.countries,
        formed=formed,
        ended=ended,
        format=block.formats[index % BLOCK],
    )


# ---------------------------------------------------------------------------- writing


@dataclass
class Stats:
    files: int = 0
    bytes: int = 0
    formats: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    # Main country of the groups whose span overlaps 1990-2000, for the filter benchmark.
    countries_1990s: Counter = field(default_factory=Counter)
    seconds: float = 0.0


class _Profile:
    """Builds one profile's text from its group's Core and a per-file random stream."""

    def __init__(self, seed, core, block, peers, n):
        self.rng = random.Random(f"{seed}/text/{core.index}")
        self.core = core
        self.block = block
        self.peers = peers  # Cores of other groups this one may be tied to
        self.n = n
        self.word = unique_word(seed, core.index)
        self.active = core.ended is None
        rng = self.rng
        self.country = core.countries[0][1]
        self.founder = self.person()
        self.leader = self.person() if rng.random() < 0.6 else self.founder
        self.town = _word(rng)
        self.town2 = _word(rng)
        # The length this file aims at, in bytes (before trimming to MAX_BYTES).
        self.goal = int(rng.triangular(MIN_BYTES + 100, MAX_BYTES - 300, 1500))

    # -- small pieces

    def person(self):
        rng = self.rng
        return f"{rng.choice(TITLES)}{rng.choice(FIRST_NAMES)} {_word(rng)}"

    def be(self):
        return "is" if self.active else "was"

    def last_year(self):
        return self.core.ended or LAST_YEAR

    def year_between(self, first, last):
        return self.rng.randint(first, max(first, last))

    def count(self, low, high):
        """A round-ish number between low and high, formatted with commas."""
        value = self.rng.randint(low, high)
        digits = len(str(value))
        step = 10 ** max(0, digits - 2)
        return f"{value // step * step:,}"

    def date(self, year, latest=LAST_YEAR, decades=True, ranges=True):
        """(phrase with its preposition, first year, last year) in a varied form."""
        rng = self.rng
        roll = rng.random()
        month = rng.choice(MONTHS)
        if roll < 0.25:
            return f"in {year}", year, year
        if roll < 0.40:
            return f"in {month} {year}", year, year
        if roll < 0.52:
            return f"on {rng.randint(1, 28)} {month} {year}", year, year
        if roll < 0.62:
            return f"on {month} {rng.randint(1, 28)}, {year}", year, year
        if ranges and roll < 0.70 and year + 1 <= latest:
            end = min(latest, year + rng.randint(1, 9))
            return f"between {year} and {end}", year, end
        if ranges and roll < 0.78 and year + 1 <= latest:
            end = min(latest, year + rng.randint(1, 3))
            return f"in {year}–{end}", year, end
        if ranges and roll < 0.82:
            first = rng.randrange(0, 11)
            second = rng.randint(first + 1, 11)
            return f"between {MONTHS[first]} and {MONTHS[second]} {year}", year, year
        decade = year // 10 * 10
        if decades and decade + 9 <= latest:
            part = rng.choice(["", "", "early ", "mid-", "late "])
            return f"in the {part}{decade}s", decade, decade + 9
        return f"in {year}", year, year

    def target(self):
        """Another generated group, and how the text names it."""
        other = self.rng.choice(self.peers)
        name = other.name
        if other.acronym and self.rng.random() < 0.2:
            name = f"{name} ({other.acronym})"
        article = "the " if self.rng.random() < 0.85 else ""
        return other, article + name

    def outside(self, templates):
        """An organisation with no profile."""
        name = self.rng.choice(templates).format(P=_word(self.rng))
        return "the " + name

    def quantity(self):
        """A phrase for the strength of the whole group ("between 3,000 and 5,000 men")."""
        rng = self.rng
        noun = rng.choice(MEMBERS)
        roll = rng.random()
        if roll < 0.05:
            value = rng.choice([11, 12, 13, 15, 18, 24]) * 100000
            return f"{value / 1e6:.1f} million {noun}"
        if roll < 0.10:
            value = rng.choice(sorted(SIZE_WORDS))
            return f"{SIZE_WORDS[value]} {noun}"
        top = int(10 ** rng.uniform(1.7, 4.7))
        if roll < 0.35:
            low = self.count(max(10, top // 3), max(10, top * 2 // 3))
            high = self.count(top, top + top // 2)
            return f"between {low} and {high} {noun}"
        qualifier = rng.choice(["", "", "about ", "some ", "more than ", "roughly ", "nearly "])
        return f"{qualifier}{self.count(top, top * 2)} {noun}"

    # -- sentences shared by both formats

    def formation_sentence(self):
        core, rng = self.core, self.rng
        phrase, first, last = self.date(core.formed, latest=min(LAST_YEAR, self.last_year()))
        self.formed_first, self.formed_last = first, last
        forms = [
            f"{self.founder}, {rng.choice(ROLES)}, set up the group {phrase} in {self.town}.",
            f"The militia took shape {phrase} around {self.town}, where {rng.choice(self.triggers())}.",
            f"It was founded {phrase} by {self.founder} to {rng.choice(self.aims())}.",
            f"Its first units appeared {phrase}, {self.war(first)}.",
            f"{self.founder} raised the first companies {phrase} with the support of the "
            f"local garrison in {self.town}.",
        ]
        return rng.choice(forms)

    def war(self, year=None):
        """The block's conflict, placed relative to `year` when given."""
        block = self.block
        war = f"{block.conflict} of {block.war_start}–{block.war_end}"
        if year is None:
            return war
        if year < block.war_start:
            return f"shortly before the {war}"
        if year > block.war_end:
            return f"in the aftermath of the {war}"
        return f"during the {war}"

    def triggers(self):
        return [
            "cattle raids had emptied several villages",
            "rebels had attacked the police post",
            "traders demanded protection from armed robbers",
            "the army had withdrawn its last battalion",
            "an election dispute had turned violent",
        ]

    def aims(self):
        return [
            "protect farms and roads from rebel attacks",
            "back the army against the insurgents",
            "police the markets of the district",
            "intimidate opposition voters",
            "guard oil and mining installations",
            "hunt down armed robbers",
        ]

    def termination_sentence(self):
        """The end of the group, or None when it is still active."""
        if self.active:
            return None
        rng = self.rng
        year = max(self.core.ended, self.formed_last + 1)
        if year > LAST_YEAR:
            self.active = True
            return None
        self.ended_year = year
        phrase, _, last = self.date(year, decades=rng.random() < 0.3)
        self.ended_last = last
        forms = [
            f"The government disbanded the group {phrase}.",
            f"It was demobilised {phrase} under a peace agreement with the rebels.",
            f"The militia was outlawed {phrase} after a string of killings in {self.town2}.",
            f"The group broke up {phrase}, when its leader {self.leader} was arrested.",
            f"Its units were dissolved {phrase} and some members joined the police.",
            f"It lost official backing {phrase} and soon ceased to exist.",
        ]
        if len(self.peers) and rng.random() < 0.15:
            _, target = self.target()
            forms = [f"{phrase[0].upper()}{phrase[1:]} it merged into {target}."]
        return rng.choice(forms)

    def active_sentence(self):
        return self.rng.choice(
            [
                "The group remains active.",
                f"It was still operating in {self.year_between(max(self.formed_last, 2010), LAST_YEAR)}.",
                "No formal dissolution has been reported, and its units continue to patrol.",
            ]
        )

    def relation_sentences(self):
        """0-3 sentences that each tie the group to another named organisation."""
        rng = self.rng
        out = []
        count = rng.choice([0, 1, 1, 2, 2, 2, 3]) if self.peers else rng.choice([0, 0, 1])
        used = set()
        for _ in range(count):
            kind = rng.choice(
                ["splinter", "rival", "rival", "ally", "sponsor", "part", "successor", "outside"]
            )
            if kind == "outside" or not self.peers:
                rival = self.outside(INSURGENT_TEMPLATES)
                sponsor = self.outside(SPONSOR_TEMPLATES)
                out.append(
                    rng.choice(
                        [
                            f"It fought against {rival} in the hills around {self.town2}.",
                            f"The group was financed by {sponsor}, whose estates it guarded.",
                            f"Its main antagonist was {rival}.",
                        ]
                    )
                )
                continue
            other, target = self.target()
            if other.index in used:
                continue
            used.add(other.index)
            year = self.year_between(self.core.formed, self.last_year())
            if kind == "splinter":
                year = self.core.formed
            choices = {
                "splinter": [
                    f"It broke away from {target} in {year} after a quarrel over command.",
                    f"The group began as a splinter of {target}.",
                    f"Dissidents who broke away from {target} formed its core.",
                ],
                "rival": [
                    f"In {year} it fought against {target} for control of {self.town2}.",
                    f"It was a rival of {target} throughout the {self.block.conflict}.",
                    f"Its main antagonist was {target}.",
                    f"Its fighters fought against {target} along the {self.town2} road.",
                ],
                "ally": [
                    f"It allied with {target} against the rebels in {year}.",
                    f"From {year} the group was allied with {target}.",
                ],
                "sponsor": [
                    f"It was financed by {target}.",
                    f"The militia was armed by {target} and by local businessmen.",
                    f"According to several reports it was sponsored by {target}.",
                ],
                "part": [
                    f"It served as the youth wing of {target}.",
                    f"The group operated as a unit of {target}.",
                    f"It began as the youth wing of {target} in {self.town}.",
                ],
                "successor": [
                    f"It presented itself as the successor to {target}.",
                    f"Former commanders described it as a successor to {target}.",
                ],
            }
            out.append(rng.choice(choices[kind]))
        return out

    def comparison_sentence(self):
        """Names another group without tying the two together."""
        if not self.peers or self.rng.random() < 0.7:
            return None
        other = self.rng.choice(self.peers)
        return self.rng.choice(
            [
                f"Observers often compared it with the {other.name}, although the two never coordinated.",
                f"Reports from the period sometimes confused it with the {other.name}.",
            ]
        )

    def size_sentences(self):
        rng = self.rng
        phrase = self.quantity()
        year = self.year_between(self.formed_last, self.last_year())
        out = [
            rng.choice(
                [
                    f"At its height the group counted {phrase}.",
                    f"Estimates from {year} put its strength at {phrase}.",
                    f"It claimed {phrase}, a figure that observers considered inflated.",
                    f"By {year} it had grown to {phrase}.",
                ]
            )
        ]
        if rng.random() < 0.4:
            out.append(
                f"Its {rng.choice(DIRECTIONS)} battalion alone had about {self.count(40, 600)} men."
            )
        if rng.random() < 0.3:
            out.append(
                f"Only {self.count(50, 900)} of them drew a regular wage of about "
                f"${rng.randint(2, 30) * 10} a month."
            )
        return out

    def harm_sentences(self):
        rng = self.rng
        year = self.year_between(self.formed_last, self.last_year())
        month = rng.choice(MONTHS)
        release = (
            f"In {year} it released {self.count(20, 400)} children from its ranks under "
            f"an agreement with the United Nations."
            if year >= 1995
            else f"A church mission sent {self.count(20, 400)} boys home from its camps in {year}."
        )
        pool = [
            f"Rights monitors attributed at least {self.count(50, 5000)} deaths to the group "
            f"between {self.formed_last} and {min(LAST_YEAR, max(year, self.formed_last + 1))}.",
            f"In {month} {year} its men killed {self.count(5, 120)} villagers near {self.town2}.",
            f"Its raids displaced some {self.count(1000, 90000)} people.",
            f"Some {self.count(20, 900)} of its members were arrested in {year}.",
            f"The group was accused of torture, extortion and the burning of homes in {self.town2}.",
            release,
            "Members collected “taxes” at roadblocks and beat those who refused to pay.",
            f"Clashes with the group left {self.count(10, 3000)} people dead in {year}.",
            f"Survivors of a raid on {self.town2} in {month} {year} said that about "
            f"{self.count(20, 200)} armed men took part.",
            f"Courts later heard {self.count(10, 300)} complaints of unlawful detention by its members.",
        ]
        chosen = rng.sample(pool, rng.randint(1, 3))
        self.spare_harm = [sentence for sentence in pool if sentence not in chosen][:2]
        return chosen

    def filler_sentences(self):
        """Sentences that fit any profile, to vary the length; shuffled."""
        rng = self.rng
        year = self.year_between(self.formed_last, self.last_year())
        later = self.year_between(self.formed_last, self.last_year())
        nickname = rng.choice(["night owls", "hunters", "shadows", "red caps", "road wardens"])
        out = [
            f"Its members manned checkpoints on the {self.town2} road and searched travellers.",
            "Patrols moved between villages at night, often alongside army units.",
            f"In {year} its fighters joined an offensive in the {rng.choice(DIRECTIONS)} districts.",
            "Local officials relied on it to collect intelligence on suspected rebel sympathisers.",
            f"The group’s commanders met regularly with army officers in {self.town}.",
            f"Recruits were drawn mostly from the farming villages around {self.town}.",
            f"Its headquarters moved to {self.town2} in {later}.",
            "Most members received only a few weeks of drill before being sent on patrol.",
            f"Its fighters were nicknamed “the {nickname}” by people in {self.town2}.",
            "Church and mosque leaders in the region criticised its methods.",
            "Villagers who refused to take part in the patrols were fined or beaten, "
            "according to local clergy.",
            f"When the army redeployed to the frontier in {year}, the militia took over several "
            f"of its outposts around {self.town2}.",
            "Its commanders kept lists of suspected sympathisers and handed them to military "
            "intelligence.",
            f"A parliamentary inquiry in {min(LAST_YEAR, later + 1)} criticised the lack of "
            f"oversight over the group’s weapons.",
            "Weekly parades in the main square served both as drill and as a show of strength.",
            f"Journalists who reported on its activities in {self.town} received threats.",
            "Its members wore armbands rather than uniforms, which made them hard to tell apart "
            "from civilians.",
            f"Rivalries between district commanders led to a brief internal split in {later}.",
            "Money for fuel and food came partly from levies on lorries crossing its territory.",
            "Some of its leaders later won seats in the national parliament.",
            "Foreign diplomats raised the group’s conduct with the government on several occasions.",
        ]
        rng.shuffle(out)
        return out

    # -- format A

    def format_a(self):
        core, rng = self.core, self.rng
        name = core.name
        intro = f"The {name}" if rng.random() < 0.6 else name
        if core.acronym and rng.random() < 0.55:
            intro += f" ({core.acronym})"
        appositives = []
        translation = self.translation()
        if translation and rng.random() < 0.6:
            appositives.append(f"in {translation[0]} {translation[1]}")
        if rng.random() < 0.3:
            appositives.append(f"also known as the {rng.choice(NICKNAMES).format(P=self.word)}")
        if appositives:
            intro += ", " + ", ".join(appositives) + ","
        where = self.where()
        purpose = rng.choice(
            [
                "",
                " that backed the government against the insurgents",
                " that policed villages on behalf of the authorities",
                " raised to guard roads, markets and farms",
            ]
        )
        kind = rng.choice(KINDS)
        article = "an" if kind[0] in "aeiou" else "a"
        intro_sentence = f"{intro} {self.be()} {article} {kind} {where}{purpose}."
        paragraphs = [[intro_sentence]]  # lists of sentences
        core_sentences = {intro_sentence}

        formation = [self.formation_sentence()]
        relations = self.relation_sentences()
        if relations and rng.random() < 0.5:
            formation.append(relations.pop(0))
        if rng.random() < 0.5 and self.block.war_start <= self.formed_first:
            formation.append(
                f"The {self.war()} had by then spread to {rng.choice(DIRECTIONS)} {self.country}."
            )
        paragraphs.append(formation)
        core_sentences.update(formation[:2])

        middle = []
        fillers = self.filler_sentences()
        activity = [fillers.pop()] + relations
        core_sentences.update(relations)
        middle.append(activity)
        size = self.size_sentences()
        core_sentences.add(size[0])
        middle.append(size)
        middle.append(self.harm_sentences())
        comparison = self.comparison_sentence()
        if comparison:
            middle.append([comparison])
            core_sentences.add(comparison)
        if rng.random() < 0.5:
            middle.append([fillers.pop(), fillers.pop()])
        rng.shuffle(middle)
        paragraphs.extend(middle)

        ending = self.termination_sentence() or self.active_sentence()
        paragraphs.append([ending])
        core_sentences.add(ending)

        paragraphs = self.fit(paragraphs, core_sentences, fillers, max_parts=rng.randint(6, 9))
        return name + "\n\n" + "\n\n".join(self.cite(paragraphs))

    def where(self):
        rng = self.rng
        countries = self.core.countries
        if len(countries) > 1:
            return f"on both sides of the border between {countries[0][1]} and {countries[1][1]}"
        return rng.choice(
            [
                f"in {self.country}",
                f"in {rng.choice(DIRECTIONS)} {self.country}",
                f"in the {self.town} region of {self.country}",
                f"active in {self.country}’s {rng.choice(DIRECTIONS)} provinces",
            ]
        )

    def translation(self):
        code = self.core.countries[0][0]
        forms = NAME_TEMPLATES[self.core.template]
        for language, codes, form in zip(
            LANGUAGES, (SPANISH, FRENCH, PORTUGUESE), forms[1:], strict=True
        ):
            if code in codes and form:
                return language, form.format(P=self.word)
        return None

    def cite(self, paragraphs):
        """Render paragraphs, adding numbered markers after sentences and at some starts."""
        rng = self.rng
        number = 0
        out = []
        for sentences in paragraphs:
            parts = []
            if rng.random() < 0.25:
                number += 1
                stack = rng.choice([1, 1, 1, 2, 3])
                parts.append("".join(f"[{number + k}]" for k in range(stack)) + " ")
                number += stack - 1
            for position, sentence in enumerate(sentences):
                if position:
                    parts.append(" ")
                parts.append(sentence)
                if rng.random() < 0.6:
                    number += 1
                    stack = rng.choice([1, 1, 1, 1, 2, 2, 3])
                    parts.append("".join(f"[{number + k}]" for k in range(stack)))
                    number += stack - 1
            out.append("".join(parts))
        return out

    # -- format B

    def format_b(self):
        core, rng = self.core, self.rng
        relations = self.relation_sentences()
        fields = {}
        fields["Country"] = [", ".join(name for _, name in core.countries)]

        formation = [self.formation_sentence()]
        translation = self.translation()
        if rng.random() < 0.35:
            nickname = rng.choice(NICKNAMES).format(P=self.word)
            formation.append(f"The group, also known as the {nickname}, recruited in {self.town2}.")
        elif translation and rng.random() < 0.5:
            formation.append(f"In {translation[0]} it was called {translation[1]}.")
        if rng.random() < 0.5:
            formation.append(f"This happened {self.war(self.formed_first)}.")
        fields["Details of Formation"] = formation
        ending = self.termination_sentence()
        if ending:
            fields["Details of Termination"] = [ending]
        else:
            fields["Details of Termination"] = [rng.choice(["--", "--", self.active_sentence()])]
        aim, other_aim = rng.sample(self.aims(), 2)
        fields["Purpose"] = [f"To {aim}."]
        if rng.random() < 0.6:
            fields["Purpose"].append(f"Officials also used it to {other_aim}.")
        organisation = [
            rng.choice(
                [
                    f"Commanded by {self.leader}, with company leaders in each district.",
                    f"Led by {self.leader}; units were organised by village and reported to the "
                    f"army’s regional command.",
                    f"A loose network of local cells under {self.leader}.",
                ]
            )
        ]
        other = []
        for sentence in relations:
            if "wing" in sentence or "unit" in sentence or "armed by" in sentence:
                organisation.append(sentence)
            elif "financed" in sentence or "sponsored" in sentence:
                organisation.append(sentence)
            elif "splinter" in sentence or "broke away" in sentence or "successor" in sentence:
                formation.append(sentence)
            else:
                other.append(sentence)
        fields["Organisation"] = organisation
        fields["Weapons and Training"] = [
            rng.choice(
                [
                    "Shotguns, machetes and a few rifles handed out by the army.",
                    "Assault rifles and light machine guns; some units had mortars.",
                    "Hunting rifles and home-made guns; training lasted a few days.",
                    "Regular army issue weapons and training by special forces instructors.",
                ]
            )
        ]
        quantity = self.quantity()
        year = self.year_between(self.formed_last, self.last_year())
        fields["Size"] = [
            rng.choice(
                [
                    f"{quantity[0].upper()}{quantity[1:]} in {year}.",
                    f"Sources put its strength at {quantity}.",
                    f"It had {quantity} at its peak.",
                    f"A report from {year} mentions {quantity}.",
                ]
            )
        ]
        if rng.random() < 0.3:
            fields["Size"].append(
                f"One company in {self.town} had about {self.count(30, 400)} men."
            )
        if rng.random() < 0.15:
            fields["Size"] = ["--"]
        fields["Reason for Membership"] = [
            rng.choice(
                [
                    "Pay, protection for members' families, and revenge for rebel attacks.",
                    "Many joined under pressure from local officials; refusal was seen as disloyalty.",
                    "Access to weapons and a share of the levies collected at checkpoints.",
                    "Loyalty to the founder's clan and to the ruling party.",
                ]
            )
        ]
        fields["Treatment of Civilians"] = self.harm_sentences()
        comparison = self.comparison_sentence()
        if comparison:
            other.append(comparison)
        self.fillers = self.filler_sentences()
        fields["Other Information"] = other or [self.fillers.pop()]
        fields["References"] = [self.references()]

        # Unknown values and missing fields (never Country or References).
        optional = ["Purpose", "Weapons and Training", "Reason for Membership", "Organisation"]
        for label in rng.sample(optional, rng.choice([0, 0, 1, 1, 2])):
            if any(s in relations for s in fields[label]):
                continue
            if rng.random() < 0.5:
                del fields[label]
            else:
                fields[label] = ["--"]

        core_sentences = set(relations) | {formation[0]}
        if comparison:
            core_sentences.add(comparison)
        fields = self.fit_fields(fields, core_sentences)

        lines = [f"{core.name} ({core.countries[0][1]})", ""]
        continued = 0
        for label in LABELS:
            sentences = fields.get(label)
            if not sentences:
                continue
            if (
                len(sentences) > 1
                and continued < 2
                and label not in ("Country", "References")
                and rng.random() < 0.25
            ):
                lines.append(f"{label}: {' '.join(sentences[:-1])}")
                lines.append(sentences[-1])
                continued += 1
            else:
                lines.append(f"{label}: {' '.join(sentences)}")
        return "\n".join(lines)

    def references(self):
        rng = self.rng
        year = min(2022, self.year_between(self.formed_last, self.last_year() + 2))
        author = _word(rng)
        options = [
            f"{author}, A History of the {self.block.conflict.title()} ({year}); regional press reports",
            f"Interviews with former members collected in {year}; provincial newspaper archives",
            f"{author} and {_word(rng)}, Militias and the State in {self.country} ({year})",
            "Press agency dispatches and court records",
        ]
        if year >= 1975:
            options.append(
                f"Annual human rights report on {self.country} ({year}); "
                f"https://example.org/reports/{year}/{self.word.lower()}"
            )
        return rng.choice(options)

    # -- length control

    def fit(self, paragraphs, keep, fillers, max_parts):
        """Add filler sentences, or drop inessential ones, to reach this file's length."""
        rng = self.rng
        goal = self.goal
        size = self.measure(paragraphs)
        while size < goal and fillers:
            middle = paragraphs[1:-1] or paragraphs
            shortest = min(middle, key=len)
            if len(paragraphs) < max_parts and (len(shortest) > 2 or rng.random() < 0.15):
                paragraphs.insert(rng.randint(2, len(paragraphs) - 1), [fillers.pop()])
            else:
                shortest.append(fillers.pop())
            size = self.measure(paragraphs)
        while size > MAX_BYTES - 300:
            droppable = [
                (len(s), p, i)
                for p, sentences in enumerate(paragraphs)
                for i, s in enumerate(sentences)
                if s not in keep and len(sentences) > 1
            ]
            if not droppable:
                break
            _, p, i = max(droppable)
            del paragraphs[p][i]
            size = self.measure(paragraphs)
        return paragraphs

    def fit_fields(self, fields, keep):
        rng = self.rng
        town = self.town
        extras = [
            (
                "Weapons and Training",
                f"Instructors from the army ran a camp for recruits near {town}.",
            ),
            ("Weapons and Training", "Ammunition was rationed and often bought privately."),
            ("Reason for Membership", "Some joined to settle local feuds."),
            ("Reason for Membership", "Members were exempt from regular military service."),
            ("Purpose", "It also guarded polling stations during elections."),
            ("Organisation", "District units had considerable autonomy from the central command."),
        ]
        extras = [(label, s) for label, s in extras if fields.get(label, ["--"]) != ["--"]]
        extras += [("Treatment of Civilians", s) for s in self.spare_harm]
        rng.shuffle(extras)
        # General remarks go last, so that the other fields grow first.
        extras = [("Other Information", s) for s in self.fillers] + extras
        goal = self.goal
        size = self.measure(fields.values(), fields)
        while size < goal and extras:
            label, sentence = extras.pop()
            fields.setdefault(label, []).append(sentence)
            size = self.measure(fields.values(), fields)
        while size > MAX_BYTES - 300:
            droppable = [
                (len(s), label, i)
                for label, sentences in fields.items()
                for i, s in enumerate(sentences)
                if s not in keep and len(sentences) > 1
            ]
            if not droppable:
                break
            _, label, i = max(droppable)
            del fields[label][i]
            size = self.measure(fields.values(), fields)
        return fields

    def measure(self, groups, labels=()):
        """Bytes of the text so far: sentences, separators, labels, title; markers roughly."""
        per_sentence = 1 if labels else 5  # a space, and in format A the markers
        size = len(self.core.name.encode()) + 30
        size += sum(len(label) + 3 for label in labels)
        return size + sum(len(s.encode()) + per_sentence for group in groups for s in group)


def iter_profiles(n, seed=1):
    """Yield (filename, text, Core) for profiles 1..n, one at a time."""
    width = max(5, len(str(n)))

    @lru_cache(maxsize=4)
    def block(number):
        return make_block(seed, number)

    @lru_cache(maxsize=4 * BLOCK)
    def core(index):
        return make_core(seed, index, block(index // BLOCK))

    for index in range(n):
        number = index // BLOCK
        members = range(number * BLOCK, min(n, (number + 1) * BLOCK))
        peers = [core(j) for j in members if j != index]
        chooser = random.Random(f"{seed}/far/{index}")
        if index > BLOCK and (not peers or chooser.random() < 0.15):
            j = chooser.randrange(0, number * BLOCK)
            peers.append(make_core(seed, j, make_block(seed, j // BLOCK)))
        me = core(index)
        profile = _Profile(seed, me, block(number), peers, n)
        text = profile.format_a() if me.format == "A" else profile.format_b()
        if profile.rng.random() < 0.8:
            text += "\n"
        yield f"profile_{index + 1:0{width}d}.txt", text, me


def write_corpus(n, directory, seed=1):
    """Write n profiles into directory (created if needed); returns Stats."""
    started = time.perf_counter()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stats = Stats()
    for filename, text, core in iter_profiles(n, seed):
        data = text.encode("utf-8")
        (directory / filename).write_bytes(data)
        stats.files += 1
        stats.bytes += len(data)
        stats.formats[core.format] += 1
        for code, _ in core.countries:
            stats.countries[code] += 1
        if core.formed <= 2000 and (core.ended is None or core.ended >= 1990):
            stats.countries_1990s[core.countries[0][0]] += 1
    stats.seconds = time.perf_counter() - started
    return stats


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.make_corpus", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("n", type=int, help="how many profile files to write")
    parser.add_argument("directory", type=Path, help="where to write them (created if needed)")
    parser.add_argument("--seed", default="1", help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be zero or more")
    stats = write_corpus(args.n, args.directory, args.seed)
    print(
        f"wrote {stats.files} files ({stats.bytes / 1e6:.1f} MB; format A {stats.formats['A']}, "
        f"B {stats.formats['B']}; {len(stats.countries)} countries) to {args.directory} "
        f"in {stats.seconds:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
