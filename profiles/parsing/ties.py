"""Ties the rules leave untyped, decided by a small model learned from our annotated texts.

The rules in `relations.py` type a tie only where a sentence says it in a form they know
("broke away from", "fought the ..."): precise, but on texts nobody tuned them to they
miss about half of the ties, most of them between the group and an organisation the text
does name ("attacked the Lavalas activists", "backed the KANU candidate"). For each such
mention, a multinomial logistic regression reads the words around every place it is named
and says which tie, if any, the text states. It only adds ties the rules left untyped, and
only when it is sure enough (`threshold`, chosen by cross-validation for precision).

The weights live in `data/tie_model.json`, written by `python -m profiles.parsing.train_ties`
(scikit-learn, a development dependency) from the annotated corpora we tune on, never the
blind held-out ones. Reading them needs nothing but this file.
"""

import json
import math
import re
from functools import cached_property, lru_cache
from pathlib import Path

from profiles.parsing.aliases import strip_opening
from profiles.parsing.names import ARTICLE_RE, name_key
from profiles.parsing.types import ParsedRelation

MODEL_FILE = Path(__file__).resolve().parent / "data" / "tie_model.json"

WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
STOPWORDS = frozenset(
    """a an the of and or in on at to for by with from as is was were be been being it its
    this that these those which who whom whose their them they he she his her than then
    there also into over under about after before during between while when where had has
    have not but so such some any all most more other others one two three""".split()
)
OWN_PRONOUN_RE = re.compile(
    r"^(?:it|its|they|their|the (?:group|militia|movement|organi[sz]ation|force|party|"
    r"brigade|battalion|army|front|unit|wing|members?|fighters?|militiamen))\b",
    re.I,
)
# The group spoken of without a name (anywhere in a sentence, unlike OWN_PRONOUN_RE).
OWN_WORD_RE = re.compile(
    r"\b(?:it|its|itself|they|their|them|themselves)\b|\bthe\s+(?:group|militia|movement|"
    r"organi[sz]ation|force|party|brigade|battalion|front|unit|committees?|patrols|"
    r"vigilantes|rebels|guerrillas|members|fighters|militiamen)\b",
    re.I,
)
LIST_RE = re.compile(r",\s*(?:and\s+|or\s+)?$|^\s*(?:,|and\b|or\b)")
# The words right beside a name, kept as written, small words and punctuation included:
# "away from", "wing of", "clashes with", "by" say the tie, and the bag of stems drops them.
RAW_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|[,;:()]")
BEFORE_WORDS = 5
AFTER_WORDS = 3


@lru_cache(maxsize=16384)  # bounded: memory must not grow with the corpus
def stem(word):
    """A crude stem that joins "attacked", "attacks" and "attacking" as "attack"."""
    word = word.lower().replace("\u2019", "'")
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
    return word


def _words(text):
    return [s for s in map(stem, WORD_RE.findall(text)) if s not in STOPWORDS]


def occurrence_features(occurrence, own_keys, closest_before=""):
    """The words and signs around one place a text names an organisation; `closest_before`
    is whose name stands nearest before it in its sentence (see `closest_name_before`)."""
    sentence, start, end = occurrence.sentence, occurrence.start, occurrence.end
    before, after = sentence[:start], sentence[end:]
    features = {f"sec:{occurrence.section}"}
    if closest_before:
        features.add(f"near:{closest_before}")
    words_before, words_after = _words(before), _words(after)
    features.update(f"w:{w}" for w in words_before + words_after)
    features.update(f"b:{w}" for w in words_before[-BEFORE_WORDS:])
    features.update(f"a:{w}" for w in words_after[:AFTER_WORDS])
    if words_before:
        features.add(f"verb:{words_before[-1]}")  # the nearest word that says something
    raw_before = RAW_WORD_RE.findall(before[-40:].lower())
    raw_after = RAW_WORD_RE.findall(after[:30].lower())
    if raw_before:
        features.add(f"p1:{raw_before[-1]}")
        features.add(f"p2:{' '.join(raw_before[-2:])}")
    if raw_after:
        features.add(f"n1:{raw_after[0]}")
        features.add(f"n2:{' '.join(raw_after[:2])}")
    padded_before, padded_after = f" {name_key(before)} ", f" {name_key(after)} "
    if any(f" {key} " in padded_before for key in own_keys):
        features.add("own_before")
    if any(f" {key} " in padded_after for key in own_keys):
        features.add("own_after")
    if OWN_PRONOUN_RE.match(sentence):
        features.add("own_pronoun_opens")
    if LIST_RE.search(before[-6:]) or LIST_RE.match(after[:6]):
        features.add("in_list")
    if "(" in before[-2:]:
        features.add("in_parentheses")
    return features


def own_names_re(own_names):
    """A pattern for the group's own names as written (any case), longest first."""
    names = sorted({n for n in own_names if n and len(n) > 2}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)), re.I) if names else None


def closest_name_before(occurrence, own_re, named_at):
    """Whose name stands nearest before this place in its sentence: "own" (the group's),
    "other" (another organisation's) or "none". "The KNLA, the armed wing of the KNU" ties
    the KNU to the KNLA, not to us, though the same words would say our tie after our name.
    `named_at` maps each sentence to the (start, end) of every organisation it names."""
    sentence, start = occurrence.sentence, occurrence.start
    own = -1
    if own_re is not None:
        for found in own_re.finditer(sentence, 0, start):
            own = found.start()
    other = max((e for s, e in named_at.get(sentence, ()) if e <= start and s != start), default=-1)
    if other > own:
        return "other"
    return "own" if own >= 0 else "none"


