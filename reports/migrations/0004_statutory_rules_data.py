"""The deadline rules as the statutes say, the Pemilihan type, and the new sanction values.

- ``pilkada`` becomes ``pemilihan`` (UU 1/2015 jo. UU 10/2016 names it so).
- ``handling_extension`` becomes ``handling_extended`` and, for a Pemilu, counts
  14 working days from the registration (UU 7/2017 ps. 454 ayat (8)), not from the
  end of the first 7 days.
- The quiet-period "1×24 jam" handling rule is removed: Perbawaslu 7/2022 ps. 11
  ayat (4) is about *receiving* reports 24 hours a day, not a handling deadline.
- The ayat numbers of the legal bases are corrected (filing (6), handling (7),
  extension (8)); temuan rules (ayat (5); ps. 134 ayat (4)) are added; rules whose
  unit the Perbawaslu leaves uncertain are marked ``to_verify``.
- Old sanction values map to the detailed ones (``ringan`` does not apply to
  neutrality; none was ever recorded by the portal's workflow).
"""

from django.db import migrations

PEMILU = "UU 7/2017 ps. 454"
PEMILIHAN = "UU 1/2015 jo. UU 10/2016 ps. 134"
PERBAWASLU_PEMILIHAN = "Perbawaslu 8/2020 jo. Perbawaslu 9/2024"
SKB = "SKB 2022 netralitas ASN"

# (type, step, days, unit, counted_from, legal basis, to_verify)
RULES = [
    ("pemilu", "temuan", 7, "calendar", "discovery", f"{PEMILU} ayat (5)", False),
    ("pemilu", "filing", 7, "working", "known", f"{PEMILU} ayat (6)", False),
    ("pemilu", "kajian_awal", 2, "calendar", "step", "Perbawaslu 7/2022 ps. 15 ayat (1)", True),
    ("pemilu", "completion", 2, "calendar", "step", "Perbawaslu 7/2022", True),
    ("pemilu", "handling", 7, "calendar", "registration", f"{PEMILU} ayat (7)", False),
    ("pemilu", "handling_extended", 14, "working", "registration", f"{PEMILU} ayat (8)", False),
    ("pemilu", "bkn_response", 14, "working", "letter", SKB, True),
    ("pemilu", "ppk_decision", 14, "working", "letter", SKB, True),
    ("pemilu", "block_response", 14, "working", "letter", SKB, True),
    (
        "pemilihan",
        "temuan",
        7,
        "calendar",
        "discovery",
        f"{PEMILIHAN} ayat (4); {PERBAWASLU_PEMILIHAN}",
        False,
    ),
    (
        "pemilihan",
        "filing",
        7,
        "calendar",
        "known",
        f"{PEMILIHAN} ayat (4); {PERBAWASLU_PEMILIHAN}",
        False,
    ),
    ("pemilihan", "kajian_awal", 2, "calendar", "step", PERBAWASLU_PEMILIHAN, True),
    ("pemilihan", "completion", 2, "calendar", "step", PERBAWASLU_PEMILIHAN, True),
    (
        "pemilihan",
        "handling",
        3,
        "calendar",
        "receipt",
        f"{PEMILIHAN} ayat (5); {PERBAWASLU_PEMILIHAN}",
        False,
    ),
    (
        "pemilihan",
        "handling_extended",
        2,
        "calendar",
        "previous_deadline",
        f"{PEMILIHAN} ayat (6); {PERBAWASLU_PEMILIHAN}",
        False,
    ),
    ("pemilihan", "bkn_response", 14, "working", "letter", SKB, True),
    ("pemilihan", "ppk_decision", 14, "working", "letter", SKB, True),
    ("pemilihan", "block_response", 14, "working", "letter", SKB, True),
]

SANCTIONS = {"moral": "moral_tertutup", "sedang": "sedang_6", "berat": "berat_penurunan"}


def forwards(apps, schema_editor):
    DeadlineRule = apps.get_model("reports", "DeadlineRule")
    Election = apps.get_model("reports", "Election")
    Report = apps.get_model("reports", "Report")
    Election.objects.filter(type="pilkada").update(type="pemilihan")
    Election.objects.filter(name="Pilkada Serentak 2024").update(name="Pemilihan Serentak 2024")
    DeadlineRule.objects.filter(election_type="pilkada").update(election_type="pemilihan")
    DeadlineRule.objects.filter(step="handling_extension").update(step="handling_extended")
    DeadlineRule.objects.filter(step="handling_quiet_period").delete()
    Report.objects.filter(deadline_step="handling_extension").update(
        deadline_step="handling_extended"
    )
    Report.objects.filter(deadline_step="handling_quiet_period").update(deadline_step="handling")
    for election_type, step, days, unit, counted_from, basis, to_verify in RULES:
        DeadlineRule.objects.update_or_create(
            election_type=election_type,
            step=step,
            defaults={
                "days": days,
                "unit": unit,
                "counted_from": counted_from,
                "legal_basis": basis,
                "to_verify": to_verify,
            },
        )
    for old, new in SANCTIONS.items():
        Report.objects.filter(ppk_sanction=old).update(ppk_sanction=new)
    Report.objects.filter(ppk_sanction="ringan").update(ppk_sanction="tidak_ada")
    # Forwarded cases learn their recipient from the letter's date (KASN before 24 Aug 2024).
    for report in Report.objects.filter(recommendation_date__isnull=False).only(
        "pk", "recommendation_date"
    ):
        recipient = "kasn" if report.recommendation_date.isoformat() < "2024-08-24" else "bkn"
        Report.objects.filter(pk=report.pk).update(recommendation_recipient=recipient)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_statutory_deadlines_recipient_sanctions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
