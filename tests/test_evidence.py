"""Evidence, mentions and doubts: where each coded value was read, the other groups a
text names, and the values a curator chooses between (issue 9, points 3 to 5)."""

import shutil
import tempfile
from datetime import date
from pathlib import Path
from unittest import mock

from django.contrib.auth import get_user_model
from django.test import TestCase

from profiles.importing import files as importing_files
from profiles.importing import import_paths
from profiles.models import Doubt, Evidence, Group, Mention, Relationship
from profiles.parsing.profile import parse_profile
from profiles.parsing.types import (
    Candidate,
    ParsedDoubt,
    ParsedMention,
    UncertainDate,
)
from profiles.parsing.types import (
    Evidence as ParsedEvidence,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HAQIQI = "004_6d5b354a8c919a76.txt"
MQM = "000_ef2fb72884147521.txt"

GUIDEBOOK = """{name} (Ghana)

Country: Ghana
Details of Formation: The {name} was formed in March 1991.
Details of Termination: --
Purpose: To guard the villages.
Organisation: --
Weapons and Training: --
Size: --
Reason for Membership: --
Treatment of Civilians: --
Other Information: {other}
References: --
"""


def with_parsed(extra):
    """Patch the importer's parser: `extra(profile, text)` adds to what it reads (the
    parser's mentions and doubts are filled in elsewhere; these tests build their own)."""

    def parse(text):
        profile = parse_profile(text)
        extra(profile, text)
        return profile

    return mock.patch.object(importing_files, "parse_profile", parse)


class FileCase(TestCase):
    def setUp(self):
        self.folder = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.folder)

    def write(self, filename, text):
        path = self.folder / filename
        path.write_text(text, encoding="utf-8")
        return path


# --- The seeds: MQM Haqiqi's JSON gives the sentence behind each value ------------------


class SeedEvidenceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        import_paths([FIXTURES])

    def setUp(self):
        self.data = self.client.get("/groups/mqm-haqiqi/?format=json").json()

    def test_each_value_quotes_its_sentence_and_line(self):
        evidence = self.data["evidence"]
        formation, termination, size = (evidence[k] for k in ("formation", "termination", "size"))
        self.assertEqual(len(formation), 1)
        self.assertEqual((formation[0]["file"], formation[0]["line"]), (HAQIQI, 4))
        self.assertIn("In 1992", formation[0]["quote"])
        self.assertIn("November 1994", termination[0]["quote"])
        self.assertIn("500 members", size[0]["quote"])
        self.assertEqual(evidence["countries"]["PK"][0]["quote"], "Country: Pakistan")
        self.assertEqual(formation[0]["url"], f"/sources/{HAQIQI}/#L{formation[0]['line']}")

    def test_the_mqm_tie_quotes_the_breakaway_sentence(self):
        tie = next(r for r in self.data["related"] if r["relation"] == "splinter_of")
        self.assertEqual(tie["slug"], "mqm-militancy")
        self.assertEqual(len(tie["evidence"]), 1)
        self.assertIn("formed the breakaway faction MQM Haqiqi", tie["evidence"][0]["quote"])
        self.assertEqual(tie["evidence"][0]["line"], 4)

    def test_every_url_opens_the_source_page_at_its_line(self):
        evidence = self.data["evidence"]
        items = [item for key in ("formation", "termination", "size", "kind", "status")
                 for item in evidence[key]]  # fmt: skip
        items += [item for items in evidence["countries"].values() for item in items]
        items += [item for tie in self.data["related"] for item in tie["evidence"]]
        self.assertGreater(len(items), 6)
        for item in items:
            path, _, line = item["url"].partition("#L")
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, item["url"])
            content = response.content.decode()
            self.assertIn(f'id="L{line}"', content)
            # The quoted sentence is on that line of the page.
            start = content.index(f'id="L{line}"')
            row = content[start : content.index("</li>", start)]
            self.assertIn(item["quote"][:40].replace("'", "&#x27;"), row)

    def test_the_profile_page_expands_each_fact_to_its_quote(self):
        response = self.client.get("/groups/mqm-haqiqi/")
        self.assertContains(response, '<details class="evidence">', count=None)
        self.assertContains(response, f'href="/sources/{HAQIQI}/#L4"')
        self.assertContains(response, "<q>In November 1994, the Haqiqis lost official")
        self.assertContains(response, f'href="/sources/{HAQIQI}/#L9"')

    def test_the_source_page_numbers_every_line_and_keeps_its_content(self):
        response = self.client.get(f"/sources/{HAQIQI}/")
        text = (FIXTURES / HAQIQI).read_text(encoding="utf-8").rstrip("\n").split("\n")
        for number in range(1, len(text) + 1):
            self.assertContains(response, f'<li id="L{number}">')
        self.assertNotContains(response, f'id="L{len(text) + 1}"')
        self.assertContains(response, '<section id="references">')
        self.assertContains(response, '<section id="events">')

    def test_a_value_a_curator_set_shows_as_the_curators(self):
        group = Group.objects.get(slug="mqm-haqiqi")
        group.formation_date = "1991"
        group.formation_earliest, group.formation_latest = date(1991, 1, 1), date(1991, 12, 31)
        group.save()
        data = self.client.get("/groups/mqm-haqiqi/?format=json").json()
        self.assertEqual(data["evidence"]["formation"][0]["curator"], True)
        self.assertIsNone(data["evidence"]["formation"][0]["file"])
        # The others are still the file's.
        self.assertEqual(data["evidence"]["termination"][0]["file"], HAQIQI)
        response = self.client.get("/groups/mqm-haqiqi/")
        self.assertContains(response, "Set by a curator")

    def test_a_tie_a_curator_added_shows_as_the_curators(self):
        group = Group.objects.get(slug="mqm-haqiqi")
        Relationship.objects.create(
            source=group, target_name="Sindh Police", target_key="sindh police", relation="ally_of"
        )
        data = self.client.get("/groups/mqm-haqiqi/?format=json").json()
        tie = next(r for r in data["related"] if r["name"] == "Sindh Police")
        self.assertEqual(tie["evidence"], [
            {"curator": True, "file": None, "line": None, "quote": None, "url": None}
        ])  # fmt: skip


