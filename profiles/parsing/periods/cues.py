"""The words that found or end a group, and the signs that it went on after an end."""

import re

from profiles.parsing.text import gated_alternatives

NOT_AN_ACT_AFTER = (
    # (nor "organised into six wilayas": a new shape for what exists)
    r"(?!\s+into\b)(?!\s+(?:(?:a|an|the|its|their|his|her|several|many|large|mass|new|further|joint|armed|"
    r"violent|regular|daily|night|weekly|public|street|counter-?)\s+)*(?:[\w-]+\s+)?"
    r"(?:marches|march|protests?|rall(?:y|ies)|demonstrations?|strikes?|attacks?|raids?|"
    r"campaigns?|elections?|meetings?|boycotts?|operations?|offensives?|ambush(?:es)?|riots?|"
    r"killings?|assassinations?|coups?|uprisings?|rebellions?|revolts?|"
    r"insurrections?|assaults?|bombings?|massacres?|pogroms?|invasions?|incursions?|"
    r"counter-?attacks?|rescues?|parades?|congress(?:es)?|conferences?)\b)"
)
# "one of the first organised groups": an adjective (but "villagers organised to stop cattle
# raiding" is a founding).
NOT_AN_ADJECTIVE_BEFORE = (
    "".join(
        rf"(?<!\b{word}\s)"
        for word in ("the", "an", "first", "most", "well", "loosely", "highly", "poorly", "better")
    )
    + r"(?<!\bwell-)"
)
FORMATION_ANCHOR_RE = re.compile(
    # (not "re-formed in 1938 as ...", "re-emerged": a later start)
    r"\b(?<!re-)(?:formed|forming|founded|founding|foundation|established|establishment|created|creation|"
    # "raised a militia", "raised the Home Guard"; not "raised fears" or "raised the idea".
    r"raised(?=\s+(?:(?:a|an|the|its|their|his|her|several|new|local)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:militias?|forces?|units?|groups?|army|armies|battalions?|brigades?|men|volunteers|"
    r"guards?|(?-i:[A-Z]))|\s+(?:in|around|by|during|as|from|at|on|after|before|between|among|"
    r"under|\d))|built\s+up|brought\s+(?:[\w-]+\s+){0,4}together|"
    # "proclaimed the Awakening"; "the first reports of its fighters date from mid-1991".
    r"proclaimed(?=\s+(?:the\s+|a\s+)?(?-i:[A-Z]))|"
    r"first\s+(?:(?:reports?|sightings?|mentions?|traces?)\s+(?:[\w'\u2019-]+\s+){0,5}?dat\w+\s+from|"
    r"appeared|appearance|surfaced|reported|sighted)|"
    r"set\s+up|surfaced|set\s+(?:it|them|the\s+(?:[\w-]+\s+){0,2}?(?:force|group|militia|unit|units|corps|guard|army|battalions?|brigades?))\s+up|"
    # "organised marches", "launched an offensive": an act, not a founding.
    # (nor "one of the first organised groups": an adjective)
    rf"(?:{NOT_AN_ADJECTIVE_BEFORE}organi[sz]ed|launched){NOT_AN_ACT_AFTER}|existed\s+(?:\w+\s+){{0,3}}from|took\s+shape|emerged|came\s+into\s+(?:being|existence)|"
    # "only announced itself under this name in 2007".
    r"(?:announced|declared|proclaimed)\s+(?:itself|themselves|its\s+(?:formation|founding|creation|existence))|"
    # "began operating", not "began to settle its veterans" nor "began recording killings".
    # ("its origins lie in 1990", not "men of Turkish origin, between 2000 and 2007")
    r"was\s+born|put\s+together|originated|mobili[sz]ed|assembled|origins?(?=\s+(?:in|of|"
    r"date[sd]?|lie|lies|lay|go|goes|went|back|to|trace[sd]?|was|were|is|are)\b)|"
    r"(?:began|started)(?!\s+(?:to\s+(?!operate|function|act\b|organi|form|emerge|appear|"
    r"gather|recruit|raise|build|assemble|mobili|arm\b|patrol|guard|defend|fight)[a-z]+|"
    r"(?!operating|functioning|acting|organi[sz]ing|forming|gathering|recruiting|raising|"
    r"building|assembling|mobili[sz]ing|arming|patrolling|guarding|defending|fighting)"
    r"[a-z]+ing)\b)|"
    r"grew\s+out\s+of|formation|inception|constituted|broke\s+away|split\s+(?:off\s+)?from|"
    # "Liberal peasants ... took up arms in 1949" (not "took up arms again").
    r"took\s+up\s+arms(?!\s+again)|"
    r"splintered|arose|spr[au]ng\s+up|"
    # "first made itself known through death lists", "took on its lasting shape", "the army
    # dates its own existence from", "some sources date its first armed units to".
    r"made\s+(?:itself|themselves)\s+known|took\s+on\s+its\s+(?:\w+\s+)?shape|"
    r"dates?\s+its\s+(?:own\s+)?(?:existence|first\s+(?:\w+\s+)?units|beginnings?)|"
    r"start\s+of\s+the\s+(?:organi[sz]ation|group|militia|movement)|"
    # "MILOCI appeared in the far west in early 2003", "goes back to 1975", "It became
    # pro-government in March 2007" (a Guidebook's militia begins when it takes the side).
    r"appeared|(?:\bit|(?-i:[A-Z])[\w'-]*(?:\s+\([^()]*\))?)\s+(?:goes|dates)\s+back\s+to|"
    r"(?:became|turned)\s+(?:a\s+)?(?:PGM|pro-government(?!\s+(?:again|once)))|"
    # "It was announced on 20 June 2014" (not "Its dissolution was announced": see
    # THING_BEFORE_START_RE), "came together in Vancouver in 1981", "gathered his first
    # followers ... in December 1861", "rose in arms in the autumn of 1863",
    # "merged with two small groups to create the SSDF" (the name after it must be ours).
    r"(?:was|were)\s+"
    r"(?:first\s+|formally\s+|officially\s+|publicly\s+)?(?:announced|unveiled)|"
    r"came\s+together|gathered\s+(?:his|her|their|its)\s+first\s+(?:followers|members|fighters|"
    r"recruits|men)|rose\s+(?:up\s+)?in\s+arms(?!\s+again)|to\s+(?:create|form|found)(?=\s+(?:the\s+)?(?-i:[A-Z]))"
    r")\b",
    re.I,
)
# A ban ends a group only sometimes: many carry on underground or abroad.
BAN_WORDS = r"outlawed|banned|proscribed"
BAN_RE = re.compile(rf"\b(?:{BAN_WORDS})\b", re.I)
# "merged the party with the Carlist Comunión into a single state party": its own end (also
# an anchor of TERMINATION_ANCHOR_RE).
MERGED_OURS = r"merged\s+the\s+(?:party|group|movement|militia|organi[sz]ation)\s+(?:with|into)"
MERGED_OURS_RE = re.compile(MERGED_OURS, re.I)
TERMINATION_ANCHOR_RE = re.compile(
    r"\b(?:disbanded|disband|disbandment|dissolved|dissolution|demobili[sz]ation|"
    # "demobilised soldiers formed militias": an adjective, not the group's end.
    r"demobili[sz]ed(?!\s+(?:soldiers|fighters|combatants|men|members|troops|militiamen|"
    r"veterans|officers|guerrillas|rebels))|"
    r"broke\s+up(?!\s+(?:the|a|an|its|their|his|her|protests?|demonstrations?)\b)|"
    rf"{BAN_WORDS}|ceased|abolished|dismantled|broken\s+up|"
    # Defeated itself, not defeating others: "the guards defeated the Red Guards".
    # ("defeated at the Battle of Quifangondo": a battle lost, not the end)
    r"defeated(?!\s+(?:at|in)\s+the\s+battle)|destroyed|wiped\s+out|crushed|defeat\s+of|existed\s+(?:[\w,]+\s+){0,6}?(?:until|till|to)|"
    r"lost\s+(?:\w+\s+)?(?:patronage|support|backing)|withdrew\s+(?:\w+\s+)?support|ended|"
    r"came\s+to\s+an\s+end|(?:its|their)\s+end\s+came(?=\s+(?:in|on)\s+[^,;.]{0,20}\d{4})|"
    r"met\s+(?:its|their)\s+end|"
    # "surrendered in July 2006, which is usually taken as the end of God's Army"
    r"(?:taken|regarded|seen|considered|treated|counted)\s+as\s+(?:marking\s+)?the\s+end\s+of|"
    r"marked\s+the\s+end\s+of|"
    r"disarmed|laid\s+down\s+(?:their|its)\s+arms|integrated\s+into|"
    r"absorbed\s+into|merged\s+into|"
    # "Franco's Decree of Unification merged the party with the Carlist Comunión into ...".
    rf"{MERGED_OURS}|turned\s+against|switched\s+sides|collapsed|fell\s+apart|"
    r"was\s+ended|were\s+ended|termination|stopped\s+being|ceased\s+to\s+be|end\s+point|"
    # ("the group stopped operating", "Most SPUs stopped operating", not "its radio station
    # stopped operating": the subject, right before, is the group or its units)
    r"(?:"
    + "|".join(
        rf"(?<={word}\s)"
        for word in (
            "it they group militia movement organisation organization front army party force "
            "unit units brigade cells squads (?-i:[A-Z])s"
        ).split()
    )
    + r")(?:(?:had|has|have|effectively|finally|eventually|then|later)\s+)?"
    r"stopped\s+(?:existing|operating|functioning)|"
    r"wound\s+(?:themselves|itself|\w+)?\s*up|gave\s+up\s+(?:their|its)\s+(?:weapons|arms)|"
    r"handed\s+(?:in|over)\s+(?:their|its)\s+(?:weapons|arms)|"
    # "announced that the NLA no longer existed", "required ELAS to hand in its weapons and
    # stand down", "a congress decided to dissolve the PKK".
    r"no\s+longer\s+exist(?:ed|s)?|st(?:an|oo)d\s+down|hand\s+in\s+(?:their|its)\s+(?:weapons|arms)|"
    r"(?:decided|voted|agreed|resolved)\s+to\s+(?:dissolve|disband)|"
    # "the New Guard had faded away by 1935".
    r"faded\s+(?:away|out)|fizzled\s+out|petered\s+out|died\s+out|melted\s+away|"
    # "before dissolving his organisation in 1948", "the movement was transformed into the
    # National Patriotic Party", "it was merged with the 26th of July Movement ... into".
    r"dissolving|disbanding|(?:was|were)\s+transformed\s+into|(?:was|were)\s+merged\s+with|"
    # "turned itself into a political party", "decommissioned its weapons", "its last
    # fighters surrendered in 1962".
    r"(?:transformed|turned|converted)\s+(?:itself|themselves)\s+into|"
    r"decommissioned\s+(?:all\s+)?(?:its|their)\s+(?:weapons|arms|arsenal)|"
    r"(?:last|remaining)\s+(?:[\w-]+\s+){0,2}?(?:members|fighters|units|guerrillas|men|"
    r"militiamen|commanders|leaders)\s+surrendered)\b",
    re.I,
)


