"""Names recognised by their shape: capitalised runs of words ending in "Front", "Army",
"Party", "Movement", "Brigade"..., or starting with "Forces", "Army of"...

Also names in languages that write all but their first word in lower case ("Mouvement social
révolutionnaire"), names holding a date ("the 14th of May Movement", "the Revolutionary
Movement 13 November"), a unit's name read as its group's ("the 4th Brigade of the Kachin
Independence Army") and two names joined by "and" read as two.
"""

import re

from profiles.parsing import countries
from profiles.parsing.aliases import name_before
from profiles.parsing.dates import MONTHS
from profiles.parsing.known_names import is_known_name, known_names
from profiles.parsing.names import (
    ADJECTIVE_COMPOUND_RE,
    CONNECTORS,
    DASHED_NAME_RE,
    ENGLISH_STOP_WORDS,
    HEAD_WORDS,
    NAME_ADJECTIVES,
    NAME_CONTINUATION_WORDS,
    NAME_POSSESSIVE_WORDS,
    NOT_NAME_WORDS,
    PARTICLE_RE,
    PERSON_TITLES,
    en_dash_compound,
    name_at,
    peoples,
    possessive_stem,
)
from profiles.parsing.text import holds_any

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
            # "the Armed Peasant Association": after an article, a word of the name.
            and not (
                run[0].group() in NAME_ADJECTIVES
                and len(run) > 1
                and sentence.endswith("the ", 0, run[0].start())
            )
            # "It and the Valley Army fought each other": "It" goes, so do the words after it.
            or run[0].group() in ("and", "or", "the", "of", "&")
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
        ordinal = ORDINAL_BEFORE_RE.search(sentence, max(0, start - 12), start)
        # (the head word of the first of two coordinated names: "the 17 February Martyrs
        # Brigade and Libya Shield 1")
        first_end = next(
            (t for t, n in zip(run, run[1:], strict=False) if n.group() == "and"), run[-1]
        )
        if ordinal:
            if (
                run[0].group().lower() not in MONTHS
                or first_end.group().rstrip(".") not in HEAD_WORDS
                or DATE_PREPOSITION_BEFORE_RE.search(
                    sentence, max(0, ordinal.start() - 8), ordinal.start()
                )
            ):
                # "the 14th of June ... Movement": not read whole, so not read at all;
                # "On 9 June Army units attacked": a date.
                continue
            start = ordinal.start()  # "the 6 April Youth Movement": named after its day
        elif run[0].group() in EVENT_WORDS and first_end.group().rstrip(".") in HEAD_WORDS:
            # "the 1920 Revolution Brigade": named after the year of an event.
            year = YEAR_NAMED_BEFORE_RE.search(sentence, max(0, start - 10), start)
            start = year.start(1) if year else start
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
            part = "group" if unit.group("group") else "owner"
            if part == "group" or not is_known_name(name):
                start, name = start + unit.start(part), unit.group(part)
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


YEAR_NAMED_BEFORE_RE = re.compile(r"\bthe\s+(1[89]\d\d|20\d\d)\s+$")
EVENT_WORDS = {"Revolution", "Uprising", "Rising", "Revolt", "Intifada"}
ORDINAL_BEFORE_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
DATE_PREPOSITION_BEFORE_RE = re.compile(
    r"(?:^|\b(?:on|by|until|till|from|since|after|before|to|in|of|between))\s*$", re.I
)
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
    r"Cell|Column|Front)s?\s+of\s+(?:the\s+)?(?P<group>[A-Z].*(?:Army|Front|Movement|Party|Forces))$|"
    # "the Mid-Ulster Brigade of the Ulster Volunteer Force": a named unit of a group.
    r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+(?:Brigade|Battalion|Division|Regiment|Company|Column)"
    r"\s+of\s+the\s+(?P<owner>[A-Z].*(?:Army|Front|Movement|Party|Forces?|Organi[sz]ation))$"
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
        # (but "Union of Arab Tribes": a people is no leader)
        if 1 <= len(rest) <= 3 and not any(
            w in NAME_CONTINUATION_WORDS
            or countries.code_for(w)
            or w in CONNECTORS
            or w in peoples()
            or w in countries.demonym_table()
            for w in rest
        ):
            return run[:index]
    return run


def _capitalised(word):
    return (word[0].isupper() and word != "I") or bool(PARTICLE_RE.match(word))


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
    return _placed(start, name, parts)


def _placed(start, name, parts):
    """(start, part) of each of `parts`, found in order in `name` (which starts at `start`)."""
    result, offset = [], 0
    for part in parts:
        offset = name.index(part, offset)
        result.append((start + offset, part))
        offset += len(part)
    return result


