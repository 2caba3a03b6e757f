from django.urls import path

from bouquet.www.bouquets import views

app_name = "bouquets"
urlpatterns = [
    path("demarches/<slug:slug>/bouquets/", views.process_bouquets, name="process"),
    path("demarches/<slug:slug>/bouquets/regrouper/", views.regroup, name="regroup"),
    path("demarches/<slug:slug>/bouquets/avancement/", views.clustering_progress, name="progress"),
    path("demarches/<slug:slug>/bouquets/par-lieu/", views.by_place, name="by-place"),
    path("demarches/<slug:slug>/propositions/similaires/", views.similar, name="similar"),
    path("bouquets/<int:pk>/", views.bouquet_detail, name="detail"),
    path("bouquets/<int:pk>/renommer/", views.rename, name="rename"),
    path("bouquets/<int:pk>/epingler/", views.pin, name="pin"),
    path("bouquets/<int:pk>/fusionner/", views.merge, name="merge"),
    path("bouquets/<int:pk>/scinder/", views.split, name="split"),
    path("bouquets/<int:pk>/odd/", views.confirm_sdgs, name="sdgs"),
    path("bouquets/<int:pk>/deplacer/<int:proposal_pk>/", views.move, name="move"),
    path("grands-themes/<int:pk>/renommer/", views.rename_topic, name="rename-topic"),
]
