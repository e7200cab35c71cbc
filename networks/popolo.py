"""Organisations, networks, memberships, posts and people in public roles as Popolo JSON.

Popolo (https://www.popoloproject.com/specs/) is the data specification civic-tech tools
exchange organisations, people and memberships in. One document holds four lists, as the
whole-portal file `/<lang>/organisations/popolo.json` does:

- `organizations`: every published organisation (`organisation/<slug>`: name, other names —
  the name in the other language and the acronyms —, `identifiers` with this portal's slug,
  `classification` its kind, `parent_id`, links to its web site and its page) and every
  published network (`network/<slug>`, classification "network", founding year);
- `memberships`: an organisation's membership of a network (`member` an Organization, role,
  `start_date`, `end_date`) and a public person's place in an organisation (`person_id`,
  `organization_id`, `post_id`, `role`);
- `posts`: the positions those people hold (`post/<organisation>/<n>`: label and role);
- `persons`: people in public roles only — a role at a published event, a place in a
  published programme's team (higher apps register who, `registry.register_public_people`)
  or recorded consent — with name, honorific, given and family name. Never an email, a
  telephone number, an attendance record or anything else about them.

Names are in the page's language (Popolo's multilingual advice for JSON), the other
language's in `other_names`. Per record: `/<lang>/organisations/<slug>/popolo.json` (the
organisation, its units, memberships, posts and people) and `/<lang>/networks/<slug>/
popolo.json` (the network, its members and memberships).
"""

import functools
import hashlib

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from networks.models import Membership, Network, Organisation, OrganisationKind, Person
from portal import registry
from portal.i18n import OTHER, page_language

LANGUAGE_NOTES = {"th": "Thai name", "en": "English name"}


def organisation_id(slug: str) -> str:
    return f"organisation/{slug}"


def network_id(slug: str) -> str:
    return f"network/{slug}"


def person_id(person: Person) -> str:
    return f"person/{person.slug}" if person.slug else f"person/id-{person.pk}"


def _names(obj, field: str, lang: str) -> tuple[str, list[dict]]:
    """The name in `lang` (else the other language) and the other names."""
    main = getattr(obj, f"{field}_{lang}", "") or getattr(obj, f"{field}_{OTHER[lang]}", "") or ""
    others = []
    for code in (lang, OTHER[lang]):
        name = getattr(obj, f"{field}_{code}", "") or ""
        if name and name != main and all(o["name"] != name for o in others):
            others.append({"name": name, "note": LANGUAGE_NOTES[code]})
    for code in (lang, OTHER[lang]):
        acronym = getattr(obj, f"acronym_{code}", "") or ""
        if acronym and acronym != main and all(o["name"] != acronym for o in others):
            others.append({"name": acronym, "note": "acronym"})
    return main, others


def public_people():
    """People a public page may name: in a public role somewhere, or with consent."""
    condition = Q(public_consent=True)
    for people in registry.public_people:
        condition |= Q(pk__in=people())
    return Person.objects.filter(condition)


def membership_id(membership: Membership) -> str:
    """Stable without database ids: the network, the member and, when known, the start."""
    start = f"/{membership.start.isoformat()}" if membership.start else ""
    return f"membership/{membership.network.slug}/{membership.organisation.slug}{start}"


def post_id(person: Person, organisation: Organisation) -> str:
    """The same position (in both languages) in the same organisation is one post."""
    text = f"{person.position_th or ''}|{person.position_en or ''}".encode()
    return f"post/{organisation.slug}/{hashlib.sha256(text).hexdigest()[:10]}"


@functools.lru_cache(maxsize=4)
def _kind_labels(lang: str) -> dict[str, str]:
    with translation.override(lang):
        return {value: str(label) for value, label in OrganisationKind.choices}


def organisation_item(organisation: Organisation, lang: str, build_url) -> dict:
    name, other_names = _names(organisation, "name", lang)
    item = {
        "id": organisation_id(organisation.slug),
        "name": name,
        "identifiers": [{"identifier": organisation.slug, "scheme": "phakhi"}],
        "classification": _kind_labels(lang).get(organisation.kind, organisation.kind),
        "links": [{"url": build_url(organisation.get_absolute_url()), "note": "phakhi"}],
    }
    if other_names:
        item["other_names"] = other_names
    parent = organisation.parent
    if parent is not None and parent.is_public:
        item["parent_id"] = organisation_id(parent.slug)
    if organisation.website:
        item["links"].append({"url": organisation.website, "note": "website"})
    return item


def network_item(network: Network, lang: str, build_url) -> dict:
    name, other_names = _names(network, "name", lang)
    item = {
        "id": network_id(network.slug),
        "name": name,
        "identifiers": [{"identifier": network.slug, "scheme": "phakhi"}],
        "classification": "network",
        "links": [{"url": build_url(network.get_absolute_url()), "note": "phakhi"}],
    }
    if other_names:
        item["other_names"] = other_names
    if network.founded:
        item["founding_date"] = f"{network.founded:04d}"
    return item


