"""Spreadsheet imports for the admin: a preview of every row, then all rows or none.

An `Importer` names its columns (a Thai and an English heading each, either accepted),
turns each row into a `RowResult` — created, updated or refused, with the reasons in the
staff member's language — and saves the lot in one transaction only when no row is
refused. `ImportAdminMixin` adds the upload, preview and template pages to a ModelAdmin.
The pages run in the request: the result page says how many rows were processed out of
how many; 10,000 rows take seconds (see `manage.py bench_import`), so no task queue.
"""

import os
import secrets
import tempfile
import time
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import history, spreadsheets

CREATE, UPDATE, REFUSE = "create", "update", "refuse"
ACTION_LABELS = {
    CREATE: gettext_lazy("new"),
    UPDATE: gettext_lazy("update"),
    REFUSE: gettext_lazy("refused"),
}


@dataclass(frozen=True)
class Column:
    key: str
    heading_th: str
    heading_en: str
    help: str  # lazy; says what the column holds and what is accepted
    required: bool = False
    example: str = ""
    aliases: tuple[str, ...] = ()

    def headings(self) -> set[str]:
        return {_fold(h) for h in (self.heading_th, self.heading_en, self.key, *self.aliases)}


def _fold(heading: str) -> str:
    return "".join(str(heading).casefold().split()).replace("*", "")


@dataclass
class RowResult:
    number: int  # the row's line in the file, the heading row being 1
    values: dict
    action: str = CREATE
    messages: list[str] = field(default_factory=list)
    instance: object = None

    def refuse(self, message: str) -> None:
        self.action = REFUSE
        self.messages.append(str(message))

    def note(self, message: str) -> None:
        self.messages.append(str(message))

    @property
    def cells(self) -> list[str]:
        return list(self.values.values())

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS[self.action])


@dataclass
class ImportPlan:
    rows: list[RowResult]
    encoding: str
    unknown_headings: list[str]
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        return {a: sum(1 for r in self.rows if r.action == a) for a in (CREATE, UPDATE, REFUSE)}

    # The preview lists every refused row and the first accepted ones, up to this many rows.
    SHOWN = 1000

    @cached_property
    def shown_rows(self) -> list[RowResult]:
        refused = sum(1 for r in self.rows if r.action == REFUSE)
        room = max(self.SHOWN - refused, 0)
        shown = []
        for row in self.rows:
            if row.action == REFUSE:
                shown.append(row)
            elif room:
                shown.append(row)
                room -= 1
        return shown

    @property
    def hidden_count(self) -> int:
        return len(self.rows) - len(self.shown_rows)

    @property
    def acceptable(self) -> bool:
        return bool(self.rows) and not any(r.action == REFUSE for r in self.rows)


class ImportRefused(Exception):
    def __init__(self, plan: ImportPlan):
        super().__init__("import refused")
        self.plan = plan


class Importer:
    """One kind of import. Subclasses set `columns` and write `plan_row` and `save`."""

    columns: tuple[Column, ...] = ()
    title = ""

    def map_headings(self, headings: list[str]) -> tuple[dict[int, str], list[str]]:
        """{column index: column key} and the headings no column answers to."""
        by_heading = {}
        for column in self.columns:
            for heading in column.headings():
                by_heading[heading] = column.key
        mapping, unknown = {}, []
        for index, heading in enumerate(headings):
            key = by_heading.get(_fold(heading))
            if key and key not in mapping.values():
                mapping[index] = key
            elif heading:
                unknown.append(heading)
        return mapping, unknown

    def plan(self, sheet: spreadsheets.Sheet) -> ImportPlan:
        started = time.perf_counter()
        mapping, unknown = self.map_headings(sheet.headings)
        missing = [c for c in self.columns if c.required and c.key not in mapping.values()]
        if missing:
            raise spreadsheets.SpreadsheetError(
                _("The file has no column %(columns)s. The first row must hold the headings.")
                % {"columns": ", ".join(f"“{c.heading_th}” / “{c.heading_en}”" for c in missing)}
            )
        self.prepare()
        results = []
        for offset, cells in enumerate(sheet.rows):
            values = dict.fromkeys((c.key for c in self.columns), "")
            for index, key in mapping.items():
                if index < len(cells):
                    values[key] = cells[index].strip()
            result = RowResult(number=offset + 2, values=values)
            self.plan_row(result)
            results.append(result)
        plan = ImportPlan(results, sheet.encoding, unknown)
        plan.seconds = time.perf_counter() - started
        return plan

    def prepare(self) -> None:
        """Load what every row is matched against, once."""

    def plan_row(self, row: RowResult) -> None:
        raise NotImplementedError

    def save(self, plan: ImportPlan) -> None:
        raise NotImplementedError

    def run(self, sheet: spreadsheets.Sheet) -> ImportPlan:
        """Plan and save every row in one transaction, or raise `ImportRefused` saving nothing."""
        with transaction.atomic():
            plan = self.plan(sheet)
            if not plan.acceptable:
                raise ImportRefused(plan)
            self.save(plan)
        return plan

    @staticmethod
    def validate(row: RowResult, instance, *, exclude=()) -> bool:
        """`full_clean` the instance, turning its errors into the row's reasons."""
        try:
            instance.full_clean(exclude=list(exclude), validate_unique=False)
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                label = name
                if name != "__all__":
                    try:
                        label = str(instance._meta.get_field(name).verbose_name)
                    except Exception:
                        label = name
                for problem in problems:
                    row.refuse(problem if name == "__all__" else f"{label}: {problem}")
            return False
        return True

    # The downloadable template

    def template_rows(self) -> list[list[str]]:
        return [[c.example for c in self.columns]]

    def template(self, fmt: str, *, lang: str) -> bytes:
        headings = [c.heading_th if lang == "th" else c.heading_en for c in self.columns]
        explained = [
            (
                c.heading_th,
                c.heading_en,
                _("required") if c.required else _("optional"),
                str(c.help),
            )
            for c in self.columns
        ]
        if fmt == "csv":
            comments = [
                _("Lines starting with # are ignored. Headings may be in Thai or English."),
                *(f"{th} / {en} ({need}): {text}" for th, en, need, text in explained),
            ]
            return spreadsheets.write_csv(headings, self.template_rows(), comments=comments)
        notes = (
            [_("Thai heading"), _("English heading"), _("required?"), _("what to write")],
            explained,
            _("Explanation"),
        )
        return spreadsheets.write_xlsx(headings, self.template_rows(), title=_("Data"), notes=notes)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("file"),
        help_text=gettext_lazy(
            "CSV (UTF-8, or Thai Windows-874/TIS-620 as Excel saves it) or XLSX. "
            "The first row holds the headings, in Thai or English."
        ),
    )


