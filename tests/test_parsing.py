"""The text parser, without a database: dates, sizes, decoding and whole profiles.

Every expectation follows the reading rules in the practice README (aliases, countries,
formation and termination years, size, citation markers, event years, relations) and
the two input formats. The texts are invented for these tests.
"""

import codecs
from datetime import date

import pytest

from profiles.parsing.countries import codes_in_list
from profiles.parsing.dates import find_dates
from profiles.parsing.mentions import is_mentionable
from profiles.parsing.names import name_key
from profiles.parsing.profile import parse_profile
from profiles.parsing.sizes import strength_figures
from profiles.parsing.text import decode
from profiles.parsing.types import ENCYCLOPEDIA, GUIDEBOOK, ParseError

# ---------------------------------------------------------------------------------------
# Dates


def only_date(sentence):
    found = find_dates(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "sentence, written, edtf, earliest, latest, precision",
    [
        ("The patrols began in 1994.", "1994", "1994", (1994, 1, 1), (1994, 12, 31), "year"),
        (
            "The patrols began in November 1994.",
            "November 1994",
            "1994-11",
            (1994, 11, 1),
            (1994, 11, 30),
            "month",
        ),
        (
            "It was outlawed on 15 March 2011.",
            "15 March 2011",
            "2011-03-15",
            (2011, 3, 15),
            (2011, 3, 15),
            "day",
        ),
        (
            "It was outlawed on April 29, 2006.",
            "April 29, 2006",
            "2006-04-29",
            (2006, 4, 29),
            (2006, 4, 29),
            "day",
        ),
        (
            "It held the ridge between 1997 and 2006.",
            "between 1997 and 2006",
            "1997/2006",
            (1997, 1, 1),
            (2006, 12, 31),
            "year",
        ),
        (
            "It held the ridge from 1997 to 2006.",
            "from 1997 to 2006",
            "1997/2006",
            (1997, 1, 1),
            (2006, 12, 31),
            "year",
        ),
        (
            "Farmers set it up in 1981\u20131982.",
            "1981\u20131982",
            "1981/1982",
            (1981, 1, 1),
            (1982, 12, 31),
            "year",
        ),
        (
            "Farmers set it up in 1981-1982.",
            "1981-1982",
            "1981/1982",
            (1981, 1, 1),
            (1982, 12, 31),
            "year",
        ),
        (
            "It took shape between August and September 1992.",
            "between August and September 1992",
            "1992-08/1992-09",
            (1992, 8, 1),
            (1992, 9, 30),
            "month",
        ),
        (
            "Raids were common in the 1980s.",
            "the 1980s",
            "198X",
            (1980, 1, 1),
            (1989, 12, 31),
            "decade",
        ),
        (
            "The unit was raised around 1990.",
            "around 1990",
            "1990~",
            (1990, 1, 1),
            (1990, 12, 31),
            "year",
        ),
        (
            "The unit was raised in early August 2002.",
            "early August 2002",
            "2002-08",
            (2002, 8, 1),
            (2002, 8, 31),
            "month",
        ),
        ("The oldest record is from 1800.", "1800", "1800", (1800, 1, 1), (1800, 12, 31), "year"),
        ("It plans to last until 2099.", "2099", "2099", (2099, 1, 1), (2099, 12, 31), "year"),
    ],
)
def test_date_forms(sentence, written, edtf, earliest, latest, precision):
    found = only_date(sentence)
    assert found.edtf == edtf
    assert found.earliest == date(*earliest)
    assert found.latest == date(*latest)
    assert found.precision == precision
    assert found.text == written


@pytest.mark.parametrize(
    "sentence, part",
    [
        ("It grew quickly in the mid-1990s.", "mid"),
        ("It grew quickly in the late 1990s.", "late"),
        ("It grew quickly in the early 1990s.", "early"),
    ],
)
def test_part_of_a_decade_stays_a_decade_with_narrower_bounds(sentence, part):
    found = only_date(sentence)
    assert found.edtf == "199X"
    assert found.precision == "decade"
    assert found.year is None  # a decade is not a year
    assert date(1990, 1, 1) <= found.earliest <= found.latest <= date(1999, 12, 31)
    assert (found.earliest, found.latest) != (date(1990, 1, 1), date(1999, 12, 31))
    if part == "early":
        assert found.earliest == date(1990, 1, 1) and found.latest.year <= 1995
    if part == "mid":
        assert found.earliest.year >= 1992 and found.latest.year <= 1997
    if part == "late":
        assert found.earliest.year >= 1995 and found.latest == date(1999, 12, 31)


@pytest.mark.parametrize(
    "sentence",
    [
        "It counted 1,800 members.",
        "It drew 26,000 volunteers.",
        "Each fighter was paid $2000 a year.",
        "Some 1500 men guarded the river.",
        "About 2000 people fled the town.",
        "The town lies 1850 km from the coast.",
        "The ledger lists 1799 names.",
        "The charter runs out in 2100.",
        "It was founded in 1799.",
        "No dates here at all.",
    ],
)
def test_numbers_that_are_not_years(sentence):
    assert list(find_dates(sentence)) == []


def test_a_year_next_to_a_count_is_still_read():
    found = find_dates("In 1994 it had 1500 men and 2,400 rifles.")
    assert [d.edtf for d in found] == ["1994"]


def test_find_dates_returns_a_tuple_even_without_a_year():
    # The result is cached: a shared mutable list could be changed by one caller for all.
    assert isinstance(find_dates("no year in this sentence"), tuple)


# ---------------------------------------------------------------------------------------
# Sizes


def size_of(text, lenient=False):
    figures = strength_figures(text, lenient=lenient)
    return max((figure.value for figure in figures), default=None)


@pytest.mark.parametrize(
    "text, size",
    [
        ("The militia had 500 members.", 500),
        ("By then it fielded 2,000 fighters.", 2000),
        ("Estimates put its strength between 3,000 and 5,000.", 5000),
        ("It could call on between 3,000 and 5,000 fighters.", 5000),
        ("At its peak it counted 1.3 million men.", 1300000),
        ("Its membership reached three million.", 3000000),
        ("It drew more than 26,000 volunteers.", 26000),
        ("It grew from 800 members in 1999 to 2,500 members in 2004.", 2500),
        ("It had 2000 fighters in 2001.", 2000),
        ("It was a 3,000-strong force.", 3000),
        # A raid's verb in another part of the sentence says nothing of these men.
        ("It had 1,500 men, and the zone it held had 20,000 inhabitants.", 1500),
        ("It had 400 men, and in 1998 it seized the town.", 400),
    ],
)
def test_strength_figures(text, size):
    assert size_of(text) == size


@pytest.mark.parametrize(
    "text",
    [
        "990 fighters handed in their weapons at the demobilisation in 2006.",
        "At its height the Union of the Loyal alone claimed around 350,000 members.",
        "In 1906 members of the Union murdered a deputy.",
        "Its gunmen killed 45 people in the town.",
        "The fighting left 300 dead.",
        "The clashes caused 120 casualties.",
        "The vigilantes executed 35 suspected thieves in public.",
        "In 2004 the group released 150 children to UNICEF.",
        "The governor paid the group $2 million.",
        "It received 40 million naira from the state.",
        "In one raid 60 men stormed a police station.",
        "In May, 60 men seized the bridge.",
        "Its northern battalion (about 700 fighters) guarded the pass.",
        "Each battalion had about 400 men.",
        "About 90 of its members were detained.",
        "The militia was founded in 1998.",
        pytest.param(
            "The vigilantes publicly executed 35 men accused of theft.",
        ),
        pytest.param(
            "The militia killed 45 men in the town.",
        ),
        pytest.param(
            "Police arrested 200 members of the group in 2005.",
        ),
    ],
)
def test_figures_that_are_not_strength(text):
    assert size_of(text) is None


@pytest.mark.parametrize(
    "text, size",
    [
        ("About 650.", 650),
        ("Roughly 650 in 1995.", 650),
        ("1,200", 1200),
        ("Between 400 and 600, according to the police.", 600),
    ],
)
def test_a_size_field_reads_a_bare_figure(text, size):
    assert size_of(text, lenient=True) == size


def test_running_text_does_not_read_a_bare_figure():
    assert size_of("About 650.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Some 150 were killed in 2001.",
        "--",
        "It was estimated in 2004.",
        # A plan's figure; the men of one operation; one battalion's strength.
        "Most battalions had far fewer men than the planned 326.",
        "On 27 July 1990, 114 members stormed the parliament.",
        "Each border battalion was meant to have 326 men.",
        # A crowd at one event; a count per state; a year after its month.
        "A general mobilisation brought some 6,000 men to the town.",
        "Several states announced drives of about 1,000 to 2,000 operatives each.",
        "In November 1986 soldiers killed at least 35 people in the village.",
        # The dead and the jailed; the other side's troops.
        "Its own figures speak of roughly 300 members killed in combat and 3,000 jailed.",
        "The colonial power deployed between 25,000 and 40,000 troops against them.",
    ],
)
def test_a_size_field_still_skips_what_is_not_strength(text):
    assert size_of(text, lenient=True) is None


# ---------------------------------------------------------------------------------------
# Decoding


def encoding_name(encoding):
    return codecs.lookup(encoding).name


@pytest.mark.parametrize(
    "data, text, encodings",
    [
        (b"Stone Lions (Kenya)\n", "Stone Lions (Kenya)\n", {"utf-8"}),
        ("Medell\u00edn\n".encode(), "Medell\u00edn\n", {"utf-8"}),
        (b"\xef\xbb\xbfStone Lions (Kenya)\n", "Stone Lions (Kenya)\n", {"utf-8", "utf-8-sig"}),
        (
            "Medell\u00edn \u2013 Zorro\u2019s men\n".encode("cp1252"),
            "Medell\u00edn \u2013 Zorro\u2019s men\n",
            {"cp1252"},
        ),
        ("Medell\u00edn\n".encode("utf-16"), "Medell\u00edn\n", {"utf-16"}),
    ],
    ids=["utf-8", "utf-8 accents", "utf-8 bom", "windows-1252", "utf-16 bom"],
)
def test_decode(data, text, encodings):
    decoded, encoding = decode(data)
    assert decoded == text
    assert encoding_name(encoding) in {encoding_name(e) for e in encodings}


def test_decode_keeps_crlf_lines_apart():
    decoded, _encoding = decode(b"Stone Lions (Kenya)\r\n\r\nCountry: Kenya\r\n")
    assert decoded.splitlines() == ["Stone Lions (Kenya)", "", "Country: Kenya"]


@pytest.mark.parametrize("data", [b"", b"\n\n   \n", b"\r\n"])
def test_decode_an_empty_file(data):
    with pytest.raises(ParseError) as error:
        decode(data)
    assert error.value.line == 1


@pytest.mark.parametrize(
    "data, line",
    [
        (b"\x00\x01\x02binary", 1),
        (b"Stone Lions (Kenya)\n\nCountry: Kenya\nSize: 3\x0000\n", 4),
        (b"Stone Lions (Kenya)\r\n\r\nCountry: Kenya\r\nSize: 3\x0000\r\n", 4),
    ],
)
def test_decode_nul_bytes_names_the_line(data, line):
    with pytest.raises(ParseError) as error:
        decode(data)
    assert error.value.line == line


# ---------------------------------------------------------------------------------------
# Countries and name keys


@pytest.mark.parametrize(
    "value, codes",
    [
        ("Sudan, Chad", ["SD", "TD"]),
        ("Pakistan", ["PK"]),
        ("Russia", ["RU"]),
        ("Iraq and Syria", ["IQ", "SY"]),
        ("Colombia; Venezuela", ["CO", "VE"]),
        ("South Sudan", ["SS"]),
        ("Sudan / South Sudan", ["SD", "SS"]),
        ("Bosnia and Herzegovina", ["BA"]),
        ("Democratic Republic of the Congo", ["CD"]),
        ("--", []),
    ],
)
def test_codes_in_list(value, codes):
    assert sorted(codes_in_list(value)) == codes


@pytest.mark.parametrize(
    "first, second",
    [
        ("The Cali Cartel", "cali cartel"),
        ("Medell\u00edn Cartel", "Medellin Cartel"),
        ("People\u2019s Guard", "People's Guard"),
        ("Red-Dawn Movement", "Red Dawn Movement"),
    ],
)
def test_name_key_matches_the_same_name(first, second):
    assert name_key(first) == name_key(second)


@pytest.mark.parametrize(
    "first, second",
    [
        ("Red Dawn Movement", "Red Dawn Front"),
        ("MQM", "MQM Haqiqi"),
    ],
)
def test_name_key_keeps_different_names_apart(first, second):
    assert name_key(first) != name_key(second)


# ---------------------------------------------------------------------------------------
# Whole profiles

# Format B: a stated alias and an acronym inside a field, two countries, an earlier start
# and a later decree, a size range, a count of the killed, state sponsors to skip.
HARVEST_GUARDS = """Harvest Guards (Sudan)

Country: Sudan, Chad
Details of Formation: The Harvest Guards (HG), also known as the Grain Road Militia, were set up in March 2004 by cattle traders on both sides of the border; a regional decree recognised them in 2006.
Details of Termination: The militia was disbanded on 12 June 2011, after a peace deal between the herding clans.
Purpose: To escort herds to market and to keep raiders off the grazing routes.
Organisation: Led by a council of elders and financed by the Western Traders Union. The group fought against the Desert Hawks Front for control of the wells.
Weapons and Training: Rifles were bought at border markets, and some recruits were trained by the Sudanese army.
Size: Between 1,500 and 4,000 fighters in 2008.
Reason for Membership: Pay, and protection for family herds.
Treatment of Civilians: Its fighters killed 230 people in reprisal raids in 2009.
Other Information: The group allied with the Blue Nile Scouts in 2010.
References: regional newspaper reports and NGO briefings
"""

# Format B: a continuation line, missing fields, "--" fields, a decade, a dated reference.
RIVER_WARDENS = """River Wardens (Ghana)

Country: Ghana
Details of Formation: Fishermen formed the River Wardens in the late 1980s to guard
their canoes and nets along the lake shore.
Details of Termination: --
Purpose: Night patrols of the landing beaches.
Size: --
Treatment of Civilians: Wardens flogged suspected net thieves in 1997 and burned a smokehouse in 2001.
References: Daily Graphic, 14 May 1999
"""

# Format B: a "meaning" gloss, a month range, a person's nickname, a bare Size figure.
JINETES = """Jinetes de la Noche (Colombia)

Country: Colombia
Details of Formation: Jinetes de la Noche (meaning Night Riders) was organised by cattle ranchers near Medell\u00edn between May and July 1987.
Details of Termination: Most of its members were demobilised in 2005.
Purpose: To guard ranches against kidnappers.
Organisation: Commanded by a former police captain known as El Zorro, and armed by the Valley Cattle Federation.
Size: Roughly 650 in 1995.
Reason for Membership: --
References: --
"""

# Format A: acronym, Spanish name, "also known as", a quoted gloss, another group's
# acronym, a war's range, a range for the formation, stacked and leading markers, a
# tie between two other groups, the army as a sponsor.
VALLEY_COMMITTEES = """Valley Self-Defence Committees

The Valley Self-Defence Committees (VSDC), in Spanish Comit\u00e9s de Autodefensa del Valle, were village militias that the Peruvian state armed in the southern highlands during the internal war of 1980\u20132000.[1][2]

Villagers formed the first committees in 1983\u20131984, and a decree gave them legal status on 8 November 1991.[3][4]

[5] The committees were also known as the Highland Rounds.[6] In Quechua villages they were known as Sinchi Kamay ("strong order").[7]

Patrollers fought against the Red Dawn Movement (RDM) and were armed by the Peruvian army.[8]

Membership grew to about 4,000 in 1990 and reached 12,500 patrollers in 1993, in a war that left some 69,000 people dead.[9][10][11]

The Red Dawn Movement was allied with the Coastal Liberation Front.[12] The committees were financed by the Andean Growers League.[13]

The committees were disbanded in 2002, after the war had ended.[14]
"""

# Format A: part_of, splinter_of, ally_of and rival_of; a decade; an arrest count; a
# country named in passing; still active.
CRESCENT_BRIGADE = """Crescent Youth Brigade

The Crescent Youth Brigade, also known as the Crescent Boys, is the youth wing of the National Renewal Party in Bangladesh.[1][2]

It was founded in 1979 after its leaders broke away from the People's Student League.[3]

[4] In the 1990s the brigade allied with the Freedom Volunteers Corps and fought against the Green Banner Front on university campuses.[5][6][7]

The Green Banner Front was financed by the Northern Traders Guild.[8]

Its membership was put at 15,000 in 2008, and police arrested 300 of its activists in 2009 and 2010.[9] Some of its leaders received training in India.[10]
"""

TEXTS = {
    "harvest_guards": HARVEST_GUARDS,
    "river_wardens": RIVER_WARDENS,
    "jinetes": JINETES,
    "valley_committees": VALLEY_COMMITTEES,
    "crescent_brigade": CRESCENT_BRIGADE,
}

EXPECTED = {
    "harvest_guards": {
        "format": GUIDEBOOK,
        "name": "Harvest Guards",
        "countries": ["SD", "TD"],
        "aliases": ["HG", "Grain Road Militia"],
        "formation_year": 2004,
        "termination_year": 2011,
        "size": 4000,
        "citation_markers": [],
        "event_years": [2004, 2006, 2008, 2009, 2010, 2011],
        "relations": [
            ("Blue Nile Scouts", "ally_of"),
            ("Desert Hawks Front", "rival_of"),
            ("Western Traders Union", "sponsored_by"),
        ],
    },
    "river_wardens": {
        "format": GUIDEBOOK,
        "name": "River Wardens",
        "countries": ["GH"],
        "aliases": [],
        "formation_year": None,
        "termination_year": None,
        "size": None,
        "citation_markers": [],
        "event_years": [1997, 1999, 2001],
        "relations": [],
    },
    "jinetes": {
        "format": GUIDEBOOK,
        "name": "Jinetes de la Noche",
        "countries": ["CO"],
        "aliases": [],
        "formation_year": 1987,
        "termination_year": 2005,
        "size": 650,
        "citation_markers": [],
        "event_years": [1987, 1995, 2005],
        "relations": [("Valley Cattle Federation", "sponsored_by")],
    },
    "valley_committees": {
        "format": ENCYCLOPEDIA,
        "name": "Valley Self-Defence Committees",
        "countries": ["PE"],
        "aliases": [
            "VSDC",
            "Comit\u00e9s de Autodefensa del Valle",
            "Highland Rounds",
            "Sinchi Kamay",
        ],
        "formation_year": 1983,
        "termination_year": 2002,
        "size": 12500,
        "citation_markers": list(range(1, 15)),
        "event_years": [1980, 1983, 1984, 1990, 1991, 1993, 2000, 2002],
        "relations": [
            ("Andean Growers League", "sponsored_by"),
            ("Red Dawn Movement", "rival_of"),
        ],
    },
    "crescent_brigade": {
        "format": ENCYCLOPEDIA,
        "name": "Crescent Youth Brigade",
        "countries": ["BD"],
        "aliases": ["Crescent Boys"],
        "formation_year": 1979,
        "termination_year": None,
        "size": 15000,
        "citation_markers": list(range(1, 11)),
        "event_years": [1979, 2008, 2009, 2010],
        "relations": [
            ("Freedom Volunteers Corps", "ally_of"),
            ("Green Banner Front", "rival_of"),
            ("National Renewal Party", "part_of"),
            ("People's Student League", "splinter_of"),
        ],
    },
}

# Every profile also lists its aliases regardless of order, so that an ordering fault
# does not hide the names themselves.
for _expected in EXPECTED.values():
    _expected["alias_names"] = sorted(_expected["aliases"])

# Expectations that follow the README but that the parser does not meet yet.
# (profile, field) -> why the parser is known to get it wrong; empty when it reads all.
KNOWN_FAILURES = {}


def year_of(value):
    return None if value is None else value.year


def event_years(profile):
    """Every year an event names: both ends of a range, no decades (README)."""
    years = set()
    for event in profile.events:
        when = event.date
        if when.precision == "decade":
            continue
        years.add(when.earliest.year)
        if when.end_edtf is not None:
            years.add(when.latest.year)
    return sorted(years)


READ = {
    "format": lambda p: p.format,
    "name": lambda p: p.name,
    "countries": lambda p: p.countries,
    "aliases": lambda p: p.aliases,
    "alias_names": lambda p: sorted(p.aliases),
    "formation_year": lambda p: year_of(p.formation),
    "termination_year": lambda p: year_of(p.termination),
    "size": lambda p: p.size,
    "citation_markers": lambda p: sorted({c.marker for c in p.citations}),
    "event_years": event_years,
    "relations": lambda p: sorted((r.target, r.relation) for r in p.relations),
}


