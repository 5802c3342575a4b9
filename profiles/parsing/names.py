"""Names of groups in running text: the group's aliases, and its ties to other groups."""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from profiles.parsing import countries
from profiles.parsing.text import plain_quotes

# Lower-case words that may stand inside a name: "League of Supporters of ...",
# "Patrullas de Autodefensa Civil", "Perseguidos por Pablo Escobar".
CONNECTORS = {
    "of", "de", "del", "della", "des", "du", "la", "las", "le", "les", "los", "el", "al",
    "and", "for", "the", "y", "e", "et", "da", "das", "do", "dos", "di", "van", "von", "der",
    "den", "bin", "ibn", "ul", "ut", "por", "para", "en", "pour", "fi", "wa", "&", "on", "pro",
    "a", "à", "au", "aux",  # "Muerte a Secuestradores", "Mouvement pour l'Autonomie ..."
    "wal", "wa'l", "li",  # "Ahlus Sunnah wal Jamaah"
    # "Hukbong Mapagpalaya ng Bayan", "Óglaigh na hÉireann", "Wolność i Niezawisłość",
    # "Laskar Jihad dan ...", "Ittihad ve Terakki", "Rote Armee und ..."
    "ng", "sa", "mga", "na", "i", "dan", "ve", "und",
}  # fmt: skip
# Words that start a sentence or a clause but are not names.
NOT_NAME_WORDS = {
    "The", "A", "An", "It", "Its", "Their", "They", "He", "She", "His", "Her", "This", "That",
    "These", "Those", "In", "On", "At", "By", "From", "With", "After", "Before", "During",
    "When", "While", "Although", "Though", "But", "And", "Or", "As", "Some", "Many", "Most",
    "Several", "Following", "Meanwhile", "However", "Subsequently", "Later", "Led", "Armed",
    "Officially", "Accused", "Commanded", "Small", "Well", "Membership", "Members", "Estimates",
    "Since", "Under", "Gradually", "Additionally", "Also", "Both", "Each", "Other", "Until",
    "Against", "Between", "Among", "Studies", "Information", "News", "Patrollers", "Service",
    "Public", "Separate", "At first", "Only", "Over", "Around", "About",
}  # fmt: skip
# Of those, the ones that also open a name after "the": "the Armed Peasant Association".
NAME_ADJECTIVES = {"Armed", "Small", "Public", "Separate", "Other"}
# Words that make a name an arm of the state, not a group ("the Pakistani army").
STATE_WORDS = {
    "army", "armed forces", "military", "police", "government", "state", "regime",
    "administration", "authorities", "ministry", "navy", "air force", "gendarmerie",
    "security forces", "intelligence", "forces", "troops", "rangers", "national guard",
    "presidency", "parliament", "cabinet", "state security", "secret service", "junta",
}  # fmt: skip
KIN_WORDS = {"brothers", "brother", "sisters", "family", "families", "dynasty", "cousins", "sons"}
# Titles that no group's name holds before another word (unlike "General Command").
OFFICE_TITLES = {"Minister", "President", "Colonel", "Captain", "Sheikh", "Governor", "Senator",
                 "Lieutenant", "Brigadier", "Mullah", "Ayatollah", "Pastor", "Mr", "Mrs", "Dr",
                 "Prime", "Deputy", "Commissioner", "Mayor", "Secretary"}  # fmt: skip
