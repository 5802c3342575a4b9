"""Other names of the profiled group, and names the text gives for other groups."""

import re
from functools import lru_cache

from profiles.parsing import countries
from profiles.parsing.dates import MONTHS
from profiles.parsing.names import (
    CONNECTORS,
    ENGLISH_STOP_WORDS,
    HEAD_WORDS,
    LANGUAGES,
    NAME_ADJECTIVES,
    NOT_NAME_WORDS,
    TOKEN_RE,
    looks_like_group,
    name_at,
    name_key,
    strip_article,
)
from profiles.parsing.text import words_in
from profiles.parsing.types import ParsedAliasClaim

# What introduces another name; the name follows the match.
INTRODUCERS = [
    (
        ("known",),
        re.compile(
            r"(?i:(?:also|otherwise|locally|commonly|popularly|better|widely|sometimes|often|"
            r"formerly|previously|originally|informally|first|at\s+first|initially|later|then|"
            r"subsequently)\s+)*known\s+(?:at\s+first\s+|initially\s+|originally\s+|first\s+)?"
            r"(?:(?:until|till|from|since|after|before)\s+(?:about\s+)?\d{4}\s+|simply\s+)?"
            rf"(?:(?:in|to)\s+(?:{LANGUAGES}|the\s+\w+|locals?)\s+|locally\s+|as\s+well\s+|"
            # "known to its fighters and supporters as the Sha'abiya".
            r"to\s+(?:its|their)\s+(?:[\w'-]+\s+){1,4}?)?as\s+"
        ),
    ),
    ((", in ",), re.compile(rf",\s*in\s+(?:{LANGUAGES})\s*[,:]?\s*(?=(?:the\s+)?[A-Z])")),
    (("(in ", "( in "), re.compile(rf"\(\s*in\s+(?:{LANGUAGES})\s*[,:]?\s*(?=(?:the\s+)?[A-Z])")),
    (
        ("called",),
        re.compile(
            r"\b(?:is|are|was|were|be|being)\s+(?:also\s+|often\s+|commonly\s+|sometimes\s+|"
            r"usually\s+|first\s+|initially\s+|originally\s+|formerly\s+|later\s+)?called\s+"
        ),
    ),
    (
        ("called",),
        re.compile(
            r"\bcalled\s+(?:itself|themselves|it|their\s+(?:movement|group|organi[sz]ation|militia|force|unit))\s+"
        ),
    ),
    (
        ("the name",),
        re.compile(r"\b(?:took|adopted|assumed|chose|used)\s+the\s+names?\s+(?:of\s+)?"),
    ),
    # "The corps was formed on 2 February 1943 as the Germanic Corps": its first name.
    (
        ("formed", "founded", "established", "created", "set up"),
        re.compile(
            r"\b(?:was|were)\s+(?:first\s+|originally\s+)?(?:formed|founded|established|created|"
            r"set\s+up)\b[^.;,]{0,40}?\bas\s+(?=the\s+[A-Z])"
        ),
    ),
    # "La Cagoule was the popular name of the Comité secret d'action révolutionnaire".
    (
        ("name of", "name for"),
        re.compile(
            r"\b(?:is|was)\s+(?:the|a)\s+(?:popular|common|usual|informal|colloquial|everyday|"
            r"short|nick)\s*name\s+(?:of|for)\s+"
        ),
    ),
    # "... split off from the MNLF, calling themselves the "New MNLF"".
    (("calling",), re.compile(r"\bcalling\s+(?:itself|themselves)\s+")),
    (
        ("operat", "acted", "registered"),
        re.compile(
            r"\b(?:operated|operates|operating|acted|registered)\s+(?:locally\s+|officially\s+)?as\s+"
        ),
    ),
    # "In 2004 the group changed its name to the Mountain Front".
    (
        ("changed its name", "changed their name"),
        re.compile(r"\bchanged\s+(?:its|their)\s+name\s+(?:in\s+\d{4}\s+)?(?:to|into)\s+"),
    ),
    (("recogni",), re.compile(r"\brecogni[sz]ed\s+(?:[^.;:]{0,80}?\s)?as\s+")),
    (
        ("renamed", "rebranded"),
        re.compile(
            # ("the army being renamed in 1950 as the ...": the date may stand between)
            r"\b(?:renamed|rebranded)\s+(?:in\s+(?:[A-Z][a-z]+\s+)?\d{4},?\s+)?"
            r"(?:itself\s+|themselves\s+|it\s+|them\s+)?(?:as\s+|to\s+)?"
        ),
    ),
    # "the battalion was enlarged into the Azov Regiment": the same body under a new name.
    (
        ("enlarged", "expanded", "upgraded"),
        re.compile(
            r"\b(?:was|were)\s+(?:later\s+|then\s+)?(?:enlarged|expanded|upgraded)\s+"
            r"(?:in(?:to)?\s+|to\s+)(?=(?:the\s+|a\s+)?[A-Z])"
        ),
    ),
    (
        ("formerly", "previously", "originally"),
        re.compile(r"\b(?:formerly|previously|originally)\s+(?:called\s+)?(?=(?:the\s+)?[A-Z])"),
    ),
    (
        ("name",),
        re.compile(r"\bunder\s+the\s+(?:cover\s+|code\s+|new\s+|assumed\s+)?name\s+(?:of\s+)?"),
    ),
    # "It was first known as the Cagoulards, then as the Milice Civile, and from 1962 as the
    # VSN"; "it continued as the Young Ireland Association"; "It began as the Karuna faction".
    (
        (
            "then as",
            "later as",
            "wards as",
            "quently as",
            "continued as",
            "carried on as",
            "began as",
            "started as",
            "appeared as",
            "surfaced as",
            "life as",
            "0 as",
            "1 as",
            "2 as",
            "3 as",
            "4 as",
            "5 as",
            "6 as",
            "7 as",
            "8 as",
            "9 as",
        ),
        re.compile(
            r"(?:,\s*|\b)(?:(?:and\s+)?(?:then|later|afterwards|subsequently|from\s+\d{4})|"
            r"(?:continued|carried\s+on|began|started|reappeared|resurfaced)(?:\s+life)?)\s+as\s+"
            r"(?=(?:the\s+)?[A-Z])"
        ),
    ),
    (("abbreviated",), re.compile(r"\babbreviated\s+(?:as\s+|to\s+)?(?=[A-Z])")),
    # "often shortened to Jokcheong"; "restructured as the Civil Security Department (CSD)"
    # (but "most Janjaweed units were reorganised as the RSF": another body).
    (("shortened",), re.compile(r"\bshortened\s+to\s+(?=[A-Z])")),
    (
        ("restructured",),
        re.compile(r"\b(?:was|were)\s+(?:later\s+|then\s+)?restructured\s+as\s+(?=the\s+[A-Z])"),
    ),
    (
        ("name is", "name was"),
        re.compile(
            rf"\b(?:[Ii]ts|[Tt]heir|the\s+(?:group|organi[sz]ation|movement|militia|party)['\u2019]s)"
            rf"\s+(?:(?:full|official|original|formal|popular|common|usual|"
            rf"informal|local|short|{LANGUAGES})\s+)?"
            r"name\s+(?:is|was)\s+"
        ),
    ),
    # "The Russian name of the club is Nochnye Volki", "Its Hausa name, Yan Tudu, means".
    (
        ("name of the", "name,"),
        re.compile(
            rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?:full|official|original|formal|{LANGUAGES})\s+)?"
            r"name(?:\s+of\s+the\s+(?:group|club|militia|movement|organi[sz]ation|party|force|"
            r"front|army|unit|brigade)\s+(?:is|was)\s+|\s*,\s*"
            # (not "The name, Kinyarwanda for "cockroaches", ...": a gloss)
            rf"(?=[A-Z])(?!(?:{LANGUAGES})\s+for\b))"
        ),
    ),
    # "WiN, in full Zrzeszenie ...".
    (("in full",), re.compile(r"(?:,|\()\s*in\s+full\s+(?:the\s+)?(?=[A-Z\u00c0-\u024f])")),
    (
        ("goes by", "go by", "went by"),
        re.compile(r"\b(?:goes|go|went)\s+by\s+the\s+names?\s+(?:of\s+)?"),
    ),
    # "The force was officially named the National Volunteer Defense Army".
    (
        ("officially named", "formally named", "officially called", "formally called"),
        re.compile(r"\b(?:was|were|is|are)\s+(?:officially|formally)\s+(?:named|called)\s+"),
    ),
    # "The Tonton Macoute, officially the Milice de Volontaires ...": its formal name.
    (
        ("officially", "formally"),
        re.compile(
            r"(?:,|\()\s*(?:officially|formally)\s+(?:known\s+as\s+|called\s+|named\s+)?"
            r"(?=(?:the\s+)?[A-Z])"
        ),
    ),
    # "The group is also referred to as the Likoni Raiders".
    (
        ("referred to as",),
        re.compile(
            r"\b(?:(?:also|often|sometimes|commonly|widely|usually|locally|frequently)\s+)?"
            r"referred\s+to\s+as\s+"
        ),
    ),
    # "Sasna Tsrer (Armenian: ..., also transliterated Sasna Dzrer)".
    (
        ("romanised", "romanized", "transliterated"),
        re.compile(
            r"\b(?:also\s+)?(?:romani[sz]ed|transliterated)\s+(?:as\s+)?(?=[A-Z\u00c0-\u024f])"
        ),
    ),
    # "The Jowzjanis, nicknamed "Gilam Jam"", "It also presents itself as the ...".
    (("nicknamed",), re.compile(r"\bnicknamed\s+(?:as\s+)?")),
    (
        ("presents itself", "present themselves", "styled itself", "styles itself", "calls itself"),
        re.compile(
            r"\b(?:presents?\s+(?:itself|themselves)|styled\s+itself|styles\s+itself|calls\s+itself)"
            r"\s+as\s+|\b(?:styled|styles|calls)\s+itself\s+(?=(?:the\s+)?[A-Z])"
        ),
    ),
    # "which contemporaries also called the "White Army"".
    (
        ("called",),
        re.compile(
            r"\b(?:also|often|commonly|widely|popularly|sometimes)\s+called\s+(?:simply\s+)?"
        ),
    ),
    # "Lehi ..., called the Stern Gang by the British authorities": an appositive.
    (("called",), re.compile(r",\s*(?:also\s+|often\s+|sometimes\s+|widely\s+)?called\s+")),
    (("aka", "a.k.a"), re.compile(r"(?<![\w.])(?i:a\.k\.a\.?|aka)\s+")),
    (
        ("spelling", "spelt", "spelled", "written"),
        re.compile(
            r"\b(?:(?i:another|alternative|other|variant)\s+spellings?\s+(?:is|are|include)|"
            r"(?:also|sometimes)\s+(?:spelt|spelled|written)(?:\s+as)?)\s+"
        ),
    ),
    (
        ("abbreviation", "acronym", "short form"),
        re.compile(r"\b(?:an?\s+|the\s+)?(?:abbreviation|acronym|short\s+form)\s+(?:of|for)\s+"),
    ),
    (("short for", "stand"), re.compile(r"\b(?:short\s+for|stands?\s+for)\s+")),
]
CORRESPONDS_RE = re.compile(r"\s+(?:correspond|corresponds|corresponded)\s+to\s+")
NOT_THE_SAME_RE = re.compile(
    r"\b(?:confused\s+with|distinct\s+from|different\s+from|unrelated\s+to|no\s+relation\s+to|"
    r"not\s+the\s+same\s+as)\s+(?:the\s+)?[^.;]*$",
    re.I,
)
NAME_LIST_RE = re.compile(r"\s*\((?P<inner>[^()]{3,160}?[;,][^()]{1,160}?)\)")
PARENTHESIS_RE = re.compile(r"\s*\(\s*(?P<inner>[^()\"\u201c\u201d]{1,80}?)\s*\)")
PERSON_BEFORE_RE = re.compile(
    r"\b(?:captain|commander|leader|founder|chief|officer|colonel|general|warlord|man|woman|"
    r"son|brother|wife|daughter|father|priest|preacher|businessman|politician|landowner|"
    r"nicknamed|soldier|fighter|member|boss|lord|henchman|gunman)\s*,?\s*(?:also\s+|better\s+|"
    r"popularly\s+|locally\s+|widely\s+)?$",
    re.I,
)
# A name of two to four capitalised words, then an opening parenthesis (and an adverb).
PERSON_NAME_BEFORE_RE = re.compile(
    r"\b([A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3})\s*\(\s*(?:also\s+|better\s+|popularly\s+)?$"
)
# Opening words before a clause's subject: "In 1995", "In the 1990s,", "Meanwhile,".
OPENING_RE = re.compile(
    r"^\s*(?:(?:in|on|by|from|after|before|during|since|until|around|about|throughout|between|"
    r"at|from|as\s+of|in\s+the\s+course\s+of)\s+(?:the\s+|early\s+|mid-?|late\s+|"
    r"(?:[0-3]?\d\s+)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+)*(?:[0-3]?\d,?\s+)?(?:1[89]\d\d|20\d\d)s?\s*,?\s*|"
    r"(?:meanwhile|however|subsequently|later|then|moreover|additionally|also|eventually|"
    r"initially|afterwards|thereafter|today|gradually),\s*|"
    r"(?:today|now|currently|still|later|then|eventually|initially|originally|recently|"
    r"previously|formerly|soon|thereafter|afterwards)\s+(?=[a-z])|"
    # "Formally it called itself ...": an adverb before the subject.
    r"[a-z]+ly\s+(?=(?:it|they)\b)|"
    # "Claiming to defend the king, ...": a participle's clause before the subject.
    r"[a-z]+ing\b[^,]{1,160},\s*|"
    # "Once the new government had been sworn in, ...", "Like the White League in Louisiana,
    # ...": a subordinate clause or a comparison before the subject.
    r"(?:once|when|after|before|while|although|though|since|as|if|because|until|following|"
    r"with|despite|after|like|unlike|during|throughout|amid)\b[^,]{1,160},\s*|"
    # "During the Kurdish rebellion its fighters ...", "At the Hamrin congress in 1968 the
    # DLF ...": a time or place phrase, no comma, before a pronoun or a named subject.
    # (not a name that is the object of a preposition: "In the fight against the FDLR the
    # Raia Mutomboki ...")
    r"(?:during|throughout|amid|in|after|before|at)\s+the\s+[^,;]{1,80}?\s+"
    + "".join(rf"(?<!\b{word}\s)" for word in ("against", "with"))
    + r"(?=(?:it|its|they|their)\s|(?-i:the\s+[A-Z])))+",
    re.I,
)


