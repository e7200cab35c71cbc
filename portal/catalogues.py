"""Message catalogues without GNU gettext.

Strings are extracted with Babel from Python code and from Django templates
(through Django's own `templatize`, the step `makemessages` uses), merged into
the `.po` files and compiled to `.mo` — so neither set-up nor development needs
gettext. Each app keeps its own catalogue (`<app>/locale/`) for its code and
its `templates/<app>/` folder; the project catalogue (`locale/`) holds
`portal/` and the remaining templates, and a `djangojs` catalogue (read by
`JavaScriptCatalog`, the admin's `jsi18n` view, from `LOCALE_PATHS` as well)
for the admin's JavaScript strings listed in `portal/admin_th_js.py`.
"""

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from django.apps import apps as django_apps
from django.conf import settings
from django.utils.translation.template import templatize

KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
TEMPLATE_SUFFIXES = {".html", ".txt", ".xml", ".ics"}
TRANSLATED_LANGUAGES = ("th",)


@dataclass(frozen=True)
class Domain:
    """One catalogue: where its sources are and where its .po files live."""

    name: str
    sources: tuple[Path, ...]
    locale_dir: Path
    gettext_domain: str = "django"
    exclude: tuple[Path, ...] = ()

    @property
    def label(self) -> str:
        if self.gettext_domain == "django":
            return self.name
        return f"{self.name}-{self.gettext_domain}"

    def po_path(self, lang: str) -> Path:
        return self.locale_dir / lang / "LC_MESSAGES" / f"{self.gettext_domain}.po"

    def mo_path(self, lang: str) -> Path:
        return self.po_path(lang).with_suffix(".mo")


def project_apps() -> list[str]:
    """The labels of the installed apps that live in this repository, portal aside."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        config.label
        for config in django_apps.get_app_configs()
        if Path(config.path).resolve().parent == base and config.label != "portal"
    ]


def domains() -> list[Domain]:
    base = Path(settings.BASE_DIR)
    templates = base / "templates"
    apps = project_apps()
    project_templates = tuple(p for p in sorted(templates.iterdir()) if p.name not in apps)
    admin_js = base / "portal" / "admin_th_js.py"
    result = [
        Domain(
            "portal", (base / "portal", *project_templates), base / "locale", exclude=(admin_js,)
        ),
        Domain("portal", (admin_js,), base / "locale", gettext_domain="djangojs"),
    ]
    for app in apps:
        result.append(Domain(app, (base / app, templates / app), base / app / "locale"))
    return result


def _files(domain: Domain) -> Iterator[Path]:
    for source in domain.sources:
        if source.is_file():
            yield source
        elif source.is_dir():
            for path in sorted(source.rglob("*")):
                if "migrations" in path.parts or "locale" in path.parts or path in domain.exclude:
                    continue
                if path.is_file() and (path.suffix == ".py" or path.suffix in TEMPLATE_SUFFIXES):
                    yield path


def extract(domain: Domain) -> Catalog:
    """Every translatable string in the domain's sources, as a template catalogue."""
    base = Path(settings.BASE_DIR)
    catalog = Catalog(project="Phakhi", charset="utf-8")
    for path in _files(domain):
        text = path.read_text(encoding="utf-8")
        if path.suffix != ".py":
            text = templatize(text, origin=str(path))
        for lineno, funcname, messages, comments in extract_python(
            io.BytesIO(text.encode("utf-8")), KEYWORDS, ["Translators:"], {}
        ):
            spec = KEYWORDS.get(funcname)
            if not isinstance(messages, tuple | list):
                messages = (messages,)
            context = None
            if spec and isinstance(spec[0], tuple):
                context, messages = messages[0], messages[1:]
            ids = [m for m in messages if m]
            if not ids:
                continue
            msgid = tuple(ids) if len(ids) > 1 else ids[0]
            catalog.add(
                msgid,
                locations=[(str(path.relative_to(base)), lineno)],
                auto_comments=comments,
                context=context,
            )
    return catalog


def load(domain: Domain, lang: str) -> Catalog:
    path = domain.po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, project="Phakhi", charset="utf-8")
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def update(domain: Domain, lang: str) -> Catalog:
    """Merge newly extracted strings into the language's .po file, keeping translations."""
    catalog = load(domain, lang)
    created = catalog.creation_date
    catalog.update(extract(domain), no_fuzzy_matching=True)
    # Catalog.update stamps the template's creation time; keep the file's, so an update
    # that changes no string changes no byte.
    catalog.creation_date = created
    catalog.fuzzy = False
    # Strings no longer in the code are dropped rather than kept as obsolete noise.
    catalog.obsolete.clear()
    path = domain.po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, sort_output=True)
    return catalog


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compile_domain(domain: Domain, lang: str) -> Path:
    path = domain.mo_path(lang)
    path.write_bytes(compiled(load(domain, lang)))
    return path


def untranslated(domain: Domain, lang: str) -> list[str]:
    """Strings of the code that the language's catalogue lacks, leaves empty or marks fuzzy."""
    catalog = load(domain, lang)
    missing = []
    for message in extract(domain):
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        strings = entry.string if entry else None
        if isinstance(strings, tuple | list):
            done = all(strings)
        else:
            done = bool(strings)
        if entry is None or not done or entry.fuzzy:
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing
