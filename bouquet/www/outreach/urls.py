from django.urls import path

from bouquet.www.outreach import views

app_name = "outreach"
urlpatterns = [
    path("ateliers/", views.workshop_list, name="workshops"),
    path("ateliers/<int:pk>/", views.workshop_detail, name="workshop"),
    path("ateliers/<int:pk>/inscription/", views.workshop_register, name="register"),
    path("ateliers/<int:pk>/desinscription/", views.workshop_cancel, name="cancel"),
    path("ateliers/<int:pk>/atelier.ics", views.workshop_ics, name="workshop-ics"),
    path("ateliers/<int:pk>/affiche.pdf", views.workshop_poster, name="poster"),
    path("demarches/<slug:slug>/ateliers.ics", views.process_agenda_ics, name="agenda-ics"),
    path("demarches/<slug:slug>/formulaire.pdf", views.paper_form, name="paper-form"),
    path("d/<int:pk>/", views.short_link, name="short"),
    path("rue/", views.street, name="street"),
    path("rue/proches/", views.street_similar, name="street-similar"),
    path("compte/contributions-recueillies/", views.claim, name="claim"),
]