ACRONYM_SHAPE_RE = re.compile(r"[A-Z][A-Z0-9./&-]*[A-Z0-9]\.?")


# Words that say what kind of body a group is, not which one.
KIND_WORDS = HEAD_WORDS | {"Division", "Regiment", "Corps", "Unit", "Units", "Detachment",
                           "Column", "Company", "The", "National", "People's", "Popular"}  # fmt: skip


def _short_form_of(short, name):
    """Whether `short` is some of `name`'s words, in a row, and not all of them ("Fatemiyoun"
    of "Fatemiyoun Division"); words that say no more than a kind ("Division") are not
    enough."""
    words, whole = short.split(), name.split()
    if not words or len(words) >= len(whole) or all(w in KIND_WORDS for w in words):
        return False
    return any(whole[i : i + len(words)] == words for i in range(len(whole) - len(words) + 1))


def is_acronym(name):
    return bool(ACRONYM_SHAPE_RE.fullmatch(name)) and sum(ch.isupper() for ch in name) >= 2


# Words an acronym skips and never takes a letter from (unlike "of" in "Congress of Racial
# Equality (CORE)", "a" in "Muerte a Secuestradores (MAS)" or "in" in "SPLM-IO").
SILENT_WORDS = frozenset({"the", "into", "onto"})


