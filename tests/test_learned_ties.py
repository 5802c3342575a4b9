"""The learned tie model (profiles/parsing/ties.py): what it reads, and that it is current."""

import io
import json

import pytest

from profiles.parsing import mention_model, ties, train_ties
from profiles.parsing.profile import parse_profile
from profiles.parsing.types import Evidence, Occurrence, ParsedMention, ParsedRelation


def mention(name, *sentences, section="narrative"):
    occurrences = [
        Occurrence(s, s.index(name), s.index(name) + len(name), section, Evidence(1, s, 0))
        for s in sentences
    ]
    return ParsedMention(name, occurrences[0].evidence, occurrences=occurrences)


def toy_model(threshold=0.5):
    """Two cue words and a prior towards no tie."""
    return ties.TieModel(
        ["none", "rival_of", "ally_of"],
        [1.0, 0.0, 0.0],
        {"b:attack": [0.0, 3.0, 0.0], "b:alongside": [0.0, 0.0, 3.0]},
        threshold,
    )


def test_features_read_the_words_around_the_name_and_our_own_name():
    sentence = "The Lion Guard attacked Lavalas activists in the capital."
    features = ties.occurrence_features(
        Occurrence(sentence, 24, 31, "purpose", Evidence(1, sentence, 0)), ["lion guard"]
    )
    assert {"b:attack", "a:activist", "sec:purpose", "own_before"} <= features
    assert not any(f.endswith("lavala") or f.endswith("lavalas") for f in features)


def test_features_keep_the_small_words_right_beside_the_name():
    # "broke away from" and "a wing of" differ by the words a bag of stems drops.
    sentence = "In 1994 the Lion Guard broke away from the Red Hand, a wing of it."
    start = sentence.index("Red Hand")
    features = ties.occurrence_features(
        Occurrence(sentence, start, start + 8, "narrative", Evidence(1, sentence, 0)), []
    )
    assert {"p1:the", "p2:from the", "n1:,", "n2:, a", "verb:away"} <= features
    opening = "Red Hand fighters attacked the town."
    features = ties.occurrence_features(
        Occurrence(opening, 0, 8, "narrative", Evidence(1, opening, 0)), []
    )
    assert {"n1:fighters", "n2:fighters attacked"} <= features
    assert not any(f.startswith(("p1:", "p2:", "verb:")) for f in features)


def test_the_name_nearest_before_tells_whose_tie_the_words_state():
    # "the armed wing of the Red Hand" after the Blue Star's name is the Blue Star's tie.
    sentence = "The Lion Guard recruited men of the Blue Star, the armed wing of the Red Hand."
    red_hand = mention("Red Hand", sentence)
    blue_star = mention("Blue Star", sentence)
    per_mention = ties.features_by_mention([red_hand, blue_star], ["Lion Guard", "LG"])
    assert "near:other" in per_mention[0][0]
    assert "near:own" in per_mention[1][0]
    opening = mention("Red Hand", "Red Hand gunmen attacked the town.")
    assert "near:none" in ties.features_by_mention([opening], ["Lion Guard"])[0][0]


def test_a_sure_model_types_an_untyped_mention_with_its_clearest_sentence():
    ties.use_model(toy_model())
    try:
        named = mention(
            "Red Hand",
            "The Red Hand held a rally in 1990.",
            "In 1991 the militia attacked Red Hand offices.",
        )
        relations = []
        ties.add_learned_ties([named], relations, ["Lion Guard"])
    finally:
        ties.use_model(None)
    assert named.relation == "rival_of"
    assert [(r.target, r.relation, r.sentence) for r in relations] == [
        ("Red Hand", "rival_of", "In 1991 the militia attacked Red Hand offices.")
    ]


def test_an_unsure_model_or_a_typed_mention_adds_nothing():
    typed = mention("Red Hand", "The militia attacked Red Hand offices.")
    typed.relation = "ally_of"
    plain = mention("Blue Star", "Blue Star members marched.")
    relations = []
    ties.use_model(toy_model(threshold=0.99))
    try:
        ties.add_learned_ties(
            [typed, plain, mention("Green Flag", "They attacked Green Flag.")], relations, []
        )
    finally:
        ties.use_model(None)
    assert relations == []
    assert typed.relation == "ally_of"


