"""The benchmark corpus generator writes varied, well-formed, linkable profiles."""

import re

import pytest

from bench.make_corpus import LABELS, main, unique_word, write_corpus

N = 20
SEED = "7"
RELATION = re.compile(
    r"(?:broke away from|a splinter of|fought against|allied with|financed by|"
    r"sponsored by|armed by|the youth wing of|a unit of|a rival of|merged into|"
    r"successor to|antagonist was) (?:the )?"
)
MARKER = re.compile(r"\[\d+\]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    directory = tmp_path_factory.mktemp("corpus")
    stats = write_corpus(N, directory, SEED)
    files = sorted(directory.iterdir())
    return stats, {path.name: path.read_bytes() for path in files}


def is_guidebook(text):
    return text.splitlines()[2].startswith("Country:")


def group_name(text):
    title = text.splitlines()[0]
    return re.sub(r" \([^()]*\)$", "", title) if is_guidebook(text) else title


def test_writes_numbered_files(corpus):
    stats, files = corpus
    assert list(files) == [f"profile_{i:05d}.txt" for i in range(1, N + 1)]
    assert stats.files == N
    assert stats.bytes == sum(len(data) for data in files.values())


def test_files_are_well_formed(corpus):
    _, files = corpus
    for name, data in files.items():
        text = data.decode("utf-8")
        lines = text.splitlines()
        assert 1024 <= len(data) <= 3072, (name, len(data))
        assert 8 <= len(lines) <= 20, (name, len(lines))
        assert lines[0].strip() and lines[0] == lines[0].strip(), name
        assert lines[1] == "", name
        assert "\r" not in text and "\t" not in text
        if is_guidebook(text):
            labels = [line.split(":", 1)[0] for line in lines[2:] if ":" in line]
            present = [label for label in labels if label in LABELS]
            assert present[0] == "Country" and present[-1] == "References", name
            assert present == sorted(present, key=LABELS.index), name  # guidebook order
            assert re.fullmatch(r".+ \([^()]+\)", lines[0]), name
            country = lines[2].removeprefix("Country: ").split(", ")[0]
            assert lines[0].endswith(f"({country})"), name
            assert not MARKER.search(text), name
        else:
            # Paragraphs separated by single blank lines.
            body = lines[2:]
            assert all(body[i] for i in range(0, len(body), 2)), name
            assert all(not body[i] for i in range(1, len(body), 2)), name


def test_corpus_is_varied(corpus):
    stats, files = corpus
    texts = [data.decode("utf-8") for data in files.values()]
    guidebook = [t for t in texts if is_guidebook(t)]
    encyclopedia = [t for t in texts if not is_guidebook(t)]
    assert len(guidebook) >= 5 and len(encyclopedia) >= 5
    names = [group_name(t) for t in texts]
    assert len(set(names)) == N
    assert all(len(name.split()) >= 2 for name in names)
    assert len(stats.countries) >= 3
    everything = "\n".join(texts)
    assert any(MARKER.search(t) for t in encyclopedia)
    assert re.search(r"\](?:\[\d+\])+", everything), "stacked markers"
    assert re.search(r"^\[\d+\]", everything, re.MULTILINE), "marker at a paragraph start"
    assert any(re.search(r"^\w[\w ]+: --$", t, re.MULTILINE) for t in guidebook), "-- fields"
    assert re.search(r" \([A-Z]{3,}\)", everything), "acronyms"
    assert "also known as" in everything
    # Date forms: month-year, day-month-year, ranges and decades all occur.
    assert re.search(
        r"\b(?:January|February|March|April|May|June|July|August|September|"
        r"October|November|December) \d{4}\b",
        everything,
    )
    assert re.search(r"\bbetween \d{4} and \d{4}\b|\b\d{4}–\d{4}\b", everything)
    assert re.search(r"\b(?:early |mid-|late )?\d{3}0s\b", everything)
    years = {int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", everything)}
    assert min(years) >= 1895 and max(years) <= 2022
    assert re.search(
        r"\b\d{1,3}(?:,\d{3})+ (?:members|fighters|volunteers|men|patrollers|recruits)\b"
        r"|between [\d,]+ and [\d,]+",
        everything,
    ), "sizes"


def test_cross_references_name_other_generated_groups(corpus):
    _, files = corpus
    texts = {name: data.decode("utf-8") for name, data in files.items()}
    names = {group_name(text): file for file, text in texts.items()}
    links = 0
    for file, text in texts.items():
        own = group_name(text)
        for other, other_file in names.items():
            if other == own:
                continue
            if re.search(RELATION.pattern + re.escape(other), text):
                assert other_file != file
                links += 1
    assert links >= N // 2


def test_deterministic_for_a_seed(tmp_path, corpus):
    _, files = corpus
    write_corpus(N, tmp_path / "again", SEED)
    write_corpus(N, tmp_path / "other", "8")
    again = {p.name: p.read_bytes() for p in (tmp_path / "again").iterdir()}
    other = {p.name: p.read_bytes() for p in (tmp_path / "other").iterdir()}
    assert again == files
    assert other != files


def test_names_are_unique_by_construction():
    words = [unique_word(SEED, i) for i in range(20000)]
    assert len(set(words)) == len(words)


def test_command_line(tmp_path, capsys):
    assert main(["3", str(tmp_path / "out"), "--seed", "2"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "profile_00001.txt",
        "profile_00002.txt",
        "profile_00003.txt",
    ]
    assert "wrote 3 files" in capsys.readouterr().err
