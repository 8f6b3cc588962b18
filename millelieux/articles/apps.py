from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "millelieux.articles"
    label = "articles"
    verbose_name = "Articles"
