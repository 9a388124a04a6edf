"""Log in with a username or an email address."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    """Accepts the username, or the account's email address, case-insensitively."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user_model = get_user_model()
        identifier = username.strip()
        lookup = {"email__iexact": identifier} if "@" in identifier else {"username": identifier}
        try:
            user = user_model._default_manager.get(**lookup)
        except user_model.DoesNotExist:
            # Hash anyway so a missing account takes as long as a wrong password.
            user_model().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        """The session's user with their agency and its region, in one query.

        Nearly every page reads them (the jurisdiction scope, the office): read with the user,
        they cost no query of their own on each request (issue 10 §1).
        """
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("agency__region").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
