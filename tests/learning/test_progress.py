"""A learner works through modules: sections done, modules completed, where to pick up, and
the certificate at the end. Progress is theirs alone."""

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from learning import services
from learning.exceptions import MembersOnly, ModuleNotAvailable
from learning.models import Certificate, ModuleProgress, SectionCompletion
from tests.factories import UserFactory, module, programme_of_modules

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return programme_of_modules(certificate_title="Member Leadership Academy: digital")


def mark_first_done(client, page, **kwargs):
    """Press "Mark as done" on a module's first section."""
    section = page.sections.first()
    data = {"section": section.pk, "action": "complete"}
    return client.post(f"{page.url}sections/1/", data, **kwargs)


def finish(person, page):
    outcome = None
    for section in page.sections.all():
        outcome = services.mark_section_done(person=person, section=section)
    return outcome


def test_finishing_every_section_completes_the_module(programme, councillor):
    page = module(programme, sections=2)
    first, second = page.sections.all()

    outcome = services.mark_section_done(person=councillor, section=first)
    assert not outcome.module_completed
    outcome = services.mark_section_done(person=councillor, section=second)

    assert outcome.module_completed
    progress = ModuleProgress.objects.get(person=councillor, module=page)
    assert progress.completed_at is not None
    assert progress.last_section == second
    log = ModelLogEntry.objects.get(action="learning.module.complete")
    assert log.user == councillor


def test_marking_a_section_done_twice_changes_nothing(programme, councillor):
    page = module(programme, sections=2)
    section = page.sections.first()

    services.mark_section_done(person=councillor, section=section)
    services.mark_section_done(person=councillor, section=section)

    assert SectionCompletion.objects.filter(section=section).count() == 1
    assert ModuleProgress.objects.get().completed_at is None


def test_the_last_required_module_awards_a_certificate_and_emails_it_once(
    programme, councillor, django_capture_on_commit_callbacks
):
    first = module(programme, title="Opportunities", sections=1)
    module(programme, title="Optional extra", sections=1, required=False)
    second = module(programme, title="Buying well", sections=1, access="members")

    finish(councillor, first)
    assert not Certificate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        outcome = finish(councillor, second)

    certificate = outcome.certificate
    assert certificate.person == councillor
    assert certificate.programme_name == "Member Leadership Academy: digital"
    assert certificate.modules == ["Opportunities", "Buying well"]
    assert certificate.holder_name == councillor.full_name
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [councillor.email]
    assert email.subject == "Your certificate: Member Leadership Academy: digital"
    assert f"/learning/certificates/{certificate.pk}/" in email.body
    assert f"/certificates/{certificate.code}/" in email.body
    # The task running again (a retry, a redelivery) sends nothing more.
    assert services.deliver_certificate_email(certificate_id=certificate.pk) is False
    assert len(mail.outbox) == 1
    assert ModelLogEntry.objects.filter(action="learning.certificate.award").count() == 1


