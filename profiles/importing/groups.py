"""A file's group: found or created, its values merged with a curator's, its countries."""

from difflib import SequenceMatcher

from django.db.models import Count
from django.utils.text import slugify

from profiles.models import (
    SECTION_KEYS,
    Group,
    GroupCountry,
    NameKey,
    SlugRedirect,
    SourceDocument,
)
from profiles.parsing.names import name_key
from profiles.reimport import (
    merge_values,
)
from profiles.rendering import plain_to_markdown

# Events that date the world around a group, not the group's own activity.
NOT_ACTIVITY = {"context", "publication"}


SLUG_LENGTH = Group._meta.get_field("slug").max_length


def _slug(name, codes=()):
    """The group's slug; with `codes` for a same-named group elsewhere ("...-forces-sl")."""
    slug = slugify(name) or slugify(name, allow_unicode=True) or "group"
    if not codes:
        return slug[:SLUG_LENGTH]
    suffix = "-" + "-".join(code.lower() for code in codes)
    return slug[: SLUG_LENGTH - len(suffix)] + suffix


def _groups_for(items, now, history):
    """One Group per file (files that name the same group share it), created or updated;
    and the changes held back because a curator had changed the same values."""
    # One object per group row, however it is found: two would each be written, and the
    # second would undo what the first file wrote.
    loaded = {}

    def one(group):
        return None if group is None else loaded.setdefault(group.pk, group)

    slugs = {item.filename: _slug(item.profile.name) for item in items}
    existing = {g.slug: one(g) for g in Group.objects.filter(slug__in=set(slugs.values()))}
    other_files = _countries_by_group(
        [g.pk for g in existing.values()], exclude=[i.filename for i in items]
    )
    # A file already imported keeps its group, even one a curator renamed or merged.
    by_pk = {
        pk: one(group)
        for pk, group in Group.objects.in_bulk(
            {item.existing.group_id for item in items if item.existing}
        ).items()
    }
    names = {}
    for group_id, key in NameKey.objects.filter(group__in=by_pk).values_list("group_id", "key"):
        names.setdefault(group_id, set()).add(key)
    sources = dict(
        SourceDocument.objects.filter(group__in=by_pk)
        .values("group")
        .annotate(files=Count("id"))
        .values_list("group", "files")
    )
    # The address of a group merged into another leads to the survivor.
    redirects = {
        r.old_slug: one(r.group)
        for r in SlugRedirect.objects.filter(old_slug__in=set(slugs.values())).select_related(
            "group"
        )
    }
    by_slug, groups, held, renamed, valid, before = {}, [], [], [], set(), {}
    for item in items:
        slug = slugs[item.filename]
        group = by_pk.get(item.existing.group_id) if item.existing else None
        if group is not None and not _still_describes(group, item, sources, names):
            group = None
        if group is None:
            group = by_slug.get(slug) or existing.get(slug)
            if group is not None and group.pk and _is_different_group(group, item, other_files):
                slug = _slug(item.profile.name, item.profile.countries or ["2"])
                group = by_slug.get(slug) or one(Group.objects.filter(slug=slug).first())
            group = group or redirects.get(slug)
        if group is None:
            group = Group(slug=slug, created_at=now)
        before.setdefault(id(group), _fingerprint(group))
        name = group.name
        group_held, group_valid = merge_values(
            group, item.values, item.existing.imported_values if item.existing else None
        )
        held.append(group_held)
        valid |= group_valid
        _render_sections(group, item.sections)
        if group.pk and group.name != name:
            renamed.append(group)
        group._change_reason = f"import of {item.filename}"
        by_slug[slug] = group
        groups.append(group)
    _follow_renames(renamed, history)
    unique = list({id(g): g for g in groups}.values())
    # A group whose values the files left as they were (or only held) is not written.
    changed = [g for g in unique if g.pk is None or _fingerprint(g) != before[id(g)]]
    for group in changed:
        group.updated_at = now
    new, old = [g for g in changed if g.pk is None], [g for g in changed if g.pk is not None]
    history.create(Group, new)
    history.update(Group, old, GROUP_FIELDS)
    return groups, held, valid


def _fingerprint(group):
    return [getattr(group, name) for name in GROUP_FIELDS if name != "updated_at"]


GROUP_FIELDS = [
    "name", "slug", "kind", "status", "formation_date", "formation_earliest",
    "formation_latest", "formation_precision", "termination_date", "termination_earliest",
    "termination_latest", "termination_precision", "active_start", "active_end", "size",
    "size_text", "size_date", *SECTION_KEYS, "sections_html", "imported_values", "updated_at",
]  # fmt: skip


