from django.urls import path
from django.views.generic import RedirectView

from .views import exploration_book

# The book is printed in the study's language whatever the interface's: it has one address, outside the
# language prefixes, so that a site (and its static copy) holds it once.
urlpatterns = [
    path("explorations/<str:slug>/livre.pdf", exploration_book, name="exploration_book"),
]

# Under a language prefix (/en/explorations/<slug>/livre.pdf, its former English address): the book's address.
localized_urlpatterns = [
    path(
        "explorations/<str:slug>/livre.pdf",
        RedirectView.as_view(pattern_name="exploration_book", permanent=True),
        name="exploration_book_localized",
    ),
]
