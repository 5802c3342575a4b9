"""A reader checks a fact: it opens to the sentence it was read from, whose link lands on
that line of the source file, highlighted."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HAQIQI = "004_6d5b354a8c919a76.txt"


def test_a_fact_opens_to_its_quote_and_lands_on_the_highlighted_line(archive, page, screenshot):
    page.goto(archive.url + "/groups/mqm-haqiqi/")
    termination = page.locator("dl.facts details.evidence").filter(has_text="Ended")
    quote = termination.locator(".evidence-quote q")
    expect(quote).to_be_hidden()  # closed until the reader asks

    termination.locator("summary").click()
    expect(quote).to_be_visible()
    expect(quote).to_have_text(
        "In November 1994, the Haqiqis lost official patronage from the Bhutto government."
    )
    screenshot(page, "evidence-open")

    termination.locator("a.evidence-link").click()
    page.wait_for_url(f"**/sources/{HAQIQI}/#L5")
    line = page.locator("#L5")
    expect(line).to_be_in_viewport()
    expect(line).to_contain_text("In November 1994, the Haqiqis lost official patronage")
    # The :target rule highlights it, and no other line.
    highlighted = line.evaluate("el => getComputedStyle(el).backgroundColor")
    other = page.locator("#L4").evaluate("el => getComputedStyle(el).backgroundColor")
    assert highlighted == "rgb(255, 243, 176)"
    assert other != highlighted
    screenshot(page, "source-line-highlighted")