def _still_describes(group, item, sources, names):
    """Whether a re-imported file still describes the group it was imported into: it is
    the group's only file, or its title, new or previous, is one the group goes by."""
    if sources.get(group.pk, 0) <= 1:
        return True
    known = names.get(group.pk, set()) | {name_key(group.name)}
    if name_key(item.profile.name) in known:
        return True
    # A retouched title ("The Night Wardens of Ghana" for "Night Wardens") of a name the
    # group goes by, even one a merge gave it; not a title naming another group.
    previous = ((item.existing.imported_values or {}).get("name") or [""])[0]
    return name_key(previous) in known and _resembles(previous, item.profile.name)


def _resembles(first, second):
    first, second = name_key(first), name_key(second)
    if not first or not second:
        return False
    return (
        first in second
        or second in first
        or SequenceMatcher(None, first, second, autojunk=False).ratio() >= 0.8
    )


def _follow_renames(groups, history):
    """A group a new version of its file renames takes the new name's address, unless
    that is taken; the old address redirects to it. (An import never changes a name a
    curator chose: profiles.reimport.)"""
    for group in groups:
        slug = _slug(group.name)
        if (
            slug == group.slug
            or Group.objects.filter(slug=slug).exists()
            or SlugRedirect.objects.filter(old_slug=slug).exclude(group=group).exists()
        ):
            continue
        # A name given back: its address leads to the group itself again.
        SlugRedirect.objects.filter(old_slug=slug, group=group).delete()
        redirect = SlugRedirect(old_slug=group.slug, group=group)
        redirect._change_reason = "a new version of its file renamed the group"
        history.create(SlugRedirect, [redirect])
        group.slug = slug


def profile_values(profile):
    """The group's values as this file gives them (profiles.reimport.VALUE_FIELDS), and
    the plain text of each section it gives."""
    values = {"name": [profile.name], "kind": [profile.kind], "status": [profile.status]}
    for prefix, value in (("formation", profile.formation), ("termination", profile.termination)):
        values[f"{prefix}_date"] = [
            value.edtf if value else "",
            value.earliest.isoformat() if value and value.earliest else None,
            value.latest.isoformat() if value and value.latest else None,
            value.precision if value else "",
        ]
    start, end = _active_span(profile)
    values["active_period"] = [start and start.isoformat(), end and end.isoformat()]
    values["size"] = [
        profile.size,
        profile.size_text,
        profile.size_date.edtf if profile.size_date else "",
    ]
    plain_sections = {}
    for key in SECTION_KEYS:
        # A file fills the sections it has; another file's sections of the group stay.
        if key in profile.sections or profile.format == "guidebook" and key != "narrative":
            plain_sections[key] = profile.sections.get(key, "")
            values[key] = [plain_to_markdown(plain_sections[key])]
    return values, plain_sections


def _render_sections(group, sections):
    """The HTML of the sections the file gave and the group now holds (not those a
    curator's edit kept), rendered from the plain text (profiles.importing.files):
    quicker than rendering the Markdown."""
    html = dict(group.sections_html or {})
    for key, (markdown, rendered) in sections.items():
        if getattr(group, key) == markdown:
            html[key] = rendered
    group.sections_html = {key: value for key, value in html.items() if value}


def _countries_by_group(group_ids, exclude=()):
    """group id -> the country codes its source files name (but the files in `exclude`)."""
    codes = {}
    rows = SourceDocument.objects.filter(group_id__in=group_ids).exclude(filename__in=exclude)
    for group_id, countries in rows.values_list("group_id", "countries"):
        codes.setdefault(group_id, set()).update(countries)
    return codes


def _is_different_group(group, item, other_files):
    """A group of the same name described by other files about other countries."""
    theirs = other_files.get(group.pk)
    return (
        bool(theirs) and bool(item.profile.countries) and not theirs & set(item.profile.countries)
    )


def _active_span(profile):
    """Widest possible active span: formation, else the earliest dated activity; open end."""
    end = profile.termination.latest if profile.termination else None
    if profile.formation:
        start = profile.formation.earliest
    else:
        activity = [e.date.earliest for e in profile.events if e.kind not in NOT_ACTIVITY]
        start = min(activity) if activity else None
    if start and end and start > end:
        start = min(start, profile.termination.earliest) if profile.termination else start
        if start > end:
            start = None
    return start, end


def _write_countries(groups, named_before, history):
    """Each group's countries follow what its files name, three ways: a country the files
    now name is added, one they no longer name is removed, and what a curator added or
    removed otherwise stays as the curator left it."""
    unique = {g.pk for g in groups}
    named = _countries_by_group(unique)
    have = {}
    for row in GroupCountry.objects.filter(group_id__in=unique):
        have.setdefault(row.group_id, {})[row.code] = row
    added, removed = [], []
    for group_id in unique:
        now, before = named.get(group_id, set()), named_before.get(group_id, set())
        current = have.get(group_id, {})
        added += [
            GroupCountry(group_id=group_id, code=code)
            for code in sorted(now - before)
            if code not in current
        ]
        removed += [current[code] for code in sorted(before - now) if code in current]
    history.delete(removed)
    history.create(GroupCountry, added)
