"""Who may see and change a review, its position statement, its findings and its report, for
every role at every stage: one table, checked through the pages themselves.

A review is confidential to its peer team, the council's nominated contacts and LGA staff
who run peer challenges until its report is published; then the report, and only the
report, is public. "Change" is tried as a real POST in a savepoint that is rolled back, so
that every role meets the review in the same state."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from academy import roles
from tests.factories import UserFactory, lga_administrator, peer_review_at

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "stranger", "editor", "staff", "manager", "lead", "member", "officer")
ROLES += ("contact",)

NOBODY = ""
MANAGERS = "manager staff"
TEAM = "manager lead member officer staff"
PARTS = f"{TEAM} contact"
EVERYONE = " ".join(ROLES)

# (stage, report state): what each role may do. Columns left out are NOBODY.
TABLE = {
    ("scoping", ""): {"review": PARTS, "review:change": MANAGERS},
    ("position-statement", ""): {
        "review": PARTS,
        "review:change": MANAGERS,
        "statement": "contact",  # the draft is the council's own
        "statement:change": "contact",
    },
    ("on-site", ""): {
        "review": PARTS,
        "review:change": MANAGERS,
        "statement": PARTS,
        "findings": TEAM,
        "findings:change": TEAM,
    },
    ("feedback", ""): {
        "review": PARTS,
        "review:change": MANAGERS,
        "statement": PARTS,
        "findings": PARTS,  # the council hears the feedback
        "findings:change": TEAM,
    },
    ("report", ""): {
        "review": PARTS,
        "statement": PARTS,
        "findings": PARTS,
        "report": TEAM,
        "report:write": MANAGERS,
    },
    ("report", "sent"): {
        "review": PARTS,
        "statement": PARTS,
        "findings": PARTS,
        "report": PARTS,
        "report:correct": "contact",
    },
    ("report", "agreed"): {
        "review": PARTS,
        "statement": PARTS,
        "findings": PARTS,
        "report": PARTS,
    },
    ("action-plan", ""): {
        "review": PARTS,
        "review:change": MANAGERS,
        "statement": PARTS,
        "findings": PARTS,
        "report": EVERYONE,
        "plan": PARTS,
        "plan:change": "contact manager staff",
    },
    ("progress-review", ""): {
        "review": PARTS,
        "review:change": MANAGERS,
        "statement": PARTS,
        "findings": PARTS,
        "report": EVERYONE,
        "plan": PARTS,
        "plan:change": "contact manager staff",
    },
    ("completed", ""): {
        "review": PARTS,
        "statement": PARTS,
        "findings": PARTS,
        "report": EVERYONE,
        "plan": PARTS,
    },
}
COLUMNS = (
    "review",
    "review:change",
    "statement",
    "statement:change",
    "findings",
    "findings:change",
    "report",
    "report:write",
    "report:correct",
    "plan",
    "plan:change",
)


def _people(made):
    return {
        "anonymous": None,
        "stranger": UserFactory(),
        "editor": UserFactory(role=roles.LGA_EDITOR),  # LGA staff who do not run reviews
        "staff": lga_administrator(),  # runs every review, though not on this team
        "manager": made.manager,
        "lead": made.lead,
        "member": made.member,
        "officer": made.officer,
        "contact": made.contact,
    }


def _tries(made):
    """How each column is tried: (method, url, data)."""
    pk = made.review.pk
    url = lambda name, *args: reverse(f"peer_review:{name}", args=[pk, *args])  # noqa: E731
    finding = getattr(made, "strength", None)
    asked = made.asked[0]
    due = (timezone.localdate() + timedelta(days=60)).timetuple()
    return {
        "review": ("get", url("review"), None),
        "review:change": ("post", url("advance"), {}),
        "statement": ("get", url("statement"), None),
        "statement:change": (
            "post",
            url("statement"),
            {"action": "save", "overview": "Changed", f"answer_{asked.pk}": "Changed"},
        ),
        "findings": ("get", url("findings"), None),
        "findings:change": (
            "post",
            url("new-finding") + "?element=governance-and-culture",
            {"kind": "strength", "text": "A strong culture."},
        ),
        "report": ("get", url("report"), None),
        "report:write": ("post", url("report"), {"action": "save", "summary": "Changed."}),
        "report:correct": (
            "post",
            url("correct", finding.pk) if finding else url("report") + "correct/0/",
            {"reason": "The date is wrong.", "proposed_text": "A chief executive since 2019."},
        ),
        "plan": ("get", url("action-plan"), None),
        "plan:change": (
            "post",
            url("action-plan"),
            {
                "text": "Appoint a data lead.",
                "owner": "Director of Digital",
                "due_on-day": due.tm_mday,
                "due_on-month": due.tm_mon,
                "due_on-year": due.tm_year,
                "status": "planned",
            },
        ),
    }


def _allowed(response, method) -> bool:
    """Whether the page let them: a page (for a GET) or a done change (a redirect to the
    review, not to the sign-in page). A 404 or the sign-in page is a refusal."""
    if response.status_code == 302:
        return method == "post" and "/account/" not in response["Location"]
    return response.status_code == 200


@pytest.mark.parametrize(("stage", "report"), list(TABLE))
def test_who_may_see_and_change_each_part_of_a_review(client, stage, report):
    made = peer_review_at(stage, report=report)
    expected = TABLE[(stage, report)]
    tries = _tries(made)
    found = {}
    for role, person in _people(made).items():
        client.logout()
        if person is not None:
            client.force_login(person)
        for column in COLUMNS:
            method, url, data = tries[column]
            with transaction.atomic():
                response = (
                    getattr(client, method)(url, data) if data is not None else client.get(url)
                )
                transaction.set_rollback(True)
            found[(role, column)] = _allowed(response, method)
    wrong = [
        f"{role} {'may' if allowed else 'may not'} {column}"
        for (role, column), allowed in found.items()
        if allowed != (role in expected.get(column, NOBODY).split())
    ]
    assert wrong == []


def test_anonymous_visitors_of_a_published_review_are_sent_to_its_report(client):
    made = peer_review_at("action-plan")
    response = client.get(reverse("peer_review:review", args=[made.review.pk]))
    assert response["Location"] == reverse("peer_review:report", args=[made.review.pk])
    report = client.get(response["Location"])
    assert "Set up a board that owns digital strategy and investment." in report.content.decode()
    # Nor does the public see the position statement behind it.
    statement = client.get(reverse("peer_review:statement", args=[made.review.pk]))
    assert statement.status_code == 302 and "/account/" in statement["Location"]
    # and the way to sign in is not for search engines or caches either
    assert statement["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in statement["Cache-Control"]
