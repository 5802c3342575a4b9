"""Learns `data/tie_model.json` (see `ties.py`) and `data/mention_model.json` (see
`mention_model.py`) from the annotated corpora we tune on.

    python -m profiles.parsing.train_ties          # cross-validate, then write the models
    python -m profiles.parsing.train_ties --check  # fail if a committed model is stale

Each example is one organisation a text names that the parser found, with the words
around every place it is named; its label is the tie the text's sidecar gives it, or
"none". The blind held-out corpora (`heldout/...`) are never read here: they measure the
model, so it must not learn from them.

The threshold (how sure the model must be to add a tie) is chosen by leave-one-corpus-out
cross-validation: each tuned corpus is read by a model trained on the others, and the
lowest threshold from which every higher one's added ties are right more than 75% of the
time wins (precision before recall: the files whose ties hold barely move between
thresholds).

The mention model learns, from the same texts read with the rules, which of the names the
rules read the sidecars do not list as other organisations. Whether a tie was typed to a
name is one of its features, and in training that is the rules' tie or the tie the
cross-validated tie model gave, as on a text never seen. Its threshold is chosen the same
way: the lowest from which the names dropped at every higher one are rightly dropped more
than DROP_PRECISION_TARGET of the time. Either committed threshold stays while it is within
KEEP_MARGIN of its target, so that retraining on a few more texts does not flip it.
"""

import json
import sys
from dataclasses import dataclass

from profiles.accuracy import CORPORA, Score, expected, group_key
from profiles.parsing import mention_model, ties
from profiles.parsing.profile import parse_profile
from profiles.parsing.text import decode

# Every annotated corpus but the blind ones (heldout/...). Until the eighth session of
# 2026-12-06 only the twelve oldest trained it (276 texts); read by a model trained on the
# others, the newer ones showed that training on all of them carries further (606 texts:
# files whose ties hold in cross-validation 244 -> 253 at about the same precision).
TUNED = tuple(corpus for corpus in CORPORA if not corpus.startswith("heldout/"))
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
# Cross-validated share of right ties among those the model adds to the rules' own: see
# choose_threshold().
PRECISION_TARGET = 0.75
REGULARISATION = 1.0  # scikit-learn's C: smaller keeps the weights nearer zero
MIN_FEATURE_COUNT = 2  # a word seen once teaches nothing that carries over
MIN_CLASS_COUNT = 5  # rarer ties are left to the rules
DECIMALS = 4
DROP_THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
# Cross-validated share of the dropped names that the sidecars do not list: a right name
# lost costs as much as a wrong one kept, so only a sure drop is worth making.
DROP_PRECISION_TARGET = 0.8
# The committed threshold stays while its precision is within this of the target: the
# cross-validated curves are flat around the targets, and without this margin a retraining
# that adds one text moved a threshold a step and back (0.65 -> 0.7 -> 0.65 in one session),
# shifting dozens of readings for no reason the data gives.
KEEP_MARGIN = 0.02


@dataclass
class AnnotatedFile:
    corpus: str
    name: str
    wanted: set  # {(group key, tie)} from the sidecar
    by_rules: set  # {(group key, tie)} the rules read
    untyped: list  # [(group key, features)] for the mentions the rules left untyped
    examples: list  # [(features, label)] for every mention found
    # For the mention model: the sidecar's mentions (None when it lists none), and
    # [(group key, features, typed by the rules)] for every mention found.
    wanted_mentions: set | None = None
    mentions: list = None
    # {threshold: group keys the cross-validated tie model typed}, set by cross_validate().
    typed_by_model: dict = None


def annotated_files(corpus_names=TUNED):
    """Reads each tuned corpus with the rules alone."""
    previous = ties.active_model(), mention_model.active_model()
    ties.use_model(None)
    mention_model.use_model(None)
    try:
        files = []
        for corpus in corpus_names:
            texts, sidecars = CORPORA[corpus]
            for path in sorted(texts.glob("*.txt")):
                sidecar = sidecars / path.with_suffix(".json").name
                if not sidecar.is_file():
                    continue
                want = expected(json.loads(sidecar.read_text(encoding="utf-8")))
                if "relations" not in want:
                    continue
                files.append(_annotated(corpus, path, want))
        return files
    finally:
        ties.use_model(previous[0])
        mention_model.use_model(previous[1])


