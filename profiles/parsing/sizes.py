"""The strength of a group: the largest figure a text gives for the whole group.

"500 members", "2,000 fighters", "between 3,000 and 5,000" (the upper figure), "1.3
million men", "three million". Counts of the dead, of casualties, of people executed,
detained or released, of the men in one raid, of a sub-unit, and sums of money are not
sizes.
"""

import re
from dataclasses import dataclass

from profiles.parsing.text import holds_any

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a": 1, "half a": 0.5, "a few": None, "several": None,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER_RE = re.compile(
    r"(?<![\w$£€.,])(?<![A-Za-z]-)(?P<value>\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)|\d+(?:\.\d+)?|"
    r"(?:half\s+a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a)"
    r"(?=\s+(?:hundred|thousand|million|billion)))"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion)\b)?",
    re.I,
)
STRENGTH_NOUNS = {
    "member", "members", "men", "fighters", "volunteers", "militiamen", "militia", "patrollers",
    "recruits", "combatants", "troops", "personnel", "guards", "cadres", "paramilitaries",
    "vigilantes", "militants", "soldiers", "gunmen", "youths", "strong", "armed", "active",
    "full-time", "part-time", "regular", "trained", "armed men", "boys", "women", "followers",
    "activists", "irregulars", "auxiliaries", "strength", "regulars", "guerrillas",
    "insurgents", "partisans", "rebels", "commandos",
}  # fmt: skip
# What may follow a year for it to be a count ("2000 fighters").
YEAR_STRENGTH_NOUNS = STRENGTH_NOUNS - {"armed", "active", "strong"}
NOT_STRENGTH_NOUNS = {
    "people", "civilians", "children", "casualties", "deaths", "dead", "killed", "victims",
    "detainees", "prisoners", "arrests", "arrested", "executed", "executions", "killings",
    "bombings", "attacks", "raids", "villages", "villagers", "houses", "homes", "refugees",
    "families", "dollars", "rupees", "euros", "pounds", "pesos", "naira", "km", "kilometres",
    "kilometers", "miles", "hectares", "years", "months", "days", "weeks", "hours", "percent",
    "per", "%", "cases", "weapons", "guns", "rifles", "vehicles", "trucks", "checkpoints",
    "schools", "mosques", "churches", "cells", "camps", "bases", "hostages", "displaced",
    "missing", "injured", "wounded", "abducted", "kidnapped", "disappeared", "times",
    "incidents", "murders", "votes", "seats", "companies", "units", "battalions", "brigades",
    "chapters", "branches", "districts", "states", "provinces", "towns", "cities", "policemen",
    "officers", "police", "students", "residents", "inhabitants", "workers", "voters",
}  # fmt: skip
# A clause about the whole group's strength, where a bare figure is a size.
STRENGTH_CUE_RE = re.compile(
    r"\b(?:membership|strength|size|numbered|numbers?|numbering|force of|ranks|swelled|grew to|estimated at)\b",
    re.I,
)
# Cues that speak of members only, strong enough to outweigh a death cue in the clause.
MEMBERSHIP_CUE_RE = re.compile(r"\b(?:membership|strength|size|numbered|numbering|ranks)\b", re.I)
DEATH_CUE_RE = re.compile(
    r"\b(?:killed|dead|died|deaths|casualties|executed|murdered|massacred|wounded|injured|detained|arrested|released|displaced)\b",
    re.I,
)
DISARMAMENT_CUE_RE = re.compile(
    r"\b(?:demobili[sz]\w*|disarm\w*|handed\s+(?:in|over)|turned\s+in|gave\s+up\s+(?:their|its)\s+"
    r"(?:arms|weapons)|laid\s+down|reintegrat\w*|ex-combatants|DDR|"
    r"registered\s+for\s+(?:integration|demobili[sz]ation|disarmament))\b",
    re.I,
)
RAID_CUE_RE = re.compile(
    r"\b(?:raid(?:ed)?|attack(?:ed)?|ambush(?:ed)?|blew up|stormed|bombed|assault(?:ed)?|abducted|"
    r"kidnapped|held|defended|occupied|captured|besieged|seized)\b",
    re.I,
)
SUBUNIT_CUE_RE = re.compile(
    r"\b(?:(?:groups|cells|teams|bands|gangs|patrols?|squads)\s+of|battalions?|brigades?|regiments?|compan(?:y|ies)|units?|chapters?|branch(?:es)?|detachments?|contingents?|squads?|each|one of|"
    # "The central body had 140 members": its leading body, not the whole group.
    r"(?:(?:central|executive)\s+(?:body|committee|council)|politburo)\s+(?:had|has|numbered|"
    r"counted|comprised|consisted\s+of))\b",
    re.I,
)
ONE_PART_RE = re.compile(
    r"(?:^|[.;:]\s*|\b)(?:a\s+single|each|every|any\s+one|an\s+individual)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:group|unit|cell|band|squad|team|village|town|post|chapter|branch|camp|company|"
    r"platoon|patrol|committee|section|battalion|brigade|regiment|detachment)s?\b[^.;]*$",
    re.I,
)
# "put the brigade at 5,000 men": "the brigade" of a group that is one is the group itself.
THE_UNIT_RE = re.compile(
    r"the\s+(?:battalion|brigade|regiment|company|unit|detachment|squad)", re.I
)