@lru_cache(maxsize=4096)  # asked of the same pairs again and again (every name, every own name)
def abbreviates(short, long):
    """Whether `short` is made of the initials of `long`'s words, in order ("SLA" and "South
    Lebanon Army", "ZNLWVA"): one may skip linking words, none may be made up."""
    letters = [ch for ch in short.upper() if ch.isalpha()]
    words = [w for w in re.split(r"[\s/-]+", _without_punctuation(long)) if w]
    if not letters or not words:
        return False
    if letters[0] != words[0][0].upper():
        return _same_initials(letters, words)
    index = 0
    for word in words:
        if word in SILENT_WORDS:
            continue  # "ZIPRA into the Zimbabwe People's Army (ZIPA)": no I from "into"
        if index < len(letters) and word[0].upper() == letters[index]:
            index += 1
    capitals = [w for w in words if w[0].isupper()]
    if index == len(letters) and capitals and capitals[-1][0] == letters[-1]:
        return True  # "Anambra State Vigilante Services (AVS)" skips "State"
    # The acronym may follow the name in another language ("Party of National
    # Conciliation (PCN)").
    return _same_initials(letters, words)


# The lookbehind after the first capital tests the character before it, and lets the
# search jump from capital to capital.
OWN_ACRONYM_RE = re.compile(r"([A-Z](?<![\w-][A-Z])[A-Z]{2,7})s?(?![\w-])")


def _same_initials_all(acronym, name):
    """Whether `acronym` is exactly the initials of `name`'s capitalised words, in order
    ("USC", "Ulster Special Constabulary")."""
    words = [w for w in re.split(r"[\s/-]+", _without_punctuation(name)) if w and w[0].isupper()]
    return "".join(w[0] for w in words).upper() == acronym


def _same_initials(letters, words):
    initials = [w[0].upper() for w in words if w[0].isupper()]
    return len(letters) >= 3 and sorted(letters) == sorted(initials)


PUNCTUATION_RE = re.compile(r"[\"'\u2018\u2019\u201c\u201d().,]")


def _without_punctuation(text):
    return PUNCTUATION_RE.sub("", text)


def is_name_pair(outer, inner, following):
    """ "Long Name (LN)" or "Mai Mai (Mayi Mayi)" gives two names of one group; "CHDF
    (Wikipedia)." and "... (Human Rights Watch 2003)" cite a source."""
    if is_acronym(inner):
        return abbreviates(inner, outer)
    if is_acronym(outer):
        return abbreviates(outer, inner)
    if any(ch.isdigit() for ch in inner):
        return False
    # A source cited at the end of a clause; a name of two words or more that names no
    # source is the other name ("organised themselves as the Young Patriots (Jeunes
    # Patriotes).").
    if not re.match(r"\s*(?:[.;:]|,\s|$)", following):
        return True
    return len(inner.split()) >= 2 and not SOURCE_WORDS_RE.search(inner)


SOURCE_WORDS_RE = re.compile(
    r"\b(?:Wikipedia|Watch|International|Reports?|News|Times|Post|Press|Agency|University|"
    r"Institute|Journal|Review|Guardian|BBC|Amnesty|Crisis|Council|Project|Network|Database|"
    r"Gazette|Tribune|Herald|Monitor|Library|Archive|Archives|Centre|Center|Foundation|"
    r"Commission|Office|Ministry|Survey|Encyclopedia|Britannica|Dataset|Data)\b"
)


def clause_speaks_of(clause, is_own):
    """Whether a clause, read from its start, is about the profiled group.

    Its subject decides: "it", "the group" or one of the group's names is; another
    group's name is not; a person, the state or no name at all leaves it to the group.
    """
    clause = strip_opening(clause)
    if SELF_SUBJECT_RE.match(clause):
        return True
    first = name_at(clause, 0)
    if first and first[1] <= 4 and first[0] not in NOT_NAME_WORDS:
        if first[1] == 0 and COMMON_WORD_RE.fullmatch(first[0]):
            return True  # "To drive the FARC out", "Protection of energy sites": no subject
        return is_own(first[0]) or not looks_like_group(first[0])
    return True


# A capitalised word opening a clause that is a plain word, not a name: an infinitive's
# "To", a gerund, an abstract noun.
COMMON_WORD_RE = re.compile(
    r"To|For|Local|Former|Young|Rural|Tribal|Ethnic|Other|Such|Armed|"
    r"[A-Z][a-z]+(?:ing|tion|sion|ment|ance|ence|ity|ism|cy|ure)"
)


def strip_opening(clause):
    """The clause without its opening date or adverb, so that it starts with its subject."""
    match = OPENING_RE.match(clause)
    return clause[match.end() :] if match else clause


# The clause subject that means the profiled group.
SELF_SUBJECT_RE = re.compile(
    r"^\s*(?:it|its|they|their|the\s+(?:group|militia|organi[sz]ation|movement|force|faction|"
    r"patrols|vigilantes|members|gang|unit|party|majority|PGM)|members|patrollers)\b",
    re.I,
)


