"""What each field, kind, status, event and relation of the archive means: the About page.

The meanings are keyed on the models' own keys and choices, so that a field added to the
models without a meaning here fails a test instead of silently missing from the page.
The fields follow the Militias Guidebook of the Pro-Government Militias Database (PGMD;
Carey, Mitchell and Lowe), explained in our own words.
"""

from dataclasses import dataclass

from profiles.models import (
    SECTION_FIELDS,
    Event,
    GroupKind,
    GroupStatus,
    Relation,
    SourceDocument,
)

COUNTRY_MEANING = (
    "Where the group operated, as ISO 3166-1 country codes; a group can have several. "
    "Taken from the Country field of a guidebook description or from the title "
    "(“NAME (COUNTRY)”); for an encyclopedia extract, from where its opening paragraph "
    "places the group, else from the country it names most. States that no longer exist "
    "(Yugoslavia, the Soviet Union, Czechoslovakia) and Kosovo keep codes of their own; a state "
    "that changed its name takes today's code (Zaire is CD, Burma MM, Rhodesia ZW)."
)

SECTION_MEANINGS = {
    "formation": (
        "When, how and by whom the group was created: the government, an army unit, a "
        "party, a local leader. The formation date is read from this text."
    ),
    "termination": (
        "When and how the group stopped being a pro-government militia. In the PGMD’s "
        "sense this is the end of the tie to the government, which may come while the group "
        "itself carries on (it turned against the state, or was absorbed into the army). "
        "“--” in the source means the group was still active or the end is unknown."
    ),
    "purpose": (
        "What the government or the group’s founders used it for: counter-insurgency, "
        "guarding villages, intimidating voters, fighting a named rival."
    ),
    "organisation": (
        "Who led the group and how it was linked to the state: the military, a ministry, a "
        "ruling party, a regional government or a single politician; its structure and units."
    ),
    "weapons_and_training": "Who armed the group and who trained it, and with what.",
    "size_details": (
        "The group’s strength as the text states it: often an estimate, a range, or a figure "
        "tied to a date. The number shown in a profile’s header is read from it (see below)."
    ),
    "reason_for_membership": (
        "Why people joined: pay, protection, coercion, ideology, ethnic or religious loyalty."
    ),
    "treatment_of_civilians": (
        "What the group did to civilians: killings, massacres, torture, extortion, "
        "displacement, or an absence of reported abuses."
    ),
    "other_information": (
        "Anything else the description records, often the group’s main antagonist."
    ),
    "narrative": (
        "The running text of an encyclopedia extract. Not a guidebook field: extracts have "
        "no labelled fields, so their whole text is kept here, with its citation markers."
    ),
}

REFERENCES_MEANING = (
    "The sources a text gives. A guidebook description usually has one blanket line "
    "(“news sources listed in the PGMD”), sometimes with web addresses; each line is one "
    "reference. An encyclopedia extract has numbered markers such as [20]; its reference "
    "list was not part of the extract, so each reference is recorded as “Note 20 of the "
    "source article”, and every statement carrying the marker cites it."
)

KIND_MEANINGS = {
    GroupKind.PRO_GOVERNMENT_MILITIA: (
        "An armed group on the side of a government, outside its regular forces. Every "
        "guidebook description is of this kind, since the PGMD records only such groups."
    ),
    GroupKind.PARTY_MILITANT_WING: (
        "The armed or militant wing of a political party; read when the text calls the group "
        "a party or a militant, armed or military wing."
    ),
    GroupKind.SPLINTER_FACTION: "A group that broke away from another (a “splinter of” tie).",
    GroupKind.VIGILANTE_GROUP: "A self-appointed force policing its own area.",
    GroupKind.PARAMILITARY_ORGANISATION: (
        "An organisation with military form outside the regular armed forces."
    ),
    GroupKind.ARMED_GROUP: "Any other armed group, when the text says nothing more specific.",
}