def _subunit_cues(before):
    """Sub-unit words before a figure, each with the article in front of it if any."""
    return re.finditer(rf"(?:\bthe\s+)?{SUBUNIT_CUE_RE.pattern}", before, re.I)


ACTED_UPON_BEFORE_RE = re.compile(
    r"\b(?:killed|killing|executed|executing|arrested|arresting|detained|detaining|captured|"
    r"kidnapped|abducted|murdered|massacred|released|freed|wounded|injured|tortured|disarmed|"
    r"expelled|displaced|recruited\s+children|lost|deported)\s+(?:some\s+|about\s+|around\s+|"
    r"nearly\s+|almost\s+|over\s+|more\s+than\s+|at\s+least\s+|up\s+to\s+|an\s+estimated\s+)?$",
    re.I,
)
MONTH_RE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
SKIPPABLE = {"armed", "active", "full-time", "part-time", "regular", "trained", "other", "more",
             "young", "local", "male", "female", "loyal", "core", "well-armed", "heavily"}  # fmt: skip


@dataclass
class SizeFigure:
    value: int
    start: int
    end: int


DOTTED_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
NEXT_WORD_RE = re.compile(r"[A-Za-z%][\w'-]*|%")
CURRENCY_BEFORE_RE = re.compile(r"[$£€]\s*$")
PERCENT_AFTER_RE = re.compile(r"\s*(?:%|per\s?cent)")
CLAUSE_RE = re.compile(r"[^;.!?]+(?:[.!?](?=\d)[^;.!?]*)*")


def _value(match):
    raw = match.group("value").lower().replace(",", "")
    scale = SCALES.get((match.group("scale") or "").lower(), 1)
    if scale == 1 and DOTTED_THOUSANDS_RE.fullmatch(raw):
        raw = raw.replace(".", "")  # "7.500": a European thousands separator
    if raw in WORD_NUMBERS:
        base = WORD_NUMBERS[raw]
        if base is None:
            return None
    else:
        base = float(raw)
    return int(round(base * scale))


DAY_AFTER_MONTH_RE = re.compile(rf"\b{MONTH_RE.pattern}\s+$")
PHRASE_END_RE = re.compile(r"\s*(?:[(,;:]|\.(?!\d))")
RANGE_LOWER_END_BEFORE_RE = re.compile(r"\d\s*(?:to|-|–|and)\s*$")


def _next_words(text, end, count=3):
    return NEXT_WORD_RE.findall(text[end : end + 60])[:count]


REFERS_TO_ANOTHER_RE = re.compile(
    r"\b(?:refers?|referred|applies|applied)\s+to\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z]"
)
CASUALTY = r"(?:killed|jailed|imprisoned|arrested|detained|dead|executed|captured|wounded|died)\b"
AGAINST_US_RE = re.compile(
    r"[^.;]{0,40}?\bagainst\s+(?:them|it|the\s+(?:group|movement|militia|guerrillas|rebels|"
    r"insurgents|organi[sz]ation))\b"
)


