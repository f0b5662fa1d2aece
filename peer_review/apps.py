from django.apps import AppConfig


class PeerReviewConfig(AppConfig):
    """Digital questions inside the corporate peer challenge: reviews, findings, signposts."""

    name = "peer_review"
    verbose_name = "Peer review and challenge"
    default_auto_field = "django.db.models.BigAutoField"
