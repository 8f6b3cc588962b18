"""Field validators shared by the content models; each error says what is wrong and what is expected."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

OLDEST_YEAR = 1800

latitude_validators = [
    MinValueValidator(-90, message=_("La latitude doit être comprise entre -90 et 90.")),
    MaxValueValidator(90, message=_("La latitude doit être comprise entre -90 et 90.")),
]
longitude_validators = [
    MinValueValidator(-180, message=_("La longitude doit être comprise entre -180 et 180.")),
    MaxValueValidator(180, message=_("La longitude doit être comprise entre -180 et 180.")),
]

# INSEE commune codes: five digits, or 2A/2B followed by three digits for Corsica.
validate_insee_code = RegexValidator(
    r"^(\d{5}|2[AB]\d{3})$",
    message=_("Le code INSEE d'une commune compte cinq caractères (par exemple 35238, ou 2A004 en Corse)."),
)

validate_hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", message=_("Indiquez une couleur au format #RRGGBB (par exemple #1f6f5c).")
)


def validate_past_year(value):
    """A year that has already begun: an opening year or a timeline date cannot lie in the future."""
    if value is None:
        return
    current = timezone.now().year
    if value > current:
        raise ValidationError(
            _("L'année %(value)s est dans le futur ; indiquez une année jusqu'à %(current)s."),
            params={"value": value, "current": current},
            code="future_year",
        )
    if value < OLDEST_YEAR:
        raise ValidationError(
            _("L'année %(value)s est trop ancienne ; indiquez une année à partir de %(oldest)s."),
            params={"value": value, "oldest": OLDEST_YEAR},
            code="too_old_year",
        )


def validate_year(value):
    """A plausible year for a period or an event, past or planned (up to ten years ahead)."""
    if value is None:
        return
    if not OLDEST_YEAR <= value <= timezone.now().year + 10:
        raise ValidationError(
            _("L'année %(value)s n'est pas plausible."), params={"value": value}, code="invalid_year"
        )
