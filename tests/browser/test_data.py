"""The data pages in a browser: a reader finds /data/, reads the codebook, downloads a
table and a release's file; screenshots at desktop and phone widths, none wider than the
screen."""

import pytest
from playwright.sync_api import expect

from profiles.dataset.releases import cut_release
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_screenshots import SMALL_PHONE, horizontal_overflow

pytestmark = pytest.mark.browser

PAGES = [
    ("data", "/data/"),
    ("data-codebook", "/data/codebook/"),
    ("data-release", "/data/1.0.0/"),
    ("timeline", "/timeline/"),
    ("source-list", "/sources/"),
]


@pytest.fixture
def released(archive, settings, tmp_path):
    """The seed archive with release 1.0.0 cut into the test's own folder."""
    settings.RELEASES_DIR = tmp_path / "releases"
    cut_release("1.0.0", notes="The seed profiles.")
    return archive


@pytest.mark.parametrize(
    "viewport", [DESKTOP, PHONE, SMALL_PHONE], ids=["desktop", "phone", "small-phone"]
)
def test_data_pages_screenshots(released, page, screenshot, viewport):
    page.set_viewport_size(viewport)
    too_wide = {}
    for name, path in PAGES:
        page.goto(released.url + path)
        if name == "data":
            page.get_by_text("Files and SHA-256 checksums").click()  # open the details
        screenshot(page, name)
        if overflow := horizontal_overflow(page):
            too_wide[path] = overflow
    assert too_wide == {}, f"pages wider than {viewport['width']} px, by so many px"


def test_a_reader_finds_the_data_reads_the_codebook_and_downloads(released, page):
    page.goto(released.url + "/")
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Data").click()
    expect(page.get_by_role("heading", name="Data", exact=True)).to_be_visible()
    expect(page.get_by_text("Release 1.0.0")).to_be_visible()
    expect(page.get_by_text("The seed profiles.")).to_be_visible()

    page.get_by_role("link", name="codebook").first.click()
    expect(page.get_by_role("heading", name="Codebook")).to_be_visible()
    page.get_by_role("link", name="Ties between groups").click()
    expect(page.locator("#ties-relation")).to_be_in_viewport()

    page.goto(released.url + "/data/")
    with page.expect_download() as download:
        page.get_by_role("link", name="groups.csv").first.click()
    text = download.value.path().read_text(encoding="utf-8")
    assert text.startswith("id,slug,name,kind,status,")
    assert "MQM Haqiqi" in text

    page.get_by_role("link", name="Release 1.0.0").click()
    expect(page.get_by_role("heading", name="Release 1.0.0")).to_be_visible()
    expect(page.get_by_text("the first release: every group is new")).to_be_visible()


def test_a_profile_names_its_release_in_its_citation(released, page):
    page.goto(released.url + "/groups/mqm-haqiqi/")
    citation = page.locator("#cite")
    expect(citation.get_by_role("link", name="release 1.0.0")).to_be_visible()
    expect(citation).to_contain_text("(Version 1.0.0) [Data set]")
