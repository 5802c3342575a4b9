"""The ties as a picture: each profile's ties to two steps, and /network/ for the archive."""

import re
from unittest import mock

from django.core.cache import cache
from django.test import SimpleTestCase, TestCase

from profiles.models import Relation
from profiles.network import (
    FOCUS,
    GROUP,
    UNARCHIVED,
    Node,
    canvas_for,
    draw,
    tie,
    tie_path,
)
from tests.factories import make_group, make_relationship

A, B, C = ("group", 1), ("group", 2), ("group", 3)


class TieReadingTests(SimpleTestCase):
    def test_a_tie_stated_from_either_side_is_one_tie(self):
        # "A splinter of B" in A's text, "B has splinter A" in B's.
        self.assertEqual(tie(A, "splinter_of", B), tie(B, "has_splinter", A))
        self.assertEqual(tie(B, "absorbed", A), tie(A, Relation.MERGED_INTO, B))
        self.assertEqual(tie(A, "sponsor_of", B).relation, "sponsored_by")
        self.assertEqual(tie(A, "sponsor_of", B).source, B)

    def test_ties_without_a_direction_are_one_whichever_side_states_them(self):
        self.assertEqual(tie(A, "ally_of", B), tie(B, "ally_of", A))
        self.assertEqual(tie(C, "rival_of", A), tie(A, "rival_of", C))
        self.assertNotEqual(tie(A, "ally_of", B), tie(A, "rival_of", B))

    def test_an_unknown_relation_is_drawn_as_mentioned_with(self):
        self.assertEqual(tie(A, "something_new", B).relation, "mentioned_with")


