"""Ties between the profiled group and other named groups, read from the group's side."""

import re

from profiles.parsing import countries
from profiles.parsing.aliases import clause_speaks_of, clause_subject, name_before
from profiles.parsing.known_names import is_known_name
from profiles.parsing.mentions import (
    COORDINATED_OF_RE,
    LEADING_NOT_NAME_RE,
    POSSESSIVE_END_RE,
    is_mentionable,
    organisation_of_person,
    two_names_of,
    without_nationality,
)
from profiles.parsing.name_shapes import ORGANISATION_WORD_RE, shaped_names
from profiles.parsing.names import (
    HEAD_WORDS,
    NOT_NAME_WORDS,
    FoundName,
    is_band_name,
    name_at,
    name_key,
    patron_length,
    peoples,
    strip_article,
    target_after,
    targets_after,
)
from profiles.parsing.text import holds_any, words_in
from profiles.parsing.types import ParsedRelation

# (words one of which the sentence must contain, phrase, relation): the other group's
# name follows the phrase. The words let most sentences skip most patterns.
PHRASES = [
    (
        ("fought", "fight", "battl", "waged"),
        r"\b(?:fought|fighting|fights|fight|battled|battling|waged\s+war)\s+(?:\w+\s+)?(?:against|on)\s+",
        "rival_of",
    ),
    (
        ("clash", "at war", "conflict", "feud"),
        r"\b(?:clashed|clashing|clashes|at\s+war|in\s+conflict|feuded|feuding)\s+"
        r"(?:(?:more|and|often|repeatedly|frequently|again|regularly|openly)\s+){0,4}with\s+",
        "rival_of",
    ),
    # "fought repeated battles with the Taliban", "waged a war against".
    (
        ("battle", "war", "skirmish", "clash"),
        r"\b(?:fought|fighting|waged|waging|engaged\s+in)\s+(?:\w+\s+){0,2}?(?:battles?|wars?|"
        r"skirmishes|clashes|gunfights|turf\s+wars?)\s+(?:\w+\s+)?(?:with|against)\s+",
        "rival_of",
    ),
    # "were rivals of X" (not "intimidated opponents of X", who are X's opponents).
    (
        ("rival", "antagonist", "enem", "adversar", "opponent", "nemesis"),
        r"\b(?:was|were|is|are|became|become|remained|as|being)\s+(?:a\s+|the\s+|its\s+|their\s+)?(?:\w+\s+)?(?:rivals?|antagonists?|enemy|enemies|adversary|adversaries|opponents?|nemesis)\s+(?:of|to)\s+",
        "rival_of",
    ),
    (
        ("rival", "antagonist", "enem", "adversar", "opponent", "target", "foe"),
        r"\b(?:main|chief|principal|primary|greatest|arch|declared|sworn)[\s-]+(?:rivals?|"
        r"antagonists?|enemy|enemies|adversary|adversaries|opponents?|targets?|foes?)\s+"
        r"(?:was|were|is|are)\s+(?:(?:members|supporters|fighters|activists|cadres)\s+of\s+)?",
        "rival_of",
    ),
    (
        (
            "wing",
            "arm ",
            "branch",
            "organisation",
            "organization",
            "league",
            "front of",
            "formation of",
            "armed force",
            "military force",
        ),
        # "the armed youth organisation of the single party", "a paramilitary formation of".
        r"\b(?:(?:youth|armed|military|militant|paramilitary|women's|student|political|militia|"
        r"fighting)\s+){1,2}(?:wing|arm|branch|organi[sz]ation|league|front|formation)\s+of\s+|"
        # "The KNLA is the armed force of the Karen National Union".
        r"\b(?:is|was|are|were|as)\s+the\s+(?:armed|military)\s+forces?\s+of\s+",
        "part_of",
    ),
    # "Its political wing was the Ulster Democratic Party": a party that is its part.
    (
        ("political wing", "political arm"),
        r"\b(?:[Ii]ts|[Tt]heir)\s+(?:own\s+)?political\s+(?:wing|arm)\s*(?:,\s*|\s+(?:was|is|became)\s+)",
        "has_part",
    ),
    # "it belongs to the Popular Mobilization Forces" (not "many members also belonged to
    # the Association ...": people's other membership).
    (("belongs",), r"\bbelongs\s+to\s+(?=(?:the\s+)?[A-Z])", "part_of"),
    # "bitter enemies of the National Liberation Alliance"; "The group opposes Hamas".
    (
        ("enemies of", "enemy of", "opposes"),
        r"\b(?:(?:bitter|sworn|old|implacable)\s+)?enem(?:y|ies)\s+of\s+|\bopposes\s+(?=(?:the\s+)?[A-Z])",
        "rival_of",
    ),
    # "a vigilante group made up of supporters of the New Patriotic Party"; "on behalf of the FSLN".
    (
        ("supporters of", "on behalf of"),
        r"\b(?:made\s+up\s+of|composed\s+of|drawn\s+from)\s+(?:\w+\s+)?(?:supporters|sympathi[sz]ers)"
        r"\s+of\s+|\bon\s+behalf\s+of\s+(?=(?:the\s+)?[A-Z])",
        "ally_of",
    ),
    (
        (
            "unit",
            "branch",
            "division",
            "section",
            "component",
            "battalion",
            "brigade",
            "member group",
            "affiliate",
        ),
        r"\b(?:a|the)\s+(?:unit|branch|division|section|component|battalion|brigade|member\s+group|affiliate)\s+of\s+",
        "part_of",
    ),
    (("part of",), r"\b(?:was|is|were|are|became|become)\s+(?:\w+\s+)?part\s+of\s+", "part_of"),
    (
        (" by ",),
        r"(?<!\ban\s)(?<!\ba\s)(?<!\bthe\s)\b(?:financed|funded|sponsored|armed|backed|supported|"
        r"bankrolled|equipped|paid|trained|controlled)\s+(?:in\s+(?:large\s+)?part\s+|\w+\s+)?by\s+(?!ethnic\b)",
        "sponsored_by",
    ),
    (
        (" from ",),
        r"\b(?:received|receiving|receives|got|obtained)\s+(?:\w+\s+){0,2}(?:support|funding|funds|money|weapons|arms|backing|training)\s+from\s+",
        "sponsored_by",
    ),
    (
        (
            "allied",
            "aligned",
            "allying",
            "aligning",
            "cooperated",
            "collaborated",
            "sided",
            "teamed",
            "joined forces",
        ),
        r"\b(?:allied|aligned|allying|aligning|cooperated|collaborated|sided|teamed\s+up|joined\s+forces)\s+(?:itself\s+|themselves\s+|closely\s+)?with\s+",
        "ally_of",
    ),
    (("ally", "allies"), r"\b(?:an?\s+|the\s+)?(?:\w+\s+)?(?:ally|allies)\s+of\s+", "ally_of"),
    (("alliance",), r"\bin\s+(?:an\s+)?alliance\s+with\s+", "ally_of"),
    (
        ("splinter", "breakaway", "offshoot"),
        r"\b(?:a|the)\s+(?:splinter|breakaway|offshoot)\s+(?:group\s+|faction\s+|wing\s+|organi[sz]ation\s+)?(?:of|from)\s+",
        "splinter_of",
    ),
    (
        ("broke", "breaking", "split", "seceded"),
        r"\b(?:broke|breaking|split|splintered|seceded)\s+(?:away\s+|off\s+)?(?:from|with)\s+",
        "splinter_of",
    ),
    ((" into ",), r"\b(?:merged|merging|absorbed|incorporated|folded)\s+into\s+", "merged_into"),
    # "merged with the People's War Group to form the CPI (Maoist)", "the VPR and COLINA
    # merged to form VAR-Palmares": the new body is what it merged into (the partner is no tie).
    (
        ("to form", "to create", "to found", "to establish"),
        r"\b(?:merged|merging|united|uniting|amalgamated|combined|joined\s+forces|joined)"
        r"(?:\s+with\s+[^.;:]{3,150}?)?\s+(?:in\s+(?:\w+\s+)?\d{4}\s+)?to\s+(?:form|create|found|"
        r"establish)\s+",
        "merged_into",
    ),
    (("absorbed by",), r"\b(?:was|were)\s+absorbed\s+by\s+", "merged_into"),
    (("successor",), r"\b(?:a\s+|the\s+)?successor\s+(?:to|of)\s+", "successor_of"),
    (
        ("grew", "emerged", "evolved", "developed"),
        r"\b(?:grew|emerged|evolved|developed)\s+(?:out\s+of|from)\s+",
        "successor_of",
    ),
    # "emerged in June 1969 from a faction of Students for a Democratic Society".
    (
        ("grew", "emerged", "arose"),
        r"\b(?:grew|emerged|arose)\s+(?:[\w,]+\s+){0,4}?(?:out\s+of|from)\s+(?:a|the|one)\s+"
        r"(?:[\w-]+\s+)?(?:faction|wing|split|splinter\s+group)\s+(?:of|in|within)\s+"
        # "a split in the Roman section of the Arditi d'Italia": the body it split from.
        r"(?:the\s+(?:[\w-]+\s+)?(?:section|branch|chapter)\s+of\s+)?",
        "splinter_of",
    ),
    # "presented as the heir of the Abuzar Brigade".
    (("heir",), r"\b(?:the\s+|an?\s+)?heirs?\s+(?:of|to)\s+", "successor_of"),
    (("predecessor",), r"\b(?:a\s+|the\s+)?predecessor\s+(?:to|of)\s+", "predecessor_of"),
    (("revival",), r"\b(?:a\s+|the\s+)?revival\s+of\s+", "successor_of"),
    # "fought side by side with the FDLR".
    (("side by side",), r"\bside\s+by\s+side\s+with\s+", "ally_of"),
    # "a secret ultranationalist faction within the Kuomintang".
    (
        ("within", "inside"),
        r"\b(?:faction|wing|current|tendency|group|unit|cell)\s+(?:within|inside)\s+",
        "part_of",
    ),
    # "Soldiers deserted the Karen National Liberation Army": the group broke away.
    (("desert", "defect"), r"\b(?:deserted|defected\s+from)\s+", "splinter_of"),
    # "alongside the Al-Badr and Al-Shams militias, took part in killings".
    (("alongside",), r"(?:^|,\s*|\band\s+)alongside\s+", "ally_of"),
]
# Patterns whose object may as well be a place or people: the other side must be shaped
# like a group's name (a head word, an acronym, a known name) and not the state's.
STRICT_PHRASES = [
    # "took part in the Jewish Resistance Movement" (not "in the Opelousas massacre").
    (
        ("took part",),
        r"\btook\s+part(?:,\s+[^,;.]{3,60},)?\s+in\s+(?=(?:the\s+)?[A-Z])",
        "part_of",
    ),
    # "worked closely with the KNU" (not "with the Kharkiv regional administration").
    (
        ("works closely", "worked closely", "work closely", "cooperat", "fought alongside"),
        r"\b(?:works?|worked|cooperated|cooperates|fought|fights|fighting)\s+(?:closely\s+)?"
        r"(?:with|alongside)\s+",
        "ally_of",
    ),
    # "a founding member of the Alliance of Palestinian Forces": a body of that coalition (not
    # "a member of the Tarabin tribe").
    (
        ("member",),
        r"\b(?:is|was|were|are|became|becoming|remained|remains)\s+(?:also\s+)?(?:a|one\s+of\s+the)\s+"
        r"(?:founding\s+)?members?\s+(?:group\s+|organi[sz]ation\s+|faction\s+)?of\s+",
        "part_of",
    ),
    # "set up to drive al-Qaeda in Iraq out of their areas".
    (
        ("drive", "drove", "driving", "expel", "oust", "push", "repel"),
        r"\b(?:drive|drove|driving|expel\w*|oust\w*|push(?:ed|ing)?\s+back|repel\w*)\s+(?:out\s+)?"
        r"(?=(?:the\s+)?(?:[A-Z]|[a-z]{1,3}-[A-Z]))",
        "rival_of",
    ),
    # "intimidate supporters of the MDC", "attacked the offices of ... such as the X".
    (
        (
            "intimidat",
            "harass",
            "attack",
            "beat",
            "target",
            "hunt",
            "terror",
            "persecut",
            "assault",
            "kill",
            "murder",
            "abduct",
            "raid",
            "threat",
            "broke up",
            "disrupt",
        ),
        r"\b(?:intimidat\w*|harass\w*|attack\w*|beat|beaten|beating|target\w*|hunt(?:ed|ing)?"
        r"(?:\s+down)?|terrori[sz]\w*|persecut\w*|assault\w*|kill\w*|murder\w*|abduct\w*|raid\w*|"
        r"threaten\w*|broke\s+up|disrupt\w*)\s+(?:on\s+)?(?:an?\s+|the\s+|\w+\s+){0,3}?(?:supporters|"
        r"members|activists|offices|fighters|leaders|cadres|bases|camps|candidates|followers|"
        r"rallies|meetings?|demonstrations|sympathi[sz]ers|officials|gatherings?)\s+"
        r"of\s+(?:the\s+)?",
        "rival_of",
    ),
    # "fought rival party militias, above all ...", "the offices of the opposition parties,
    # among them ...": a list after a general word.
    (
        (
            "such as",
            "above all",
            "especially",
            "notably",
            "including",
            "in particular",
            "among them",
            "chiefly",
            "mainly",
        ),
        r"\b(?:fought|fighting|attacked|attacking|targeted|targeting|opposed|clashed\s+with|"
        r"against|harass\w*|intimidat\w*|ransacked|raided|beat|hunted)\s+(?:[\w'-]+\s+){0,6}?"
        r"(?:[\w'-]+,?\s+)(?:such\s+as|above\s+all|especially|notably|including|in\s+particular|"
        r"among\s+them|chiefly|mainly)\s+",
        "rival_of",
    ),
    (
        ("harass", "intimidat", "attack", "target"),
        r"\b(?:harass\w*|intimidat\w*|attacked|targeted)\s+(?=(?:the\s+)?[A-Z])",
        "rival_of",
    ),
    # Not "mentioned together with", "listed together with": names side by side, no tie.
    (
        ("together with",),
        r"(?<!mentioned\s)(?<!named\s)(?<!listed\s)(?<!grouped\s)(?<!counted\s)"
        r"\btogether\s+with\s+",
        "ally_of",
    ),
    # "back the ... ruling party": backing a party is an alliance; "backed by" is not this.
    (
        ("back", "support"),
        # Not "push back the EZLN", "beat back": to back is to support.
        r"(?<!push\s)(?<!pushed\s)(?<!beat\s)(?<!drive\s)(?<!drove\s)(?<!fight\s)(?<!fought\s)"
        r"(?<!hold\s)(?<!held\s)(?<![\w-])(?:back|backs|backed|backing|support|supports|supported|"
        r"supporting)\s+(?!by\b)",
        "ally_of",
    ),
    # "replaced Mugabe" names a person: the object must be a group.
    (("succeeded", "replaced"), r"\b(?:succeeded|replaced)\s+(?:the\s+)?(?=[A-Z])", "successor_of"),
    (
        ("funding", "support", "backing", "funds", "money", "financ"),
        r"\b(?:funding|funds|financing|money|support|backing|weapons|arms)\s+(?:and\s+\w+\s+)?"
        r"(?:\w+\s+){0,2}(?:from|comes?\s+from|came\s+from)\s+",
        "sponsored_by",
    ),
    (
        ("protect", "defend", "shield", "guard"),
        r"\b(?:protect|defend|shield|guard)\w*\s+(?:\w+\s+){0,3}?(?:from|against)\s+",
        "rival_of",
    ),
    # "fought the Taliban", "fought members of the JVP": a named group as the object.
    (
        ("fought", "battled", "combated", "combatted"),
        r"\b(?:fought|battled|combat(?:t)?ed)\s+(?:(?:the\s+)?(?:[a-z-]+\s+)?(?:members|supporters|"
        r"fighters|cadres|positions|rebels|militias|forces|units|columns|guerrillas)\s+of\s+)?"
        r"(?=(?:the\s+)?[A-Z][\w'-]*(?:\s|[.,;]|$))",
        "rival_of",
    ),
    (
        ("defeat", "crush", "routed"),
        r"\b(?:defeated|crushed|routed)\s+(?=(?:the\s+)?[A-Z])",
        "rival_of",
    ),
    # "joined the AUC" (folded into it); "joining the Basij in attacks" (an ally): see JOINED.
    (
        ("joining", "joined"),
        r"\b(?:joining|joined)\s+(?=(?:the\s+)?(?:[a-z]+\s+)?[A-Z])",
        "merged_into",
    ),
    (
        ("against", "to counter", "to confront"),
        r"\b(?:against|combat(?:t)?ing|to\s+(?:fight|combat|counter|confront))\s+(?:(?:members|supporters|"
        r"fighters|cadres|rebels|insurgents|militants)\s+of\s+)?",
        "rival_of",
    ),
    (
        ("fight", "combat", "target", "tracking", "hunting"),
        r"\b(?:fight(?:ing)?|combat(?:t?ing)?|target(?:ed|ing)|tracking\s+down|hunting)\s+"
        r"(?:(?:members|supporters|fighters|cadres|rebels)\s+of\s+)?"
        r"(?=(?:the\s+)?(?:(?:local|rival|armed|rebel|insurgent|opposition)\s+)?[A-Z])",
        "rival_of",
    ),
    # "made it the core of the Civil Defence Forces", "were the largest component of" (not
    # "formed the core of Ibn Saud's forces": a person's).
    (
        ("core", "backbone", "nucleus", "component"),
        r"\b(?:formed|became|become|made\s+(?:it|them)|was|were|is|are)\s+(?:the\s+|its\s+)?"
        r"(?:largest\s+|main\s+|principal\s+)?(?:core|backbone|nucleus|component)\s+of\s+",
        "part_of",
    ),
    # "claimed attacks as part of the Islamic Resistance in Iraq"; "took part, with the Irgun
    # and the Haganah, in the Jewish Resistance Movement".
    (
        ("as part of",),
        r"\b(?:claimed|carried\s+out|conducted|fought|fights|operated|operates|attacks?|"
        r"attacked)\b[^.;]{0,60}?\bas\s+(?:a\s+)?part\s+of\s+(?=(?:the\s+)?[A-Z])",
        "part_of",
    ),
    # "its rivalry with the ...", "a feud with".
    (
        ("rivalry", "feud", "war with", "conflict with"),
        r"\b(?:rivalry|feud|war|conflict)\s+with\s+(?=(?:the\s+)?[A-Z])",
        "rival_of",
    ),
    # "joined other militias in the Forces de Libération du Nord (FLN)".
    (
        ("joined",),
        r"\bjoined\s+(?:\w+\s+)?(?:other|several|fellow|allied)\s+(?:[\w-]+\s+){0,2}?(?:militias|groups|"
        r"factions|movements)\s+in\s+(?=(?:the\s+)?[A-Z])",
        "merged_into",
    ),
    # "Its enemies were the Malaita Eagle Force and, later, ...".
    (
        ("enemies", "opponents", "adversaries", "rivals"),
        r"\b(?:[Ii]ts|[Tt]heir)\s+(?:main\s+|chief\s+|principal\s+)?(?:enemies|opponents|"
        r"adversaries|rivals)\s+(?:were|was|are|included)\s+",
        "rival_of",
    ),
    # "It was formed from the Popular Committees ... and from parts of the Shabiha".
    (
        ("formed from", "created from", "formed out of", "built from", "built out of"),
        r"\b(?:formed|created|built)\s+(?:largely\s+|mainly\s+|partly\s+)?(?:from|out\s+of)\s+"
        r"(?:(?:parts|remnants|members|elements|units)\s+of\s+)?(?=(?:the\s+)?[A-Z])",
        "successor_of",
    ),
    # "Buddhist soldiers had broken away in December 1994 to form the DKBA", "dissenters
    # had already left to form the Continuity IRA", "led a breakaway faction that became
    # the GSPC", "broke away with thousands of fighters, forming what became the Karuna
    # Group", "broke with Goukouni and formed the FAN": ours split, the new group is named.
    (
        ("to form", "forming", "that became", "which became", "and formed"),
        r"\b(?:(?:broke|broken|split|splintered)\s+(?:away|off)\b[^.;]{0,80}?(?:\bto\s+form|"
        r",\s+forming(?:\s+what\s+became(?:\s+known\s+as)?)?)|(?:left|walked\s+out)\b[^.;]{0,60}?"
        r"\bto\s+form|\bled\s+a\s+(?:breakaway|dissident|splinter)\s+(?:faction|group|wing)\s+"
        r"(?:that|which)\s+became|broke\s+with\s+[^.;]{1,40}?\s+and\s+formed)\s+",
        "has_splinter",
    ),
    # "its supporters set up a successor organisation, Movement Rentai".
    (
        ("successor organi", "successor party", "successor group", "successor movement"),
        r"\b(?:set\s+up|founded|formed|created|established)\s+a\s+successor\s+(?:organi[sz]ation|"
        r"party|group|movement)\s*,?\s+(?:called\s+|named\s+)?",
        "predecessor_of",
    ),
    (
        ("re-formed", "reformed", "reorgani", "transformed into", "regrouped"),
        r"\b(?:re-?formed|reorgani[sz]ed|regrouped|transformed)\s+(?:\w+\s+)?(?:as|into)\s+",
        "predecessor_of",
    ),
]


