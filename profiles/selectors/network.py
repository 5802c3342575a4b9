"""The ties the drawings show: a group's own ties to two steps (its profile), and the ties
among the groups of the whole archive or of some countries and years (/network/).

Both are bounded, so that a drawing stays legible and fast whatever the archive holds:
a profile draws its direct ties first, then the groups two steps away that most of them
share; /network/ draws the most connected groups.
"""

import heapq
from collections import Counter

from django.db.models import Q

from profiles.models import Group, Relationship
from profiles.network import FOCUS, GROUP, UNARCHIVED, Node, tie

# The most groups and names one profile's drawing shows.
MAX_PROFILE_NODES = 40
# The most groups /network/ draws (the most connected of those matching the filters).
# Below networkx's 500, where its spring layout would need scipy.
MAX_NETWORK_NODES = 80

TIE_FIELDS = (
    "source_id",
    "source__name",
    "source__slug",
    "target_id",
    "target__name",
    "target__slug",
    "target_name",
    "target_key",
    "relation",
)


def group_node(pk, name, slug, role=GROUP):
    return Node(key=("group", pk), name=name, url=Group(slug=slug).get_absolute_url(), role=role)


def ends_of(row):
    """The two nodes of a tie row (a values() dict of TIE_FIELDS)."""
    source = group_node(row["source_id"], row["source__name"], row["source__slug"])
    if row["target_id"] is not None:
        target = group_node(row["target_id"], row["target__name"], row["target__slug"])
    else:
        # A name the text gives that has no profile (yet): one node per name key.
        target = Node(key=("name", row["target_key"]), name=row["target_name"], role=UNARCHIVED)
    return source, target


def profile_ties(group):
    """({key: Node}, [Tie], total): the group, the groups and names tied to it, and those
    tied to them in turn, with the ties between them; `total` counts the nodes before
    the bound.

    `group` comes from profile_queryset(), whose prefetched relationships give the direct
    ties: one query reads the neighbours' ties, none when no neighbour has a profile.
    """
    focus = group_node(group.pk, group.name, group.slug, role=FOCUS)
    nodes = {focus.key: focus}
    ties = set()
    for row in group.relationships.all():
        if row.target is not None:
            target = group_node(row.target_id, row.target.name, row.target.slug)
        else:
            target = Node(key=("name", row.target_key), name=row.target_name, role=UNARCHIVED)
        nodes.setdefault(target.key, target)
        ties.add(tie(focus.key, row.relation, target.key))
    for row in group.inverse_relationships.all():
        source = group_node(row.source_id, row.source.name, row.source.slug)
        nodes.setdefault(source.key, source)
        ties.add(tie(source.key, row.relation, focus.key))
    near = [key for key in nodes if key != focus.key]
    # The direct ties come first; past the bound, those to groups with profiles first.
    near.sort(key=lambda key: (key[0] != "group", nodes[key].name.casefold(), key))
    kept = {focus.key, *near[: MAX_PROFILE_NODES - 1]}

    neighbour_ids = [key[1] for key in near if key[0] == "group" and key in kept]
    second = {}  # node key -> Node, the groups and names two steps away
    second_ties = set()
    if neighbour_ids:
        rows = (
            Relationship.objects.filter(
                Q(source_id__in=neighbour_ids) | Q(target_id__in=neighbour_ids)
            )
            .exclude(source=group)
            .exclude(target=group)
            .order_by()
            .values(*TIE_FIELDS)
        )
        for row in rows:
            source, target = ends_of(row)
            for node in (source, target):
                if node.key not in nodes:
                    second.setdefault(node.key, node)
            second_ties.add(tie(source.key, row["relation"], target.key))
    # Those tied to most of the direct ties first, so shared neighbours are kept.
    links = Counter()
    for t in second_ties:
        for key in (t.source, t.target):
            if key in second:
                links[key] += 1
    room = MAX_PROFILE_NODES - len(kept)
    ranked = sorted(second, key=lambda key: (-links[key], second[key].name.casefold(), key))
    kept.update(ranked[: max(room, 0)])
    total = len(nodes) + len(second)
    drawn_nodes = {key: node for key, node in {**nodes, **second}.items() if key in kept}
    drawn_ties = [
        t for t in ties | second_ties if t.source in drawn_nodes and t.target in drawn_nodes
    ]
    return drawn_nodes, drawn_ties, total


def network_ties(groups=None):
    """({key: Node}, [Tie], total) among the `groups` (a Group queryset; None for every
    group): at most MAX_NETWORK_NODES groups, the most connected first, each with the
    groups it is tied to, and the ties between them; `total` counts every group with a
    tie. Two queries: the ties, then the drawn groups' names."""
    rows = Relationship.objects.filter(target__isnull=False)
    if groups is not None:
        rows = rows.filter(source__in=groups, target__in=groups)
    rows = rows.order_by().values_list("source_id", "relation", "target_id")
    ties = {
        tie(("group", source), relation, ("group", target)) for source, relation, target in rows
    }
    neighbours = {}
    for t in ties:
        neighbours.setdefault(t.source, set()).add(t.target)
        neighbours.setdefault(t.target, set()).add(t.source)
    chosen = most_connected(neighbours, MAX_NETWORK_NODES)
    names = Group.objects.filter(pk__in=[key[1] for key in chosen]).values_list(
        "pk", "name", "slug"
    )
    nodes = {("group", pk): group_node(pk, name, slug) for pk, name, slug in names}
    kept = [t for t in ties if t.source in nodes and t.target in nodes]
    return nodes, kept, len(neighbours)


def most_connected(neighbours, limit):
    """Up to `limit` keys: the one with the most ties, then the keys it is tied to (the
    most connected first), then the next most connected not yet taken, and so on; so the
    drawing shows whole neighbourhoods rather than hubs without their ties. Equal counts
    go by the older (smaller) id, which is stable."""

    degree = {key: len(keys) for key, keys in neighbours.items()}

    def rank(key):
        return (-degree[key], key)

    chosen, taken = [], set()
    # No more hubs than places: the few most connected of (maybe) thousands.
    for hub in heapq.nsmallest(limit, neighbours, key=rank):
        if len(chosen) >= limit:
            break
        for key in [hub, *sorted(neighbours[hub] - taken - {hub}, key=rank)]:
            if key not in taken and len(chosen) < limit:
                taken.add(key)
                chosen.append(key)
    return chosen