PERSON_TITLES = {
    "General", "President", "Colonel", "Col", "Gen", "Major", "Captain", "Commander", "Mr",
    "Mrs", "Dr", "King", "Prince", "Sheikh", "Sheik", "Minister", "Prime", "Governor",
    "Senator", "Lieutenant", "Brigadier", "Marshal", "Emir", "Sultan", "Imam", "Bishop",
    "Father", "Chief", "Sergeant", "Admiral", "Judge", "Mullah", "Ayatollah", "Pope",
}  # fmt: skip
# Head nouns of organisations: "X Battalion of <person>" names the battalion, not the person.
ORGANISATION_HEADS = {
    "Battalion", "Brigade", "Regiment", "Company", "Division", "Corps", "Unit", "Force",
    "Forces", "Militia", "Army", "Front", "Movement", "Party", "Group", "Cartel", "Guard",
    "Guards", "Squad", "Legion", "Committee", "Council", "Union", "Organisation",
    "Organization", "Network", "Gang", "Faction", "Wing", "Commando", "Commandos",
}  # fmt: skip
# Words that show "of ..." continues an organisation's name, not a person's.
NAME_CONTINUATION_WORDS = {
    "Independence", "Liberation", "Revolution", "God", "Prophet", "People", "Peoples",
    "People's", "Islam", "Defence", "Defense", "Freedom", "Justice", "Peace", "Nation",
    "Homeland", "Workers", "Supporters", "Martyrs", "Companions", "Truth", "Faith",
    "Resistance", "Salvation", "Unity", "Struggle", "National", "Popular", "Democratic",
    "Islamic", "Christian", "Republic", "Kingdom", "State", "Fatherland", "Youth",
}  # fmt: skip

# "SPLM/A" is one token.
TOKEN_RE = re.compile(r"[^\W\d_][\w'\u2019.-]*(?:/[A-Z][A-Z-]*\b)?|\d+(?:st|nd|rd|th)?|&")
LANGUAGES = (
    "Spanish|French|Portuguese|Arabic|English|Hausa|Yoruba|Igbo|Swahili|Russian|Chechen|"
    "Urdu|Hindi|Bengali|Persian|Farsi|Pashto|Dari|Kurdish|Turkish|Indonesian|Malay|Tagalog|"
    "Filipino|Thai|Burmese|Khmer|Vietnamese|Chinese|Mandarin|Japanese|Korean|German|Italian|"
    "Dutch|Greek|Serbian|Croatian|Bosnian|Albanian|Somali|Amharic|Tigrinya|Lingala|Kinyarwanda|"
    "Kirundi|Sango|Wolof|Fula|Fulani|Quechua|Aymara|Guarani|Hebrew|Tamil|Sinhala|Nepali|"
    "Punjabi|Sindhi|Baluchi|Georgian|Armenian|Azerbaijani|Ukrainian|Latin|local|native|Creole|"
    "Mooré|Bambara|Zulu|Xhosa|Sotho|Shona|Luganda|Acholi|Oromo|Tetum|Javanese|"
    "Sundanese|Malayalam|Telugu|Kannada|Marathi|Gujarati|Assamese|Manipuri|"
    "Uzbek|Tajik|Turkmen|Kazakh|Kyrgyz|Mongolian|Tibetan|Uyghur|Polish|Czech|Slovak|Slovene|"
    "Slovenian|Hungarian|Romanian|Bulgarian|Macedonian|Catalan|Basque|Galician|Irish|Welsh|"
    "Afrikaans|Haitian\\s+Creole|Sesotho|Zarma|Songhai|Tamasheq|"
    "Kabyle|Lithuanian|Latvian|Estonian|Finnish|Swedish|Norwegian|Danish|Icelandic"
)


APOSTROPHES_RE = re.compile(r"['`]")
NON_WORD_RUN_RE = re.compile(r"[^\w]+")
LEADING_THE_RE = re.compile(r"^the\s+")


@lru_cache(maxsize=8192)  # bounded: memory must not grow with the corpus
def name_key(name: str) -> str:
    """How names are compared: no accents, case, punctuation or leading article."""
    name = plain_quotes(name)
    if not name.isascii():  # (ASCII has no accents to take off)
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    name = name.casefold()
    name = APOSTROPHES_RE.sub("", name)
    name = NON_WORD_RUN_RE.sub(" ", name).strip()
    return LEADING_THE_RE.sub("", name)


# "al-", "ut-", "d'": a lower-case particle joined to a capitalised word.
PARTICLE_RE = re.compile(r"[a-z]{1,3}[-'\u2019][A-Z]")


def _is_capitalised(token: str) -> bool:
    if token[0].isupper() or token[0].isdigit():
        return True
    # "ut-Taleba", "al-Shabaab", "d'Ivoire": a lower-case particle joined to a capitalised word.
    return bool(PARTICLE_RE.match(token))