def shaped_like_group(name):
    """A name that can only be a group's: a head word ("... Front"), an acronym, a known name,
    or a band's plural nickname ("the Cobras")."""
    shaped = name.isupper() or is_known_name(name) or is_band_name(name)
    shaped = shaped or name.split()[-1] in HEAD_WORDS  # "National Peasants' Party"
    shaped = shaped or any(found == name for _s, _e, found in shaped_names(name))
    return shaped and is_mentionable(name)


# "the Students Against Discrimination movement": the text says what the name is.
ORG_NOUN_AFTER_RE = re.compile(
    r"\s+(?:movement|party|militia|militias|group|rebels|insurgents|gang|gangs|faction|"
    r"organi[sz]ation|guerrillas|fighters)\b"
)
# "joined the Kataeb ... in the siege", "joined the Red Gaurs and the Nawaphon movement in
# the attack": allies in an action (not "joined the AUC in 1997").
JOINED_IN_RE = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:(?:movement|militia|group|party|forces?|fighters|gangs?)\s+)?"
    r"in\s+(?!\d|(?:early|mid|late)\b|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)"
)
SUCCESSOR_AS_RE = re.compile(
    r"\s+as\s+(?:the\s+|a\s+)?(?:(?P<whose>its|their|the\s+(?:movement|group)['\u2019]s|"
    r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,5}['\u2019]s)\s+)?"
    r"(?:direct\s+|de\s+facto\s+|political\s+|legal\s+|legitimate\s+)?(?:successor|heir)\b"
    r"(?:\s+(?:of|to)\s+(?P<of>(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,5}))?"
)
# The aside between another group's name and what it is said to be.
ASIDE_BEFORE_RE = re.compile(
    r",\s+(?:(?:which|that|who)\s+|(?:a|an)\s+[\w-]+\s+(?:that|which)\s+)[^,;]{0,80}$"
)
LEADERS_PEOPLE_AFTER_RE = re.compile(
    r"\s+(?:loyalists|supporters|followers|partisans|men|troops|forces|fighters|militiamen|"
    r"guards|gunmen)\b"
)
NAME_GOES_ON_RE = re.compile(r"\s+(?:in|for|from|de|del|du)\s+(?:the\s+)?[A-Z]")
# "opposed President Makarios III", "allied with General Ríos Montt": a person.
PERSON_TITLE_BEFORE_RE = re.compile(
    r"\b(?:President|Prime\s+Minister|Premier|King|Queen|Emperor|Shah|Sheikh|Sultan|Emir|"
    r"General|Colonel|Major|Captain|Commander|Senator|Governor|Minister|Dr\.?|Mr\.?|Mrs\.?|"
    r"Archbishop|Bishop|Ayatollah|Imam|oligarch|tycoon|businessman|businesswoman|billionaire|"
    r"warlord|cleric|politician|governor|mayor)\s+$"
)
GOVERNMENT_OF_RE = re.compile(
    r"['\u2019]s?\s+(?:government|regime|administration|cabinet|presidency|rule)\b"
)
# "President Musharraf banned the SMP, together with Lashkar-e-Jhangvi": banned together.
ACTED_UPON_TOGETHER_RE = re.compile(
    r"\b(?:banned|outlawed|proscribed|designated|listed|blacklisted|sanctioned|dissolved|"
    r"arrested|disarmed)\b[^.;]*$"
)
MEMBERS_RE = re.compile(
    r"\b(?:members|fighters|veterans|militiamen|recruits|cadres|militants|activists|leaders|"
    r"commanders|supporters|followers|(?:some|many|several|most|a\s+few)\s+of\s+them)\b",
    re.I,
)
# The people of a group as a subject: their memberships are theirs, not the group's.
PEOPLE_SUBJECT_RE = re.compile(
    r"\b(?:leaders?|founders?|commanders?|chiefs?|head|president|spokes(?:man|woman|person)|"
    r"members?|fighters?|cadres?|militants?|officers?|men)\b",
    re.I,
)
# "a related militia, Ganda Iso, had already broken away from it": our splinter.
BROKE_FROM_US_RE = re.compile(
    r",?\s+(?:had\s+)?(?:already\s+|later\s+)?(?:broken|broke|split|splintered)\s+"
    r"(?:away\s+|off\s+)?from\s+(?:it|them|the\s+(?:group|militia|movement|party))\b"
)
ORG_APPOSITIVE_RE = re.compile(
    r"\b(?:a|an|another|the)\s+(?:[\w-]+\s+){0,2}(?:militia|group|faction|movement|"
    r"organi[sz]ation|gang|party|force)\s*,\s*$"
)
# "the Islamic State targeted Sahwa leaders": another group acting on one of our names.
ACTED_ON_OURS_RE = re.compile(
    r"\s+(?:(?:also|later|often|repeatedly|regularly|then)\s+)?(?:attacked|fought|targeted|"
    r"massacred|ambushed|killed|hunted\s+down)\s+"
    r"(?:the\s+)?(?=[A-Z])"
)
# "The Bolsheviks nearly wiped them out": another group acting on the profiled one.
ACTED_ON_RE = re.compile(
    r"(?:,\s+(?:which|who)\s+|\s+)(?:(?:have|has|had)\s+)?(?:[a-z]\w*\s+)?"
    r"(?:(?:saw|regarded|considered|viewed|treated)\s+"
    r"(?:it|them|the\s+(?:group|militia))\s+as\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:rival|threat|"
    r"enemy)|wiped\s+(?:them|it)\s+out|(?:attacked|fought|defeated|crushed|"
    r"routed|targeted|massacred|killed|hunted\s+down)\s+(?:them|it|the\s+(?:group|militia|PGM|"
    r"militiamen)|(?:its|their)\s+(?:members|fighters|leaders|commanders|militiamen|bases|camps|"
    r"positions))\b)"
)