TROOPS_AGAINST_US_RE = re.compile(
    r"[^.;]{0,30}?\b(?:troops|soldiers|police(?:men)?|security\s+forces)\s+against\s+"
    r"(?:them|it|the\s+(?:group|movement|militia|guerrillas|rebels|insurgents))\b"
)


NAME_WORD_BEFORE_RE = re.compile(r"\b([A-Z][\w'-]*[a-z][\w'-]*) $")
# Capitalised words that open a count at the start of a sentence or a field.
COUNT_OPENERS = frozenset(
    """About Some Around Approximately Nearly Almost Over Under Roughly Perhaps Between Up
    Only Just At Estimated Maybe Possibly Fewer Less More Circa Reportedly""".split()
)


def _segment(text, match, clause_match):
    """The part of the figure's clause between the commas around it: "It had 1,500 men, and
    the zone it held ..." speaks of a raid only in its second part."""
    clause_start, clause_end = clause_match.span()
    start = text.rfind(", ", clause_start, match.start())
    end = text.find(", ", match.end(), clause_end)
    return text[clause_start if start == -1 else start + 2 : clause_end if end == -1 else end]


COMPARED_BEFORE_RE = re.compile(
    r"\b(?:compared\s+(?:with|to)|as\s+against|against|versus|vs\.?)\s+(?:some\s+|about\s+|"
    r"around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|at\s+least\s+|"
    r"perhaps\s+|an\s+estimated\s+)?$"
)
DAY_AND_MONTH_BEFORE_RE = re.compile(
    r"\b(?:Jan|Febr?|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s+\d{1,2},\s+$|"
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s+$|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+$"
)


