"""When a group began and when it ended, read from the sentences of one profile.

A date counts only when a verb of founding ("formed", "set up") or of ending ("disbanded",
"merged into") ties it to the group itself, not to a founder, a forerunner, a war or a
decree. Precision comes before recall: where the text gives two readings of an end (two
different years, a ban alone, or an end and a later sign of life), no end is asserted and
both readings become a doubt for a curator to settle.
"""

import re

from profiles.parsing import countries
from profiles.parsing.aliases import SELF_SUBJECT_RE, clause_subject, name_before, strip_opening
from profiles.parsing.dates import interval_part, is_context
from profiles.parsing.names import NOT_NAME_WORDS, name_at
from profiles.parsing.relations import shaped_like_group
from profiles.parsing.text import CLAUSE_END_RE, gated_alternatives, holds_any, may_match

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
    # "It was announced on 20 June 2014" (not "Its dissolution was announced"), "came
    # together in Vancouver in 1981", "gathered
    # his first followers ... in December 1861", "rose in arms in the autumn of 1863",
    # "merged with two small groups to create the SSDF" (the name after it must be ours).
    r"(?<!dissolution\\s)(?<!disbandment\\s)(?<!ban\\s)(?<!banning\\s)(?<!ceasefire\\s)(?<!agreement\\s)(?<!truce\\s)(?<!merger\\s)(?<!decision\\s)"
    r"(?<!end\\s)(?<!death\\s)(?<!withdrawal\\s)(?<!surrender\\s)(?<!deal\\s)(?<!plan\\s)(?<!closure\\s)(?<!suspension\\s)(?<!arrest\\s)"
    r"(?<!killing\\s)(?<!offensive\\s)(?<!operation\\s)(?<!split\\s)(?<!demobilisation\\s)(?<!demobilization\\s)(?<!disarmament\\s)(?<!resignation\\s)(?<!election\\s)"
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


def choose_dates(analysis, formation_sections, termination_sections, fallback, is_own):
    """Formation and termination, each (date, statement offset) or None, and the doubts.

    Precision before recall: where the text gives two readings of an end (two different
    years, or an end and a later sign of life), neither is asserted; both become a doubt
    for a curator to settle.
    """
    formation_pool, termination_pool = [], []
    spans_described = []  # "an organisation active from 1977 to 1981": an end, if no other
    termination_texts = []
    dates_of = {}  # termination sentence -> its dates
    coded_ends, ends_begun, bans = set(), set(), set()  # offsets of statements
    definite = set()  # (date, offset) of the ends a DEFINITE_END_RE verb dates
    sections = {}  # offset of a statement -> its section
    for statement in analysis.sentences:
        key, sentence, offset, mentions = (
            statement.section,
            statement.text,
            statement.offset,
            statement.dates,
        )
        if key in termination_sections:
            termination_texts.append(sentence)
            dates_of[sentence] = mentions
        if not mentions or NOT_CONFUSED_RE.search(sentence):
            continue  # (no date; or a namesake's: "not to be confused with the party ...")
        # "was active in the First Austrian Republic from 1920 to 1936": its whole span.
        for span in _active_spans(sentence, mentions, is_own, ACTIVE_RE):
            if key in formation_sections:
                formation_pool.append((span, offset))
            if key in termination_sections:
                termination_pool.append((span, offset))
        # "an organisation active from 1977 to 1981": where it began, and where it ended
        # unless the text says more of its end (the lead's span is often only where the
        # article's facts stop).
        if key in formation_sections or key in termination_sections:
            described = _active_spans(sentence, mentions, is_own, ACTIVE_PARTICIPLE_RE)
            if key in formation_sections:
                formation_pool += [(span, offset) for span in described]
            if key in termination_sections:
                spans_described += [
                    (interval_part(span, -1, between_is_span=True), offset) for span in described
                ]
        if key in formation_sections:
            formation_pool += [
                # The founder is often the subject: "The army created the militia in 1991".
                (m, offset)
                for m in _anchored(sentence, mentions, FORMATION_ANCHOR_RE, own_founding=is_own)
                # "emerged after the demobilisation of the AUC between 2003 and 2006": the
                # date of what came before it.
                if not AFTER_EVENT_BEFORE_DATE_RE.search(sentence, max(0, m.start - 100), m.start)
            ]
        if key in termination_sections:
            definite_ends = []
            ends = _anchored(
                sentence, mentions, TERMINATION_ANCHOR_RE, is_own, definite=definite_ends
            )
            termination_pool += [(m, offset) for m in ends]
            definite.update((m, offset) for m in definite_ends)
            sections[offset] = key
            # (a denied end is none: "banned it the same year, but neither measure ended it")
            anchors = [
                a.group()
                for a in (TERMINATION_ANCHOR_RE.finditer(sentence) if ends else ())
                if not _negated(sentence, a)
            ]
            if anchors and all(BAN_RE.fullmatch(anchor) for anchor in anchors):
                bans.add(offset)
            coded = CODED_END_RE.search(sentence)
            stated = [m for m in mentions if coded and m.start >= coded.end()]
            if coded and AT_THAT_DATE_RE.match(sentence, coded.end()):
                stated = [m for m in mentions if m.end <= coded.start()][-1:]
            if stated:
                coded_ends.add(offset)
                if not any(o == offset and m in stated for m, o in termination_pool):
                    termination_pool.append((stated[0], offset))
            elif END_BEGUN_RE.search(sentence):
                ends_begun.add(offset)
    doubts = []
    formation = _formation_of(formation_pool, fallback)
    # "The Tajik government banned the group in 2012": outside a field about its end, a ban
    # alone is one reading of an end, not the end (a field "Details of Termination" that
    # gives a ban gives it as the end).
    banned_only = [
        item
        for item in termination_pool
        if item[1] in bans and sections[item[1]] not in ("termination",)
    ]
    if banned_only and len(banned_only) == len(termination_pool) and not coded_ends:
        doubts.append(("termination", banned_only, None))
        termination_pool = []
    if fallback and not formation:
        dates = _all_dates(analysis, "formation")
        if len({m.year for m, _ in dates}) == 1:
            formation = dates[0]
        elif dates:
            doubts.append(("formation", sorted(dates, key=lambda item: item[0].earliest), None))
    coded = [item for item in termination_pool if item[1] in coded_ends]
    if coded:
        termination_pool = coded  # "The end of the PGM is coded on November 12, 1994"
    started = [item for item in termination_pool if item[1] in ends_begun]
    if started and len(started) < len(termination_pool):
        # "began to be disbanded in 2002 ... only finished in 2003": the end is when it was done.
        termination_pool = [item for item in termination_pool if item not in started]
    if not termination_pool and not doubts:
        termination_pool = spans_described
    termination = min(termination_pool, key=lambda item: (item[1], item[0].start), default=None)
    if fallback and not termination:
        termination_pool = _all_dates(analysis, "termination")
        termination = termination_pool[0] if termination_pool else None
        # "Police raids in 2013 ... The group was not disbanded": the field denies an end,
        # so its year is no end to assert (a curator may still read one there). A crackdown
        # alone is not enough: the field's year is usually the end the arrests brought.
        denied = next((t for t in termination_texts if _denies_end(t)), None)
        if termination and denied:
            doubts.append(("termination", termination_pool, denied))
            return _finish_dates(formation, None, doubts)
    # "It came into being in October 1993, when A and B merged into a single organisation":
    # the founding's own date and sentence are no end.
    # (A span's one date, "active from 1920 to 1936", gives both.)
    if formation and termination and formation == termination and not formation[0].end_edtf:
        termination_pool = [item for item in termination_pool if item != formation]
        termination = min(termination_pool, key=lambda item: (item[1], item[0].start), default=None)
    # An interval ends in its last year ("from 1920 to 1936" and "October 1936" agree).
    years = {interval_part(m, -1).year for m, _ in termination_pool if m.year}
    if formation and termination and termination[0].latest < formation[0].earliest:
        termination = None
    # (Only read where there is an end to doubt.) An end of its time as a pro-government
    # militia is not undone by the group living on ("Its pro-government period ended ...
    # The Shibir itself is still active").
    last_end = max((interval_part(m, -1).year for m, _ in termination_pool if m.year), default=0)
    ended_dates = {m for m, _ in termination_pool}
    still = (
        termination
        and not any(PGM_STATUS_END_RE.search(t) for t in termination_texts)
        and next(
            (
                t
                for t in termination_texts
                if holds_any(t, STILL_ACTIVE_WORDS)
                and (sign := STILL_ACTIVE_RE.search(t))
                and not _lived_on_before(t, sign, dates_of.get(t, ()), last_end)
                # "disappeared after the coup of 15 August 1975; no formal dissolution is
                # recorded": an informal end with its date, not a doubt of it (but "No formal
                # end has been announced, although its activity declined in the 2000s").
                and not (
                    NO_FORMAL_END_RE.fullmatch(sign.group())
                    and any(m in ended_dates for m in dates_of.get(t, ()))
                )
            ),
            None,
        )
    )
    if termination and len(years) > 1 and not still:
        settled = _definite_after_the_rest(termination_pool, definite)
        if settled:
            termination, years = settled, {interval_part(settled[0], -1).year}
    if termination and (len(years) > 1 or still):
        readings = sorted(termination_pool or [termination], key=lambda item: item[0].earliest)
        doubts.append(("termination", readings, still))
        termination = None
    return _finish_dates(formation, termination, doubts)


