from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal import registry
from portal.forms import RecordFilter
from portal.i18n import page_language, text_in

register = template.Library()


def fallback_language(obj, field: str, lang: str | None = None) -> str | None:
    """The language a translated field falls back to on this page, or None if it has its own text."""
    lang = page_language(lang)
    value, code = text_in(obj, field, lang)
    return code if value and code != lang else None


@register.simple_tag
def translated_text(obj, field: str, note: bool = True):
    """A translated field in the page's language, or its fallback marked with `lang`.

    Text shown in the other language gets its own `lang` attribute (for screen
    readers) and, with `note`, a short visible note.
    """
    lang = page_language()
    value = getattr(obj, f"{field}_{lang}", None)
    if value:
        return value
    other = fallback_language(obj, field, lang)
    if other is None:
        return ""
    text = getattr(obj, f"{field}_{other}")
    if not note:
        return format_html('<span lang="{}">{}</span>', other, text)
    label = _("in Thai") if other == "th" else _("in English")
    return format_html(
        '<span lang="{}">{}</span> <small class="fallback-note">({})</small>', other, text, label
    )


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs) -> str:
    """The current query string with some parameters replaced (filters survive paging)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def rendition(image, width) -> str:
    """URL of an image's rendition of the given width (made at upload), or of the image itself."""
    if not image:
        return ""
    from portal.images import rendition_name

    field = getattr(image, "field", None)
    if field is not None and int(width) in getattr(field, "renditions", ()):
        return image.storage.url(rendition_name(image.name, int(width)))
    return image.url


@register.simple_tag(takes_context=True)
def website_json_ld(context):
    """Schema.org WebSite with the site search, for the home page."""
    from django.urls import reverse

    from portal import jsonld

    request = context.get("request")
    search = jsonld.absolute(request, reverse("search"))
    return jsonld.script(
        {
            "@type": "WebSite",
            "name": _("Phakhi"),
            "url": jsonld.absolute(request, reverse("home")),
            "inLanguage": page_language(),
            "potentialAction": {
                "@type": "SearchAction",
                "target": f"{search}?q={{search_term_string}}",
                "query-input": "required name=search_term_string",
            },
        }
    )


@register.simple_tag(takes_context=True)
def sections(context, obj) -> str:
    """The sections higher apps registered for this record's page (`registry.register_section`).

    `{% sections organisation %}`: each section costs one query (its rows, asked for
    one more than it shows to know whether there are more) and renders nothing when
    it has no rows; with nothing registered the tag renders nothing at all.
    """
    engine = context.template.engine
    parts = []
    for section in registry.sections_for(obj):
        rows = list(section.rows(obj)[: section.limit + 1])
        if not rows:
            continue
        has_more = len(rows) > section.limit
        more_url = section.more_url(obj) if has_more and section.more_url else ""
        with context.push(
            obj=obj,
            rows=rows[: section.limit],
            has_more=has_more,
            more_url=more_url,
            section=section,
        ):
            parts.append(engine.get_template(section.template).render(context))
    return mark_safe("".join(parts))


@register.simple_tag(takes_context=True)
def render_block(context, template_name: str, data: dict) -> str:
    """A registered block's template with its data (the home page's blocks)."""
    with context.push(**data):
        return context.template.engine.get_template(template_name).render(context)


@register.inclusion_tag("includes/long_text.html")
def long_text(obj, field: str, element: str = "div") -> dict:
    """A translated long text as paragraphs; marked with its language when it fell back."""
    lang = page_language()
    fallback = fallback_language(obj, field, lang)
    text = getattr(obj, f"{field}_{fallback or lang}", None) or ""
    return {"text": text, "fallback": fallback, "element": element}


@register.inclusion_tag("includes/record_filters.html")
def record_filters(form) -> dict:
    """A list form's valid filters by one record (`?organisation=<slug>`, a "see all" link's):
    kept as hidden inputs and named, so the reader sees what the list is narrowed to."""
    if not form.is_bound:
        return {"active": []}
    form.is_valid()  # cleaned once already by the view; this reads the result
    return {
        "active": [
            (form[name], form.cleaned_data[name])
            for name, field in form.fields.items()
            if isinstance(field, RecordFilter) and form.cleaned_data.get(name)
        ]
    }