def profile_cases():
    for key, expected in EXPECTED.items():
        for field, value in expected.items():
            reason = KNOWN_FAILURES.get((key, field))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(key, field, value, marks=marks, id=f"{key}-{field}")


@pytest.mark.parametrize("key, field, expected", list(profile_cases()))
def test_profile(key, field, expected):
    assert READ[field](parse_profile(TEXTS[key])) == expected


def test_guidebook_continuation_line_joins_its_field():
    profile = parse_profile(RIVER_WARDENS)
    formation = " ".join(profile.sections["formation"].split())
    assert "in the late 1980s to guard their canoes and nets along the lake shore." in formation


def test_guidebook_missing_fields_are_simply_absent():
    profile = parse_profile(RIVER_WARDENS)
    for key in ("organisation", "weapons_and_training", "reason_for_membership"):
        assert key not in profile.sections
    assert profile.sections["purpose"] == "Night patrols of the landing beaches."


def test_one_event_per_date_mention():
    wardens = parse_profile(RIVER_WARDENS)
    assert sorted(e.date.edtf for e in wardens.events) == sorted(
        ["198X", "1997", "2001", "1999-05-14"]
    )
    committees = parse_profile(VALLEY_COMMITTEES)
    assert sorted(e.date.edtf for e in committees.events) == sorted(
        ["1980/2000", "1983/1984", "1991-11-08", "1990", "1993", "2002"]
    )


def test_an_event_carries_the_stacked_markers_of_its_sentence():
    committees = parse_profile(VALLEY_COMMITTEES)
    (peak,) = [e for e in committees.events if e.date.edtf == "1993"]
    assert peak.markers == [9, 10, 11]


def test_stacked_markers_share_one_statement():
    committees = parse_profile(VALLEY_COMMITTEES)
    stacked = [c for c in committees.citations if c.marker in (9, 10, 11)]
    assert len(stacked) == 3
    assert len({c.statement for c in stacked}) == 1
    assert stacked[0].statement.startswith("Membership grew to about 4,000")


@pytest.mark.parametrize("text, marker", [(VALLEY_COMMITTEES, 5), (CRESCENT_BRIGADE, 4)])
def test_a_marker_at_paragraph_start_closed_a_left_out_sentence(text, marker):
    citations = [c for c in parse_profile(text).citations if c.marker == marker]
    assert len(citations) == 1
    assert citations[0].statement == ""


def test_a_guidebook_text_has_no_citations():
    assert parse_profile(HARVEST_GUARDS).citations == []


def test_crlf_file_reads_like_lf():
    text, _encoding = decode(RIVER_WARDENS.replace("\n", "\r\n").encode())
    crlf, lf = parse_profile(text), parse_profile(RIVER_WARDENS)
    assert crlf.sections == lf.sections
    assert not any("\r" in value for value in crlf.sections.values())
    for field in EXPECTED["river_wardens"]:
        assert READ[field](crlf) == READ[field](lf)


@pytest.mark.parametrize(
    "data",
    [
        JINETES.encode("cp1252"),
        b"\xef\xbb\xbf" + JINETES.encode(),
        JINETES.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["windows-1252", "utf-8 bom", "windows-1252 crlf"],
)
def test_encoded_file_reads_like_utf8(data):
    text, _encoding = decode(data)
    profile = parse_profile(text)
    assert profile.title == "Jinetes de la Noche (Colombia)"
    assert "Medell\u00edn" in profile.sections["formation"]
    for field, expected in EXPECTED["jinetes"].items():
        if ("jinetes", field) not in KNOWN_FAILURES:
            assert READ[field](profile) == expected, field


def aliases_of(sentence):
    """The aliases of "Hill Guard" in a one-sentence encyclopedia extract."""
    return parse_profile(f"Hill Guard\n\n{sentence}[1]\n").aliases


@pytest.mark.parametrize(
    "sentence, aliases",
    [
        # Its name in its own script, after a short form of its name or its kind opening
        # the sentence.
        ("The legion (Georgian: გორის ლეგიონი) was formed in 2014.", ["გორის ლეგიონი"]),
        (
            'The group (Arabic: حرس التلال, "Guard of the Hills") was founded in 2013.',
            ["حرس التلال"],
        ),
        # Another group's name in its script is not ours, nor is a kind alone ours.
        ("The Hill Guard fought the Red Army (Russian: Красная армия) in 1919.", []),
        ("In 1919 the Guard fought the Red Army (Russian: Красная армия).", []),
    ],
)
def test_a_name_in_its_own_script_after_a_short_form_of_ours(sentence, aliases):
    assert aliases_of(sentence) == aliases


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # A body of a coalition: a member of it.
        (
            "The Hill Guard was one of the founding members of the Northern Alliance Front.",
            [("Northern Alliance Front", "part_of")],
        ),
        (
            "In 1990 it became a member of the Alliance of Valley Forces.",
            [("Alliance of Valley Forces", "part_of")],
        ),
        # Its people's memberships are theirs.
        ("Its leader was a member of the Valley Tribe Council.", []),
        ("Its founder Ali Musa was a member of the Red Dawn Movement.", []),
    ],
)
def test_a_member_of_a_coalition(sentence, relations):
    assert relations_of(sentence) == relations


@pytest.mark.parametrize(
    "sentence, aliases",
    [
        # Whoever names the group: "referred to it as", "knew them as".
        ('Locals referred to it as "the Hillmen" in 1990.', ["Hillmen"]),
        ("Villagers knew them as the Black Shirts.", ["Black Shirts"]),
        # A band's name, told in a relative clause about the band.
        ("It fought a band that locals referred to as the Wolves.", []),
    ],
)
def test_names_others_give_us_and_names_of_another_band(sentence, aliases):
    assert aliases_of(sentence) == aliases


def test_a_short_form_of_our_name_opening_the_text_takes_its_names_in_parentheses():
    text = (
        "Tappeh Guard Division\n\nThe Tappeh Guard (Persian: گارد تپه, Gard-e Tappeh) was set"
        " up in 2014.[1] The Division (Persian: لشکر) grew.[2]\n"
    )
    assert parse_profile(text).aliases == ["گارد تپه", "Gard-e Tappeh"]


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("In April 2001 its leader announced that the Reed Guard no longer existed.", 2001),
        ("A congress held in May 2025 decided to dissolve the Reed Guard.", 2025),
        (
            "After the December 1944 fighting in the capital, the Coast Agreement of February"
            " 1945 required the Reed Guard to hand in its weapons and stand down.",
            1945,
        ),
        # An event's end: a war, crushed protests, a demonstration that ended in a shoot-out.
        ("The Reed Guard was not disbanded after the war ended in May 2009.", None),
        (
            "The guards withdrew from view after the protests had been crushed in 2018.",
            None,
        ),
        (
            "On 7 October 1934 a counter-demonstration ended in a shoot-out with the guard.",
            None,
        ),
        # The year of its disbandment; an accord that ended the war is no end of ours.
        ("Its leader announced the Reed Guard's disbandment in April 1996.", 1996),
        ("The peace accords signed on 4 October 1992 ended the war in the north.", None),
        # A demand, a truce that ended nothing, another group's end in a relative clause,
        # an event's end, a ban on a thing.
        ("In 2015 senators called for the Reed Guard to be disarmed and disbanded.", None),
        (
            "It declared several truces, one in April 2014, but none of them ended the armed"
            " struggle.",
            None,
        ),
        (
            "It is regarded as a revival of the Coast Army, which had been disbanded in 2008.",
            None,
        ),
        ("The rebellion ended in late August 1980, when its leader surrendered.", None),
        ("The government banned political uniforms in 1933.", None),
        # Another group's end, told with an aside that names ours.
        (
            "The party Reed Front, widely regarded as the Reed Guard's political wing, was"
            " banned in 2003.",
            None,
        ),
    ],
)
def test_more_ends_in_an_article(sentence, year):
    text = f"Reed Guard\n\nThe Reed Guard was a militia in Ghana.[1] {sentence}[2]\n"
    assert earliest_year(parse_profile(text).termination) == year


@pytest.mark.parametrize(
    "sentence, year",
    [
        # Another subject ends the group, its object.
        ("The National Council dissolved the Reed Guard on 3 May 1986.", 1986),
        ("The Federal Assembly dissolved the organisation in December 1989.", 1989),
        # ... not another body.
        ("The Reed Guard's patron dissolved the parliament in 1990.", None),
        ("The army disbanded the Hill Front in 1995.", None),
    ],
)
def test_an_end_told_with_the_group_as_object(sentence, year):
    text = f"Reed Guard\n\nThe Reed Guard was a militia in Ghana.[1] {sentence}[2]\n"
    assert earliest_year(parse_profile(text).termination) == year


@pytest.mark.parametrize(
    "sentences, year",
    [
        # A definite end after an earlier decline settles it...
        (
            "After the coup of April 1974 the Reed Guard was gradually stood down.[2] The last"
            " units of the Reed Guard were disbanded in June 1975.",
            1975,
        ),
        (
            "After the armistice of April 1948 the Reed Guard lost its patrons.[2] The Reed Guard"
            " was disbanded in 1949.",
            1949,
        ),
        # ... also when a war that ended in between is named.
        (
            "From 1943 the Reed Guard and the Hill Front fought a civil conflict that ended only"
            " with the truce of February 1944.[2] The Reed Guard was formally disbanded in early"
            " 1945.",
            1945,
        ),
        # Not two definite ends, nor a later reading after it, nor a date of what came before.
        (
            "Most units of the Reed Guard were disbanded by 1992.[2] By 1993 the Reed Guard had"
            " ceased to exist.",
            None,
        ),
        ("The Reed Guard was dissolved in 1990.[2] The Reed Guard was banned again in 1994.", None),
        # A comeback before the end is no sign of life after it; one after it is.
        (
            "The Reed Guard was banned in 1923 but re-formed in 1925.[2] The Reed Guard was"
            " formally dissolved in 1945.",
            1945,
        ),
        ("The Reed Guard was dissolved in 1990.[2] The Reed Guard was revived in 1994.", None),
        (
            "The Reed Guard was banned in 1909.[2] In 1940 its wing founded a party, after which"
            " the Reed Guard gradually ceased to exist.",
            None,
        ),
    ],
)
def test_a_definite_end_after_earlier_readings(sentences, year):
    text = f"Reed Guard\n\nThe Reed Guard was a militia in Ghana.[1] {sentences}[3]\n"
    profile = parse_profile(text)
    assert earliest_year(profile.termination) == year


@pytest.mark.parametrize(
    "sentence, aliases",
    [
        ("The Hill Guard (HG) patrolled the hills.", ["HG"]),
        (
            "The Hill Guard, also known as the Mountain Watch, patrolled the hills.",
            ["Mountain Watch"],
        ),
        (
            "The Hill Guard, in Spanish Guardia de la Colina, patrolled the hills.",
            ["Guardia de la Colina"],
        ),
        ('The Hill Guard was known in Hausa as Yan Tudu ("hill people").', ["Yan Tudu"]),
        ("The Hill Guard fought the Red Dawn Movement (RDM).", []),
        ("The Hill Guard (meaning Mountain Watch) patrolled the hills.", []),
        ("The Hill Guard is also referred to as the Ridge Raiders.", ["Ridge Raiders"]),
        (
            "The Hill Guard (Armenian: \u054d\u0561\u057d\u0576\u0561, also transliterated"
            " Sasna Tsor) patrolled the hills.",
            ["\u054d\u0561\u057d\u0576\u0561", "Sasna Tsor"],
        ),
        ("The Hill Guard, often called simply the Ridge Army, patrolled.", ["Ridge Army"]),
        ("The Hill Guard is known to its fighters and supporters as the Tudu.", ["Tudu"]),
        ("The Hill Guard was set up in 1962 as the Ridge Watch (RW).", ["Ridge Watch", "RW"]),
        ("The Russian name of the group is Gornaya Strazha.", ["Gornaya Strazha"]),
        ("Its full name, Guardia de la Colina, is seldom used.", ["Guardia de la Colina"]),
        ('The name, Hausa for "hill people", was given by its enemies.', []),
    ],
)
def test_alias_statements(sentence, aliases):
    assert aliases_of(sentence) == aliases


def relations_of(sentence):
    """The relations of "Hill Guard" in a one-sentence encyclopedia extract."""
    profile = parse_profile(f"Hill Guard\n\n{sentence}[1]\n")
    return [(r.target, r.relation) for r in profile.relations]


@pytest.mark.parametrize(
    "sentence, relations",
    [
        (
            "The Hill Guard fought against the Red Dawn Movement.",
            [("Red Dawn Movement", "rival_of")],
        ),
        (
            "The Hill Guard was financed by the Andean Growers League.",
            [("Andean Growers League", "sponsored_by")],
        ),
        (
            "The Hill Guard allied with the Freedom Volunteers Corps.",
            [("Freedom Volunteers Corps", "ally_of")],
        ),
        (
            "The Hill Guard broke away from the People's Student League.",
            [("People's Student League", "splinter_of")],
        ),
        (
            "The Hill Guard is the youth wing of the National Renewal Party.",
            [("National Renewal Party", "part_of")],
        ),
        (
            "The militia fought against the Red Dawn Movement (RDM).",
            [("Red Dawn Movement", "rival_of")],
        ),
        pytest.param(
            "In 1995 the Hill Guard allied with the Freedom Volunteers Corps.",
            [("Freedom Volunteers Corps", "ally_of")],
        ),
        pytest.param(
            "In the 1990s the militia fought against the Green Banner Front.",
            [("Green Banner Front", "rival_of")],
        ),
        # Ties between two other groups.
        pytest.param(
            "The Red Dawn Movement was allied with the Coastal Liberation Front.",
            [],
        ),
        pytest.param(
            "The Green Banner Front was financed by the Northern Traders Guild.",
            [],
        ),
        # The state in general words.
        ("The Hill Guard was armed by the Peruvian army.", []),
        ("The Hill Guard fought against the Kenyan police.", []),
        ("The Hill Guard was supported by the Moi government.", []),
        # Only mentioned or compared.
        ("The Hill Guard resembled the Red Dawn Movement in its methods.", []),
        ("It is often mentioned together with the Stone Hawks and Reed Bats.", []),
        # A band's plural nickname, where the sentence says a group is meant.
        (
            "In 1995 they fought alongside the Marsh Otters against the Vipers.",
            [("Marsh Otters", "ally_of"), ("Vipers", "rival_of")],
        ),
        (
            "The Hill Guard fought the Vipers and Jackals of Osei's camp for the port.",
            [("Vipers", "rival_of"), ("Jackals", "rival_of")],
        ),
        ("The Hill Guard fought repeated battles with the Vipers.", [("Vipers", "rival_of")]),
        # Peoples, faiths and creeds are no bands; nor is a name read only in part.
        ("The Hill Guard fought the Tutsis, the Maoists and the Serbs.", []),
        ("The Hill Guard harassed the Mothers in Black at every vigil.", []),
        # A list after a general word; a patron's band; a gerund or an infinitive opening the
        # clause is no other subject.
        (
            "The Hill Guard fought rival party militias, above all Kofi Mensah's Vipers.",
            [("Vipers", "rival_of")],
        ),
        # Plural rivals; deserters are a splinter; "alongside" without a verb is an ally.
        (
            "Its main opponents were the Coastal Liberation Front and the Red Hand Army.",
            [("Coastal Liberation Front", "rival_of"), ("Red Hand Army", "rival_of")],
        ),
        (
            "In 1994 soldiers deserted the Coastal Liberation Army and formed the Hill Guard.",
            [("Coastal Liberation Army", "splinter_of")],
        ),
        (
            "The Hill Guard, alongside the Red Hand Army, took part in the killings.",
            [("Red Hand Army", "ally_of")],
        ),
        (
            "The Hill Guard has also fought side by side with the Red Hand Army.",
            [("Red Hand Army", "ally_of")],
        ),
        (
            "The Hill Guard was a secret faction within the Coastal Liberation Front.",
            [("Coastal Liberation Front", "part_of")],
        ),
        # A name of no telltale shape that a list calls a group's is one, and the tie holds.
        (
            "The Hill Guard fought left-wing groups such as Kizil Yol in the streets.",
            [("Kizil Yol", "rival_of")],
        ),
        (
            "To drive out the Coastal Liberation Front (CLF) from the hills.",
            [("Coastal Liberation Front", "rival_of")],
        ),
        (
            "Holding villages against the Coastal Liberation Front after sweeps.",
            [("Coastal Liberation Front", "rival_of")],
        ),
        ("They backed the ruling Delta Unity Party.", [("Delta Unity Party", "ally_of")]),
        # Joining a group in a year is joining it; joining it in an attack is an alliance.
        (
            "In 1997 the Hill Guard joined the Delta Volunteer Front in 1998.",
            [("Delta Volunteer Front", "merged_into")],
        ),
        (
            "The Hill Guard joined the Vipers and the Reed movement in the attack on the port.",
            [("Vipers", "ally_of"), ("Reed", "ally_of")],
        ),
        # Another group's view of us.
        (
            "It was opposed by the Delta Unity Party, which saw it as a rival for votes.",
            [("Delta Unity Party", "rival_of")],
        ),
        # Ties read from the other side, or through the group's own wing.
        (
            "In 2009 a related militia, Stone Front, had already broken away from it.",
            [("Stone Front", "has_splinter")],
        ),
        (
            "In 2013 the Coastal Liberation Front targeted Hill Guard leaders.",
            [("Coastal Liberation Front", "rival_of")],
        ),
        # Its political wing is a party of its own, and its part (five of the six annotated
        # texts that name one say so).
        (
            "It entered politics through its political wing, the Delta Unity Party.",
            [("Delta Unity Party", "has_part")],
        ),
        (
            "It was funded in part by the Delta Unity Party.",
            [("Delta Unity Party", "sponsored_by")],
        ),
        (
            "It intimidated supporters of the Jamaat-e-Watan and the National Farmers' Party.",
            [("Jamaat-e-Watan", "rival_of"), ("National Farmers' Party", "rival_of")],
        ),
        # After "and", an adjective between "the" and the next name keeps the list going;
        # after a bare comma it opens an aside about the first.
        (
            "The Hill Guard fought the Coastal Liberation Front and the leftist Red Hand Army.",
            [("Coastal Liberation Front", "rival_of"), ("Red Hand Army", "rival_of")],
        ),
        (
            "The Hill Guard fought both the Coastal Liberation Front (CLF) and the "
            "pro-government Reed Militias in 2020.",
            [("Coastal Liberation Front", "rival_of"), ("Reed Militias", "rival_of")],
        ),
        (
            "It broke away from the Coastal Liberation Front, the main Delta movement, in 1990.",
            [("Coastal Liberation Front", "splinter_of")],
        ),
        # An office and its holder are a person.
        ("It was backed by Deputy Interior Minister Kofi Mensah.", []),
        # A splinter that named itself: the tie points the other way.
        (
            "A faction broke away from the Hill Guard in 1998 and called itself the Dawn Front.",
            [("Dawn Front", "has_splinter")],
        ),
    ],
)
def test_relation_phrases(sentence, relations):
    assert relations_of(sentence) == relations


def mentions_of(text):
    return [m.name for m in parse_profile(f"Hill Guard\n\n{text}[1]\n").mentions]


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A name in parentheses after another is that group's other name.
        (
            "It rivalled the Coastal Liberation Front (Jabhat al-Sahil) in the port.",
            ["Coastal Liberation Front"],
        ),
        # A short form of a group named before it is the same group.
        (
            "It rivalled the Kitara Regulatory Forces. Kitara fighters later stormed its bases.",
            ["Kitara Regulatory Forces"],
        ),
        # A year before a name is no part of it; a brigade named after an event is a group.
        (
            "It rivalled the Revolution Brigade. In 1994 Delta Volunteer Guard units left.",
            ["Revolution Brigade", "Delta Volunteer Guard"],
        ),
        # Our own name in another word order is ours.
        ("It drilled with officers of the Guard of the Hill.", []),
    ],
)
def test_mentions_fold_other_names_of_one_group(text, mentions):
    assert mentions_of(text) == mentions


