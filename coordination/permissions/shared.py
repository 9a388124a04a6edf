"""What the coordination permissions share: who counts as a Bawaslu official, and where."""

from bawaslu_portal.scoping import user_jurisdiction


def is_bawaslu_official(user) -> bool:
    """A logged-in admin, commissioner or staff member with a jurisdiction."""
    return bool(user.is_authenticated and user.is_bawaslu and not user_jurisdiction(user).is_empty)


def is_bawaslu_in(user, region_code: str) -> bool:
    """A Bawaslu official whose jurisdiction holds ``region_code``."""
    return is_bawaslu_official(user) and user_jurisdiction(user).contains(region_code)
