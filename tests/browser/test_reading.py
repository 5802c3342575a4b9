"""What a reader does in a browser: filter and search the list, open a profile, follow its
citations and related groups, download what they found."""

import csv
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAKISTAN = ["Border Scouts", "MQM Haqiqi", "MQM militancy"]


def listed_names(page):
    return page.locator("table.groups tbody th a").all_inner_texts()


def query(page):
    return parse_qs(urlsplit(page.url).query)


def submit_filters(page):
    """Submits the list's filter form; returns the response to that navigation."""
    with page.expect_navigation() as navigation:
        page.locator("form.filters [type=submit]").click()
    return navigation.value


def test_filter_by_country(archive, page):
    page.goto(archive.url + "/groups/")
    assert len(listed_names(page)) == 5

    page.locator("form.filters input[name=country][value=PK]").check()
    response = submit_filters(page)

    assert response.status == 200
    assert query(page)["country"] == ["PK"]
    assert listed_names(page) == PAKISTAN


def test_filter_by_period(archive, page):
    page.goto(archive.url + "/groups/")
    assert "Harbour Watch" in listed_names(page)

    page.fill("input[name=active_from]", "1990")
    page.fill("input[name=active_to]", "1995")
    submit_filters(page)

    # Harbour Watch (1971-1979) and Border Scouts (2001-2009) are outside; a group formed
    # in the 1980s without a known end, and one whose first dated event is 1991, are not.
    assert listed_names(page) == ["MQM Haqiqi", "MQM militancy", "Night Wardens"]
    assert query(page)["active_from"] == ["1990"]


def test_a_period_that_ends_before_it_starts_is_a_form_error(archive, page):
    page.goto(archive.url + "/groups/")

    page.fill("input[name=active_from]", "2000")
    page.fill("input[name=active_to]", "1990")
    response = submit_filters(page)

    assert response.status == 400
    expect(page.locator("form.filters .errors")).to_contain_text(
        "The last year must not be before the first year."
    )
    expect(page.locator("table.groups")).to_have_count(0)
    # The reader's values are kept in the form, to be corrected.
    expect(page.locator("input[name=active_from]")).to_have_value("2000")


def test_search_names_and_aliases(archive, page):
    page.goto(archive.url + "/groups/")

    page.fill("input[name=q]", "haqiqi")
    submit_filters(page)
    assert listed_names(page) == ["MQM Haqiqi"]

    # "Muttahida Qaumi Movement" is an alias another profile states for the MQM.
    page.fill("input[name=q]", "Muttahida")
    submit_filters(page)
    assert "MQM militancy" in listed_names(page)


def test_open_a_profile_from_the_list(archive, page):
    page.goto(archive.url + "/groups/?country=PK")

    page.locator("table.groups").get_by_role("link", name="MQM Haqiqi", exact=True).click()

    expect(page).to_have_url(archive.url + "/groups/mqm-haqiqi/")
    expect(page.locator("h1")).to_have_text("MQM Haqiqi")
    expect(page.locator("dl.facts")).to_contain_text("1992 – Nov 1994")


def follow_citation(page, marker):
    """Clicks the one citation of reference `marker`; returns that sup.cite."""
    citation = page.locator(f"sup.cite:has(> a[href='#ref-{marker}'])")
    expect(citation).to_have_count(1)
    reference = page.locator(f"#ref-{marker}")
    # The reference starts out of view, so following the link has to scroll to it.
    expect(reference).not_to_be_in_viewport()

    citation.locator("a").click()

    assert urlsplit(page.url).fragment == f"ref-{marker}"
    expect(page.locator(":target")).to_have_id(f"ref-{marker}")
    expect(reference).to_be_in_viewport()
    return citation


def test_follow_a_citation_to_its_reference(archive, page):
    page.goto(archive.url + "/groups/mqm-militancy/")

    follow_citation(page, 4)

    expect(page.locator("#ref-4")).to_contain_text("Note 4 of the source article")


def test_come_back_from_a_reference_to_its_citation(archive, page):
    page.goto(archive.url + "/groups/mqm-militancy/")
    citation = follow_citation(page, 4)
    backlink = page.locator("#ref-4 a.backlink")
    assert backlink.count() >= 1, "the reference has no a.backlink"

    backlink.first.click()

    # The target is the citing sup itself, or an element inside it.
    target_is_the_citation = page.evaluate(
        """sup => {
            const target = document.querySelector(':target');
            return target !== null && (target === sup || sup.contains(target));
        }""",
        citation.element_handle(),
    )
    assert target_is_the_citation, f"{page.url} does not target the [4] citation"
    expect(citation).to_be_in_viewport()


def test_follow_a_related_group(archive, page):
    page.goto(archive.url + "/groups/mqm-haqiqi/")

    # MQM Haqiqi splintered from the MQM, whose profile is "MQM militancy".
    page.locator("section#related").get_by_role("link", name="MQM", exact=True).first.click()

    expect(page).to_have_url(archive.url + "/groups/mqm-militancy/")
    expect(page.locator("h1")).to_have_text("MQM militancy")
    expect(page.locator("section#related")).to_contain_text("MQM Haqiqi")


def test_download_the_filtered_list_as_csv(archive, page):
    page.goto(archive.url + "/groups/?country=PK")
    assert listed_names(page) == PAKISTAN
    export = page.locator("a.export-csv")
    assert export.count() == 1, "the list has no a.export-csv link"

    with page.expect_download() as download_info:
        export.click()
    download = download_info.value

    assert download.failure() is None
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        rows = list(reader)
    assert {"name", "slug", "countries"} <= set(reader.fieldnames)
    assert [row["name"] for row in rows] == PAKISTAN
    assert [row["slug"] for row in rows] == ["border-scouts", "mqm-haqiqi", "mqm-militancy"]
    assert "PK" in rows[0]["countries"] and "IN" in rows[0]["countries"]


def test_narrow_the_list_with_a_country_facet(archive, page):
    page.goto(archive.url + "/groups/")
    assert len(listed_names(page)) == 5
    facet = page.locator(".facets a", has_text="India")
    assert facet.count() == 1, "the list has no India link in .facets"

    facet.click()

    expect(page.locator("table.groups tbody tr")).to_have_count(2)
    assert listed_names(page) == ["Border Scouts", "Harbour Watch"]
    assert query(page)["country"] == ["IN"]


def test_read_the_raw_source_text(archive, page):
    page.goto(archive.url + "/groups/mqm-haqiqi/")
    raw_source = page.locator("a.raw-source")
    assert raw_source.count() >= 1, "the profile has no a.raw-source link"

    with page.expect_navigation() as navigation:
        raw_source.first.click()
    response = navigation.value

    assert response.status == 200
    assert response.headers["content-type"].startswith("text/plain")
    expect(page.locator("body")).to_contain_text("MQM Haqiqi (Pakistan)")