@pytest.mark.parametrize(
    "text, aliases",
    [
        # The name's first words used alone: two words once, one word (before head
        # words only) twice.
        (
            "Hill Guard Association\n\nThe Hill Guard Association patrolled the hills."
            " Critics accused the Hill Guard of abuses.[1]\n",
            ["Hill Guard"],
        ),
        (
            "Otter Militia\n\nThe Otter Militia held the delta.[1] In 1990 the Otter"
            " attacked the port. By 1994 the Otter had faded.\n",
            ["Otter"],
        ),
        (
            "Otter Militia\n\nThe Otter Militia held the delta.[1] In 1990 the Otter"
            " attacked the port.\n",
            [],
        ),
        # A place or a war named after the group's first words is no alias.
        (
            "South Delta Army\n\nThe South Delta Army fought in the South Delta conflict."
            " It held the South Delta.[1]\n",
            [],
        ),
    ],
)
def test_a_short_form_in_use_is_an_alias(text, aliases):
    assert parse_profile(text).aliases == aliases


# ---------------------------------------------------------------------------------------
# Texts that cannot be imported

STONE_LIONS_TWICE = """Stone Lions (Kenya)

Country: Kenya
Details of Formation: Formed by herders in 2001.
Size: About 300 members.
Purpose: Cattle protection.
Size: About 900 members.
References: --
"""

NO_TITLE = """Country: Kenya
Details of Formation: Formed by herders in 2001.
Size: About 300 members.
References: --
"""


@pytest.mark.parametrize(
    "text, line",
    [
        (STONE_LIONS_TWICE, 7),
        (NO_TITLE, 1),
        ("The group was formed in 1990.[1]\n\nIt fought the army.[2]\n", 1),
    ],
    ids=["field twice", "no title", "sentence for a title"],
)
def test_parse_error_names_the_line(text, line):
    with pytest.raises(ParseError) as error:
        parse_profile(text)
    assert error.value.line == line


@pytest.mark.parametrize("text", ["Lonely Militia\n", "Lonely Militia\n\n\n", "Lonely Militia"])
def test_encyclopedia_title_without_body(text):
    with pytest.raises(ParseError):
        parse_profile(text)


def test_a_field_given_twice_with_the_same_value_is_read_once():
    text = STONE_LIONS_TWICE.replace("About 900 members.", "About 300 members.")
    assert parse_profile(text).size == 300


def guidebook(formation="--", termination="--"):
    return parse_profile(
        "Reed Guard (Ghana)\n\nCountry: Ghana\n"
        f"Details of Formation: {formation}\nDetails of Termination: {termination}\n"
        "Size: --\nReferences: --\n"
    )


def earliest_year(date):
    return date.earliest.year if date else None


@pytest.mark.parametrize(
    "formation, year",
    [
        # A finer date inside a decade says more.
        ("The group came into being in the mid-1990s. In 1994 fishermen began to patrol.", 1994),
        ("Fishermen brought their self-defence units together in 2016.", 2016),
        ("Elders proclaimed the Reed Guard in Tamale in September 2006.", 2006),
        ("The first reports of the group's fighters date from mid-1991.", 1991),
    ],
)
def test_formation_readings(formation, year):
    assert earliest_year(guidebook(formation=formation).formation) == year


@pytest.mark.parametrize(
    "termination, year",
    [
        # An end the description codes outright wins over a last sign of activity.
        (
            "Its last activity was reported in 1990. The end of the PGM is coded on"
            " November 12, 1994, when a new president took office.",
            1994,
        ),
        # "Its end came in ...", but not "its end came with the crisis: on ... and on ...".
        ("Its end came in August 1995, when the army took its last base.", 1995),
        (
            "Its end came with the siege of its camp: on 17 December 1996 the army"
            " surrounded it, and on 22 April 1997 commandos stormed it.",
            None,  # two readings: a doubt, not the first date after "its end came"
        ),
        # A group that turned itself into a party, gave up its weapons, or whose last
        # fighters surrendered.
        ("At its congress in February 1994 the guard turned itself into a political party.", 1994),
        ("The guard declared a ceasefire in 1994 and decommissioned its weapons in 2005.", 2005),
        ("Its last fighters surrendered in 1962.", 1962),
        # Other ways a description states the end it codes, the year after or before it.
        (
            "On 23 February 1991 the guard merged with the Hill Party; its men kept fighting."
            " The PGM ends in 1993, when the president broke with its leader.",
            1993,
        ),
        (
            "The guard scrapped the pact in July 2007, but a new deal followed in 2008. In June"
            " 2014 it declared the deal void; the PGM ends at this date.",
            2014,
        ),
        (
            "Its patrols were halved in 2004. The end point is the peace agreement of"
            " 21 November 2006; the guard is not mentioned again.",
            2006,
        ),
        (
            "Date of termination = the president ousted in 2011; guards are still reported"
            " in 2012, but it is unclear whether they are the same group.",
            2011,
        ),
        # An end under way is not the end: the year it was done is.
        (
            "The unit began to be disbanded in 2002. Its transformation was only finished"
            " in 2003, when its members were absorbed into the police.",
            2003,
        ),
        # Two readings and nothing to choose between them: a doubt, no value.
        ("Its leaders were arrested in 2001. Its last reported activity dates from 2000.", None),
        # Signs of life after the year.
        (
            "No information. Killings attributed to the guard were still being reported when"
            " a new governor took office in 2016.",
            None,
        ),
        (
            "After its patron was dismissed in May 1932 it faded away, although parts of its"
            " network may have survived in dormant form.",
            None,
        ),
    ],
)
def test_termination_readings(termination, year):
    assert earliest_year(guidebook(termination=termination).termination) == year


def test_our_name_reworded_or_enlarged_is_an_alias():
    text = (
        "Hill Guard (Ghana)\n\nCountry: Ghana\nDetails of Formation: Officers formed it in"
        " 1990 and ran the Guard of the Hill.\nDetails of Termination: In 1994 the unit was"
        " enlarged into the Hill Regiment.\nReferences: --\n"
    )
    profile = parse_profile(text)
    assert profile.aliases == ["Hill Regiment", "Guard of the Hill"]
    assert profile.mentions == []


@pytest.mark.parametrize(
    "purpose, codes",
    [
        # The countries a sentence says the group acted in join the Country field's.
        (
            "The group fought alongside the army in Togo in 1991 and in eastern Benin in 1992.",
            ["BJ", "GH", "TG"],
        ),
        # Not where its people fled, nor a war some members once fought, nor a clause
        # about something else.
        ("Many activists crossed into Togo.", ["GH"]),
        ("Some recruits were veterans of the fighting in Togo.", ["GH"]),
        ("Members fought because their families had been killed in Togo.", ["GH"]),
        ("The group was backed by Togo.", ["GH"]),
        # Fighters sent abroad, a headquarters abroad.
        ("At first it sent fighters to Togo to defend a shrine.", ["GH", "TG"]),
        ("It kept its headquarters in Togo under the protection of the authorities.", ["GH", "TG"]),
        # A place given with a region's word, or "inside" it.
        ("It carried out bombings in Accra and in metropolitan Togo.", ["GH", "TG"]),
        ("From 2002 it carried out raids inside Togo.", ["GH", "TG"]),
        ("Its units fought on in southeastern Togo until 1995.", ["GH", "TG"]),
        # More verbs of acting somewhere, and a place given by its mountains.
        ("After 2005 the group moved into the forests of Togo.", ["GH", "TG"]),
        ("In 1994 the group carried its war to Togo.", ["GH", "TG"]),
        ("Its fighters were based mainly in the Atakora mountains of northern Togo.", ["GH", "TG"]),
        # ... but not where some of its people went.
        ("In 1988 its mercenaries took part in a failed coup in Togo.", ["GH"]),
    ],
)
def test_countries_the_group_acted_in(purpose, codes):
    text = (
        "Reed Guard (Ghana)\n\nCountry: Ghana\nDetails of Formation: Formed in 1990.\n"
        f"Purpose: {purpose}\nReferences: --\n"
    )
    assert parse_profile(text).countries == codes


def test_the_unit_that_is_the_group_gives_its_size():
    assert size_of("One source put the brigade at 5,000 men in 2016.") == 5000
    assert size_of("Each brigade had 500 men.") is None


def test_an_end_the_text_denies_is_no_end():
    profile = guidebook(
        termination="After the 1976 coup the movement lost its importance, although it was"
        " never formally dissolved."
    )
    assert profile.termination is None


@pytest.mark.parametrize(
    "text, aliases",
    [
        # A name in a script without capitals, a "name is" statement.
        (
            "Hill Guard\n\nThe Hill Guard patrolled the hills.[1] In Thai it is called กองรักษาเนิน.\n",
            ["กองรักษาเนิน"],
        ),
        (
            "Hill Guard\n\nThe Hill Guard patrolled the hills.[1] Its Spanish name is Guardia de"
            " la Colina.\n",
            ["Guardia de la Colina"],
        ),
        # Another body the group formed, named with "known as", is not the group.
        (
            "Hill Guard\n\nThe Hill Guard patrolled the hills.[1] Its founders also formed a"
            " marine unit known as the Sea Wolves.\n",
            [],
        ),
        # A title's lower-case parenthesis only tells namesakes apart: neither it nor the name
        # without it is an alias (that name is a match key).
        ("Hill Guard (organization)\n\nThe Hill Guard patrolled the hills.[1]\n", []),
        # The word before the head word, used alone twice.
        (
            "Delta Resistance Force\n\nThe Delta Resistance Force held the creeks.[1] The"
            " Resistance fought the rebels. Peace came to the Resistance and the rebels in 2001.\n",
            ["Resistance"],
        ),
    ],
)
def test_more_alias_statements(text, aliases):
    assert parse_profile(text).aliases == aliases


@pytest.mark.parametrize(
    "text, mentions",
    [
        # Peoples joined by "and", a family, a name read only in part: none is a group.
        # Theatres of a war and the Soviet army are no groups.
        ("Its men fought on the Eastern and Western Fronts against the Red Army.", []),
        # Another group's armed wing is not ours.
        (
            "The Coast Front and its armed wing, the Qassam Coast Brigades, attacked it.",
            ["Coast Front", "Qassam Coast Brigades"],
        ),
        ("It protected villagers from Tuareg and Arab rebels.", []),
        ("It was financed by the Mensah brothers.", []),
        # A state's label for a group, not a group.
        ("The State Department designated it a Foreign Terrorist Organization in 2009.", []),
        ("It was listed as a Specially Designated Global Terrorist in 2010.", []),
        # A date's name is read whole with its day, never in part ("May Movement").
        ("It hunted activists of the 9th of May Movement.", ["9th of May Movement"]),
        ("It hunted activists of the 9 May Front.", ["9 May Front"]),
    ],
)
def test_names_that_are_not_groups(text, mentions):
    assert sorted(mentions_of(text)) == sorted(mentions)


@pytest.mark.parametrize(
    "text, mentions",
    [
        # Names in languages that write their later words in lower case.
        (
            "Former members resurfaced in the Mouvement social pour la patrie, while others fled.",
            ["Mouvement social pour la patrie"],
        ),
        (
            "It grew out of the Associazione Nazionale Reduci d'Africa, whose leaders left.",
            ["Associazione Nazionale Reduci d'Africa"],
        ),
        (
            "It rose from remnants of the Coalition des gardes ruraux unis (CGRU) in 2009.",
            ["Coalition des gardes ruraux unis"],
        ),
        ("Many members joined the Kampfbund gegen den Hunger.", ["Kampfbund gegen den Hunger"]),
        # A known name whose article is written in lower case.
        ("A bomber sent by al-Qaeda killed seven officers.", ["al-Qaeda"]),
        # A compound with an en dash is one name; the Axis and Iran's guards are no groups.
        (
            "It merged with the Marxist–Leninist Coast Socialist Party in 1982.",
            ["Marxist–Leninist Coast Socialist Party"],
        ),
        ("It fought the Axis, and Iran's Revolutionary Guards sent it advisers.", []),
        # An acronym in the group's own language after its translated name; a crown's army.
        (
            "Kofi Mensah's National Socialist Movement (NSB) created it in 1932.",
            ["National Socialist Movement"],
        ),
        (
            "The Greek People's Liberation Army (ELAS) fought it, with the Imperial Japanese Army.",
            ["Greek People's Liberation Army"],
        ),
        # Words in lower case are no known name; councils of states are no groups; a name
        # with plural possessives is read whole.
        ("Its members wore green shirts and fought the Guardia Nacional.", []),
        (
            "The Allied Control Council dissolved it, and the State Peace and Development"
            " Council banned it.",
            [],
        ),
        (
            "The Returned Sailors' and Soldiers' League of Ghana set up the corps.",
            ["Returned Sailors' and Soldiers' League of Ghana"],
        ),
        # English words after such a word go on with the sentence.
        ("It joined the Frente in 1990 and fought the Union alone.", []),
    ],
)
def test_names_in_languages_with_lower_case_words(text, mentions):
    assert mentions_of(text) == mentions


@pytest.mark.parametrize(
    "text, mentions",
    [
        # Its components and units are its own, not other groups.
        (
            "In practice its strongest factions, among them the Reed Front and the Delta"
            " Brigade, kept their own commands.",
            [],
        ),
        (
            "It was formed in 1982, when the leaders of three organisations, the Reed Front,"
            " the Delta Brigade and the Coast Army, agreed to unite.",
            [],
        ),
        ("It ran its own naval force, the Sea Wolves Brigade, from 1990.", []),
        # A rank's word that opens an organisation's name is part of it: the name is read
        # whole, not as the "Union of the Sons of the Coast" of a general.
        (
            "It was born of the union of the Reed Front with the General Union of the Sons of"
            " the Coast.",
            ["General Union of the Sons of the Coast", "Reed Front"],
        ),
        # The parts of an umbrella it joined are the umbrella's, and other groups.
        (
            "In 1987 the group joined the Coastal Coordinating Board (CCB), the umbrella body"
            " that also brought together the Reed Front and the Delta Brigade.",
            ["Coastal Coordinating Board", "Delta Brigade", "Reed Front"],
        ),
    ],
)
def test_components_are_not_other_groups(text, mentions):
    assert mentions_of(text) == mentions


@pytest.mark.parametrize(
    "sentence, aliases",
    [
        ("Formally it called itself the Reed Liberation Front.", ["Reed Liberation Front"]),
        (
            "Between 2002 and 2005 the organisation used the names KADO and Reed-Gel.",
            ["KADO", "Reed-Gel"],
        ),
        (
            "The group also used the names Coast Brigade (CB) and Delta Watch.",
            ["Coast Brigade", "CB", "Delta Watch"],
        ),
        ("In Greek the group's name is Ethniki Frouraki.", ["Ethniki Frouraki"]),
        (
            'The guard, which historians also called the "Reed Army", took shape in 1931.',
            ["Reed Army"],
        ),
        # The majority carries on under a name with a second part after an en dash.
        (
            "In 1984 the organisation split: a minority left, while the majority continued as"
            " the Hill Guard – Fighting Party (HG-FP).",
            ["Hill Guard – Fighting Party", "HG-FP"],
        ),
        # Its formal name, its first name, a name given after an aside, its own script's.
        (
            "The guard, formally the Reed Liberation Army, fought in the north.",
            ["Reed Liberation Army"],
        ),
        ("The guard was formed on 2 February 1943 as the Reed Corps.", ["Reed Corps"]),
        (
            "It is known in English as the Reed Companies or, in many media reports, the Reed"
            " Brigades.",
            ["Reed Companies", "Reed Brigades"],
        ),
        ("The force (Arabic: حرس القصب) was raised around 2015.", ["حرس القصب"]),
        # A short form; a new name after a restructuring (not a part's new body).
        ("It was often shortened to Reedcheong.", ["Reedcheong"]),
        (
            "In 2006 the service was restructured as the Civil Guard Department (CGD).",
            ["Civil Guard Department", "CGD"],
        ),
        ("In 2013 most units were reorganised as the Rapid Coast Forces (RCF).", []),
        # What a relative clause names, an event, a date after a name: none is ours.
        ("It took its name from the Reed River, which is called Heishui in Chinese.", []),
        ("It led the 1980 secession attempt known as the Coconut War.", []),
        ("It took the name Hill Guard Corps on 30 March.", ["Hill Guard Corps"]),
        # Another body's names.
        ("A group calling itself the New Reed Guard later claimed two murders.", []),
        ("Before the ban its parent body renamed itself Reed Dawa.", []),
        ("Many villages formed militias known as the Patriots.", []),
        # A person's nickname.
        (
            'Kofi Mensah, who led the militia in the 1960s, was nicknamed the "Vampire".',
            [],
        ),
        # Our name's words in another order, for another militia.
        (
            'It was first called the "Hill Guard Army", after it broke away from the Army of'
            " the Hill Guard, another militia.",
            ["Hill Guard Army"],
        ),
    ],
)
def test_more_statements_of_names(sentence, aliases):
    text = f"Hill Guard\n\nThe Hill Guard is a militia.[1] {sentence}[2]\n"
    assert parse_profile(text).aliases == aliases


def test_an_article_names_the_group_without_its_titles_country():
    text = (
        "Armed Coast Group of Ghana\n\nThe Armed Coast Group (ACG, from French: Groupe côtier"
        " armé) was an insurgent force.[1]\n"
    )
    assert sorted(parse_profile(text).aliases) == sorted(
        ["Armed Coast Group", "ACG", "Groupe côtier armé"]
    )
    # The whole title in the opening: no shorter name.
    text = "Armed Coast Group of Ghana\n\nThe Armed Coast Group of Ghana (ACG) was a force.[1]\n"
    assert parse_profile(text).aliases == ["ACG"]


def test_training_abroad_places_no_group():
    text = (
        "Reed Army\n\nThe Reed Army was the armed wing of the Reed Congress.[1] Its cadres"
        " were trained in camps in Togo, Benin and other states, but they carried out few"
        " operations inside Ghana.[2]\n"
    )
    assert parse_profile(text).countries == ["GH"]


@pytest.mark.parametrize(
    "sentence, aliases",
    [
        # Whoever names it, the group is the object that is named.
        (
            "In 1933 its new leader renamed it the Valley Guard and gave it shirts.",
            ["Valley Guard"],
        ),
        ('Because of their shotguns, people called them "Jan Gale".', ["Jan Gale"]),
        ('Villagers also called the unit the "Black Crows".', ["Black Crows"]),
        (
            "In 2018 the council reorganised it as the Apparatus for Hill Order.",
            ["Apparatus for Hill Order"],
        ),
        # "changed its name to", "became known as" (a name it took, not an event's).
        ("In 2004 the group changed its name to the Mountain Front.", ["Mountain Front"]),
        ("The Hill Guard became known as the Mountain Boys after 2001.", ["Mountain Boys"]),
        ("It fought in what became known as the Hill Campaign.", []),
        ("The majority became known as the Official Hill Guard.", []),
        # Each of several spellings; an acronym that opens with a digit.
        ("The name is a pun. Other spellings are Hillgard and Hilgarde.", ["Hillgard", "Hilgarde"]),
        ("The Hill Guard, commonly known as 1H4, was clandestine.", ["1H4"]),
    ],
)
def test_names_given_to_the_group(sentence, aliases):
    assert aliases_of(sentence) == aliases


def test_a_date_before_the_opening_name_is_no_part_of_it():
    text = "Hill Army\n\nIn 1950 the Hill Army was renamed the Valley Army (VA).[1]\n"
    assert parse_profile(text).aliases == ["Valley Army", "VA"]


def test_a_title_halfs_acronym_and_our_initials_in_the_text_are_aliases():
    text = (
        "Hill Guerrilla Units (HGU)/Secret Hill Army (Ghana)\n\nCountry: Ghana\n"
        "Details of Formation: Formed in 1960.\nOrganisation: The Hill Guard Constabulary"
        " was divided into three classes.\n"
    )
    assert {"Hill Guerrilla Units", "HGU", "Secret Hill Army"} <= set(parse_profile(text).aliases)
    text = (
        "Reed Special Constabulary (Ghana)\n\nCountry: Ghana\nDetails of Formation: Formed in"
        " 1920.\nOrganisation: The RSC was divided into three classes.\n"
    )
    assert parse_profile(text).aliases == ["RSC"]


def test_a_titles_place_is_no_name():
    text = (
        "Reed Men (Hyderabad)\n\nThe Reed Men were a militia in the princely state of"
        " Hyderabad.[1]\n"
    )
    assert "Hyderabad" not in parse_profile(text).aliases


def test_a_titles_descriptive_parenthesis_is_no_name():
    text = "Reed Men (anti-Communist organization)\n\nThe Reed Men were a militia.[1]\n"
    assert "anti-Communist organization" not in parse_profile(text).aliases