def _annotated(corpus, path, want):
    profile = parse_profile(decode(path.read_bytes())[0])
    own_names = [profile.name, *profile.aliases]
    labels = {}
    for target, tie in sorted(want["relations"]):
        labels.setdefault(target, tie)
    by_rules = {(group_key(r.target), r.relation) for r in profile.relations}
    untyped, examples, mentions = [], [], []
    by_mention = ties.features_by_mention(profile.mentions, own_names)
    for mention, per_occurrence in zip(profile.mentions, by_mention, strict=True):
        if not mention.occurrences:
            continue
        key = group_key(mention.name)
        features = ties.mention_features(mention, per_occurrence)
        examples.append((features, labels.get(key, "none")))
        if not mention.relation:
            untyped.append((key, features))
        # (whether a tie is typed is added when the tie model's own reading is known)
        read = mention_model.mention_features(mention, per_occurrence, typed=False)
        mentions.append((key, read - {"untyped"}, bool(mention.relation)))
    return AnnotatedFile(
        corpus,
        path.name,
        want["relations"],
        by_rules,
        untyped,
        examples,
        wanted_mentions=want.get("mentions"),
        mentions=mentions,
    )


def train(files):
    """A TieModel fitted on every example of `files` (threshold left for the caller)."""
    return fit([example for f in files for example in f.examples])


def fit(examples, regularisation=REGULARISATION, min_feature_count=MIN_FEATURE_COUNT):
    """A TieModel (a softmax over linear scores) fitted on [(features, label)]; a model of
    two labels gets scores 0 and the logit, so that the softmax is the logistic."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = {}
    for _features, label in examples:
        counts[label] = counts.get(label, 0) + 1
    kept_labels = {label for label, count in counts.items() if count >= MIN_CLASS_COUNT}
    examples = [(features, label) for features, label in examples if label in kept_labels]
    seen = {}
    for features, _label in examples:
        for feature in features:
            seen[feature] = seen.get(feature, 0) + 1
    vocabulary = {feature for feature, count in seen.items() if count >= min_feature_count}
    rows = [
        {feature: 1 for feature in features if feature in vocabulary} for features, _ in examples
    ]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    classifier = LogisticRegression(C=regularisation, max_iter=5000)
    classifier.fit(matrix, [label for _, label in examples])
    classes = [str(label) for label in classifier.classes_]
    coefficients, intercepts = list(classifier.coef_), list(classifier.intercept_)
    if len(classes) == 2:
        coefficients = [[0.0] * len(coefficients[0]), coefficients[0]]
        intercepts = [0.0, intercepts[0]]
    weights = {}
    for column, feature in enumerate(vectorizer.get_feature_names_out()):
        row = [round(float(w[column]), DECIMALS) + 0.0 for w in coefficients]
        if any(row):
            weights[str(feature)] = row
    intercepts = [round(float(b), DECIMALS) + 0.0 for b in intercepts]
    return ties.TieModel(classes, intercepts, weights, threshold=1.0)


def described(score):
    """One line of the cross-validation table: a Score of ties over some files."""
    return (
        f"holds {score.holds:>3}/{score.checked:<3} precision {score.precision:6.1%} "
        f"recall {score.recall:6.1%} (right {score.right}, wrong {score.wrong}, "
        f"missing {score.missing})"
    )


def read_ties(annotated, model, threshold):
    read = set(annotated.by_rules)
    if model is None:
        return read
    for key, features in annotated.untyped:
        tie, _probability = model.decide(features, threshold)
        if tie:
            read.add((key, tie))
    if annotated.typed_by_model is not None:
        annotated.typed_by_model[threshold] = {key for key, _tie in read - annotated.by_rules}
    return read


def cross_validate(files, out=sys.stdout):
    """Leave one corpus out; returns the lowest threshold whose added ties pass
    PRECISION_TARGET."""
    rules = Score()
    by_threshold = {threshold: Score() for threshold in THRESHOLDS}
    for corpus in TUNED:
        held = [f for f in files if f.corpus == corpus]
        if not held:
            continue
        model = train([f for f in files if f.corpus != corpus])
        for annotated in held:
            annotated.typed_by_model = {}
            rules.add_set(read_ties(annotated, None, None), annotated.wanted)
            for threshold, score in by_threshold.items():
                score.add_set(read_ties(annotated, model, threshold), annotated.wanted)
    print("ties, each tuned corpus read by a model trained on the others:", file=out)
    print(f"  rules alone      {described(rules)}", file=out)
    for threshold, score in by_threshold.items():
        print(f"  threshold {threshold:<5}  {described(score)}", file=out)
    return choose_threshold(by_threshold, rules, _committed_threshold(ties.MODEL_FILE))


def _committed_threshold(path):
    """The threshold of the committed model file, if any."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))["threshold"]
    except (OSError, ValueError, KeyError):
        return None