# "his Asa'ib Ahl al-Haq became a bitter rival", "the Valley Army became its main enemy":
# another group, named before, turned against us.
BECAME_RIVAL_RE = re.compile(
    r"\s+(?:(?:soon|later|quickly|then|also|eventually)\s+)?(?:became|turned\s+into)\s+"
    r"(?:a|an|its|their)\s+(?:(?:bitter|main|chief|principal|fierce|sworn|deadly|major|leading)\s+)?"
    r"(?:rival|enemy|foe|adversary|opponent)\b"
)
OWN_PRONOUN_AND_RE = re.compile(r"\b(?:It|it|They|they)\s+and\s+(?:the\s+)?$")
# "The Valley Army and the Hill Front fought each other for years."
FOUGHT_EACH_OTHER_RE = re.compile(
    r"\s+(?:(?:repeatedly|often|later|then|also)\s+)?(?:fought|clashed\s+with|battled|attacked)"
    r"\s+(?:one\s+another|each\s+other)\b"
)


PHRASE_RES = [
    (words, re.compile(pattern, re.I), relation)
    for words, pattern, relation in [*PHRASES, *STRICT_PHRASES]
]
STRICT_PATTERNS = {pattern for _words, pattern, _relation in STRICT_PHRASES}
EVENT_NOUN_AFTER_RE = re.compile(
    r"\s+(?:massacres?|riots?|war|uprising|rebellion|revolt|campaign|affair|incident|crisis|"
    r"raids?|offensive|elections?|agreements?|accords?|talks|conference|strikes?|protests?|"
    r"regional\s+administration|administration|authorities|municipality|"
    # "attacked the In Amenas gas plant", "the DAS building": a place, not a group.
    r"(?:gas\s+|oil\s+|power\s+)?(?:plant|field|refinery|building|headquarters|offices|"
    r"barracks|airport|airbase|base|station|embassy|consulate|hotel|prison|camp|compound|"
    r"mine|dam|bridge|market|mosque|church|temple|school|university|hospital))\b"
)
# A capitalised word right before a phrase written with a capital: the phrase's words are a
# name's ("Republican Action Against Drugs").
NAME_WORD_BEFORE_RE = re.compile(r"[A-Z][\w'\u2019-]*\s+$")


