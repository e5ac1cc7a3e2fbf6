"""Writes on users and tokens."""

from django.db import transaction
from django.utils import timezone

from .models import ApiToken, User


@transaction.atomic
def user_set_language(*, user: User, language: str) -> User:
    user.language = language
    user.save(update_fields=["language"])
    return user


@transaction.atomic
def user_update_preferences(*, user: User, data: dict) -> User:
    for field, value in data.items():
        setattr(user, field, value)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token; the key itself is returned once and only its hash is kept."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(
        user=user, name=name, prefix=key[:10], digest=ApiToken.hash(key)
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> ApiToken:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return token


def api_token_user(key: str) -> User | None:
    """The active user owning an active token with this key, or None."""
    token = (
        ApiToken.objects.active()
        .select_related("user")
        .filter(digest=ApiToken.hash(key), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
