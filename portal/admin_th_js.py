"""Thai for the admin's JavaScript strings Django's Thai catalogue leaves in English.

Django 5.2's Thai `djangojs` catalogue for `django.contrib.admin` lacks the
selector widget's help ("Choose all %s"), the action warnings and the
calendar's day names and abbreviations, and shows "%(sel)s of %(cnt)s
selected" half in English ("0 จาก 2 selected"). The admin's `jsi18n` view
(`JavaScriptCatalog`) merges the `djangojs` catalogues of `LOCALE_PATHS` over
the admin's own, so the project's `locale/th/LC_MESSAGES/djangojs.po` supplies
them.

This module only lists those msgids for `manage.py catalogue update portal` to
extract into that file (`portal.catalogues` keeps it out of `django.po`);
nothing uses its values at run time. Re-check on each Django upgrade:
tests/portal/test_admin_thai.py fails for any admin string Thai shows in
English. The `django`-domain strings are in `portal/admin_th.py`.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

MESSAGES = (
    # Django's Thai admin catalogue has no translation
    gettext_noop('Choose %s by selecting them and then select the "Choose" arrow button.'),
    gettext_noop("Choose all %s"),
    gettext_noop("Choose selected %s"),
    gettext_noop("Remove selected %s"),
    gettext_noop('Remove %s by selecting them and then select the "Remove" arrow button.'),
    gettext_noop("Type into this box to filter down the list of selected %s."),
    gettext_noop("(click to clear)"),
    gettext_noop("Remove all %s"),
    ngettext_lazy("%s selected option not visible", "%s selected options not visible", 0),
    gettext_noop(
        "You have selected an action, but you haven’t saved your changes to individual fields yet. Please click OK to save. You’ll need to re-run the action."
    ),
    gettext_noop(
        "You have selected an action, and you haven’t made any changes on individual fields. You’re probably looking for the Go button rather than the Save button."
    ),
    pgettext_lazy("abbrev. month January", "Jan"),
    pgettext_lazy("abbrev. month February", "Feb"),
    pgettext_lazy("abbrev. month March", "Mar"),
    pgettext_lazy("abbrev. month April", "Apr"),
    pgettext_lazy("abbrev. month May", "May"),
    pgettext_lazy("abbrev. month June", "Jun"),
    pgettext_lazy("abbrev. month July", "Jul"),
    pgettext_lazy("abbrev. month August", "Aug"),
    pgettext_lazy("abbrev. month September", "Sep"),
    pgettext_lazy("abbrev. month October", "Oct"),
    pgettext_lazy("abbrev. month November", "Nov"),
    pgettext_lazy("abbrev. month December", "Dec"),
    gettext_noop("Sunday"),
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    pgettext_lazy("abbrev. day Sunday", "Sun"),
    pgettext_lazy("abbrev. day Monday", "Mon"),
    pgettext_lazy("abbrev. day Tuesday", "Tue"),
    pgettext_lazy("abbrev. day Wednesday", "Wed"),
    pgettext_lazy("abbrev. day Thursday", "Thur"),
    pgettext_lazy("abbrev. day Friday", "Fri"),
    pgettext_lazy("abbrev. day Saturday", "Sat"),
    # Django's Thai admin catalogue leaves this partly in English
    ngettext_lazy("%(sel)s of %(cnt)s selected", "%(sel)s of %(cnt)s selected", 0),
)
