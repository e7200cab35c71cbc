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

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Section:
    """A block a higher app adds to the page of a lower app's record.

    `rows(obj)` returns the ordered, published queryset; the `{% sections %}` tag
    asks it for `limit + 1` rows (one query) to know whether there are more, and
    then links to `more_url(obj)`, the filtered public list that shows them all.
    The template receives `obj`, `rows`, `has_more`, `more_url` and `section`;
    nothing is rendered when there are no rows.
    """

    key: str
    template: str
    rows: Callable[[Model], QuerySet]
    more_url: Callable[[Model], str] | None = None
    limit: int = 5
    order: int = 100


@dataclass(frozen=True)
class ListFilter:
    """A filter a higher app adds to a lower app's public list (`?event=<slug>` on publications).

    `field()` returns the form field (None when it has nothing to offer, and the
    list leaves it out); `apply(queryset, value)` narrows the list by a valid value.
    """

    key: str
    field: Callable[[], Any]
    apply: Callable[[QuerySet, Any], QuerySet]


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

    def models(self) -> list:
        """The models of the app that registered this generator."""
        from django.apps import apps

        return list(apps.get_app_config(self.label).get_models())


@dataclass(frozen=True)
class QualityCheck:
    """One rule of the admin home's data-quality list, for one model (the class).

    `narrow(queryset)` returns the records that break the rule; the dashboard asks it
    for a count and the first few rows (two queries whatever the data), links each row
    to its admin change page and the count to the changelist filtered by
    `?quality=<key>` (the `portal.dashboard.QualityFilter` in the model admin's
    `list_filter`).
    """

    key: str
    model: type[Model]
    label: Any  # a lazy translated string
    narrow: Callable[[QuerySet], QuerySet]
    order: int = 100


@dataclass(frozen=True)
class Statistic:
    """A chart with its table, computed by database aggregates (`portal.charts`).

    `data(obj)` returns a `portal.charts.Table` for the record (None: the whole portal),
    or None when there is nothing to show. `places` names where it appears: "statistics"
    (the statistics page), "home", "events:list", or a model label ("programmes.Programme",
    "networks.Network") for that record's page.
    """

    key: str
    data: Callable[[Any], Any]
    places: tuple[str, ...]
    order: int = 100


@dataclass(frozen=True)
class DataLink:
    """A machine-readable file the data page lists beside the datasets (IATI, Popolo)."""

    key: str
    title: Any  # a lazy translated string
    description: Any
    url_name: str
    standard: str = ""
    order: int = 100


@dataclass(frozen=True)
class Relation:
    """Organisations sharing something (a programme, an event, a network), for the
    partnership picture (`portal.partnerships`).

    `pairs(scope, obj, first_year, last_year)` returns rows of (context key, organisation
    id), a values_list the database computes: every two organisations with the same
    context key are linked. `scope` is None (the whole portal) or a scope key
    ("programme", "network") with its record `obj`; years are Common Era or None.
    """

    key: str
    label: Any  # a lazy translated string: "programmes", "events", "networks"
    pairs: Callable[..., Any]
    count_label: Callable[[int], str] | None = None  # "2 events" (ngettext)

    def describe(self, count: int) -> str:
        return self.count_label(count) if self.count_label else f"{self.label} {count}"


@dataclass(frozen=True)
class GraphScope:
    """A kind of record that has its own partnership picture (a programme, a network)."""

    key: str
    queryset: Callable[[], QuerySet]  # the published records
    order: int = 100


@dataclass(frozen=True)
class RecordDocument:
    """A public document of a lower app's record that a higher app holds (a programme's
    publications), for machine-readable records of the lower one (its IATI activity)."""

    titles: dict  # language code → title
    path: str  # the document's public page
    content_type: str = "text/html"
    languages: tuple[str, ...] = ()
    date: Any = None  # a datetime.date, when known


sections: dict[str, list[Section]] = defaultdict(list)
admin_inlines: dict[str, list[Any]] = defaultdict(list)  # model label → InlineModelAdmin classes
statistics: list[Statistic] = []
relations: list[Relation] = []
graph_scopes: dict[str, GraphScope] = {}
list_filters: dict[str, list[ListFilter]] = defaultdict(list)
# model label → functions returning a Prefetch that a higher app adds to its detail queryset
prefetches: dict[str, list[Callable[[], Any]]] = defaultdict(list)
list_pages: list[str] = []  # URL names of the section indexes, for the site map
home_blocks: list[HomeBlock] = []
figures: list[Figure] = []
search_sources: list[Any] = []  # portal.search.Source
sitemaps: dict[str, Any] = {}  # name → django.contrib.sitemaps.Sitemap class
demo_loaders: list[DemoLoader] = []
archive_generators: list[ArchiveGenerator] = []
country_sources: list[Callable[[], set[str]]] = []  # ISO codes of published records
quality_checks: list[QualityCheck] = []
status_counts: list[type[Model]] = []  # the models the admin home counts by status
# model label → functions(ids) returning {id: [RecordDocument, …]} in one or two queries
record_documents: dict[str, list[Callable[[list[int]], dict]]] = defaultdict(list)
# functions returning a queryset of the ids of people who hold a public role (a role at a
# published event, a place in a published programme's team): the people open data may name
public_people: list[Callable[[], QuerySet]] = []
datasets: list[Any] = []  # portal.opendata.Dataset: the exports, the data page and the package
data_links: list[DataLink] = []


def _add(items: list, item, key: Callable) -> None:
    """Append once: a second registration under the same key replaces the first."""
    items[:] = [existing for existing in items if key(existing) != key(item)] + [item]