ACTIVE_RE = re.compile(
    r"\b(?:was|were|had\s+been|remained)\s+(?:active|(?:a\s+)?PGMs?|pro-government)\b", re.I
)
ACTIVE_PARTICIPLE_RE = re.compile(
    r"\b(?:organi[sz]ation|group|militia|movement|army|front|party|force|guerrillas?)"
    # "a guerrilla group in Ecuador, active from 1983 to 1991".
    r"(?:\s+(?:in|of)\s+(?:the\s+)?(?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*){0,3})?"
    r",?\s+active\b",
    re.I,
)


def _active_spans(sentence, mentions, is_own, active_re):
    """The interval right after "was active" ("from 1920 to 1936") in a clause about us."""
    spans = []
    if "active" not in sentence and "PGM" not in sentence and "pro-gov" not in sentence:
        return spans
    for active in active_re.finditer(sentence):
        if _another_subject(sentence, active.start(), is_own):
            continue
        clause_end = CLAUSE_END_RE.search(sentence, active.end())
        limit = min(active.end() + 80, clause_end.start() if clause_end else len(sentence))
        span = next((m for m in mentions if active.end() <= m.start < limit), None)
        if span and "/" in span.edtf and not is_context(sentence, span):
            spans.append(span)
    return spans


def _lived_on_before(sentence, sign, dates, last_end):
    """Whether a sign of life is dated before the last end the text gives ("it was re-formed
    in 1925", of a group dissolved in 1945): it tells of an earlier comeback, not of life
    after the end."""
    clause_start, clause_end = _clause_of(sentence, sign.start())
    dated = [m for m in dates if clause_start <= m.start and m.end <= clause_end and m.year]
    # "It was revived in the Kingdom of Yugoslavia after the war and was finally dissolved
    # ... in 1941": the comeback is told before the end the same clause dates.
    ended_after = [
        m
        for m in dated
        if m.start > sign.end()
        and interval_part(m, -1).year == last_end
        and THEN_ENDED_RE.search(sentence, sign.end(), m.start)
    ]
    earlier = [m for m in dated if m not in ended_after]
    if ended_after and not earlier:
        return True
    return bool(earlier) and all(interval_part(m, -1).year < last_end for m in earlier)


# Between a comeback and the date of the end (which must be the end's year): "... and was
# finally dissolved ... in 1941", "later", "until".
THEN_ENDED_RE = re.compile(
    r"\b(?:finally|eventually|ultimately|later|until)\b|\band\s+(?:was|were)\s+(?:\w+\s+)?"
    r"(?:dissolved|disbanded|banned|absorbed|crushed|destroyed)\b"
)


def _definite_after_the_rest(termination_pool, definite):
    """The one end a definite verb dates, when every other reading is earlier ("gradually
    stood down" after April 1974, "the last units were disbanded" in June 1975): the group
    ended then, the rest was its decline. None when the readings say otherwise."""
    definite_items = [item for item in termination_pool if item in definite]
    definite_years = {interval_part(m, -1).year for m, _ in definite_items}
    if len(definite_years) != 1:
        return None
    (year,) = definite_years
    others = [item for item in termination_pool if item not in definite]
    if any(interval_part(m, -1).year >= year for m, _ in others):
        return None
    return min(definite_items, key=lambda item: (item[1], item[0].start))


def _finish_dates(formation, termination, doubts):
    # "existed from 1917 to 1944": it began at the interval's start and ended at its end.
    if formation:
        formation = (interval_part(formation[0], 0), formation[1])
    if termination:
        termination = (interval_part(termination[0], -1), termination[1])
    return formation, termination, doubts


