"""The report: assembled from the findings as HTML and as a PDF with the findings and the
good practice they signpost; and what each review page costs in queries, the same with few
findings as with many. Past reviews keep the questions they asked when the bank changes."""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from peer_review import services
from peer_review.models import Finding, Question
from tests.factories import case_study, digital_question, lga_administrator, peer_review_at
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

# Seven of each signed-in page's queries are the site's own: the session and the person, the
# permissions the header's admin link reads, and saving the session (three, with savepoints).
PINNED = {
    "review": 12,
    "statement": 11,
    "findings": 14,
    "report": 16,
    "action-plan": 11,
}
ANONYMOUS_REPORT = 7


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_the_pdf_report_holds_the_findings_and_their_signposts(client):
    made = peer_review_at("action-plan")
    response = client.get(reverse("peer_review:report-pdf", args=[made.review.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert str(made.review.council) in text
    assert "A chief executive who speaks for digital." in text
    assert "Set up a board that owns digital strategy and investment." in text
    assert "Good practice: A digital board that owns the strategy" in text
    assert made.lead.full_name in text
    assert "A council ready to lead." in text


def test_a_draft_pdf_is_for_the_team_only(client):
    made = peer_review_at("report")
    url = reverse("peer_review:report-pdf", args=[made.review.pk])
    assert client.get(url).status_code == 404
    client.force_login(made.contact)  # not sent to the council yet
    assert client.get(url).status_code == 404
    client.force_login(made.member)
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_editing_a_question_in_the_bank_leaves_past_reviews_asking_what_they_asked(client):
    admin = lga_administrator()
    question = digital_question("d-gov-1", by=admin, text="Who owns information management?")
    made = peer_review_at("on-site", questions=[question], manager=admin)

    question.text = "Who owns information and data management, and how?"
    services.save_question(question=question, by=admin)

    statement = client
    statement.force_login(made.contact)
    page = statement.get(reverse("peer_review:statement", args=[made.review.pk])).content.decode()
    assert "Who owns information management?" in page
    assert "Who owns information and data management" not in page
    asked = made.review.asked.get()
    assert asked.version.number == 1 and asked.version.text == "Who owns information management?"

    # A review scoped now asks the question as it reads now.
    later = peer_review_at("scoping", questions=[Question.objects.get(pk=question.pk)])
    assert later.review.asked.get().version.number == 2


def _more_findings(made, n):
    for i in range(n):
        services.record_finding(
            review=made.review,
            by=made.lead,
            kind=Finding.Kind.RECOMMENDATION,
            text=f"Recommendation {i}.",
            asked=made.asked[i % 2],
            signposts=[case_study(title=f"Signposted {i}")],
        )


def _cost(client, url) -> int:
    client.get(url)  # Wagtail finds the site's root paths once, then keeps them in the cache
    return count_queries(client, url)


def _costs(client, made) -> dict[str, int]:
    pk = made.review.pk
    client.force_login(made.manager)
    costs = {name: _cost(client, reverse(f"peer_review:{name}", args=[pk])) for name in PINNED}
    client.logout()
    costs["anonymous report"] = _cost(client, reverse("peer_review:report", args=[pk]))
    return costs


def _published_with(findings: int):
    made = peer_review_at("feedback")
    _more_findings(made, findings)
    services.advance(review=made.review, by=made.manager)  # the report stage
    services.save_report(review=made.review, by=made.manager, summary="Summary.", send=True)
    services.agree_report(review=made.review, by=made.contact)
    services.publish(review=made.review, by=made.manager)
    return made


def test_review_pages_cost_the_same_with_few_findings_as_with_many(client):
    few = _costs(client, _published_with(0))
    many = _costs(client, _published_with(6))
    assert few == many == {**PINNED, "anonymous report": ANONYMOUS_REPORT}
