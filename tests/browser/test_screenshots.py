"""Full-page screenshots of the main pages at desktop and phone widths, for people to look
at in test-artifacts/screenshots/; and what a machine can check on them: the stylesheet is
applied and no page is wider than the screen."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

PAGES = [
    ("home", "/"),
    ("group-list", "/groups/"),
    ("group-list-error", "/groups/?active_from=2000&active_to=1990"),
    ("profile-guidebook", "/groups/mqm-haqiqi/"),
    ("profile-encyclopedia", "/groups/mqm-militancy/"),
    ("network", "/network/"),
    ("timeline-filtered", "/timeline/?country=PK&from=1990"),
    ("group-list-search-misspelled", "/groups/?q=haqiqui"),
]
# --paper in static/css/site.css: the browser's own default would be white.
PAPER = "rgb(253, 252, 248)"
SMALL_PHONE = {"width": 360, "height": 740}


def horizontal_overflow(page):
    """How many pixels the page is wider than its window (0 when it fits)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots(archive, page, screenshot, viewport):
    page.set_viewport_size(viewport)
    too_wide = {}
    for name, path in PAGES:
        page.goto(archive.url + path)
        expect(page.locator("body")).to_have_css("background-color", PAPER)
        screenshot(page, name)
        if overflow := horizontal_overflow(page):
            too_wide[path] = overflow
    assert too_wide == {}, f"pages wider than {viewport['width']} px, by so many px"


def test_every_page_fits_a_small_phone(archive, page):
    page.set_viewport_size(SMALL_PHONE)
    too_wide = {}
    for _, path in PAGES:
        page.goto(archive.url + path)
        if overflow := horizontal_overflow(page):
            too_wide[path] = overflow
    assert too_wide == {}