def _negated(sentence, anchor):
    """ "never formally dissolved", "was not disbanded"; but "not disbanded until 1995" was,
    in 1995."""
    return bool(
        NEGATION_BEFORE_RE.search(sentence[max(0, anchor.start() - 30) : anchor.start()])
    ) and not NOT_UNTIL_RE.match(sentence, anchor.end())


def _denies_end(sentence):
    """ "The group was not disbanded", "never formally dissolved": the sentence, quoted."""
    for anchor in TERMINATION_ANCHOR_RE.finditer(sentence):
        if _negated(sentence, anchor) or UNPROVEN_BEFORE_RE.search(sentence, 0, anchor.start()):
            return sentence  # also "called for it to be disbanded": asked for, not done
    return None


def _formation_of(pool, first_sentence_wins):
    """The earliest anchored date; in an article, where years differ, the earliest
    sentence's (the lead states the founding; later ones speak of forerunners). A finer
    date inside the one chosen says more ("in the mid-1990s ... around 1994")."""
    if not pool:
        return None
    whole = pool
    if not first_sentence_wins and len({m.year for m, _ in pool}) > 1:
        first = min(offset for _m, offset in pool)
        pool = [item for item in pool if item[1] == first]
    chosen = min(pool, key=lambda item: (item[0].earliest, item[1]))
    if chosen[0].precision in COARSE_PRECISIONS:
        # (from any sentence: "appeared in the early 1960s" in the lead, "founded in 1961")
        inside = [
            item
            for item in whole
            if item[0].precision not in COARSE_PRECISIONS
            and chosen[0].earliest <= item[0].earliest <= item[0].latest <= chosen[0].latest
        ]
        if len({item[0].year for item in inside}) == 1:
            return min(inside, key=lambda item: item[0].earliest)
    return chosen


COARSE_PRECISIONS = {"decade", "century"}


def _all_dates(analysis, section):
    """A field's dates, for a field with no sentence saying how the group began or ended:
    its date stands only where they give one year; several years are several readings."""
    return [
        (mention, statement.offset)
        for statement in analysis.sentences
        if statement.section == section
        for mention in statement.dates
        if not is_context(statement.text, mention)
    ]


CLAUSE_BREAK_RE = re.compile(
    r",\s+(?:yet|but|and|although|while|whereas|though|then)\b|;|:\s|\s\u2013\s|\s-\s"
)


def _clause_of(sentence, position):
    """(start, end) of the clause around `position`."""
    start, end = 0, len(sentence)
    for match in CLAUSE_BREAK_RE.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


NEGATION_BEFORE_RE = re.compile(
    r"\b(?:never|not|n't|nor|neither)\s+(?:\w+\s+){0,2}$|\bno\s+$|"
    # "none of them ended the armed struggle", "who had no part in its creation".
    r"\bnone\s+of\s+(?:them|these|those|which)\s+(?:\w+\s+)?$|"
    r"\bno\s+(?:part|role|hand|share)\s+in\s+(?:its|their|the)\s+$",
    re.I,
)


UNPROVEN_BEFORE_RE = re.compile(
    r"\b(?:no\s+(?:clear\s+|firm\s+|hard\s+|real\s+)?(?:evidence|proof|signs?|indications?|"
    r"records?)\s+(?:\w+\s+)?that|(?:unclear|uncertain|not\s+clear|not\s+known|unknown)\s+"
    r"(?:whether|if))\b[^.;]*$|"
    # "senators called for it to be disarmed and disbanded": a demand, not an end.
    r"\b(?:called\s+for|demanded|urged|proposed|threatened|vowed|promised|sought|wanted)\b"
    r"[^.;]{0,50}$",
    re.I,
)
NOT_UNTIL_RE = re.compile(r"\s+(?:[\w,]+\s+){0,4}?(?:until|till|before)\b", re.I)


DEFEAT_RE = re.compile(r"defeated|destroyed|wiped\s+out|crushed", re.I)


PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|be)\s+(?:\w+\s+)?$")


# What an active "destroyed" or "crushed" does to things, not to a group: "destroyed nine
# aircraft", "destroyed the bridge". A group, its fighters or its revolt is an end's object.
THING_OBJECT_RE = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|\d[\d,]*\s+|(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens\s+of|several|many|some)\s+)(?:[\w-]+\s+){0,2}?(?:aircraft|planes?|helicopters?|"
    r"vehicles?|trucks?|cars?|buses|trains?|bridges?|buildings?|houses?|homes|villages?|shops?|"
    r"offices?|stations?|depots?|pipelines?|property|crops|equipment|weapons|stocks?|bases?|"
    r"towers?|installations?|targets?|facilities)\b"
)


def _in_closed_relative(sentence, mention, position):
    """ "Taylor, who had escaped from jail in 1985, assembled its first fighters": a date in a
    relative clause closed before the verb is that clause's."""
    opened = list(RELATIVE_OPEN_RE.finditer(sentence, 0, mention.start))
    return (
        bool(opened)
        and "," in sentence[mention.end : position]
        and "," not in (sentence[opened[-1].end() : mention.start])
    )


RELATIVE_OPEN_RE = re.compile(r",\s+(?:who|which|whose|whom)\s|\s(?:who|whose|whom)\s")


def _acts_on_a_thing(sentence, anchor):
    """Whether an active verb of defeat has a thing as its object ("destroyed nine aircraft")."""
    if PASSIVE_BEFORE_RE.search(sentence, max(0, anchor.start() - 40), anchor.start()):
        return False
    return bool(THING_OBJECT_RE.match(sentence, anchor.end()))


def _own_acts(sentence, anchor, is_own):
    """Whether the group itself is the subject of an active verb ("the guards defeated ...")."""
    if PASSIVE_BEFORE_RE.search(sentence, max(0, anchor.start() - 40), anchor.start()):
        return False  # passive: it was defeated
    clause = strip_opening(clause_subject(sentence, anchor.start()))
    if SELF_SUBJECT_RE.match(clause):
        return True
    # One of its names before the verb ("the White Guards formed the core of the White
    # Army under Mannerheim and defeated the Red Guards").
    for capital in re.finditer(r"(?<![\w'-])[A-Z]", clause):
        found = name_at(clause, capital.start())
        if found and is_own(found[0]):
            return True
    return False


