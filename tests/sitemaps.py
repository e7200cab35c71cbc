"""Reading the site map as a crawler does: the index, then every page of every section."""

import re

HOST = re.compile(r"^https?://[^/]+")


def sitemap_xml(client) -> str:
    """Every section page the index lists, joined (each checked to answer 200)."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    pages = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", index.content.decode()):
        response = client.get(HOST.sub("", loc))
        assert response.status_code == 200, loc
        pages.append(response.content.decode())
    return "\n".join(pages)


def sitemap_paths(client) -> set[str]:
    """The paths of every page in the site map."""
    return {HOST.sub("", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap_xml(client))}