def _classify(text, match, clause_match, lenient):
    """True if the figure is a strength of the whole group (`clause_match`: its clause)."""
    clause = clause_match.group()
    value = _value(match)
    if value is None or value <= 1:
        return False
    before = text[max(0, match.start() - 3) : match.start()]
    after = text[match.end() : match.end() + 12]
    if CURRENCY_BEFORE_RE.search(before) or PERCENT_AFTER_RE.match(after):
        return False
    raw = match.group("value")
    # A bare four-digit figure may be a year: a count only when a strength noun follows
    # ("2000 fighters", "By June 5, 1500 fighters had joined").
    four_digits = not match.group("scale") and raw.isdigit() and len(raw) == 4
    if four_digits:
        words = _next_words(text, match.end(), 2)
        counted = bool(words) and words[0].lower() in YEAR_STRENGTH_NOUNS
        if not counted and DAY_AND_MONTH_BEFORE_RE.search(
            text, max(0, match.start() - 20), match.start()
        ):
            return False  # "on Dec. 14, 1763": a year of any century after its day and month
    if COMPARED_BEFORE_RE.search(text, max(0, match.start() - 40), match.start()):
        return False  # "6,000 fighters, compared with some 35,000 men in the army": another's
    if four_digits and 1800 <= int(raw) <= 2099:
        if not counted:
            return False
        # "in 1906 members of the Union murdered ...", "In November 1986 soldiers killed":
        # a year before the subject.
        if re.search(
            r"\b(?:in|since|by|from|until|till|of|during|after|before)\s+$|"
            r"\b(?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December)\s+$",
            text[max(0, match.start() - 12) : match.start()],
            re.I,
        ):
            return False
    # "Brigade 2506", "Unit 731", "Paramilitary 2000": a number that ends a name is no count
    # (a capitalised word right before it that is no opening word: "About 500 ...").
    # (Not in a Size field, whose figures are counts by default: "Size: Estimates 5,000".)
    named = not lenient and NAME_WORD_BEFORE_RE.search(
        text, max(0, match.start() - 30), match.start()
    )
    if named and named.group(1) not in COUNT_OPENERS and not match.group("scale"):
        return False
    # Inside parentheses after a name: a sub-unit's strength ("Yug (about 700 men)").
    opened = text.rfind("(", 0, match.start())
    if (
        opened != -1
        and text.find(")", opened) >= match.end()
        and text.rfind(")", 0, match.start()) < opened
    ):
        return False
    # "executed 35 men", "arrested 200 members": people acted upon, not the group's strength.
    if ACTED_UPON_BEFORE_RE.search(text[max(0, match.start() - 40) : match.start()]):
        return False
    # "the planned 326", "an authorised strength of 500": a plan, not a count; so are "plans
    # to expand it to 12,000" and "planned a force of up to 5,000".
    if re.search(
        r"\b(?:planned|intended|authori[sz]ed|target(?:ed)?|envisaged|proposed)\s+"
        r"(?:strength\s+of\s+|size\s+of\s+)?(?:some\s+|about\s+)?$|"
        r"\b(?:plans?|planned|planning|aimed|aims?|intended|hoped)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:to|of)\s+(?:up\s+to\s+|some\s+|about\s+|around\s+)?$",
        text[max(0, match.start() - 50) : match.start()],
        re.I,
    ):
        return False
    # "On 27 July 1990, 114 members stormed the Red House": the men of one operation.
    if re.match(
        r"\s+(?:[\w-]+\s+)?(?:members|men|fighters|gunmen|militants|guerrillas|insurgents|rebels|"
        r"partisans|commandos)\s+(?:\w+\s+)?(?:stormed|attacked|raided|seized|ambushed|occupied|"
        r"besieged|took\s+part|rose|rebelled|revolted|crossed|invaded)\b",
        text[match.end() : match.end() + 60],
    ):
        return False
    # "a mobilisation that brought some 6,000 men to the town": a crowd at one event (but
    # "it drew 26,000 volunteers" is a strength).
    if re.search(
        r"\b(?:brought|gathered)\s+(?:some|about|around|roughly|nearly|over|"
        r"more\s+than|up\s+to|at\s+least)?\s*$",
        text[max(0, match.start() - 30) : match.start()],
        re.I,
    ):
        return False
    # "A single village group could count between 20 and 100 men", "each cell had 30
    # members": the strength of one of its parts.
    if ONE_PART_RE.search(text[max(0, match.start() - 80) : match.start()]):
        return False
    # "the Union of the Russian People alone claimed 350,000": one part of the movement.
    if re.search(r"\balone\b", text[max(0, match.start() - 60) : match.start()]):
        return False
    # "more than 3,000 in Abyan province alone": one part of the country, not the group.
    if re.match(
        r"[^.;,]{0,40}?\b(?:in|of)\s+(?:the\s+)?[A-Z][\w'-]*\s+(?:province|region|district|"
        r"state|county|city|town|governorate|prefecture)\b|(?:[^.;,]|,(?=\d)){0,70}?\balone\b",
        text[match.end() : match.end() + 80],
    ):
        return False
    # "A figure of 2,000 ... refers to the neighbouring Shabwani Elite Forces": another's.
    if REFERS_TO_ANOTHER_RE.search(text[match.end() : match.end() + 120].split(".")[0]):
        return False
    # "990 fighters handed in their weapons at the demobilisation": ex-combatants in a
    # disarmament scheme are not the group's strength.
    if DISARMAMENT_CUE_RE.search(clause) and not MEMBERSHIP_CUE_RE.search(clause):
        return False
    # "between 25,000 and 40,000 troops against them": the other side's forces.
    if TROOPS_AGAINST_US_RE.match(text, match.end()):
        return False
    # "drives of about 1,000 to 2,000 operatives each": a part's count.
    if re.match(
        r"(?:[^.;,]|,(?=\d)){0,30}?\b(?:(?:each|apiece)(?=\s*(?:[.;,)]|$))|"
        r"per\s+(?:state|unit|village|district|province)\b)",
        text[match.end() : match.end() + 50],
    ):
        return False
    if DAY_AFTER_MONTH_RE.search(text, max(0, match.start() - 12), match.start()):
        return False  # "On Aug. 25, 2000": a day of a date
    # "had risen to around 6,000, most of them Syrians", "450,000 - 650,000 (Wikipedia ...)":
    # the figure's phrase ends with it.
    written = [] if PHRASE_END_RE.match(text, match.end()) else _next_words(text, match.end(), 6)
    if written and MONTH_RE.fullmatch(written[0]):
        return False  # "On 11 October 1993": a day of a date
    # "30,000 LDU members": an acronym before the noun.
    while len(written) > 1 and re.fullmatch(r"[A-Z][A-Z0-9]+", written[0]):
        written.pop(0)
    words = [w.lower() for w in written]
    while words and words[0] in SKIPPABLE:
        words.pop(0)
    noun = words[0] if words else ""
    if noun.startswith("-strong") or re.match(r"-strong", text[match.end() : match.end() + 7]):
        return True
    if noun in NOT_STRENGTH_NOUNS:
        return False
    # "25.000 to 30.000 commissioners": the upper end of a range counts as its lower end does.
    if noun not in STRENGTH_NOUNS and RANGE_LOWER_END_BEFORE_RE.search(
        text, max(0, match.start() - 20), match.start()
    ):
        noun = ""
    if noun in ("people", "persons"):
        return not DEATH_CUE_RE.search(clause)
    if noun in STRENGTH_NOUNS:
        if noun in ("men", "gunmen") and RAID_CUE_RE.search(_segment(text, match, clause_match)):
            return False
        rest = text[match.end() : match.end() + 80]
        # "roughly 300 members killed in combat": the dead, not a strength.
        if re.match(
            rf"\s*(?:\S+\s+){{0,{len(written) - len(words) + 1}}}?(?:\w+\s+)?{CASUALTY}", rest
        ):
            return False
        # "The British deployed 40,000 troops against them": the other side's.
        if AGAINST_US_RE.match(rest):
            return False
        before = text[max(0, match.start() - 40) : match.start()]
        if any(not THE_UNIT_RE.fullmatch(cue.group()) for cue in _subunit_cues(before)):
            return False
        return True
    if noun in ("of",) and len(words) > 1 and words[1] in ("whom", "them"):
        return bool(STRENGTH_CUE_RE.search(clause)) or lenient
    # A bare figure ("rose to 700,000 in 1983"): a size only where the clause is about strength.
    if noun and noun not in ("in", "by", "and", "or", "to", "at", "as", "before", "after",
                             "during", "when", "while", "from", "between", "with", "was",
                             "were", "is", "are", "but", "until", "under", "had", "have",
                             "according", "then", "that", "which", "who", "including",
                             "among", "excluding", "not", "itself", "themselves"):  # fmt: skip
        return False
    if DEATH_CUE_RE.search(clause) and not MEMBERSHIP_CUE_RE.search(clause):
        return False
    return lenient or bool(STRENGTH_CUE_RE.search(clause))


