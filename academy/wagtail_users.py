"""Wagtail's user admin, fitted to our user model and our roles.

A full name instead of first and last names; roles are the only groups on offer; nobody is
made a superuser here, and passwords are set only by their owners (invitation or reset).
"""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_forms
from wagtail.users.views import users as wagtail_user_views

from .models import User
from .roles import ROLES

_PERSON_FIELDS = [
    "email",
    "full_name",
    "job_title",
    "leadership_role",
    "organisation",
    "political_group",
]


class _PersonFormMixin(forms.Form):
    first_name = None
    last_name = None
    is_superuser = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].queryset = Group.objects.filter(name__in=ROLES).order_by("name")
            self.fields["groups"].label = _("Roles")


class PersonCreationForm(_PersonFormMixin, wagtail_forms.UserCreationForm):
    class Meta(wagtail_forms.UserCreationForm.Meta):
        model = User
        fields = [*_PERSON_FIELDS, "groups"]


class PersonEditForm(_PersonFormMixin, wagtail_forms.UserEditForm):
    class Meta(wagtail_forms.UserEditForm.Meta):
        model = User
        fields = [*_PERSON_FIELDS, "is_active", "groups"]


class UserViewSet(wagtail_user_views.UserViewSet):
    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
