"""Browser tests: real Chromium, driven by Playwright, reading pages from pytest-django's
live server (which also serves the static files, so the CSS is there as in production).

Chromium is the Debian package at /usr/bin/chromium (or the path in $CHROMIUM): Playwright's
own browser download is not used. Without it these tests skip locally, and fail when
CI=true, so that CI cannot pass without running them.
"""

import io
import os
import re
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect, sync_playwright

from profiles.models import GroupKind, Precision
from tests.factories import make_group

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # No connections of Chromium's own (updates, sync, field trials): the tests talk only
    # to the live server, and a closed network refuses the others.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def running_in_ci():
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all the browser tests, closed after the last of them."""
    if not Path(CHROMIUM).is_file():
        reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if running_in_ci():
            pytest.fail(f"{reason}: CI must run the browser tests", pytrace=False)
        pytest.skip(reason)
    # Playwright's sync API runs an asyncio event loop in this thread, so Django sees a
    # running loop and refuses ORM calls here (SynchronousOnlyOperation) although every
    # call is synchronous. Allowed only while the browser runs; the live server answers
    # from its own thread.
    with pytest.MonkeyPatch.context() as environment, sync_playwright() as playwright:
        environment.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page (no cookies, no history) at desktop width."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    # Every page is served locally in milliseconds: a missing element fails fast.
    context.set_default_timeout(5_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def archive(live_server):
    """The seed profiles in fixtures/ and a few groups elsewhere; returns the live server.

    live_server makes the test transactional, so the server's thread sees these rows and
    they are flushed after the test.
    """
    call_command("import_profiles", str(FIXTURES), stdout=io.StringIO())
    make_group(
        "Harbour Watch",
        countries=["IN"],
        kind=GroupKind.PRO_GOVERNMENT_MILITIA,
        **years_active(1971, 1979),
    )
    make_group("Border Scouts", countries=["PK", "IN"], **years_active(2001, 2009))
    make_group(
        "Night Wardens",
        countries=["GH"],
        formation_date="198X",
        formation_earliest=date(1980, 1, 1),
        formation_latest=date(1989, 12, 31),
        formation_precision=Precision.DECADE,
        active_start=date(1980, 1, 1),
    )
    return live_server


def years_active(first, last):
    """The fields the importer stores for "formed in FIRST, disbanded in LAST"."""
    return {
        "formation_date": str(first),
        "formation_earliest": date(first, 1, 1),
        "formation_latest": date(first, 12, 31),
        "formation_precision": Precision.YEAR,
        "termination_date": str(last),
        "termination_earliest": date(last, 1, 1),
        "termination_latest": date(last, 12, 31),
        "termination_precision": Precision.YEAR,
        "active_start": date(first, 1, 1),
        "active_end": date(last, 12, 31),
    }


@pytest.fixture
def screenshot():
    """save(page, name): a full-page PNG at test-artifacts/screenshots/NAME-WIDTH.png, for
    people to look at."""

    def save(page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}-{page.viewport_size['width']}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return save


CURATOR_PASSWORD = "a long curator passphrase"


@pytest.fixture
def curator_page(archive, page, settings, tmp_path):
    """The browser page signed in to the admin as carla, a superuser; uploads are staged
    in the test's own folder."""
    settings.UPLOAD_STAGING_DIR = tmp_path / "uploads"
    get_user_model().objects.create_superuser("carla", "carla@example.org", CURATOR_PASSWORD)
    page.goto(archive.url + "/admin/login/")
    page.fill("input[name=username]", "carla")
    page.fill("input[name=password]", CURATOR_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page