NO_FORMAL_END = r"no\s+(?:explicit|clear|formal|official)\s+(?:end|dissolution|disbandment)"
NO_FORMAL_END_RE = re.compile(NO_FORMAL_END, re.I)
# Signs that the group went on after an end the text gives; each branch with the words it
# needs (lower case), so that a statement holding none of them is not searched at all.
STILL_ACTIVE_BRANCHES = [
    (
        ("still",),
        r"still\s+(?:active|in\s+place|operat\w*|exists?|existed|a\s+PGM|pro-government)",
    ),
    # "killings attributed to the squad were still being reported"; "parts of its network
    # may have survived in dormant form".
    (("still",), r"still\s+being\s+(?:reported|carried\s+out|recorded|committed)"),
    (
        ("survived",),
        r"(?:parts|remnants|elements|cells)\s+of\s+(?:its|their|the)\s+(?:\w+\s+)?"
        r"(?:may\s+have\s+|have\s+|had\s+)?survived",
    ),
    # (not "remained active until 1998, when it was absorbed": an end)
    (("remain",), r"remain(?:ed|s)?\s+active(?!\s+(?:until|till|to|through)\b)"),
    (("again",), r"(?:has\s+been|is|was|became)\s+(?:one|a\s+PGM)\s+again"),
    (("again",), r"again\s+(?:a\s+PGM|active)"),
    (("since",), r"since\s+then\s+(?:again\s+)?active"),
    # "No formal end is known", "no formal dissolution has been reported".
    (("end", "dissolution", "disbandment"), NO_FORMAL_END),
    (("unconfirmed",), r"unconfirmed"),
    (("formed", "activated", "emerged"), r"re-?(?:formed|activated|emerged)"),
    (("revived",), r"revived"),
    (
        ("resumed",),
        r"resumed\s+(?:its\s+|their\s+)?(?:operations|activities|attacks|campaign|armed\s+struggle)",
    ),
    (
        ("resurfaced", "reappeared"),
        r"(?:it|they|the\s+(?:group|militia|movement|organi[sz]ation))\s+(?:later\s+|soon\s+)?"
        r"(?:resurfaced|reappeared)",
    ),
    (("stayed", "remain"), r"(?:other\s+)?(?:cells|units|members)\s+(?:stayed|remained)\s+active"),
    (("stayed",), r"stayed\s+active(?!\s+(?:until|till|to|through)\b)"),
    (("operated",), r"later\s+operated\s+as"),
    # "banned the group in 1995, but it continued its attacks for years afterwards".
    (
        ("continued", "carried", "kept"),
        r"but\s+(?:it|they|the\s+(?:group|militia|movement|organi[sz]ation))\s+(?:\w+\s+)?"
        r"(?:continued|carried\s+on|kept\s+(?:up|on))",
    ),
    (
        ("continued",),
        r"continued\s+(?:to\s+operate|operating)\s+(?:underground|clandestinely|in\s+secret)",
    ),
    # "but the corps continues to exist"; "The group continued under Bahawal Khan".
    (
        ("continues", "continued"),
        r"(?:continues|continued)\s+to\s+(?:exist|operate|function|be\s+active)",
    ),
    (
        ("continued",),
        r"(?:it|they|the\s+(?:group|militia|movement|organi[sz]ation|corps|force|unit|brigade))"
        r"\s+continued\s+(?:under|as|with)\b",
    ),
    # "Satgas units continued to guard Presidium meetings afterwards".
    (
        ("continued",),
        r"(?<!former\s)(?<!ex-)\b(?:units|cells|squads|fighters|militiamen)\s+(?:\w+\s+)?"
        r"continued\s+to\s+(?!be\b|face\b|suffer\b|live\b|receive\b)\w+",
    ),
    # "but the KCF remains banned in India as a terrorist organisation": banned today.
    (
        ("remains", "still"),
        r"(?:remains|remain|is\s+still|are\s+still)\s+(?:banned|outlawed|proscribed)",
    ),
    # "dissolved the FLNC by decree, but the ban had little effect on its campaign".
    (
        ("effect", "impact"),
        r"\b(?:ban|dissolution|decree|order|proscription)\s+had\s+(?:little|no|only\s+(?:a\s+)?"
        r"limited)\s+(?:effect|impact)",
    ),
]
STILL_ACTIVE_RE, STILL_ACTIVE_WORDS = gated_alternatives(STILL_ACTIVE_BRANCHES, re.I)
PGM_STATUS_END_RE = re.compile(
    r"\b(?:pro-government|PGM)\s+(?:period|status|role|phase)\s+(?:ended|came\s+to\s+an\s+end)|"
    r"\b(?:stopped|ceased)\s+(?:being|to\s+be)\s+(?:a\s+)?(?:PGM|pro-government)",
    re.I,
)


