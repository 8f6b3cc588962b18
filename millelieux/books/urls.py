from django.urls import path

from .views import exploration_book

urlpatterns = [
    path("explorations/<str:slug>/livre.pdf", exploration_book, name="exploration_book"),
]