def test_a_certificate_email_that_fails_to_send_is_sent_by_the_retry(
    programme, councillor, monkeypatch
):
    only = module(programme, title="Opportunities", sections=1)

    def mail_server_down(self, messages):
        raise ConnectionError("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr(locmem.EmailBackend, "send_messages", mail_server_down)
        certificate = finish(councillor, only).certificate  # the on-commit send is not run here
        with pytest.raises(ConnectionError):
            services.deliver_certificate_email(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.email_sent_at is None

    assert services.deliver_certificate_email(certificate_id=certificate.pk) is True
    assert len(mail.outbox) == 1


def test_a_second_pass_through_a_finished_programme_awards_no_second_certificate(
    programme, councillor
):
    page = module(programme, sections=1)
    finish(councillor, page)

    finish(councillor, page)

    assert Certificate.objects.count() == 1


def test_no_certificate_when_the_programme_does_not_award_one(councillor):
    programme = programme_of_modules(awards_certificate=False)
    page = module(programme, sections=1)

    assert finish(councillor, page).certificate is None
    assert not Certificate.objects.exists()


def test_signed_out_or_deactivated_people_cannot_make_progress_on_members_only_modules(
    programme,
):
    from django.contrib.auth.models import AnonymousUser

    section = module(programme, access="members").sections.first()

    with pytest.raises(MembersOnly):
        services.mark_section_done(person=AnonymousUser(), section=section)
    with pytest.raises(MembersOnly):
        services.mark_section_done(person=UserFactory(is_active=False), section=section)
    assert not SectionCompletion.objects.exists()


def test_an_unpublished_module_takes_no_progress(programme, councillor):
    page = module(programme)
    page.unpublish()

    with pytest.raises(ModuleNotAvailable):
        services.mark_section_done(person=councillor, section=page.sections.first())


def test_marking_done_through_the_page_moves_on_to_the_next_section(client, programme, councillor):
    page = module(programme, sections=3)
    client.force_login(councillor)

    response = mark_first_done(client, page)

    assert response.status_code == 302
    assert response["Location"] == f"{page.url}sections/2/"
    body = client.get(page.url).content.decode()
    assert "You have completed 1 of 3 sections." in body
    assert "Continue where you left off" in body
    assert f'href="{page.url}sections/2/"' in body


def test_the_last_section_of_a_module_goes_back_to_the_module_with_a_message(
    client, programme, councillor
):
    page = module(programme, sections=1)
    module(programme, sections=1)  # another required module: no certificate yet
    client.force_login(councillor)

    response = mark_first_done(client, page, follow=True)

    body = response.content.decode()
    assert response.redirect_chain[-1][0] == page.url
    assert "You have completed this module." in body
    assert "You completed this module on" in body


def test_finishing_the_programme_shows_the_certificate(client, programme, councillor):
    page = module(programme, sections=1)
    client.force_login(councillor)

    response = mark_first_done(client, page, follow=True)

    certificate = Certificate.objects.get()
    assert response.redirect_chain[-1][0] == f"/learning/certificates/{certificate.pk}/"
    body = response.content.decode()
    assert "earned your certificate" in body
    assert escape(councillor.full_name) in body
    assert f"/certificates/{certificate.code}/" in body


def test_signed_out_visitor_cannot_post_progress(client, programme):
    page = module(programme, access="public")

    response = mark_first_done(client, page)

    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")
    assert not SectionCompletion.objects.exists()


def test_progress_page_shows_each_programme_with_where_to_pick_up(client, programme, councillor):
    done = module(programme, title="Opportunities", sections=1)
    started = module(programme, title="Buying well", sections=3)
    module(programme, title="Inclusion", sections=2)
    finish(councillor, done)
    services.mark_section_done(person=councillor, section=started.sections.first())
    client.force_login(councillor)

    body = client.get("/learning/").content.decode()

    assert "You have completed 1 of 3 required modules." in body
    assert '<progress class="academy-progress__bar" max="3" value="1"' in body
    assert "You left off at <strong>Buying well</strong>, section 2" in body
    assert f'href="{started.url}sections/2/"' in body
    assert "1 of 3" in body  # sections done in the module under way


def test_a_learner_who_has_not_started_is_offered_the_first_required_module(
    client, programme, councillor
):
    module(programme, title="Optional first", required=False)
    required = module(programme, title="Required second")
    client.force_login(councillor)

    body = client.get(programme.url).content.decode()

    assert "You have completed 0 of 1 required module." in body
    assert "Start the module" in body
    assert f'href="{required.url}sections/1/"' in body


def test_progress_page_needs_signing_in(client):
    response = client.get("/learning/")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")


def test_progress_page_with_no_programmes_says_so(client, councillor):
    client.force_login(councillor)

    assert "There are no programmes of modules yet" in client.get("/learning/").content.decode()


def test_someone_elses_progress_never_shows(client, programme, councillor):
    page = module(programme, sections=2)
    finish(councillor, page)
    other = UserFactory()
    client.force_login(other)

    assert "You have completed 0 of 2 sections." in client.get(page.url).content.decode()
    assert "You have completed 0 of 1 required module." in client.get("/learning/").content.decode()


def test_the_certificate_is_its_holders_alone(client, programme, councillor):
    finish(councillor, module(programme, sections=1))
    certificate = Certificate.objects.get()
    client.force_login(UserFactory())

    assert client.get(f"/learning/certificates/{certificate.pk}/").status_code == 404
    assert client.get(f"/learning/certificates/{certificate.pk}/pdf/").status_code == 404


def test_the_certificate_downloads_as_a_pdf(client, programme, councillor):
    finish(councillor, module(programme, sections=1))
    certificate = Certificate.objects.get()
    client.force_login(councillor)

    response = client.get(f"/learning/certificates/{certificate.pk}/pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="certificate-member-leadership-academy-digital.pdf"'
    )
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    assert (
        f"Certificate: Member Leadership Academy: digital, {councillor.full_name}".encode() in pdf
    )
    assert f"/certificates/{certificate.code}/".encode() in pdf  # the verification link


def test_anyone_with_the_link_can_check_a_certificate_is_genuine(client, programme, councillor):
    finish(councillor, module(programme, sections=1))
    certificate = Certificate.objects.get()

    response = client.get(f"/certificates/{certificate.code}/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is genuine" in body
    assert escape(councillor.full_name) in body and "Member Leadership Academy: digital" in body
    assert councillor.email not in body
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in body


def test_a_wrong_verification_code_is_a_friendly_not_found(client):
    response = client.get("/certificates/not-a-real-code/")

    assert response.status_code == 404
    assert "We could not find this certificate" in response.content.decode()


def test_the_certificate_email_reads_as_plain_text(councillor, django_capture_on_commit_callbacks):
    programme = programme_of_modules(certificate_title="Councillors' data & digital")
    only = module(programme, sections=1)

    with django_capture_on_commit_callbacks(execute=True):
        finish(councillor, only)

    assert mail.outbox[0].subject == "Your certificate: Councillors' data & digital"
    assert "Councillors' data & digital" in mail.outbox[0].body


def test_removing_the_section_a_learner_had_left_completes_the_module_for_them(
    programme, councillor, django_capture_on_commit_callbacks
):
    page = module(programme, title="Opportunities", sections=3)
    first, second, last = page.sections.all()
    services.mark_section_done(person=councillor, section=first)
    services.mark_section_done(person=councillor, section=second)

    page.sections.remove(last)  # an editor deletes it and publishes
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    progress = ModuleProgress.objects.get(person=councillor, module=page)
    assert progress.completed_at is not None
    # It was their only required module: the certificate follows, with its email.
    assert Certificate.objects.filter(person=councillor).exists()
    assert len(mail.outbox) == 1


def test_unpublishing_the_last_required_module_awards_the_certificate_to_those_done(
    programme, councillor, django_capture_on_commit_callbacks
):
    done = module(programme, title="Opportunities", sections=1)
    dropped = module(programme, title="Buying well", sections=1)
    finish(councillor, done)
    assert not Certificate.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        dropped.unpublish()

    certificate = Certificate.objects.get(person=councillor)
    assert certificate.modules == ["Opportunities"]


def test_making_a_module_optional_awards_the_certificate_to_those_done(
    programme, councillor, django_capture_on_commit_callbacks
):
    done = module(programme, title="Opportunities", sections=1)
    later = module(programme, title="Buying well", sections=1)
    finish(councillor, done)

    later.required_for_certificate = False
    with django_capture_on_commit_callbacks(execute=True):
        later.save_revision().publish()

    assert Certificate.objects.filter(person=councillor).exists()


def test_switching_certificates_on_awards_them_to_those_already_done(
    councillor, django_capture_on_commit_callbacks
):
    programme = programme_of_modules(awards_certificate=False)
    finish(councillor, module(programme, sections=1))
    assert not Certificate.objects.exists()

    programme.awards_certificate = True
    programme.certificate_title = "Member Leadership Academy"
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()

    assert Certificate.objects.get(person=councillor).programme_name == "Member Leadership Academy"
    assert services.award_earned_certificates(programme_id=programme.pk) == 0  # once only
