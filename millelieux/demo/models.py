"""What the demo loader created: so that running it again never re-creates what an editor deleted,
never duplicates what an editor renamed, and never rewrites what an editor changed."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class DemoRecord(models.Model):
    """One object the demo loader created or adopted, under the key of its data file entry.

    A page is found again by its id, whatever its slug or title became; a record whose object is gone means an
    editor deleted it, and the loader leaves it deleted.
    """

    key = models.CharField("clé du contenu de démonstration", max_length=255, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "objet de démonstration"
        verbose_name_plural = "objets de démonstration"

    def __str__(self):
        return self.key

    @classmethod
    def remember(cls, key, obj):
        return cls.objects.create(
            key=key,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
            object_id=obj.pk,
        )

    def target(self):
        """The recorded object (its specific class for a page), or None if it was deleted."""
        model = self.content_type.model_class()
        if model is None:
            return None
        return model.objects.filter(pk=self.object_id).first()