def test_a_pronunciation_is_no_part_of_a_name():
    text = "Reed Guard\n\nThe Reed Guard (Urdu: ریڈ گارڈ [riːd ɡaːɾd]; RG) is a militia.[1]\n"
    assert sorted(parse_profile(text).aliases) == sorted(["ریڈ گارڈ", "RG"])


def test_a_name_known_at_first_is_an_alias():
    text = (
        "Hill Guard\n\nThe Hill Guard is a militia.[1] The force, known at first as the Hill"
        " Volunteers, took its name in 1990.[2]\n"
    )
    assert parse_profile(text).aliases == ["Hill Volunteers"]


@pytest.mark.parametrize(
    "text, ties",
    [
        # Ours split, and the new group is named.
        (
            "In 1994 soldiers had broken away to form the Delta Buddhist Army.",
            [("Delta Buddhist Army", "has_splinter")],
        ),
        (
            "In 1998 Kofi Mensah led a breakaway faction that became the Coast Salafist Front.",
            [("Coast Salafist Front", "has_splinter")],
        ),
        (
            "In 2004 its eastern commander broke away with thousands of fighters, forming what"
            " became known as the Mensah Group.",
            [("Mensah Group", "has_splinter")],
        ),
        # Acts against another group's people or gatherings; its enemies; an umbrella
        # joined with others; what critics call it; a Guidebook's "the PGM" is ours.
        (
            "The guard attacked officials of the Coast National Party.",
            [("Coast National Party", "rival_of")],
        ),
        (
            "Local people broke up a gathering of the Young Coast League.",
            [("Young Coast League", "rival_of")],
        ),
        (
            "Its enemies were the Delta Eagle Force and the police.",
            [("Delta Eagle Force", "rival_of")],
        ),
        (
            "In 2020 it joined five other armed groups in the Coalition for Coast Change (CCC).",
            [("Coalition for Coast Change", "merged_into")],
        ),
        (
            "Critics described the group as the paramilitary arm of the ruling Coast Congress.",
            [("Coast Congress", "part_of")],
        ),
        (
            "The PGM acted as the armed arm of the Coast Party.",
            [("Coast Party", "part_of")],
        ),
        # A party's formation or organisation, an umbrella it belongs to, its bitter enemies,
        # a group that opposes it, supporters of a party, acting on a party's behalf.
        (
            "It was the armed youth organisation of the Coast Workers' Party.",
            [("Coast Workers' Party", "part_of")],
        ),
        (
            "It was a paramilitary formation of the Coast Renewal Movement (CRM).",
            [("Coast Renewal Movement", "part_of")],
        ),
        (
            "It belongs to the Coast Mobilization Forces.",
            [("Coast Mobilization Forces", "part_of")],
        ),
        (
            "Its men were bitter enemies of the Coast Liberation Alliance.",
            [("Coast Liberation Alliance", "rival_of")],
        ),
        ("The group opposes the Coast Front.", [("Coast Front", "rival_of")]),
        (
            "It is a vigilante group made up of supporters of the Coast Patriotic Party.",
            [("Coast Patriotic Party", "ally_of")],
        ),
        (
            "It broke up protests on behalf of the Coast Liberation Front.",
            [("Coast Liberation Front", "ally_of")],
        ),
        # A person named after what he is, and people's other memberships, are no tie.
        ("It was funded by the oligarch Kofi Mensah.", []),
        ("Many members also belonged to the Coast Workers' Party.", []),
        # Another group is ours carried on.
        (
            "Its supporters set up a successor organisation, the Coast Renewal Movement.",
            [("Coast Renewal Movement", "predecessor_of")],
        ),
        (
            "Former leaders later set up the Coast People's Party as the movement's political"
            " successor.",
            [("Coast People's Party", "predecessor_of")],
        ),
        (
            "In 2002 Kofi Mensah founded the Democratic Union of the Coast, a party that"
            " presented itself as the Hill Guard's political successor.",
            [("Democratic Union of the Coast", "predecessor_of")],
        ),
    ],
)
def test_splinters_and_successors_named_after_us(text, ties):
    assert relations_of(text) == ties


def test_two_known_groups_joined_by_and_are_two_ties():
    assert relations_of(
        "The Hill Guard worked closely with Asa'ib Ahl al-Haq and Harakat Hezbollah al-Nujaba."
    ) == [("Asa'ib Ahl al-Haq", "ally_of"), ("Harakat Hezbollah al-Nujaba", "ally_of")]


def test_the_groups_it_is_made_of_are_its_parts_wherever_named():
    text = (
        "It was made up of several groups, such as the Delta Volunteer Front and the Reed"
        " Resistance Union. The Delta Volunteer Front was said to have 2,000 members. It"
        " fought the Coastal Liberation Front (UCDP Coastal Liberation Front - Ghana)."
    )
    assert mentions_of(text) == ["Coastal Liberation Front"]


@pytest.mark.parametrize(
    "termination, year",
    [
        # A victory of the group is no end of it; its defeat is.
        ("In 1918 the Reed Guard defeated the Red Guards. It was dissolved in 1944.", 1944),
        ("In 1918 the army under C. G. Osei defeated the Reed Guard.", 1918),
        ("The unit was broken up in 1972.", 1972),
        ("The Reed Guard existed from 1917 to 1944.", 1944),
    ],
)
def test_more_termination_readings(termination, year):
    assert earliest_year(guidebook(termination=termination).termination) == year


def test_a_span_gives_its_ends_and_an_uncertain_date_stays_whole():
    profile = guidebook(termination="The Reed Guard existed from 1917 to 1944.")
    assert (profile.termination.edtf, profile.formation) == ("1944", None)
    profile = guidebook(formation="The Reed Guard was formed between 1994 and 1996.")
    assert profile.formation.edtf == "1994/1996"


def test_a_name_of_no_telltale_shape_is_read_when_the_dictionary_knows_it():
    # The same sentences as above with real groups the data file lists.
    assert relations_of("The Hill Guard fought left-wing groups such as Devrimci Yol.") == [
        ("Devrimci Yol", "rival_of")
    ]
    assert mentions_of("It hunted activists of the 14th of June Movement.") == [
        "14th of June Movement"
    ]


@pytest.mark.parametrize(
    "text, mentions",
    [
        ("The UN Security Council condemned the Hill Guard.", []),
        ("It fired on the Multinational Force in Beirut.", []),
        ("It fought beside the Sierra Leone Army and the Armed Forces of Liberia.", []),
        (
            "The Joint Task Force armed the Civilian Joint Task Force.",
            ["Civilian Joint Task Force"],
        ),
        ("It raided villages in Oromia.", []),
        (
            "It hunted members of the Shining Path and of the Tupac Amaru Revolutionary Movement.",
            ["Shining Path", "Tupac Amaru Revolutionary Movement"],
        ),
        ("Fighting the New People's Army was its task.", ["New People's Army"]),
        ("Officials of the Party of Regions paid them.", ["Party of Regions"]),
    ],
)
def test_state_bodies_places_and_stray_words_around_names(text, mentions):
    assert mentions_of(text) == mentions


@pytest.mark.parametrize(
    "text, size",
    [
        # The strength of one of its parts is not the group's.
        ("A single village group could count between 20 and 80 men.", None),
        ("Each cell had some 30 members.", None),
        ("Every local unit numbered about 40 fighters.", None),
        # A part named with the whole still leaves the whole's figure.
        ("The militia had 900 members in all.", 900),
    ],
)
def test_the_strength_of_one_part_is_no_size(text, size):
    assert size_of(text) == size


@pytest.mark.parametrize(
    "formation, year",
    [
        # A date in a relative clause about another body is that body's.
        (
            "The force took shape during 2012. It was formed from the Harbour Committees"
            " that had guarded the docks since 2009.",
            2012,
        ),
        ("It was founded in 2012 from the Harbour Committees, which had existed since 2009.", 2012),
        # ... but the decree that created it dates it.
        ("Created by Decree 12, which the president signed on 3 May 2004.", 2004),
        # "set the force up": the verb around its object.
        ("In 1993 the governor and the army set the force up in Tamale.", 1993),
    ],
)
def test_formation_read_around_clauses(formation, year):
    assert earliest_year(guidebook(formation=formation).formation) == year


@pytest.mark.parametrize(
    "termination, year",
    [
        # The end came after an event whose date its own clause gives; an earlier
        # clause's date is not the end's.
        (
            "Its patron fled abroad in July 1995, and after the coup of 4 March 1996 the"
            " Reed Guard ceased to act as a separate body.",
            1996,
        ),
        # A date in a relative clause about a person is not the group's end.
        (
            "The government outlawed the Reed Guard on 9 August 1995 and arrested its leader,"
            " who was sentenced in 1998.",
            1995,
        ),
    ],
)
def test_termination_read_around_clauses(termination, year):
    assert earliest_year(guidebook(termination=termination).termination) == year


def test_demonyms_of_smaller_states_place_an_encyclopedia_text():
    text = (
        "Lake Watch\n\nThe Lake Watch was a Slovene collaborationist militia.\n\n"
        "It was formed in 1943.\n"
    )
    assert parse_profile(text).countries == ["SI"]


def guidebook_aliases(formation):
    return guidebook(formation=formation).aliases


@pytest.mark.parametrize(
    "formation, aliases",
    [
        # A parenthesis listing its names after one of them: script, romanisation, labels.
        (
            "The RG (قوات الحرس, Quwat al-Haras) took shape in 2012.",
            ["قوات الحرس", "Quwat al-Haras", "RG"],
        ),
        (
            "Elders founded the Reed Guard (Ga: Kpodzi tso, RG; Twi: Abofoo Kuw) in 1990.",
            ["Kpodzi tso", "RG", "Abofoo Kuw"],
        ),
        # ... but a place and dates are no names.
        ("The Reed Guard (in Tamale, Ghana) was formed in 1990.", []),
        ("The Reed Guard (founded 1990, disbanded 1995) was formed in 1990.", []),
        # Names given together with an introduced one.
        ("The unit was also known simply as the Tigers (Tigrovi).", ["Tigers", "Tigrovi"]),
        ("The name is also spelled Reid Guard or Rheed Guard.", ["Reid Guard", "Rheed Guard"]),
        (
            "The Reed Guard, known until 2003 as the Reed Brigade or Reed Corps, was formed.",
            ["Reed Brigade", "Reed Corps"],
        ),
        ("Formed in 1990. Its popular name was the Reed Boys.", ["Reed Boys"]),
        (
            "The Reed Guard, officially the Milice des Roseaux (MDR), was formed in 1990.",
            ["Milice des Roseaux", "MDR"],
        ),
        # Someone else's "or": not a name of the group.
        (
            "The Reed Guard, also known as the Tamale Watch, fought the army or the police.",
            ["Tamale Watch"],
        ),
    ],
)
def test_names_given_together(formation, aliases):
    assert guidebook_aliases(formation) == aliases


def test_a_language_s_word_for_a_thing_is_a_gloss_not_a_name():
    text = (
        "Reed Guard\n\nThe Reed Guard (Spanish: Guardia de Caña, Spanish for 'Cane Guard')"
        " was a militia in Ghana.\n"
    )
    assert parse_profile(text).aliases == ["Guardia de Caña"]


def test_a_new_place_named_after_an_old_one_is_not_it():
    text = (
        "Reed Guard\n\nThe Reed Guard was a militia in New South Wales, Australia.\n\n"
        "It was formed in 1931.\n"
    )
    assert parse_profile(text).countries == ["AU"]


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # The owner of a possessive is not the group fought ("People's", "Lord's" open names).
        (
            "The Hill Guard fought street battles with the Nazi Party's Sturmabteilung.",
            [("Sturmabteilung", "rival_of")],
        ),
        (
            "The Hill Guard fought the Lord's Resistance Army.",
            [("Lord's Resistance Army", "rival_of")],
        ),
        # People who joined another group are not the group merging into it.
        ("Several former Hill Guard militants later joined the Montoneros.", []),
        # A person, by title or by the people named after them.
        ("The Hill Guard opposed President Makarios III.", []),
        ("Its gunmen fought Makarios loyalists.", []),
        # Banned together: no alliance.
        ("The president banned the Hill Guard in 2001, together with the Red Front.", []),
    ],
)
def test_ties_that_are_not_what_they_seem(sentence, relations):
    assert relations_of(sentence) == relations


@pytest.mark.parametrize(
    "text, size",
    [
        # A range's upper figure, whatever follows it.
        ("Membership reached between 100,000 and 130,000, including the youth section.", 130000),
        # Men who held one place in one battle are not the group's strength.
        ("About 600 armed men held the hill in December 1944.", None),
    ],
)
def test_more_strength_figures(text, size):
    assert size_of(text) == size


@pytest.mark.parametrize(
    "termination, year",
    [
        # A ban the group outlived is no end: a doubt, no year.
        ("The government banned the group in 1995, but it continued its attacks for years.", None),
        # The end's own clause times it without a year: none is borrowed from another.
        (
            "After arrests in 1964 and 1965 the movement lost its militants, and by the end"
            " of the decade it had ceased to exist.",
            None,
        ),
    ],
)
def test_ends_the_text_does_not_date(termination, year):
    assert earliest_year(guidebook(termination=termination).termination) == year


@pytest.mark.parametrize(
    "termination",
    [
        # Signs of life in the field that gives the year.
        "Its commander was killed in a drone strike on January 2, 2013. The group continued"
        " under his deputy.",
        "The Volunteers Act of 2012 replaced the regulations, but the corps continues to exist.",
        "The government dissolved it by decree in January 1983, but the ban had little effect"
        " on its campaign.",
        # Another thing's end, and a thing destroyed.
        "Over 130 people were charged in a trial that began in 2003 and ended with"
        " convictions in 2015.",
    ],
)
def test_what_is_no_end_in_a_field_about_the_end(termination):
    assert guidebook(termination=termination).termination is None


def test_a_thing_the_group_destroyed_is_no_end():
    text = (
        "Reed Guard\n\nThe Reed Guard is a militia in Ghana.[1] In January 1981 one of its"
        " commandos destroyed nine aircraft at the air base.[2]\n"
    )
    assert parse_profile(text).termination is None


@pytest.mark.parametrize(
    "formation, year",
    [
        # "whose" opens a clause about another group, with or without a comma.
        (
            "The movement emerged in 2010, formed from remnants of the Reed Front whose"
            " fighters had refused integration in 2009.",
            2010,
        ),
        # Becoming well known is not beginning.
        (
            "They trace their origin to the colonial era and became widely known during"
            " the protests of 2003.",
            None,
        ),
    ],
)
def test_more_formation_readings_around_clauses(formation, year):
    assert earliest_year(guidebook(formation=formation).formation) == year


@pytest.mark.parametrize(
    "formation, year",
    [
        # A founding told in what another group is, or in its subject's relative clause.
        ("It grew out of the Reed Front, a small group that veterans had formed in 1972.", None),
        (
            "It traces its origins to the Hill Defence Body (HDB), an armed body that the"
            " Hill Union set up in 1947.",
            None,
        ),
        (
            "The Reed Front, which many regarded as the successor of the Reed Guard, was"
            " formed in 1996.",
            None,
        ),
        # ... but a person's appositive tells who founded ours, and a closed one lets the
        # sentence go on about it.
        ("Kofi Mensah, a military commander, formed the Reed Guard in March 1991.", 1991),
        (
            "It grew out of the Reed Front, a student circle of the north, and it was founded"
            " on 31 July 1959.",
            1959,
        ),
        # A plan is no founding, nor a founding its namesake had no part in.
        (
            "The governors agreed in June 2019 to set up a joint outfit, which was launched on"
            " 9 January 2020.",
            2020,
        ),
        (
            "It was named after Kofi Mensah, who was killed in June 1942 and who had no part in"
            " its creation.",
            None,
        ),
        # A participle right after another group's name; a founding word inside a name.
        (
            "The guards were set up in 1948 as successors to the Rural Coast Units (RCU)"
            " raised in 1946-1947.",
            1948,
        ),
        (
            "In 2018 the council renamed it the Office for Combating Organized Crime.",
            None,
        ),
        # The date of what came before it.
        (
            "It emerged after the demobilisation of the Coast Self-Defence Forces between 2003"
            " and 2006.",
            None,
        ),
        # Beginning to do something is no founding, except gathering its men.
        ("From 1913 it began to settle its veterans on the land.", None),
        ("Kofi Mensah began gathering armed followers in the hills in 1987.", 1987),
        # A person's election.
        (
            "Killings were recorded during the tenure of Kofi Mensah, who had first been"
            " elected mayor in 1988.",
            None,
        ),
        # Its parent party's founding, with a reflexive before the verb.
        ("The CLF itself had been founded in August 1963 by exiles.", None),
    ],
)
def test_foundings_of_others_in_appositives_and_clauses(formation, year):
    # An article, where no field says that a year it gives is the founding's.
    text = f"Reed Guard\n\nThe Reed Guard is a militia in Ghana.[1] {formation}[2]\n"
    assert earliest_year(parse_profile(text).formation) == year


@pytest.mark.parametrize(
    "formation, aliases",
    [
        ('The Reed Guard, nicknamed "Cane Men" by locals, was formed in 1990.', ["Cane Men"]),
        ("It also presents itself as the Reed Family Forces (RFF).", ["Reed Family Forces", "RFF"]),
        (
            "The Reed Guard, called the Reed Gang by the colonial police, was formed in 1990.",
            ["Reed Gang"],
        ),
        # Its members' name is not the group's.
        ("Formed in 1990. Its members were known as Reeders.", []),
        # An Arabic connector inside a name.
        (
            "The Reed Guard, also known as Laskar Ahlus Sunnah wal Jamaah, was formed in 1990.",
            ["Laskar Ahlus Sunnah wal Jamaah"],
        ),
    ],
)
def test_more_names_and_what_is_not_one(formation, aliases):
    assert guidebook_aliases(formation) == aliases


@pytest.mark.parametrize(
    "text, aliases",
    [
        # Its formal name, written with lower-case words up to the acronym that spells it.
        (
            "La Canne\n\nLa Canne was the popular name of the Comité secret de la défense"
            " rurale (CSDR), a militia.[1]\n",
            ["Comité secret de la défense rurale", "CSDR"],
        ),
        # A script's name, then its romanisation without a label.
        (
            "Reed Guard\n\nThe Reed Guard (Arabic: حرس القصب, al-Ḥaras al-Qaṣab, RG) was a"
            " militia.[1]\n",
            ["حرس القصب", "al-Ḥaras al-Qaṣab", "RG"],
        ),
        # Its name in its own script, in the middle of a sentence.
        (
            "Reed Guard\n\nIn 1971 a colonel set up the Reed Guard (حرس القصب) out of"
            " border units.[1]\n",
            ["حرس القصب"],
        ),
        # A parenthesis of names whose second one is introduced by the first.
        (
            "Reed Guard\n\nThe Reed Guard was a militia.[1] Officers founded the Reed Guard"
            " (Φρουρά, also written Frourá Kalamión or Kalamiá) in 1941.[2]\n",
            ["Φρουρά", "Frourá Kalamión", "Kalamiá"],
        ),
        # Its name in its own language, in sentence case, whose words spell its acronym.
        (
            "Hill Activist Front (HAF)\n\nCountry: Kenya\nDetails of Formation: An envoy "
            "founded the Hill Activist Front (Heuvel aktivistu fronta) in 1940.\n",
            ["HAF", "Heuvel aktivistu fronta"],
        ),
        (
            "Hill Activist Front (HAF)\n\nCountry: Kenya\nDetails of Formation: The HAF "
            "(Hauteurs des activistes et fronts) was created in 2008.\n",
            ["HAF", "Hauteurs des activistes et fronts"],
        ),
        # (not a phrase whose words do not spell it)
        (
            "Hill Activist Front (HAF)\n\nCountry: Kenya\nDetails of Formation: The HAF "
            "(then a small circle of exiles) was created in 2008.\n",
            ["HAF"],
        ),
    ],
)
def test_names_in_other_languages_and_scripts(text, aliases):
    assert sorted(parse_profile(text).aliases) == sorted(aliases)


def test_a_single_letter_is_no_name():
    opening = "The Hill Union (Lakers), abbreviated HU(L), was a group."
    assert parse_profile(f"Hill Union\n\n{opening}[1]\n").aliases == ["Lakers", "HU"]


def test_a_language_named_with_a_gloss_is_no_name():
    text = "Reed Guard\n\nThe Reed Guard (Kinyarwanda, roughly 'cane watch') is a militia.\n"
    assert parse_profile(text).aliases == []


