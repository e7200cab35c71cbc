"""The partnership picture: organisations linked by the programmes, events and networks
they share, for the whole portal, a programme or a network, in a period.

Each app registers a `registry.Relation` whose `pairs()` returns (context, organisation)
rows from the database (networks: members and coordinators; programmes: lead and
partners; events: organisers and awardees). Two organisations with the same context are
linked. The picture keeps the most connected organisations (`LIMIT`) and lists the next
ones (`MORE`) as text; the layout is an arc diagram computed here: organisations in a
column, ordered so linked ones sit close (breadth first from the most connected, ties by
name), arcs on the right as thick as the number of things two organisations share. The
same data always draws the same picture, and the result is kept under the content version
(`pagecache.cached`), so an archive of 5,000 organisations is computed once per change.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from networks.models import Organisation
from portal import pagecache, registry
from portal.charts import shorten

LIMIT = 30
MORE = 30
WIDTH = 320
ROW = 26
LABEL_X = 0
DOT_X = 232
LABEL_CHARS = 28
STRONGEST = 3


@dataclass
class Node:
    pk: int
    name: str
    url: str
    weight: int  # links: for each shared context, the other organisations in it
    index: int = 0
    y: int = 0
    short_name: str = ""
    neighbour_texts: list = field(default_factory=list)  # (Node, what they share, in words)


@dataclass
class Edge:
    source: Node
    target: Node
    counts: dict  # relation key → number of shared contexts
    path: str = ""
    width: float = 1.0
    counts_text: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Graph:
    nodes: list[Node]
    edges: list[Edge]
    more: list[Node]
    organisation_count: int
    link_count: int
    labels: dict  # relation key → its label
    width: int = WIDTH
    height: int = 0
    dot_x: int = DOT_X

    @property
    def description(self) -> str:
        """A short text alternative; the list under the picture names every link drawn."""
        return ngettext(
            "%(nodes)s organisations and %(count)s link between them; the list below names it.",
            "%(nodes)s organisations and %(count)s links between them; the list below names each.",
            len(self.edges),
        ) % {"nodes": len(self.nodes), "count": len(self.edges)}


def _contexts(scope: str | None, obj, first_year: int | None, last_year: int | None):
    """context key → set of organisation ids, from every registered relation."""
    contexts: dict[tuple[str, object], set[int]] = defaultdict(set)
    for relation in registry.relations:
        for context, organisation_id in relation.pairs(scope, obj, first_year, last_year):
            if organisation_id:
                contexts[(relation.key, context)].add(organisation_id)
    return {key: members for key, members in contexts.items() if len(members) > 1}


def _order(nodes: list[Node], adjacency: dict[int, dict[int, int]]) -> list[Node]:
    """Breadth first from the most connected node, strongest links first, so linked
    organisations sit close together and arcs stay short."""
    by_pk = {node.pk: node for node in nodes}
    rank = {node.pk: position for position, node in enumerate(nodes)}
    seen: set[int] = set()
    ordered: list[Node] = []
    for start in nodes:
        if start.pk in seen:
            continue
        queue = [start.pk]
        seen.add(start.pk)
        while queue:
            pk = queue.pop(0)
            ordered.append(by_pk[pk])
            for other in sorted(adjacency[pk], key=lambda o: (-adjacency[pk][o], rank[o])):
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
    return ordered


def build(scope: str | None = None, obj=None, first_year=None, last_year=None) -> Graph:
    contexts = _contexts(scope, obj, first_year, last_year)
    weight: dict[int, int] = defaultdict(int)
    for members in contexts.values():
        for pk in members:
            weight[pk] += len(members) - 1
    ranked = sorted(weight, key=lambda pk: (-weight[pk], pk))
    shown_ids, more_ids = ranked[:LIMIT], ranked[LIMIT : LIMIT + MORE]
    shown = set(shown_ids)
    names = {
        organisation.pk: organisation
        for organisation in Organisation.objects.filter(pk__in=[*shown_ids, *more_ids]).only(
            "pk", "slug", "name", "name_th", "name_en", "acronym", "acronym_th", "acronym_en"
        )
    }

    def node(pk: int) -> Node:
        organisation = names[pk]
        name = str(organisation)
        return Node(pk=pk, name=name, url=organisation.get_absolute_url(), weight=weight[pk])

    nodes = [node(pk) for pk in shown_ids if pk in names]
    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (relation_key, _context), members in contexts.items():
        inside = sorted(members & shown)
        for i, a in enumerate(inside):
            for b in inside[i + 1 :]:
                counts[(a, b)][relation_key] += 1
    adjacency: dict[int, dict[int, int]] = defaultdict(dict)
    for (a, b), by_relation in counts.items():
        adjacency[a][b] = adjacency[b][a] = sum(by_relation.values())
    nodes = _order(nodes, adjacency)
    by_pk = {}
    for index, item in enumerate(nodes):
        item.index = index
        item.y = index * ROW + ROW // 2 + 4
        item.short_name = shorten(item.name, LABEL_CHARS)
        by_pk[item.pk] = item
    # Each organisation keeps its strongest links (STRONGEST): a picture of every link among
    # thirty busy organisations is a solid block, and its list would outweigh the page.
    kept: set[tuple[int, int]] = set()
    for item in nodes:
        own = [pair for pair in counts if item.pk in pair and pair[0] in by_pk and pair[1] in by_pk]
        own.sort(key=lambda pair: (-sum(counts[pair].values()), pair))
        kept.update(own[:STRONGEST])
    edges = []
    for (a, b), by_relation in sorted(counts.items()):
        if (a, b) not in kept:
            continue
        top, bottom = sorted((by_pk[a], by_pk[b]), key=lambda n: n.index)
        edge = Edge(source=top, target=bottom, counts=dict(sorted(by_relation.items())))
        span = bottom.y - top.y
        reach = min(WIDTH - DOT_X - 4, 8 + span * 0.45)
        edge.path = (
            f"M{DOT_X},{top.y} C{DOT_X + reach:.1f},{top.y} "
            f"{DOT_X + reach:.1f},{bottom.y} {DOT_X},{bottom.y}"
        )
        edge.width = round(min(1 + edge.total, 6), 1)
        edge.counts_text = _shared(edge.counts)
        edges.append(edge)
        # Each link is listed once, under the organisation higher in the picture (the list
        # is what a screen reader reads; twice would double the page).
        top.neighbour_texts.append((bottom, edge.counts_text))
    for item in nodes:
        item.neighbour_texts.sort(key=lambda pair: pair[0].index)
    labels = {relation.key: str(relation.label) for relation in registry.relations}
    return Graph(
        nodes=nodes,
        edges=edges,
        more=[node(pk) for pk in more_ids if pk in names],
        organisation_count=len(weight),
        link_count=sum(len(members) * (len(members) - 1) // 2 for members in contexts.values()),
        labels=labels,
        height=len(nodes) * ROW + 8,
    )


def _shared(counts: dict) -> str:
    """What two organisations share, in words: "2 events, 1 network"."""
    labels = {relation.key: relation for relation in registry.relations}
    return ", ".join(labels[key].describe(count) for key, count in sorted(counts.items()) if count)


def graph(scope: str | None = None, obj=None, first_year=None, last_year=None) -> Graph:
    """The picture's data for the scope and period, computed once per change of the records."""
    key = f"partnerships:{scope or '-'}:{getattr(obj, 'pk', '-')}:{first_year}:{last_year}"
    return pagecache.cached(key, lambda: build(scope, obj, first_year, last_year))