# "by the end of the decade", "soon afterwards": the clause times the end without a year.
VAGUE_TIME_RE = re.compile(
    # "after the Soviet withdrawal from Afghanistan the group ... faded away": an undated event.
    r"\bafter\s+the\s+(?:[\w-]+\s+)?(?:withdrawal|collapse|fall|defeat|death|end|war|"
    r"ceasefire|agreement|accords?|elections?|invasion|revolution|coup)\b|"
    r"\b(?:by\s+the\s+(?:end|middle|close)\s+of\s+the\s+(?:decade|century|war)|"
    r"(?:soon|shortly|some\s+years|years|months)\s+(?:after(?:wards)?|later)|eventually|"
    r"in\s+the\s+(?:following|next)\s+(?:years|decade))\b",
    re.I,
)
# "after the military coup of 24 March 1976 the alliance ceased": the end followed the event.
EVENT_BEFORE_END_RE = re.compile(
    r"\b(?:after|following|with|upon)\s+(?:the\s+|a\s+)?(?:[\w'\u2019-]+\s+){0,4}(?:of|in|on)\s+$",
    re.I,
)
RELATIVE_OPENS_RE = re.compile(
    r",\s+(?:which|who|whom|whose)\b|\s(?:that|which|who)\s+(?:had|has|have|was|were|is|are)\s|"
    r"\swhose\s"
)


INSTRUMENT_RE = re.compile(
    r"\b(?:Order|Decree|Law|Act|Resolution|Agreement|Accord|Treaty|Ordinance|Directive|"
    r"Statute|Constitution|Proclamation)\b"
)


RELATIVE_CLAUSE_RE = re.compile(
    r",?\s+(?:who|which|that|whose|whom)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+|is\s+|"
    r"are\s+)?(?:been\s+)?(?:[a-z]+ly\s+)?"
    # ("which George Habash had founded in December 1967": a named subject of its own)
    r"(?=[a-z]|(?:[A-Z][\w'.-]*\s+){1,4}(?:had\s+|has\s+|have\s+)?[a-z])"
)


def _in_relative_clause(sentence, start, position, is_own):
    """Whether `position` lies in a relative clause ("who ...", "that had ...") opened
    between `start` and it, not closed before it, about another than the group ("the
    Karuna faction, which broke away ...": ours)."""
    opened = max(
        (m for m in RELATIVE_CLAUSE_RE.finditer(sentence, start) if m.end() <= position),
        key=re.Match.start,
        default=None,
    )
    if opened is None:
        return False
    if re.search(r"[;:()]|,\s+(?:and|but)\s", sentence[opened.end() : position]):
        return False
    antecedent = name_before(sentence, opened.start())
    return not (antecedent and is_own(antecedent))


# "the Jewish Defense League (JDL), which Rabbi Meir Kahane had founded": a relative clause
# with a named subject of its own, right before its verb.
NAMED_SUBJECT_RELATIVE_RE = re.compile(
    r",\s+(?:which|that)\s+(?:[A-Z][\w'.-]*\s+){1,5}(?:had\s+|has\s+|have\s+)?(?:[a-z]+ly\s+)?$"
)


def _founded_by_a_named_subject_of_another(sentence, anchor, is_own):
    relative = NAMED_SUBJECT_RELATIVE_RE.search(sentence, 0, anchor.start())
    if not relative:
        return False
    antecedent = name_before(sentence, relative.start())
    return bool(antecedent) and not is_own(antecedent)


def _in_relative_of_another(sentence, start, position):
    """Whether `position` lies in a relative clause opened after `start` about a person or a
    named body ("arrested Ioseliani, who was sentenced in 1998"), not about the decree or
    order that set the group up ("Executive Order 264, which Aquino signed on ...")."""
    opened = max(
        RELATIVE_OPENS_RE.finditer(sentence, start, position), key=re.Match.start, default=None
    )
    if opened is None:
        return False
    if re.search(r"\bwho", opened.group()):
        return True
    antecedent = name_before(sentence, opened.start())
    return bool(antecedent) and not INSTRUMENT_RE.search(antecedent)


# What may stand before a date that opens a sentence ("[3] In October 1996 ...").
OPENING_DATE_BEFORE_RE = re.compile(
    r"(?:\[\d+\]\s*)*(?:In|On|By|During|Early\s+in|Late\s+in)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-])?"
)


