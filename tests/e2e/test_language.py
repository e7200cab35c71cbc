import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_switching_from_thai_to_english_stays_on_the_same_page(page):
    page.goto("/")
    assert page.url.endswith("/th/")
    assert page.locator("html").get_attribute("lang") == "th"

    page.goto("/th/organisations/?page=1")
    page.get_by_role("link", name="English").click()

    assert page.url.endswith("/en/organisations/?page=1")
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link", name="Programmes")
        .is_visible()
    )