# ACTED_ON_OURS_RE and ACTED_ON_RE need one of these words (case-sensitive; a sentence is
# tried when its lower-cased form holds one, found with the phrases' cues).
ACTED_WORDS = frozenset({"wiped", "attacked", "fought", "defeated", "crushed", "routed",
                         "targeted", "massacred", "ambushed", "killed", "hunted", "saw",
                         "regarded", "considered", "viewed", "treated"})  # fmt: skip


# Every phrase's cue words, and ACTED_WORDS: found in a sentence in one pass.
CUE_WORDS = tuple(
    dict.fromkeys([*(w for words, _p, _r in PHRASE_RES for w in words), *sorted(ACTED_WORDS)])
)


def cues_in(lowered):
    """The cue words a lower-cased sentence holds, overlapping ones included."""
    return words_in(lowered, CUE_WORDS)


# "The ancestor of <us> was <X>": the group succeeded X.
ANCESTOR_RE = re.compile(
    r"\b(?:ancestor|forerunner|predecessor|precursor)\s+(?:of|to)\s+(?P<us>.+?)\s+(?:was|were|is)\s+",
    re.I,
)
# "... formed the breakaway faction <us>": the parent is the group its founders came from.
BREAKAWAY_RE = re.compile(
    r"\b(?:breakaway|splinter|dissident)\s+(?:faction|group|wing|organi[sz]ation|movement)\s+(?:called\s+|named\s+|known\s+as\s+)?",
    re.I,
)
# "... whose faction broke away from <us> and called itself X": X is our splinter.
SPLINTER_NAMED_RE = re.compile(
    r"\b(?:broke|split|splintered|seceded)\s+(?:away\s+|off\s+)?from\s+(?:the\s+)?"
    r"(?P<parent>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,5})\b[^.;]{0,120}?\b(?:called|named|"
    r"styled|renamed)\s+(?:itself|themselves)\s+"
)
PARENT_RE = re.compile(
    r"\b(?:members?|leaders?|cadres?|activists?|commanders?|dissidents?|veterans?|defectors?)\s+(?:\w+\s+)?(?:of|from)\s+",
    re.I,
)


