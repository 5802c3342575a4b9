"""Names of other organisations in a profile: "also named here", and the ties they carry.

Three ways to recognise a name, from the surest to the loosest:
- a dictionary of known names (the archive's own groups and aliases, and a data file of
  well-known armed groups and parties), matched all at once with an Aho-Corasick automaton
  (known_names.py);
- acronyms with their expansion in the text ("Rally for Congolese Democracy (RCD)");
- the shape of an organisation's name: capitalised words ending in "Front", "Army",
  "Party", "Movement", "Brigade"..., or starting with "Forces", "Army of"... (name_shapes.py).
State forces, persons, countries, sources, the UN and NGOs are never mentions
(is_mentionable). MentionReader reads a profile's sentences with all three and keeps what
names another group, not the profiled group itself or its parts.
"""

import re
from functools import lru_cache

from profiles.parsing import countries
from profiles.parsing.aliases import abbreviates, clause_speaks_of, is_acronym, name_before
from profiles.parsing.known_names import (
    FACTION_SUFFIX_RE,
    _archive,
    canonical_key,
    is_known_name,
    known_matcher,
)
from profiles.parsing.name_shapes import (
    DAY_AND_MONTH_RE,
    OPENING_WORDS,
    ORGANISATION_WORD_RE,
    YEAR_NEXT_RE,
    introduced_names,
    shaped_names,
)
from profiles.parsing.names import (
    CONNECTORS,
    HEAD_WORDS,
    is_state_or_person,
    name_at,
    name_key,
    patron_length,
    peoples,
    strip_article,
)
from profiles.parsing.text import gated_alternatives
from profiles.parsing.types import Occurrence, ParsedMention

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
# "designated it a Foreign Terrorist Organization": a state's label for a group, not one.
DESIGNATION_RE = re.compile(r"\b(?:Foreign|Specially\s+Designated(?:\s+Global)?)\s+Terrorists?\b")
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
    r"Civil(?:ian)? Defen[cs]e|Civilian|Popular Defen[cs]e|National Defen[cs]e Forces|Resistance|"
    r"Mujahideen|Islamic|Loyalist|Paramilitar\w*)\b"
)
# State bodies named by their country: "Colombian Congress", "Yugoslav People's Army".
STATE_HEADS = {"Army", "Forces", "Force", "Congress", "Navy", "Police", "Guard", "Senate", "Rangers",
               "Parliament", "Government", "Military", "Gendarmerie", "Army's", "Legion"}  # fmt: skip
# (The lookbehind after the first capital, so that the search jumps from capital to capital.)
ACRONYM_RE = re.compile(r"([A-Z](?<![\w/-][A-Z])[A-Z0-9]*(?:[/-][A-Z0-9]+)*[A-Z0-9])(?![\w/-])")
PAREN_ACRONYM_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9/&.-]{1,12})\)")
# A faction named after us is another group where the sentence tells of a split ("a
# splinter group calling itself FLEC-PM"); otherwise it is ours ("the remainder, known as
# NSZ-ZJ", "the most important of its factions, BRN-Coordinate").
SPLIT_CUE_RE = re.compile(
    r"\b(?:split|splinter|broke\s+away|breakaway|offshoots?|seceded|rival)", re.I
)
OWN_NAME_GIVEN_BEFORE_RE = re.compile(
    r"(?:known\s+as|under\s+the\s+name|renamed(?:\s+itself)?|became)\s+(?:the\s+)?$"
)


def _faction_told_apart(sentence, start, split_told):
    """Whether a faction named after us at `start` is another group: the sentence tells of a
    split, and the name is not one given to us ("became known as MSA-D")."""
    return bool(split_told) and not OWN_NAME_GIVEN_BEFORE_RE.search(
        sentence, max(0, start - 25), start
    )