# "The end of the PGM is coded on ...", "the PGM is coded as ending in 2010", "The PGM
# ends in 1993", "the end point is the peace agreement of ...", "Date of termination = ...":
# the description states its end outright.
CODED_END_RE = re.compile(
    r"\b(?:end|termination)\s+(?:of\s+(?:the|its)\s+(?:PGM|group|militia)\s+(?:period\s+)?)?"
    r"(?:is|was|has\s+been)\s+(?:coded|dated|set)\b|"
    r"\b(?:is|was|has\s+been)\s+(?:coded|assumed)\s+(?:as\s+)?(?:ending|ended|having\s+ended|"
    r"over|to\s+(?:end|have\s+ended))\b|"
    r"\bthe\s+PGM(?:\s+(?:period|status))?\s+(?:ends|ended)\b|"
    r"\b(?:the\s+)?(?:end\s*point|(?:date\s+of\s+)?termination(?:\s+date)?)\s+(?:is|was|=|follows)",
    re.I,
)
# "..., the group declared the agreement void; the PGM ends at this date": the date before.
AT_THAT_DATE_RE = re.compile(
    r"\s*(?:at|on|from)\s+(?:this|that|the\s+same)\s+(?:date|day|point)\b", re.I
)

# "began to be disbanded", "launched a demobilisation programme": an end under way, not done.
END_BEGUN_RE = re.compile(
    r"\b(?:began|begun|started)\s+to\s+(?:be\s+)?(?:disband|demobili[sz]|dissolv|dismantl|"
    r"disarm)\w*|\blaunched\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:demobili[sz]ation|"
    r"disarmament|DDR)\b",
    re.I,
)


AFTER_WHICH_RE = re.compile(r"\b(?:after|following)\s+which\b|\bwhereupon\b", re.I)
# Words that end a group outright, unlike a ban, a defeat, a lost patron or a war's end,
# after which a group often lives on: "the last units were disbanded in 1975" settles an
# earlier "gradually stood down" of 1974.
DEFINITE_END_RE = re.compile(
    r"disband\w*|dissol\w*|ceased|no\s+longer\s+exist\w*|abolished|wound\s+.*|"
    r"(?:was|were)\s+transformed\s+into|merged\s+into|(?:was|were)\s+merged\s+with|"
    rf"{MERGED_OURS}|"
    r"absorbed\s+into|came\s+to\s+an\s+end|(?:decided|voted|agreed|resolved)\s+to\s+\w+",
    re.I,
)


# A sentence that sets the group apart from a namesake speaks of the namesake's dates.
NOT_CONFUSED_RE = re.compile(
    r"\b(?:(?:not|never)\s+(?:to\s+be\s+|be\s+)?confused\s+with|unrelated\s+to|"
    r"(?:is|was|are|were)\s+(?:distinct|different|separate)\s+from)\b",
    re.I,
)

COARSE_PRECISIONS = {"decade", "century"}
