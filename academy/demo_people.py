"""Demo people beyond the logins: made as the site makes anyone, by invitation and accepting."""

from django.contrib.auth.models import Group

from . import services
from .models import Organisation, User


def add_people(*, admin: User, people, role: str) -> None:
    """`people` as (email, full name, job title, organisation name); those who already have
    an account, or whose name is None (a demo login made elsewhere), are left as they are."""
    from .demo import DEMO_PASSWORD

    group = Group.objects.get(name=role)
    for email, full_name, job_title, organisation in people:
        if full_name is None or User.objects.filter(email=email).exists():
            continue
        invitation = services.invite_person(
            email=email,
            full_name=full_name,
            job_title=job_title,
            organisation=Organisation.objects.get(name=organisation),
            role=group,
            by=admin,
        )
        services.accept_invitation(
            token=services.invitation_token(invitation), password=DEMO_PASSWORD
        )