def _anchored(sentence, mentions, anchor_re, is_own=None, own_founding=None, definite=None):
    """Dates tied to an anchor verb: in its clause if any, the nearest, preferring one after it.

    A date of another event (a war, an election) is not the group's, except when it is the
    only date of a sentence about the group's end ("With the US occupation of Iraq in April
    2003, the Fedayeen Saddam stopped being a PGM"): `is_own` is given for ends only.
    """
    found = []
    usable = [m for m in mentions if not is_context(sentence, m)]
    if not usable and is_own and len(mentions) == 1:
        usable = list(mentions)
    if not usable and is_own:
        # "the Varkiza Agreement of February 1945 required ELAS to ... stand down": with no
        # other date, an agreement's is the end's.
        usable = [m for m in mentions if AGREEMENT_OF_RE.search(sentence, 0, m.start)][-1:]
    others = set()
    # Most sentences hold none of the words an anchor verb needs: no search for them.
    anchors = list(anchor_re.finditer(sentence)) if may_match(anchor_re, sentence) else []
    if own_founding:
        # Another group's founding claims its date first, before an earlier verb of the
        # sentence could take it ("traces its origins to the KNDO, an armed body that the
        # KNU set up in 1947").
        for anchor in anchors:
            if _founding_of_another(sentence, anchor, own_founding):
                others.add(anchor.start())
                claimed = [m for m in usable if m.start >= anchor.end()][:1]
                usable = [m for m in usable if m not in claimed]
    dated_end = None  # where the last anchor that dated something ends
    for anchor in anchors:
        if own_founding and (
            (
                dated_end is not None
                and _in_relative_clause(sentence, dated_end, anchor.start(), own_founding)
            )
            or _founded_by_a_named_subject_of_another(sentence, anchor, own_founding)
        ):
            # "founded on 12 January 1992 by members of the PSLP who broke away from it in
            # protest at its 1991 ceasefire", "out of the units that had been formed in
            # 1917": a relative clause's founding is its antecedent's.
            continue
        if (
            own_founding
            and anchor.group().lower().startswith("to ")
            and not _own_named_after(sentence, anchor.end(), own_founding)
        ):
            continue  # "a minority left to form the Union of Fighting Communists": another's
        ended = _object_of_end(sentence, anchor, is_own) if is_own else ""
        if ended == "another's":
            continue  # "the army disbanded the Hill Front in 1995": the Hill Front's end
        if is_own and ended != "ours" and _another_subject(sentence, anchor.start(), is_own):
            continue
        if is_own and _other_body_subject(clause_subject(sentence, anchor.start())):
            continue  # "Its successor, the Hill Front, was dissolved in 2009": another's end
        if (
            is_own
            and not ended
            and THING_SUBJECT_RE.search(sentence, max(0, anchor.start() - 90), anchor.start())
            and not OBJECT_AFTER_RE.match(sentence, anchor.end())
            # ("After the peace accords of January 1992 the ERP demobilised": ours)
            and not is_own(name_before(sentence, anchor.start()) or "")
        ):
            continue  # "a peace agreement signed in 2015 collapsed in July 2016"
        if _negated(sentence, anchor):
            continue  # "it was never formally dissolved" (but "not disbanded until 2015" was)
        if is_own and PLANNED_END_BEFORE_RE.search(
            sentence, max(0, anchor.start() - 40), anchor.start()
        ):
            continue  # "is scheduled to be disbanded in 2026", "were to be demobilised": a plan
        if UNPROVEN_BEFORE_RE.search(sentence, 0, anchor.start()):
            continue  # "no clear evidence that the group itself was dissolved"
        if is_own and (
            _relative_of_another(sentence, anchor.start(), is_own)
            or _participle_of_another(sentence, anchor, is_own)
        ):
            continue  # "the ALiR, which merged into the FDLR in 2000": the ALiR's end
        if is_own and DEFEAT_RE.fullmatch(anchor.group()) and _own_acts(sentence, anchor, is_own):
            continue  # "the White Guards ... defeated the Red Guards": a victory, no end
        if is_own and DEFEAT_RE.fullmatch(anchor.group()) and _acts_on_a_thing(sentence, anchor):
            continue  # "a Machetero commando destroyed nine aircraft": what it did, no end
        if anchor.start() in others:
            continue
        if anchor.group()[0].isupper() and sentence[: anchor.start()].strip(" \"'(\u201c"):
            continue  # "the Deterrence Apparatus for Combating Organized Crime": in a name
        if own_founding and PLANNED_BEFORE_RE.search(
            sentence, max(0, anchor.start() - 80), anchor.start()
        ):
            continue  # "agreed in June 2019 to set up a regional outfit": a plan, not the founding
        if is_own and (
            EVENT_BEFORE_ANCHOR_RE.search(sentence, max(0, anchor.start() - 60), anchor.start())
            or re.match(r"\s+(?:in|with)\s+(?:a|an)\b", sentence[anchor.end() :])
        ):
            # "The rebellion ended in August 1980", "after the war ended in May 2009", "after
            # the protests had been crushed", "a counter-demonstration ended in a shoot-out":
            # an event's end, not the group's.
            continue
        if is_own and BANNED_THING_RE.match(sentence, anchor.end()):
            continue  # "banned political uniforms in 1933": a thing, not the group
        if (
            is_own
            and anchor.group().lower() == "ended"
            and ENDED_EVENT_RE.match(sentence, anchor.end())
        ):
            continue
        clause_start, clause_end = _clause_of(sentence, anchor.start())
        in_clause = [m for m in usable if m.start >= clause_start and m.end <= clause_end]
        of_clause = [m for m in mentions if m.start >= clause_start and m.end <= clause_end]
        if (
            is_own
            and not in_clause
            and len(of_clause) == 1
            and EVENT_BEFORE_END_RE.search(sentence, clause_start, of_clause[0].start)
        ):
            # "after the coup of 24 March 1976 the alliance ceased to act": the end's clause
            # dates it by another event, and an earlier clause's date is not the end's.
            in_clause = of_clause
        # "formed from the Popular Committees that had guarded neighbourhoods since 2011":
        # a date in a relative clause opened after the verb is that clause's.
        after = [
            m
            for m in in_clause
            if m.start >= anchor.end()
            and not _in_relative_of_another(sentence, anchor.end(), m.start)
        ]
        before = [
            m
            for m in in_clause
            if m.end <= anchor.start() and not _in_closed_relative(sentence, m, anchor.start())
        ]
        if not in_clause and is_own and VAGUE_TIME_RE.search(sentence, clause_start, clause_end):
            continue  # "..., and by the end of the decade it had ceased to exist": no year
        if not in_clause:
            # (not "grew out of the JDL, which Meir Kahane had founded in 1968": the JDL's)
            after = [
                m
                for m in usable
                if 0 <= m.start - anchor.end() <= 160
                and not _in_relative_of_another(sentence, anchor.end(), m.start)
            ]
            before = [
                m
                for m in usable
                if 0 <= anchor.start() - m.end <= 120
                and not _in_closed_relative(sentence, m, anchor.start())
            ]
            # "In October 1996 Kabila brought the PRP into the (long name), and the party was
            # absorbed into the alliance": a date that opens the sentence dates all of it.
            if (
                not after
                and not before
                and usable
                and OPENING_DATE_BEFORE_RE.fullmatch(sentence, 0, usable[0].start)
            ):
                earlier = [m for m in usable if m.end <= anchor.start()]
                before = earlier if len(earlier) == 1 else []  # (no other date in between)
        if after:
            first = min(after, key=lambda m: m.start - anchor.end())
            nearest = _last_of_list(first, after, sentence) if is_own else first
            found.append(_refined(nearest, usable, sentence))
        elif before:
            first = max(before, key=lambda m: m.end)
            found.append(first)
        else:
            continue
        dated_end = anchor.end()
        # A definite end only where its own clause dates it plainly: the date next to the
        # verb, not one of a list or of an event it followed ("in 1940 its wing founded a
        # party, after which the Samiti gradually ceased to exist").
        if (
            definite is not None
            and in_clause
            and found[-1] == first
            and DEFINITE_END_RE.fullmatch(anchor.group())
            and not AFTER_WHICH_RE.search(
                sentence, min(first.end, anchor.end()), max(first.start, anchor.start())
            )
        ):
            definite.append(first)
    return found


PASSIVE_LINK_RE = re.compile(
    r"(?:,\s*(?:which|that|who)\s+(?:was|were|had\s+been|has\s+been)\s+|\s*\(|,\s*|"
    # "SNO, a nationalist party founded in 1990": an appositive that says what it is.
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?P<noun>party|group|movement|organi[sz]ation|"
    r"militia|faction|front|union|association|army)\s+|"
    # "ZANU itself had been founded in 1963": the reflexive stands before the verb.
    r"\s+(?:(?:itself|themselves)\s+)?(?:was|were|had\s+been|has\s+been)\s+)"
    r"(?:(?:first|originally|initially|officially|"
    r"formally|itself|also)\s+)?$"
)