def name_before(text: str, position: int) -> str | None:
    """The capitalised name that ends just before `position` (skipping "(ACRONYM)" and commas)."""
    head = text[:position].rstrip(" ,")
    if head.endswith(")"):
        opened = head.rfind("(")
        if opened != -1:
            head = head[:opened].rstrip()
    offset = max(0, len(head) - 200)
    kept = []
    for match in reversed(list(TOKEN_RE.finditer(head, offset))):
        end = kept[-1].start() if kept else len(head)
        if head[match.end() : end] not in ("", " "):
            break
        word = match.group()
        if re.fullmatch(r"1\d{3}|20\d{2}", word) and kept and kept[-1].group()[0].islower():
            break  # "after the coup of 4 March 1996 the Reed Guard": a date ends the name
        if (
            word[0].isupper()
            or word[0].isdigit()
            or word in CONNECTORS
            or re.match(r"^[a-z]{1,3}-[A-Z]", word)
        ):
            kept.append(match)
        else:
            break
    # A name starts with a capitalised word, not with "of" or "the", nor with "In 2013 the".
    while kept and (
        not kept[-1].group()[0].isupper()
        or kept[-1].group() in NOT_NAME_WORDS
        and not (
            kept[-1].group() in NAME_ADJECTIVES
            and len(kept) > 1
            and head.endswith("the ", 0, kept[-1].start())
        )
    ):
        kept.pop()
    if not kept:
        return None
    start = kept[-1].start()
    found = name_at(head, start)
    if not found or found[2] != len(head):
        return None
    name = found[0]
    # "..., in Spanish Patrullas de ...": the language is not part of the name.
    language = re.match(rf"(?:{LANGUAGES})\s+", name)
    if language and re.search(r"\bin\s+$", head[:start]):
        name = name[language.end() :]
    return None if name in NOT_NAME_WORDS else name


def clause_subject(text: str, position: int) -> str:
    """The start of the clause that `position` is in, for deciding who it speaks of."""
    # "under C. G. E. Mannerheim": an initial's full stop ends no clause.
    breaks = [m.start() for m in CLAUSE_STOP_RE.finditer(text, 0, position)]
    start = breaks[-1] if breaks else -1
    return text[start + 2 if start >= 0 else 0 : position]


# (The lookbehind after the full stop, so that the search jumps to full stops and semicolons.)
CLAUSE_STOP_RE = re.compile(r"\.(?<!\b[A-Z]\.) |; ")


QUOTED_NAME_RE = re.compile(
    r"[\"'\u2018\u201c](?P<name>[^\"'\u2019\u201d]{2,60}?)[\"'\u2019\u201d](?!\w)"
)
HEAD_NOUN_RE = re.compile(
    r" (?:militias?|group|vigilantes?|movement|army|force|battalion|brigade|faction|cell|"
    r"alliance|front|network|gang|squad|unit|league|coalition)\b"
)


# Words that may stand before "known as" when the name is the group's.
GROUP_LEAD_WORDS = {
    "is", "was", "were", "are", "be", "been", "being", "also", "commonly", "popularly",
    "locally", "better", "widely", "sometimes", "often", "usually", "simply", "formerly",
    "previously", "originally", "informally", "group", "militia", "militias", "force",
    "forces", "organisation", "organization", "movement", "unit", "faction", "it", "they",
    "itself", "themselves", "and", "or", "collectively", "generally", "now", "later",
    "officially", "paramilitary", "paramilitaries", "vigilantes", "gang", "gangs", "wing",
    "network", "party", "army", "brigade", "battalion", "members", "fighters", "which", "who",
    "soon", "eventually", "first", "initially", "then",
}  # fmt: skip


MONTH_NAMES = "|".join(month.title() for month in MONTHS)
DATE_AT_END_RE = re.compile(
    rf"(?:(?:\s+(?:of|on|in))?(?:\s+\d{{1,2}})?\s+(?:{MONTH_NAMES})|\s+of)\s+\d{{4}}[\s,]*$"
)


def _names_a_thing(text, position):
    """ "a separate headquarters known as ...", "an order commonly known as ...": the name
    belongs to the noun before it, which is not a group."""
    # "the failed uprising of 29 June 1973 known as the Tanquetazo": the noun before its date.
    head = DATE_AT_END_RE.sub("", text[:position])
    before = re.search(r"([A-Za-z]+)[\s,]*$", head)
    if not before:
        return False
    word = before.group(1)
    if word in ("became", "become", "becomes"):
        # "The group became known as ..." (a name it took), but "in what became known as
        # the Wankie Campaign", "the majority became known as the Official IRA".
        before = re.search(r"([A-Za-z]+)[\s,]*$", head[: before.start()])
        if not before:
            return False
        word = before.group(1)
    if word.islower() and word not in GROUP_LEAD_WORDS:
        return True
    # "formed a marine unit known as the Sea Commandos": another body, which the group formed.
    return bool(
        re.search(
            r"\b(?:a|an|another|one|second|new)\s+(?:[\w-]+\s+)?[a-z]+\s*,?\s*$",
            text[max(0, position - 40) : position],
        )
    )


# A name written in a script without capitals (Arabic, Cyrillic words are capitalised but
# Burmese, Thai, Hebrew ... are not): letters that are not Latin, up to punctuation.
OTHER_SCRIPT_NAME_RE = re.compile(
    r"\s*((?:(?![A-Za-z\u00c0-\u024f])[^\W\d_][\w\u0300-\u036f\u064b-\u065f\u0e31-\u0e4e\u102b-\u103e'-]*\s?)+)"
)


LANGUAGE_NAMED_RE = re.compile(rf"\b(?:{LANGUAGES})\s+name\b")
FOREIGN_NAME_RE = re.compile(
    r"[A-Z\u00c0-\u00de][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,8}(?=\s*[.;,)]|\s*$)"
)


def _name_in_its_language(text, position):
    """The whole name after "Its French name is": its words up to the clause's end."""
    found = FOREIGN_NAME_RE.match(text, position)
    return (found.group(), found.start(), found.end()) if found else None


# "short for Nagkahiusang Katawhan Alang sa Kalinaw (...)", "officially Jamā'at Ahl
# as-Sunnah lid-Da'wah wa'l-Jihād (Arabic: ...)": a full name in a language whose names go
# on in lower case, read to the clause's end.
FULL_NAME_INTRODUCERS_RE = re.compile(
    r"(?:short\s+for|stands?\s+for|officially|formally|in\s+full)\s+(?:the\s+)?$"
)
LOWER_CASE_GOES_ON_RE = re.compile(r"(?:\s+[^\W\d_][\w'\u2019-]*){1,8}?(?=\s*(?:[,;.(]|$))")


def _full_name_end(text, found):
    """Where a name read up to a lower-case word ends when it goes on in another language
    to the clause's end ("Alang sa Kalinaw"), or its own end."""
    goes_on = LOWER_CASE_GOES_ON_RE.match(text, found[2])
    if not goes_on or not goes_on.group().split()[0][0].islower():
        return found[2]
    words = goes_on.group().split()
    if any(word.lower() in ENGLISH_STOP_WORDS for word in words):
        return found[2]  # "short for Hill Guard in Spanish": the sentence goes on in English
    return goes_on.end()