def test_without_a_model_the_rules_decide_alone():
    text = (
        "Lion Guard\n\nThe Lion Guard was a militia in Kenya.[1] It attacked offices of the "
        "Orange Democratic Movement in 2007.[2]\n"
    )
    ties.use_model(None)
    try:
        without = parse_profile(text)
    finally:
        ties.use_model(ties.TieModel.from_file())
    assert all(r.relation for r in without.relations)
    assert {m.name for m in without.mentions} == {"Orange Democratic Movement"}


def test_the_committed_model_reads_and_decides():
    model = ties.TieModel.from_file()
    assert {"none", "rival_of", "ally_of"} <= set(model.classes)
    assert 0.4 <= model.threshold <= 0.9
    probabilities = model.probabilities({"b:fought", "own_pronoun_opens"})
    assert abs(sum(probabilities.values()) - 1) < 1e-9


def test_the_training_never_reads_a_blind_corpus():
    assert not [corpus for corpus in train_ties.TUNED if corpus.startswith("heldout/")]


@pytest.mark.skipif(not train_ties.CORPORA["practice/real"][0].is_dir(), reason="no ../shared")
def test_the_committed_models_are_what_training_gives_today():
    """A rule or corpus change that alters the examples must come with retrained models."""
    pytest.importorskip("sklearn")
    built = train_ties.build(out=io.StringIO())
    for path, model in zip((ties.MODEL_FILE, mention_model.MODEL_FILE), built, strict=True):
        committed = json.loads(path.read_text(encoding="utf-8"))
        trained = json.loads(train_ties.model_json(model))
        assert trained["classes"] == committed["classes"]
        assert trained["threshold"] == committed["threshold"]
        zeros = [0.0] * len(committed["classes"])
        for feature in trained["weights"].keys() | committed["weights"].keys():
            now = trained["weights"].get(feature, zeros)
            then = committed["weights"].get(feature, zeros)
            assert max(abs(a - b) for a, b in zip(now, then, strict=True)) < 0.01, feature


def score(right, wrong):
    """A Score of ties with these counts."""
    from profiles.accuracy import Score

    result = Score()
    result.right, result.wrong = right, wrong
    return result


def test_the_threshold_is_the_lowest_from_which_every_one_adds_ties_precise_enough():
    rules = score(50, 5)
    # Added to the rules' ties: 0.5 adds 30 right and 15 wrong (67%), 0.7 adds 40 and 5.
    scores = {0.5: score(80, 20), 0.7: score(90, 10), 0.9: score(60, 6)}
    assert train_ties.choose_threshold(scores, rules) == 0.7
    # None adds precise enough ties: the highest threshold.
    assert train_ties.choose_threshold({0.5: score(60, 7), 0.9: score(52, 6)}, rules) == 0.9
    # A precise threshold below an imprecise one is not chosen.
    scores = {0.5: score(90, 10), 0.6: score(80, 20), 0.7: score(90, 10), 0.9: score(60, 6)}
    assert train_ties.choose_threshold(scores, rules) == 0.7
    # Precision is the added ties', not all ties': 0.5's ties are right 87% of the time, but
    # the ties it adds only 71%.
    assert train_ties.choose_threshold({0.5: score(60, 9), 0.9: score(55, 6)}, rules) == 0.9


def test_the_committed_threshold_stays_unless_cross_validation_clearly_rejects_it():
    rules = score(50, 5)
    # Added ties: 0.6 adds 74 right and 26 wrong (74%, just under the target), 0.7 adds 40
    # and 5: the rule alone chooses 0.7, but a committed 0.6 is within the margin and stays.
    scores = {0.6: score(124, 31), 0.7: score(90, 10), 0.9: score(60, 6)}
    assert train_ties.choose_threshold(scores, rules) == 0.7
    assert train_ties.choose_threshold(scores, rules, current=0.6) == 0.6
    # Clearly under the target (0.5 adds 30 right and 15 wrong, 67%): the rule's choice.
    scores = {0.5: score(80, 20), 0.7: score(90, 10), 0.9: score(60, 6)}
    assert train_ties.choose_threshold(scores, rules, current=0.5) == 0.7
    # The same for the names the mention model drops (0.7: 79% right, the target 80%).
    dropped = {0.7: (30, 8), 0.8: (17, 3), 0.9: (9, 1)}
    assert train_ties.choose_drop_threshold(dropped) == 0.8
    assert train_ties.choose_drop_threshold(dropped, current=0.7) == 0.7
    assert train_ties.choose_drop_threshold({**dropped, 0.7: (30, 10)}, current=0.7) == 0.8


