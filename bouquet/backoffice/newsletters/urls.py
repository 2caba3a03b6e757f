from django.urls import path

from bouquet.backoffice.newsletters import views

urlpatterns = [
    path("lettres/", views.newsletter_list, name="newsletters"),
    path("lettres/nouvelle/", views.newsletter_create, name="newsletter-create"),
    path("lettres/<int:pk>/", views.newsletter_detail, name="newsletter"),
    path("lettres/<int:pk>/essai/", views.newsletter_test, name="newsletter-test"),
    path("lettres/<int:pk>/envoyer/", views.newsletter_send, name="newsletter-send"),
]
