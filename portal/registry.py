"""How apps contribute to each other's pages and to the site without importing each other.

Dependencies point one way (`events → publications → programmes → networks`,
every app → `portal`). When a page of a lower app shows records of a higher
one (an organisation's events), the higher app registers a `Section` for the
lower model from its `AppConfig.ready()`, and the lower template renders
whatever is registered (`{% sections organisation %}`). Search sources,
sitemaps, home-page blocks, figures at a glance, demo loaders and archive
generators are registered the same way, so portal never names an app or its
fields. `ready()` runs in `INSTALLED_APPS` order, which is the dependency order,
so demo loaders run lower apps first.

Modelled on `django.contrib.admin.site.register`: plain module-level lists
filled at start-up, read-only afterwards.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model


@dataclass(frozen=True)
class Section:
    """A block a higher app adds to the page of a lower app's record.

    `rows(obj)` returns at most `limit` rows plus whether there are more (one
    query: ask for `limit + 1`); `more_url(obj)` is the filtered list that shows
    them all. The template receives `obj`, `rows`, `has_more`, `more_url` and
    `section`.
    """

    key: str
    template: str
    rows: Callable[[Model], Any]
    more_url: Callable[[Model], str] | None = None
    order: int = 100


@dataclass(frozen=True)
class HomeBlock:
    """A block of the home page: `context()` returns what its template shows."""

    key: str
    template: str
    context: Callable[[], dict]
    order: int = 100


@dataclass(frozen=True)
class Figure:
    """One figure at a glance on the home page, computed by the database."""

    key: str
    label: Any  # a lazy translated string
    value: Callable[[], int]
    order: int = 100


@dataclass(frozen=True)
class DemoLoader:
    """An app's demo content: `load()` is idempotent and returns a one-line summary."""

    label: str
    load: Callable[[], str]


@dataclass(frozen=True)
class ArchiveGenerator:
    """An app's part of the generated archive (never the demo), under the app's label.

    `generate(*, scale, rng, stdout)` adds the app's rows and returns a summary;
    `remove()` deletes exactly the rows it generates; `pages()` names the pages of
    the app `manage.py benchmark` measures (`portal.archive.Page`s).
    """

    label: str
    generate: Callable[..., str]
    remove: Callable[[], str] | None = None
    pages: Callable[[], list] | None = None


sections: dict[str, list[Section]] = defaultdict(list)
home_blocks: list[HomeBlock] = []
figures: list[Figure] = []
search_sources: list[Any] = []  # portal.search.Source
sitemaps: dict[str, Any] = {}  # name → django.contrib.sitemaps.Sitemap class
demo_loaders: list[DemoLoader] = []
archive_generators: list[ArchiveGenerator] = []
country_sources: list[Callable[[], set[str]]] = []  # ISO codes of published records


def _add(items: list, item, key: Callable) -> None:
    """Append once: a second registration under the same key replaces the first."""
    items[:] = [existing for existing in items if key(existing) != key(item)] + [item]


def register_section(model_label: str, section: Section) -> None:
    _add(sections[model_label], section, key=lambda s: s.key)
    sections[model_label].sort(key=lambda s: s.order)


def sections_for(obj: Model) -> list[Section]:
    return list(sections.get(obj._meta.label, ()))


def register_home_block(block: HomeBlock) -> None:
    _add(home_blocks, block, key=lambda b: b.key)
    home_blocks.sort(key=lambda b: b.order)


def register_figure(figure: Figure) -> None:
    _add(figures, figure, key=lambda f: f.key)
    figures.sort(key=lambda f: f.order)


def register_search_source(source) -> None:
    _add(search_sources, source, key=lambda s: s.key)


def register_sitemap(name: str, sitemap) -> None:
    sitemaps[name] = sitemap


def register_demo(label: str, load: Callable[[], str]) -> None:
    _add(demo_loaders, DemoLoader(label, load), key=lambda d: d.label)


def register_archive_generator(
    label: str,
    generate: Callable[..., str],
    *,
    remove: Callable[[], str] | None = None,
    pages: Callable[[], list] | None = None,
) -> None:
    _add(
        archive_generators,
        ArchiveGenerator(label, generate, remove=remove, pages=pages),
        key=lambda g: g.label,
    )


def register_countries(source: Callable[[], set[str]]) -> None:
    if source not in country_sources:
        country_sources.append(source)
