"""Reads for the home page that combine the apps' published records."""

from django.apps import apps


def home_page_context() -> dict:
    """What the home page shows; each app contributes through its `selectors.home_page()`."""
    context: dict = {}
    for label in ("networks", "programmes", "events"):
        module = apps.get_app_config(label).module
        try:
            selectors = __import__(f"{module.__name__}.selectors", fromlist=["home_page"])
        except ModuleNotFoundError:
            continue
        if hasattr(selectors, "home_page"):
            context.update(selectors.home_page())
    return context
