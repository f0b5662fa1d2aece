"""Versions of the competency framework, and moving them in and out as files: a new version is
a full copy, publishing retires the version in use, and export then import gives back the same
framework. A bad file is refused whole, with every problem named by row and field."""

import csv
import io
import json

import pytest
from wagtail.models import ModelLogEntry

from academy import roles
from academy.exceptions import PermissionDenied
from cms_pages.models import ModulePage, Theme
from competencies import exceptions, framework
from competencies.models import Behaviour, Competency, Framework, Mapping, Proficiency
from good_practice.models import ServiceArea
from tests.factories import (
    UserFactory,
    competency_framework,
    lga_administrator,
    module,
    programme_of_modules,
)

pytestmark = pytest.mark.django_db


def _content(version: Framework) -> list[dict]:
    """What a person would read of a version: every competency and all it carries."""
    return [
        {
            "code": c.code,
            "name": c.name,
            "description": c.description,
            "level": c.level,
            "order": c.sort_order,
            "behaviours": [
                (b.text, b.proficiency) for b in c.behaviours.order_by("sort_order", "pk")
            ],
            "mappings": [
                (m.scheme, m.code, m.name, m.level) for m in c.mappings.order_by("sort_order")
            ],
            "themes": sorted(c.themes.values_list("slug", flat=True)),
            "service_areas": sorted(c.service_areas.values_list("slug", flat=True)),
            "modules": sorted(c.modules.values_list("pk", flat=True)),
        }
        for c in version.competencies.order_by("sort_order", "name")
    ]


@pytest.fixture
def rich_framework():
    """A published version whose competencies use everything a competency can hold,
    including text a spreadsheet would take for a formula."""
    by = lga_administrator()
    version = competency_framework(competencies=2, status="draft", by=by)
    first = version.competencies.get(code="c1")
    first.description = "-Leads with data.\nSecond paragraph, with “quotes” and a comma."
    first.save()
    Behaviour.objects.create(competency=first, text="Expert: says it plainly", sort_order=5)
    Behaviour.objects.create(
        competency=first, text="Sets the direction", proficiency=Proficiency.EXPERT, sort_order=6
    )
    Mapping.objects.create(
        competency=first, scheme="sfia", code="ITSP", name="Strategy | planning", level="6"
    )
    Mapping.objects.create(competency=first, scheme="ddat", name="Digital leader", level="")
    first.themes.set(Theme.objects.filter(slug__in=["data", "leadership"]))
    first.service_areas.set(ServiceArea.objects.filter(slug="adult-social-care"))
    first.modules.set([module(programme_of_modules(), title="Data for leaders")])
    first.save()
    framework.publish(framework=version, by=by)
    version.refresh_from_db()
    return version


def test_a_new_version_copies_everything_and_leaves_the_published_one_alone(rich_framework):
    by = lga_administrator()
    before = _content(rich_framework)

    draft = framework.new_version(framework=rich_framework, by=by)

    assert draft.status == Framework.Status.DRAFT
    assert draft.version == rich_framework.version + 1
    assert draft.created_by == by
    assert _content(draft) == before
    copy = draft.competencies.get(code="c1")
    copy.name = "Renamed in the draft"
    copy.save()
    copy.behaviours.all().delete()
    copy.themes.set([])
    copy.save()
    assert _content(rich_framework) == before


def test_only_one_draft_at_a_time():
    published = competency_framework()
    framework.new_version(framework=published, by=lga_administrator())

    with pytest.raises(exceptions.DraftExists, match="is a draft already"):
        framework.new_version(framework=published, by=lga_administrator())
    with pytest.raises(exceptions.DraftExists):
        framework.create_framework(name="Another", by=lga_administrator())


def test_publishing_retires_the_version_in_use():
    publisher = UserFactory(role=roles.LGA_PUBLISHER)
    old = competency_framework()
    draft = framework.new_version(framework=old, by=publisher)

    framework.publish(framework=draft, by=publisher)

    old.refresh_from_db()
    draft.refresh_from_db()
    assert old.status == Framework.Status.RETIRED
    assert draft.status == Framework.Status.PUBLISHED
    assert draft.published_by == publisher
    assert draft.published_at is not None
    with pytest.raises(exceptions.NotADraft):
        framework.publish(framework=draft, by=publisher)
    with pytest.raises(exceptions.NotADraft):
        framework.publish(framework=old, by=publisher)