def _occurrences(text, literal):
    """(start, end) of each occurrence of `literal` (not empty) in `text`, left to right and
    not overlapping, as re.finditer(re.escape(literal), text) finds them without compiling
    a pattern for every name."""
    start = text.find(literal)
    while start >= 0:
        yield start, start + len(literal)
        start = text.find(literal, start + len(literal))


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
    # "Fighting the New People's Army"; a Guidebook field that opens with its verb: "Joined
    # the Farabundo Martí National Liberation Front in 1980", "Fought the Broad Front".
    r"(?:(?:and\s+|or\s+)?of\s+(?:the\s+)?|"
    r"(?:[A-Z][a-z]+(?:ing|ed)|Fought|Became|Left|Took|Broke|Led|Won|Lost|Fled|Split|Drove|"
    r"Overran|Sought|Held|Met|Began)\s+the\s+|"
    r"(?:Officials|Members|Leaders|Supporters|Fighters|Activists|Militants|Cadres)\s+of\s+"
    r"(?:the\s+)?)"
)
POSSESSIVE_END_RE = re.compile(r"(?<=\w)['\u2019]s?$")
IDEA_AFTER_RE = re.compile(
    r"\s*(?:ideology|ideologies|ideas|doctrine|rhetoric|propaganda|slogans?|worldview)\b"
)


# A numbered congress, conference or plenum (of May–June 2000) is a meeting.
MEETING_RE = re.compile(
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|"
    r"\d+(?:st|nd|rd|th))\s+(?:[A-Z][\w'-]*\s+){0,3}(?:Congress|Conference|Convention|Plenum|"
    r"Assembly|Synod|Council\s+Meeting)(?:\s+of\s+.*)?"
)


@lru_cache(maxsize=8192)  # bounded: memory must not grow with the corpus
def _is_mentionable(name, following):
    key = name_key(name)
    if not key or key in NOT_GROUPS or len(key) < 2:
        return False
    if UN_BODY_RE.match(name) or UN_SUFFIX_RE.search(name) or countries.is_subdivision(name):
        return False  # "UN Security Council"; "Oromia", a region
    if DESIGNATION_RE.search(name):
        return False  # "a Foreign Terrorist Organization (FTO)": a label, not a group
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
    if MEETING_RE.fullmatch(name):
        return False  # "Second Papuan Congress" (names come without their article): a meeting
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


# Words that join a verb to its objects, never the words of one name.
NOT_IN_A_NAME = frozenset({"to", "with", "by", "from", "into", "against", "than", "as"})


def expansion_before(sentence, position, acronym):
    """The words right before `position` that `acronym` abbreviates, if any."""
    if not is_acronym(acronym):
        return None
    words = list(re.finditer(r"[^\s(),;:]+", sentence[max(0, position - 160) : position]))
    offset = max(0, position - 160)
    in_another_order = None
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
            if candidate[0].upper() == acronym[0]:
                return candidate
            # Letters in another order (the acronym of the name in another language): the
            # shortest such run, or a longer one the data file knows ("Farabundo Martí
            # National Liberation Front (FMLN)", not "Martí National Liberation Front").
            in_another_order = in_another_order or candidate
        elif in_another_order and first[0].isupper() and is_known_name(candidate):
            return candidate
    if in_another_order:
        return in_another_order
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
    # (not "one of the five member groups of the FMLN": the umbrella it belongs to)
    (("member",), r"member\s+(?:groups?|organi[sz]ations|unions|parties)(?!\s+of\b)"),
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
    r"(?:\s*\([^()]*\))?,\s+(?:(?:the|an?)\s+(?:[\w-]+\s+){0,4})?(?:that|which|who)\b[^,;()]*$|"
    # "brought under the PPI, the umbrella of the militias": an appositive of the PPI.
    r"(?:\s*\([^()]*\))?,\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}$"
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
    # ("Rayan al-Kildani of the Babylon Brigades", "Osama bin Laden of ...": a particle)
    r"^(?P<person>[A-Z][\w'.-]+(?:\s+(?:[a-z]{1,3}-|(?:bin|ibn|de|da|del|van|von)\s+)?"
    r"[A-Z][\w'.-]+){1,2})\s+of\s+the\s+(?P<org>[A-Z].+)$"
)
# A person's name: two or three capitalised words ("Ángel Morales", "Ahmad Shah Massoud").
PERSON_NAME = r"[A-Z\u00c0-\u00de][\w'.-]+(?:\s+[A-Z\u00c0-\u00de][\w'.-]+){1,2}"
OF_PERSON_RE = re.compile(
    rf"^(?P<org>[A-Z].+?)\s+of\s+(?P<people>{PERSON_NAME}(?:\s+and\s+{PERSON_NAME})?)$"
)


NUMBER_WORDS = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
                "Twelve", "Hundred", "Thousand", "First", "Second", "Third"}  # fmt: skip