def choose_threshold(by_threshold, rules, current=None):
    """{threshold: Score of its ties}, the Score of the rules' ties alone -> the threshold.

    What the threshold decides is the ties the model adds to the rules': the lowest
    threshold wins whose added ties are right more than PRECISION_TARGET of the time
    (precision before recall: files holding move by a file or two between neighbouring
    thresholds, noise on some 600 files, so they cannot choose); the highest when none is.
    (Until the eighth session the target was 90% of all ties, rules' included, measured on
    the twelve oldest corpora, which the rules were tuned on; across every corpus the rules
    alone are right 87% of the time, so that target could no longer say anything about the
    model.)

    A threshold counts only when every higher one is precise enough too: precision is not
    quite monotonic across thresholds, and a lone precise threshold below an imprecise one
    is luck, not a setting to trust. The `current` (committed) threshold is kept while it
    and every higher one stay within KEEP_MARGIN of the target, unless a lower one passes it
    by KEEP_MARGIN."""
    precision = {}
    for threshold, score in by_threshold.items():
        right, wrong = score.right - rules.right, score.wrong - rules.wrong
        precision[threshold] = right / (right + wrong) if right + wrong else None
    return _lowest_passing(precision, PRECISION_TARGET, max(by_threshold), current)


def _lowest_passing(precision, target, fallback, current):
    """The lowest threshold from which every higher one's precision is above `target`
    (`fallback` when none is); `current` instead while it and those above it are within
    KEEP_MARGIN of the target."""

    def lowest(bar):
        chosen = fallback
        for threshold in sorted(precision, reverse=True):
            # Strictly above: a threshold exactly at the target is at the edge of the noise.
            if precision[threshold] is not None and precision[threshold] <= bar:
                break
            chosen = threshold
        return chosen

    # (kept while no clearly worse threshold fails below it and no clearly better one
    # passes below it: the margin holds a threshold in place both ways)
    if current in precision and lowest(target - KEEP_MARGIN) <= current <= lowest(
        target + KEEP_MARGIN
    ):
        return current
    return lowest(target)


def mention_examples(files, tie_threshold):
    """{(corpus, file): [(features, label, group key)]} of the mention model for every file
    whose sidecar lists its mentions; a tie counts as typed when the rules or the
    cross-validated tie model (at `tie_threshold`) typed it."""
    examples = {}
    for annotated in files:
        if annotated.wanted_mentions is None:
            continue
        by_model = (annotated.typed_by_model or {}).get(tie_threshold, set())
        examples[annotated.corpus, annotated.name] = [
            (
                features | {"typed" if typed or key in by_model else "untyped"},
                mention_model.KEPT if key in annotated.wanted_mentions else mention_model.DROPPED,
                key,
            )
            for key, features, typed in annotated.mentions
        ]
    return examples