def _last_of_list(date, dates, sentence):
    """ "disarmed in 1996 and 1997": an end given by a list of years is its last."""
    for later in sorted(dates, key=lambda m: m.start):
        if later.start > date.end and re.fullmatch(
            r"\s*(?:,|and|,\s*and)\s*(?:in\s+)?", sentence[date.end : later.start]
        ):
            date = later
    return date


def _refined(date, dates, sentence):
    """ "in the mid-1990s, in 1995": a finer date right after, inside the first, says more."""
    for finer in dates:
        if (
            0 < finer.start - date.end <= 8
            and re.fullmatch(
                r",?\s*(?:in\s+|around\s+|probably\s+)?", sentence[date.end : finer.start]
            )
            and finer.precision not in COARSE_PRECISIONS
            and date.earliest <= finer.earliest <= finer.latest <= date.latest
        ):
            return finer
    return date


RELATIVE_BEFORE_RE = re.compile(
    r",?\s*(?:which|who|that)\s+(?:(?:later|then|eventually|itself|had|has|was|were|also|"
    r"finally|soon|been|formally|officially)\s+){0,3}$|"
    # "the Polissian Sich, whose men were partly absorbed ...".
    r",\s*whose\s+(?:[a-z]+\s+){1,2}(?:were|was|had\s+been)\s+(?:[a-z]+\s+)?$"
)
# "Unlike the Ordine Nuovo, dissolved by decree in November 1973, AN survived": a participle
# set after another group's name (see _participle_of_another).
PARTICIPLE_BEFORE_RE = re.compile(r",\s*(?:(?:later|itself|also|finally|eventually)\s+)?$")
PARTICIPLE_AFTER_RE = re.compile(r"\s+(?:by|in|on|at)\b")


def _participle_of_another(sentence, anchor, is_own):
    """ "the Ordine Nuovo, dissolved by decree in November 1973, ...": the end of the
    organisation the participle is set after."""
    before = PARTICIPLE_BEFORE_RE.search(sentence, 0, anchor.start())
    if not before or not PARTICIPLE_AFTER_RE.match(sentence, anchor.end()):
        return False
    other = name_before(sentence, before.start())
    return bool(other) and not is_own(other) and shaped_like_group(other)


def _relative_of_another(sentence, position, is_own):
    """ "the Army for the Liberation of Rwanda (ALiR), which merged into ...": the verb of a
    relative clause about another group."""
    relative = RELATIVE_BEFORE_RE.search(sentence, 0, position)
    if not relative:
        return False
    antecedent = name_before(sentence, relative.start())
    return bool(antecedent) and not is_own(antecedent)


# "a truth commission set up under President Correa", "a disarmament programme launched in
# 2024", "the Challe offensives that began in 1959": the founding or start of a body or an
# undertaking that no armed group is.
# (Told by the verb's own form, a participle or a relative clause followed by when or how:
# "the law established the Home Guard" is a founding of ours.)
THING_BEFORE_START_RE = re.compile(
    r"\b(?:commissions?|programmes?|programs?|courts?|tribunals?|agreements?|accords?|treaty|"
    r"treaties|funds?|process|plans?|schemes?|initiatives?|operations?|campaigns?|offensives?|"
    r"policy|policies|inquiry|inquiries|investigations?|elections?)\s+(?:(?:that|which)\s+)?"
    r"(?:(?:was|were|had|has|have|been)\s+)*(?:first\s+|later\s+|then\s+)?$"
)
WHEN_OR_HOW_AFTER_RE = re.compile(r"\s+(?:in|on|under|by|at|after|during|around|between|\d)\b")


def _founding_of_another(sentence, anchor, is_own):
    """ "SCIRI, founded in 1982, ..." or "the army set up the Home Guard in 1962": the
    founding of another group, named right before a passive verb or right after an active one."""
    before = sentence[: anchor.start()]
    if THING_BEFORE_START_RE.search(
        before, max(0, len(before) - 60)
    ) and WHEN_OR_HOW_AFTER_RE.match(sentence, anchor.end()):
        return True
    if _in_appositive_of_another(before, is_own) or _in_subject_of_another(before, is_own):
        return True
    # "After the founding of Israel": a state's founding; "the creation of the autonomous
    # Puntland State", "one of the founding members of the Syrian Democratic Forces": another
    # body's.
    founded = FOUNDING_OF_RE.match(sentence, anchor.end())
    if founded and countries.code_for(founded.group(1)):
        return True
    founded = FOUNDING_OF_ANOTHER_RE.match(sentence, anchor.end())
    if founded and NOUN_OF_FOUNDING_RE.fullmatch(anchor.group()):
        named = name_at(sentence, founded.end())
        if named and not is_own(named[0]):
            return True
    # "overran the newly raised Somaliland Camel Corps": a participle before another's name.
    if PARTICIPLE_RE.fullmatch(anchor.group()) and ATTRIBUTIVE_BEFORE_RE.search(before):
        named = name_at(sentence, anchor.end() + 1)
        if named and not is_own(named[0]):
            return True
    # "as successors to the Rural Security Units (MAY) raised in 1946-1947": a participle
    # right after another group's name.
    if (
        PARTICIPLE_RE.fullmatch(anchor.group())
        and re.search(r"[\w)]\s$", before)
        and re.match(r"\s+(?:in|on|around|during|by|between|from|at|\d)", sentence[anchor.end() :])
    ):
        named = name_before(sentence, anchor.start())
        acronym_after = re.search(r"\([A-Z][A-Z0-9-]+\)\s$", before)  # "Units (MAY)": a group's
        if (
            named
            and not is_own(named)
            and (shaped_like_group(named) or acronym_after)
            and re.search(rf"{re.escape(named)}(?:\s*\([^()]*\))?\s$", before)
        ):
            return True
    link = PASSIVE_LINK_RE.search(before)
    if link:
        subject = name_before(before, link.start())
        if link.group("noun") and not (subject and is_own(subject)):
            return True  # "..., a nationalist party founded in 1990": what it says is not us
        if subject and not is_own(subject) and shaped_like_group(subject):
            return True
    if FROM_ANOTHER_RE.fullmatch(anchor.group()):
        return False  # "grew out of the Cagoulards": the group named is its forerunner
    found = name_at(sentence, anchor.end())
    return bool(found and not is_own(found[0]) and shaped_like_group(found[0]))