def test_a_version_without_competencies_or_behaviours_is_not_published():
    by = lga_administrator()
    empty = framework.create_framework(name="Empty", by=by)
    with pytest.raises(exceptions.NothingToPublish):
        framework.publish(framework=empty, by=by)
    Competency.objects.create(framework=empty, code="x", name="Bare", description="No behaviour.")

    with pytest.raises(exceptions.BehaviourMissing, match=r"Add one to: Bare\."):
        framework.publish(framework=empty, by=by)

    empty.refresh_from_db()
    assert empty.is_draft


def test_editors_draft_but_only_publishers_and_administrators_publish():
    editor = UserFactory(role=roles.LGA_EDITOR)
    draft = framework.create_framework(name="Drafted by an editor", by=editor)
    Behaviour.objects.create(
        competency=Competency.objects.create(
            framework=draft, code="c1", name="One", description="One."
        ),
        text="Does it.",
    )

    with pytest.raises(PermissionDenied):
        framework.publish(framework=draft, by=editor)
    with pytest.raises(PermissionDenied):
        framework.publish(framework=draft, by=UserFactory(role=roles.COUNCILLOR))
    framework.publish(framework=draft, by=UserFactory(role=roles.LGA_PUBLISHER))

    draft.refresh_from_db()
    assert draft.status == Framework.Status.PUBLISHED


def test_every_change_of_version_is_in_the_audit_log_with_who_did_it():
    admin = lga_administrator()
    first = competency_framework(by=admin)
    second = framework.new_version(framework=first, by=admin)
    framework.publish(framework=second, by=admin)

    logged = set(ModelLogEntry.objects.filter(user=admin).values_list("action", "object_id"))
    assert {
        ("competencies.framework.create", str(first.pk)),
        ("competencies.framework.publish", str(first.pk)),
        ("competencies.framework.new_version", str(second.pk)),
        ("competencies.framework.publish", str(second.pk)),
        ("competencies.framework.retire", str(first.pk)),
    } <= logged


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_export_then_import_gives_back_the_same_framework(rich_framework, kind):
    exported = getattr(framework, f"export_{kind}")(rich_framework)

    imported = framework.import_framework(
        data=("\ufeff" + exported).encode(), filename=f"framework.{kind}", by=lga_administrator()
    )

    assert imported.status == Framework.Status.DRAFT
    assert imported.version == rich_framework.version + 1
    assert imported.name == rich_framework.name
    assert _content(imported) == _content(rich_framework)
    if kind == "json":
        assert imported.summary == rich_framework.summary
    assert ModelLogEntry.objects.filter(
        action="competencies.framework.import", object_id=str(imported.pk)
    ).exists()


def test_the_csv_has_one_documented_row_per_competency(rich_framework):
    rows = list(csv.DictReader(io.StringIO(framework.export_csv(rich_framework))))

    assert [row["code"] for row in rows] == ["c1", "c2"]
    first = rows[0]
    assert first["framework"] == "Leading digital change"
    assert first["level"] == "4"
    assert first["behaviours"].splitlines() == [
        "Practitioner: Does what competency 1 asks.",
        "General: Expert: says it plainly",
        "Expert: Sets the direction",
    ]
    assert first["mappings"].splitlines() == [
        "sfia | ITSP | Strategy | planning | 6",
        "ddat |  | Digital leader | ",
    ]
    assert first["themes"] == "data, leadership"
    assert first["service_areas"] == "adult-social-care"
    # Quoted so that a spreadsheet does not run it as a formula.
    assert first["description"].startswith("'-Leads with data.")


def test_the_json_export_is_the_whole_version(rich_framework):
    data = json.loads(framework.export_json(rich_framework))

    assert data["framework"]["version"] == rich_framework.version
    first = data["competencies"][0]
    assert first["behaviours"][0] == {"text": "Does what competency 1 asks.", "proficiency": 3}
    assert first["mappings"][0] == {
        "scheme": "sfia",
        "code": "ITSP",
        "name": "Strategy | planning",
        "level": "6",
    }
    assert first["modules"] == [ModulePage.objects.get(title="Data for leaders").slug]


