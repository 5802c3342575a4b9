"""What the parser reads beyond values: titles read whole, evidence, mentions and doubts."""

from pathlib import Path

from profiles.parsing.profile import parse_profile

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "004_6d5b354a8c919a76.txt"


def guidebook(title, **fields):
    labels = {
        "country": "Country", "formation": "Details of Formation",
        "termination": "Details of Termination", "purpose": "Purpose", "size": "Size",
        "other": "Other Information",
    }  # fmt: skip
    fields = {"country": "--", **fields}
    lines = [title, ""] + [f"{labels[key]}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def test_nested_country_suffix_is_read_whole():
    profile = parse_profile(
        guidebook("Lion Guard (Masters of Hills) (Myanmar (Burma))", purpose="To guard.")
    )
    assert profile.name == "Lion Guard"
    assert profile.countries == ["MM"]
    assert profile.aliases == ["Masters of Hills"]


def test_historic_and_guidebook_country_names():
    for suffix, code in [
        ("Congo Kinshasa", "CD"), ("Congo Brazzaville", "CG"), ("Cote d'Ivoire", "CI"),
        ("Yemen (North Yemen)", "YE"), ("Bosnia-Herzegovina", "BA"), ("Kyrgyz Republic", "KG"),
    ]:  # fmt: skip
        profile = parse_profile(guidebook(f"Hill Guard ({suffix})", purpose="To guard."))
        assert (profile.name, profile.countries) == ("Hill Guard", [code]), suffix


def test_title_alternatives_become_aliases_but_acronym_slashes_do_not():
    profile = parse_profile(guidebook("Night Watch/Sentinels (Kenya)", purpose="To guard."))
    assert profile.aliases == ["Night Watch", "Sentinels"]
    profile = parse_profile(guidebook("Hill Guard aka Ridge Patrol (Kenya)", purpose="To guard."))
    assert profile.aliases == ["Hill Guard", "Ridge Patrol"]
    profile = parse_profile(guidebook("SPLM/A Youth (Sudan)", purpose="To guard."))
    assert profile.aliases == []


def test_article_opening_names_are_aliases_glosses_are_not():
    text = (
        "Ridge Army\n\nThe Ridge Army or Ridge Legion (RA; Arabic: جيش الحافة, Jaysh al-Hafa; "
        "lit. 'army of the edge'), also known as the Hafa Force, was a militia in Lebanon.[1]\n"
    )
    profile = parse_profile(text)
    assert profile.aliases == ["Ridge Legion", "RA", "جيش الحافة", "Jaysh al-Hafa", "Hafa Force"]


def test_a_source_in_parentheses_is_not_an_alias():
    profile = parse_profile(
        guidebook(
            "Hill Guard (Kenya)",
            purpose="The Hill Guard (HG) guarded roads (Human Rights Watch 2003). "
            "The HG answered to the governor (Wikipedia).",
        )
    )
    assert profile.aliases == ["HG"]
    assert 2003 not in {e.date.year for e in profile.events if e.kind == "formation"}


def test_seed_evidence_quotes_the_sentences_and_lines():
    profile = parse_profile(SEED.read_text(encoding="utf-8"))
    evidence = profile.evidence
    assert evidence["formation"].line == 4 and "1992" in evidence["formation"].quote
    assert evidence["termination"].line == 5
    assert "November 1994" in evidence["termination"].quote
    assert evidence["size"].line == 9 and "500 members" in evidence["size"].quote
    assert evidence["country:PK"].quote == "Country: Pakistan"
    splinter = next(r for r in profile.relations if r.relation == "splinter_of")
    assert splinter.target == "MQM" and "breakaway faction" in splinter.evidence.quote
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for item in [*evidence.values(), splinter.evidence]:
        assert item.quote in lines[item.line - 1], item


def test_mentions_name_other_organisations_not_the_state_or_sources():
    profile = parse_profile(
        guidebook(
            "Hill Guard (Kenya)",
            purpose="The Hill Guard fought the Ridge Liberation Front (RLF) and the Mau Mau "
            "Youth Movement. The Kenyan Army and the United Nations watched; Human Rights "
            "Watch reported it. Later the RLF signed a truce.",
        )
    )
    names = {m.name for m in profile.mentions}
    assert names == {"Ridge Liberation Front", "Mau Mau Youth Movement"}
    front = next(m for m in profile.mentions if m.name == "Ridge Liberation Front")
    assert front.relation == "rival_of" and front.evidence.line == 4


def test_two_readings_of_an_end_become_a_doubt_not_a_value():
    profile = parse_profile(
        guidebook(
            "Hill Guard (Kenya)",
            formation="The governor set up the Hill Guard in 1998.",
            termination="The Hill Guard disbanded in 2004. It was still active in 2006.",
        )
    )
    assert profile.termination is None
    (doubt,) = profile.doubts
    assert doubt.field == "termination"
    labels = [c.label for c in doubt.candidates]
    assert labels[0].startswith("2004") and labels[-1] == "no end (still active)"
    assert doubt.candidates[0].evidence.line == 5


def test_one_clear_end_is_asserted():
    profile = parse_profile(
        guidebook(
            "Hill Guard (Kenya)",
            formation="The governor set up the Hill Guard in 1998.",
            termination="The Hill Guard was disbanded in March 2004.",
        )
    )
    assert profile.termination.year == 2004 and profile.doubts == []


def test_a_nested_country_suffix_written_as_the_guidebook_name_is_that_country():
    profile = parse_profile(guidebook("Lion Guard (Congo (Kinshasa))", purpose="To guard."))
    assert profile.countries == ["CD"]
    assert parse_profile(
        guidebook("Lion Guard (Congo (Brazzaville))", purpose="To guard.")
    ).countries == ["CG"]


def test_every_year_of_an_event_list_is_the_events_not_the_founding():
    profile = parse_profile(
        guidebook(
            "Market Boys (Zimbabwe)",
            formation="The gang emerged in the early 2000s. It grew out of youth structures "
            "used to campaign during the violent elections of 2000 and 2002.",
        )
    )
    assert profile.formation.edtf == "200X"  # the decade; neither election year


def test_a_termination_field_that_denies_an_end_asserts_none_and_leaves_a_doubt():
    profile = parse_profile(
        guidebook(
            "Market Boys (Zimbabwe)",
            termination="Police raids in 2013 led to the arrest of dozens of members. The "
            "group was not disbanded and went on controlling the market.",
        )
    )
    assert profile.termination is None
    (doubt,) = profile.doubts
    assert doubt.field == "termination"
    assert [c.label for c in doubt.candidates] == ["2013 (2013)", "no end (still active)"]


def test_not_disbanded_until_a_year_is_an_end_in_that_year():
    profile = parse_profile(
        guidebook(
            "Market Boys (Zimbabwe)",
            termination="The group was not disbanded until 2015, after police raids in 2013.",
        )
    )
    assert profile.termination.year == 2015


def encyclopedia(title, *paragraphs):
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def test_sizes_a_region_alone_a_contingent_and_a_day_of_a_month_are_no_strength():
    from profiles.parsing.sizes import strength_figures

    assert not strength_figures(
        "In 2003, between 20,000 and 30,000 LDU members were reported in the north alone.",
        lenient=True,
    )
    assert not strength_figures("Iran sent a contingent of about 1,500 men to the valley.")
    assert not strength_figures("On 11 October 1993, FRAPH members staged a demonstration.")
    assert [f.value for f in strength_figures("It had about 30,000 LDU members in 2003.")] == [
        30000
    ]


def test_a_persons_office_since_a_year_is_not_the_founding():
    profile = parse_profile(
        guidebook(
            "Islamic Front (Yemen)",
            formation="Ali Abdullah Saleh, president since July 1978, encouraged tribal "
            "sheikhs to organise the Islamic Front against the NDF.",
        )
    )
    assert profile.formation is None


def test_an_opening_active_span_gives_both_ends_over_a_forerunners_year():
    profile = parse_profile(
        encyclopedia(
            "Home Guards",
            "The Home Guards were a nationalist paramilitary organisation that was active in "
            "the First Austrian Republic from 1920 to 1936.",
            "When Austria-Hungary fell apart at the end of 1918, demobilised soldiers formed local "
            "militias all over the country.",
        )
    )
    assert (profile.formation.year, profile.termination.year) == (1920, 1936)


def test_historic_and_ideological_country_names():
    east = parse_profile(
        encyclopedia("Volunteers", "The Volunteers were a militia raised in East Pakistan in 1971.")
    )
    assert east.countries == ["BD"]
    model = parse_profile(
        encyclopedia(
            "Blue Shirts",
            "The Blue Shirts were a secret faction within the Kuomintang.",
            "Influenced by Italian fascism, the members wore blue uniforms.",
        )
    )
    assert model.countries == ["CN"]  # the Kuomintang's, not Italy from "Italian fascism"


def test_the_dictionary_joins_an_acronym_to_its_long_form_and_knows_our_own_names():
    profile = parse_profile(
        encyclopedia(
            "Lion Guard",
            "The Lion Guard was a militia in Pakistan that fought the Awami National Party.",
            "In 2009 it attacked ANP offices in Karachi.",
        )
    )
    assert [m.name for m in profile.mentions] == ["Awami National Party"]
    # The data file lists the Cobras as the Cobra militia: one group, ours.
    cobras = parse_profile(
        guidebook("Cobras (Congo Brazzaville)", purpose="The Cobra militia fought the Ninjas.")
    )
    assert "Cobra militia" not in [m.name for m in cobras.mentions]


def test_an_ideology_and_an_owner_are_not_groups_named():
    profile = parse_profile(
        guidebook(
            "Lion Guard (Rwanda)",
            purpose="Party loyalty and Hutu Power ideology.",
            other="Together with the Interahamwe, the MRND's militia, it manned roadblocks.",
        )
    )
    names = [m.name for m in profile.mentions]
    assert "Hutu Power" not in names
    assert not [n for n in names if n.endswith("'s")]
    assert not [r for r in profile.relations if r.target.endswith("'s")]


def test_names_the_group_went_by_in_turn_are_its_aliases():
    profile = parse_profile(
        encyclopedia(
            "Lion Guard",
            "The Lion Guard, or simply the Lions, was a militia in Haiti.",
            "It was first known as the Hooded Ones, then as the Civil Militia, and from 1962 "
            "as the Volunteers of National Security (VNS).",
            "In 1975 a rival renamed it the Home Legion; it continued as the Youth League.",
            "Its attacks were claimed under the cover name Lion Fighters.",
        )
    )
    assert {
        "Lions", "Hooded Ones", "Civil Militia", "Volunteers of National Security", "VNS",
        "Lion Fighters", "Youth League",
    } <= set(profile.aliases)  # fmt: skip


def test_a_title_in_the_groups_language_takes_the_english_opening_name_and_its_acronym():
    profile = parse_profile(
        encyclopedia(
            "Patria y Honor",
            "Fatherland and Honour (Spanish: Frente Nacionalista Patria y Honor, FNPH), was a "
            "Chilean far-right paramilitary group formed in 1971.",
        )
    )
    assert {"Fatherland and Honour", "Frente Nacionalista Patria y Honor", "FNPH"} <= set(
        profile.aliases
    )


def test_a_translation_in_parentheses_at_a_sentence_end_is_an_alias_a_source_is_not():
    profile = parse_profile(
        guidebook(
            "Young Lions (Cote d'Ivoire)",
            formation="In 2002 supporters organised themselves as the Young Lions (Jeunes Lions).",
            other="Its violence was documented (Human Rights Watch).",
        )
    )
    assert profile.aliases == ["Jeunes Lions"]


def test_no_shorter_known_name_is_read_inside_one_of_our_own():
    profile = parse_profile(
        encyclopedia(
            "Lion Guard",
            "The Lion Guard was a militia in Haiti.",
            "It was first known as the Milice Civile, and it fought the Milice.",
        )
    )
    assert "Milice Civile" in profile.aliases
    assert [m.name for m in profile.mentions] == ["Milice"]
    (milice,) = profile.mentions
    assert all(o.start > o.sentence.index("fought") for o in milice.occurrences)


def test_a_coded_end_and_an_unproven_one():
    coded = parse_profile(
        guidebook(
            "Lion Guard (Myanmar)",
            termination="Most brigades were converted in August 2010, which is why the PGM "
            "is coded as ending in 2010. A splinter fought on in 2012.",
        )
    )
    assert coded.termination.year == 2010
    unproven = parse_profile(
        encyclopedia(
            "Lion Guard",
            "The Lion Guard was a gang in Pakistan founded in 2008.",
            "Its leader was arrested in December 2014, yet there is no clear evidence that the "
            "group itself was dissolved.",
        )
    )
    assert unproven.termination is None


def test_a_finer_date_right_after_a_decade_and_a_group_announcing_itself():
    refined = parse_profile(
        guidebook(
            "Lion Guard (India)",
            formation="The state government set up the first committees in the mid-1990s, in "
            "1995, to protect villages.",
        )
    )
    assert refined.formation.year == 1995
    announced = parse_profile(
        encyclopedia(
            "Lion Guard",
            "The Lion Guard is a militia in Iraq.",
            "Some of its cells were active against coalition forces from 2003, but the group "
            "only announced itself under this name in 2007.",
        )
    )
    assert announced.formation.year in (2003, 2007)


def test_a_name_a_breakaway_faction_gives_itself_is_not_ours():
    profile = parse_profile(
        encyclopedia(
            "Lion Guard",
            "The Lion Guard was a militia in Myanmar founded in 1994.",
            "A faction built around its 5th Brigade broke away, fought the army and in 2012 "
            "renamed itself the Lion Benevolent Army.",
        )
    )
    assert "Lion Benevolent Army" not in profile.aliases