# --- Re-imports: a file's evidence is replaced, never duplicated ------------------------


class ReimportEvidenceTests(FileCase):
    def test_a_new_version_moves_the_evidence_with_its_lines(self):
        path = self.write("wardens.txt", GUIDEBOOK.format(name="Night Wardens", other="--"))
        import_paths([path])
        before = Evidence.objects.get(field="formation")
        self.assertEqual(before.line, 4)
        text = GUIDEBOOK.format(name="Night Wardens", other="--").replace(
            "\nCountry:", "\nNote: a new line.\nCountry:"
        )
        path.write_text(text, encoding="utf-8")
        import_paths([path])
        self.assertEqual(Evidence.objects.filter(field="formation").count(), 1)
        self.assertEqual(Evidence.objects.get(field="formation").line, 5)
        self.assertEqual(Evidence.objects.filter(field="country", key="GH").count(), 1)

    def test_a_refused_file_writes_no_evidence(self):
        self.write("a.txt", GUIDEBOOK.format(name="Night Wardens", other="--"))
        self.write("b.txt", "")  # empty: refused
        import_paths([self.folder])
        self.assertEqual(set(Evidence.objects.values_list("document__filename", flat=True)),
                         {"a.txt"})  # fmt: skip


# --- Mentions: linked to their profile whichever file comes first ------------------------


def mention_lake_rangers(profile, text):
    if "Lake Rangers" in text and not profile.name.startswith("Lake"):
        line = text[: text.index("Lake Rangers")].count("\n") + 1
        quote = text.split("\n")[line - 1].removeprefix("Other Information: ")
        profile.mentions.append(ParsedMention("Lake Rangers", ParsedEvidence(line, quote)))


