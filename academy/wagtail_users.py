"""Wagtail's user admin, fitted to our user model: a full name instead of first and last names."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_forms
from wagtail.users.views import users as wagtail_user_views

from .models import User

_PERSON_FIELDS = ["email", "full_name", "job_title", "organisation", "political_group"]


class _FullNameMixin(forms.Form):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)


class PersonCreationForm(_FullNameMixin, wagtail_forms.UserCreationForm):
    class Meta(wagtail_forms.UserCreationForm.Meta):
        model = User
        fields = [*_PERSON_FIELDS, "is_superuser", "groups"]


class PersonEditForm(_FullNameMixin, wagtail_forms.UserEditForm):
    class Meta(wagtail_forms.UserEditForm.Meta):
        model = User
        fields = [*_PERSON_FIELDS, "is_active", "is_superuser", "groups"]


class UserViewSet(wagtail_user_views.UserViewSet):
    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
