"""The Content-Security-Policy in Chromium: no page of the site, public or admin, makes
the browser refuse anything (an inline style or script, a file from elsewhere), so the
policy costs nothing visible. Screenshots of the admin under the policy are saved."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from profiles.models import Group, SourceDocument

pytestmark = pytest.mark.browser

PASSWORD = "a long curator passphrase"


@pytest.fixture
def console_errors(page):
    """Every console error and CSP violation the page reports, as text.

    Not the 404s: the not-found page is one on purpose, and Chromium asks for a favicon
    the site does not have (a missing stylesheet shows in the computed style instead).
    """
    errors = []

    def record(message):
        if message.type == "error" and "status of 404" not in message.text:
            errors.append(message.text)

    page.on("console", record)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("load")
    return response


def test_public_pages_break_no_rule_of_the_policy(archive, page, console_errors, screenshot):
    source = SourceDocument.objects.order_by("filename").first()
    paths = [
        "/",
        "/groups/",
        "/groups/?q=militia&country=PK",
        "/groups/mqm-haqiqi/",
        "/timeline/",
        "/countries/",
        "/countries/PK/",
        "/sources/",
        f"/sources/{source.filename}/",
        "/about/",
        "/network/",
        "/data/",
        "/data/codebook/",
        "/no-such-page/",
    ]
    for path in paths:
        response = visit(page, archive.url + path)
        policy = response.headers["content-security-policy"]
        assert "unsafe-inline" not in policy and "default-src 'none'" in policy, path
        # The stylesheet applied: the header is laid out by site.css, not the browser's
        # defaults (a refused stylesheet would leave the list's bullets).
        assert (
            page.eval_on_selector(
                ".site-header nav ul", "element => getComputedStyle(element).listStyleType"
            )
            == "none"
        ), path
    screenshot(page, "csp-not-found")
    assert console_errors == []


def test_admin_works_under_the_policy(archive, page, console_errors, screenshot):
    get_user_model().objects.create_superuser("carla", "carla@example.org", PASSWORD)
    visit(page, archive.url + "/admin/login/")
    screenshot(page, "csp-admin-login")
    page.fill("input[name=username]", "carla")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    haqiqi = Group.objects.get(slug="mqm-haqiqi")
    visit(page, f"{archive.url}/admin/profiles/group/")
    visit(page, f"{archive.url}/admin/profiles/group/{haqiqi.pk}/change/")
    # The admin's own scripts run: an inline's "Add another" row comes from inlines.js.
    add_alias = page.locator("#aliases-group .add-row a")
    expect(add_alias).to_be_visible()
    screenshot(page, "csp-admin-group-change")
    # The calendar widget is drawn by DateTimeShortcuts.js.
    page.locator("#calendarlink0").click()
    expect(page.locator("#calendarbox0")).to_be_visible()
    for path in (
        f"/admin/profiles/group/{haqiqi.pk}/history/",
        "/admin/profiles/sourcedocument/",
        "/admin/profiles/sourcedocument/upload/",
        "/admin/profiles/heldchange/",
        "/admin/profiles/doubt/",
        "/admin/profiles/event/add/",
        "/admin/auth/user/add/",
    ):
        response = visit(page, archive.url + path)
        assert response.status == 200, path
    screenshot(page, "csp-admin-user-add")
    assert console_errors == []