def membership_item(membership: Membership, lang: str) -> dict:
    item = {
        "id": membership_id(membership),
        "organization_id": network_id(membership.network.slug),
        "member": {"@type": "Organization", "id": organisation_id(membership.organisation.slug)},
    }
    role = getattr(membership, f"role_{lang}", "") or getattr(membership, f"role_{OTHER[lang]}", "")
    if role:
        item["role"] = role
    if membership.start:
        item["start_date"] = membership.start.isoformat()
    if membership.end:
        item["end_date"] = membership.end.isoformat()
    return item


def _people_items(people, lang: str) -> tuple[list, list, list]:
    """(persons, posts, memberships) of public people, their positions as posts."""
    persons, posts, memberships = [], [], []
    post_ids: set[str] = set()
    for person in people:
        name = person._name_in(lang) or person._name_in(OTHER[lang])
        item = {"id": person_id(person), "name": name}
        for key, field in (
            ("honorific_prefix", "honorific"),
            ("given_name", "given_name"),
            ("family_name", "family_name"),
        ):
            value = getattr(person, f"{field}_{lang}", "") or getattr(
                person, f"{field}_{OTHER[lang]}", ""
            )
            if value:
                item[key] = value
        other = person._name_in(OTHER[lang])
        if other and other != name:
            item["other_names"] = [{"name": other, "note": LANGUAGE_NOTES[OTHER[lang]]}]
        persons.append(item)
        organisation = person.organisation
        if organisation is None or not organisation.is_public:
            continue
        position = getattr(person, f"position_{lang}", "") or getattr(
            person, f"position_{OTHER[lang]}", ""
        )
        membership = {
            "id": f"membership/{person_id(person)}",
            "person_id": person_id(person),
            "organization_id": organisation_id(organisation.slug),
        }
        if position:
            post = post_id(person, organisation)
            if post not in post_ids:
                post_ids.add(post)
                posts.append(
                    {
                        "id": post,
                        "label": position,
                        "role": position,
                        "organization_id": organisation_id(organisation.slug),
                    }
                )
            membership.update(post_id=post, role=position)
        memberships.append(membership)
    return persons, posts, memberships


def _document(organizations, memberships, persons, posts, lang: str) -> dict:
    return {
        "meta": {
            "language": lang,
            "specification": "https://www.popoloproject.com/specs/",
            "note": _("People appear only in public roles; no contact details are published."),
        },
        "persons": persons,
        "organizations": organizations,
        "memberships": memberships,
        "posts": posts,
    }


def _organisations():
    return Organisation.objects.published().select_related("parent").order_by("pk")


def _memberships():
    return (
        Membership.objects.filter(Network.objects.published_q("network__"))
        .filter(Organisation.objects.published_q("organisation__"))
        .select_related("network", "organisation", "organisation__parent")
        .order_by("network_id", "organisation_id", "pk")
    )


def _people():
    return public_people().select_related("organisation").order_by("pk")


def portal_document(build_url, lang: str | None = None) -> dict:
    """Everything: published organisations and networks, their memberships, public people."""
    lang = page_language(lang)
    organizations = [
        organisation_item(o, lang, build_url) for o in _organisations().iterator(chunk_size=2000)
    ]
    organizations += [
        network_item(n, lang, build_url) for n in Network.objects.published().order_by("pk")
    ]
    memberships = [membership_item(m, lang) for m in _memberships().iterator(chunk_size=2000)]
    persons, posts, person_memberships = _people_items(_people().iterator(chunk_size=2000), lang)
    return _document(organizations, memberships + person_memberships, persons, posts, lang)


def organisation_document(organisation: Organisation, build_url, lang: str | None = None) -> dict:
    """One organisation with its published units, its networks and its people in public roles."""
    lang = page_language(lang)
    units = _organisations().filter(parent=organisation)
    organizations = [organisation_item(organisation, lang, build_url)]
    organizations += [organisation_item(unit, lang, build_url) for unit in units]
    memberships = [
        membership_item(m, lang) for m in _memberships().filter(organisation=organisation)
    ]
    persons, posts, person_memberships = _people_items(
        _people().filter(organisation=organisation), lang
    )
    return _document(organizations, memberships + person_memberships, persons, posts, lang)


def network_document(network: Network, build_url, lang: str | None = None) -> dict:
    """One network with its published member organisations and their memberships."""
    lang = page_language(lang)
    memberships = list(_memberships().filter(network=network))
    organizations = [network_item(network, lang, build_url)]
    seen = set()
    for membership in memberships:
        if membership.organisation_id not in seen:
            seen.add(membership.organisation_id)
            organizations.append(organisation_item(membership.organisation, lang, build_url))
    items = [membership_item(m, lang) for m in memberships]
    return _document(organizations, items, [], [], lang)
