"""The portal demo's logins: a superuser and one login per role the README lists.

Passwords are only set when an account is created.
"""

from bawaslu_portal.models import Agency, Person, User, UserRole

__all__ = ["LOGINS", "LOGIN_NAMES", "demo_account", "seed_logins"]

#: Demo logins: (username, first name, last name, role, agency key, person key, staff?)
LOGINS = [
    (
        "semarang.ketua",
        "Arief",
        "Rahman",
        UserRole.COMMISSIONER,
        "bawaslu_semarang",
        "arief_rahman",
        False,
    ),
    ("semarang.staf", "Staf", "Bawaslu Semarang", UserRole.STAFF, "bawaslu_semarang", None, False),
    (
        "semarang.pemkot",
        "Staf",
        "Pemkot Semarang",
        UserRole.PARTNER,
        "pemkot_semarang",
        None,
        False,
    ),
    (
        "balikpapan.staf",
        "Staf",
        "Bawaslu Balikpapan",
        UserRole.STAFF,
        "bawaslu_balikpapan",
        None,
        False,
    ),
    ("serang.staf", "Staf", "Bawaslu Serang", UserRole.STAFF, "bawaslu_serang", None, False),
    (
        "pangkalpinang.staf",
        "Staf",
        "Bawaslu Pangkalpinang",
        UserRole.STAFF,
        "bawaslu_pangkalpinang",
        None,
        False,
    ),
    ("jateng.staf", "Staf", "Bawaslu Jawa Tengah", UserRole.STAFF, "bawaslu_jateng", None, False),
]

#: The usernames :func:`seed_logins` creates: what a demo data file may name as a login.
LOGIN_NAMES = ["admin", *(username for username, *_rest in LOGINS)]


def demo_account(username: str, *, password: str | None, **defaults) -> User:
    """The demo account ``username`` (email ``<username>@example.go.id``), created if missing.

    ``defaults`` are the account's fields when it is created; a new account gets
    ``password``, or no usable password when it is None. An existing account is
    left as it is (its password too).
    """
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.go.id", **defaults}
    )
    if created:
        if password is None:
            user.set_unusable_password()
        else:
            user.set_password(password)
        user.save(update_fields=["password"])
    return user


def seed_logins(
    *, password: str, agencies: dict[str, Agency], people: dict[str, Person]
) -> dict[str, User]:
    """Create the missing demo logins (``admin`` and :data:`LOGINS`); returns them by username."""
    users: dict[str, User] = {}
    users["admin"] = demo_account(
        "admin",
        password=password,
        first_name="Admin",
        last_name="Portal",
        role=UserRole.ADMIN,
        is_staff=True,
        is_superuser=True,
    )
    for username, first, last, role, agency_key, person_key, is_staff in LOGINS:
        users[username] = demo_account(
            username,
            password=password,
            first_name=first,
            last_name=last,
            role=role,
            agency=agencies[agency_key],
            person=people.get(person_key) if person_key else None,
            is_staff=is_staff,
        )
    return users
