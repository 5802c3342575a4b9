"""The importer's helpers for many rows at once (profiles.importing.building and
.inserting): they must give what Django's own constructor, bulk_create and bulk_update
give, on SQLite and PostgreSQL."""

import datetime

from django.db.models.signals import post_init, pre_init
from django.test import TestCase
from django.utils import timezone

from profiles.importing.building import new_row
from profiles.importing.inserting import insert_rows, update_rows
from profiles.models import Event, Group, Mention, SourceDocument
from tests.factories import make_group, make_source


def field_values(row):
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}


class NewRowTests(TestCase):
    def test_nothing_listens_to_a_row_being_made(self):
        # new_row skips Model.__init__ and so its signals: nothing may need them.
        self.assertFalse(pre_init.receivers)
        self.assertFalse(post_init.receivers)

    def test_same_values_as_the_constructor(self):
        group = make_group(name="Lake Rangers")
        values = {"group": group, "date": "1990-05", "text": "Formed.", "position": 3}
        made, built = new_row(Event, **values), Event(**values)
        self.assertEqual(field_values(made), field_values(built))
        self.assertIs(made.group, group)
        self.assertTrue(made._state.adding)

    def test_each_row_gets_its_own_mutable_default(self):
        first = new_row(SourceDocument, filename="a.txt")
        second = new_row(SourceDocument, filename="b.txt")
        first.countries.append("GH")
        self.assertEqual(second.countries, [])
        self.assertEqual(SourceDocument(filename="c.txt").countries, [])


class InsertAndUpdateTests(TestCase):
    def make_document(self, group, name):
        document = SourceDocument(
            filename=name, sha256="0" * 64, format="guidebook", raw_text="x", group=group
        )
        document.imported_at = timezone.now()
        document.save()
        return document

    def test_inserted_rows_get_their_ids_and_related_ids(self):
        group = Group(name="Lake Rangers", slug="lake-rangers")
        group.save()
        rows = [
            new_row(
                Event,
                group=group,
                date="1990",
                earliest=datetime.date(1990, 1, 1),
                latest=datetime.date(1990, 12, 31),
                text=f"Event {n}",
                position=n,
            )
            for n in range(3)
        ]
        insert_rows(Event, rows)
        self.assertTrue(all(row.pk for row in rows))
        self.assertFalse(any(row._state.adding for row in rows))
        stored = Event.objects.order_by("position")
        self.assertEqual([e.pk for e in stored], [row.pk for row in rows])
        self.assertEqual({e.group_id for e in stored}, {group.pk})

    def test_updated_rows_as_bulk_update_writes_them(self):
        first, second = make_group(name="First"), make_group(name="Second")
        documents = [self.make_document(first, "a.txt"), self.make_document(second, "b.txt")]
        documents[0].imported_rows = {"event": [[0, ["1990", "it's"], 5, ""]]}
        documents[1].imported_rows = None
        documents[0].group = second  # an object: its id is written
        documents[1].countries = []
        update_rows(SourceDocument, documents, ["imported_rows", "group", "countries"])
        stored = {d.filename: d for d in SourceDocument.objects.all()}
        self.assertEqual(stored["a.txt"].imported_rows, {"event": [[0, ["1990", "it's"], 5, ""]]})
        self.assertIsNone(stored["b.txt"].imported_rows)
        self.assertEqual(stored["a.txt"].group_id, second.pk)
        self.assertEqual(stored["b.txt"].countries, [])

    def test_updated_dates_and_empty_links(self):
        group = make_group(name="First", formation_earliest=datetime.date(1990, 1, 1))
        group.formation_earliest, group.size = datetime.date(1985, 6, 1), None
        update_rows(Group, [group], ["formation_earliest", "size"])
        group.refresh_from_db()
        self.assertEqual(group.formation_earliest, datetime.date(1985, 6, 1))
        mention = Mention.objects.create(
            group=group,
            document=make_source(group),
            name="X",
            key="x",
            quote="",
            line=1,
            target=group,
        )
        update_rows(Mention, [Mention(pk=mention.pk, target_id=None)], ["target"])
        mention.refresh_from_db()
        self.assertIsNone(mention.target_id)
