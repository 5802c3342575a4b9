"""A curator's edit survives the upload of a new version of its file, in Chromium: the
preview lists what would be held, the change waits under Held changes, and accepting it
puts the file's value on the public profile."""

import re

import pytest
from playwright.sync_api import expect

from profiles.models import Group, HeldChange
from tests.browser.conftest import FIXTURES

pytestmark = pytest.mark.browser

HAQIQI_FILE = "004_6d5b354a8c919a76.txt"
CURATED = "To split the MQM and weaken the governments' opponents in Karachi."
REVISED = "Purpose: To divide the MQM party, the main opponent of the Bhutto government."


def test_a_curator_s_edit_is_held_against_a_new_file_version(
    archive, curator_page, screenshot, tmp_path
):
    page = curator_page
    haqiqi = Group.objects.get(slug="mqm-haqiqi")

    # The curator corrects the purpose in the admin.
    page.goto(f"{archive.url}/admin/profiles/group/{haqiqi.pk}/change/")
    page.fill("textarea[name=purpose]", CURATED)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # A new version of the file arrives with another purpose.
    original = (FIXTURES / HAQIQI_FILE).read_text(encoding="utf-8")
    revised = re.sub(r"(?m)^Purpose: .*$", REVISED, original)
    assert revised != original
    upload = tmp_path / HAQIQI_FILE
    upload.write_text(revised, encoding="utf-8")
    page.goto(archive.url + "/admin/profiles/sourcedocument/upload/")
    page.set_input_files("input[name=files]", [str(upload)])
    page.get_by_role("button", name="Preview the import").click()

    preview = page.locator("#import-preview")
    expect(preview).to_contain_text("replaces the imported version")
    expect(preview.locator("ul.held")).to_contain_text(CURATED)
    screenshot(page, "admin-import-preview-held")
    page.get_by_role("button", name="Import these files").click()
    expect(page.locator(".messagelist")).to_contain_text("1 updated")

    # The curator's purpose is still what readers see.
    page.goto(archive.url + "/groups/mqm-haqiqi/")
    expect(page.locator("body")).to_contain_text(CURATED)

    # The group links to its waiting change; the curator accepts it.
    page.goto(f"{archive.url}/admin/profiles/group/{haqiqi.pk}/change/")
    page.get_by_role("link", name=re.compile(r"1 change\(s\) from a re-imported file")).click()
    row = page.locator("#result_list tbody tr").first
    expect(row).to_contain_text("Section: Purpose")
    screenshot(page, "admin-held-changes")
    # Its page shows the difference word by word, with the two decisions.
    row.get_by_role("link", name="Section: Purpose").click()
    expect(page.locator(".field-difference ins").first).to_be_visible()
    expect(page.get_by_role("button", name="Accept the file's version")).to_be_visible()
    screenshot(page, "admin-held-change")
    page.go_back()
    row = page.locator("#result_list tbody tr").first
    row.locator("input.action-select").check()
    page.select_option("select[name=action]", "accept_selected")
    page.locator('button[title="Run the selected action"]').first.click()
    expect(page.locator(".messagelist")).to_contain_text("1 change(s) accepted.")
    assert HeldChange.objects.get().status == HeldChange.Status.ACCEPTED

    page.goto(archive.url + "/groups/mqm-haqiqi/")
    expect(page.locator("body")).to_contain_text(REVISED.removeprefix("Purpose: "))
    expect(page.locator("body")).not_to_contain_text(CURATED)
