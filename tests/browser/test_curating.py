"""The curators' workspace in Chromium: import by upload (preview, then confirm) and
merging two groups; with screenshots of the admin change page and the import preview."""

import re

import pytest
from playwright.sync_api import expect

from profiles.models import Group

pytestmark = pytest.mark.browser

NEW_PROFILE = """Lake Rangers (Ghana)

Country: Ghana
Details of Formation: Formed in May 1990 by the district council.
Details of Termination: --
Purpose: To guard the fishing villages. It was a rival of the Night Wardens.
Organisation: --
Weapons and Training: --
Size: About 300 men in 1995.
Reason for Membership: --
Treatment of Civilians: --
Other Information: --
References: --
"""


def test_upload_preview_then_confirm(archive, curator_page, screenshot, tmp_path):
    page = curator_page
    new_file = tmp_path / "lake_rangers.txt"
    new_file.write_text(NEW_PROFILE, encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01 not a profile")

    page.goto(archive.url + "/admin/profiles/sourcedocument/")
    page.get_by_role("link", name="Import files").click()
    page.set_input_files("input[name=files]", [str(new_file), str(broken)])
    page.get_by_role("button", name="Preview the import").click()

    preview = page.locator("#import-preview")
    expect(preview).to_contain_text("Lake Rangers")
    expect(preview).to_contain_text("new group")
    expect(preview.locator("tr.outcome-error")).to_contain_text("Refused: line 1")
    screenshot(page, "admin-import-preview")
    assert not Group.objects.filter(name="Lake Rangers").exists()  # a dry run

    page.get_by_role("button", name="Import these files").click()
    expect(page.locator(".messagelist")).to_contain_text("1 created")
    page.goto(archive.url + "/groups/lake-rangers/")
    expect(page.locator("h1")).to_have_text("Lake Rangers")


def test_merge_two_groups(archive, curator_page, screenshot):
    page = curator_page
    page.goto(archive.url + "/admin/profiles/group/")
    for name in ("Harbour Watch", "Border Scouts"):
        row = page.locator("#result_list tr", has=page.get_by_role("link", name=name, exact=True))
        row.locator("input.action-select").check()
    page.select_option("select[name=action]", "merge_selected")
    page.locator('button[title="Run the selected action"]').first.click()

    expect(page.locator("h1")).to_have_text("Merge two groups")
    page.get_by_label(re.compile("Keep Harbour Watch")).check()
    page.get_by_role("button", name="Merge").click()
    expect(page.locator(".messagelist")).to_contain_text("was merged into “Harbour Watch”")

    page.goto(archive.url + "/groups/border-scouts/")
    expect(page).to_have_url(re.compile(r"/groups/harbour-watch/$"))
    expect(page.locator(".aliases")).to_contain_text("Border Scouts")


def test_change_page_screenshot(archive, curator_page, screenshot):
    page = curator_page
    haqiqi = Group.objects.get(slug="mqm-haqiqi")
    page.goto(f"{archive.url}/admin/profiles/group/{haqiqi.pk}/change/")
    expect(page.locator("body")).to_contain_text("What the importer was unsure of")
    expect(page.get_by_role("link", name="/groups/mqm-haqiqi/")).to_be_visible()
    screenshot(page, "admin-group-change")


def test_history_compare_and_revert(archive, curator_page, screenshot):
    page = curator_page
    haqiqi = Group.objects.get(slug="mqm-haqiqi")
    imported_purpose = haqiqi.purpose
    page.goto(f"{archive.url}/admin/profiles/group/{haqiqi.pk}/change/")
    page.fill("#id_purpose", imported_purpose.replace("to divide", "to split and weaken"))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{archive.url}/admin/profiles/group/{haqiqi.pk}/change/")
    page.get_by_role("link", name="History").click()
    versions = page.locator("#versions tbody tr")
    expect(versions.first).to_contain_text("carla")
    expect(versions.first).to_contain_text("Purpose")
    expect(versions.last).to_contain_text("import of 004_6d5b354a8c919a76.txt")
    expect(page.locator("#rows")).to_contain_text("Changes to this profile’s rows")
    screenshot(page, "admin-history")

    # The newest version and the one before it are chosen already.
    page.get_by_role("button", name="Compare the selected versions").click()
    purpose = page.locator("#field-purpose")
    expect(page.locator("#field-changes tbody tr")).to_have_count(1)
    expect(purpose.locator("del")).to_have_text("divide")
    expect(purpose.locator("ins")).to_have_text("split and weaken")
    screenshot(page, "admin-compare")

    page.get_by_role("link", name="Revert to this version").click()
    expect(page.locator("#id_purpose")).to_have_value(imported_purpose)
    page.get_by_role("button", name="Revert").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    reverted = haqiqi.history.first()
    assert reverted.history_user.username == "carla"
    assert reverted.history_change_reason.startswith("reverted to version ")

    page.goto(archive.url + "/groups/mqm-haqiqi/")
    expect(page.locator("body")).to_contain_text("The main purpose of the MQM Haqiqi was to divide")
    expect(page.locator("body")).not_to_contain_text("split and weaken")