STATUS_MEANINGS = {
    GroupStatus.ACTIVE: (
        "The text speaks of the group in the present (“X is a militia…”) and gives no end."
    ),
    GroupStatus.INACTIVE: "The text gives a date on which the group ended.",
    GroupStatus.UNKNOWN: "The text does not say whether the group still exists.",
}

EVENT_MEANINGS = {
    Event.Kind.FORMATION: "The date chosen as the group’s formation.",
    Event.Kind.TERMINATION: "The date chosen as the group’s end.",
    Event.Kind.SPLIT: "A sentence about a split or breakaway.",
    Event.Kind.ALLIANCE: "A sentence about an alliance.",
    Event.Kind.CRACKDOWN: "A sentence about arrests, raids, bans or an operation against a group.",
    Event.Kind.ABUSE: "A sentence about killings, massacres, torture, abuse or extortion.",
    Event.Kind.SIZE_REPORT: "A dated statement of the group’s size.",
    Event.Kind.CONTEXT: (
        "A date that belongs to something else the sentence names: a war, an election, a "
        "coup, a report (“the civil war of 1960–1996”)."
    ),
    Event.Kind.PUBLICATION: "A date in a reference line: when a source was published.",
    Event.Kind.OTHER: "Any other dated sentence.",
}

RELATION_MEANINGS = {
    Relation.SPLINTER_OF: "This group broke away from the other (“split from”, “a breakaway of”).",
    Relation.HAS_SPLINTER: "The other group broke away from this one.",
    Relation.MERGED_INTO: "This group joined the other, or was absorbed into it.",
    Relation.ABSORBED: "This group took the other in.",
    Relation.PART_OF: "This group is a wing, unit or branch of the other (“the armed wing of”).",
    Relation.HAS_PART: "The other group is a wing, unit or branch of this one.",
    Relation.SUCCESSOR_OF: "This group replaced the other, or grew out of it.",
    Relation.PREDECESSOR_OF: "This group came before the other, which replaced it.",
    Relation.ALLY_OF: "This group allied, cooperated or sided with the other.",
    Relation.RIVAL_OF: "This group fought or clashed with the other, or was named its enemy.",
    Relation.SPONSORED_BY: "The other group funded, armed, trained or backed this one.",
    Relation.SPONSOR_OF: "This group funded, armed, trained or backed the other.",
    Relation.MENTIONED_WITH: (
        "Both groups are named in the same text without a stated tie. The importer does not "
        "record this relation yet; curators may."
    ),
}

# Relations the importer reads from a text; the others appear only as the other side of one.
RELATIONS_READ = {
    Relation.SPLINTER_OF,
    Relation.MERGED_INTO,
    Relation.PART_OF,
    Relation.SUCCESSOR_OF,
    Relation.PREDECESSOR_OF,
    Relation.ALLY_OF,
    Relation.RIVAL_OF,
    Relation.SPONSORED_BY,
}


@dataclass(frozen=True)
class Term:
    key: str
    label: str
    meaning: str
    note: str = ""


def profile_fields():
    """Country, each section in the guidebook's order, then References."""
    return [
        Term("country", "Country", COUNTRY_MEANING),
        *(Term(key, label, SECTION_MEANINGS[key]) for key, label in SECTION_FIELDS),
        Term("references", "References", REFERENCES_MEANING),
    ]


def choice_terms(choices, meanings):
    return [Term(choice.value, choice.label, meanings[choice]) for choice in choices]


def relation_note(relation):
    if relation in RELATIONS_READ:
        return "read from the texts"
    if relation == Relation.MENTIONED_WITH:
        return "not read from the texts"
    return "the other side of a tie read from the other group’s text"


def relation_terms():
    return [
        Term(relation.value, relation.label, RELATION_MEANINGS[relation], relation_note(relation))
        for relation in Relation
    ]


def about_context():
    return {
        "fields": profile_fields(),
        "kinds": choice_terms(GroupKind, KIND_MEANINGS),
        "statuses": choice_terms(GroupStatus, STATUS_MEANINGS),
        "event_kinds": choice_terms(Event.Kind, EVENT_MEANINGS),
        "relations": relation_terms(),
        "formats": list(SourceDocument.Format),
    }