class DrawingTests(SimpleTestCase):
    def nodes(self, count):
        return {
            ("group", index): Node(("group", index), f"Group {index}", f"/groups/g{index}/", GROUP)
            for index in range(count)
        }

    def test_every_node_and_arrow_inside_the_drawing(self):
        nodes = self.nodes(12)
        ties = [tie(("group", i), "splinter_of", ("group", (i * 5) % 12)) for i in range(1, 12)]
        ties = [t for t in ties if t.source != t.target]
        drawing = draw(nodes, ties)
        self.assertEqual(len(drawing.nodes), 12)
        self.assertEqual(len(drawing.ties), len(set(ties)))
        for node in drawing.nodes:
            self.assertTrue(0 <= node.x <= drawing.width, node)
            self.assertTrue(0 <= node.y <= drawing.height, node)
            for _, label_y in node.lines:
                self.assertLessEqual(label_y, drawing.height)
        for drawn in drawing.ties:
            numbers = [float(n) for n in re.findall(r"-?\d+\.\d", drawn.path)]
            self.assertEqual(len(numbers), 6, drawn.path)
            for x, y in zip(numbers[::2], numbers[1::2], strict=True):
                self.assertTrue(-50 <= x <= drawing.width + 50 and -50 <= y <= drawing.height + 50)

    def test_the_same_ties_give_the_same_picture(self):
        nodes = self.nodes(8)
        ties = [tie(("group", i), "ally_of", ("group", i + 1)) for i in range(7)]
        self.assertEqual(draw(nodes, ties), draw(nodes, list(reversed(ties))))

    def test_two_ties_of_one_pair_are_drawn_apart(self):
        nodes = self.nodes(2)
        ties = [
            tie(("group", 0), "splinter_of", ("group", 1)),
            tie(("group", 1), "rival_of", ("group", 0)),
        ]
        first, second = draw(nodes, ties).ties
        self.assertNotEqual(first.path, second.path)
        # Each is bowed to its own side: their control points differ.
        self.assertNotEqual(first.path.split("Q")[1], second.path.split("Q")[1])
        self.assertEqual({first.directed, second.directed}, {True, False})

    def test_legend_lists_only_the_kinds_drawn_each_with_colour_and_dash(self):
        nodes = self.nodes(3)
        drawing = draw(
            nodes,
            [
                tie(("group", 0), "splinter_of", ("group", 1)),
                tie(("group", 1), "rival_of", ("group", 2)),
            ],
        )
        self.assertEqual([entry.relation for entry in drawing.legend], ["splinter_of", "rival_of"])
        splinter, rival = drawing.legend
        # Told apart by more than colour: one is solid with an arrow, the other dashed.
        self.assertEqual((splinter.dash, splinter.directed), ("", True))
        self.assertTrue(rival.dash)
        self.assertFalse(rival.directed)

    def test_a_focus_sits_in_the_middle_of_its_ties(self):
        nodes = self.nodes(7)
        nodes[("group", 0)] = Node(("group", 0), "Centre", "/groups/c/", FOCUS)
        ties = [tie(("group", 0), "ally_of", ("group", i)) for i in range(1, 7)]
        drawing = draw(nodes, ties, focus=("group", 0))
        centre = next(node for node in drawing.nodes if node.role == FOCUS)
        xs = [node.x for node in drawing.nodes if node.role != FOCUS]
        self.assertLess(min(xs), centre.x)
        self.assertGreater(max(xs), centre.x)

    def test_long_names_wrap_on_two_lines_at_most(self):
        name = "All Pakistan Muttahidda Students Organization of the Capital"
        nodes = {A: Node(A, name, "", UNARCHIVED)}
        (node,) = draw(nodes, []).nodes
        self.assertEqual(len(node.lines), 2)
        self.assertTrue(node.lines[1][0].endswith("…"))
        self.assertEqual(node.name, name)

    def test_a_few_nodes_get_a_smaller_drawing(self):
        few = canvas_for({A: (0, 0), B: (1, 0)}, 960)
        many = canvas_for({("group", i): (i % 10, i // 10) for i in range(100)}, 960)
        self.assertLess(few[0], many[0])
        self.assertEqual(many[0], 960)

    def test_path_stops_short_of_its_ends(self):
        path = tie_path(0, 0, 100, 0, 0, 10, 12)
        self.assertEqual(path, "M10.0,0.0 Q50.0,0.0 88.0,0.0")


class ProfileDrawingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alpha = make_group("Alpha Front", countries=["PK"])
        cls.beta = make_group("Beta Army", countries=["PK"])
        cls.gamma = make_group("Gamma Brigade", countries=["IN"])
        cls.delta = make_group("Delta Cell", countries=["IN"])
        make_relationship(cls.alpha, "Beta Army", "splinter_of", target=cls.beta)
        # The same tie, stated in Beta's text: drawn once.
        make_relationship(cls.beta, "Alpha Front", "has_splinter", target=cls.alpha)
        make_relationship(cls.alpha, "Ghost Legion", "ally_of")
        make_relationship(cls.gamma, "Beta Army", "rival_of", target=cls.beta)
        # Three steps from Alpha: not in its drawing.
        make_relationship(cls.delta, "Gamma Brigade", "ally_of", target=cls.gamma)

    def figure(self, response):
        content = response.content.decode()
        start = content.index('<figure class="network" id="profile-ties">')
        return content[start : content.index("</figure>", start)]

    def test_ties_to_two_steps_each_node_a_link(self):
        response = self.client.get("/groups/alpha-front/")
        figure = self.figure(response)
        svg = figure[figure.index("<svg") : figure.index("</svg>")]
        self.assertIn('<a href="/groups/beta-army/" class="network-node group">', svg)
        self.assertIn('<a href="/groups/gamma-brigade/" class="network-node group">', svg)
        self.assertIn('<a href="/groups/alpha-front/" class="network-node focus">', svg)
        self.assertNotIn("delta-cell", figure)
        # A name without a profile is drawn, not linked.
        self.assertIn("<title>Ghost Legion (no profile)</title>", svg)
        self.assertEqual(svg.count("<path d="), 3 + 1)  # three ties and one arrowhead
        self.assertIn('marker-end="url(#profile-ties-arrow-splinter_of)"', svg)
        self.assertIn('<marker id="profile-ties-arrow-splinter_of"', svg)
        self.assertIn('stroke-dasharray="8 3"', svg)  # the rivalry
        self.assertIn('<title id="profile-ties-title">', svg)
        self.assertIn('aria-labelledby="profile-ties-title"', svg)

    def test_the_list_beside_gives_every_tie_in_words(self):
        figure = self.figure(self.client.get("/groups/alpha-front/"))
        listed = figure[figure.index('<ul class="network-list">') :]
        lines = [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip()
            for item in re.findall(r"<li>(.*?)</li>", listed, re.S)
        ]
        self.assertEqual(
            lines,
            [
                "Alpha Front splinter of Beta Army",
                "Alpha Front ally of Ghost Legion (no profile)",
                "Beta Army rival of Gamma Brigade",
            ],
        )

    def test_no_drawing_without_ties(self):
        make_group("Lonely Band")
        response = self.client.get("/groups/lonely-band/")
        self.assertNotContains(response, 'class="network"')

    def test_query_count(self):
        # Building the snapshot as in test_pages.ProfileQueryCountMixin, without the name
        # lookup as the group has no text (the direct ties come with the profile's
        # relationships), with the ties of the groups it is tied to.
        with self.assertNumQueries(18):
            self.client.get("/groups/alpha-front/")
        # Drawn once, into the snapshot: the last change, the snapshot, the release.
        cache.clear()
        with self.assertNumQueries(3):
            self.client.get("/groups/alpha-front/")

    def test_only_names_without_profiles_need_no_second_query(self):
        lone = make_group("Lone Wolves")
        make_relationship(lone, "Nobody Here", "ally_of")
        with self.assertNumQueries(17):
            response = self.client.get("/groups/lone-wolves/")
        self.assertContains(response, "<title>Nobody Here (no profile)</title>")

    def test_a_group_with_very_many_ties_draws_a_bounded_number(self):
        hub = make_group("Hub Front")
        for index in range(50):
            make_relationship(hub, f"Cell {index:02d}", "part_of" if index % 2 else "ally_of")
        with mock.patch("profiles.selectors.network.MAX_PROFILE_NODES", 10):
            response = self.client.get("/groups/hub-front/")
        figure = self.figure(response)
        svg = figure[figure.index("<svg") : figure.index("</svg>")]
        self.assertEqual(svg.count("<circle "), 10)
        self.assertIn("drawn only in part", figure)


class NetworkPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alpha = make_group("Alpha Front", countries=["PK"])
        cls.beta = make_group("Beta Army", countries=["PK"])
        cls.gamma = make_group("Gamma Brigade", countries=["IN"])
        make_group("Lonely Band", countries=["PK"])
        make_relationship(cls.alpha, "Beta Army", "splinter_of", target=cls.beta)
        make_relationship(cls.gamma, "Beta Army", "ally_of", target=cls.beta)
        make_relationship(cls.alpha, "Ghost Legion", "ally_of")

    def test_whole_archive(self):
        response = self.client.get("/network/")
        self.assertEqual(response.status_code, 200)
        drawing = response.context["drawing"]
        self.assertEqual(
            sorted(node.name for node in drawing.nodes),
            ["Alpha Front", "Beta Army", "Gamma Brigade"],
        )
        self.assertEqual(len(drawing.ties), 2)
        self.assertContains(
            response, '<a href="/groups/gamma-brigade/" class="network-node group">'
        )
        # Names without a profile belong to the profiles' drawings.
        self.assertNotContains(response, "Ghost Legion")
        self.assertContains(response, "3 of 3 groups with ties drawn.")

    def test_country_filter_keeps_ties_whose_two_groups_match(self):
        response = self.client.get("/network/?country=pk")
        drawing = response.context["drawing"]
        self.assertEqual(sorted(node.name for node in drawing.nodes), ["Alpha Front", "Beta Army"])
        self.assertContains(response, "matching these filters")

    def test_period_filter(self):
        response = self.client.get("/network/?active_from=1990&active_to=2000")
        self.assertEqual(response.status_code, 200)
        # Undated groups may have been active then: they stay.
        self.assertEqual(len(response.context["drawing"].nodes), 3)

    def test_nothing_to_draw(self):
        response = self.client.get("/network/?country=GH")
        self.assertContains(response, "No two groups matching these filters are tied")

    def test_bad_parameters_are_form_errors(self):
        for query in ("country=XX", "active_from=abc", "active_from=2000&active_to=1990"):
            with self.subTest(query=query):
                response = self.client.get(f"/network/?{query}")
                self.assertEqual(response.status_code, 400)

    def test_bounded_to_the_most_connected(self):
        hub = make_group("Hub Front")
        for index in range(8):
            make_relationship(make_group(f"Cell {index}"), "Hub Front", "part_of", target=hub)
        with mock.patch("profiles.selectors.network.MAX_NETWORK_NODES", 4):
            response = self.client.get("/network/")
        drawing = response.context["drawing"]
        self.assertEqual(len(drawing.nodes), 4)
        self.assertIn("Hub Front", [node.name for node in drawing.nodes])
        self.assertEqual(drawing.total, 12)
        self.assertContains(response, "Only the most connected groups are drawn")

    def test_query_count(self):
        # 1 the archive's last change, 2 the ties among the matching groups, 3 the drawn
        # groups' names and addresses, 4 the countries with groups (the country picker).
        with self.assertNumQueries(4):
            self.client.get("/network/?country=PK&active_to=2000")
        with self.assertNumQueries(3):  # the picker's countries are cached now
            self.client.get("/network/")
        # Laid out once per archive change and filters.
        with self.assertNumQueries(1):
            self.client.get("/network/")


class MostConnectedTests(SimpleTestCase):
    def test_whole_neighbourhoods_of_the_most_connected_first(self):
        from profiles.selectors.network import most_connected

        # Hub 1 has four ties, hub 10 three; 20-21 is a pair apart.
        neighbours = {
            1: {2, 3, 4, 5},
            2: {1},
            3: {1},
            4: {1, 10},
            5: {1},
            10: {4, 11, 12},
            11: {10},
            12: {10},
            20: {21},
            21: {20},
        }
        self.assertEqual(most_connected(neighbours, 5), [1, 4, 2, 3, 5])
        self.assertEqual(most_connected(neighbours, 8), [1, 4, 2, 3, 5, 10, 11, 12])
        self.assertEqual(most_connected(neighbours, 100)[-2:], [20, 21])


class LabelTests(SimpleTestCase):
    def test_a_label_that_would_cover_another_goes_above_its_node(self):
        from profiles.network import place_labels

        nodes = {
            key: Node(key, name, "", GROUP)
            for key, name in [(A, "Upper Front"), (B, "Lower Front"), (C, "Far Away Front")]
        }
        # B sits just under A: below it, its label would cover A's.
        labels = place_labels(nodes, {A: (100.0, 100.0), B: (104.0, 112.0), C: (400.0, 300.0)})
        ((a_line, a_y),) = labels[A]
        ((b_line, b_y),) = labels[B]
        self.assertGreater(a_y, 100)  # below A
        self.assertLess(b_y, 112)  # above B
        self.assertGreater(labels[C][0][1], 300)