# Names the words before them call organisations, whatever their shape: "rival student
# groups such as Pemuda Panca Marga", "hunter militias such as the Donsos and the
# Tamaboros", "militias known as the Patriots", "a group calling itself the New Red
# Brigades".
KIND_OF_GROUP = (
    r"(?:groups?|militias?|parties|organi[sz]ations|movements|factions|gangs|squads|outfits|"
    r"bands|guerrillas|insurgents|vigilantes|rebels)"
)
INTRODUCED_LIST_RE = re.compile(rf"\b{KIND_OF_GROUP}\s+(?:such\s+as|like|including)\s+")
INTRODUCED_ONE_RE = re.compile(
    rf"\b{KIND_OF_GROUP},?\s+(?:(?:also\s+)?known\s+as|called|calling\s+(?:itself|themselves))\s+"
)
# "a faction broke away as Kahane Chai", "members broke away to form Cumann na Saoirse": a
# new group's name, whatever its shape.
INTRODUCED_BY_SPLIT_RE = re.compile(
    r"\b(?:broke\s+away|split\s+(?:off|away)|splintered\s+off)\s+(?:in\s+\d{4}\s+)?"
    r"(?:as|to\s+form|and\s+formed)\s+"
)
# "human rights groups such as Memorial": organisations, but no armed groups or parties.
NOT_ARMED_KIND_BEFORE_RE = re.compile(
    r"\b(?:rights|aid|humanitarian|relief|civil[- ]society|non-governmental|monitoring|media|"
    r"business|environmental)\s+$",
    re.I,
)
LIST_JOINER_RE = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


# "the White Lotus, the outlawed millenarian sect", "the Red Legs, irregular anti-slavery
# bands": an appositive that says the name before it is a group's (not "a member of the
# militia", "November 1964, the army disarmed the militias").
KIND_WORDS_BETWEEN = (
    r"(?!(?:of|and|or|the|an?|its|their|his|her|to|by|with|was|were|is|are)\b)[\w-]+\s+"
)
KIND_NOUN = (
    r"(?:bands?|sect|militias?|secret\s+society|movement|faction|gangs?|guerrilla\s+group|"
    r"rebel\s+group|armed\s+group|militant\s+group|paramilitary\s+group|vigilante\s+group)"
)
KIND_ENDS = r"(?=\s*[,;.)]|\s+(?:that|which|who|whose|in|from|led|founded|formed|based|active)\b)"
APPOSITIVE_KIND_RE = re.compile(
    r"(?:\s*\([^()]*\))?,\s+(?:"
    # ("a militia of the hills"; but "the Caodaists, the militias of the Hoa Hao and ...": a list)
    rf"(?:a|an|another)\s+(?:{KIND_WORDS_BETWEEN}){{0,4}}?{KIND_NOUN}(?:{KIND_ENDS}|\s+of\b)|"
    rf"the\s+(?:{KIND_WORDS_BETWEEN}){{0,4}}?{KIND_NOUN}{KIND_ENDS}|"
    # (without an article, plural and after adjectives only)
    rf"(?:(?!\w+(?:ing|ed)\b){KIND_WORDS_BETWEEN}){{1,3}}?(?:bands|militias|gangs){KIND_ENDS})"
)
# (one of these is in every sentence APPOSITIVE_KIND_RE can match)
APPOSITIVE_KIND_WORDS = (
    "band",
    "sect",
    "militia",
    "societ",
    "movement",
    "faction",
    "gang",
    "group",
)
HOLDS_YEAR_RE = re.compile(r"\b(?:1\d{3}|20\d{2})\b")  # "In November 1964, the army ..."


def introduced_names(sentence):
    """(start, end, name) of the names a sentence introduces as organisations'."""
    found = []
    appositive_told = ", " in sentence and holds_any(sentence, APPOSITIVE_KIND_WORDS)
    for appositive in APPOSITIVE_KIND_RE.finditer(sentence) if appositive_told else ():
        name = name_before(sentence, appositive.start())
        if name and not HOLDS_YEAR_RE.search(name):
            start = sentence.rfind(name, 0, appositive.start())
            if re.search(r"(?:\)|\b[A-Z][\w'-]*) of $", sentence[:start]):
                continue  # "the FPRC of Noureddine Adam, another faction": the FPRC's leader
            found += [(at, at + len(part), part) for at, part in _list_items(start, name)]
    for cue in INTRODUCED_LIST_RE.finditer(sentence):
        if NOT_ARMED_KIND_BEFORE_RE.search(sentence, max(0, cue.start() - 30), cue.start()):
            continue
        position = cue.end()
        while (read := name_at(sentence, position)) is not None:
            name, start, end = read
            found += [(at, at + len(part), part) for at, part in _list_items(start, name)]
            joiner = LIST_JOINER_RE.match(sentence, end)
            if not joiner:
                break
            position = joiner.end()
    for cue in [*INTRODUCED_ONE_RE.finditer(sentence), *INTRODUCED_BY_SPLIT_RE.finditer(sentence)]:
        read = name_at(sentence, cue.end())
        if read is not None:
            found += [(at, at + len(part), part) for at, part in _list_items(read[1], read[0])]
    return found


def _list_items(start, name):
    """ "Sans Défaite and Sans Pitié", "the Muslim League and Nizam-e-Islam": two items of a
    list; "Justice and Equality Movement" (a head word only after "and") stays one name."""
    items = re.split(r" (?:and|or) (?:the )?", name)
    if len(items) == 1 or (
        items[-1].split()[-1] in HEAD_WORDS
        and not any(item.split()[-1] in HEAD_WORDS or item.isupper() for item in items[:-1])
        and not is_known_name(items[0])
    ):
        return [(start, name)]
    return _placed(start, name, items)
