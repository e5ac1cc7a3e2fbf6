from django.urls import path

from .views import absences, equipment, overview, technicians, training

app_name = "workforce"

urlpatterns = [
    path("", technicians.TechnicianList.as_view(), name="list"),
    path("new/", technicians.technician_create, name="create"),
    path("<int:pk>/", technicians.technician_detail, name="detail"),
    path("<int:pk>/edit/", technicians.technician_edit, name="edit"),
    path("overview/", overview.overview, name="overview"),
    # certifications and the qualifications work needs
    path("<int:pk>/certifications/new/", technicians.certification_add, name="certification_add"),
    path("certifications/", technicians.CertificationList.as_view(), name="certifications"),
    path(
        "certifications/<int:pk>/edit/",
        technicians.certification_edit,
        name="certification_edit",
    ),
    path("qualifications/", technicians.QualificationList.as_view(), name="qualifications"),
    path("qualifications/new/", technicians.qualification_create, name="qualification_create"),
    path("qualifications/<int:pk>/", technicians.qualification_edit, name="qualification_edit"),
    # training
    path("training/courses/", training.CourseList.as_view(), name="courses"),
    path("training/courses/new/", training.course_create, name="course_create"),
    path("training/courses/<int:pk>/", training.course_detail, name="course_detail"),
    path("training/courses/<int:pk>/edit/", training.course_edit, name="course_edit"),
    path("training/sessions/", training.SessionList.as_view(), name="sessions"),
    path("training/sessions/new/", training.session_create, name="session_create"),
    path("training/sessions/<int:pk>/", training.session_detail, name="session_detail"),
    path("training/sessions/<int:pk>/edit/", training.session_edit, name="session_edit"),
    path("training/sessions/<int:pk>/enrol/", training.session_enrol, name="session_enrol"),
    path(
        "training/attendance/<int:pk>/<slug:step>/",
        training.attendance_action,
        name="attendance_action",
    ),
    path(
        "training/certificates/<int:pk>/",
        training.attendance_certificate,
        name="attendance_certificate",
    ),
    path("training/people/", training.AttendanceList.as_view(), name="attendances"),
    # tools and vehicles
    path("equipment/", equipment.AssetList.as_view(), name="assets"),
    path("equipment/new/", equipment.asset_create, name="asset_create"),
    path("equipment/<int:pk>/", equipment.asset_detail, name="asset_detail"),
    path("equipment/<int:pk>/edit/", equipment.asset_edit, name="asset_edit"),
    path("equipment/<int:pk>/<slug:step>/", equipment.asset_action, name="asset_action"),
    path("handovers/", equipment.HandoverList.as_view(), name="handovers"),
    path("handovers/<int:pk>/", equipment.handover_detail, name="handover_detail"),
    path("handovers/<int:pk>/signature/", equipment.handover_signature, name="handover_signature"),
    path("handovers/<int:pk>/receipt/", equipment.handover_receipt, name="handover_receipt"),
    path("mileage/", equipment.ReadingList.as_view(), name="readings"),
    # time off
    path("time-off/", absences.AbsenceList.as_view(), name="absences"),
    path("time-off/new/", absences.absence_create, name="absence_create"),
    path("time-off/<int:pk>/", absences.absence_detail, name="absence_detail"),
    path("time-off/<int:pk>/<slug:step>/", absences.absence_action, name="absence_action"),
]