class MentionTests(FileCase):
    def files(self):
        hunters = self.write(
            "hunters.txt",
            GUIDEBOOK.format(
                # No tie the parser reads: the mention is the only link between the two.
                name="Hunters Watch",
                other="The Hunters Watch was compared with the Lake Rangers.",
            ),
        )
        lake = self.write("lake.txt", GUIDEBOOK.format(name="Lake Rangers", other="--"))
        return hunters, lake

    def assert_linked(self):
        mention = Mention.objects.get(name="Lake Rangers")
        self.assertEqual(mention.target.slug, "lake-rangers")
        self.assertEqual(mention.line, 12)
        self.assertEqual(mention.relation, "")
        response = self.client.get("/groups/hunters-watch/")
        self.assertContains(response, '<a href="/groups/lake-rangers/">Lake Rangers</a>')
        self.assertNotContains(response, "Also named here")
        data = self.client.get("/groups/hunters-watch/?format=json").json()
        self.assertEqual(data["mentions"], [{
            "name": "Lake Rangers", "slug": "lake-rangers", "relation": None,
            "file": "hunters.txt", "line": 12,
            "quote": "The Hunters Watch was compared with the Lake Rangers.",
            "url": "/sources/hunters.txt/#L12",
        }])  # fmt: skip

    def test_the_mention_first_links_when_its_profile_arrives(self):
        hunters, lake = self.files()
        with with_parsed(mention_lake_rangers):
            import_paths([hunters])
            self.assertIsNone(Mention.objects.get().target)
            response = self.client.get("/groups/hunters-watch/")
            self.assertContains(response, "Also named here")
            self.assertContains(response, '<span class="mention-name">Lake Rangers</span>')
            import_paths([lake])
        self.assert_linked()

    def test_the_profile_first_links_the_mention_at_once(self):
        hunters, lake = self.files()
        with with_parsed(mention_lake_rangers):
            import_paths([lake])
            import_paths([hunters])
        self.assert_linked()

    def test_a_mention_of_the_group_itself_links_nowhere(self):
        def mention_itself(profile, text):
            profile.mentions.append(ParsedMention(profile.name, ParsedEvidence(1, profile.name)))

        path = self.write("a.txt", GUIDEBOOK.format(name="Night Wardens", other="--"))
        with with_parsed(mention_itself):
            import_paths([path])
        self.assertIsNone(Mention.objects.get().target)

    def test_a_mention_without_a_sentence_is_kept_without_a_line(self):
        """A name read from a tie the parser found no sentence for is still imported (line
        0, no quote), and the profile page shows it."""

        def mention_without_evidence(profile, text):
            profile.mentions.append(ParsedMention("Lake Rangers", None, "part_of"))

        path = self.write("hunters.txt", GUIDEBOOK.format(name="Hunters Watch", other="--"))
        with with_parsed(mention_without_evidence):
            import_paths([path])
        mention = Mention.objects.get()
        self.assertEqual((mention.name, mention.line, mention.quote), ("Lake Rangers", 0, ""))
        response = self.client.get("/groups/hunters-watch/")
        self.assertContains(response, "Lake Rangers")


# --- Doubts: stored, flagged, decided in one click, not asked again ----------------------

TERMINATION = UncertainDate(
    "1994-11", date(1994, 11, 1), date(1994, 11, 30), "month", "November 1994"
)


def doubt_termination(profile, text):
    profile.termination = None  # the parser asserts nothing it doubts
    profile.doubts.append(
        ParsedDoubt(
            "termination",
            "a crackdown, which the text does not say ended the group",
            [
                Candidate("Nov 1994 (crackdown)", TERMINATION, ParsedEvidence(11, "Crushed.")),
                Candidate("still active", None, ParsedEvidence(4, "Formed.")),
            ],
        )
    )


class DoubtTests(FileCase):
    def setUp(self):
        super().setUp()
        self.path = self.write("wardens.txt", GUIDEBOOK.format(name="Night Wardens", other="--"))
        with with_parsed(doubt_termination):
            import_paths([self.path])
        self.group = Group.objects.get(slug="night-wardens")
        self.curator = get_user_model().objects.create_superuser("carla", "c@example.org", "pw")
        self.client.force_login(self.curator)

    def test_an_import_stores_the_doubt_and_flags_the_group(self):
        doubt = Doubt.objects.get()
        self.assertEqual((doubt.field, doubt.status), ("termination", "open"))
        self.assertEqual(doubt.candidates[0]["value"]["edtf"], "1994-11")
        self.assertEqual(doubt.candidates[0]["line"], 11)
        self.assertIsNone(doubt.candidates[1]["value"])
        self.assertTrue(self.group.needs_review)
        self.assertIn("Termination: a crackdown", self.group.import_warnings)
        self.assertEqual(self.group.termination_date, "")

    def test_the_group_page_offers_one_button_per_candidate(self):
        response = self.client.get(f"/admin/profiles/group/{self.group.pk}/change/")
        doubt = Doubt.objects.get()
        self.assertContains(response, f'name="_choose_doubt" value="{doubt.pk}:0"')
        self.assertContains(response, f'name="_choose_doubt" value="{doubt.pk}:1"')
        self.assertContains(response, "Nov 1994 (crackdown)")
        # Evidence beside the fields.
        self.assertContains(response, 'href="/sources/wardens.txt/#L4"')

    def choose(self, index):
        doubt = Doubt.objects.get()
        return self.client.post(
            f"/admin/profiles/group/{self.group.pk}/change/",
            {"_choose_doubt": f"{doubt.pk}:{index}"},
        )

    def test_one_click_decides_the_doubt_in_the_curators_name(self):
        response = self.choose(0)
        self.assertRedirects(response, f"/admin/profiles/group/{self.group.pk}/change/")
        group = Group.objects.get(pk=self.group.pk)
        self.assertEqual(group.termination_date, "1994-11")
        self.assertEqual(group.termination_latest, date(1994, 11, 30))
        self.assertEqual(group.active_end, date(1994, 11, 30))
        doubt = Doubt.objects.get()
        self.assertEqual(
            (doubt.status, doubt.chosen, doubt.decided_by), ("decided", 0, self.curator)
        )
        record = group.history.first()
        self.assertEqual(record.history_user, self.curator)
        self.assertIn("doubt decided", record.history_change_reason)
        self.assertNotIn("Termination: a crackdown", group.import_warnings)
        # The public JSON shows the value as the curator's.
        data = self.client.get("/groups/night-wardens/?format=json").json()
        self.assertEqual(data["termination"], "1994-11")
        self.assertTrue(data["evidence"]["termination"][0]["curator"])

    def test_a_reimport_does_not_ask_again_and_keeps_the_choice(self):
        self.choose(0)
        self.path.write_text(self.path.read_text() + "\n", encoding="utf-8")
        with with_parsed(doubt_termination):
            import_paths([self.path])
        self.assertEqual(list(Doubt.objects.values_list("status", flat=True)), ["decided"])
        self.assertEqual(Group.objects.get(pk=self.group.pk).termination_date, "1994-11")

    def test_a_doubt_the_file_no_longer_raises_goes(self):
        self.path.write_text(self.path.read_text() + "\n", encoding="utf-8")
        import_paths([self.path])
        self.assertFalse(Doubt.objects.exists())

    def test_a_decided_doubt_cannot_be_decided_twice(self):
        self.choose(1)
        response = self.choose(0)
        self.assertEqual(Group.objects.get(pk=self.group.pk).termination_date, "")
        messages = [str(m) for m in response.wsgi_request._messages]
        self.assertTrue(any("decided meanwhile" in m for m in messages))

    def test_a_view_only_user_cannot_decide(self):
        viewer = get_user_model().objects.create_user("vic", password="pw", is_staff=True)
        from django.contrib.auth.models import Permission

        viewer.user_permissions.add(
            Permission.objects.get(codename="view_group", content_type__app_label="profiles")
        )
        self.client.force_login(viewer)
        response = self.choose(0)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Doubt.objects.get().status, "open")

    def test_a_forged_choice_is_a_404(self):
        response = self.client.post(
            f"/admin/profiles/group/{self.group.pk}/change/", {"_choose_doubt": "x:²"}
        )
        self.assertEqual(response.status_code, 404)

    def test_the_choice_needs_the_csrf_token(self):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(self.curator)
        doubt = Doubt.objects.get()
        response = client.post(
            f"/admin/profiles/group/{self.group.pk}/change/",
            {"_choose_doubt": f"{doubt.pk}:0"},
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Doubt.objects.get().status, "open")