def test_another_group_with_our_acronym_is_not_us():
    text = (
        "Reed Guard (RG) (Ghana)\n\nCountry: Ghana\nDetails of Formation: Formed in 1990.\n"
        "Other Information: It should not be confused with the Rural Guild (RG), a union.\n"
    )
    assert "Rural Guild" not in parse_profile(text).aliases


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A person of a party: the party is the name.
        (
            "It fought supporters of Jack Reed of the Ghana Labour Party in 1932.",
            ["Ghana Labour Party"],
        ),
        # ... but a name of that shape is no person.
        (
            "It merged into the Three Principles of the People Youth League.",
            ["Three Principles of the People Youth League"],
        ),
    ],
)
def test_a_person_of_a_party(text, mentions):
    assert mentions_of(text) == mentions


@pytest.mark.parametrize(
    "sentence, relations",
    [
        (
            "Its gunmen fought the Red Front and members of the left-wing party RPA.",
            [("Red Front", "rival_of"), ("RPA", "rival_of")],
        ),
        (
            "Hill Guard columns fought the anarchist militias of the Red Front.",
            [("Red Front", "rival_of")],
        ),
        (
            "Hill Guard squads broke up meetings of the Ghana Labour Party.",
            [("Ghana Labour Party", "rival_of")],
        ),
        (
            "The Hill Guard has claimed attacks as part of the Islamic Resistance Front.",
            [("Islamic Resistance Front", "part_of")],
        ),
        # ... but a law that counts it part of a state force states no tie of its own.
        ("A law recognised the Hill Guard as part of the People's Militia.", []),
        (
            "The Hill Guard took part, with the Red Front, in the Coastal Resistance Movement.",
            [("Coastal Resistance Movement", "part_of")],
        ),
        ("Its rivalry with the Red Front grew into open war.", [("Red Front", "rival_of")]),
        (
            "Many former members joined the River Guard, formed in 1938, which was widely seen"
            " as its successor.",
            [("River Guard", "predecessor_of")],
        ),
    ],
)
def test_more_tie_phrases(sentence, relations):
    assert relations_of(sentence) == relations


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # A person's particles ("al-", "bin") stay in the owner cut off the name.
        ("Its fighters clashed with Muqtada al-Sadr's Mahdi Army.", [("Mahdi Army", "rival_of")]),
        # "X and Y" is one name when X does not end like a group's name.
        (
            "It fought the Union Solidarity and Development Party in 2021.",
            [("Union Solidarity and Development Party", "rival_of")],
        ),
    ],
)
def test_names_cut_and_kept_whole(sentence, relations):
    assert relations_of(sentence) == relations


def test_south_asian_words_for_an_army_make_a_name():
    assert mentions_of("It followed earlier landlord armies such as the Bhumi Sena.") == [
        "Bhumi Sena"
    ]


def test_a_party_named_after_the_group_is_another_body():
    text = "It was dissolved in 1991, and its successor, the Hill Guard Party, was banned in 1994."
    assert mentions_of(text) == ["Hill Guard Party"]


@pytest.mark.parametrize(
    "formation, year",
    [
        # The forerunner it grew out of is not founded in the sentence: the later date stays.
        (
            "The militia grew out of the Red Hoods, gunmen who had terrorised opponents after"
            " the 1957 election, and it was formally established in 1959.",
            1959,
        ),
        ("Reed Guard groups surfaced in the north in May 2021.", 2021),
    ],
)
def test_forerunners_and_first_signs(formation, year):
    assert earliest_year(guidebook(formation=formation).formation) == year


@pytest.mark.parametrize(
    "sentence, relations",
    [
        (
            "It was founded as the paramilitary front of the far-right National Union (NU).",
            [("National Union", "part_of")],
        ),
        (
            "In 2012 the Hill Guard joined other militias in the Northern Liberation Forces.",
            [("Northern Liberation Forces", "merged_into")],
        ),
    ],
)
def test_fronts_and_joined_coalitions(sentence, relations):
    assert relations_of(sentence) == relations


@pytest.mark.parametrize(
    "termination, year",
    [
        # Part of it disarmed while other cells stayed active: no end.
        (
            "Under an amnesty of 2007 several hundred of its gunmen handed in their weapons,"
            " but other cells stayed active.",
            None,
        ),
        # It came back under another name: no end (a person who resurfaced is not it).
        ("The government banned it in 2002; it resurfaced as the Reed Front.", None),
        ("The group was dissolved in 1994. Its leader resurfaced in 2004 in exile.", 1994),
        # ... but "stayed active until" dates the end.
        ("It stayed active until 2000, when the last patrols were disbanded.", 2000),
        # An end given by a list of years is its last.
        ("The two factions were disarmed in 1996 and 1997 under the Abuja agreements.", 1997),
    ],
)
def test_ends_read_from_dev7(termination, year):
    assert earliest_year(guidebook(termination=termination).termination) == year


def test_another_group_s_end_in_a_whose_clause():
    text = (
        "Reed Guard\n\nThe Reed Guard was a militia in Ghana, founded in 1940.\n\n"
        "The name had been used by the River Sich, whose men were partly absorbed into the"
        " new army in 1943.\n"
    )
    assert parse_profile(text).termination is None


def test_a_person_s_assassination_dates_no_founding():
    formation = (
        "The militia emerged in the months that followed the assassination of President"
        " Melchior Ndadaye in October 1993."
    )
    assert guidebook(formation=formation).formation is None


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # Some of its followers joined another group: no merger.
        ("Some of them later joined the Islamic Coalition Party.", []),
        # A government, not a group.
        ("It broke with Mohammad Mosaddegh's government in 1952.", []),
    ],
)
def test_ties_of_others_and_of_governments(sentence, relations):
    assert relations_of(sentence) == relations


def test_another_group_s_appositive_is_not_our_alliance():
    # "the RUF, an ally of Taylor": the ally is the RUF's.
    relations = relations_of("It fought the Red Front (RF), an ally of the Blue Army, in 1991.")
    assert ("Blue Army", "ally_of") not in relations
    assert ("Red Front", "rival_of") in relations


def test_a_country_s_branch_does_not_make_the_group_it_is_named_after_ours():
    text = (
        "Tajikistani Taliban\n\nThe Tajikistani Taliban is a militant movement.[1] "
        "Its fighters fought alongside the Taliban in 2015.[2]\n"
    )
    profile = parse_profile(text)
    assert [m.name for m in profile.mentions] == ["Taliban"]
    assert [(r.target, r.relation) for r in profile.relations] == [("Taliban", "ally_of")]


def test_an_acronym_we_share_with_another_group_does_not_make_it_ours():
    text = (
        "National Liberation Army (Macedonia)\n\nThe National Liberation Army (UÇK) was an "
        "Albanian insurgent group.[1] Its leader had served in the Kosovo Liberation Army.[2]\n"
    )
    assert [m.name for m in parse_profile(text).mentions] == ["Kosovo Liberation Army"]


@pytest.mark.parametrize(
    "text, mentions",
    [
        # An acronym or a part of a name named before is that name again.
        (
            "It fought the Communist Party of India (Maoist); the CPI (Maoist) won.",
            ["Communist Party of India (Maoist)"],
        ),
        # What another group is also known as is its name, not a second group.
        (
            "It was the wing of the Hill Farmers Party, also known as the Green Shirts, in 1970.",
            ["Hill Farmers Party"],
        ),
        # Two known groups whose names start alike are two, not a short form of one.
        (
            "It allied with Fatah, whose men were besieged by rebels of Fatah al-Intifada.",
            ["Fatah", "Fatah al-Intifada"],
        ),
        # A known group divided by a place or a side is one group, however it is cut.
        (
            "It fought the Islamic State; the Islamic State in the Greater Sahara won.",
            ["Islamic State in the Greater Sahara"],
        ),
    ],
)
def test_names_of_one_organisation_and_of_two(text, mentions):
    assert sorted(mentions_of(text)) == mentions


@pytest.mark.parametrize(
    "sentence, relations",
    [
        (
            "It allied with Fatah, whose men were besieged by rebels of Fatah al-Intifada.",
            [("Fatah", "ally_of")],
        ),
        # A tie's target is the whole name its sentence gives.
        (
            "Its men clashed with fighters of Islamic State – Khorasan Province in 2015.",
            [("Islamic State – Khorasan Province", "rival_of")],
        ),
    ],
)
def test_ties_to_groups_whose_names_start_alike(sentence, relations):
    assert relations_of(sentence) == relations


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # A known group the dictionary once listed together with its parent ("Kach and
        # Kahane Chai", designated together) is a group of its own.
        (
            "After the rabbi was killed in 1990, a faction led by his son broke away as Kahane Chai.",
            [("Kahane Chai", "has_splinter")],
        ),
        (
            "In 1922 some members broke away to form Cumann na Saoirse.",
            [("Cumann na Saoirse", "has_splinter")],
        ),
    ],
)
def test_a_faction_that_broke_away_under_a_name_of_its_own(sentence, relations):
    assert relations_of(sentence) == relations


@pytest.mark.parametrize(
    "text, mentions",
    [
        # Names a list calls groups, of whatever shape, each item apart.
        (
            "It clashed with rival youth groups such as Pemuda Karya, the Ratu Adil and Sans "
            "Merci.",
            ["Pemuda Karya", "Ratu Adil", "Sans Merci"],
        ),
        (
            "Smaller hunter militias like the Kobras and the Tamboli fought beside it.",
            ["Kobras", "Tamboli"],
        ),
        # A head word after "and" only: one name, not two.
        (
            "It courted parties including Justice and Renewal Party in 1990.",
            ["Justice and Renewal Party"],
        ),
        # A name the sentence calls a group.
        ("Villages raised militias known as the Wardens to guard the road.", ["Wardens"]),
        ("In 1999 a splinter group calling itself Red Dawn claimed the attack.", ["Red Dawn"]),
        # Rights groups are organisations, not armed groups or parties.
        ("Human rights groups such as Vigil accused it of torture.", []),
        # A faction that broke away under a name of its own, whatever its shape.
        ("In 1922 some members broke away to form Cumann na Saoirse.", ["Cumann na Saoirse"]),
        ("In 1990 a faction led by his son broke away as Lake Chai.", ["Lake Chai"]),
        # A name an appositive calls a group.
        (
            "Officials took it for a branch of the Blue Lantern, the outlawed sect.",
            ["Blue Lantern"],
        ),
        (
            "Its enemies were the Grey Coats, irregular bands that raided the valley.",
            ["Grey Coats"],
        ),
        (
            "It was the youth wing of Young Hills, an ultranationalist movement founded in 1933.",
            ["Young Hills"],
        ),
        # A numbered congress is a meeting, not a group.
        ("It emerged from the Second Hill Congress of May 2000.", []),
        ("The party's Fifth Plenum expelled its leaders.", []),
        # Not a date, a leader of a named group, nor one item of a list.
        ("In November 1964, the army disarmed the militias.", []),
        ("It fought the Kivu Union of Jean Mbeki, another faction.", ["Kivu Union"]),
        (
            "In 1955 the Lantern Guards, the militias of the Dao and the Fal joined.",
            ["Lantern Guards"],
        ),
    ],
)
def test_names_a_sentence_calls_groups(text, mentions):
    assert sorted(mentions_of(text)) == mentions


def test_an_acronym_s_long_form_has_no_opening_word_and_takes_no_letter_from_into():
    # ZIPRA's letters are not all initials, so the name before it is taken whole, without
    # "Unlike the"; ZIPA's are not "ZIPRA into the Zimbabwe People's Army".
    text = (
        "Unlike the Coastal People's Revolutionary Army (CIPRA), the Hill Guard looked to "
        "China. In 1975 it was combined with CIPRA into the Coastal People's Army (CIPA)."
    )
    assert sorted(mentions_of(text)) == [
        "Coastal People's Army",
        "Coastal People's Revolutionary Army",
    ]


def test_an_article_title_s_name_without_its_qualifier_is_no_alias_but_finds_the_group():
    text = (
        "Reed Guard (Volta)\n\nThe Reed Guard (Ewe: Aƒeɖuwo) is an armed group in the Volta "
        "basin.[1] The Reed Guard was formed in 2004.[2]\n"
    )
    profile = parse_profile(text)
    assert "Reed Guard" not in profile.aliases
    assert "Reed Guard" in profile.match_keys


def test_a_dated_event_s_name_is_no_alias():
    text = (
        "Reed Guard\n\nThe Reed Guard is a militia in the Volta basin.[1] It took part in the "
        "failed coup of 3 May 1981 known as the Blue Night.[2]\n"
    )
    assert parse_profile(text).aliases == []


def test_a_ban_told_in_an_article_is_a_doubt_and_in_a_termination_field_the_end():
    article = parse_profile(
        "Reed Guard\n\nThe Reed Guard is a militia in the Volta basin.[1] The government "
        "banned the group in 2012.[2]\n"
    )
    assert article.termination is None
    assert [(d.field, [c.value.year for c in d.candidates if c.value]) for d in article.doubts] == [
        ("termination", [2012])
    ]
    field = guidebook(termination="The authorities banned the Reed Guard in 1927.")
    assert earliest_year(field.termination) == 1927


@pytest.mark.parametrize(
    "sentence",
    [
        "In May 1968 its members organised mass marches in the capital.",
        "In 1980 the Reed Guard launched an offensive against the rebels.",
    ],
)
def test_an_act_organised_or_launched_is_no_founding(sentence):
    profile = parse_profile(f"Reed Guard\n\nThe Reed Guard was a militia.[1] {sentence}[2]\n")
    assert profile.formation is None


def test_a_group_organised_or_launched_is_founded():
    profile = parse_profile(
        "Reed Guard\n\nThe Reed Guard was a militia.[1] The army organised the first Reed "
        "Guard units in 1981.[2]\n"
    )
    assert earliest_year(profile.formation) == 1981


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A council or committee named by generic words only is a body, not a group.
        ("Its Army Council met the National Council in 1970.", []),
        # ... but one whose name says who it is, is named.
        ("It fought the Croatian Defence Council in 1993.", ["Croatian Defence Council"]),
    ],
)
def test_councils_that_are_bodies_and_councils_that_are_groups(text, mentions):
    assert mentions_of(text) == mentions


@pytest.mark.parametrize(
    "text",
    [
        "It was set up by Iran's Islamic Revolutionary Guard Corps (IRGC) in 2014.",
        "It fought side by side with the Tatmadaw in 1995.",
        "It worked closely with the Philippine Constabulary, which armed it.",
    ],
)
def test_state_forces_of_no_telltale_shape_are_not_groups(text):
    assert mentions_of(text) == []


def test_a_place_before_the_article_is_not_part_of_the_name():
    assert mentions_of("In eastern Uganda the Arrow Boys militia was raised in 1987.") == [
        "Arrow Boys"
    ]


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # A comparison before the subject leaves the group the subject.
        (
            "Like the Reed League in the south, the Hill Guard acted as a military arm of the "
            "Hill Farmers Party.",
            [("Hill Farmers Party", "part_of")],
        ),
        # Out of a faction of another group: a splinter of it.
        (
            "It emerged in June 1969 from a faction of the Students Action Front, whose "
            "congress broke apart.",
            [("Students Action Front", "splinter_of")],
        ),
        (
            "It grew out of a split in the Roman section of the Veterans League.",
            [("Veterans League", "splinter_of")],
        ),
        # Its heir: its successor.
        (
            "Some members present it as the heir of the Reed Brigade.",
            [("Reed Brigade", "successor_of")],
        ),
    ],
)
def test_ties_told_around_the_subject_and_in_other_words(sentence, relations):
    assert relations_of(sentence) == relations


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # Its political wing is a party of its own: a part of the group, named as such.
        (
            "Its political wing was the Hill Democratic Party, founded in 1981.",
            [("Hill Democratic Party", "has_part")],
        ),
        # The armed force of a party: a part of it.
        (
            "The Hill Guard is the armed force of the Hill National Union (HNU).",
            [("Hill National Union", "part_of")],
        ),
    ],
)
def test_wings_and_armed_forces(sentence, relations):
    assert relations_of(sentence) == relations


def test_one_unit_named_in_the_singular_of_our_plural_name_is_ours():
    text = (
        "Reed Battalions\n\nThe Reed Battalions were militia units.[1] In 1944 the rebels "
        "defeated a Reed Battalion garrison at the river.[2]\n"
    )
    profile = parse_profile(text)
    assert profile.mentions == [] and profile.aliases == []


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # A person's name, written without an article: no tie.
        ("Its creation was largely financed by Ivo Kralj, then governor of the oblast.", []),
        ("Its founder was a senator allied with Rafael Montero.", []),
        # A group's name of the same shape is written with its article somewhere.
        (
            "It was financed by Sabo Kare. The Sabo Kare militia had been raised in 1990.",
            [("Sabo Kare", "sponsored_by")],
        ),
    ],
)
def test_a_bare_personal_name_is_no_tie(sentence, relations):
    assert relations_of(sentence) == relations


def test_a_side_taken_a_flag_and_a_language_place_no_group():
    text = (
        'Reed Guard\n\nThe Reed Guard (Ewe for "cane watch", the colours of the Ghanaian '
        "flag) was a pro-Ghanaian militia in Togo.[1]\n"
    )
    assert parse_profile(text).countries == ["TG"]


def test_a_people_of_another_s_descent_place_the_group_where_they_live():
    text = "Reed Guard\n\nThe Reed Guard was a Greek Cypriot militia.[1]\n"
    assert parse_profile(text).countries == ["CY"]


def test_a_figure_that_refers_to_another_group_is_not_our_size():
    text = "A figure of 2,000 that is sometimes quoted refers to the Hill Front."
    assert size_of(text, lenient=True) is None


@pytest.mark.parametrize(
    "sentence, year",
    [
        (
            "The Reed Guard first made itself known through death lists published in late 1977.",
            1977,
        ),
        ("The army dates its own existence from the outbreak of the uprising in early 1949.", 1949),
        (
            "Its campaign opened with bombings on 1 April 1955, the date usually given as the "
            "start of the organisation.",
            1955,
        ),
        ("The militia took on its lasting shape in 1947, when volunteers joined it.", 1947),
    ],
)
def test_first_appearances_and_dated_beginnings_found_a_group(sentence, year):
    profile = parse_profile(f"Reed Guard\n\nThe Reed Guard is a militia.[1] {sentence}[2]\n")
    assert earliest_year(profile.formation) == year


def test_a_group_that_faded_away_ended():
    profile = parse_profile(
        "Reed Guard\n\nThe Reed Guard was a militia.[1] Its founder went on to found a party "
        "in 1933, and the Reed Guard had faded away by 1935.[2]\n"
    )
    assert earliest_year(profile.termination) == 1935


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # To push back a group is to fight it, not to back it.
        (
            "The group was formed to push back the Coastal Liberation Front and its bases.",
            [("Coastal Liberation Front", "rival_of")],
        ),
        # Another group acting on our members: a rival, its whole name read.
        (
            "The Coastal Liberation Front attacked its members in 2003.",
            [("Coastal Liberation Front", "rival_of")],
        ),
    ],
)
def test_pushed_back_and_acted_on(sentence, relations):
    assert relations_of(sentence) == relations


def test_a_known_group_named_with_its_country_is_no_state_army():
    assert mentions_of("Its men fought the Polish Home Army in 1944.") == ["Polish Home Army"]


def test_a_loyalist_command_is_a_group_not_a_state_s():
    assert mentions_of(
        "It declared a ceasefire with the other members of the Combined Loyalist Military "
        "Command in 1994."
    ) == ["Combined Loyalist Military Command"]


def test_a_rank_word_opening_an_organisation_s_name_is_no_rank():
    assert mentions_of("Its founders came from the General Union of the Sons of Ghana.") == [
        "General Union of the Sons of Ghana"
    ]


def test_a_person_s_nickname_in_parentheses_is_no_alias():
    text = (
        "Reed Guard\n\nThe Reed Guard is a militia.[1] It was led by the former singer "
        "Kofi Yusuf Mensah (known as Kuka Mensah) from 1994.[2]\n"
    )
    assert parse_profile(text).aliases == []