class FeatureReader:
    """Reads the features of the places one text names its organisations: the group's own
    names and every place a sentence names any organisation, gathered once for the text."""

    def __init__(self, mentions, own_names):
        self.own_keys = [key for key in {name_key(n) for n in own_names if n} if key]
        self.own_re = own_names_re(own_names)
        self.named_at = {}
        for mention in mentions:
            for o in mention.occurrences:
                self.named_at.setdefault(o.sentence, []).append((o.start, o.end))
        self._read = {}  # id of a mention -> its features (the tie and mention models share)

    def between_others(self, occurrence):
        """Whether the sentence of this place opens with another organisation as its subject
        and never names the group, nor says "it", "its", "they" or "the group"."""
        sentence = occurrence.sentence
        if OWN_WORD_RE.search(sentence) or (self.own_re and self.own_re.search(sentence)):
            return False
        opened = strip_opening(sentence)
        subject_at = len(sentence) - len(opened) + len(ARTICLE_RE.match(opened).group())
        return any(
            start == subject_at and start != occurrence.start
            for start, _end in self.named_at.get(sentence, ())
        )

    def per_occurrence(self, mention):
        """[features of each place `mention` is named]."""
        if id(mention) not in self._read:
            self._read[id(mention)] = [
                occurrence_features(
                    o, self.own_keys, closest_name_before(o, self.own_re, self.named_at)
                )
                for o in mention.occurrences
            ]
        return self._read[id(mention)]


def features_by_mention(mentions, own_names):
    """[features of each place it is named] for every mention of one text, in order."""
    reader = FeatureReader(mentions, own_names)
    return [reader.per_occurrence(mention) for mention in mentions]


def mention_features(mention, per_occurrence):
    """The features of every place a mention is named (`features_by_mention`), taken
    together."""
    features = set()
    for occurrence_set in per_occurrence:
        features |= occurrence_set
    head = mention.name.split()[-1].lower() if mention.name.split() else ""
    features.add(f"head:{head}")
    count = len(mention.occurrences)
    features.add(f"named:{min(count, 3)}")
    return features


class TieModel:
    """Softmax over linear scores: `weights[feature][i]` for class `classes[i]`."""

    def __init__(self, classes, intercepts, weights, threshold):
        self.classes = classes
        self.intercepts = intercepts
        self.weights = weights
        self.threshold = threshold

    @classmethod
    def from_file(cls, path=MODEL_FILE):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["classes"], data["intercepts"], data["weights"], data["threshold"])

    def scores(self, features):
        rows = [self.weights[f] for f in features if f in self.weights]
        if not rows:
            return list(self.intercepts)
        # One sum per class over the rows of the features present (a transposition in C).
        columns = zip(*rows, strict=True)
        return [b + sum(column) for b, column in zip(self.intercepts, columns, strict=True)]

    def probabilities(self, features):
        scores = self.scores(features)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.classes, exps, strict=True)}

    def decide(self, features, threshold=None):
        """(tie, probability): the likeliest tie, or ("", p) when none is sure enough (at
        `threshold`, the model's own unless given)."""
        threshold = self.threshold if threshold is None else threshold
        probabilities = self.probabilities(features)
        label = max(probabilities, key=probabilities.get)
        if label == "none" or probabilities[label] < threshold:
            return "", probabilities[label]
        return label, probabilities[label]


class ModelSlot:
    """The model a step of the parser decides with: the one committed at `path`, read on
    first use, unless training has set another (or None: the rules alone)."""

    def __init__(self, path):
        self.path = path
        self.chosen = None  # (model,) once set by `use`

    @cached_property
    def committed(self):
        return TieModel.from_file(self.path) if self.path.is_file() else None

    def use(self, model):
        """Decide with `model` until called again; for training."""
        self.chosen = (model,)

    def active(self):
        return self.chosen[0] if self.chosen else self.committed


TIE_MODEL = ModelSlot(MODEL_FILE)


def use_model(model):
    """Decide with `model` (None: the rules alone) until called again; for training."""
    TIE_MODEL.use(model)


def active_model():
    return TIE_MODEL.active()


def add_learned_ties(mentions, relations, own_names, declined=(), reader=None):
    """Types the mentions the rules left untyped where the model is sure, each tie with the
    sentence that says it most clearly as its evidence; never those whose name keys the rules
    `declined` ("banned the Hill Guard, together with the Red Front": no alliance). `reader`:
    the text's FeatureReader, when the caller has one."""
    model = active_model()
    if model is None:
        return
    reader = reader or FeatureReader(mentions, own_names)
    for mention in mentions:
        if mention.relation or not mention.occurrences or name_key(mention.name) in declined:
            continue  # (features are read only for the mentions the model may type)
        if all(reader.between_others(o) for o in mention.occurrences):
            continue  # "The Red Dawn Movement was allied with the Coast Front": not our tie
        per_occurrence = reader.per_occurrence(mention)
        relation, _probability = model.decide(mention_features(mention, per_occurrence))
        if not relation:
            continue
        index = model.classes.index(relation)
        _score, clearest = max(
            (model.scores(features)[index], -number)
            for number, features in enumerate(per_occurrence)
        )
        clearest = mention.occurrences[-clearest]
        mention.relation = relation
        relations.append(
            ParsedRelation(
                mention.name,
                relation,
                clearest.sentence,
                clearest.evidence.start,
                evidence=clearest.evidence,
            )
        )