ADJECTIVE_COMPOUND_RE = re.compile(
    r"-(?:backed|led|based|funded|linked|allied|aligned|affiliated|trained|armed|supported|"
    r"sponsored|controlled|dominated|inspired|oriented|style|era|born|speaking)$",
    re.I,
)


# The last word of an organisation's name.
HEAD_WORDS = {
    "Front", "Army", "Armies", "Party", "Movement", "Brigade", "Brigades", "Battalion",
    "Battalions", "Militia", "Militias", "League", "Congress", "Organisation", "Organization",
    "Forces", "Force", "Guard", "Guards", "Alliance", "Coalition", "Committee", "Committees",
    "Association", "Tigers", "Mujahideen", "Mujahidin", "Commando", "Commandos", "Squad",
    "Squads", "Legion", "Resistance", "Boys", "Volunteers", "Patrols", "Brotherhood",
    "Command", "Union", "Cartel", "Gang", "Network", "Jihad", "Council", "Group", "Rebels",
    "Fighters", "Warriors", "Partisans", "Youth", "Shirts", "Hand", "Companions", "Kampfbund",
    # South Asian words for an army, a force, an association or a front.
    "Sena", "Bahini", "Sangha", "Sangh", "Parishad", "Morcha", "Samiti",
}  # fmt: skip


# A name's second part after a spaced en dash, as its hyphenated acronym after it shows
# ("Red Brigades – Fighting Communist Party (BR-PCC)"); otherwise such a dash is the
# sentence's own.
DASHED_NAME_RE = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,5}\s+\([A-Z]+-[A-Z]+\)")


def en_dash_compound(left, right):
    """ "Marxist–Leninist": two words of one name; not "Iran–Iraq", two countries side by
    side."""
    return (
        left[:1].isalpha()
        and right[:1].isupper()
        and not any(countries.code_for(word) for word in (left, right))
    )


ARTICLE_RE = re.compile(r"\s*(?:the\s+|The\s+)?")


# English words that go on with the sentence: where a name in another language ends at the
# latest.
ENGLISH_STOP_WORDS = {
    "and", "or", "of", "the", "a", "an", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "was", "were", "is", "are", "had", "has", "have", "which", "who", "whose", "that",
    "while", "when", "after", "before", "until", "into", "its", "their", "his", "her", "but",
    "also", "then", "against", "led", "under", "during", "since", "where", "not", "be",
}  # fmt: skip


def name_at(text: str, start: int) -> tuple[str, int, int] | None:
    """The capitalised name that begins at `start` (after an optional "the")."""
    position = ARTICLE_RE.match(text, start).end()
    tokens = []
    owned = False  # the name ends in a possessive: "the Cocoyes of Lissouba's camp"
    for match in TOKEN_RE.finditer(text, position):
        gap = text[position if not tokens else tokens[-1][2] : match.start()]
        # "National Liberation Movement – Tupamaros (MLN-T)": a name's second part after its
        # head word. (Not "Sunni–Shia" compounds: in a tie's sentence they describe it.)
        dashed = (
            gap == " \u2013 "
            and tokens
            and tokens[-1][0] in HEAD_WORDS
            and DASHED_NAME_RE.match(text, match.start())
        )
        if tokens and gap not in (" ",) and not dashed:
            break
        if not tokens and match.start() != position:
            break
        word = match.group().rstrip(".")
        if ADJECTIVE_COMPOUND_RE.search(word):
            # "UAE-backed", "Iran-aligned": an adjective before the name, not part of it.
            if tokens:
                break
            position = match.end() + 1
            continue
        if word.endswith(("'s", "\u2019s")) and tokens and _is_capitalised(word):
            following = re.match(r" ([^\W\d_])", text[match.end() :])
            if not following or not following.group(1).isupper():
                # "the MQM's military wing": the possessive ends the name ("New People's
                # Army" goes on).
                tokens.append((word[:-2], match.start(), match.start() + len(word) - 2))
                owned = True
                break
        if word[0].isdigit() and tokens and tokens[-1][0] == "on":
            break  # "took the name Schalburg Corps on 30 March": a date ends the name
        if _is_capitalised(word) and (tokens or not word[0].isdigit()):
            tokens.append((word, match.start(), match.start() + len(word)))
            if match.group().endswith(".") and len(word) > 1:
                break
        elif tokens and (
            word in CONNECTORS
            # "al-Qaeda in Iraq": the franchise's place is in its name ("Party in X" is not).
            or (word == "in" and tokens[-1][0].split("-")[-1] in ("Qaeda", "Qaida"))
        ):
            tokens.append((word, match.start(), match.end()))
        else:
            break
    while tokens and not _is_capitalised(tokens[-1][0]):
        tokens.pop()
    if not tokens:
        return None
    tokens = _cut_owner(tokens, owned)
    name = text[tokens[0][1] : tokens[-1][2]]
    return name, tokens[0][1], tokens[-1][2]