@pytest.mark.parametrize(
    "sentence, year",
    [
        # A founding told in what another group is ("the ... arm that X had created in 1947").
        (
            "Its founders had belonged to the Special Organisation (OS), the clandestine arm "
            "that the Hill Party had created in 1947.",
            None,
        ),
        # ... but not when that description closes before the verb.
        (
            "The Internal Security Command (ISC), the army's counter-insurgency agency, "
            "organised the group in 1974.",
            1974,
        ),
        # A later start and a state's founding are not the group's.
        ("The movement re-formed in 1938 as the Hill National Party.", None),
        ("After the founding of Israel in May 1948 its units joined the army.", None),
        ("At a congress in 1956 the army was organised into six regions.", None),
    ],
)
def test_foundings_of_others_restarts_and_states(sentence, year):
    profile = parse_profile(f"Reed Guard\n\nThe Reed Guard was a militia.[1] {sentence}[2]\n")
    assert earliest_year(profile.formation) == year


def test_an_end_before_operations_resumed_is_a_doubt():
    profile = parse_profile(
        "Reed Guard\n\nThe Reed Guard was a militia.[1] The Reed Guard was briefly disbanded "
        "in 1905 before it resumed operations in 1906.[2]\n"
    )
    assert profile.termination is None
    assert [d.field for d in profile.doubts] == ["termination"]


@pytest.mark.parametrize(
    "text",
    [
        "The Commonwealth Monitoring Force oversaw the ceasefire in 1980.",
        "It was defeated by the Force Intervention Brigade of the UN in 2013.",
        "It fought the Army of the Federation of Ruritania in 1994.",
    ],
)
def test_monitors_un_brigades_and_federal_armies_are_no_groups(text):
    assert mentions_of(text) == []


def test_a_month_before_the_article_is_not_part_of_the_name():
    assert mentions_of("In December the Hill Rebel Army entered the town.") == ["Hill Rebel Army"]


@pytest.mark.parametrize(
    "text, mentions",
    [
        # Units it fielded are its own.
        ("In Syria it fielded units such as the Ammar Brigade, from 2013.", []),
        # A name the text calls a state's unit is no group.
        (
            "It is distinct from the Black Mamba Hit Squad, a security unit that stormed the "
            "court in 2005.",
            [],
        ),
    ],
)
def test_units_it_fielded_and_units_of_the_state(text, mentions):
    assert mentions_of(text) == mentions


def test_a_person_and_his_party_the_party_is_the_tie():
    assert relations_of("The Hill Guard backed Kofi Mensah and his Hill People's Party.") == [
        ("Hill People's Party", "ally_of")
    ]


@pytest.mark.parametrize(
    "branches",
    [
        pytest.param("profiles.parsing.periods.cues:STILL_ACTIVE_BRANCHES", id="still-active"),
        pytest.param("profiles.parsing.mentions:COMPONENT_BRANCHES", id="components"),
    ],
)
def test_each_gated_branch_declares_words_it_spells(branches):
    """A sentence is searched only when it holds one of a branch's words: each word a branch
    declares must be one its pattern spells, or the gate would hide the branch."""
    import importlib

    module, name = branches.split(":")
    for words, pattern in getattr(importlib.import_module(module), name):
        assert words, pattern
        assert all(word in pattern for word in words), (words, pattern)


def test_two_known_names_joined_by_of_the_are_two_organisations():
    from profiles.parsing.known_names import use_archive_names

    use_archive_names({"Reed Alliance", "Coastal Liberation Army", "Army of the Delta"})
    try:
        text = (
            "It joined an offensive of the Reed Alliance of the Coastal Liberation Army and "
            "two other groups. It fought the Army of the Delta."
        )
        assert sorted(mentions_of(text)) == [
            "Army of the Delta",
            "Coastal Liberation Army",
            "Reed Alliance",
        ]
    finally:
        use_archive_names(())


def test_a_quoted_phrase_beside_a_name_in_another_script_is_its_translation():
    text = (
        'It was founded by the Reed Party (Arabic: حزب القصب, "Party of the Reed Cutters '
        'Front") in 1990 and fought the Coastal Liberation Front.'
    )
    assert sorted(mentions_of(text)) == ["Coastal Liberation Front", "Reed Party"]


def test_a_unit_s_short_name_is_the_unit_but_a_party_s_militia_is_not_the_party():
    from profiles.parsing.relations import RelationReader

    assert RelationReader(["El Reed Detachment"]).is_own("El Reed")
    assert not RelationReader(["Reed Party Militia"]).is_own("Reed Party")
    assert not RelationReader(["Reed Brigades"]).is_own("Reed")


@pytest.mark.parametrize(
    "sentence, year",
    [
        # An adjective, not a founding.
        ("One of the first organised groups, the Reed Lions, fought on until 1937.", None),
        # A state's founding, with its full name.
        ("It fought on until the founding of the State of Israel in 1948.", None),
        # Another group's founding, its name after the participle.
        ("In 1913 its men overran the newly raised Coast Camel Corps at the wells.", None),
        # A date in a clause about a person, closed before the verb.
        (
            "Kofi Mensah, a former official who had escaped from jail in 1985, assembled its"
            " first fighters in Libya.",
            None,
        ),
        ("Kofi Mensah assembled its first fighters in Libya in 1988.", 1988),
        # A founding told in a relative clause after ours is its antecedent's.
        (
            "It was founded on 12 January 1992 by members of the Hill Party who broke away from"
            " it in protest at its 1991 ceasefire.",
            1992,
        ),
        (
            "It was founded on 11 November 1918 out of the village units that had been formed"
            " in 1917.",
            1918,
        ),
    ],
)
def test_foundings_of_others_and_dates_of_other_clauses(sentence, year):
    text = f"Reed Guard\n\nThe Reed Guard is a militia in Ghana.[1] {sentence}[2]\n"
    assert earliest_year(parse_profile(text).formation) == year


@pytest.mark.parametrize(
    "text, size",
    [
        # A figure whose phrase ends with it, at a comma or before a source in parentheses.
        ("By the summer its strength had risen to around 6,000, most of them farmers.", 6000),
        ("During the war it grew to an estimated 450,000 - 650,000 (Reed Review 2003).", 650000),
        # Plans are no counts.
        (
            "The force had around 6.000 men, and its leaders announced plans to expand it to 12,000.",
            6000,
        ),
        ("About 1,100 fighters by late 2016; its leaders planned a force of up to 5,000.", 1100),
        # A range's upper end counts as its lower end does.
        ("An estimated 25.000 to 30.000 commissioners were active in the early 1980s.", 30000),
        # A day after a month's abbreviation.
        ("On Aug. 25, 2000 it captured a patrol of 11 soldiers.", None),
        # A group's own claim is a strength it states.
        ("It was estimated at 1,500 to 2,000 armed members; it claimed 5,000 itself.", 5000),
    ],
)
def test_figures_in_a_size_field(text, size):
    assert size_of(text, lenient=True) == size


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A letter that lower-cases to two ("İ") shifts no name read after it.
        (
            "It (Turkish: Türkiye İşçi ve Köylü Ordusu, TİKKO) is the armed wing of the"
            " Communist Party of Turkey/Marxist–Leninist.",
            ["Communist Party of Turkey/Marxist–Leninist"],
        ),
        # States are no organisations; a nationality is no part of an acronym's name.
        ("It received arms and money from Saudi Arabia and Egypt.", []),
        ("It cooperated with the Colombian M-19 and the Peruvian MRTA.", ["M-19", "MRTA"]),
    ],
)
def test_names_after_other_scripts_states_and_nationalities(text, mentions):
    assert mentions_of(text) == mentions


@pytest.mark.parametrize(
    "name",
    [
        "Japan Ground Self-Defense Force",  # a state's, by its country's name
        "Arab Deterrent Force",  # states' forces sent together
        "ECOMOG",
        "Marines",
        "Human Rights Association",  # an NGO
        "UAE",  # a state
        "pro-Russian",  # a side taken ("the pro-Russian separatists")
        "North Caucasian",  # a people's adjective
        "FARDC",  # a state's army by its acronym
        "Presidential Leadership Council",  # a state's governing council
        "National Congress",  # a body named by generic words only
    ],
)
def test_state_forces_interventions_ngos_and_states_are_no_mentions(name):
    assert not is_mentionable(name)


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A known name before a hyphen and a lower-case word is named ("Islah-affiliated");
        # before a capital it is part of a longer name ("VMRO-DPMNE").
        ("It clashed with Islah-affiliated units in Taiz.", ["Islah"]),
        ("It backed the VMRO-DPMNE in 2006.", ["VMRO-DPMNE"]),
        # The Contras were several groups, the FDN the largest of them.
        (
            "It fought the Contras, above all the Nicaraguan Democratic Force (FDN).",
            ["Contras", "Nicaraguan Democratic Force"],
        ),
    ],
)
def test_known_names_before_hyphens_and_umbrellas_with_their_members(text, mentions):
    assert sorted(mentions_of(text)) == mentions


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A people after "of" is part of the name, not the name of its leader...
        ("In 2024 its patron launched the Union of Arab Tribes.", ["Union of Arab Tribes"]),
        ("It fought the Front of Somali Clans near the border.", ["Front of Somali Clans"]),
        # ... a leader after "of" is not.
        ("It fought the Coast Regulatory Forces of Bashir Karam.", ["Coast Regulatory Forces"]),
        # A person whose surname ends in -s is still a person of the party named after him.
        (
            "It backed the strike against President Pedro Morales of the Hill Labour Party.",
            ["Hill Labour Party"],
        ),
        # A named unit of a group names the group.
        (
            "It drew gunmen from the Ridge Brigade of the Coast Volunteer Force (CVF).",
            ["Coast Volunteer Force"],
        ),
    ],
)
def test_what_follows_of_in_a_name(text, mentions):
    assert mentions_of(text) == mentions


@pytest.mark.parametrize(
    "formation, year",
    [
        (
            "Peasants of the plains took up arms in 1949, during the unrest that followed the"
            " murder of a party leader on 9 April 1948.",
            1949,
        ),
    ],
)
def test_taking_up_arms_founds_the_group(formation, year):
    profile = parse_profile(
        f"Reed Guard (Ghana)\n\nCountry: Ghana\nDetails of Formation: {formation}\n"
        "Details of Termination: --\n"
    )
    assert earliest_year(profile.formation) == year


def test_taking_up_arms_again_founds_nothing():
    text = (
        "Reed Guard\n\nThe Reed Guard is a militia in Ghana.[1] Its fighters took up arms in"
        " 1990.[2] They took up arms again in 2005.[3]\n"
    )
    assert earliest_year(parse_profile(text).formation) == 1990
    text = (
        "Reed Guard\n\nThe Reed Guard is a militia in Ghana.[1] It took up arms again in 2005.[2]\n"
    )
    assert parse_profile(text).formation is None


def test_a_termination_field_that_knows_no_formal_end_asserts_no_year():
    profile = parse_profile(
        "Reed Guard (Ghana)\n\nCountry: Ghana\nDetails of Formation: Formed in 1970.\n"
        "Details of Termination: No formal end. Killings attributed to the group became rarer"
        " after 1976, and its activity faded in the late 1970s.\n"
    )
    assert profile.termination is None
    assert [d.field for d in profile.doubts] == ["termination"]


def test_a_person_moving_abroad_takes_the_group_nowhere():
    profile = parse_profile(
        "Hill Guard (United States)\n\nCountry: United States\nDetails of Formation: Founded"
        " in 1968.\nDetails of Termination: --\nPurpose: It was led by Kahane until he moved to"
        " Israel in 1971, and it operated in New York.\n"
    )
    assert profile.countries == ["US"]


def test_the_umbrella_we_are_a_member_group_of_is_named_whole():
    # "member groups of" the FMLN: its umbrella, not our components; and its acronym, in
    # Spanish order, stands for the name the data file knows, not for its last four words.
    text = (
        "From 1980 it was one of the five member groups of the Farabundo Mart\u00ed National"
        " Liberation Front (FMLN).[2] In 1992 the FMLN signed the peace accords."
    )
    assert mentions_of(text) == ["Farabundo Mart\u00ed National Liberation Front"]


def test_a_phrase_inside_a_name_is_no_tie():
    # "Against" in "Republican Action Against Drugs" is a word of the name, not "against".
    text = "It merged with the vigilante group Republican Action Against Drugs (RAAD) in 2012."
    assert mentions_of(text) == ["Republican Action Against Drugs"]
    assert relations_of(text) == []


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A faction named after its parent is read whole, not as its parent.
        (
            "It helped the army against the Pa-O National Liberation Organisation (PNLO) and"
            " the Shan State Army\u2013South (SSA-S).",
            ["Pa-O National Liberation Organisation", "Shan State Army\u2013South"],
        ),
        (
            "It took shape in 1982 through a merger with MIR-El Militante, the militant faction"
            " of the Revolutionary Left Movement.",
            ["MIR-El Militante", "Revolutionary Left Movement"],
        ),
        # Two names joined by a dash are not a faction.
        ("Its patrons lost power with the BNP\u2013Jamaat coalition government in 2006.", ["BNP"]),
    ],
)
def test_a_faction_named_after_another_group(text, mentions):
    assert sorted(mentions_of(text)) == mentions


@pytest.mark.parametrize(
    "text, mentions",
    [
        # Factions that split from us are other groups...
        (
            "Quarrels between its leaders split the movement in 1994 into COLF-North, led by Ali"
            " Bako, and COLF-South, led by Tom Rees.",
            ["COLF-North", "COLF-South"],
        ),
        # ... but the part that stays, or a faction the sentence does not set apart, is ours.
        (
            "In 2018 a faction split away as COLF-Hills, while the main group became known as"
            " COLF-Main.",
            ["COLF-Hills"],
        ),
        ("By 1990 it had three factions, the largest of them COLF-Main.", []),
    ],
)
def test_a_faction_named_after_us(text, mentions):
    profile = parse_profile(
        "Coastal Liberation Front\n\nThe Coastal Liberation Front (COLF) is a separatist"
        f" movement.[1] {text}[2]\n"
    )
    assert sorted(m.name for m in profile.mentions) == mentions


@pytest.mark.parametrize(
    "opening, countries",
    [
        # The occupier is not the place.
        (
            "was a guerrilla army formed to fight the Japanese occupation of the Philippines.",
            ["PH"],
        ),
        ("was a guerrilla army that resisted the Japanese occupation of Malaya.", ["MY"]),
        # A colony by its own name, not its ruler's.
        ("was a movement founded in Lahore, British India, in 1931.", ["IN"]),
        # The Mandate by its successor state's code, as researchers code its groups.
        ("was a Zionist paramilitary organisation in Mandatory Palestine.", ["IL"]),
        # A lake named after a country is no country.
        ("is a jihadist group active around Lake Chad, in north-eastern Nigeria.", ["NG"]),
        # "Congo" is the Democratic Republic in a text set in Ituri, the Republic of the
        # Congo in one set in Brazzaville.
        ("was a Congolese militia of Hema herders in Ituri.", ["CD"]),
        ("was a Congolese militia of the Pool region south of Brazzaville.", ["CG"]),
    ],
)
def test_where_an_article_places_its_group(opening, countries):
    text = f"Reed Guard\n\nThe Reed Guard {opening}[1] It had many members.[2]\n"
    assert parse_profile(text).countries == countries


def test_the_congo_a_text_means_has_its_evidence():
    text = (
        "Reed Front\n\nThe Reed Front was a rebel movement of Katangese exiles that invaded "
        "the Congo twice.[1] It was led from Angola.[2]\n"
    )
    profile = parse_profile(text)
    assert profile.countries == ["CD"]
    assert "invaded the Congo" in profile.evidence["country:CD"].quote


@pytest.mark.parametrize(
    "sentence, codes",
    [
        # "Mali-based", "in Pakistan's Balochistan province": where it is.
        ("The Hill Guard is a Mali-based militia that also operates in Niger.", ["ML", "NE"]),
        (
            "The Hill Guard is a separatist group in Pakistan's Balochistan province with"
            " bases in Iran.",
            ["PK"],
        ),
        # "China's People's Liberation Army": an owner, not a place.
        ("The Hill Guard, a militia in Kenya, was modelled on China's Red Guards.", ["KE"]),
        # The Congo's east is the Democratic Republic's.
        ("The Hill Guard was an armed group active in eastern Congo and Rwanda.", ["CD", "RW"]),
    ],
)
def test_places_written_with_a_suffix_or_an_owner(sentence, codes):
    assert parse_profile(f"Hill Guard\n\n{sentence}[1]\n").countries == codes


def test_a_guidebook_text_set_in_the_kivus_means_the_democratic_republic():
    text = (
        "Reed Guard\n\nDetails of Formation: A militia formed in 2004 near Goma to fight the "
        "Congolese army.\nPurpose: To defend Hema villages.\n"
    )
    assert parse_profile(text).countries == ["CD"]


def test_a_clause_after_a_date_is_no_appositive_and_a_participle_active_span_begins_it():
    # ", the armed forces set up ..." after a date opens the main clause, not an aside about
    # the name before the date.
    text = guidebook(
        formation="After the junta dissolved the Coast Front in November 1979, the armed forces"
        " set up the units in towns and villages in 1980."
    )
    assert earliest_year(text.formation) == 1980
    article = (
        "Reed Guard\n\nThe Reed Guard was a neo-fascist organisation active from 1977 to 1981,"
        " during the years of lead.[1] Its members were students.[2]\n"
    )
    profile = parse_profile(article)
    assert earliest_year(profile.formation) == 1977
    # Where the text says no more of its end, the span it was active in ends with it (as
    # seven of the nine annotated texts with such a span say; the other two give no end or
    # the same year).
    assert profile.termination.year == 1981
    later = article.replace("Its members were students.", "It was dissolved in 1983.")
    assert parse_profile(later).termination.year == 1983
    between = article.replace("from 1977 to 1981", "between 1977 and 1981")
    profile = parse_profile(between)
    assert (profile.formation.year, profile.termination.year) == (1977, 1981)


def test_our_name_s_tail_inside_another_group_s_name_is_no_short_name_of_ours():
    text = (
        "Front for the Liberation of the Reed Coast\n\nThe Front for the Liberation of the Reed"
        " Coast (FLRC) is a separatist movement in Ghana.[1] It was founded in 1963 through the"
        " merger of the Movement for the Liberation of the Reed Coast (MLRC) and two other"
        " groups.[2]\n"
    )
    profile = parse_profile(text)
    assert profile.aliases == ["FLRC"]
    assert [m.name for m in profile.mentions] == ["Movement for the Liberation of the Reed Coast"]


def test_two_bands_of_one_kind_are_two_ties():
    relations = relations_of("Together with the Kaba and Sarowi militias it raided the port.")
    assert relations == [("Kaba", "ally_of"), ("Sarowi", "ally_of")]


@pytest.mark.parametrize(
    "termination, year",
    [
        # Its time as a pro-government militia ended; the group living on does not undo it.
        (
            "Its pro-government period ended with the end of the coalition government in"
            " October 2006. The party itself is still active.",
            2006,
        ),
        ("Before the July 1997 elections the movement was transformed into a party.", 1997),
    ],
)
def test_ends_of_a_status_and_ends_told_by_other_verbs(termination, year):
    assert earliest_year(guidebook(termination=termination).termination) == year


@pytest.mark.parametrize(
    "sentence, year",
    [
        ("Its leader worked with other groups before dissolving the Reed Guard in 1948.", 1948),
        (
            "In 1961 it was merged with the Coast Front and the Delta Party into the United"
            " Revolutionary Organizations.",
            1961,
        ),
    ],
)
def test_ends_told_by_other_verbs_in_an_article(sentence, year):
    text = f"Reed Guard\n\nThe Reed Guard was a militia in Ghana.[1] {sentence}[2]\n"
    assert earliest_year(parse_profile(text).termination) == year


@pytest.mark.parametrize(
    "formation, year",
    [
        (
            "The Reed Guard appeared in the far west in early 2003, a few months after the"
            " rebellion of September 2002.",
            2003,
        ),
        (
            'Halilintar ("Thunderbolt") goes back to 1975, when local partisans fought beside'
            " the troops; its men were paid from 1998.",
            1975,
        ),
        (
            "It grew around a commander who rose to prominence after 2004. It became"
            " pro-government in March 2007, when it turned against the rebels.",
            2007,
        ),
        # Another thing's past is no founding.
        ("The gang war in the port goes back to the early 2000s. It was formed in 2008.", 2008),
    ],
)
def test_more_ways_a_field_tells_the_founding(formation, year):
    assert earliest_year(guidebook(formation=formation).formation) == year


def test_a_year_inside_the_lead_s_decade_dates_the_founding():
    text = (
        "Reed Guard\n\nThe Reed Guard was a militant organisation that appeared in Ghana in the"
        " early 1960s.[1] It was founded in 1961 by farmers.[2]\n"
    )
    assert earliest_year(parse_profile(text).formation) == 1961


