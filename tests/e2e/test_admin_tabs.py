"""In a real browser: a new inline row opens on the Thai tab, whichever tab was clicked last."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page):
    page.goto("/en/")  # an English admin: the document language alone would pick English
    page.goto("/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    with page.expect_navigation():
        page.locator("input[type=submit]").click()


@pytest.mark.parametrize(
    ("group", "prefix", "field"),
    [
        ("sessions", "sessions", "title"),  # stacked
        ("participant_groups", "participant_groups", "label"),  # tabular
    ],
)
def test_a_new_row_opens_on_the_thai_tab(page, admin_user, group, prefix, field):
    _sign_in(page)
    page.goto("/admin/events/event/add/")
    add = page.locator(f"#{group}-group .add-row a")
    add.click()
    english = page.locator(f'a[href="#tab_id_{prefix}-0-{field}_en"]')
    english.click()
    assert page.locator(f"#id_{prefix}-0-{field}_en").is_visible()
    add.click()
    assert page.locator(f"#id_{prefix}-1-{field}_th").is_visible()
    assert not page.locator(f"#id_{prefix}-1-{field}_en").is_visible()
    # The row the staff member was typing in keeps its tab.
    assert page.locator(f"#id_{prefix}-0-{field}_en").is_visible()
