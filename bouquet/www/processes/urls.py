from django.urls import path

from bouquet.www.processes import views

app_name = "processes"
urlpatterns = [
    path("", views.process_list, name="list"),
    path("demarches/<slug:slug>/", views.process_detail, name="detail"),
]