def cross_validate_mentions(files, tie_threshold, out=sys.stdout):
    """Leave one corpus out, as for ties; returns the drop threshold
    (`choose_drop_threshold`)."""
    examples = mention_examples(files, tie_threshold)
    wanted = {(f.corpus, f.name): f.wanted_mentions for f in files}
    by_threshold = {threshold: [0, 0, 0] for threshold in DROP_THRESHOLDS}  # right, wrong, holds
    kept_all = 0
    for corpus in TUNED:
        held = [name for name in examples if name[0] == corpus]
        if not held:
            continue
        model = fit([e[:2] for name, file in examples.items() if name[0] != corpus for e in file])
        for name in held:
            scored = [
                (key, label, model.probabilities(features).get(mention_model.DROPPED, 0.0))
                for features, label, key in examples[name]
            ]
            kept_all += {key for key, _label, _p in scored} == wanted[name]
            for threshold, counts in by_threshold.items():
                dropped = [label for _key, label, p in scored if p >= threshold]
                counts[0] += dropped.count(mention_model.DROPPED)
                counts[1] += dropped.count(mention_model.KEPT)
                counts[2] += {key for key, _label, p in scored if p < threshold} == wanted[name]
    print("mentions, each tuned corpus read by a model trained on the others:", file=out)
    print(f"  none dropped     files holding {kept_all}", file=out)
    for threshold, (right, wrong, holds) in by_threshold.items():
        print(
            f"  threshold {threshold:<5}  files holding {holds}, dropped {right + wrong} "
            f"(rightly {right}, wrongly {wrong})",
            file=out,
        )
    return choose_drop_threshold(
        {t: counts[:2] for t, counts in by_threshold.items()},
        _committed_threshold(mention_model.MODEL_FILE),
    )


def choose_drop_threshold(dropped, current=None):
    """{threshold: (names rightly dropped, wrongly dropped)} -> the lowest threshold from
    which every higher one drops rightly more than DROP_PRECISION_TARGET of the time; 1.0
    (drop none) when even the highest does not; the `current` one while it stays within
    KEEP_MARGIN of the target."""
    precision = {
        t: right / (right + wrong) if right + wrong else None
        for t, (right, wrong) in dropped.items()
    }
    return _lowest_passing(precision, DROP_PRECISION_TARGET, 1.0, current)


def model_json(model):
    """The model as JSON, one feature per line, so that a retrained model diffs readably."""
    dump = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    lines = [
        "{",
        f'"classes": {dump(model.classes)},',
        f'"intercepts": {dump(model.intercepts)},',
        f'"threshold": {dump(model.threshold)},',
        '"weights": {',
    ]
    rows = sorted(model.weights.items())
    lines += [
        f"{dump(feature)}: {dump(row)}{',' if number < len(rows) - 1 else ''}"
        for number, (feature, row) in enumerate(rows)
    ]
    lines += ["}", "}"]
    return "\n".join(lines) + "\n"


def build(out=sys.stdout):
    """The tie model and the mention model, each with its cross-validated threshold."""
    files = annotated_files()
    threshold = cross_validate(files, out)
    model = train(files)
    model.threshold = threshold
    print(
        f"tie model: {len(model.classes)} classes, {len(model.weights)} features, "
        f"threshold {threshold}, from {sum(len(f.examples) for f in files)} mentions "
        f"in {len(files)} files",
        file=out,
    )
    drop_threshold = cross_validate_mentions(files, threshold, out)
    examples = mention_examples(files, threshold)
    names = fit([e[:2] for file in examples.values() for e in file])
    names.threshold = drop_threshold
    print(
        f"mention model: {len(names.weights)} features, threshold {drop_threshold}, from "
        f"{sum(map(len, examples.values()))} mentions in {len(examples)} files",
        file=out,
    )
    return model, names


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    paths = (ties.MODEL_FILE, mention_model.MODEL_FILE)
    built = [model_json(model) for model in build()]
    if "--check" in argv:
        for path, text in zip(paths, built, strict=True):
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                sys.exit(f"{path} is stale: run python -m profiles.parsing.train_ties")
        return
    for path, text in zip(paths, built, strict=True):
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
