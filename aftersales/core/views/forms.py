"""Django's auth forms with Bootstrap styling."""

from django.contrib.auth import forms as auth_forms

from ..forms import BootstrapMixin


class AuthForm(BootstrapMixin, auth_forms.AuthenticationForm):
    pass


class PasswordChange(BootstrapMixin, auth_forms.PasswordChangeForm):
    pass


class PasswordReset(BootstrapMixin, auth_forms.PasswordResetForm):
    pass


class SetPassword(BootstrapMixin, auth_forms.SetPasswordForm):
    pass