SAID_OF_US_RE = re.compile(
    r"\b(?:described|regarded|saw|considered|viewed|called|treated)\s+(?:the\s+(?:group|militia|"
    r"movement|organi[sz]ation|gang|force|unit|PGM)|it|them)\s+as\s+(?:the\s+|an?\s+)?$",
    re.I,
)


ARTICLES_BEFORE_GROUPS = ("the", "The", "its", "Its", "their", "Their")
# Articles that open names in other languages ("Los Pepes", "La Mano Blanca").
FOREIGN_ARTICLES = {"Los", "Las", "El", "La", "Le", "Les", "Al", "Il", "Die", "Der", "Das", "De"}


def _bare_personal_name(name, text):
    """A person's name, as English writes groups' names with their article: one never
    written with "the" in `text` and unknown to the dictionary that is either two or three
    capitalised words with no word of an organisation's name, or a single one the text also
    writes after a first name ("broke with Rabbani", of "Burhanuddin Rabbani")."""
    words = name.split()
    if not 1 <= len(words) <= 3 or is_known_name(name):
        return False
    if not all(re.fullmatch(r"[A-Z][a-z\u00e0-\u024f'-]+", word) for word in words):
        return False  # "AUC", "Jeune-Haïti": not of this shape ("Ansar Dine" is known)
    if any(f"{article} {name}" in text for article in ARTICLES_BEFORE_GROUPS):
        return False
    if len(words) == 1:
        surname_after = rf"\b([A-Z][a-z\u00e0-\u024f'-]+)\s+{re.escape(name)}\b"
        return any(_first_name(text, given) for given in re.finditer(surname_after, text))
    return not (ORGANISATION_WORD_RE.search(name) or words[0] in FOREIGN_ARTICLES)  # "Los Pepes"