HEADER = "code,name,description,level,behaviours,themes\n"


def _refused(data: bytes, filename="framework.csv") -> list[str]:
    before = Framework.objects.count(), Competency.objects.count(), Behaviour.objects.count()
    with pytest.raises(exceptions.FrameworkFileNotValid) as refused:
        framework.import_framework(data=data, filename=filename, by=lga_administrator())
    after = Framework.objects.count(), Competency.objects.count(), Behaviour.objects.count()
    assert after == before, "nothing is written from a bad file"
    return refused.value.errors


def test_a_bad_csv_is_refused_whole_with_every_problem_by_row_and_field():
    errors = _refused(
        (
            HEADER
            + "c1,Fine,Fine.,4,Practitioner: does it,data\n"
            + "c2,Bad level,Something.,nine,Working: does it,\n"
            + "c1,Same code,Something.,5,Expert: leads it,\n"
            + "c4,No behaviours,Something.,5,,\n"
            + "c5,Unknown theme,Something.,5,Does it,data not-a-theme\n"
            + "Not a slug!,,Something.,0,Does it,\n"
        ).encode()
    )

    assert "Row 3: level must be a number from 1 to 5." in errors
    assert "Row 4: code c1 is used by Row 2 already: each needs its own." in errors
    assert any(e.startswith("Row 5: behaviours is missing") for e in errors)
    assert "Row 6: themes: there is no theme with the slug not-a-theme." in errors
    assert any(e.startswith("Row 7: code must use only letters") for e in errors)
    assert "Row 7: name is missing." in errors
    assert "Row 7: level must be a number from 1 to 5." in errors
    assert not any(e.startswith("Row 2") for e in errors)


def test_a_bad_json_file_names_the_competency_and_field():
    data = {
        "competencies": [
            {
                "code": "vision",
                "name": "Vision",
                "description": "Sets it.",
                "level": 7,
                "behaviours": [{"text": "Does it", "proficiency": "Master"}],
                "mappings": [{"scheme": "itil", "name": "Service"}],
                "service_areas": ["no-such-service"],
                "modules": ["no-such-module"],
            }
        ]
    }
    errors = _refused(json.dumps(data).encode(), filename="framework.json")

    where = "Competency 1 (vision)"
    assert f"{where}: level must be a number from 1 to 5." in errors
    assert any(e.startswith(f"{where}: behaviour 1's proficiency must be one of") for e in errors)
    assert any(e.startswith(f"{where}: mapping 1's scheme must be one of") for e in errors)
    assert (
        f"{where}: service_areas: there is no service area with the slug no-such-service." in errors
    )
    assert f"{where}: modules: there is no module with the slug or id no-such-module." in errors


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        ("code\n".encode("utf-16"), "framework.csv", "The file is not in UTF-8."),
        (b"x" * (framework.MAX_IMPORT_BYTES + 1), "framework.csv", "The file is too large"),
        (b"", "framework.csv", "The file is empty."),
        (b"{not json", "framework.json", "The file is not valid JSON"),
        (b"PK\x03\x04", "framework.xlsx", "Upload a .csv or .json file"),
        (b"code,levle\nc1,4\n", "framework.csv", "The header row has columns"),
        (HEADER.encode(), "framework.csv", "The file has no competencies in it."),
    ],
)
def test_files_that_are_not_frameworks_are_refused_with_a_reason(data, filename, message):
    errors = _refused(data, filename)

    assert any(error.startswith(message) for error in errors), errors


def test_only_publishers_and_administrators_import():
    good = (HEADER + "c1,One,One.,4,Does it,\n").encode()

    with pytest.raises(PermissionDenied):
        framework.import_framework(
            data=good, filename="f.csv", by=UserFactory(role=roles.LGA_EDITOR)
        )

    made = framework.import_framework(
        data=good, filename="f.csv", by=UserFactory(role=roles.LGA_PUBLISHER)
    )
    assert made.competencies.get().behaviours.get().text == "Does it"