def test_a_known_group_of_its_leader_is_the_group():
    from profiles.parsing.mentions import organisation_of_person

    assert organisation_of_person("Hezb-e-Islami of Gulbuddin Hekmatyar") == "Hezb-e-Islami"
    assert (
        organisation_of_person("Jamiat-e-Islami of Burhanuddin Rabbani and Ahmad Shah Massoud")
        == "Jamiat-e-Islami"
    )
    # A name that holds a place is a name whole.
    assert organisation_of_person("Liberation Tigers of Tamil Eelam") == (
        "Liberation Tigers of Tamil Eelam"
    )
    assert organisation_of_person("Restoration Council of Shan State") == (
        "Restoration Council of Shan State"
    )


def test_the_niger_delta_is_in_nigeria():
    text = (
        "Reed Boys\n\nThe Reed Boys is an Ijaw militia in the Niger Delta of Nigeria, named"
        " after a deity.[1] It fought the army.[2]\n"
    )
    assert parse_profile(text).countries == ["NG"]


def test_an_acronym_s_long_form_does_not_reach_across_a_verb_s_objects():
    # "linked the Boeremag to the Afrikaner Weerstandsbeweging (AWB)": AWB's letters, in
    # another order, are the initials of all three words.
    text = "Reports linked the Marwa to the Coastal Front (CFM) in 2002."
    assert "Marwa to the Coastal Front" not in mentions_of(text)


@pytest.mark.parametrize(
    "text, size",
    [
        # Regulars, guerrillas, insurgents, partisans, rebels and commandos are its strength ...
        ("Its strength peaked in the late 1980s at an estimated 25,000 regulars.", 25000),
        ("By 1944 it counted some 8,000 partisans in the hills.", 8000),
        # ... unless they are the men of one rising or one raid.
        ("In August 1903 some 26,000 insurgents rose against Ottoman rule.", None),
        ("In March 1977 some 1,500 to 2,000 fighters crossed into Shaba.", None),
        # Combatants registered for integration are a disarmament's count.
        ("In 2009, 3.573 combatants registered for integration.", None),
    ],
)
def test_who_counts_as_strength(text, size):
    assert size_of(text) == size


def test_a_name_in_its_own_language_is_read_to_the_clause_s_end():
    text = (
        "Reed Guard (Ghana)\n\nCountry: Ghana\nDetails of Formation: The group was founded in"
        " 2016. Its French name is Mouvement pour le salut de la Côte.\n"
    )
    assert parse_profile(text).aliases == ["Mouvement pour le salut de la Côte"]


@pytest.mark.parametrize(
    "sentence",
    [
        # A battle lost is no end.
        "It fought its rivals for the capital and was defeated at the Battle of Kifang on 10"
        " November 1975.",
        # The end of the insurgency, not of the group, which is still banned today.
        "The insurgency was largely crushed by 1993, but the Reed Guard remains banned in India.",
        # An end after an undated event borrows no other clause's year.
        "Its founder was found dead in July 1985, and after the Soviet withdrawal the group"
        " lost its base and faded away.",
    ],
)
def test_more_sentences_that_date_no_end(sentence):
    text = f"Reed Guard\n\nThe Reed Guard was a militia in Ghana.[1] {sentence}[2]\n"
    assert parse_profile(text).termination is None


def test_a_date_in_a_person_s_clause_dates_no_later_verb():
    text = (
        "Reed Guard\n\nThe Reed Guard was a rebel group in Ghana.[1] It was formed in December"
        " 1962 by two army officers who had taken part in a failed revolt on 13 November 1960,"
        " and it grew out of their Coastal Movement.[2]\n"
    )
    assert earliest_year(parse_profile(text).formation) == 1962


def test_a_day_and_month_before_a_year_is_a_date_not_the_group_named_after_it():
    # The dictionary knows "17 November" (Revolutionary Organization 17 November).
    assert mentions_of("On 17 November 1986 the group shot dead a carmaker's chairman.") == []
    assert mentions_of("It worked with 17 November in Athens.") == ["17 November"]


def test_a_name_that_ends_in_a_date_is_read_whole():
    text = "It grew out of their Revolutionary Movement 13 November (MR-13) in 1962."
    assert mentions_of(text) == ["Revolutionary Movement 13 November"]


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A name that opens with the day it is named after, read whole.
        ("It clashed with the 9 June Youth Front in 1990.", ["9 June Youth Front"]),
        (
            "It fought beside the 17 February Martyrs Brigade and the 12 April Movement.",
            ["17 February Martyrs Brigade", "12 April Movement"],
        ),
        # A day and month after "on" or opening a sentence are a date.
        ("On 9 June Youth Front members marched in the capital.", []),
        ("14 May Party members marched with it.", []),
    ],
)
def test_a_name_that_opens_with_a_date(text, mentions):
    assert mentions_of(text) == mentions


@pytest.mark.parametrize(
    "sentence, year",
    [
        # Active until a year, then absorbed: an end, not a sign of life.
        ("It remained active until 1998, when it was absorbed into the army.", 1998),
        # The end of a body tied to ours is not ours.
        ("Its successor, the Hill Front, was dissolved in 2009.", None),
        ("Its main rival was crushed in 1994.", None),
        # A plan is not an end done.
        ("Under the accord it is scheduled to be disbanded in 2026.", None),
        ("Its units were to be demobilised in 2005.", None),
    ],
)
def test_ends_of_others_and_an_end_after_being_active(sentence, year):
    text = f"Hill Guard\n\nThe Hill Guard was founded in 1990.[1] {sentence}[2]\n"
    termination = parse_profile(text).termination
    assert (termination.year if termination else None) == year


def test_combatants_to_be_decommissioned_are_no_end():
    text = (
        "Hill Guard\n\nThe Hill Guard was founded in 1978.[1] About 4,000 of its combatants"
        " were to be decommissioned in phases from 2019.[2]\n"
    )
    assert parse_profile(text).termination is None


def test_a_known_acronym_said_as_a_word_and_written_so():
    # The dictionary knows RENAMO, FRELIMO and ZANU-PF; papers write Renamo, Zanu-PF.
    assert mentions_of("It fought Renamo and Frelimo.") == ["Frelimo", "Renamo"]
    assert mentions_of("It backed the ruling Zanu-PF party.") == ["Zanu-PF"]
    # Short acronyms are not read in that spelling: "Ira" is a name, "Eta" a letter.
    assert mentions_of("Its leader, Ira Levin, met Eta Carinae.") == []


def test_a_guidebook_field_that_opens_with_its_verb_names_no_verb():
    profile = guidebook(
        termination="Joined the Coast Liberation Front (CLF) in December 1980. Fought the"
        " Broad Popular Front until 1984.",
    )
    assert [m.name for m in profile.mentions] == ["Coast Liberation Front", "Broad Popular Front"]


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A party's army, named with its party: two organisations.
        (
            "It broke away from the Constitutionalist Army of the Liberal Party in 1927.",
            ["Constitutionalist Army", "Liberal Party"],
        ),
        # A body of states is no armed group.
        ("An investigation by the Organization of American States condemned it.", []),
    ],
)
def test_a_party_s_army_and_a_body_of_states(text, mentions):
    assert sorted(mentions_of(text)) == mentions


@pytest.mark.parametrize(
    "sentence, formation",
    [
        # The start of a body or an undertaking that no armed group is.
        ("In 2010 a truth commission set up under President Correa documented abuses.", None),
        ("A disarmament programme launched in 2024 aimed to demobilise its fighters.", None),
        ("Its strength fell after the offensives that began in 1959 in the mountains.", None),
        # The same nouns as the subject of a founding of ours, with its object, still date it.
        ("A government programme created the Hill Guard in 1962 to protect villages.", 1962),
        # A movement that "arose" or "sprang up" began then.
        ("The Hill Guard was a movement that arose in the city of Namangan in 1991.", 1991),
        ("The Hill Guard sprang up in the valley in 1991.", 1991),
        # "a group in <place>, active from": where it began.
        ("The Hill Guard was a guerrilla group in Ecuador, active from 1983 to 1991.", 1983),
    ],
)
def test_starts_of_other_things_and_a_group_active_somewhere(sentence, formation):
    profile = parse_profile(f"Hill Guard\n\n{sentence}[1]\n")
    assert (profile.formation.year if profile.formation else None) == formation


@pytest.mark.parametrize(
    "sentence, termination",
    [
        # A thing's end, not ours.
        (
            "A peace agreement signed in August 2015 collapsed in July 2016, when fighting resumed.",
            None,
        ),
        (
            "It was set up in exile in 1921, after the protests of March 1919 had been crushed.",
            None,
        ),
        # A unit of the other side that it destroyed.
        ("In March 1988 it destroyed an Ethiopian army corps at Afabet.", None),
        # What a thing does to us still ends us; so does an end done to "the unit".
        ("The peace accords signed on 29 December 1996 formally disbanded the patrols.", 1996),
        ("In May 1995 the council disbanded the unit and sent its men home.", 1995),
    ],
)
def test_ends_of_things_and_of_other_units(sentence, termination):
    text = f"Hill Patrols\n\nThe Hill Patrols were a militia formed in 1980.[1] {sentence}[2]\n"
    profile = parse_profile(text)
    assert (profile.termination.year if profile.termination else None) == termination


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # The body two groups merged to form is what we merged into; the partner is no tie.
        (
            "In 1999 it merged with the Valley Liberation Army to form the Union Front.",
            [("Union Front", "merged_into")],
        ),
        (
            "In 1999 it joined with the Valley Liberation Army to found the Union Front.",
            [("Union Front", "merged_into")],
        ),
        # Another group's merger is not ours.
        (
            "In 1999 the Valley Liberation Army merged with the Red Brigade to form the Union Front.",
            [],
        ),
    ],
)
def test_merged_with_another_to_form_a_third(sentence, relations):
    text = f"Hill Front\n\nThe Hill Front was formed in 1990.[1] {sentence}[2]\n"
    assert [(r.target, r.relation) for r in parse_profile(text).relations] == relations


@pytest.mark.parametrize(
    "sentence, relations",
    [
        # Another group, named before, turned against us.
        (
            "His men broke away in 1994, and his Valley Army became a bitter rival.",
            [("Valley Army", "rival_of")],
        ),
        ("The Valley Army became its main enemy.", [("Valley Army", "rival_of")]),
        # Two groups that fought each other, one of them ours.
        (
            "The Valley Army and the Hill Front fought each other for years.",
            [("Valley Army", "rival_of")],
        ),
        ("The Valley Army and the Red Brigade fought each other for years.", []),
        # "It and the X": the pronoun is ours, and no part of the other's name.
        ("It and the Valley Army fought each other for years.", [("Valley Army", "rival_of")]),
    ],
)
def test_rivals_named_before_the_rivalry(sentence, relations):
    text = f"Hill Front\n\nThe Hill Front was formed in 1990.[1] {sentence}[2]\n"
    assert [(r.target, r.relation) for r in parse_profile(text).relations] == relations


@pytest.mark.parametrize(
    "text, aliases",
    [
        # A full name in a language whose names go on in lower case, to the clause's end.
        (
            "Nakabukid, short for Nagkahiusang Katawhan Alang sa Bukid (a Cebuano name), was a "
            "vigilante group.",
            ["Nagkahiusang Katawhan Alang sa Bukid"],
        ),
        (
            "Nakabukid, officially Jamaat Ahl al-Jabal lil-Difa wal-Amn (Arabic: جماعة), is a "
            "militia.",
            ["Jamaat Ahl al-Jabal lil-Difa wal-Amn", "جماعة"],
        ),
        # Not when the sentence goes on in English.
        (
            "Nakabukid, short for Hill Farmers Union in practice, was a militia.",
            ["Hill Farmers Union"],
        ),
    ],
)
def test_a_full_name_in_another_language_is_read_whole(text, aliases):
    assert sorted(parse_profile(f"Nakabukid\n\n{text}[1]\n").aliases) == sorted(aliases)


def test_what_a_person_called_the_group_is_no_name_of_it():
    text = (
        "Hill Guard\n\nThe interior minister, Gerard Dalmain, called the Hill Guard a violent, "
        "mafia-like organisation.[1] Locals called it the Greens.[2]\n"
    )
    assert parse_profile(text).aliases == ["Greens"]


def test_the_palestinian_territories_are_a_country_in_a_guidebook_title():
    text = (
        "Hill Force/Quwwat al-Tall (Palestinian Territories)\n\nCountry: Palestinian "
        "Territories\nDetails of Formation: Formed in 2006.\n"
    )
    profile = parse_profile(text)
    assert profile.countries == ["PS"]
    assert profile.aliases == ["Hill Force", "Quwwat al-Tall"]


@pytest.mark.parametrize(
    "country, codes",
    [
        # A state that only changed its name takes today's code; one that broke up keeps its own.
        ("Zaire", ["CD"]),
        ("Rhodesia", ["ZW"]),
        ("Yugoslavia", ["YU"]),
    ],
)
def test_historic_country_names_in_a_guidebook(country, codes):
    text = f"Hill Force ({country})\n\nCountry: {country}\nDetails of Formation: Formed in 1966.\n"
    assert parse_profile(text).countries == codes


def test_the_figure_said_of_the_group_itself_is_its_size():
    text = (
        "Hill Front\n\nThe Hill Front was formed in 1990.[1] In 2013 it joined the Hill "
        "Alliance, the largest rebel coalition with between 40,000 and 70,000 fighters; the Hill "
        "Front itself was estimated at 10,000 to 20,000.[2]\n"
    )
    assert parse_profile(text).size == 20000


@pytest.mark.parametrize(
    "text, aliases",
    [
        # A renaming dated between the verb and the name.
        (
            "The rebellion led to the army being renamed in 1950 as the Liberation Army of the "
            "Hills (LAH).",
            ["LAH", "Liberation Army of the Hills"],
        ),
        # An official name given with "officially named".
        (
            "The force was officially named the National Volunteer Hill Army (NVHA), although "
            "the older name stayed in use.",
            ["NVHA", "National Volunteer Hill Army"],
        ),
        # A second name joined with "and as".
        (
            "The unit is also known as Odred Brda and as the Mountain Battalion.",
            ["Mountain Battalion", "Odred Brda"],
        ),
        # Lower-case words inside names of other languages: Tagalog, Polish.
        (
            "In 1950 it was renamed the Hukbong Mapagpalaya ng Bayan (HMB).",
            ["HMB", "Hukbong Mapagpalaya ng Bayan"],
        ),
        ("It was also known as Wolność i Niezawisłość.", ["Wolność i Niezawisłość"]),
    ],
)
def test_renamings_official_names_and_further_names(text, aliases):
    profile = parse_profile(f"Hill Army\n\nThe Hill Army was a rebel group.[1] {text}[2]\n")
    assert sorted(profile.aliases) == sorted(aliases)


@pytest.mark.parametrize(
    "text, mentions",
    [
        # A name the dictionary knows whole is not split at its "and the".
        (
            "In 2014 it fought against the Islamic State of Iraq and the Levant in the north.",
            [("Islamic State of Iraq and the Levant", "rival_of")],
        ),
        # Two known names joined by "of" without "the": the tie is the first one's.
        (
            "It has fought alongside the Izz ad-Din al-Qassam Brigades of Hamas in two wars.",
            [("Hamas", ""), ("Izz ad-Din al-Qassam Brigades", "ally_of")],
        ),
        # A well-known group under its English name.
        ("It fought the People's Mujahedin of Iran.", [("People's Mujahedin of Iran", "rival_of")]),
    ],
)
def test_known_names_joined_by_and_or_of(text, mentions):
    profile = parse_profile(f"Hill Army\n\nThe Hill Army was a rebel group.[1] {text}[2]\n")
    assert sorted((m.name, m.relation) for m in profile.mentions) == sorted(mentions)


def test_people_of_an_origin_date_no_founding():
    text = (
        "Hill Cell\n\nThe Hill Cell was a militant group that murdered ten people between 2000 "
        "and 2007, nine of them men of Turkish or Greek origin.[1] Its origins lie in 1998.[2]\n"
    )
    assert parse_profile(text).formation.year == 1998


@pytest.mark.parametrize(
    "opening, countries",
    [
        # A language's demonym that qualifies the group itself places it.
        ("was a German neo-Nazi terrorist group that killed men of Turkish origin", ["DE"]),
        ("was a French far-right militant organisation", ["FR"]),
        # As a language, or of people, it does not.
        ("(German: Hügelzelle) was a militant group in Austria", ["AT"]),
    ],
)
def test_a_language_demonym_that_qualifies_the_group_places_it(opening, countries):
    assert parse_profile(f"Hill Cell\n\nThe Hill Cell {opening}.[1]\n").countries == countries


def test_a_number_that_ends_a_name_is_no_size():
    text = (
        "Brigade 2506\n\nBrigade 2506 (Spanish: Brigada Asalto 2506) was a force of exiles.[1] "
        "At full strength the brigade numbered about 1,500 men.[2]\n"
    )
    assert parse_profile(text).size == 1500
    # A count that opens a sentence is still one.
    assert (
        parse_profile(
            "Hill Army\n\nThe Hill Army was a militia.[1] About 500 men served in it.[2]\n"
        ).size
        == 500
    )


def test_years_after_an_article_title_tell_namesakes_apart():
    text = (
        "Hill Army (1967–1975)\n\nThe Hill Army was a small paramilitary group.[1] It is not "
        "to be confused with the party of the same name that the Red Front launched in 1931.[2] "
        "The group was formed in 1967 by dissidents.[3]\n"
    )
    profile = parse_profile(text)
    assert profile.aliases == []
    assert profile.formation.year == 1967


def test_a_founding_in_a_relative_clause_with_its_own_subject_is_the_antecedent_s():
    text = (
        "Hill Front\n\nThe Hill Front is a leftist organisation.[1] It came into being in "
        "February 1969, when a current broke away from the Red Front, which Karim Dalo had "
        "founded in December 1967.[2]\n"
    )
    assert parse_profile(text).formation.year == 1969


@pytest.mark.parametrize(
    "opening, aliases",
    [
        (
            "The Hill Front or Hill Force (Swahili: Jeshi la Kilima), in full the Hill Farmers "
            "Defence Front, is a militia.",
            ["Hill Farmers Defence Front", "Hill Force", "Jeshi la Kilima"],
        ),
        (
            "The Hill Front, officially the Hill Farmers Defence Front (HFDF), is a militia.",
            ["HFDF", "Hill Farmers Defence Front"],
        ),
    ],
)
def test_an_opening_s_full_or_official_name(opening, aliases):
    profile = parse_profile(f"Hill Front\n\n{opening}[1]\n")
    assert sorted(profile.aliases) == sorted(aliases)


def test_an_end_done_to_it_by_a_thing_or_a_body():
    text = (
        "Hill Front\n\nThe Hill Front was a militia in Kenya.[1] A decree of the Interior "
        "Ministry dissolved it in June 1976.[2]\n"
    )
    assert parse_profile(text).termination.year == 1976


def test_an_end_set_after_another_group_s_name_is_that_group_s():
    text = (
        "Hill Front\n\nThe Hill Front was a militia in Kenya.[1] Unlike the Red Youth Front, "
        "dissolved by decree in November 1973, the Hill Front carried on.[2]\n"
    )
    assert parse_profile(text).termination is None


@pytest.mark.parametrize(
    "sentence, year",
    [
        # A thing named first, then the group as the verb's subject.
        ("After the peace accords of January 1992 the HF demobilised.", 1992),
        # An event said to be taken as its end.
        (
            "Its leader surrendered with a few fighters in July 2006, which is usually taken as "
            "the end of the Hill Front.",
            2006,
        ),
        ("The surrender of its last unit in 2006 marked the end of the Hill Front.", 2006),
        # The end of something else.
        ("The 2005 elections marked the end of the war.", None),
    ],
)
def test_ends_after_a_thing_or_taken_as_the_end(sentence, year):
    profile = parse_profile(f"Hill Front\n\nThe Hill Front (HF) was a militia.[1] {sentence}[2]\n")
    assert (profile.termination.year if profile.termination else None) == year