def register_section(model_label: str, section: Section) -> None:
    _add(sections[model_label], section, key=lambda s: s.key)
    sections[model_label].sort(key=lambda s: s.order)


def sections_for(obj: Model) -> list[Section]:
    return list(sections.get(obj._meta.label, ()))


def register_list_filter(model_label: str, list_filter: ListFilter) -> None:
    _add(list_filters[model_label], list_filter, key=lambda f: f.key)


def list_filters_for(model_label: str) -> list[ListFilter]:
    return list(list_filters.get(model_label, ()))


def register_prefetch(model_label: str, prefetch: Callable[[], Any]) -> None:
    """Records a higher app loads with a lower app's record (for the attribute it documents)."""
    if prefetch not in prefetches[model_label]:
        prefetches[model_label].append(prefetch)


def prefetches_for(model_label: str) -> list:
    return [prefetch() for prefetch in prefetches.get(model_label, ())]


def register_home_block(block: HomeBlock) -> None:
    _add(home_blocks, block, key=lambda b: b.key)
    home_blocks.sort(key=lambda b: b.order)


def register_figure(figure: Figure) -> None:
    _add(figures, figure, key=lambda f: f.key)
    figures.sort(key=lambda f: f.order)


def register_search_source(source) -> None:
    _add(search_sources, source, key=lambda s: s.key)
    search_sources.sort(key=lambda s: s.order)


def register_sitemap(name: str, sitemap, list_pages: tuple[str, ...] = ()) -> None:
    """A sitemap of an app's records, and the URL names of its list pages (section indexes)."""
    sitemaps[name] = sitemap
    for url_name in list_pages:
        register_list_page(url_name)


def register_list_page(url_name: str) -> None:
    if url_name not in list_pages:
        list_pages.append(url_name)


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


def register_quality_check(check: QualityCheck) -> None:
    _add(quality_checks, check, key=lambda c: c.key)
    quality_checks.sort(key=lambda c: c.order)


def quality_checks_for(model_label: str) -> list[QualityCheck]:
    return [check for check in quality_checks if check.model._meta.label == model_label]


def register_status_count(model: type[Model]) -> None:
    """A content model (a `PublishedModel`) whose records the admin home counts by status."""
    if model not in status_counts:
        status_counts.append(model)


@dataclass(frozen=True)
class YearSection:
    """An app's outputs of one year on the year archive (`/years/<year>/`), across the
    portal or of one programme (`/programmes/<slug>/years/<year>/`).

    `rows(year, programme)` returns the ordered, published queryset of the year's
    records (of that programme when one is given); the page asks it for `limit + 1`
    rows (one query) and links to `more_url(year, programme)` when there are more.
    `years(programme)` returns querysets with a `year` value: the Common-Era years that
    have rows (the archive's index unions them, in one query). The template receives `rows`, `has_more`,
    `more_url`, `section`, `year` and `programme`.
    """

    key: str
    label: Any  # the section heading (a lazy translated string)
    template: str
    rows: Callable[[int, Model | None], QuerySet]
    years: Callable[[Model | None], list[QuerySet]]
    more_url: Callable[[int, Model | None], str] | None = None
    limit: int = 10
    order: int = 100
    programme_label: Any = None  # the heading on one programme's year page, if another


year_sections: list[YearSection] = []


def register_year_section(section: YearSection) -> None:
    _add(year_sections, section, key=lambda s: s.key)
    year_sections.sort(key=lambda s: s.order)


def register_admin_inline(model_label: str, inline) -> None:
    """An inline a higher app adds to a lower app's admin page (the admin reads
    `admin_inlines_for` in `get_inlines`)."""
    if inline not in admin_inlines[model_label]:
        admin_inlines[model_label].append(inline)


def admin_inlines_for(model_label: str) -> list:
    return list(admin_inlines.get(model_label, ()))


def register_statistic(statistic: Statistic) -> None:
    _add(statistics, statistic, key=lambda s: s.key)
    statistics.sort(key=lambda s: s.order)


def statistics_for(place: str) -> list[Statistic]:
    return [statistic for statistic in statistics if place in statistic.places]


def register_relation(relation: Relation) -> None:
    _add(relations, relation, key=lambda r: r.key)


def register_graph_scope(scope: GraphScope) -> None:
    graph_scopes[scope.key] = scope


def register_dataset(dataset) -> None:
    """An app's open dataset (`portal.opendata.Dataset`): its export, its entry on the data
    page and its resource in the data package."""
    _add(datasets, dataset, key=lambda d: d.key)
    datasets.sort(key=lambda d: d.order)


def dataset(key: str):
    """The registered dataset named `key`, or None."""
    return next((d for d in datasets if d.key == key), None)


def register_data_link(link: DataLink) -> None:
    _add(data_links, link, key=lambda link: link.key)
    data_links.sort(key=lambda link: link.order)


def register_record_documents(model_label: str, documents: Callable[[list[int]], dict]) -> None:
    if documents not in record_documents[model_label]:
        record_documents[model_label].append(documents)


def documents_for(model_label: str, ids: list[int]) -> dict[int, list[RecordDocument]]:
    found: dict[int, list[RecordDocument]] = defaultdict(list)
    for documents in record_documents.get(model_label, ()):
        for key, items in documents(ids).items():
            found[key].extend(items)
    return found


def register_public_people(people: Callable[[], QuerySet]) -> None:
    """`people()` returns `Person` ids (a `values("person_id")` queryset) in a public role."""
    if people not in public_people:
        public_people.append(people)
