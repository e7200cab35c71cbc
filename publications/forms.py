"""The library's filter form, the admin form that checks uploads, and the partner sign-in form."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.models import Organisation
from portal import registry, thaidates
from portal.auth import ThrottledSignInMixin
from portal.forms import FilterForm, RecordFilter
from programmes.models import GoodPractice
from publications import selectors, services, uploads
from publications.models import Publication

ACCEPT = ",".join(sorted({extension for t in uploads.TYPES.values() for extension in t.extensions}))


class LibraryFilterForm(FilterForm):
    """Filters of the library; an invalid value is ignored, never an error page."""

    kind = forms.ChoiceField(label=pgettext_lazy("publication", "Kind"), required=False)
    language = forms.ChoiceField(label=_("Language of the document"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    access = forms.ChoiceField(label=_("Access"), required=False)
    # Reached from an organisation's or a good-practice case's page ("see all").
    publisher = RecordFilter(Organisation, label=_("Publisher"))
    good_practice = RecordFilter(GoodPractice, label=_("Good practice"))
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            (selectors.SORT_NEWEST, _("Newest first")),
            (selectors.SORT_DOWNLOADS, _("Most downloaded first")),
        ],
    )

    def __init__(self, data=None, *, choices: dict):
        super().__init__(
            data,
            choices={
                "kind": choices["kinds"],
                "language": choices["languages"],
                "year": [(year, thaidates.calendar_year(year)) for year in choices["years"]],
                "programme": choices["programmes"],
                "access": choices["access"],
            },
        )
        # Filters other apps add (events: `?event=<slug>`), after the library's own.
        added = []
        for list_filter in registry.list_filters_for(Publication._meta.label):
            field = list_filter.field()
            if field is not None:
                self.fields[list_filter.key] = field
                added.append(list_filter.key)
        self.order_fields(["kind", "language", "year", "programme", *added, "access", "sort"])

    def filters(self) -> dict:
        """The valid, non-empty filters; the default sort order is not one."""
        return {
            name: value
            for name, value in super().filters().items()
            if not (name == "sort" and value == selectors.SORT_NEWEST)
        }


class _StoredFile:
    """What the file widget shows for a stored file: its original name, linked to the download."""

    def __init__(self, url: str, name: str):
        self.url = url
        self.name = name

    def __str__(self):
        return self.name


class ProtectedFileInput(forms.ClearableFileInput):
    """A file input for protected storage, which has no public URL: links to the download view."""

    download_url = ""
    display_name = ""

    def is_initial(self, value):
        return bool(value)

    def format_value(self, value):
        if self.is_initial(value):
            return _StoredFile(self.download_url, self.display_name or str(value))
        return None


class PublicationAdminForm(forms.ModelForm):
    """Checks an uploaded file by its content and reads its facts before anything is stored."""

    class Meta:
        model = Publication
        fields = [
            "title",
            "kind",
            "languages",
            "year",
            "authors",
            "publisher",
            "programme",
            "abstract",
            "cover",
            "file",
            "is_placeholder",
            "access",
            "slug",
            "status",
            "published_at",
        ]
        help_texts = {"file": uploads.ACCEPTED_HELP}
        widgets = {"file": ProtectedFileInput(attrs={"accept": ACCEPT})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = self.fields["file"].widget if "file" in self.fields else None
        if isinstance(widget, ProtectedFileInput) and self.instance.pk and self.instance.file:
            widget.download_url = self.instance.get_download_url()
            widget.display_name = self.instance.original_filename

    def clean_file(self):
        value = self.cleaned_data.get("file")
        if value is False:
            # "Clear" ticked: the facts of the old file go with it.
            for name in ("original_filename", "content_type", "sha256"):
                setattr(self.instance, name, "")
            self.instance.file_size = None
            self.instance.page_count = None
        elif isinstance(value, UploadedFile):
            info = uploads.inspect_upload(value, value.name)
            services.publication_apply_file_info(
                publication=self.instance, info=info, filename=value.name
            )
            if info.cleaned is not None:
                # A re-encoded image: its cleaned bytes are what is stored, never the upload's.
                value = SimpleUploadedFile(value.name, info.cleaned, info.content_type)
        return value


class PartnerSignInForm(ThrottledSignInMixin, AuthenticationForm):
    """Django's sign-in form with labels that speak to partners."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The user name and password do not match an account. Both are case-sensitive."
        ),
        "inactive": _("This account is switched off. Ask the portal staff to switch it on."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("User name")
        self.fields["password"].label = _("Password")