@cache
def peoples():
    """Peoples, faiths and creeds named in the plural (parsing/data/peoples.txt)."""
    lines = (PEOPLES_FILE.read_text(encoding="utf-8")).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


PEOPLES_FILE = Path(__file__).parent / "data" / "peoples.txt"


def is_band_name(name):
    """ "Cobras", "Zoulous", "Black Eagles": a one- or two-word capitalised plural that is not
    a people, faith or creed. Accepted only where a sentence already says a group is meant
    (the object of "fought", "clashed with")."""
    words = name.split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    last = words[-1]
    if not last.endswith("s") or last.endswith("ss"):
        return False
    singulars = {last, last[:-1], last[:-2] if last.endswith("es") else last}
    return singulars.isdisjoint(peoples()) and not any(map(countries.code_for, singulars))


def _cut_owner(tokens, owned=False):
    """ "Vostok Battalion of Sulim Yamadayev" -> "Vostok Battalion": an owner, not a name."""
    for index, (word, *_rest) in enumerate(tokens):
        if word != "of" or index == 0:
            continue
        head = tokens[index - 1][0]
        # "the Cocoyes of Lissouba's camp": a band and its patron ("Lanterns of Varn" is a name).
        if head not in ORGANISATION_HEADS and not (owned and index == 1 and is_band_name(head)):
            continue
        rest = [w for w, *_ in tokens[index + 1 :]]
        if (
            1 <= len(rest) <= 3
            and all(_is_capitalised(w) for w in rest)
            and not any(w in NAME_CONTINUATION_WORDS or countries.code_for(w) for w in rest)
        ):
            return tokens[:index]
    return tokens


STRIP_ARTICLE_RE = re.compile(r"^(?:the|The)\s+")


def strip_article(name: str) -> str:
    return STRIP_ARTICLE_RE.sub("", name.strip())


def is_state_or_person(name: str, following: str = "") -> bool:
    """Whether a name is the state ("Pakistani army", "the Bhutto government") or a person."""
    words = name.split()
    if not words:
        return True
    next_word = re.match(r"\s*([a-z]+(?:\s+[a-z]+)?)", following)
    if next_word and (
        next_word.group(1) in STATE_WORDS
        or next_word.group(1).split()[0] in STATE_WORDS
        or next_word.group(1).split()[0] in KIN_WORDS  # "the Jaber brothers"
    ):
        return True
    lowered = name.lower()
    if lowered in STATE_WORDS:
        return True
    if countries.code_for(name) or all(countries.code_for(w) for w in words):
        return True
    if words[0] in PERSON_TITLES and not (len(words) > 1 and words[1] in HEAD_WORDS):
        return True  # a rank and a name, not "the General Union of the Sons of Chad"
    # "Deputy Internal Affairs Minister David Gulua": an office and its holder.
    if any(word in OFFICE_TITLES for word in words[:-1]):
        return True
    if countries.code_for(words[0]) and " ".join(words[1:]).lower() in STATE_WORDS:
        return True
    return False