ATTRIBUTIVE_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|its|their)\s+(?:newly|recently|hastily|specially|locally|secretly)?\s*$", re.I
)
# ", a secret guard society that ... had founded", ", an armed body that the KNU set up".
APPOSITIVE_OPEN_RE = re.compile(r",\s+(?:a|an|the)\s+")
APPOSITIVE_CLOSED_RE = re.compile(
    r",\s+(?:(?:and|but)\s+)?(?:it|they|its|their|the\s+(?:[\w-]+\s+)?(?:group|militia|movement))\b"
)
# What the appositive says the other name is: an organisation of some kind.
APPOSITIVE_BODY_RE = re.compile(
    r"(?:[\w'\u2019-]+\s+){0,5}?(?:group|society|body|collective|organi[sz]ation|party|movement|"
    r"militia|faction|front|union|association|army|force|league|network|wing|unit|committee|"
    r"council|club|circle|brotherhood|order|cell|gang|band|coalition|alliance|federation|corps|"
    r"guard|brigade|battalion|squad|outfit|offshoot|splinter|predecessor|forerunner)s?\b",
    re.I,
)
CAPITALISED_RUN_RE = re.compile(
    r"\b[A-Z][\w'\u2019-]*(?:\s+(?:of\s+|the\s+|and\s+)*[A-Z][\w'\u2019-]*)*"
)


def _in_appositive_of_another(before, is_own):
    """ "the Tamil New Tigers, a small group he had formed in 1972": a founding told in
    what another group's name is, not the group's own."""
    opens = list(APPOSITIVE_OPEN_RE.finditer(before))
    if not opens:
        return False
    opened = opens[-1]
    if re.search(r"\d\s*$", before[: opened.start()]):
        return False  # "dissolved ORDEN in November 1979, the armed forces set up": a clause
    between = before[opened.end() :]
    if ";" in between or APPOSITIVE_CLOSED_RE.search(between):
        return False  # closed, and the clause goes on about the group
    if re.search(r",\s*$", between):
        return False  # "ISOC, the army's agency, organised the group": closed before the verb
    if not APPOSITIVE_BODY_RE.match(between):
        return False  # "Sefer Halilović, a military commander, formed the ...": a person
    if any(is_own(m.group()) for m in CAPITALISED_RUN_RE.finditer(between)):
        return False
    antecedent = name_before(before, opened.start())
    if antecedent and ATTRIBUTION_BEFORE_RE.search(
        before, 0, before.rfind(antecedent, 0, opened.start())
    ):
        return False  # "According to the ICG, the group was organised in 2013": a source
    return bool(antecedent) and not is_own(antecedent)


def _own_named_after(sentence, position, is_own):
    """Whether the name right after `position` (past an article) is one of the group's."""
    start = re.compile(r"\s*(?:the\s+)?").match(sentence, position).end()
    named = CAPITALISED_RUN_RE.match(sentence, start)
    return bool(named) and is_own(named.group())


# "According to the International Crisis Group, ...", "In the words of X, ...".
ATTRIBUTION_BEFORE_RE = re.compile(
    r"(?:^|[.;]\s*)(?:\[\d+\]\s*)*(?:[Aa]ccording\s+to|[Ii]n\s+the\s+(?:words|view)\s+of|[Pp]er)\s+(?:the\s+)?$"
)


# "the Democratic Army of Greece, which ... regarded as the successor of ELAS, was formed".
CLOSED_RELATIVE_RE = re.compile(
    r",\s+(?:which|who|whom|whose)\s+[^,;]*,\s*(?:had\s+been|has\s+been|was|were)\s+"
    r"(?:(?:first|originally|initially|officially|formally|also)\s+)?$"
)


def _in_subject_of_another(before, is_own):
    """A passive founding whose subject, another group, carries a relative clause that
    names ours."""
    relative = CLOSED_RELATIVE_RE.search(before)
    if not relative:
        return False
    antecedent = name_before(before, relative.start())
    return bool(antecedent) and not is_own(antecedent) and shaped_like_group(antecedent)


# "the founding of Israel": the name after a founding noun's "of".
FOUNDING_OF_RE = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:State|Republic|Kingdom)\s+of\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
)
FOUNDING_OF_ANOTHER_RE = re.compile(
    r"\s+(?:(?:members?|partners?|groups?)\s+)?of\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}"
    r"(?=(?-i:[A-Z]))",
    re.I,
)
NOUN_OF_FOUNDING_RE = re.compile(r"founding|foundation|establishment|creation|formation", re.I)
PARTICIPLE_RE = re.compile(r"formed|founded|established|created|raised|organi[sz]ed", re.I)
FROM_ANOTHER_RE = re.compile(
    r"grew\s+out\s+of|broke\s+away|split\s+(?:off\s+)?from|splintered|originated|origins?",
    re.I,
)


AFTER_EVENT_BEFORE_DATE_RE = re.compile(
    r"\bafter\s+the\s+(?:[\w-]+\s+)?(?:demobili[sz]ation|disarmament|collapse|fall|end|defeat|"
    r"dissolution|withdrawal|death|killing|assassination|arrest|overthrow)\b[^.;]{0,80}$",
    re.I,
)
PLANNED_END_BEFORE_RE = re.compile(
    r"\b(?:(?:scheduled|expected|due|set|planned|supposed)\s+to\s+be|(?:is|are|was|were)\s+to\s+be|"
    r"will\s+be|would\s+be)\s+$",
    re.I,
)
PLANNED_BEFORE_RE = re.compile(
    r"\b(?:agreed|decided|planned|proposed|pledged|resolved|promised|voted)\b[^.;]{0,60}?\bto\s+$",
    re.I,
)
# "The General Peace Accords ... ended the war": what was ended is an event.
ENDED_EVENT_RE = re.compile(
    r"\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}?(?:war|conflict|fighting|insurgency|rebellion|"
    r"struggle|campaign|violence|hostilities|occupation|siege|uprising)\b",
    re.I,
)
EVENT_BEFORE_ANCHOR_RE = re.compile(
    r"\b(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,2}?(?:war|rebellion|uprising|insurgency|"
    r"conflict|revolt|siege|occupation|crisis|emergency|strike|mutiny|offensive|insurrection|"
    r"fighting|protests?|demonstrations?|counter-demonstration|march|rally|clash|riots?|trial|"
    r"talks|negotiations|ceasefire|truce|elections?|programme|program)\s+"
    # "a trial that began in 2003 and ended with convictions in 2015".
    r"(?:(?:that|which)\s+began\s+[^,;]{0,30}?\s+and\s+)?"
    # "a civil conflict that ended only with the Plaka agreement": its relative clause.
    r"(?:(?:that|which)\s+)?"
    # "The insurgency was largely crushed by 1993": an adverb may come between.
    r"(?:had\s+been\s+|has\s+been\s+|was\s+|were\s+|had\s+|has\s+)?(?:[a-z]+ly\s+)?$",
    re.I,
)
BANNED_THING_RE = re.compile(
    r"\s+(?:all\s+)?(?:political\s+|private\s+|paramilitary\s+|party\s+|public\s+)?"
    r"(?:uniforms|marches|rallies|demonstrations|parades|meetings|gatherings|the\s+wearing)\b",
    re.I,
)
AGREEMENT_OF_RE = re.compile(r"\b(?:Agreement|Accords?|Treaty|Decree|Law)\s+of\s+(?:the\s+)?$")
SUBJECT_ASIDE_RE = re.compile(r",\s+[^,;]{3,120},\s*(?:had\s+been|has\s+been|was|were)\s+$")


