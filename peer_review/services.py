"""Every change to the peer-challenge reference data. The admin, the demo loader and (later)
reviews call these. The admin logs who added or edited a question; a new version is logged
here, with its number."""

from django.db import transaction
from wagtail.log_actions import log

from academy.models import User

from .models import Question, QuestionContent, QuestionVersion


def _signposts(content: QuestionContent) -> dict[str, set[int]]:
    return {
        name: set(getattr(content, name).values_list("pk", flat=True))
        for name in QuestionContent.SIGNPOSTS
    }


def _asks_the_same(question: Question, version: QuestionVersion | None) -> bool:
    if version is None:
        return False
    same_fields = all(
        getattr(question, name) == getattr(version, name) for name in QuestionContent.FIELDS
    )
    return same_fields and _signposts(question) == _signposts(version)


def save_question(*, question: Question, by: User, signposts: dict | None = None) -> Question:
    """Save a new or edited question (its fields set on `question`, its signposts given by
    name), and keep what it asks as a new version when that changed. Earlier versions, and
    so every past review's questions, stay as they were."""
    for name in ("text", "prompts", "good_looks_like"):
        # Browsers send \r\n: the same words typed again are the same question.
        setattr(question, name, getattr(question, name).replace("\r\n", "\n").strip())
    with transaction.atomic():
        if question.pk is not None:
            # One editor at a time makes each version, so numbers never clash.
            Question.objects.select_for_update().filter(pk=question.pk).first()
        question.full_clean()
        question.save()
        for name, chosen in (signposts or {}).items():
            if name not in QuestionContent.SIGNPOSTS:
                raise ValueError(f"{name} is not a signpost")
            getattr(question, name).set(chosen)
        current = question.current
        if not _asks_the_same(question, current):
            version = QuestionVersion.objects.create(
                question=question,
                number=(current.number + 1) if current else 1,
                created_by=by,
                **{name: getattr(question, name) for name in QuestionContent.FIELDS},
            )
            for name in QuestionContent.SIGNPOSTS:
                getattr(version, name).set(getattr(question, name).all())
            log(
                question,
                "peer_review.question.version",
                user=by,
                data={"version": version.number},
            )
    return question