def _first_name(text, given):
    """Whether the capitalised word `given` matched before a surname is a first name: inside a
    sentence (not "Once Ansarul fighters ...", "Rival Zintan brigades"), no people's or
    country's word ("the Ijaw Egbesu"), no owner ("Kofi Mensah's Vipers"), no organisation's."""
    word = given.group(1)
    before = text[: given.start()].rstrip()
    return (
        bool(before)
        and before[-1] not in ".!?]:\n"
        and word not in NOT_NAME_WORDS
        and not word.endswith("'s")
        and not ORGANISATION_WORD_RE.search(word)
        and word not in peoples()
        and not countries.code_for(word)
        and word not in countries.demonym_table()
    )


def _national_branch_of(own_key, key, name):
    """ "Tajikistani Taliban", "Turkish Hezbollah": a country's branch or namesake of a
    group known by itself; that group is another, not us."""
    qualifier = own_key[: -len(key)].strip()
    return (
        bool(qualifier)
        and " " not in qualifier
        and bool(countries.code_for(qualifier.title()))
        and is_known_name(name)
    )


PLURAL_KIND_AFTER = r"\s+(?:militias|groups|factions|brigades|gangs|movements|parties)\b"
# What a unit's name may add to its short name: "El Mujahid Detachment". Not "Brigades" (the
# Hezbollah Brigades are not Hezbollah), "Militia" (the Colorado Party Militia is not the
# party) or "Group" (the Karuna Group is not Karuna).
UNIT_WORDS = ("detachment", "battalion", "regiment")