class ArchiveDictionaryTests(FileCase):
    """The real parser, with the archive's own names as its dictionary."""

    def test_a_name_with_no_telltale_shape_is_found_once_the_archive_knows_it(self):
        witdoeke = self.write("w.txt", GUIDEBOOK.format(name="Witdoeke", other="--"))
        hunters = self.write(
            "h.txt",
            GUIDEBOOK.format(name="Hunters Watch", other="Its men fought beside the Witdoeke."),
        )
        import_paths([witdoeke])
        import_paths([hunters])
        mention = Mention.objects.get(group__name="Hunters Watch", name="Witdoeke")
        self.assertEqual(mention.target.name, "Witdoeke")
        self.assertEqual((mention.line, mention.quote), (12, "Its men fought beside the Witdoeke."))

    def test_a_shaped_name_is_found_and_links_in_either_order(self):
        front = self.write("f.txt", GUIDEBOOK.format(name="Ridge Liberation Front", other="--"))
        hunters = self.write(
            "h.txt",
            GUIDEBOOK.format(name="Hunters Watch", other="It fought the Ridge Liberation Front."),
        )
        import_paths([hunters])
        mention = Mention.objects.get(group__name="Hunters Watch")
        self.assertEqual(
            (mention.name, mention.relation, mention.target),
            ("Ridge Liberation Front", "rival_of", None),
        )
        import_paths([front])
        mention.refresh_from_db()
        self.assertEqual(mention.target.name, "Ridge Liberation Front")


class MentionAndTieTests(FileCase):
    def test_a_group_listed_under_its_tie_is_not_listed_again_as_a_mention(self):
        path = self.write(
            "hunters.txt",
            GUIDEBOOK.format(
                name="Hunters Watch",
                other="The Hunters Watch fought against the Lake Liberation Front."
                " It was often compared with the Delta Peace Front.",
            ),
        )
        import_paths([path])
        self.assertEqual(
            set(Mention.objects.values_list("name", flat=True)),
            {"Lake Liberation Front", "Delta Peace Front"},
        )
        page = self.client.get("/groups/hunters-watch/").content.decode()
        mentions = page[page.index('id="mentions"') :]
        self.assertIn("Delta Peace Front", mentions)
        self.assertNotIn("Lake Liberation Front", mentions)
        self.assertIn("Lake Liberation Front", page[: page.index('id="mentions"')])
