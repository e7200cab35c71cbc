import pytest

from publications.models import Access
from tests.portal.factories import UserFactory
from tests.publications.factories import (
    PartnerAccountFactory,
    PublicationFactory,
    with_file,
)

THAI_NAME = "คู่มือการอบรม 16 ตัวอย่างที่ดี (ฉบับย่อ).pdf"


@pytest.fixture
def public_pub(db):
    return with_file(PublicationFactory(slug="public-manual"), name=THAI_NAME)


@pytest.fixture
def partners_pub(db):
    return with_file(
        PublicationFactory(slug="partners-seminar", access=Access.PARTNERS), name="seminar.pdf"
    )


@pytest.fixture
def partner_user(db):
    return PartnerAccountFactory(user=UserFactory(username="partner1")).user


@pytest.fixture
def plain_user(db):
    return UserFactory(username="someone")
