"""``seed_demo``: idempotent, refuses demo logins without DEBUG."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bawaslu_portal.models import Agency, Person, Position, User


def _counts():
    return (
        Agency.objects.count(),
        Person.objects.count(),
        Position.objects.count(),
        User.objects.count(),
    )


@pytest.mark.django_db
def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    first = _counts()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert _counts() == first
    assert "semarang.pemkot" in out.getvalue()


@pytest.mark.django_db
def test_seed_demo_creates_the_demo_logins(settings, client):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    jateng = User.objects.get(username="jateng.staf")
    assert jateng.agency.region_id == "33"
    assert User.objects.get(username="semarang.pemkot").role == "partner"
    assert User.objects.get(username="admin").is_superuser
    response = client.post("/masuk/", {"username": "semarang.ketua", "password": "bawaslu-demo"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--allow-demo-logins"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()
    call_command("seed_demo", "--allow-demo-logins", stdout=StringIO())
    assert User.objects.filter(username="semarang.staf").exists()