@pytest.mark.parametrize(
    "formation, termination, end",
    [
        # A ban, where the field also says no end was announced: a doubt, not an end.
        (
            "Formed on 11 July 1990.",
            "The government banned the front in 1997. No formal end has been announced, "
            "although its activity declined sharply in the 2000s.",
            None,
        ),
        # Its units went on after it lost its patron.
        (
            "Set up in 2000.",
            "The group lost its patron when the governor was murdered in November 2001. Its "
            "units continued to guard meetings afterwards, but with far fewer members.",
            None,
        ),
        # (A formal end still stands: "no formal dissolution" of an end the sentence dates.)
        (
            "Set up in 2000.",
            "The front disappeared after the coup of 15 August 2005; no formal dissolution is "
            "recorded.",
            2005,
        ),
    ],
)
def test_ends_a_guidebook_field_does_not_assert(formation, termination, end):
    text = (
        f"Hill Front (Kenya)\n\nCountry: Kenya\nDetails of Formation: {formation}\n"
        f"Details of Termination: {termination}\n"
    )
    profile = parse_profile(text)
    assert (profile.termination.year if profile.termination else None) == end


@pytest.mark.parametrize(
    "sentences, formation, termination",
    [
        # A later end stands when the founding's own sentence is set aside.
        (
            "It came into being in October 1993, when the two factions merged into a single "
            "organisation.[2] It was dissolved in 1998.",
            1993,
            1998,
        ),
        # What was announced is the founding only when it is the group.
        ("It was founded in 1990.[2] Its dissolution was announced in 2005.", 1990, 2005),
        # Its former fighters going on with their lives are no sign of the group's life.
        (
            "It was founded in 1990.[2] It was disbanded in 1998, but its former fighters "
            "continued to face reprisals.",
            1990,
            1998,
        ),
    ],
)
def test_readings_the_founding_rules_leave_alone(sentences, formation, termination):
    profile = parse_profile(f"Hill Front\n\nThe Hill Front was a militia.[1] {sentences}[3]\n")
    assert (profile.formation.year if profile.formation else None) == formation
    assert (profile.termination.year if profile.termination else None) == termination


def test_the_founding_s_own_date_and_sentence_are_no_end():
    text = (
        "Hill Front\n\nThe Hill Front was a militant group.[1] It came into being in October "
        "1993, when the Hill Union and the Lake League, two groups whose volunteers had fought "
        "in the war, merged into a single organisation.[2]\n"
    )
    profile = parse_profile(text)
    assert profile.formation.year == 1993
    assert profile.termination is None


@pytest.mark.parametrize(
    "sentence, formation, termination",
    [
        # The founding of another body the group helped found.
        ("In October 2015 it became one of the founding members of the Lake Forces.", None, None),
        (
            "It was the main force behind the creation of the autonomous Delta State in 1998.",
            None,
            None,
        ),
        # (its own still counts)
        ("The formation of the Hill Front in 1998 surprised many.", 1998, None),
        # What it grew out of was founded by someone else, in a relative clause.
        (
            "It grew out of the local branch of the Lake Defence League (LDL), which Rabbi Ezra "
            "Stein had founded in New York in 1968.",
            None,
            None,
        ),
    ],
)
def test_dates_of_other_bodies_near_a_founding_or_end(sentence, formation, termination):
    profile = parse_profile(f"Hill Front\n\nThe Hill Front (HF) was a militia.[1] {sentence}[2]\n")
    assert (profile.formation.year if profile.formation else None) == formation
    assert (profile.termination.year if profile.termination else None) == termination


@pytest.mark.parametrize(
    "sentence, formation",
    [
        ("It was announced on 20 June 2014, a month after the general's offensive began.", 2014),
        ("The group came together in Vancouver in 1981 around five anarchists.", 1981),
        ("Its leader gathered his first followers in Jackson County in December 1861.", 1861),
        ("It rose in arms in Yamato Province in the autumn of 1863.", 1863),
        ("In October 1981 two small leftist groups merged to create the Hill Front.", 1981),
        # A source named first is no subject of the sentence.
        ("According to the Crisis Group, the front was organised in 2013 by exiles.", 2013),
        # Not what another body announced, nor another group formed.
        ("The ceasefire was announced in 2015.", None),
        ("Its dissolution was announced in 2005.", None),
        ("In 1984 a minority left to form the Union of Fighting Communists (UCC).", None),
    ],
)
def test_more_ways_a_founding_is_told(sentence, formation):
    profile = parse_profile(f"Hill Front\n\nThe Hill Front (HF) was a militia.[1] {sentence}[2]\n")
    assert (profile.formation.year if profile.formation else None) == formation


@pytest.mark.parametrize(
    "sentences, termination",
    [
        # A comeback told before the end the same clause dates is no sign of life after it.
        (
            "It was revived in the Kingdom of the Lakes after the war and was finally dissolved "
            "by the occupation authorities in 1941.",
            1941,
        ),
        # (but a revival after it is)
        ("It was dissolved in 1941. It was revived in 1946.", None),
        # A decree that merged the party into another is its end, after an earlier ban.
        (
            "In March 1936 the government banned the party. On 19 April 1937 a decree merged "
            "the party with the Carlist Communion into a single state party.",
            1937,
        ),
    ],
)
def test_an_end_after_a_comeback_or_a_ban(sentences, termination):
    profile = parse_profile(f"Hill Front\n\nThe Hill Front (HF) was a party.[1] {sentences}[2]\n")
    assert (profile.termination.year if profile.termination else None) == termination


@pytest.mark.parametrize(
    "sentence, formation, termination",
    [
        # A date that opens the sentence dates its later clauses, however long the names
        # between them.
        (
            "In October 1996 its leader brought the Hill Front into the Alliance des Forces "
            "Démocratiques pour la Libération du Kivu et du Maniema (AFDLKM) together with "
            "three other movements, and the front was absorbed into the alliance.",
            None,
            1996,
        ),
        (
            "In June 1921 the veterans of the disbanded Coastal Rifles of the Upper Lakes and of "
            "the Northern Volunteer Legion of the Great Lakes and the Eastern Marshes met at "
            "the town of Aba, and there they founded the Hill Front.",
            1921,
            None,
        ),
    ],
)
def test_a_date_that_opens_the_sentence(sentence, formation, termination):
    profile = parse_profile(f"Hill Front\n\nThe Hill Front (HF) was a militia.[1] {sentence}[2]\n")
    assert (profile.formation.year if profile.formation else None) == formation
    assert (profile.termination.year if profile.termination else None) == termination


@pytest.mark.parametrize(
    "sentence, countries",
    [
        ("It operates in Niger and Chad.", ["ML", "NE", "TD"]),
        (
            "From Mali it spread into Burkina Faso and later into the border regions of Benin, "
            "Togo and Ghana.",
            ["BF", "BJ", "GH", "ML", "TG"],
        ),
        # A list of something else after the place is no place.
        ("It operates in Niger with support from Chad.", ["ML", "NE"]),
        # Every verb of a sentence, and a list item with its part of the country.
        (
            "It was founded in Mali and is also active in Niger, Chad and northern Ghana.",
            ["GH", "ML", "NE", "TD"],
        ),
        (
            "Its base lies in Mali and it is active in Chad and in western Niger.",
            ["ML", "NE", "TD"],
        ),
        # Where its own bases are, it is active; not where it trains.
        ("Its camps lay across the border in Niger.", ["ML", "NE"]),
        ("It relied on rear bases across the border in Niger.", ["ML", "NE"]),
        ("Its training camps were in Libya.", ["ML"]),
        # Another group's bases are not ours.
        ("The Red Army, its rival, relied on rear bases across the border in Niger.", ["ML"]),
    ],
)
def test_every_country_of_a_list_the_group_is_active_in(sentence, countries):
    profile = parse_profile(
        f"Hill Front\n\nThe Hill Front is a jihadist group in Mali.[1] {sentence}[2]\n"
    )
    assert profile.countries == countries


@pytest.mark.parametrize(
    "sentence, size",
    [
        (
            "In 1996 an officer of the Mong Tai Army (MTA), which had claimed some 20,000 men, "
            "joined it with 800 fighters.",
            800,
        ),
        ("It had a few dozen militants, whereas the EZLN claimed some 3,000 combatants.", None),
        (
            "It kept to a few hundred fighters, unlike the Mahdi Army, which had claimed as many "
            "as 60,000 members.",
            None,
        ),
        # A claim of our own strength, whoever makes it.
        ("At their peak the Red Front claimed some 500,000 members for the committees.", 500000),
    ],
)
def test_a_figure_counted_of_another_group_is_not_our_size(sentence, size):
    assert (
        parse_profile(f"Hill Front\n\nThe Hill Front was a militia.[1] {sentence}[2]\n").size
        == size
    )


def test_a_ban_beside_a_denied_end_is_a_doubt_not_an_end():
    text = (
        "Hill Front\n\nThe Hill Front was a militia.[1] Troops attacked the Hill Front in June "
        "2008, and the government banned it the same year, but neither measure ended it.[2]\n"
    )
    profile = parse_profile(text)
    assert profile.termination is None
    assert [d.field for d in profile.doubts] == ["termination"]


@pytest.mark.parametrize(
    "sentence, relations",
    [
        ("It worked closely with the Kharkiv regional administration.", []),
        ("It worked closely with the Red Hand Front.", [("Red Hand Front", "ally_of")]),
        ("Members took part in the Opelousas massacre in 1868.", []),
        (
            "It took part, with the Irgun and the Haganah, in the Jewish Resistance Movement.",
            [("Jewish Resistance Movement", "part_of")],
        ),
    ],
)
def test_working_with_or_taking_part_in_needs_a_group(sentence, relations):
    profile = parse_profile(f"Hill Army\n\nThe Hill Army was a rebel group.[1] {sentence}[2]\n")
    assert [(r.target, r.relation) for r in profile.relations] == relations


def test_an_introduced_name_keeps_its_lower_case_kind():
    text = "Hill Front\n\nThe Hill Front (HF), also called the Zwickau cell, was a neo-Nazi group.[1]\n"
    assert sorted(parse_profile(text).aliases) == ["HF", "Zwickau cell"]


def test_a_name_it_was_at_first_known_by():
    text = "Hill Front\n\nThe Hill Front (HF), at first known as the Kauda alliance, was proclaimed in 2011.[1]\n"
    assert sorted(parse_profile(text).aliases) == ["HF", "Kauda alliance"]


@pytest.mark.parametrize(
    "opening",
    [
        "During the Kurdish rebellion its fighters",
        "Throughout the Second World War its fighters",
        "During the long civil war in the north, its fighters",
    ],
)
def test_a_time_phrase_before_its_own_pronoun_leaves_the_group_the_subject(opening):
    text = (
        f"Hill Front\n\nThe Hill Front was a Kurdish party.[1] {opening} fought alongside the "
        "Valley Democratic Front against the army.[2] From 1984 the Hill Front and the Valley "
        "Democratic Front fought each other.[3]\n"
    )
    relations = {(r.target, r.relation) for r in parse_profile(text).relations}
    assert relations == {
        ("Valley Democratic Front", "ally_of"),
        ("Valley Democratic Front", "rival_of"),
    }


def test_a_named_subject_after_a_time_and_place_phrase():
    text = (
        "Hill Front\n\nThe Hill Front (HF) was a rebel movement.[1] At the Hamrin congress in "
        "1968 the HF was transformed into the Popular Front for the Liberation of the Gulf.[2]\n"
    )
    relations = [(r.target, r.relation) for r in parse_profile(text).relations]
    assert relations == [("Popular Front for the Liberation of the Gulf", "predecessor_of")]


@pytest.mark.parametrize(
    "sentence, mentions, relations",
    [
        (
            "A splinter group, the Armed Peasant Association (APA), broke away from it in 2014.",
            ["Armed Peasant Association"],
            [("Armed Peasant Association", "has_splinter")],
        ),
        (
            "In 1979 it ambushed a bus together with the Armed Forces of Popular Resistance.",
            ["Armed Forces of Popular Resistance"],
            [("Armed Forces of Popular Resistance", "ally_of")],
        ),
        # A state's forces, by its country: no group.
        ("In 1990 it fought the Armed Forces of Liberia.", [], []),
    ],
)
def test_armed_after_the_article_is_a_word_of_the_name(sentence, mentions, relations):
    profile = parse_profile(f"Hill Army\n\nThe Hill Army was a rebel group.[1] {sentence}[2]\n")
    assert [m.name for m in profile.mentions] == mentions
    assert [(r.target, r.relation) for r in profile.relations] == relations


def test_an_umbrella_of_another_group_told_in_its_appositive_does_not_hold_our_parts():
    text = (
        "Hill Militia\n\nThe Hill Militia was a militia.[1] In 1999 it was brought under the "
        "Valley Integration Force (VIF), the umbrella of the loyalist militias, and worked with "
        "other militias such as Aitarak and Besi Merah Putih.[2]\n"
    )
    mentions = {m.name for m in parse_profile(text).mentions}
    assert mentions == {"Valley Integration Force", "Aitarak", "Besi Merah Putih"}


@pytest.mark.parametrize(
    "sentence, mentions",
    [
        # A person of a group, his name with a particle: the group is named.
        ("In 2019 the United States sanctioned Rayan al-Kildani of the Babylon Brigades.",
         ["Babylon Brigades"]),
        # Named after an event's year; named after a day, before another name.
        ("Many of its men had fought in the 1920 Revolution Brigade.",
         ["1920 Revolution Brigade"]),
        ("It fought alongside the 17 February Martyrs Brigade and Libya Shield 1.",
         ["17 February Martyrs Brigade"]),
    ],
)  # fmt: skip
def test_names_read_whole_around_a_person_a_year_or_a_day(sentence, mentions):
    profile = parse_profile(f"Hill Army\n\nThe Hill Army was a rebel group.[1] {sentence}[2]\n")
    read = [m.name for m in profile.mentions]
    # (other names the archive's dictionary knows may be read too: "Libya Shield")
    assert set(mentions) <= set(read)
    assert not [name for name in read if any(name != m and name in m for m in mentions)]


def test_another_group_merging_into_ours_is_no_end_of_ours():
    text = (
        "Hill Centre\n\nThe Hill Centre (HC) was a party founded in 1969.[1] In January 2003 the "
        "Valley Communist Centre (VCC) merged into the HC, and the enlarged party took a new "
        "name.[2]\n"
    )
    assert parse_profile(text).termination is None


def test_an_end_the_text_calls_unclear_is_a_doubt():
    text = (
        "Valley Movement (VM) (Cote d'Ivoire)\n\nCountry: Cote d'Ivoire\nDetails of Termination: "
        "News sources go on using the VM name for the northern rebels until late 2004, so it is "
        "unclear when the group stopped existing as a separate organisation.\n"
    )
    profile = parse_profile(text)
    assert profile.termination is None
    assert [d.field for d in profile.doubts] == ["termination"]


def test_stopped_operating_is_an_end():
    text = (
        "Hill Front\n\nThe Hill Front was a militia.[1] The group stopped operating in 1994.[2]\n"
    )
    assert parse_profile(text).termination.year == 1994


@pytest.mark.parametrize(
    "sentence",
    ["It was active in Dublin between 1881 and 1883.", "It was active from 1881 to 1883."],
)
def test_an_active_span_ends_at_its_last_year(sentence):
    profile = parse_profile(
        f"Hill Invincibles\n\nThe Hill Invincibles were a secret society.[1] {sentence}[2]\n"
    )
    assert (profile.formation.year, profile.termination.year) == (1881, 1883)


def test_a_merger_the_group_rejected_is_no_end():
    text = (
        "Hill Front\n\nThe Hill Front was set up in 2011.[1] In April 2013 the leader of the "
        "Valley State declared that the Hill Front and the Valley State were being merged into "
        "the Greater Valley State.[2] The Hill Front's leader rejected the merger and pledged "
        "allegiance to another movement.[3]\n"
    )
    profile = parse_profile(text)
    assert profile.termination is None


def test_a_year_after_its_day_and_month_is_no_size_in_any_century():
    text = (
        "Hill Boys (United States)\n\nCountry: United States\nSize: About 50 men took part in "
        "the first attack, on Dec. 14, 1763, and a similar number on December 27. At its "
        "largest the group counted around 250 armed men.\n"
    )
    assert parse_profile(text).size == 250


@pytest.mark.parametrize(
    "sentence, size",
    [
        ("It had about 6,000 fighters, compared with some 35,000 men in the national army.", 6000),
        ("It had tens of thousands of supporters. The central body had 140 members.", None),
    ],
)
def test_a_compared_figure_or_a_leading_body_is_no_size(sentence, size):
    text = f"Hill Front\n\nThe Hill Front was a rebel front.[1] {sentence}[2]\n"
    assert parse_profile(text).size == size


@pytest.mark.parametrize(
    "sentence, countries",
    [
        (
            "Its units operated in India, and from 1966 columns marched through the Naga Hills of Burma "
            "to China for training and weapons.",
            ["IN", "MM"],
        ),
        (
            "It grew out of a tribal council set up in India in 1945 with the backing of the "
            "district's British deputy commissioner.",
            ["IN"],
        ),
    ],
)
def test_a_host_country_or_an_officials_nationality_is_no_place_of_activity(sentence, countries):
    text = f"Hill Council\n\nThe Hill Council was a political organisation.[1] {sentence}[2]\n"
    assert parse_profile(text).countries == countries


def test_a_surname_the_text_gives_with_a_first_name_is_a_person_not_a_group():
    text = (
        "Hill Society\n\nThe Hill Society is an Islamist party led by Burhanuddin Rabbani.[1] In "
        "1975 Gulbuddin Hekmatyar broke with Rabbani and founded his own Valley Party.[2] Its "
        "forces fought alongside Hamas.[3]\n"
    )
    profile = parse_profile(text)
    assert "Rabbani" not in {m.name for m in profile.mentions}
    assert "Rabbani" not in {r.target for r in profile.relations}


@pytest.mark.parametrize(
    "sentence",
    [
        "In 1989 it set off a truck bomb against the DAS building in Bogota.",
        "In 2013 its men attacked the Valley Amenas gas plant.",
    ],
)
def test_a_building_or_plant_it_attacked_is_no_rival(sentence):
    profile = parse_profile(f"Hill Army\n\nThe Hill Army was a rebel group.[1] {sentence}[2]\n")
    assert profile.relations == []


def test_a_call_to_hand_in_arms_is_no_end():
    text = (
        "Hill Bahini\n\nThe Hill Bahini was a guerrilla force.[1] After the surrender on Dec. 16, "
        "1971, the new government called on all freedom fighters to hand in their arms.[2]\n"
    )
    assert parse_profile(text).termination is None


# Texts a review invented against this session's rules, each read wrongly by a first draft.
def _read(body, title="Hill Front"):
    return parse_profile(f"{title}\n\n{body}\n")


def test_a_capitalised_word_opening_a_sentence_is_no_first_name():
    profile = _read(
        "The Hill Front is a vigilante group.[1] It fought against Ansarul.[2] Once Ansarul "
        "fighters attacked Djibo in 2016, the group mobilised.[3]"
    )
    assert ("Ansarul", "rival_of") in {(r.target, r.relation) for r in profile.relations}


@pytest.mark.parametrize(
    "sentence, termination",
    [
        ("It is unclear when exactly it was founded, but it was disbanded in 2004.", 2004),
        ("It is not known when the last cell stopped operating, but the group was officially "
         "dissolved in 1988.", 1988),
        ("The group's radio station stopped operating in 2001.", None),
    ],
)  # fmt: skip
def test_unclear_when_and_stopped_operating_keep_to_their_own_clause_and_subject(
    sentence, termination
):
    profile = _read(f"The Hill Front was a rebel group.[1] {sentence}[2]")
    assert (profile.termination.year if profile.termination else None) == termination


def test_a_rejected_merger_does_not_undo_a_later_end():
    profile = _read(
        "The Hill Front was set up in 2011.[1] In April 2013 the Valley State declared that it "
        "and the Hill Front were being merged, but the Hill Front's leader rejected the "
        "merger.[2] In 2017 the Hill Front merged into the Greater Valley Organisation.[3]"
    )
    assert profile.termination.year == 2017


@pytest.mark.parametrize(
    "sentence, size",
    [
        ("Its leadership claimed some 15,000 fighters in 1997.", 15000),
        ("The organization, led by its central committee, had about 2,000 armed cadres.", 2000),
        ("By June 5, 1500 fighters had joined its ranks.", 1500),
    ],
)
def test_counts_a_leading_body_or_a_date_does_not_take_away(sentence, size):
    assert _read(f"The Hill Front was a rebel group.[1] {sentence}[2]").size == size


def test_a_name_after_a_preposition_in_an_opening_phrase_is_no_subject():
    profile = _read(
        "The Hill Front is a militia.[1] In the fight against the Valley Liberation Front the "
        "Hill Front allied with the Mai-Mai Kifuafua.[2]"
    )
    assert ("Mai-Mai Kifuafua", "ally_of") in {(r.target, r.relation) for r in profile.relations}
