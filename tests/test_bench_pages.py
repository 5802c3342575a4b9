"""The page benchmark's corpus generator writes consistent rows, the importer's way."""

import pytest
from django.db.models import Count, F, Min

from bench.page_corpus import generate
from profiles.models import (
    Alias,
    Citation,
    Event,
    Group,
    GroupCountry,
    NameKey,
    Reference,
    Relationship,
    SourceDocument,
)

GROUPS = 30
EVENTS = 300
NOT_ACTIVITY = {"context", "publication"}


@pytest.fixture
def counts(db):
    return generate(groups=GROUPS, events=EVENTS, seed="3")


def test_writes_the_rows_it_reports(counts):
    models = [
        Group,
        SourceDocument,
        GroupCountry,
        Alias,
        NameKey,
        Reference,
        Event,
        Citation,
        Relationship,
    ]
    assert {m._meta.model_name: m.objects.count() for m in models} == counts
    assert counts["group"] == GROUPS
    assert counts["sourcedocument"] == GROUPS
    assert counts["event"] == EVENTS
    assert counts["reference"] >= GROUPS
    # About one citation for each of half the events.
    assert EVENTS * 0.25 < counts["citation"] < EVENTS * 0.75


def test_every_group_has_one_to_three_countries_and_its_source(counts):
    per_group = dict(Group.objects.annotate(n=Count("countries")).values_list("id", "n"))
    assert len(per_group) == GROUPS
    assert all(1 <= n <= 3 for n in per_group.values())
    for doc in SourceDocument.objects.all():
        codes = sorted(
            GroupCountry.objects.filter(group=doc.group_id).values_list("code", flat=True)
        )
        assert sorted(doc.countries) == codes
        assert doc.raw_text.startswith(doc.group.name)


def test_dates_and_active_span_as_the_importer_fills_them(counts):
    groups = list(Group.objects.all())
    assert any(g.formation_precision == "decade" for g in groups) or any(
        g.formation_date.endswith("~") for g in groups
    )
    first_activity = dict(
        Event.objects.exclude(kind__in=NOT_ACTIVITY)
        .values("group")
        .annotate(first=Min("earliest"))
        .values_list("group", "first")
    )
    for group in groups:
        for prefix in ("formation", "termination"):
            earliest = getattr(group, f"{prefix}_earliest")
            latest = getattr(group, f"{prefix}_latest")
            if getattr(group, f"{prefix}_date"):
                assert earliest <= latest
                assert getattr(group, f"{prefix}_precision")
            else:
                assert earliest is None and latest is None
        assert group.active_end == group.termination_latest
        if group.formation_date:
            assert group.active_start == group.formation_earliest
        elif group.active_start is not None:
            assert group.active_start == first_activity[group.pk]
        if group.active_start and group.active_end:
            assert group.active_start <= group.active_end


def test_events_citations_and_ties_point_at_their_own_group(counts):
    assert not Event.objects.filter(earliest__gt=F("latest")).exists()
    assert not Event.objects.exclude(document__group=F("group")).exists()
    assert set(Event.objects.values_list("group", flat=True)) <= set(
        Group.objects.values_list("id", flat=True)
    )
    assert not Citation.objects.exclude(event__group=F("group")).exists()
    assert not Citation.objects.exclude(reference__group=F("group")).exists()
    assert not Citation.objects.filter(reference__marker__isnull=True).exists()
    assert not Relationship.objects.filter(target=F("source")).exists()
    linked = Relationship.objects.filter(target__isnull=False)
    assert linked.exists()
    assert not linked.exclude(target_name=F("target__name")).exists()
    assert Relationship.objects.filter(target__isnull=True).exists()


def test_sections_html_is_what_saving_the_group_renders(counts):
    for group in Group.objects.all():
        stored = {key: html for key, html in group.sections_html.items() if html}
        group.render_sections()
        assert stored == group.sections_html
    assert Group.objects.filter(narrative__contains="[1]").exists()


def test_same_arguments_same_rows_and_new_rows_get_fresh_ids(counts):
    def snapshot():
        return (
            list(
                Group.objects.order_by("id").values_list("slug", "formation_date", "active_start")
            ),
            list(Event.objects.order_by("id").values_list("group", "date", "text")),
        )

    first = snapshot()
    Group.objects.all().delete()
    Alias.objects.all().delete()
    generate(groups=GROUPS, events=EVENTS, seed="3")
    assert snapshot() == first
    # The id sequences were moved past the ids the generator chose.
    country = GroupCountry.objects.create(group_id=1, code="ZZ")
    assert country.pk > counts["groupcountry"]


def test_refuses_a_non_empty_archive(counts):
    with pytest.raises(ValueError):
        generate(groups=2, events=4)


def test_pages_render_on_the_generated_rows(counts, client):
    busiest = Event.objects.values("group").annotate(n=Count("id")).order_by("-n").first()
    slug = Group.objects.get(pk=busiest["group"]).slug
    assert client.get(f"/groups/{slug}/").status_code == 200
    code = GroupCountry.objects.values_list("code", flat=True).first()
    response = client.get(f"/groups/?country={code}&active_from=1990&active_to=2000")
    assert response.status_code == 200
    assert client.get("/").status_code == 200
