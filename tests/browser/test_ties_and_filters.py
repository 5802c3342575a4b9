"""In a browser, at phone and desktop widths: the drawings of ties (a profile's and
/network/), the folded filter form with the results first on a phone, the country
checkboxes and the chips of the filters in force."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser


def test_a_profile_draws_its_ties_with_links(archive, page, screenshot):
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(archive.url + "/groups/mqm-haqiqi/")
        figure = page.locator("figure#profile-ties")
        figure.scroll_into_view_if_needed()
        svg = figure.locator("svg.network-svg")
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        # Drawn at a size that can be read, within the screen.
        assert 300 <= box["width"] <= viewport["width"]
        expect(figure.locator(".network-list li")).to_have_count(4)
        screenshot(page, "profile-ties")
    # A node is a link to the other group's profile.
    page.set_viewport_size(DESKTOP)
    page.locator('figure#profile-ties svg a[href="/groups/mqm-militancy/"]').click()
    expect(page).to_have_url(re.compile(r"/groups/mqm-militancy/$"))
    expect(page.locator("h1")).to_have_text("MQM militancy")


def test_network_page(archive, page, screenshot):
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto(archive.url + "/network/")
        expect(page.locator("figure#network svg.network-svg")).to_be_visible()
        expect(page.locator("figure#network svg a.network-node")).to_have_count(2)
        screenshot(page, "network-page")


def test_results_come_first_on_a_phone(archive, page, screenshot):
    page.set_viewport_size(PHONE)
    page.goto(archive.url + "/groups/?country=PK")
    # The form is folded: its fields are hidden, the results start on the first screen.
    expect(page.locator("form.filters input[name=q]")).to_be_hidden()
    first_row = page.locator("table.groups tbody tr").first
    assert first_row.bounding_box()["y"] < PHONE["height"] / 2
    expect(page.locator(".active-filters .chip")).to_have_text(re.compile("Country: Pakistan"))
    screenshot(page, "group-list-phone-folded")
    page.locator("details.filter-fold > summary").click()
    expect(page.locator("form.filters input[name=q]")).to_be_visible()
    screenshot(page, "group-list-phone-open")


def test_the_form_is_open_on_a_wide_screen(archive, page):
    page.goto(archive.url + "/timeline/")
    expect(page.locator("details.filter-fold > summary")).to_be_hidden()
    expect(page.locator("form.filters input[name=from]")).to_be_visible()


def test_several_countries_by_ticking_and_chips_remove_them(archive, page, screenshot):
    page.goto(archive.url + "/groups/")
    boxes = page.locator("form.filters input[name=country]")
    # Only the countries with groups: Ghana, India, Pakistan.
    expect(boxes).to_have_count(3)
    page.locator("input[name=country][value=IN]").check()
    page.locator("input[name=country][value=GH]").check()
    with page.expect_navigation():
        page.locator("form.filters [type=submit]").click()
    names = page.locator("table.groups tbody th a").all_inner_texts()
    assert names == ["Border Scouts", "Harbour Watch", "Night Wardens"]
    screenshot(page, "group-list-two-countries")
    page.locator(".active-filters .chip", has_text="Ghana").click()
    expect(page).to_have_url(re.compile(r"/groups/\?country=IN&sort=name$"))
    assert page.locator("table.groups tbody th a").all_inner_texts() == [
        "Border Scouts",
        "Harbour Watch",
    ]