# "Bernard Kolélas's " before a name: its patron, not part of it.
OWNER_PREFIX_RE = re.compile(
    # "Muqtada al-Sadr's Mahdi Army", "Osama bin Laden's ...": particles inside a person's name.
    r"(?P<owner>[A-Z][\w.\u00c0-\u024f-]*(?:\s+(?:(?:bin|ibn|de|van|von|da|di)\s+)?"
    r"(?:[a-z]{1,3}-)?[A-Z][\w.\u00c0-\u024f-]*){0,3})['\u2019]s\s+(?=[A-Z])"
)
# Possessives that belong inside names ("People's Army", "Workers' Party"): the word before
# the apostrophe.
NAME_POSSESSIVE_WORDS = {"People", "Peoples", "Women", "Workers", "Worker", "Children",
                         "Farmers", "Nation", "God", "Martyrs", "Patriots", "Youth", "Lord",
                         "Allah", "Peasants", "Soldiers", "Students", "Mothers", "Citizens",
                         "Toilers", "Men", "Fighters", "Veterans", "Volunteers", "Sailors",
                         "Officers", "Ex-Servicemen", "Servicemen", "Airmen"}  # fmt: skip


def possessive_stem(word):
    """The word a possessive is of: "People's" -> "People", "Workers'" -> "Workers"."""
    word = word.replace("\u2019", "'")
    return word[:-2] if word.endswith("'s") else word[:-1] if word.endswith("'") else word


def patron_length(name):
    """The length of the patron opening a name ("Bernard Kolélas's " of "Bernard Kolélas's
    Ninjas"), else 0: "People's" opens a name of its own."""
    owner = OWNER_PREFIX_RE.match(name)
    if owner and owner.group("owner").split()[-1] not in NAME_POSSESSIVE_WORDS:
        return owner.end()
    return 0


@dataclass
class FoundName:
    name: str
    start: int
    end: int


ORG_NOUNS = (
    r"group|organi[sz]ation|militia|movement|faction|party|gang|outfit|network|rebels|"
    r"insurgents|force|paramilitaries|paramilitary|alliance|coalition|umbrella|wing"
)
DESCRIPTOR_RE = re.compile(
    rf"\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w'-]+\s+){{0,4}}?(?:{ORG_NOUNS})\s+(?:called\s+|known\s+as\s+|of\s+the\s+)?(?=(?:the\s+)?[A-Z])"
)


QUALIFIER_RE = re.compile(r" \((?P<word>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\)")
NOT_GROUP_WORDS = {"Order", "Decree", "Law", "Act", "Resolution", "Constitution", "Agreement",
                   "Accord", "Accords", "Treaty", "Plan", "Operation"}  # fmt: skip


# "the Syrian army and the National Defense Forces": a state named first, then a group.
STATE_FIRST_RE = re.compile(
    r"(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*(?:\s+[a-z]+)?\s+and\s+(?=(?:the\s+)?[A-Z])"
)


def targets_after(text: str, position: int) -> list[FoundName]:
    """The groups named after a relation phrase: "X (XA) and the Y", "X, Y and Z"."""
    found = []
    target = target_after(text, position)
    if target is None:
        skipped = STATE_FIRST_RE.match(
            text, position + len(text[position:]) - len(text[position:].lstrip())
        )
        if skipped:
            target = target_after(text, skipped.end())
    while target:
        found.append(target)
        rest = text[target.end :]
        skip = re.match(r"\s*\([^()]{1,40}\)", rest)
        after = target.end + (skip.end() if skip else 0)
        # "fought Makarios loyalists and members of the left-wing party AKEL".
        # ... and "backed Gbagbo and his Ivorian Popular Front": a person's party.
        joined = re.match(
            r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:against\s+|with\s+|by\s+|of\s+|his\s+|her\s+|their\s+)?"
            # "the PLO and the leftist Lebanese National Movement": after "and", an adjective
            # may stand between "the" and the name (after a bare comma it opens an aside).
            r"(?=(?:the\s+)?[A-Z]|(?<=and\s)the\s+(?:[a-z][\w-]*\s+){1,2}[A-Z]|"
            r"(?:members|supporters|fighters|activists|militants|cadres)\s+of\s)",
            text[after:],
        )
        if not joined:
            break
        target = target_after(text, after + joined.end())
        if target and re.match(r"['\u2019]s\b", text[target.end :]):
            break  # "the Interahamwe, the MRND's militia": an appositive, not another group
    return found


