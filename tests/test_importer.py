"""The import command: idempotence, updates, atomicity, bad input, encodings, dry runs."""

import hashlib
import io
import shutil
from pathlib import Path
from unittest import mock

from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.test import TestCase

from profiles.importing import writing
from profiles.models import Alias, Citation, Event, Group, Reference, Relationship, SourceDocument

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

GUIDEBOOK = """\
Lanterns of Varn (Ruritania)

Country: Ruritania
Details of Formation: Merchants of Zenda raised the Lanterns of Varn in March 1971.
Details of Termination: The militia was disbanded in 1979.
Purpose: To guard the river markets.
Size: About 800 members in 1975.
Reason for Membership: --
References: news sources listed in the PGMD
"""
ENCYCLOPEDIA = """\
Night Wardens

The Night Wardens are a volunteer militia in Ghana.[1]

[2] The Night Wardens were founded in 1988 and fought against the Lanterns of Varn.[3][4]
"""


def run_import(*paths, dry_run=False):
    """(stdout, stderr, exit code) of the import command."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_profiles", *map(str, paths), dry_run=dry_run, stdout=out, stderr=err)
    except CommandError as error:
        code = error.returncode
    return out.getvalue(), err.getvalue(), code


def table_counts():
    models = (Group, SourceDocument, Event, Reference, Citation, Relationship, Alias)
    return {model.__name__: model.objects.count() for model in models}


# The sentence of the seed MQM Haqiqi that states its breakaway from the MQM (line 4).
HAQIQI_BREAKAWAY = (
    "Afaq Ahmad and Amir Khan, two high-ranking members of MQM, together with four other "
    "members of the provincial assembly formed the breakaway faction MQM Haqiqi and took over "
    "the MQM headquarters In 1992 after Pakistani military operation against the group."
)


class ImportTestCase(TestCase):
    def setUp(self):
        self.folder = Path(self.enterContext(_temporary_folder()))

    def write(self, name, content, encoding="utf-8"):
        path = self.folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path


class _temporary_folder:
    def __enter__(self):
        import tempfile

        self.path = tempfile.mkdtemp()
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path)


class IdempotenceAndUpdateTests(ImportTestCase):
    def test_reimporting_unchanged_files_changes_nothing(self):
        self.write("lanterns.txt", GUIDEBOOK)
        self.write("wardens.txt", ENCYCLOPEDIA)
        out, err, code = run_import(self.folder)
        self.assertEqual((code, err), (0, ""))
        self.assertIn("2 created", out)
        before = table_counts()
        stamps = list(Group.objects.values_list("slug", "updated_at"))

        out, err, code = run_import(self.folder)
        self.assertEqual(code, 0)
        self.assertIn("0 created, 0 updated, 2 unchanged", out)
        self.assertEqual(table_counts(), before)
        self.assertEqual(list(Group.objects.values_list("slug", "updated_at")), stamps)

    def test_changed_file_updates_its_profile_without_duplicates(self):
        path = self.write("lanterns.txt", GUIDEBOOK)
        run_import(path)
        before = table_counts()
        path.write_text(GUIDEBOOK.replace("About 800 members", "About 1,200 members"))

        out, _err, code = run_import(path)
        self.assertEqual(code, 0)
        self.assertIn("1 updated", out)
        self.assertEqual(table_counts(), before)
        group = Group.objects.get()
        self.assertEqual(group.size, 1200)
        self.assertEqual(group.sources.get().sha256, hashlib.sha256(path.read_bytes()).hexdigest())

    def test_renamed_group_in_new_version_replaces_the_old_group(self):
        path = self.write("lanterns.txt", GUIDEBOOK)
        run_import(path)
        path.write_text(
            GUIDEBOOK.replace("Lanterns of Varn (Ruritania)", "Varn Lanterns (Ruritania)")
        )
        run_import(path)
        self.assertEqual(list(Group.objects.values_list("name", flat=True)), ["Varn Lanterns"])
        self.assertEqual(SourceDocument.objects.count(), 1)

    def test_same_name_in_another_country_is_another_group(self):
        def in_country(name):
            return GUIDEBOOK.replace("Ruritania", name)

        run_import(self.write("lanterns_togo.txt", in_country("Togo")))
        run_import(self.write("lanterns_ghana.txt", in_country("Ghana")))
        self.assertEqual(
            sorted(Group.objects.values_list("slug", flat=True)),
            ["lanterns-of-varn", "lanterns-of-varn-gh"],
        )

    def test_links_do_not_depend_on_import_order(self):
        guide = self.write("lanterns.txt", GUIDEBOOK)
        extract = self.write("wardens.txt", ENCYCLOPEDIA)
        run_import(extract)
        tie = Relationship.objects.get(relation="rival_of")
        self.assertIsNone(tie.target)
        run_import(guide)
        tie.refresh_from_db()
        self.assertEqual(tie.target.slug, "lanterns-of-varn")


class AtomicityTests(ImportTestCase):
    def test_a_file_the_database_refuses_leaves_nothing_and_others_are_imported(self):
        self.write("a_lanterns.txt", GUIDEBOOK)
        self.write("b_wardens.txt", ENCYCLOPEDIA)
        real = writing._write_rows

        def refuse_wardens(items, *args):
            if any(item.filename == "b_wardens.txt" for item in items):
                real(items, *args)  # half of the work is done, then the failure
                raise DatabaseError("simulated failure")
            return real(items, *args)

        with mock.patch.object(writing, "_write_rows", refuse_wardens):
            out, err, code = run_import(self.folder)
        self.assertEqual(code, 1)
        self.assertIn("b_wardens.txt:1: not imported: simulated failure", err)
        self.assertEqual(list(Group.objects.values_list("name", flat=True)), ["Lanterns of Varn"])
        self.assertFalse(Event.objects.filter(group__name="Night Wardens").exists())
        self.assertFalse(SourceDocument.objects.filter(filename="b_wardens.txt").exists())


class BadInputTests(ImportTestCase):
    def assert_rejected(self, name, content, line, message):
        bad = self.write(name, content)
        good = self.write("good.txt", GUIDEBOOK)
        out, err, code = run_import(bad, good)
        self.assertEqual(code, 1)
        self.assertIn(f"{bad}:{line}: {message}", err)
        self.assertFalse(SourceDocument.objects.filter(filename=name).exists())
        self.assertTrue(SourceDocument.objects.filter(filename="good.txt").exists())
        self.assertIn("1 created", out)
        self.assertIn("1 failed", out)

    def test_empty_file(self):
        self.assert_rejected("empty.txt", "  \n\n", 1, "empty file")

    def test_binary_file(self):
        self.assert_rejected("binary.txt", b"Title\nline two\x00\x01\x02", 2, "binary file")

    def test_file_without_title(self):
        self.assert_rejected("notitle.txt", "Country: Ruritania\nSize: 50 men\n", 1, "no title")

    def test_field_given_twice_with_different_values(self):
        text = GUIDEBOOK.replace(
            "Reason for Membership: --", "Reason for Membership: --\nSize: 900 members"
        )
        self.assert_rejected(
            "twice.txt", text, 9, 'field "Size" given twice with different values (first on line 7)'
        )

    def test_missing_file(self):
        missing = self.folder / "missing.txt"
        out, err, code = run_import(missing, self.write("good.txt", GUIDEBOOK))
        self.assertEqual(code, 1)
        self.assertIn(f"{missing}:1: no such file", err)
        self.assertEqual(Group.objects.count(), 1)

    def test_same_field_twice_with_the_same_value_is_accepted(self):
        text = GUIDEBOOK + "Purpose: To guard the river markets.\n"
        _out, err, code = run_import(self.write("same.txt", text))
        self.assertEqual((code, err), (0, ""))


class EncodingTests(ImportTestCase):
    def test_bom_crlf_and_windows_1252_are_decoded(self):
        text = GUIDEBOOK.replace("Zenda", "Zénda").replace("Lanterns of Varn", "Lanternas de Várn")
        self.write("bom.txt", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
        run_import(self.folder / "bom.txt")
        group = Group.objects.get()
        self.assertEqual(group.name, "Lanternas de Várn")
        self.assertIn("Zénda", group.formation)
        self.assertEqual(group.formation_year, 1971)

        Group.objects.all().delete()
        self.write("latin.txt", text.encode("cp1252"))
        run_import(self.folder / "latin.txt")
        group = Group.objects.get()
        self.assertEqual(group.name, "Lanternas de Várn")
        self.assertEqual(group.sources.get().encoding, "windows-1252")


class DryRunTests(ImportTestCase):
    def test_dry_run_reports_and_writes_nothing(self):
        self.write("lanterns.txt", GUIDEBOOK)
        out, _err, code = run_import(self.folder, dry_run=True)
        self.assertEqual(code, 0)
        self.assertIn("would be created Lanterns of Varn", out)
        self.assertIn("Dry run: 1 created", out)
        self.assertEqual(Group.objects.count(), 0)
        self.assertEqual(SourceDocument.objects.count(), 0)


class SeedTests(TestCase):
    """The two files the archive started with (fixtures/), read end to end."""

    @classmethod
    def setUpTestData(cls):
        run_import(FIXTURES)

    def test_haqiqi_facts(self):
        haqiqi = Group.objects.get(slug="mqm-haqiqi")
        self.assertEqual(list(haqiqi.countries.values_list("code", flat=True)), ["PK"])
        self.assertEqual((haqiqi.formation_year, haqiqi.termination_year), (1992, 1994))
        self.assertEqual(haqiqi.size, 500)
        dates = set(haqiqi.events.values_list("date", flat=True))
        self.assertTrue({"1992", "1994-11", "1995", "1995-03"} <= dates)

    def test_haqiqi_links_to_mqm_and_its_ally(self):
        ties = {
            (r.relation, r.target_name, r.target.slug if r.target else None)
            for r in Relationship.objects.filter(source__slug="mqm-haqiqi")
        }
        self.assertIn(("splinter_of", "MQM", "mqm-militancy"), ties)
        self.assertIn(("ally_of", "Soldiers of the Companions of the Prophet", None), ties)

    def test_mqm_has_the_alias_stated_in_the_other_file(self):
        mqm = Group.objects.get(slug="mqm-militancy")
        names = mqm.aliases.filter(kind__in=["stated", "claim"]).values_list("name", flat=True)
        self.assertIn("Muttahida Qaumi Movement", names)
        markers = sorted(mqm.references.values_list("marker", flat=True))
        self.assertEqual(markers, [1, 2, 4, 20, 21, 22, 24, 25])
        self.assertTrue(mqm.events.filter(date="1991").exists())

    def test_paragraph_leading_markers_cite_the_left_out_sentence(self):
        citation = Citation.objects.get(group__slug="mqm-militancy", reference__marker=2)
        self.assertEqual(citation.statement, "")
        self.assertIsNone(citation.event)


class SeedJsonTests(TestCase):
    """The foundation's acceptance checks, through the public JSON twins."""

    @classmethod
    def setUpTestData(cls):
        run_import(FIXTURES)

    def profile(self, slug):
        return self.client.get(f"/groups/{slug}/?format=json").json()

    def test_haqiqi_profile(self):
        haqiqi = self.profile("mqm-haqiqi")
        self.assertEqual(haqiqi["countries"], ["PK"])
        self.assertEqual(
            (haqiqi["active_from"], haqiqi["active_to"], haqiqi["size"]), (1992, 1994, 500)
        )
        dates = [event["date"] for event in haqiqi["events"]]
        self.assertTrue({"1992", "1994-11", "1995", "1995-03"} <= set(dates))
        related = {(r["relation"], r["slug"], r["name"]) for r in haqiqi["related"]}
        self.assertIn(("splinter_of", "mqm-militancy", "MQM"), related)
        self.assertIn(("ally_of", None, "Soldiers of the Companions of the Prophet"), related)

    def test_mqm_profile_shows_the_link_back_and_the_other_file_alias(self):
        mqm = self.profile("mqm-militancy")
        self.assertIn("Muttahida Qaumi Movement", mqm["aliases"])
        self.assertEqual([r["marker"] for r in mqm["references"]], [1, 2, 4, 20, 21, 22, 24, 25])
        self.assertIn("1991", [event["date"] for event in mqm["events"]])
        self.assertIn(
            {
                "slug": "mqm-haqiqi",
                "name": "MQM Haqiqi",
                "relation": "has_splinter",
                "inverse": True,
                # Stated in Haqiqi's file: its breakaway sentence.
                "evidence": [
                    {
                        "file": "004_6d5b354a8c919a76.txt",
                        "line": 4,
                        "quote": HAQIQI_BREAKAWAY,
                        "url": "/sources/004_6d5b354a8c919a76.txt/#L4",
                    }
                ],
            },
            mqm["related"],
        )

    def test_list_filters(self):
        by_country = self.client.get("/groups/?format=json&country=PK").json()
        self.assertEqual(
            {g["slug"] for g in by_country["results"]}, {"mqm-haqiqi", "mqm-militancy"}
        )
        late = self.client.get("/groups/?format=json&active_from=1996&active_to=2000").json()
        self.assertNotIn("mqm-haqiqi", {g["slug"] for g in late["results"]})

    def test_reimport_changes_no_byte_of_any_profile(self):
        before = {
            slug: self.client.get(f"/groups/{slug}/?format=json").content
            for slug in ("mqm-haqiqi", "mqm-militancy")
        }
        run_import(FIXTURES)
        for slug, content in before.items():
            self.assertEqual(self.client.get(f"/groups/{slug}/?format=json").content, content)
