"""Template tags of the publication library's pages (files, languages, JSON-LD)."""

from django import template
from django.template.defaultfilters import filesizeformat

from portal import jsonld
from publications import citations, uploads
from publications.models import (
    Access,
    Publication,
    PublicationKind,
)

register = template.Library()


@register.filter
def file_type(publication: Publication) -> str:
    """The short name of a publication file's type ("PDF", "DOCX")."""
    return uploads.type_label(publication.content_type)


@register.filter
def file_size(publication: Publication) -> str:
    """The file's size, human-readable in the page's language ("1.2 MB")."""
    if publication.file_size is None:
        return ""
    return filesizeformat(publication.file_size)


@register.filter
def language_names(publication: Publication) -> str:
    """The document's languages by name, from the prefetched relation."""
    return ", ".join(str(language) for language in publication.languages.all())


@register.simple_tag(takes_context=True)
def publication_json_ld(context, publication):
    """Schema.org CreativeWork (Report for reports) for a publication's page; partners-only
    access is said so."""
    request = context.get("request")
    data = {
        "@type": "Report" if publication.kind == PublicationKind.REPORT else "CreativeWork",
        "name": jsonld.text(publication, "title"),
        "url": jsonld.absolute(request, publication.get_absolute_url()),
        "abstract": jsonld.text(publication, "abstract"),
        "author": jsonld.people(citations.split_authors(jsonld.text(publication, "authors"))),
        "datePublished": str(publication.year) if publication.year else "",
        "genre": publication.get_kind_display(),
        "inLanguage": [language.code for language in publication.languages.all()],
        # Partners-only files need an account the portal gives: not free to everyone.
        "isAccessibleForFree": not publication.is_partners_only,
        "conditionsOfAccess": (
            str(Access.PARTNERS.label) if publication.is_partners_only else str(Access.PUBLIC.label)
        ),
    }
    if publication.publisher_id:
        data["publisher"] = jsonld.organisation(request, publication.publisher, with_parent=False)
    if publication.programme_id and publication.programme.is_public:
        # A programme is a schema.org Project, an Organization: `sourceOrganization` takes
        # one (`isPartOf` takes only creative works).
        data["sourceOrganization"] = {
            "@type": "Project",
            "name": jsonld.text(publication.programme, "title"),
            "url": jsonld.absolute(request, publication.programme.get_absolute_url()),
        }
    return jsonld.script(data)