# "The Federal Assembly dissolved the organisation in December 1989": another subject ends
# the group, its object.
OWN_OBJECT_RE = re.compile(
    r"\s+(?:the|its|this|that)\s+(?:[\w-]+\s+){0,2}?(?:organi[sz]ation|group|militia|"
    r"militias|movement|force|corps|guards?|units|squads|brigades?|battalions?)\b(?!\s+of\b)|"
    # "a decree of the Interior Ministry dissolved it in June 1976"
    r"\s+it\b(?!\s+(?:to|from|into|as)\b)",
    re.I,
)
TRANSITIVE_END_RE = re.compile(
    r"disbanded|dissolved|abolished|dismantled|banned|outlawed|proscribed|disarmed|crushed|"
    r"destroyed",
    re.I,
)


OTHER_BODY_OBJECT_RE = re.compile(
    r"\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:parliament|assembly|government|cabinet|"
    r"legislature|congress|senate)\b"
    # "it destroyed an Ethiopian army corps at Afabet": a unit of the other side.
    # ("the unit" is ours: only a unit told as one of many is another's.)
    r"|\s+(?:an?|two|three|four|five|several|many)\s+(?:[\w-]+\s+){0,2}(?:army\s+)?(?:corps|divisions?|"
    r"battalions?|brigades?|regiments?|garrisons?|convoys?|columns?|outposts?|bases?|"
    r"posts?|units?)\b",
    re.I,
)


def _object_of_end(sentence, anchor, is_own):
    """What a verb of an end does to whom: "ours" ("the council dissolved the force",
    "Mashriqi disbanded the Khaksar Tehrik"), "another's" ("the army disbanded the Hill
    Front", "dissolved the parliament"), or "" when its object says nothing."""
    if MERGED_OURS_RE.fullmatch(anchor.group()):
        return "ours"  # "merged the party with the Carlists into a single state party"
    if not TRANSITIVE_END_RE.fullmatch(anchor.group()):
        return ""
    if OWN_OBJECT_RE.match(sentence, anchor.end()):
        return "ours"
    if OTHER_BODY_OBJECT_RE.match(sentence, anchor.end()):
        return "another's"
    if sentence[anchor.end() : anchor.end() + 1] != " ":
        return ""
    found = name_at(sentence, anchor.end() + 1)
    if not found:
        return ""
    return "ours" if is_own(found[0]) else "another's"


# "A peace agreement signed in August 2015 collapsed in July 2016", "after the protests of
# March 1919 had been crushed": a thing's end, whatever the sentence says of us (but "the
# peace accords formally disbanded the patrols": what a thing does to its object). (Not a
# government: a pro-government militia's end is often its government's.)
OBJECT_AFTER_RE = re.compile(r"\s+(?:the|its|their|all|most|an?|(?-i:[A-Z]))\b", re.I)
THING_SUBJECT_RE = re.compile(
    r"\b(?:agreements?|accords?|ceasefires?|cease-fires?|truces?|talks|negotiations|treaty|"
    r"protests?|demonstrations?|strikes?|uprisings?|revolts?|rebellions?|offensives?|"
    r"campaigns?|operations?|sieges?|elections?|peace process)\b(?:\s+(?:of|in|on|signed|reached|held|launched|begun|started)\b"
    r"[^,;]{0,50}?)?\s+(?:had\s+|has\s+|have\s+)?(?:(?:also\s+|soon\s+|quickly\s+)?"
    r"(?:been|was|were)\s+)?$",
    re.I,
)


# A subject that is another body tied to ours: "Its successor", "Their rival".
OTHER_BODY_SUBJECT_RE = re.compile(
    r"(?:[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+)?(?:successor|predecessor|rival|offshoot|splinter|"
    r"parent|ally|allies|sister|patron|sponsor)s?\b"
)


def _other_body_subject(subject):
    """Whether a clause's subject is another body tied to ours ("Its successor, the Hill
    Front, was"), not a clause that only opens with one ("Its patron fled in 1995, and after
    the coup the Reed Guard ...")."""
    subject = strip_opening(subject)
    body = OTHER_BODY_SUBJECT_RE.match(subject)
    return bool(body) and not CLAUSE_JOINER_RE.search(subject, body.end())


CLAUSE_JOINER_RE = re.compile(r",\s+(?:and|but|while|after|when|until)\b|\b(?:after|when|while)\b")


def _another_subject(sentence, position, is_own):
    """ "After the State of Free Lebanon collapsed in 1984": the verb has another subject."""
    # "The party Batasuna, widely regarded as ETA's political wing, was banned": the
    # subject before an aside that names us.
    aside = SUBJECT_ASIDE_RE.search(sentence, 0, position)
    if aside:
        other = name_before(sentence, aside.start())
        if other and not is_own(other) and shaped_like_group(other):
            return True
    subject = name_before(sentence, position)
    if not subject or is_own(subject) or subject in NOT_NAME_WORDS:
        return False
    if re.fullmatch(r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}", subject):
        return False  # "a congress held in May 2025 decided to ...": a date, not a subject
    return (
        re.fullmatch(
            r"\s*(?:had\s+|has\s+|was\s+|were\s+)?",
            sentence[sentence.rfind(subject, 0, position) + len(subject) : position],
        )
        is not None
    )
