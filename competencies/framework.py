"""Versions of the competency framework, and moving a version in and out as a file.

Only a draft changes; there is at most one draft at a time; publishing a draft retires the
version in use, and published and retired versions never change again, because past
diagnostics point at their rows. LGA staff export a version to CSV or JSON and import a file
as a new draft, so the framework can be worked on in a spreadsheet and moved between sites.

The JSON file is the whole version::

    {"format": "dla-competency-framework", "format_version": 1,
     "framework": {"name": ..., "version": 3, "summary": ..., "changes": ...},
     "competencies": [{"code": "data-led-decisions", "name": ..., "description": ...,
                       "level": 4, "order": 1,
                       "behaviours": [{"text": ..., "proficiency": 3}],   # 1 to 4, or null
                       "mappings": [{"scheme": "sfia", "code": "ITSP", "name": ..., "level": "5"}],
                       "themes": ["data"], "service_areas": ["adult-social-care"],
                       "modules": ["module-slug"]}]}

The CSV file has one row per competency, under a header row, in `CSV_COLUMNS`:

- `framework`, `version`: the version's name and number, the same on every row (an import
  takes the name from the first row; the new draft gets the next number);
- `code`, `name`, `description`; `level`, a number from 1 (using IT) to 5 (achieving strategic
  objectives); `order`, a whole number that sorts the competencies;
- `behaviours`: one behaviour per line of the cell, each "Practitioner: text" for one point
  of the scale (Awareness, Working, Practitioner, Expert) or just "text" for the competency
  as a whole ("General: text" if the text itself starts with a point of the scale);
- `mappings`: one per line, "scheme | code | skill | level", scheme one of sfia, ddat, other,
  code and level may be empty: "sfia | ITSP | Strategy and planning | 6";
- `themes`, `service_areas`, `modules`: slugs separated by commas (a module by its page slug
  or its page id).

A cell the export quoted so that a spreadsheet does not run it as a formula ('=...) is read
back unquoted. The framework's summary and changes travel in JSON only.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from academy.exceptions import PermissionDenied
from academy.spreadsheets import FORMULA_STARTS, no_formula

from . import exceptions
from .models import Behaviour, Competency, Framework, Mapping, Proficiency, SkillLevel
from .selectors import MANAGE_PERMISSION

ADD_PERMISSION = "competencies.add_framework"
CHANGE_PERMISSION = "competencies.change_framework"
DELETE_PERMISSION = "competencies.delete_framework"

FORMAT = "dla-competency-framework"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 1024 * 1024
MAX_COMPETENCIES = 300
MAX_PER_COMPETENCY = 30  # behaviours, and mappings, on one competency
CSV_COLUMNS = [
    "framework",
    "version",
    "code",
    "name",
    "description",
    "level",
    "order",
    "behaviours",
    "mappings",
    "themes",
    "service_areas",
    "modules",
]
CSV_REQUIRED = ["code", "name", "description", "level", "behaviours"]
COMPETENCY_KEYS = set(CSV_COLUMNS) - {"framework", "version"}
GENERAL = "General"
MAPPING_SEPARATOR = " | "

_M2M = ("themes", "service_areas", "modules")


def _require(by, permission: str, message: str) -> None:
    if not (by and by.is_active and by.has_perm(permission)):
        raise PermissionDenied(message)


# --- Versions ---------------------------------------------------------------------------------


def _start_version() -> int:
    """Queue behind anyone else starting a version (on the newest version's row), then refuse
    if a draft exists and give the next number. Call inside a transaction."""
    Framework.objects.select_for_update().order_by("-version").first()
    if draft := Framework.objects.filter(status=Framework.Status.DRAFT).first():
        raise exceptions.DraftExists(
            _(
                "Version %(version)s is a draft already. Publish it or delete it before you "
                "start another."
            )
            % {"version": draft.version}
        )
    latest = Framework.objects.aggregate(latest=Max("version"))["latest"] or 0
    return latest + 1


def _create_draft(*, by, **fields) -> Framework:
    version = _start_version()
    try:
        with transaction.atomic():
            return Framework.objects.create(version=version, created_by=by, **fields)
    except IntegrityError as error:  # the very first version, started twice at once
        raise exceptions.VersionClash() from error


def create_framework(*, name: str, by, summary: str = "", changes: str = "") -> Framework:
    """Start an empty draft version, numbered after every version there has been."""
    _require(by, ADD_PERMISSION, _("Only the LGA team can start a version of the framework."))
    with transaction.atomic():
        draft = _create_draft(by=by, name=name, summary=summary, changes=changes)
        log(draft, "competencies.framework.create", user=by)
    return draft


def new_version(*, framework: Framework, by) -> Framework:
    """A draft copy of `framework`: every competency with its behaviours, mappings, themes,
    service areas and modules. The copy changes; `framework` never does."""
    _require(by, ADD_PERMISSION, _("Only the LGA team can start a version of the framework."))
    with transaction.atomic():
        draft = _create_draft(by=by, name=framework.name, summary=framework.summary)
        _write_competencies(draft, _specs_of(framework))
        log(draft, "competencies.framework.new_version", user=by, data={"from": framework.pk})
    return draft


def edit_framework(*, framework: Framework, by, **fields) -> Framework:
    """Change a draft's name, summary or what changed in it."""
    _require(by, CHANGE_PERMISSION, _("Only the LGA team can change the framework."))
    allowed = {"name", "summary", "changes"}
    with transaction.atomic():
        locked = lock_draft(framework_id=framework.pk)
        changed = [name for name, value in fields.items() if getattr(locked, name) != value]
        for name in changed:
            if name not in allowed:
                raise ValueError(f"{name} is not a field of a version that can change")
            setattr(locked, name, fields[name])
        if changed:
            locked.save(update_fields=changed)
            log(locked, "competencies.framework.edit", user=by, data={"fields": changed})
    return locked


def delete_draft(*, framework: Framework, by) -> None:
    """Throw a draft away, with its competencies. A published or retired version stays."""
    _require(by, DELETE_PERMISSION, _("Only LGA publishers can delete a draft version."))
    with transaction.atomic():
        locked = lock_draft(framework_id=framework.pk)
        log(locked, "competencies.framework.delete", user=by)
        locked.delete()


def lock_draft(*, framework_id: int) -> Framework:
    """Lock a version's row for a change to it or its competencies, and refuse unless it is a
    draft. Publishing takes the same lock, so nothing changes under a version as it goes out.
    Call inside a transaction."""
    locked = Framework.objects.select_for_update().get(pk=framework_id)
    if not locked.is_draft:
        raise exceptions.NotADraft()
    return locked


def publish(*, framework: Framework, by) -> Framework:
    """Put a draft into use and retire the version that was, at once: there is never a moment
    with two versions in use, or none."""
    _require(by, MANAGE_PERMISSION, _("Only LGA publishers can publish the framework."))
    with transaction.atomic():
        locked = {
            version.pk: version
            for version in Framework.objects.select_for_update()
            .filter(Q(pk=framework.pk) | Q(status=Framework.Status.PUBLISHED))
            .order_by("version")
        }
        draft = locked.get(framework.pk)
        if draft is None:
            raise exceptions.NotADraft(_("That version has been deleted."))
        if not draft.is_draft:
            raise exceptions.NotADraft(
                _("Version %(version)s is not a draft: it has been published already.")
                % {"version": draft.version}
            )
        competencies = Competency.objects.filter(framework=draft).annotate(
            behaviour_count=Count("behaviours")
        )
        if not competencies.exists():
            raise exceptions.NothingToPublish()
        if missing := [c.name for c in competencies if not c.behaviour_count]:
            raise exceptions.BehaviourMissing(
                _(
                    "Every competency needs at least one behaviour that illustrates it before "
                    "the version is published. Add one to: %(names)s."
                )
                % {"names": ", ".join(missing)}
            )
        now = timezone.now()
        for version in locked.values():
            if version.status == Framework.Status.PUBLISHED:
                version.status = Framework.Status.RETIRED
                version.save(update_fields=["status"])
                log(version, "competencies.framework.retire", user=by, data={"by": draft.pk})
        draft.status = Framework.Status.PUBLISHED
        draft.published_at = now
        draft.published_by = by
        draft.save(update_fields=["status", "published_at", "published_by"])
        log(draft, "competencies.framework.publish", user=by)
    return draft


# --- What a version holds, as plain data ------------------------------------------------------


@dataclass
class CompetencySpec:
    """One competency as it travels: in a copy, an export or an import."""

    code: str
    name: str
    description: str
    level: int
    order: int
    behaviours: list[tuple[str, int | None]] = field(default_factory=list)
    mappings: list[tuple[str, str, str, str]] = field(default_factory=list)
    themes: list = field(default_factory=list)  # slugs when exported, ids when written
    service_areas: list = field(default_factory=list)
    modules: list = field(default_factory=list)


def _through(name):
    relation = Competency._meta.get_field(name)
    return (
        relation.remote_field.through,
        relation.m2m_field_name(),
        relation.m2m_reverse_field_name(),
    )


def _specs_of(framework: Framework, *, as_slugs: bool = False) -> list[CompetencySpec]:
    """The version's competencies in order, in a fixed number of queries. Related terms are
    given by id, or by slug for a file."""
    competencies = list(framework.competencies.order_by("sort_order", "name", "pk"))
    specs = {
        c.pk: CompetencySpec(
            code=c.code,
            name=c.name,
            description=c.description,
            level=c.level,
            order=c.sort_order,
        )
        for c in competencies
    }
    for behaviour in Behaviour.objects.filter(competency__framework=framework).order_by(
        "sort_order", "pk"
    ):
        specs[behaviour.competency_id].behaviours.append((behaviour.text, behaviour.proficiency))
    for mapping in Mapping.objects.filter(competency__framework=framework).order_by(
        "sort_order", "pk"
    ):
        specs[mapping.competency_id].mappings.append(
            (mapping.scheme, mapping.code, mapping.name, mapping.level)
        )
    for name in _M2M:
        through, own, other = _through(name)
        value = f"{other}__slug" if as_slugs else other
        rows = (
            through.objects.filter(**{f"{own}__framework": framework})
            .order_by(value)
            .values_list(own, value)
        )
        for competency_id, term in rows:
            getattr(specs[competency_id], name).append(term)
    return [specs[c.pk] for c in competencies]


def _write_competencies(draft: Framework, specs: list[CompetencySpec]) -> None:
    """Add competencies, given with related terms by id, to a new draft in a few queries."""
    made = Competency.objects.bulk_create(
        Competency(
            framework=draft,
            code=spec.code,
            name=spec.name,
            description=spec.description,
            level=spec.level,
            sort_order=spec.order,
        )
        for spec in specs
    )
    Behaviour.objects.bulk_create(
        Behaviour(competency=competency, text=text, proficiency=proficiency, sort_order=number)
        for competency, spec in zip(made, specs, strict=True)
        for number, (text, proficiency) in enumerate(spec.behaviours)
    )
    Mapping.objects.bulk_create(
        Mapping(
            competency=competency,
            scheme=scheme,
            code=code,
            name=name,
            level=level,
            sort_order=number,
        )
        for competency, spec in zip(made, specs, strict=True)
        for number, (scheme, code, name, level) in enumerate(spec.mappings)
    )
    for name in _M2M:
        through, own, other = _through(name)
        through.objects.bulk_create(
            through(**{f"{own}_id": competency.pk, f"{other}_id": term})
            for competency, spec in zip(made, specs, strict=True)
            for term in dict.fromkeys(getattr(spec, name))
        )


# --- Export -----------------------------------------------------------------------------------


def export_json(framework: Framework) -> str:
    """The whole version as JSON (see the module's docstring for its shape)."""
    data = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "framework": {
            "name": framework.name,
            "version": framework.version,
            "status": framework.status,
            "summary": framework.summary,
            "changes": framework.changes,
        },
        "competencies": [
            {
                "code": spec.code,
                "name": spec.name,
                "description": spec.description,
                "level": spec.level,
                "order": spec.order,
                "behaviours": [
                    {"text": text, "proficiency": proficiency}
                    for text, proficiency in spec.behaviours
                ],
                "mappings": [
                    {"scheme": scheme, "code": code, "name": name, "level": level}
                    for scheme, code, name, level in spec.mappings
                ],
                "themes": spec.themes,
                "service_areas": spec.service_areas,
                "modules": spec.modules,
            }
            for spec in _specs_of(framework, as_slugs=True)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_PROFICIENCY_BY_LABEL = {str(label).casefold(): value for value, label in Proficiency.choices}
_PREFIX = re.compile(r"^\s*([A-Za-z ]+?)\s*:\s*(.*)$", re.DOTALL)


def _behaviour_line(text: str, proficiency: int | None) -> str:
    if proficiency:
        return f"{Proficiency(proficiency).label}: {text}"
    prefix = _PREFIX.match(text)
    if prefix and prefix.group(1).casefold() in {*_PROFICIENCY_BY_LABEL, GENERAL.casefold()}:
        return f"{GENERAL}: {text}"
    return text


def export_csv(framework: Framework) -> str:
    """The whole version as CSV, one row per competency (see the module's docstring)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for spec in _specs_of(framework, as_slugs=True):
        row = [
            framework.name,
            framework.version,
            spec.code,
            spec.name,
            spec.description,
            spec.level,
            spec.order,
            "\n".join(_behaviour_line(text, level) for text, level in spec.behaviours),
            "\n".join(MAPPING_SEPARATOR.join(mapping) for mapping in spec.mappings),
            ", ".join(spec.themes),
            ", ".join(spec.service_areas),
            ", ".join(spec.modules),
        ]
        writer.writerow([no_formula(cell) if isinstance(cell, str) else cell for cell in row])
    return out.getvalue()


# --- Import -----------------------------------------------------------------------------------


@dataclass
class _Parsed:
    name: str = ""
    summary: str = ""
    changes: str = ""
    records: list[tuple[str, dict]] = field(default_factory=list)  # (where, raw competency)
    errors: list[str] = field(default_factory=list)


def import_framework(*, data: bytes, filename: str, by) -> Framework:
    """A new draft version from a CSV or JSON file like the exports. The whole file is checked
    first: if anything is wrong, nothing is written and every problem is reported."""
    _require(by, MANAGE_PERMISSION, _("Only LGA publishers can import a framework."))
    parsed = _parse(data, filename)
    specs = _validate(parsed)
    if parsed.errors:
        raise exceptions.FrameworkFileNotValid(parsed.errors)
    name = parsed.name or _default_name()
    with transaction.atomic():
        draft = _create_draft(by=by, name=name, summary=parsed.summary, changes=parsed.changes)
        _write_competencies(draft, specs)
        log(
            draft,
            "competencies.framework.import",
            user=by,
            data={"filename": filename[:200], "competencies": len(specs)},
        )
    return draft


def _default_name() -> str:
    latest = Framework.objects.order_by("-version").first()
    return latest.name if latest else str(_("Competency framework"))


def _refuse(message: str):
    raise exceptions.FrameworkFileNotValid([message])


def _parse(data: bytes, filename: str) -> _Parsed:
    if len(data) > MAX_IMPORT_BYTES:
        _refuse(
            _("The file is too large: an import can be at most %(size)s MB.")
            % {"size": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        _refuse(
            _(
                "The file is not in UTF-8. In a spreadsheet, save it as “CSV UTF-8”, then "
                "upload it again."
            )
        )
    extension = filename.rsplit(".", 1)[-1].casefold() if "." in filename else ""
    if extension not in ("csv", "json", "txt", ""):
        _refuse(_("Upload a .csv or .json file, like the ones the export gives."))
    if not text.strip():
        _refuse(_("The file is empty."))
    if extension == "json" or (extension != "csv" and text.lstrip().startswith(("{", "["))):
        return _parse_json(text)
    return _parse_csv(text)


def _parse_json(text: str) -> _Parsed:
    parsed = _Parsed()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        _refuse(
            _("The file is not valid JSON: %(problem)s at line %(line)s, column %(column)s.")
            % {"problem": error.msg, "line": error.lineno, "column": error.colno}
        )
    if not isinstance(data, dict) or not isinstance(data.get("competencies"), list):
        _refuse(_("The file is not a framework export: it needs a list of “competencies”."))
    if data.get("format", FORMAT) != FORMAT or data.get("format_version", 1) != FORMAT_VERSION:
        _refuse(_("The file is not a framework export this site can read."))
    about = data.get("framework") or {}
    if not isinstance(about, dict):
        _refuse(_("The file's “framework” must say its name, summary and changes."))
    for name, limit in (("name", 150), ("summary", 2000), ("changes", 2000)):
        value = about.get(name) or ""
        if not isinstance(value, str):
            parsed.errors.append(_("Framework: %(field)s must be text.") % {"field": name})
        elif len(value.strip()) > limit:
            parsed.errors.append(_too_long(_("Framework"), name, limit))
        else:
            setattr(parsed, name, value.strip())
    for number, raw in enumerate(data["competencies"], start=1):
        code = raw.get("code") if isinstance(raw, dict) else None
        where = _("Competency %(number)s") % {"number": number}
        if isinstance(code, str) and code.strip():
            where = f"{where} ({code.strip()[:60]})"
        if not isinstance(raw, dict):
            parsed.errors.append(_("%(where)s must be an object with fields.") % {"where": where})
            continue
        parsed.records.append((where, raw))
    return parsed


def _unquote(cell: str) -> str:
    """Undo the export's guard against formulas: '=x was =x."""
    if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS:
        return cell[1:]
    return cell


def _parse_csv(text: str) -> _Parsed:
    parsed = _Parsed()
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        _refuse(_("The file could not be read as CSV: %(problem)s.") % {"problem": error})
    header = [cell.strip().casefold().replace(" ", "_") for cell in rows[0]]
    if unknown := [column for column in header if column not in CSV_COLUMNS]:
        parsed.errors.append(
            _("The header row has columns the import does not know: %(columns)s. Use: %(known)s.")
            % {"columns": ", ".join(unknown), "known": ", ".join(CSV_COLUMNS)}
        )
    if missing := [column for column in CSV_REQUIRED if column not in header]:
        parsed.errors.append(
            _("The header row is missing the columns %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    if len(set(header)) != len(header):
        parsed.errors.append(_("The header row names a column twice."))
    if parsed.errors:
        raise exceptions.FrameworkFileNotValid(parsed.errors)
    for number, cells in enumerate(rows[1:], start=2):
        where = _("Row %(number)s") % {"number": number}
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header):
            parsed.errors.append(
                _("%(where)s has more cells than the header has columns.") % {"where": where}
            )
            continue
        row = {column: _unquote(cell) for column, cell in zip(header, cells, strict=False)}
        if not parsed.name and row.get("framework", "").strip():
            parsed.name = row["framework"].strip()[:150]
        raw = {key: value for key, value in row.items() if key in COMPETENCY_KEYS}
        for key in ("behaviours", "mappings"):
            if key in raw:
                raw[key] = [line for line in raw[key].splitlines() if line.strip()]
        raw["behaviours"] = [_behaviour_from_line(line) for line in raw.get("behaviours", [])]
        raw["mappings"] = [_mapping_from_line(line) for line in raw.get("mappings", [])]
        for key in _M2M:
            raw[key] = [term for term in re.split(r"[,\s]+", raw.get(key, "")) if term]
        parsed.records.append((where, raw))
    return parsed


def _behaviour_from_line(line: str) -> dict:
    prefix = _PREFIX.match(line)
    if prefix:
        label = prefix.group(1).casefold()
        if label == GENERAL.casefold():
            return {"text": prefix.group(2), "proficiency": None}
        if label in _PROFICIENCY_BY_LABEL:
            return {"text": prefix.group(2), "proficiency": _PROFICIENCY_BY_LABEL[label]}
    return {"text": line, "proficiency": None}


def _mapping_from_line(line: str) -> dict | str:
    parts = [part.strip() for part in line.split(MAPPING_SEPARATOR.strip())]
    if len(parts) < 4:
        return line  # reported by the checks, which name the row
    return {
        "scheme": parts[0],
        "code": parts[1],
        "name": " | ".join(parts[2:-1]),
        "level": parts[-1],
    }


def _too_long(where, name, limit) -> str:
    return _("%(where)s: %(field)s is too long: use at most %(limit)s characters.") % {
        "where": where,
        "field": name,
        "limit": limit,
    }


_SCHEMES = {
    **{value: value for value in Mapping.Scheme.values},
    **{str(label).casefold(): value for value, label in Mapping.Scheme.choices},
}


class _Checker:
    """Checks one competency's fields, collecting a message per problem."""

    def __init__(self, where: str, raw: dict, errors: list[str]):
        self.where, self.raw, self.errors = where, raw, errors

    def error(self, message: str, **values) -> None:
        self.errors.append(f"{self.where}: {message % values}")

    def text(
        self, name: str, *, limit: int, required: bool = True, value=None, multiline=False
    ) -> str:
        value = self.raw.get(name) if value is None else value
        if value is None:
            value = ""
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.error(_("%(field)s must be text."), field=name)
            return ""
        value = value.strip() if multiline else " ".join(value.split())
        if required and not value:
            self.error(_("%(field)s is missing."), field=name)
        elif len(value) > limit:
            self.errors.append(_too_long(self.where, name, limit))
        return value

    def number(self, name: str, *, low: int, high: int, default=None) -> int | None:
        value = self.raw.get(name)
        if value in (None, "") and default is not None:
            return default
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.error(
                _("%(field)s must be a number from %(low)s to %(high)s."),
                field=name,
                low=low,
                high=high,
            )
            return None
        return value

    def terms(self, name: str) -> list:
        value = self.raw.get(name) or []
        if not isinstance(value, list) or not all(
            isinstance(term, str | int) and not isinstance(term, bool) for term in value
        ):
            self.error(_("%(field)s must be a list of slugs."), field=name)
            return []
        return [term.strip() if isinstance(term, str) else term for term in value]


def _validate(parsed: _Parsed) -> list[CompetencySpec]:
    """Check every record, resolve the slugs they name, and return what to write. Problems go
    to `parsed.errors`."""
    errors = parsed.errors
    if not parsed.records and not errors:
        errors.append(_("The file has no competencies in it."))
    if len(parsed.records) > MAX_COMPETENCIES:
        _refuse(
            _("The file has %(count)s competencies: a framework can have at most %(limit)s.")
            % {"count": len(parsed.records), "limit": MAX_COMPETENCIES}
        )
    specs, wheres, codes = [], [], {}
    for position, (where, raw) in enumerate(parsed.records, start=1):
        check = _Checker(where, raw, errors)
        if unknown := sorted(set(raw) - COMPETENCY_KEYS):
            check.error(_("%(fields)s are not fields of a competency."), fields=", ".join(unknown))
        code = check.text("code", limit=60)
        if code and len(code) <= 60:
            try:
                validate_slug(code)
            except ValidationError:
                check.error(
                    _("code must use only letters, numbers, hyphens and underscores: %(code)s."),
                    code=code,
                )
            else:
                if code in codes:
                    check.error(
                        _("code %(code)s is used by %(other)s already: each needs its own."),
                        code=code,
                        other=codes[code],
                    )
                codes.setdefault(code, where)
        spec = CompetencySpec(
            code=code,
            name=check.text("name", limit=150),
            description=check.text("description", limit=1500, multiline=True),
            level=check.number("level", low=min(SkillLevel.values), high=max(SkillLevel.values)),
            order=check.number("order", low=0, high=32767, default=position),
        )
        spec.behaviours = _check_behaviours(check)
        spec.mappings = _check_mappings(check)
        for name in _M2M:
            setattr(spec, name, check.terms(name))
        specs.append(spec)
        wheres.append(where)
    _resolve_terms(specs, wheres, errors)
    return specs


def _check_behaviours(check: _Checker) -> list[tuple[str, int | None]]:
    value = check.raw.get("behaviours") or []
    if not isinstance(value, list):
        check.error(_("behaviours must be a list."))
        return []
    if not value:
        check.error(_("behaviours is missing: give at least one behaviour that illustrates it."))
    if len(value) > MAX_PER_COMPETENCY:
        check.error(_("give at most %(limit)s behaviours."), limit=MAX_PER_COMPETENCY)
        return []
    behaviours = []
    for number, item in enumerate(value, start=1):
        name = _("behaviour %(number)s") % {"number": number}
        if not isinstance(item, dict):
            check.error(_("%(field)s must have a text and a proficiency."), field=name)
            continue
        text = check.text(name, limit=400, value=item.get("text") or "")
        proficiency = item.get("proficiency")
        if isinstance(proficiency, str):
            proficiency = proficiency.strip()
            proficiency = _PROFICIENCY_BY_LABEL.get(
                proficiency.casefold(), int(proficiency) if proficiency.isdigit() else proficiency
            )
        if proficiency in ("", None):
            proficiency = None
        elif isinstance(proficiency, bool) or proficiency not in Proficiency.values:
            check.error(
                _(
                    "%(field)s's proficiency must be one of Awareness, Working, Practitioner "
                    "and Expert (1 to 4), or empty for the competency as a whole."
                ),
                field=name,
            )
        behaviours.append((text, proficiency))
    return behaviours


def _check_mappings(check: _Checker) -> list[tuple[str, str, str, str]]:
    value = check.raw.get("mappings") or []
    if not isinstance(value, list):
        check.error(_("mappings must be a list."))
        return []
    if len(value) > MAX_PER_COMPETENCY:
        check.error(_("give at most %(limit)s mappings."), limit=MAX_PER_COMPETENCY)
        return []
    mappings = []
    for number, item in enumerate(value, start=1):
        name = _("mapping %(number)s") % {"number": number}
        if not isinstance(item, dict):
            check.error(
                _("%(field)s must be “scheme | code | skill | level”, for example: %(example)s."),
                field=name,
                example="sfia | ITSP | Strategy and planning | 6",
            )
            continue
        scheme = _SCHEMES.get(str(item.get("scheme") or "").strip().casefold())
        if scheme is None:
            check.error(
                _("%(field)s's scheme must be one of %(schemes)s."),
                field=name,
                schemes=", ".join(Mapping.Scheme.values),
            )
        code = check.text(f"{name} code", limit=20, required=False, value=item.get("code") or "")
        skill = check.text(f"{name} skill", limit=150, value=item.get("name") or "")
        level = check.text(f"{name} level", limit=40, required=False, value=item.get("level") or "")
        mappings.append((scheme, code, skill, level))
    return mappings


def _resolve_terms(specs: list[CompetencySpec], wheres: list[str], errors: list[str]) -> None:
    """Replace the slugs the file names by ids, in one query per kind, reporting any that
    the site does not have."""
    from cms_pages.models import ModulePage, Theme
    from good_practice.models import ServiceArea

    for name, model, noun in (
        ("themes", Theme, _("theme")),
        ("service_areas", ServiceArea, _("service area")),
    ):
        wanted = {term for spec in specs for term in getattr(spec, name)}
        known = dict(
            model.objects.filter(slug__in=[str(t) for t in wanted]).values_list("slug", "pk")
        )
        for spec, where in zip(specs, wheres, strict=True):
            ids = []
            for term in getattr(spec, name):
                if str(term) in known:
                    ids.append(known[str(term)])
                else:
                    errors.append(
                        _("%(where)s: %(field)s: there is no %(noun)s with the slug %(slug)s.")
                        % {"where": where, "field": name, "noun": noun, "slug": term}
                    )
            setattr(spec, name, ids)

    wanted = {term for spec in specs for term in spec.modules}
    ids = [int(t) for t in wanted if isinstance(t, int) or str(t).isdigit()]
    by_slug, by_id = {}, {}
    for pk, slug in ModulePage.objects.filter(
        Q(slug__in=[str(t) for t in wanted]) | Q(pk__in=ids)
    ).values_list("pk", "slug"):
        by_slug.setdefault(slug, []).append(pk)
        by_id[pk] = pk
    for spec, where in zip(specs, wheres, strict=True):
        resolved = []
        for term in spec.modules:
            pages = by_slug.get(str(term), [])
            if len(pages) == 1:
                resolved.append(pages[0])
            elif len(pages) > 1:
                errors.append(
                    _(
                        "%(where)s: modules: more than one module has the slug %(slug)s. "
                        "Give that module by its page id instead."
                    )
                    % {"where": where, "slug": term}
                )
            elif str(term).isdigit() and int(term) in by_id:
                resolved.append(int(term))
            else:
                errors.append(
                    _("%(where)s: modules: there is no module with the slug or id %(slug)s.")
                    % {"where": where, "slug": term}
                )
        spec.modules = resolved
