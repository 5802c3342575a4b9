"""Names the rules read as organisations that a careful reader would not list, set aside by a
small learned model.

The rules in `mentions.py` read every name shaped like an organisation's ("... Front",
"... Brigade"), every name the dictionary knows and every acronym the text spells out. About
one in nine of those is no other organisation the text names: a state body, a unit of the
group itself, a member of its own coalition, a ministry's programme. The rules cannot tell
them apart by shape; the words around them often can ("its own Mobile Brigade", "the state's
Special Forces"). A logistic regression reads the name's own words, the words beside each
place it is named and whether a tie was typed to it, and drops the mention (and any tie to
it) only when it is sure the name is none of the text's other organisations (`threshold`,
chosen by cross-validation for precision: see `train_ties.choose_drop_threshold`).

The weights live in `data/mention_model.json`, written with the tie model by
`python -m profiles.parsing.train_ties` from the corpora we tune on, never the blind ones.
"""

from pathlib import Path

from profiles.parsing.names import name_key
from profiles.parsing.ties import ModelSlot

MODEL_FILE = Path(__file__).resolve().parent / "data" / "mention_model.json"
DROPPED = "dropped"  # the model's label for a name that is no other organisation
KEPT = "none"  # (the "none" label never decides, as in the tie model)
# What a mention's places add: the words right beside it, the Guidebook field, whose name
# stands nearest before it, a list or parenthesis around it (see `ties.occurrence_features`).
# Not the wider bag of words around it, nor whether the dictionary knows the name: both
# taught the model the tuned texts' own names and words ("December", "unknown") rather than
# what sets a state body or a unit of ours apart, for the same score in cross-validation.
PLACE_FEATURES = ("p1:", "p2:", "n1:", "n2:", "sec:", "near:", "in_")


def mention_features(mention, per_occurrence, typed):
    """What the model reads of one mention: its own words, its places (`per_occurrence`,
    from `ties.FeatureReader`) and whether a tie to it is `typed`."""
    words = mention.name.split()
    features = {
        f"head:{words[-1].lower() if words else ''}",
        f"first:{words[0].lower() if words else ''}",
        f"nwords:{min(len(words), 5)}",
        f"named:{min(len(mention.occurrences), 3)}",
        "acronym" if len(words) == 1 and mention.name.isupper() else "not_acronym",
        "typed" if typed else "untyped",
    }
    features.update(f"in:{word.lower()}" for word in words)
    for place in per_occurrence:
        features.update(f for f in place if f.startswith(PLACE_FEATURES))
    return features


MENTION_MODEL = ModelSlot(MODEL_FILE)


def use_model(model):
    """Decide with `model` (None: keep every mention) until called again; for training."""
    MENTION_MODEL.use(model)


def active_model():
    return MENTION_MODEL.active()


def drop_unlikely_mentions(mentions, relations, reader):
    """`mentions` without those the model is sure name no other organisation; the ties to
    those are removed from `relations` (in place). `reader` is the text's
    `ties.FeatureReader`. A name the text only gives as a tie's target, with no place of
    its own, is kept: nothing around it can be read."""
    model = active_model()
    if model is None:
        return mentions
    kept, dropped = [], set()
    for mention in mentions:
        if mention.occurrences:
            features = mention_features(
                mention, reader.per_occurrence(mention), bool(mention.relation)
            )
            if model.decide(features)[0] == DROPPED:
                dropped.add(name_key(mention.name))
                continue
        kept.append(mention)
    if dropped:
        relations[:] = [r for r in relations if name_key(r.target) not in dropped]
    return kept
