from django.urls import path

from bouquet.www.budgets import views

app_name = "budgets"
urlpatterns = [
    path("demarches/<slug:slug>/budget/", views.process_budgets, name="process"),
    path("demarches/<slug:slug>/budget/nouveau/", views.budget_create, name="create"),
    path("demarches/<slug:slug>/budget/importer/", views.budget_import, name="import"),
    path(
        "demarches/<slug:slug>/budget/importer/<int:pk>/",
        views.budget_import_progress,
        name="import-progress",
    ),
    path("demarches/<slug:slug>/sobriete/", views.sobriety, name="sobriety"),
    path("budgets/<int:pk>/", views.budget_detail, name="detail"),
    path("budgets/<int:pk>/voter/", views.budget_vote, name="vote"),
    path("budgets/<int:pk>/voter/verifier/", views.budget_vote_check, name="vote-check"),
    path("budgets/<int:pk>/vote-papier/", views.paper_ballot, name="paper"),
    path("budgets/<int:pk>/projets/nouveau/", views.project_create, name="project-create"),
    path("budgets/<int:pk>/projets/<int:project_pk>/", views.project_detail, name="project"),
    path("budgets/<int:pk>/projets/<int:project_pk>/modifier/", views.project_edit, name="project-edit"),
    path(
        "budgets/<int:pk>/projets/<int:project_pk>/faisabilite/",
        views.project_feasibility,
        name="feasibility",
    ),
    path("budgets/<int:pk>/calculer/", views.compute, name="compute"),
    path("budgets/<int:pk>/resultats/", views.budget_results, name="results"),
    path("budgets/<int:pk>/recomptage/", views.budget_recount, name="recount"),
    path("budgets/<int:pk>/bulletins-<slug:part>.pb", views.download_pb, name="pb"),
    path("budgets/<int:pk>/bulletins-<slug:part>.csv", views.download_csv, name="csv"),
    path("bouquets/<int:bouquet_pk>/projet-budget/", views.bouquet_project, name="bouquet-project"),
    path("bouquets/<int:bouquet_pk>/moyens/", views.bouquet_means, name="means"),
]
