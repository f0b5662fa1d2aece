"""Sector insight for LGA staff: what published peer challenges found across councils.

Only aggregates, and only those drawn from at least `MIN_COUNCILS` councils, so that no council
can be singled out: a row below the floor is not shown at all (only how many were withheld),
and nothing is shown until that many councils have a published review. Every figure is
counted in the database, in the same few queries however many reviews there are."""

from dataclasses import dataclass

from django.db.models import Count, Q

from cms_pages.models import CaseStudyPage, ModulePage

from .models import Finding, Review
from .selectors import runs_every_review

MIN_COUNCILS = 5
Kind = Finding.Kind
TO_IMPROVE = (Kind.TO_EXPLORE, Kind.RECOMMENDATION)
COUNCILS = Count("review__council", distinct=True)


@dataclass(frozen=True)
class QuestionRow:
    code: str
    text: str  # as the question reads now, whichever versions were asked
    recommendations: int
    councils: int


@dataclass(frozen=True)
class ThemeRow:
    name: str
    strengths: int
    to_improve: int  # recommendations and areas to explore
    councils: int

    @property
    def strength_share(self) -> int:
        """Of the findings on the theme, the percentage that are strengths."""
        return round(100 * self.strengths / (self.strengths + self.to_improve))


@dataclass(frozen=True)
class PracticeRow:
    page: CaseStudyPage
    findings: int  # that signposted it
    councils: int


@dataclass(frozen=True)
class ModuleRow:
    page: ModulePage
    questions: int  # that signpost it and led to recommendations
    recommendations: int
    councils: int


@dataclass(frozen=True)
class AboveFloor:
    """The rows drawn from at least `MIN_COUNCILS` councils, best first, and how many others
    were left out."""

    rows: tuple = ()
    withheld: int = 0


@dataclass(frozen=True)
class SectorInsight:
    """What published reviews found, in aggregates no council can be singled out of."""

    reviews: int
    councils: int
    questions: AboveFloor = AboveFloor()
    themes: AboveFloor = AboveFloor()  # strongest first
    practice: AboveFloor = AboveFloor()
    modules: AboveFloor = AboveFloor()

    @property
    def enough_councils(self) -> bool:
        return self.councils >= MIN_COUNCILS

    @property
    def strongest(self) -> ThemeRow | None:
        return self.themes.rows[0] if self.themes.rows else None

    @property
    def weakest(self) -> ThemeRow | None:
        """Only when some theme is stronger: of one theme, or themes alike, none is weakest."""
        rows = self.themes.rows
        if len(rows) > 1 and rows[-1].strength_share < rows[0].strength_share:
            return rows[-1]
        return None


def _above_floor(rows: list[dict], make) -> AboveFloor:
    """`rows` in order, made into what the page shows where drawn from enough councils
    (`make` gives None for a page taken down in the meantime)."""
    enough = [row for row in rows if row["councils"] >= MIN_COUNCILS]
    shown = tuple(made for made in map(make, enough) if made is not None)
    return AboveFloor(rows=shown, withheld=len(rows) - len(enough))


def _pages(model, grouped, key: str) -> dict:
    """The live pages of the grouped rows above the floor, by id, in one query."""
    enough = grouped.filter(councils__gte=MIN_COUNCILS).values(key)
    return model.objects.live().filter(pk__in=enough).in_bulk()


def _questions(recommendations) -> AboveFloor:
    """Questions by the recommendations they led to, whichever of their versions was asked."""
    rows = (
        recommendations.values("asked__question", "asked__question__code", "asked__question__text")
        .annotate(recommendations=Count("pk"), councils=COUNCILS)
        .order_by("-recommendations", "-councils", "asked__question__code")
    )
    return _above_floor(
        list(rows),
        lambda row: QuestionRow(
            code=row["asked__question__code"],
            text=row["asked__question__text"],
            recommendations=row["recommendations"],
            councils=row["councils"],
        ),
    )


def _themes(findings) -> AboveFloor:
    """The outcome themes of the questions asked (as asked), strongest first."""
    rows = (
        findings.filter(asked__version__themes__isnull=False)
        .values("asked__version__themes", "asked__version__themes__name")
        .annotate(
            strengths=Count("pk", filter=Q(kind=Kind.STRENGTH), distinct=True),
            to_improve=Count("pk", filter=Q(kind__in=TO_IMPROVE), distinct=True),
            councils=COUNCILS,
        )
    )
    found = _above_floor(
        list(rows),
        lambda row: ThemeRow(
            name=row["asked__version__themes__name"],
            strengths=row["strengths"],
            to_improve=row["to_improve"],
            councils=row["councils"],
        ),
    )
    ranked = sorted(found.rows, key=lambda row: (-row.strength_share, row.name))
    return AboveFloor(rows=tuple(ranked), withheld=found.withheld)


def _practice(findings) -> AboveFloor:
    """Good practice by the findings that signposted it. Only live pages: a link to a page
    taken down would lead nowhere."""
    grouped = (
        findings.filter(signposts__live=True)
        .values("signposts")
        .annotate(findings=Count("pk", distinct=True), councils=COUNCILS)
    )
    pages = _pages(CaseStudyPage, grouped, "signposts")

    def make(row) -> PracticeRow | None:
        page = pages.get(row["signposts"])
        return page and PracticeRow(page=page, findings=row["findings"], councils=row["councils"])

    return _above_floor(list(grouped.order_by("-findings", "-councils", "signposts")), make)


def _modules(recommendations) -> AboveFloor:
    """The live modules signposted by the questions (as asked) that led to recommendations,
    by those recommendations: what more councils would have learnt from."""
    key = "asked__version__modules"
    grouped = (
        recommendations.filter(asked__version__modules__live=True)
        .values(key)
        .annotate(
            questions=Count("asked__question", distinct=True),
            recommendations=Count("pk", distinct=True),
            councils=COUNCILS,
        )
    )
    pages = _pages(ModulePage, grouped, key)

    def make(row) -> ModuleRow | None:
        page = pages.get(row[key])
        return page and ModuleRow(
            page=page,
            questions=row["questions"],
            recommendations=row["recommendations"],
            councils=row["councils"],
        )

    ranked = grouped.order_by("-recommendations", "-councils", "-questions", key)
    return _above_floor(list(ranked), make)


def sector_insight(*, viewer) -> SectorInsight | None:
    """For LGA staff who run peer challenges, what published reviews found across councils,
    only where at least `MIN_COUNCILS` councils contribute; for anyone else, nothing."""
    if not runs_every_review(viewer):
        return None
    published = Review.objects.filter(published_at__isnull=False)
    totals = published.aggregate(reviews=Count("pk"), councils=Count("council", distinct=True))
    if totals["councils"] < MIN_COUNCILS:
        return SectorInsight(**totals)
    findings = Finding.objects.filter(review__published_at__isnull=False).order_by()
    recommendations = findings.filter(kind=Kind.RECOMMENDATION, asked__isnull=False)
    return SectorInsight(
        **totals,
        questions=_questions(recommendations),
        themes=_themes(findings),
        practice=_practice(findings),
        modules=_modules(recommendations),
    )