def _introduced_name(text, position, article_before_quote=False):
    """The name an introducer gives: capitalised ("Kikuyu Guard"), with a lower-case head
    noun ("Karimojong militia"), or in quotes ("'war vets'", "“Aydar battalion”"); after
    "called", also an article before the quotes ('first called the "Free Lebanon Army"')."""
    article = article_before_quote and re.match(
        r"the\s+(?=[\"'\u2018\u201c])", text[position : position + 6]
    )
    quoted = QUOTED_NAME_RE.match(text, position + (article.end() if article else 0))
    if quoted:
        name = quoted.group("name").strip()
        return (name, quoted.start("name"), quoted.end("name")) if name else None
    digits_first = DIGIT_ACRONYM_RE.match(text, position)
    if digits_first:
        return digits_first.group(), digits_first.start(), digits_first.end()
    script = OTHER_SCRIPT_NAME_RE.match(text, position)
    if script:
        name = script.group(1).rstrip()
        return name, script.start(1), script.start(1) + len(name)  # "called لواء صقور الصحراء"
    found = name_at(text, position)
    if found and FULL_NAME_INTRODUCERS_RE.search(text, max(0, position - 20), position):
        end = _full_name_end(text, found)
        found = (text[found[1] : end], found[1], end)
    if found:
        spelled_out = _spelled_out_end(text, found[1])
        if spelled_out > found[2]:
            return text[found[1] : spelled_out], found[1], spelled_out
        head = HEAD_NOUN_RE.match(text, found[2])
        if head:
            return text[found[1] : head.end()], found[1], head.end()
    return found


# A name in a language that writes its words in lower case, up to the acronym that spells
# it out: "Comité secret d'action révolutionnaire (CSAR)".
SPELLED_OUT_RE = re.compile(r"((?:[^\W\d_][\w'’-]*\s+){1,7}?[^\W\d_][\w'’-]*)\s+\(([A-Z]{2,8})\)")
ELISION_RE = re.compile(r"^(?:[dlDL]|qu)['’](?=\w)")
INITIAL_SKIPS = {"de", "del", "des", "du", "la", "le", "les", "el", "los", "las", "y", "e", "i"}


def _spelled_out_end(text, start):
    """Where a name starting at `start` ends when the acronym after it gives each of its
    words' initials (linking words aside), or -1."""
    match = SPELLED_OUT_RE.match(text, start)
    if not match:
        return -1
    words = [ELISION_RE.sub("", word) for word in match.group(1).split()]
    return match.end(1) if _initials(words, INITIAL_SKIPS) == match.group(2) else -1


def _initials(words, skips):
    """The upper-case initials of `words`, but for those in `skips` (lower case)."""
    return "".join(w[0] for w in words if w.lower() not in skips).upper()


FURTHER_NAME_RE = re.compile(
    r"\s*(?:,\s*)?\b(?:or\s*(?:,\s*[^,;()]{3,40},\s*)?(?:as\s+|simply\s+)?|and\s+as\s+)"
    r"(?:the\s+)?(?=[A-Z])"
)
TRANSLATED_NAME_RE = re.compile(r"\s*\((?P<inner>[^()\d,;:]{2,60})\)")


def _names_that_follow(text, end):
    """Further names given with an introduced one: "also spelled Janjawid or Jingaweit",
    "known as the Tigers (Tigrovi)": (name, position) each."""
    found = []
    while True:
        translated = TRANSLATED_NAME_RE.match(text, end)
        if translated:
            inner = translated.group("inner").strip()
            named = name_at(inner, 0)
            if (
                named
                and named[0] == inner
                and not countries.code_for(inner)
                and not GLOSS_RE.search(inner)
                and inner not in NOT_NAME_WORDS
            ):
                found.append((inner, translated.start("inner")))
            end = translated.end()
        further = FURTHER_NAME_RE.match(text, end)
        if not further:
            return found
        named = _introduced_name(text, further.end())
        if not named or named[0] in NOT_NAME_WORDS:
            return found
        found.append((named[0], named[1]))
        end = named[2]


OWN_KIND_BEFORE_RE = re.compile(
    r"(?:^|\.\s+|:\s+)(?:The|the)\s+(?:force|group|militia|movement|organi[sz]ation|unit|corps|"
    r"brigade|network|league|legion|battalion|regiment|faction)\s*$"
)
# What may stand before the name that opens a sentence or a field: "The Fatemiyoun (...)".
OPENING_BEFORE_RE = re.compile(r"(?:^|\.\s+|:\s+)(?:The\s+)?$")
EVENT_NAME_WORDS = {"War", "Rebellion", "Uprising", "Revolution", "Massacre", "Crisis", "Affair",
                    "Incident", "Operation", "Coup", "Riots", "Strike"}  # fmt: skip