def period_q(first_year, last_year, start: str, end: str | None = None):
    """Records in a period: a date field `start` (and optional `end`) overlapping the years."""
    from django.db.models import Q

    condition = Q()
    if last_year is not None:
        condition &= Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__year__lte": last_year})
    if first_year is not None:
        later = end or start
        condition &= Q(**{f"{later}__isnull": True}) | Q(**{f"{later}__year__gte": first_year})
    return condition


def membership_pairs(scope, obj, first_year, last_year):
    """Members and coordinators of published networks (each network a context)."""
    from itertools import chain

    from networks.models import Membership, Network
    from portal.models import PublishedQuerySet

    networks = Network.objects.published()
    if scope == "network":
        networks = networks.filter(pk=obj.pk)
    elif scope == "programme":
        networks = networks.filter(pk__in=obj.networks.values("pk"))
    members = (
        Membership.objects.filter(network__in=networks.values("pk"))
        .filter(PublishedQuerySet.published_q("organisation__"))
        .filter(period_q(first_year, last_year, "start", "end"))
        .values_list("network_id", "organisation_id")
        .order_by()
    )
    coordinators = (
        networks.exclude(coordinator=None)
        .filter(PublishedQuerySet.published_q("coordinator__"))
        .values_list("pk", "coordinator_id")
        .order_by()
    )
    return chain(members, coordinators)


def register() -> None:
    registry.register_relation(
        registry.Relation(
            "networks",
            _("networks"),
            membership_pairs,
            lambda n: ngettext("%(count)d network", "%(count)d networks", n) % {"count": n},
        )
    )