def toy_mention_model(threshold=0.8):
    """Drops a name right after "state's"; keeps others."""
    return ties.TieModel(["dropped", "none"], [0.0, 2.0], {"p1:state's": [0.0, -6.0]}, threshold)


def test_a_sure_mention_model_drops_a_name_and_its_tie():
    state_body = mention("Hill Rangers", "The militia fought beside the state's Hill Rangers.")
    state_body.relation = "ally_of"
    rival = mention("Red Hand", "The militia attacked Red Hand offices.")
    rival.relation = "rival_of"
    only_a_target = ParsedMention("Blue Star", Evidence(1, "x", 0))  # no place of its own
    relations = [
        ParsedRelation("Hill Rangers", "ally_of", "s", 0),
        ParsedRelation("Red Hand", "rival_of", "s", 0),
    ]
    mentions = [state_body, rival, only_a_target]
    reader = ties.FeatureReader(mentions, ["Lion Guard"])
    mention_model.use_model(toy_mention_model())
    try:
        kept = mention_model.drop_unlikely_mentions(mentions, relations, reader)
    finally:
        mention_model.use_model(None)
    assert [m.name for m in kept] == ["Red Hand", "Blue Star"]
    assert [r.target for r in relations] == ["Red Hand"]
    # Not sure enough: nothing is dropped.
    mention_model.use_model(toy_mention_model(threshold=0.999))
    try:
        assert mention_model.drop_unlikely_mentions(mentions, relations, reader) == mentions
    finally:
        mention_model.use_model(None)


def test_the_mention_model_reads_the_name_its_places_and_its_tie():
    named = mention("Hill Rangers", "The militia fought beside the state's Hill Rangers.")
    reader = ties.FeatureReader([named], ["Lion Guard"])
    features = mention_model.mention_features(named, reader.per_occurrence(named), typed=True)
    assert {"head:rangers", "first:hill", "in:hill", "nwords:2", "typed", "p1:state's"} <= features
    assert not any(f.startswith(("w:", "verb:")) for f in features)  # the tie model's alone


def test_a_two_label_fit_is_the_logistic_regression():
    pytest.importorskip("sklearn")
    examples = [({"p1:state"}, "dropped")] * 6 + [({"p1:the"}, "none")] * 6
    examples += [({"p1:state", "p1:the"}, "none"), ({"p1:the", "head:x"}, "dropped")]
    examples = [(features, label) for features, label in examples for _ in range(3)]
    model = train_ties.fit(examples)
    assert model.classes == ["dropped", "none"]
    assert model.probabilities({"p1:state"})["dropped"] > 0.8
    assert model.probabilities({"p1:the"})["none"] > 0.8


def test_the_drop_threshold_is_the_lowest_from_which_drops_are_sure_enough():
    # 0.9 and 0.8 drop rightly 90% and 85% of the time, 0.7 only 75%: 0.8.
    dropped = {0.7: (30, 10), 0.8: (17, 3), 0.9: (9, 1)}
    assert train_ties.choose_drop_threshold(dropped) == 0.8
    # A sure threshold below an unsure one is not chosen; none sure: drop nothing.
    assert train_ties.choose_drop_threshold({0.6: (9, 1), 0.7: (3, 3), 0.9: (9, 1)}) == 0.9
    assert train_ties.choose_drop_threshold({0.9: (1, 1)}) == 1.0


def test_the_committed_mention_model_reads_and_decides():
    model = ties.TieModel.from_file(mention_model.MODEL_FILE)
    assert model.classes == ["dropped", "none"]
    assert 0.5 <= model.threshold <= 1.0
    probabilities = model.probabilities({"head:army", "typed"})
    assert abs(sum(probabilities.values()) - 1) < 1e-9