OTHER_BODY_BEFORE_RE = re.compile(
    r"(?:\b(?:[Aa]|[Aa]n|[Aa]nother|[Oo]ne)\s+(?:[\w-]+\s+){0,2}(?:group|faction|splinter|"
    r"offshoot|organi[sz]ation|movement|cell|militia|network)|"
    r"\b(?:[Ii]ts|[Tt]heir)\s+(?:parent|mother|sister|rival|former)\s+(?:body|organi[sz]ation|"
    r"party|group|movement)|"
    r"\b(?:formed|set\s+up|raised|created|founded|organi[sz]ed)\s+(?:[\w-]+\s+){0,3}"
    r"(?:militias?|groups?|units?|forces?|brigades?|squads?))\s*,?\s*$"
)
# "It fought a band that locals referred to as the Wolves": the name of the band.
OTHER_BODY_RELATIVE_RE = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w-]+\s+){0,2}(?:band|gang|group|faction|militia|"
    r"movement|organi[sz]ation|unit|squad|outfit|cell|network)\s+(?:that|which|whom)\s+"
    r"(?:[\w-]+\s+){0,3}$"
)
COPULA_BEFORE_RE = re.compile(r"\b(?:is|was|are|were|became|remained)\s+$")
LISTED_NAME_JOIN_RE = re.compile(r"\s*(?:\([^()]*\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _names_listed(text, position):
    """(name, position) of each name of a list that starts at `position`: "the names
    Anti-Imperialist International Brigade (AIIB) and Holy War Brigade"."""
    found = []
    while True:
        named = name_at(text, position)
        if not named:
            return found
        # A name read across "and" is two names: "KADEK and Kongra-Gel".
        for part in re.split(r"\s+and\s+", named[0]):
            found.append((part, text.find(part, named[1])))
        joined = LISTED_NAME_JOIN_RE.match(text, named[2])
        if not joined:
            return found
        position = joined.end()


MEMBERS_SUBJECT_RE = re.compile(
    r"^\s*(?:its|their|the\s+group's|the)?\s*members(?:\s+(?:were|are|was|is|became))?\s*$", re.I
)
SPLIT_FROM_RE = re.compile(
    r"\b(?:broke|split|splintered|seceded)\s+(?:away\s+|off\s+)?from\b|\bbroke\s+away\b|"
    # "A faction built around the 5th Brigade ... renamed itself": the faction's name.
    r"^\s*(?:[A-Z][\w\s,]{0,40}?)?\b(?:[Aa]|[Oo]ne)\s+(?:dissident\s+|rival\s+)?"
    r"(?:faction|splinter|breakaway|offshoot)\b"
)


# "called the CCAT a violent, mafia-like organisation": what it was called, not its name.
PREDICATE_AFTER_RE = re.compile(r"\s+(?:a|an)\s+[a-z]")
# "its new leader renamed it the National Guard", "people called them "Jan Hagel"", "the
# council reorganised it as the ...": whoever names it, the object is the group the text
# is about.
OBJECT_NAMED_RE = re.compile(
    r"\b(?:renamed|rebranded|called|nicknamed|dubbed|redesignated|reorgani[sz]ed|referred\s+to|"
    r"knew)\s+"
    r"(?:it|them|the\s+(?:unit|group|militia|force|corps|squads?|organi[sz]ation|movement))\s+"
    r"(?:(?:also|simply|locally)\s+)?(?:as\s+|to\s+)?"
)
# "Another spelling is ...", "Other spellings are Knindze and Kninjas": each is a name.
SPELLINGS_RE = re.compile(r"\bspellings\s+(?:are|include)\s+")
# "commonly known as 1J4", "(3R; French: ...)": an acronym that opens with a digit.
DIGIT_ACRONYM_RE = re.compile(r"\d{1,2}[A-Z][A-Z0-9-]*(?![\w-])")

INTRODUCER_WORDS = tuple(dict.fromkeys(word for words, _pattern in INTRODUCERS for word in words))


# word -> the indexes of the introducers it cues, so that a text tries only those of the
# words it holds (in INTRODUCERS' order) without testing every introducer's words.
def _introducers_of_word():
    found = {}
    for index, (words, _pattern) in enumerate(INTRODUCERS):
        for word in words:
            found.setdefault(word, []).append(index)
    return found


INTRODUCERS_OF_WORD = _introducers_of_word()


def _introducer_cues(lowered):
    """The introducers' words a lower-cased text holds (each is in it as a substring)."""
    return words_in(lowered, INTRODUCER_WORDS)


class AliasReader:
    """Reads a text's statements of names, given the names the group already has."""

    def __init__(self, own_names):
        self.own_names = [name for name in own_names if name]
        self.own_keys = {name_key(name) for name in own_names if name}
        self.aliases = []  # (position, name)
        self.offset = 0
        self.claims = []

    def is_own(self, name):
        return bool(name) and name_key(name) in self.own_keys

    def names_us_before(self, text, position, outer):
        """Whether what stands before a parenthesis at `position` (`outer`, the name that ends
        there, if any) names the group: one of its names; "The group", "The legion" opening a
        sentence; or a short form of one of its names opening one ("The Fatemiyoun (Persian:
        ...)" in a text on the Fatemiyoun Division)."""
        if not outer:
            return bool(OWN_KIND_BEFORE_RE.search(text, 0, position))
        if self.is_own(outer):
            return True
        start = text.rfind(outer, 0, position)
        return bool(
            start >= 0
            and OPENING_BEFORE_RE.search(text, 0, start)
            and any(_short_form_of(outer, own) for own in self.own_names)
        )

    def add_alias(self, name, position):
        name = strip_article(name)
        key = name_key(name)
        if len(key) < 2 or key in self.own_keys or countries.code_for(name):
            return False  # (a single letter is a piece of a name, never one)
        if name.split()[-1] in EVENT_NAME_WORDS:
            return False  # "the secession attempt known as the Coconut War": an event
        self.own_keys.add(key)
        self.aliases.append((self.offset + position, name))
        return True

    def add_claim(self, subject, name, display):
        subject, name = strip_article(subject), strip_article(name)
        if name_key(subject) and name_key(name) and name_key(subject) != name_key(name):
            claim = ParsedAliasClaim(subject, name, display)
            if claim not in self.claims:
                self.claims.append(claim)

    def subject_is_own(self, text, position, appositive):
        """Whether the statement at `position` is about the profiled group."""
        if appositive:
            return self.is_own(appositive)
        # "Its members were known as Chites": the members' name, not the group's.
        if MEMBERS_SUBJECT_RE.search(clause_subject(text, position)):
            return False
        # "a former police captain known as El Zorro": a person's nickname.
        if PERSON_BEFORE_RE.search(text[max(0, position - 60) : position]):
            return False
        # "Mohammad Yusuf Parray (known as Kuka Parray)": the nickname of the person before.
        person = PERSON_NAME_BEFORE_RE.search(text, max(0, position - 80), position)
        if person and not self.is_own(person.group(1)) and not looks_like_group(person.group(1)):
            return False
        # "... whose faction broke away from the Ninjas and called itself X": the splinter's.
        if SPLIT_FROM_RE.search(clause_subject(text, position)):
            return False
        # "a dissident faction calling itself ...", "its parent body renamed itself ...",
        # "villages formed militias known as ...": another body.
        if OTHER_BODY_BEFORE_RE.search(text, max(0, position - 80), position):
            return False
        other = OTHER_BODY_RELATIVE_RE.search(text, max(0, position - 80), position)
        if other and not COPULA_BEFORE_RE.search(text, 0, other.start()):
            return False  # (but "The Hill Guard was a militia that locals called ...": ours)
        # "the Amur River, which is called Heilongjiang": what the relative clause names.
        relative = re.search(r",\s*(?:which|that|who)\s+$", text[:position])
        if relative:
            antecedent = name_before(text, relative.start())
            if antecedent and not self.is_own(antecedent):
                return False
        # "Luckner Cambronne, who led the militia, was nicknamed ...": a person's name.
        if re.search(r",\s+who\s", clause_subject(text, position)):
            return False
        return clause_speaks_of(clause_subject(text, position), self.is_own)

    def read(self, text, offset=0):
        """Read one paragraph; `offset` places it in the document, for the order of aliases."""
        self.offset = offset
        lowered = text.lower()
        if "(" in text:
            # The names a parenthesis lists first: "(Οργάνωσις Χ, also written Organisation
            # Chi)" is introduced by one of them.
            self._read_name_lists(text)
        cues = _introducer_cues(lowered)
        tried = sorted({index for cue in cues for index in INTRODUCERS_OF_WORD[cue]})
        for words, pattern in (INTRODUCERS[index] for index in tried):
            for match in pattern.finditer(text):
                if words == ("known",) and _names_a_thing(text, match.start()):
                    continue
                # "Its French name is Mouvement pour le salut de l'Azawad": a name in a
                # language that writes its words in lower case, up to the clause's end.
                in_its_language = LANGUAGE_NAMED_RE.search(match.group())
                found = (in_its_language and _name_in_its_language(text, match.end())) or (
                    _introduced_name(text, match.end(), "called" in words or "calling" in words)
                )
                if not found or found[0] in NOT_NAME_WORDS:
                    continue
                if "called" in words and PREDICATE_AFTER_RE.match(text, found[2]):
                    continue  # "the minister, Gérald Darmanin, called the CCAT a violent ..."
                name = found[0]
                appositive = None
                if match.group().lstrip().startswith((",", "(")) or text[
                    : match.start()
                ].rstrip().endswith(","):
                    appositive = name_before(text, match.start())
                if appositive and self.is_own(name) and not self.is_own(appositive):
                    # "The Zimbabwe ... Association (ZNLWVA), commonly known as 'war vets'":
                    # the long name is the group's too.
                    self.add_alias(appositive, text.rfind(appositive, 0, match.start()))
                elif self.subject_is_own(text, match.start(), appositive):
                    if "names" in match.group() or SPELLINGS_RE.search(match.group()):
                        # "used the names KADEK and Kongra-Gel": each is a name.
                        for part, position in _names_listed(text, found[1]):
                            self.add_alias(part, position)
                        continue
                    self.add_alias(name, found[1])
                    for further, position in _names_that_follow(text, found[2]):
                        self.add_alias(further, position)
                elif appositive:
                    self.add_claim(appositive, name, display=True)
        for match in OBJECT_NAMED_RE.finditer(text):
            found = _introduced_name(text, match.end(), article_before_quote=True)
            if not found or found[0] in NOT_NAME_WORDS:
                continue
            if SPLIT_FROM_RE.search(clause_subject(text, match.start())):
                continue  # "a faction broke away and renamed itself ...": the faction's
            if self.add_alias(found[0], found[1]):
                for further, position in _names_that_follow(text, found[2]):
                    self.add_alias(further, position)
        for match in CORRESPONDS_RE.finditer(text) if "correspond" in lowered else ():
            subject = name_before(text, match.start())
            found = name_at(text, match.end())
            if not subject or not found:
                continue
            if self.is_own(subject):
                self.add_alias(found[0], found[1])
            elif self.is_own(found[0]):
                self.add_alias(subject, match.start())
            else:
                self.add_claim(subject, found[0], display=True)
        self._read_parentheses(text)
        self._read_own_acronyms(text)

    def _read_own_acronyms(self, text):
        """ "The USC was divided into three classes": the initials of one of the group's
        names, used as its name (also in the plural, "The SGUs were to fight")."""
        for match in OWN_ACRONYM_RE.finditer(text):
            acronym = match.group(1)
            if name_key(acronym) in self.own_keys:
                continue
            if any(
                len(own.split()) >= 3 and _same_initials_all(acronym, own) for own in self.own_names
            ):
                self.add_alias(acronym, match.start(1))

    def _read_parentheses(self, text):
        """ "Long Name (ACRONYM)": an alias when the long name is one of the group's; and
        "The NDF (قوات الدفاع الوطني, Quwat al-Difa' al-Watani)": a list of its names."""
        if "(" in text:
            self._read_name_lists(text)
        pairs = []
        for match in PARENTHESIS_RE.finditer(text) if "(" in text else ():
            if NOT_THE_SAME_RE.search(text, 0, match.start()):
                continue  # "not to be confused with the Tamil National Alliance (TNA)"
            inner = match.group("inner")
            # "set up the Defense Companies (سرايا الدفاع)", "The force (Arabic: قوات ...)":
            # its name in its own script.
            script = re.sub(rf"^(?:{LANGUAGES})\s*:\s*", "", inner)
            if not re.search(r"[A-Za-z\d]", script) and OTHER_SCRIPT_NAME_RE.fullmatch(script):
                if self.names_us_before(text, match.start(), name_before(text, match.start())):
                    self.add_alias(script.strip(), match.start("inner") + inner.find(script))
                continue
            found = name_at(inner, 0)
            if not found or found[0] != inner.strip() or found[0] in NOT_NAME_WORDS:
                # "the Lithuanian Activist Front (Lietuvių aktyvistų frontas)", "The CPJP
                # (Convention des patriotes pour la justice et la paix)": its name written
                # in its own language, whose words give its acronym.
                if self._spelled_acronym(inner) and self.names_us_before(
                    text, match.start(), name_before(text, match.start())
                ):
                    self.add_alias(inner.strip(), match.start("inner"))
                continue
            if countries.code_for(inner) or re.fullmatch(r"[\d\s–-]+", inner):
                continue
            outer = name_before(text, match.start())
            if outer and is_name_pair(outer, inner, text[match.end() :]):
                pairs.append((outer, inner, match.start("inner")))
        changed = True
        while changed:
            changed = False
            for outer, inner, position in pairs:
                if self.is_own(outer) and not self.is_own(inner):
                    changed |= self.add_alias(inner, position)
                elif self.is_own(inner) and not self.is_own(outer):
                    changed |= self.add_alias(outer, position)
        for outer, inner, _position in pairs:
            if not self.is_own(outer) and not self.is_own(inner):
                # Another group's acronym: kept only to link names, never shown.
                self.add_claim(outer, inner, display=False)

    def _spelled_acronym(self, inner):
        """Whether `inner` is a name in sentence case whose words, but for linking words,
        give exactly the letters of one of the group's acronyms."""
        words = inner.split()
        if not 2 <= len(words) <= 10 or not words[0][:1].isupper() or GLOSS_RE.search(inner):
            return False
        if re.search(r"[\d:;\"'\u2018\u2019\u201c\u201d]", inner):
            return False
        initials = _initials(words, CONNECTORS)
        return any(
            is_acronym(own) and re.sub(r"[^A-Z]", "", own) == initials for own in self.own_names
        )

    def _read_name_lists(self, text):
        for match in NAME_LIST_RE.finditer(text):
            outer = name_before(text, match.start())
            if not (
                self.names_us_before(text, match.start(), outer)
                or outer
                and is_acronym(outer)
                and any(abbreviates(outer, own) for own in self.own_names)
            ):
                continue
            names, written = parenthesis_names(match.group("inner"))
            if not written:
                continue  # no script, romanisation or language label: not a list of names
            for name in names:
                name = strip_article(name.strip(" ,.:'\"\u2018\u2019"))
                if name in written or is_acronym(name) or _looks_like_a_name(name, self.is_own):
                    self.add_alias(
                        name, match.start("inner") + max(0, match.group("inner").find(name))
                    )

    def result(self):
        return [name for _, name in sorted(self.aliases)], self.claims


# The verb that ends an article's opening name block: "X (...), also known as Y, was a ...".
OPENING_VERB_RE = re.compile(
    r"\s(?:was|is|were|are|has\s+been|had\s+been|have\s+been|refers\s+to|served|existed|"
    r"emerged|operated|operates)\b"
)
# What a parenthesis of the opening may say that is not a name: glosses and pronunciations.
GLOSS_RE = re.compile(
    r"^(?:lit\b|literally|meaning|transl|translated|pronounced|pronunciation|i\.e\.|e\.g\.|"
    r"roughly|approximately|loosely|"
    rf"founded|formed|established|active|\d|(?:{LANGUAGES})\s+for\s)|pronunciation|"
    r"^['\"\u2018\u201c]",
    re.I,
)
NAME_JOINERS_RE = re.compile(
    rf"\s*(?:,\s*)?(?:\b(?:known\s+)?in\s+(?:{LANGUAGES})(?:\s+as\b|\s*:|\b)|\bor\s+as\b|"
    r"\bor\s+(?:simply|just)\b|\bor\b|\balso\s+known\s+as\b|\balso\s+called\b|"
    r"\b(?:usually|commonly|often|simply|better|widely|locally|sometimes)\s+(?:known\s+)?"
    r"(?:simply\s+)?(?:as|called)\b|\balso\b|;|"
    # "Komalah (...), in full the Revolutionary Organization of ..., is". (Not "formally":
    # as a joiner it read a wrong name more often than a right one.)
    r"\bin\s+full\b)\s*"
)


DATE_OPENING_RE = re.compile(
    r"\s*(?:In|On|By|From|Since|During|After|Until)\s+[^,()]{0,30}?\b(?:1[89]\d\d|20\d\d)s?\b"
    r"\s*,?\s*"
)


def opening_names(sentence, is_own):
    """Other names an article's first sentence gives its subject before the verb.

    "The South Lebanon Army or South Lebanese Army (SLA; Arabic: ..., Jayš ...), also
    known as the Lahad Army (...) or as the De Facto Forces (DFF), was a militia ...":
    every name in that block is the group's, glosses ("lit. ...") and pronunciations not.
    """
    depth, end = 0, None
    for index, ch in enumerate(sentence):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and OPENING_VERB_RE.match(sentence, index):
            end = index
            break
    if end is None:
        return []
    # "In 1950 the Hill Army was renamed ...": the date before the name is no part of it.
    dated = DATE_OPENING_RE.match(sentence, 0, end)
    head = sentence[dated.end() if dated else 0 : end]
    outside = _names_outside(head)
    # The block names the group: one of its names, or one holding it ("Milice française"),
    # outside its parentheses or, for a title in the group's own language ("Patria y
    # Libertad"), inside them ("Fatherland and Liberty (Spanish: Frente Nacionalista
    # Patria y Libertad, FNPL)").
    inside = [
        re.sub(r"^[A-Za-z][\w ]{1,30}?\s*:\s*", "", item.strip())
        for inner in re.findall(r"\(([^()]*)\)", head)
        for item in re.split(r"\s*[;,|]\s*", inner)
    ]
    if not any(is_own(n) or _holds_own(n, is_own) for n in [*outside, *inside]):
        return []
    names = list(outside)
    written = []  # transliterations and scripts: names whatever their case
    for inner in re.findall(r"\(([^()]*)\)", head):
        parts, as_written = parenthesis_names(inner)
        names.extend(parts)
        written.extend(as_written)
    found = []
    for name in names:
        if name.startswith(("'", '"', "\u2018", "\u201c")):
            continue  # a quoted translation is a gloss
        name = strip_article(name.strip(" ,.:'\"\u2018\u2019"))
        if name and not is_own(name) and (name in written or _looks_like_a_name(name, is_own)):
            found.append(name)
    # In the order the sentence gives them.
    return sorted(found, key=lambda n: head.find(n) if n in head else len(head))


def parenthesis_names(inner):
    """(names, written) of a parenthesis that lists names: "Arabic: ..., romanized: ...",
    "SLA; Arabic: ...". `written` are those to keep whatever their case: a script without
    Latin letters, a romanisation, a name after a language's label ("Slovene: Slovensko
    domobranstvo"). Glosses and pronunciations are no names."""
    names, written = [], []
    after_script = False  # the item before was written in a script without Latin letters
    for item in re.split(r"\s*[;,|]\s*", inner):
        item = re.sub(r"^\s*also\s+", "", item.strip())
        # "Urdu: لشکرِ طیبہ [ˈləʃkər eː ˈt̪ɛːjba]": the pronunciation is no part of the name.
        item = re.sub(r"\s*\[[^\]]*\]\s*$", "", item)
        if GLOSS_RE.search(item):
            after_script = False
            continue
        label = re.match(r"^[A-Za-z][\w ]{1,30}?\s*:\s*", item)  # "Arabic: ", "romanized: "
        if label:
            item = item[label.end() :]
        elif after_script and _romanisation(item):
            # "Arabic: القوات اللبنانية, al-Quwwāt al-Lubnāniyya": its romanisation follows.
            names.append(item)
            written.append(item)
            after_script = False
            continue
        after_script = False
        if not item or GLOSS_RE.search(item) or "[" in item:
            continue
        if re.fullmatch(rf"(?:{LANGUAGES})", item):
            continue  # "Nyatura (Kinyarwanda, roughly 'hit hard')": the language, no name
        parts = [p for p in re.split(r"\s+or\s+", item) if p]
        after_script = not re.search(r"[A-Za-z]", item)
        names.extend(parts)
        if label and (
            re.search(r"romani[sz]ed|translit|latin", label.group(), re.I)
            or label.group()[0].isupper()
            and not GLOSS_RE.search(label.group())
            # "from French: Groupe côtier armé".
            or re.fullmatch(rf"from\s+(?:{LANGUAGES})\s*:\s*", label.group())
        ):
            written.extend(p for p in parts if p[0].isupper() or not p[0].isascii())
        written.extend(p for p in parts if not re.search(r"[A-Za-z]", p))
    return names, written


def _romanisation(item):
    """Whether an unlabelled item could be a name romanised: a few Latin words, no digits,
    no acronym, not a gloss in quotes."""
    words = item.split()
    return (
        0 < len(words) <= 6
        and not re.search(r"[\d\"'‘“(]", item[:1] + item[-1:])
        and not re.search(r"\d", item)
        and not is_acronym(item)
        # "Ḥizbu 'llāh", "al-Quwwāt al-Lubnāniyya"; not "written Organisation Chi".
        and bool(re.match(r"[A-Z\u00c0-\u024f]|[a-z]{1,3}-", words[0]))
        and all(re.search(r"[A-Za-z\u00c0-\u024f]", word) for word in words)
    )


def _holds_own(name, is_own):
    words = name.split()
    return any(
        is_own(" ".join(words[i:j]))
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
        if (i, j) != (0, len(words))
    )


def _names_outside(head):
    """The names of an opening block outside its parentheses, in order."""
    outside = re.sub(r"\s*\([^()]*\)", "", head)
    parts = NAME_JOINERS_RE.split(outside)
    return [strip_article(p.strip(" ,")) for p in parts if p and p.strip(" ,")]


def _looks_like_a_name(name, is_own):
    if len(name) > 80 or countries.code_for(name):
        return False
    words = name.split()
    # "Milice française": the group's name with a word of its own language.
    if len(words) <= 4 and _holds_own(name, is_own):
        return not words[0][0].islower() and all(
            not w[0].islower() or w in CONNECTORS or not w.isascii() for w in words
        )
    first = name[0]
    if first.isalpha() and not first.isascii() and not first.isupper() and not first.islower():
        return True  # a script without case: Arabic, Bengali, Persian ...
    if not first.isupper():
        return False
    return all(
        w[0].isupper() or w in CONNECTORS or not w[0].isalpha() or re.match(r"^[a-z]{1,3}-", w)
        for w in words
    )