DIGIT_RE = re.compile(r"\d")
SCALE_WORDS = tuple(SCALES)
# "Ahrar al-Sham itself was estimated at ...": a clause about the group, not its alliance.
ITSELF_RE = re.compile(r"\b[A-Z][\w'\u2019-]*\s+itself\s+(?:was|were|had|has|numbered|counted)\b")


def strength_figures(text: str, lenient: bool = False) -> list[SizeFigure]:
    """Figures in `text` that state the group's strength.

    `lenient` is for a Size field, where a bare figure is a size by default.
    """
    figures = []
    if not DIGIT_RE.search(text) and not holds_any(text, SCALE_WORDS):
        return figures  # NUMBER_RE needs a digit, or a number word before a scale
    by_clause = []
    for clause_match in CLAUSE_RE.finditer(text):
        clause = clause_match.group()
        found = [
            SizeFigure(_value(match), match.start(), match.end())
            for match in NUMBER_RE.finditer(text, clause_match.start(), clause_match.end())
            if _classify(text, match, clause_match, lenient)
        ]
        by_clause.append((clause, found))
        figures += found
    # "the Islamic Front, ... with between 40,000 and 70,000 fighters; Ahrar al-Sham itself
    # was estimated at 10,000 to 20,000": the clause that says "itself" is about the group,
    # the others about what it belonged to.
    itself = [found for clause, found in by_clause if found and ITSELF_RE.search(clause)]
    if itself and len(itself) < sum(1 for _clause, found in by_clause if found):
        return [figure for found in itself for figure in found]
    return figures
