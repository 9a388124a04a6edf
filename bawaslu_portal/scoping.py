"""The one jurisdiction scope every queryset shown to an official goes through.

A user's jurisdiction is the region subtree of their agency: Bawaslu Kota
Semarang (33.74) sees 33.74 and everything below it; Bawaslu Provinsi Jawa
Tengah (33) sees every kab/kota of the province. Superusers and admins
without an agency see the whole country. A user with no agency sees nothing.

Models declare the path to their region as ``JURISDICTION_FIELD`` (for
example ``"region"`` or ``"host_agency__region"``), so callers never spell
the filter themselves.
"""

from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bawaslu_portal.models import Region, UserRole
from bawaslu_portal.models.regions import subtree_q


@dataclass(frozen=True)
class Jurisdiction:
    """Where a user may look: a region subtree, everything, or nothing."""

    region: Region | None
    nationwide: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.nationwide and self.region is None

    @property
    def spans_cities(self) -> bool:
        """Whether the jurisdiction holds more than one kab/kota (a province, or everything)."""
        return self.nationwide or (self.region is not None and self.region.depth == 1)

    def contains(self, code: str | None) -> bool:
        if self.nationwide:
            return True
        if self.region is None or code is None:
            return False
        return self.region.contains(code)

    def label(self) -> str:
        if self.nationwide:
            return _("All of Indonesia")
        if self.region is None:
            return _("No jurisdiction (the account has no agency)")
        return self.region.label


def user_jurisdiction(user) -> Jurisdiction:
    """The jurisdiction of ``user`` (cached on the user object for the request)."""
    cached = getattr(user, "_jurisdiction_cache", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        result = Jurisdiction(region=None)
    elif user.is_superuser or (user.role == UserRole.ADMIN and user.agency_id is None):
        result = Jurisdiction(region=None, nationwide=True)
    elif user.agency_id is None:
        result = Jurisdiction(region=None)
    elif user._meta.get_field("agency").is_cached(user):
        # The login backend reads the agency and its region with the user: no query here.
        result = Jurisdiction(region=user.agency.region)
    else:
        region = Region.objects.filter(agencies__pk=user.agency_id).first()
        result = Jurisdiction(region=region)
    user._jurisdiction_cache = result
    return result


def scope_to_jurisdiction(queryset: QuerySet, user, field: str | None = None) -> QuerySet:
    """Restrict ``queryset`` to the objects in ``user``'s jurisdiction.

    ``field`` overrides the model's ``JURISDICTION_FIELD``; for ``Region``
    itself the code is used.
    """
    jurisdiction = user_jurisdiction(user)
    if jurisdiction.nationwide:
        return queryset
    if jurisdiction.is_empty:
        return queryset.none()
    model = queryset.model
    if field is None:
        field = "code" if model is Region else model.JURISDICTION_FIELD
    return queryset.filter(subtree_q(field, jurisdiction.region.code))


def get_in_jurisdiction_or_404(queryset: QuerySet, user, **lookup) -> Model:
    """Fetch one object, as a 404 when it does not exist *or* lies outside the scope."""
    try:
        return scope_to_jurisdiction(queryset, user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404(_("Not found.")) from exc