# Plural nouns that name bands ("Forest Brothers", "Red Shirts"), unlike surnames that end
# in -s ("Evo Morales", "Jorge Reyes").
BAND_PLURALS = frozenset(
    """brothers sons shirts guards patriots hunters tigers eagles lions wolves cells units
    squads fighters rebels volunteers partisans defenders warriors soldiers commandos knights
    boys youths workers peasants students martyrs mujahideen comrades raiders avengers
    scorpions panthers cobras ninjas angels hawks falcons bulls dogs snakes""".split()
)


def _looks_like_a_person(name):
    """ "Jack Lang", "Bashir Gemayel", "Evo Morales": no organisation word, number or plural
    noun."""
    words = name.split()
    return not ORGANISATION_WORD_RE.search(name) and not any(
        word in NUMBER_WORDS or word.lower() in BAND_PLURALS for word in words
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


def two_names_of(name):
    """ "the Three Brotherhood Alliance of the Myanmar National Democratic Alliance Army", "the
    Izz ad-Din al-Qassam Brigades of Hamas", "the Constitutionalist Army of the Liberal
    Party": (the first, the second), two organisations; None for a name of its own ("Army
    of the Republic of ...", or any the dictionary knows whole)."""
    if " of " not in name or is_known_name(name):
        return None
    for joint in (" of the ", " of "):
        owner, joined, owned = name.partition(joint)
        if joined and is_known_name(owner) and is_known_name(owned):
            return owner, owned
    return party_army(name)


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


# A fuller name's rest that places or divides the same group ("National Party of Honduras",
# "Islamic State in the Greater Sahara", "Shan State Army - South").
QUALIFIER_WORDS = frozenset(
    "of in for the and de du des del north south east west central northern southern "
    "eastern western".split()
)


def _named_after(short, fuller):
    """Whether two known organisations share the start of their names, the fuller one's
    rest being a name and not a kind ("Fatah" and "Fatah al-Intifada", where "Kataeb" after
    "Kataeb Regulatory Forces" is that militia's short form)."""
    short_canonical, fuller_canonical = canonical_key(short), canonical_key(fuller)
    if not short_canonical or not fuller_canonical or short_canonical == fuller_canonical:
        return False
    rest = fuller[len(short) + 1 :].split()
    return rest[0] not in QUALIFIER_WORDS and not any(word.title() in HEAD_WORDS for word in rest)


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
        # (every faction's suffix follows a dash: most sentences need no search for a split)
        split_told = ("-" in sentence or "\u2013" in sentence) and SPLIT_CUE_RE.search(sentence)
        for own in self.own_names:
            if len(own) >= 4 and own in sentence:
                for start, end in _occurrences(sentence, own):
                    faction = FACTION_SUFFIX_RE.match(sentence, end)
                    if (
                        faction
                        and not is_known_name(faction.group(1))
                        and _faction_told_apart(sentence, start, split_told)
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
        candidates += introduced_names(sentence)
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
        pair = two_names_of(name)
        if pair:
            for part in pair:
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
        return self.is_own(sentence[start:dash]) and not _faction_told_apart(
            sentence, start, split_told
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
                if (other.startswith(key + " ") and not _named_after(key, other))
                or (other.endswith(" " + key) and other[: -len(key) - 1].isdigit())
            ),
            None,
        )

    def _read_whole_in(self, relation):
        """The mention a tie's target was cut from, where its sentence names the target only
        inside that longer name ("clashed with Islamic State - Khorasan Province": not the
        "Islamic State"; but "allied with Fatah, ... rebels of Fatah al-Intifada": Fatah)."""
        target, sentence = relation.target, relation.sentence
        longer = [
            (occurrence.start, occurrence.end, key)
            for key, occurrences in self.occurrences.items()
            for occurrence in occurrences
            if occurrence.sentence == sentence
            and occurrence.end - occurrence.start > len(target)
            and sentence.startswith(target, occurrence.start)
        ]
        if not longer:
            return None
        places = [m.start() for m in re.finditer(re.escape(target) + r"(?!\w)", sentence)]
        # (where the target is nowhere written alone, it was cut from the longer name too)
        if all(any(start <= at < end for start, end, _ in longer) for at in places):
            return min(longer)[2]  # (of two, the one named first: "ETA-pm ... ETA-m")
        return None

    def add_relation_target(self, relation):
        self.relations.append(relation)
        relation.target = self.long_form(relation.target)
        key = name_key(relation.target)
        fuller = self._read_whole_in(relation) or (
            None if key in self.mentions else self._fuller_name(key)
        )
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