def _split_coordinated(name):
    """ "Shining Path and the Túpac Amaru ..." holds two names; "Justice and Equality" one,
    and so does a name the dictionary knows whole ("Islamic State of Iraq and the Levant")."""
    if " and " not in name:
        return name
    from profiles.parsing.known_names import is_known_name  # (it reads this module)

    if is_known_name(name):
        return name
    parts = re.split(r" and the ", name, maxsplit=1)
    if len(parts) == 2:
        return parts[0]
    match = re.search(r" and (?=[A-Z])", name)
    if match:
        left = name[: match.start()]
        if left.split()[-1] in ORGANISATION_HEADS or left.isupper() or is_band_name(left):
            return left
    return name


# Up to two lower-case words before a name: "the ruling Awami League", never a preposition
# or a verb ("the counterinsurgency against the SLA", "often fighting alongside X").
ADJECTIVES_RE = re.compile(
    r"(?:(?:the|its|a|an)\s+(?:(?!(?:against|of|in|on|with|by|for|to|from|at|alongside|into|"
    r"and|or|as)\b)[a-z][\w-]*\s+){1,2}|(?:(?!(?:against|of|in|on|with|by|for|to|from|at|"
    r"alongside|into|and|or|as)\b)[a-z][\w-]*(?<!ing)\s+){1,2})(?=[A-Z])"
)


def target_after(text: str, position: int) -> FoundName | None:
    """The group named after a relation phrase, skipping "the Sunni extremist group"."""
    # "paid for by members of the Medellín Cartel": the members' group.
    skip = re.match(
        r"\s*(?:(?:was|were|is|are|being)\s+)?(?:(?:members|leaders|supporters|elements|units|"
        r"fighters|cadres|activists|remnants|veterans)\s+of\s+)?",
        text[position:],
    )
    position += skip.end()
    descriptor = DESCRIPTOR_RE.match(text, position)
    candidates = [position]
    if descriptor:
        candidates.insert(0, descriptor.end())
    # "the ruling Awami League", "the paramilitary AUC": a few lower-case words first.
    adjectives = ADJECTIVES_RE.match(text[position:])
    if adjectives:
        candidates.append(position + adjectives.end())
    for candidate in candidates:
        found = name_at(text, candidate)
        if not found:
            continue
        name, start, end = found

        shorter = _split_coordinated(name)
        if shorter != name:
            name, end = shorter, start + len(shorter)
        qualifier = QUALIFIER_RE.match(text, end)
        cited = qualifier and re.match(r"\s*(?:[.;:]|$)", text[qualifier.end() :])
        if qualifier and not qualifier.group("word").isupper() and not cited:
            # "Communist Party of India (Maoist)": a qualifier is part of the name.
            name, end = text[start : qualifier.end()], qualifier.end()
        patron = patron_length(name)
        if patron and is_band_name(name[patron:]):
            # "Bernard Kolélas's Ninjas": a patron's band.
            start, name = start + patron, name[patron:]
        if name in NOT_NAME_WORDS or is_state_or_person(name, text[end : end + 30]):
            continue
        if any(word in NOT_GROUP_WORDS for word in name.split()):
            continue
        return FoundName(name, start, end)
    return None


GROUP_WORDS = {
    "Movement", "Front", "Army", "Party", "Group", "Cartel", "Guard", "Guards", "Militia",
    "Brigade", "Brigades", "Battalion", "Corps", "Force", "Forces", "Council", "Union",
    "Association", "Congress", "League", "Patrols", "Volunteers", "Boys", "Committee",
    "Committees", "Organisation", "Organization", "Youth", "Alliance", "Coalition", "Network",
    "Society", "Services", "Guild", "Legion", "Tigers", "Commandos", "Squad", "Squads",
    "Brotherhood", "Resistance", "Defence", "Defense", "Rangers", "Company", "Unit", "Units",
    "Militias", "Fighters", "Warriors", "Sons", "Soldiers", "Mujahideen", "Liberation",
}  # fmt: skip


def looks_like_group(name):
    """A capitalised clause subject that is not a person or the state."""
    words = name.split()
    if is_state_or_person(name):
        return False
    if any(word in GROUP_WORDS for word in words) or name.isupper():
        return True

    # Two or three plain capitalised words are more often a person than a group.
    if 2 <= len(words) <= 3 and all(
        w[0].isupper() and w.isalpha() and not w.isupper() for w in words
    ):
        return False
    return True