_SESSION_KEY = "portal_import_uploads"
_UPLOAD_DIR = os.path.join(tempfile.gettempdir(), "phakhi-imports")


def _keep_upload(data: bytes, filename: str) -> str:
    os.makedirs(_UPLOAD_DIR, exist_ok=True)
    suffix = ".xlsx" if filename.lower().endswith(".xlsx") else ".csv"
    token = secrets.token_urlsafe(16) + suffix
    with open(os.path.join(_UPLOAD_DIR, token), "wb") as handle:
        handle.write(data)
    return token


def _kept_upload(token: str) -> bytes | None:
    name = os.path.basename(token or "")
    if not name or name != token:
        return None
    try:
        with open(os.path.join(_UPLOAD_DIR, name), "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _drop_upload(token: str) -> None:
    try:
        os.remove(os.path.join(_UPLOAD_DIR, os.path.basename(token)))
    except OSError:
        pass


class ImportAdminMixin:
    """Adds imports to a ModelAdmin. `imports` maps a slug to a dict: `title`; `importer`,
    called with the object the import belongs to (the event of an attendance list, with
    `"on_object": True`) or None for an import linked from the changelist; `allowed`, called
    with the request (the permissions the import needs).
    """

    imports: dict = {}

    def import_url_name(self, slug, suffix=""):
        return f"{self.opts.app_label}_{self.opts.model_name}_import_{slug}{suffix}"

    def get_urls(self):
        urls = []
        for slug in self.imports:
            if self.imports[slug].get("on_object"):
                urls += [
                    path(
                        f"<path:object_id>/import/{slug}/",
                        self.admin_site.admin_view(self.import_view),
                        {"slug": slug},
                        name=self.import_url_name(slug),
                    ),
                    path(
                        f"<path:object_id>/import/{slug}/template.<str:fmt>",
                        self.admin_site.admin_view(self.import_template_view),
                        {"slug": slug},
                        name=self.import_url_name(slug, "_template"),
                    ),
                ]
            else:
                urls += [
                    path(
                        f"import/{slug}/",
                        self.admin_site.admin_view(self.import_view),
                        {"slug": slug, "object_id": None},
                        name=self.import_url_name(slug),
                    ),
                    path(
                        f"import/{slug}/template.<str:fmt>",
                        self.admin_site.admin_view(self.import_template_view),
                        {"slug": slug, "object_id": None},
                        name=self.import_url_name(slug, "_template"),
                    ),
                ]
        return urls + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        links = [
            (
                spec["title"],
                reverse("admin:" + self.import_url_name(slug)),
            )
            for slug, spec in self.imports.items()
            if not spec.get("on_object") and spec["allowed"](request)
        ]
        return super().changelist_view(request, {**(extra_context or {}), "import_links": links})

    def _import_setup(self, request, slug, object_id):
        spec = self.imports.get(slug)
        if spec is None:
            raise Http404
        obj = None
        if spec.get("on_object"):
            obj = self.get_object(request, object_id)
            if obj is None:
                raise Http404
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
        if not spec["allowed"](request):
            raise PermissionDenied
        return spec, obj, spec["importer"](obj)

    def import_template_view(self, request, slug, object_id, fmt):
        spec, obj, importer = self._import_setup(request, slug, object_id)
        if fmt not in spreadsheets.FORMATS:
            raise Http404
        from portal.i18n import page_language

        data = importer.template(fmt, lang=page_language())
        response = HttpResponse(data, content_type=spreadsheets.CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{slug}-template.{fmt}"'
        return response

    def import_view(self, request, slug, object_id):
        spec, obj, importer = self._import_setup(request, slug, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": spec["title"],
            "importer": importer,
            "slug": slug,
            "template_urls": {
                fmt: reverse(
                    "admin:" + self.import_url_name(slug, "_template"),
                    kwargs={"fmt": fmt, **({"object_id": obj.pk} if obj is not None else {})},
                )
                for fmt in spreadsheets.FORMATS
            },
        }
        form = ImportForm()
        if request.method == "POST" and "confirm" in request.POST:
            token = request.POST.get("token", "")
            filename = request.POST.get("filename", "")
            data = _kept_upload(token) if token in request.session.get(_SESSION_KEY, []) else None
            if data is None:
                messages.error(request, _("The uploaded file has expired. Upload it again."))
                return HttpResponseRedirect(request.path)
            try:
                # Each record the import saves gets a history entry naming the file.
                with history.recorded(
                    f"{history.IMPORT_MARK} {os.path.basename(filename)}",
                    user=request.user,
                    records=[obj] if obj is not None else [],
                ):
                    plan = importer.run(spreadsheets.read(data, filename))
            except spreadsheets.SpreadsheetError as error:
                form.add_error(None, str(error))
            except ImportRefused as refused:
                context.update(plan=refused.plan, token=token, filename=filename)
                messages.error(request, _("Nothing was saved: some rows are refused."))
                return TemplateResponse(
                    request, "admin/portal/import.html", {**context, "form": form}
                )
            else:
                _drop_upload(token)
                counts = plan.counts
                context.update(plan=plan, done=True)
                messages.success(
                    request,
                    _(
                        "Import finished: %(total)s of %(total)s rows processed, "
                        "%(created)s new, %(updated)s updated."
                    )
                    % {
                        "total": len(plan.rows),
                        "created": counts[CREATE],
                        "updated": counts[UPDATE],
                    },
                )
                return TemplateResponse(
                    request, "admin/portal/import.html", {**context, "form": form}
                )
        elif request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["file"]
                data = upload.read()
                try:
                    plan = importer.plan(spreadsheets.read(data, upload.name))
                except spreadsheets.SpreadsheetError as error:
                    form.add_error("file", str(error))
                else:
                    # Planning wrote nothing; the preview keeps the file for the confirmation.
                    token = _keep_upload(data, upload.name)
                    # Only the staff member who uploaded the file may confirm its import.
                    request.session[_SESSION_KEY] = [
                        *request.session.get(_SESSION_KEY, [])[-9:],
                        token,
                    ]
                    context.update(plan=plan, token=token, filename=upload.name)
        context["form"] = form
        return TemplateResponse(request, "admin/portal/import.html", context)


# Cell values staff write

_YES = {"1", "y", "yes", "true", "x", "✓", "ใช่", "มา", "เข้าร่วม", "มาร่วม"}
_NO = {"0", "n", "no", "false", "ไม่", "ไม่ใช่", "ไม่มา", "ไม่เข้าร่วม", "ขาด"}


def parse_bool(text: str, *, default: bool = True) -> bool | None:
    """yes/no in Thai or English (empty is `default`); None when it is neither."""
    value = "".join(str(text or "").casefold().split())
    if not value:
        return default
    if value in _YES:
        return True
    if value in _NO:
        return False
    return None


def parse_country(text: str) -> str | None:
    """A country code from a code, an English or a Thai name ("" for empty, None if unknown)."""
    value = " ".join(str(text or "").split())
    if not value:
        return ""
    table = _country_table()
    return table.get(value.casefold())


_COUNTRY_TABLE: dict[str, str] = {}


def _country_table() -> dict[str, str]:
    if not _COUNTRY_TABLE:
        from django_countries import countries
        from django_countries.data import COUNTRIES

        from portal.countries import country_name

        for code in COUNTRIES:
            _COUNTRY_TABLE[code.casefold()] = code
            _COUNTRY_TABLE[str(COUNTRIES[code]).casefold()] = code
            for lang in ("th", "en"):
                name = country_name(code, lang)
                if name:
                    _COUNTRY_TABLE[name.casefold()] = code
        for code, name in countries.COMMON_NAMES.items():
            _COUNTRY_TABLE[str(name).casefold()] = code
        _COUNTRY_TABLE.update({"ประเทศไทย": "TH", "thai": "TH", "lao pdr": "LA", "พม่า": "MM"})
    return _COUNTRY_TABLE
