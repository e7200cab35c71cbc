"""Thai for the django-reversion strings the admin shows (reversion has no Thai catalogue).

Like `portal/admin_th.py`: this module only lists the msgids for `manage.py catalogue
update` to extract into `locale/th/LC_MESSAGES/django.po`, which takes precedence over
the apps' catalogues; nothing uses its values at run time.
"""

from django.utils.translation import gettext_noop

REVERSION = (
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Initial version."),
    gettext_noop("Could not load %(object_repr)s version - not found"),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("Recover deleted %(verbose_name)s"),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("There are no deleted objects to recover."),
)