class RelationReader:
    def __init__(self, own_names, document=""):
        self.own_keys = {name_key(name) for name in own_names if name}
        self.document = document
        self.declined = set()  # name keys of organisations a sentence names beside us, untied
        self.relations: list[ParsedRelation] = []
        # Only the patterns whose words occur somewhere in the document are tried at all.
        lowered = document.lower()
        cues = cues_in(lowered)
        self.phrases = [
            (words, pattern, relation)
            for words, pattern, relation in PHRASE_RES
            if not document or not cues.isdisjoint(words)
        ]
        # cue word -> the indexes of the phrases it cues, so that a sentence tries only
        # those of its own cue words (in the phrases' order) without looking at the others.
        self.phrases_of_cue = {}
        for index, (words, _pattern, _relation) in enumerate(self.phrases):
            for word in words:
                self.phrases_of_cue.setdefault(word, []).append(index)
        self.try_ancestor = not document or any(
            word in lowered for word in ("ancestor", "forerunner", "predecessor", "precursor")
        )
        self.try_breakaway = not document or any(
            word in lowered for word in ("breakaway", "splinter", "dissident", "broke", "split")
        )

    def is_own(self, name):
        key = name_key(name)
        # "the MQM Haqiqis" is the group too, and so is "the Tigers" of "Arkan's Tigers".
        if key in self.own_keys or key.rstrip("s") in self.own_keys:
            return True
        if f"{key}s" in self.own_keys:
            return True  # "a Security Battalion" of the Security Battalions: one of its units
        if any(f"{key} {unit}" in self.own_keys for unit in UNIT_WORDS):
            return True  # "El Mujahid" of the El Mujahid Detachment: its short name
        singular = key.rstrip("s")
        return any(
            (own.endswith(" " + key) or own.endswith(" " + singular))
            and not _national_branch_of(own, key, name)
            for own in self.own_keys
            if key and len(singular) > 3
        )

    def add(self, target, relation, sentence, position):
        # "the Interahamwe, the MRND's militia": a possessive names an owner, not a partner.
        if POSSESSIVE_END_RE.search(target):
            return
        lead = LEADING_NOT_NAME_RE.match(target)
        if lead and lead.end() < len(target):
            target = target[lead.end() :]  # "of the Tupac Amaru Revolutionary Movement"
        owner = patron_length(target)
        if 0 < owner < len(target):
            target = target[owner:]  # "the Nazi Party's Sturmabteilung": the SA, not the party
        target = organisation_of_person(target)  # "Jack Lang of the Australian Labor Party"
        target = without_nationality(target)  # "the Colombian M-19"
        # "broke away from the Constitutionalist Army of the Liberal Party": from the army.
        target = (two_names_of(target) or (target,))[0]
        # "members of the Shining Path and of the MRTA": two groups, one tie each.
        names = [name for name in COORDINATED_OF_RE.split(target) if name]
        if len(names) > 1:
            for name in names:
                self.add(name, relation, sentence, position)
            return
        # (not "the Islamic State of Iraq and the Levant": one known name, whatever its parts)
        if " and " in target and not is_known_name(target):
            # "Asa'ib Ahl al-Haq and Harakat Hezbollah al-Nujaba": two known groups.
            left, right = target.split(" and ", 1)
            # Not "Union Solidarity and Development Party", "Justice and Equality Movement":
            # the left part must end like a group's name to be one.
            ends_like_group = left.isupper() or left.split()[-1] in HEAD_WORDS or is_band_name(left)
            if (
                is_known_name(left)
                or (ends_like_group and shaped_like_group(left) and shaped_like_group(right))
                # "the Balawa and Sarawi militias": two bands of one kind.
                or (
                    " " not in left
                    and " " not in right
                    and re.search(re.escape(target) + PLURAL_KIND_AFTER, sentence)
                )
            ):
                self.add(left, relation, sentence, position)
                self.add(right, relation, sentence, position)
                return
        if self.is_own(target) or not is_mentionable(target):
            return
        if _bare_personal_name(target, self.document or sentence):
            return  # "allied with Fulgencio Batista", "financed by Ihor Kolomoisky": a person
        key = name_key(target)
        if any(name_key(r.target) == key and r.relation == relation for r in self.relations):
            return
        self.relations.append(ParsedRelation(target, relation, sentence, position))

    def about_own_group(self, text, position):
        """Whether the clause ending at `position` speaks of the profiled group."""
        before = text[:position]
        if SAID_OF_US_RE.search(before):
            return True  # "Critics described the group as the paramilitary arm of ..."
        # "Pemuda Rakyat, the youth organisation of ...": an appositive of another group
        # (also when the phrase itself opens with the article: "the RUF, an ally of ...").
        appositive = re.search(r",\s+(?:the|a|an)\s+(?:[\w'-]+\s+){0,3}$", before)
        if not appositive and re.match(r"(?:the|a|an)\s", text[position:]):
            appositive = re.search(r",\s*$", before)
        if appositive:
            other = name_before(before, appositive.start())
            if other and not self.is_own(other):
                return False
        clause = clause_subject(text, position)
        relative = list(re.finditer(r",\s+(?:which|who|whose)\s+", clause))
        # A relative clause speaks of its antecedent until a comma closes it.
        if relative and "," not in clause[relative[-1].end() :]:
            antecedent = name_before(clause, relative[-1].start())
            if antecedent and not self.is_own(antecedent):
                return False
            clause = clause[relative[-1].end() :]
        return clause_speaks_of(clause, self.is_own)

    def read_sentence(self, sentence, offset):
        lowered = sentence.lower()
        cues = cues_in(lowered)
        names = []  # spans read as names: a phrase inside one ("Students Against ...") is none
        tried = sorted({index for cue in cues for index in self.phrases_of_cue.get(cue, ())})
        for index in tried:
            _words, pattern, relation = self.phrases[index]
            for match in pattern.finditer(sentence):
                if any(start <= match.start() < end for start, end in names):
                    continue
                if match.group()[:1].isupper() and NAME_WORD_BEFORE_RE.search(
                    sentence, max(0, match.start() - 40), match.start()
                ):
                    continue  # "Republican Action Against Drugs": words of a name
                if not self.about_own_group(sentence, match.start()):
                    continue
                if "member" in match.group() and PEOPLE_SUBJECT_RE.search(
                    clause_subject(sentence, match.start())
                ):
                    continue  # "Its leader was a member of the Tribe Council": a person's
                if relation == "ally_of" and ACTED_UPON_TOGETHER_RE.search(
                    sentence, 0, match.start()
                ):
                    # "banned the SMP on 14 August 2001, together with the LeJ": no tie, and
                    # none for the tie model to guess from "together with" either.
                    self.declined.update(
                        name_key(t.name) for t in targets_after(sentence, match.end())
                    )
                    continue
                targets = targets_after(sentence, match.end())
                names += [(target.start, target.end) for target in targets]
                # "joined the Kataeb ... and the Guardians of the Cedars in the siege": allies.
                joined_in = bool(targets) and bool(JOINED_IN_RE.match(sentence, targets[-1].end))
                for target in targets:
                    if PERSON_TITLE_BEFORE_RE.search(sentence, 0, target.start):
                        continue  # "opposed President Makarios III": a person
                    if GOVERNMENT_OF_RE.match(sentence, target.end):
                        continue  # "broke with Mohammad Mosaddegh's government": a government
                    if EVENT_NOUN_AFTER_RE.match(sentence, target.end):
                        continue  # "took part in the Opelousas massacre": an event
                    kind = relation
                    if kind == "merged_into" and joined_in:
                        kind = "ally_of"  # "joining the Basij in attacks"
                    elif kind == "merged_into" and MEMBERS_RE.search(
                        clause_subject(sentence, match.start())
                    ):
                        continue  # "former members joined the ALiR": people, not the group
                    if self.is_own(target.name) and sentence[target.end :].startswith(" party"):
                        # "the military arm of the Hezbollah party": the party, not us.
                        target = FoundName(target.name + " party", target.start, target.end + 6)
                    named_as_group = ORG_NOUN_AFTER_RE.match(sentence, target.end)
                    if (
                        pattern.pattern in STRICT_PATTERNS
                        and not named_as_group
                        and not shaped_like_group(target.name)
                        # ("Asa'ib Ahl al-Haq and Harakat Hezbollah al-Nujaba": two names)
                        and not all(map(shaped_like_group, target.name.split(" and ")))
                    ):
                        # "fought Sufi clerics", "against Kabul": not a group's name
                        continue
                    if (
                        is_band_name(target.name)
                        and not is_known_name(target.name)
                        and (
                            NAME_GOES_ON_RE.match(sentence, target.end)
                            or LEADERS_PEOPLE_AFTER_RE.match(sentence, target.end)
                        )
                    ):
                        # "the Ladies in White": the name goes on; not read whole.
                        # "fought Makarios loyalists": a leader's people, not a band.
                        continue
                    self.add(target.name, kind, sentence, offset + match.start())
        broke_from = (
            self.try_breakaway
            and "from" in sentence
            and ("broke" in sentence or "split" in sentence)
        )
        for match in BROKE_FROM_US_RE.finditer(sentence) if broke_from else ():
            other = name_before(sentence, match.start())
            if not other or self.is_own(other) or not is_mentionable(other):
                continue
            # "a related militia, Ganda Iso, had broken away": the text says it is a group.
            said_to_be = ORG_APPOSITIVE_RE.search(
                sentence, 0, sentence.rfind(other, 0, match.start())
            )
            if shaped_like_group(other) or said_to_be:
                self.add(other, "has_splinter", sentence, offset + match.start())
        # Most sentences: no such verb (its lower-cased spelling is among the cues found).
        acted = not cues.isdisjoint(ACTED_WORDS)
        for match in ACTED_ON_OURS_RE.finditer(sentence) if acted else ():
            acted_on = name_at(sentence, match.end())
            other = name_before(sentence, match.start())
            if not acted_on or not self.is_own(acted_on[0]) or not other or self.is_own(other):
                continue
            if shaped_like_group(other):
                self.add(other, "rival_of", sentence, offset + match.start())
        # Another group, named before, that acted on us or turned against us.
        turned = holds_any(lowered, ("rival", "enem", "foe", "adversar", "opponent"))
        for match in [
            *(ACTED_ON_RE.finditer(sentence) if acted else ()),
            *(BECAME_RIVAL_RE.finditer(sentence) if turned else ()),
        ]:
            other = name_before(sentence, match.start())
            if other:
                other = other[patron_length(other) :]  # "Malan's Herenigde Nasionale Party"
            if other and not self.is_own(other) and shaped_like_group(other):
                self.add(other, "rival_of", sentence, offset + match.start())
        each_other = "each other" in lowered or "one another" in lowered
        for match in FOUGHT_EACH_OTHER_RE.finditer(sentence) if each_other else ():
            # (the subject is read as one name across "and": "Valley Army and the Hill Front")
            subject = name_before(sentence, match.start()) or ""
            pair = re.split(r"\s+and\s+(?:the\s+)?", subject)
            at = sentence.rfind(subject, 0, match.start())
            if len(pair) == 1 and OWN_PRONOUN_AND_RE.search(sentence, 0, at):
                other = subject  # "It and the Valley Army fought each other"
            elif len(pair) == 2:
                first, second = pair
                other = second if self.is_own(first) else first if self.is_own(second) else None
            else:
                continue
            if other and shaped_like_group(other):
                self.add(other, "rival_of", sentence, offset + match.start())
        for match in SUCCESSOR_AS_RE.finditer(sentence) if "successor" in lowered else ():
            ours = match.group("whose") or match.group("of") or ""
            ours = POSSESSIVE_END_RE.sub("", ours)
            if ours.lower() not in ("its", "their") and not (
                ours.lower().startswith("the ") and ours.lower().endswith(("movement", "group"))
            ):
                if not self.is_own(strip_article(ours)):
                    continue
            # "set up Partai Aceh as the movement's political successor"; "the DUI, a party
            # that presented itself as the NLA's political successor"; "the Democratic Army,
            # which many of its veterans regarded as the successor of ELAS"; "the Hlinka
            # Guard, formed in 1938, which was widely seen as its successor".
            other = name_before(sentence, match.start())
            aside = None if other else ASIDE_BEFORE_RE.search(sentence, 0, match.start())
            if aside:
                other = name_before(sentence, aside.start())
                appositive = re.search(r",\s+[^,]{1,40}$", sentence[: aside.start()])
                if not other and appositive:
                    other = name_before(sentence, appositive.start())
            if other and not self.is_own(other) and is_mentionable(other):
                self.add(other, "predecessor_of", sentence, offset + match.start())
        named_itself = "itself" in sentence or "themselves" in sentence
        for match in (
            SPLINTER_NAMED_RE.finditer(sentence) if self.try_breakaway and named_itself else ()
        ):
            if self.is_own(match.group("parent")):
                target = target_after(sentence, match.end())
                if target:
                    self.add(target.name, "has_splinter", sentence, offset + match.start())
        for match in ANCESTOR_RE.finditer(sentence) if self.try_ancestor else ():
            if self.is_own(match.group("us")):
                target = target_after(sentence, match.end())
                if target:
                    self.add(target.name, "successor_of", sentence, offset + match.start())
        breakaway = self.try_breakaway and holds_any(
            sentence, ("breakaway", "splinter", "dissident")
        )
        for match in BREAKAWAY_RE.finditer(sentence) if breakaway else ():
            found = name_at(sentence, match.end())
            if not found or not self.is_own(found[0]):
                continue
            for parent in PARENT_RE.finditer(sentence):
                target = target_after(sentence, parent.end())
                if target and not self.is_own(target.name):
                    self.add(target.name, "splinter_of", sentence, offset + parent.start())
                    break
