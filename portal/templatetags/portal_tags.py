from dataclasses import replace

from django import template
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portal import pagecache, registry
from portal.forms import RecordFilter
from portal.i18n import OTHER, Text, page_language, translated
from portal.weblinks import web_url

register = template.Library()


OPTIONS = {"nonote", "paragraphs", "quote"}


@register.filter
def tr(obj, field: str) -> Text:
    """A translated field in the page's language, else in the other one, as a `Text`.

    It prints as plain escaped text, safe in `<title>`, attributes and JSON:
    `{{ event|tr:"title" }}`. Pipe it through `bilingual` for the page's body.
    """
    return translated(obj, field)


@register.filter
def tr_other(obj, field: str) -> Text:
    """A translated field in the language that is not the page's, and only in that one
    (empty when it has no text there): for a title shown in both languages on purpose."""
    other = OTHER[page_language()]
    value = translated(obj, field, other)
    return value if not value.is_fallback else Text("", other)


@register.filter
def tr_words(value: Text, count: int) -> Text:
    """A `Text` cut to its first `count` words (with "…"), still knowing its language,
    so `bilingual` can mark it and add the whole note after the cut."""
    if not isinstance(value, Text):
        value = Text(str(value) if value is not None else "", page_language())
    return replace(value, text=Truncator(value.text).words(int(count)))


def _note(lang: str, element: str) -> SafeString:
    label = _("in Thai") if lang == "th" else _("in English")
    if element == "p":
        return format_html('<p class="fallback-note">({})</p>', label)
    return format_html(' <small class="fallback-note">({})</small>', label)


@register.filter
def bilingual(value, options: str = "") -> SafeString:
    """A `Text` as HTML: text in the other language gets its own `lang` attribute (for
    screen readers) and a short visible note saying which language it is in.

    Options, comma-separated: "nonote" leaves the note out (where the design already
    says it, or in a meta line); "paragraphs" renders a long text as paragraphs in a
    `<div class="long-text">`, "quote" the same in a `<blockquote>`, both marked with
    the language when it fell back and followed by the note as a paragraph.
        {{ event|tr:"title"|bilingual }}  {{ event|tr:"body"|bilingual:"paragraphs" }}
    """
    chosen = set(str(options).replace(",", " ").split())
    if chosen - OPTIONS:
        raise ValueError(f"bilingual: unknown options {sorted(chosen - OPTIONS)}")
    if not isinstance(value, Text):
        value = Text(str(value) if value is not None else "", page_language())
    if not value:
        return mark_safe("")
    fallback = value.is_fallback
    if chosen & {"paragraphs", "quote"}:
        lang = format_html(' lang="{}"', value.lang) if fallback else ""
        paragraphs = mark_safe(linebreaks(value.text, autoescape=True))  # escaped by linebreaks
        if "quote" in chosen:
            html = format_html("<blockquote{}>{}</blockquote>", lang, paragraphs)
        else:
            html = format_html('<div class="long-text"{}>{}</div>', lang, paragraphs)
        note = "p"
    else:
        html = (
            format_html('<span lang="{}">{}</span>', value.lang, value.text)
            if fallback
            else escape(value.text)
        )
        note = "small"
    if fallback and "nonote" not in chosen:
        html += _note(value.lang, note)
    return html


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
    """URL of an image's rendition of the given width (made at upload), or of the image
    itself when that rendition was never made (an image saved outside the upload path),
    so the page always shows the picture."""
    if not image:
        return ""
    from portal.images import rendition_name

    field = getattr(image, "field", None)
    if field is not None and int(width) in getattr(field, "renditions", ()):
        name = rendition_name(image.name, int(width))
        if image.storage.exists(name):
            return image.storage.url(name)
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
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": f"{search}?q={{search_term_string}}",
                },
                "query-input": "required name=search_term_string",
            },
        }
    )


@register.simple_tag(takes_context=True)
def sections(context, obj) -> str:
    """The sections higher apps registered for this record's page (`registry.register_section`).

    `{% sections organisation %}`: each section costs one query (its rows, asked for
    one more than it shows to know whether there are more), and none while its rows are
    a cached fragment (they are published records only, the same for every visitor);
    it renders nothing when it has no rows, and nothing at all with nothing registered.
    """
    engine = context.template.engine
    parts = []
    for section in registry.sections_for(obj):
        rows = pagecache.cached(
            f"section:{obj._meta.label}:{obj.pk}:{section.key}",
            lambda section=section: list(section.rows(obj)[: section.limit + 1]),
        )
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


@register.inclusion_tag("includes/record_filters.html")
def record_filters(form) -> dict:
    """A list form's valid filters by one record (`?organisation=<slug>`, a "see all" link's):
    kept as hidden inputs and named, so the reader sees what the list is narrowed to."""
    if not form.is_bound:
        return {"active": []}
    form.is_valid()  # cleaned once already by the view; this reads the result
    return {
        "active": [
            (form[name], record, _record_name(record))
            for name, field in form.fields.items()
            if isinstance(field, RecordFilter) and (record := form.cleaned_data.get(name))
        ]
    }


def _record_name(record) -> Text | str:
    """A record's name in the page's language (`str()` may be Thai on every page)."""
    for field in ("title", "name"):
        text = translated(record, field) if hasattr(record, f"{field}_th") else None
        if text:
            return text
    return str(record)


@register.inclusion_tag("portal/includes/_export_links.html", takes_context=True)
def export_links(context, key: str) -> dict:
    """Links to a registered dataset as CSV, JSON and XLSX, with the list's current filters."""
    from portal import opendata, registry

    dataset = registry.dataset(key)
    if dataset is None:
        return {"links": []}
    query = context["request"].GET.copy()
    query.pop("page", None)
    suffix = f"?{query.urlencode()}" if query else ""
    return {
        "dataset": dataset,
        "filtered": bool(query),
        "links": [(fmt.upper(), dataset.export_url(fmt) + suffix) for fmt in opendata.FORMATS],
    }


@register.filter
def safe_url(value) -> str:
    """An outside address fit for `href`: the address when it is http or https, else "".

    Model fields already refuse other schemes (portal.fields.URLField); this guards the
    page against a value that reached the database some other way. The browser ignores
    tabs and line breaks inside a scheme and spaces around it, so they are ignored here too.
    """
    return web_url(value)
