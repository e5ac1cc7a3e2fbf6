from django.contrib import admin

from .models import (
    Asset,
    Attendance,
    Certification,
    Course,
    Handover,
    MileageReading,
    Qualification,
    Technician,
    TrainingSession,
)


class CertificationInline(admin.TabularInline):
    model = Certification
    extra = 0


@admin.register(Technician)
class TechnicianAdmin(admin.ModelAdmin):
    list_display = ("last_name", "first_name", "agent", "phone", "is_active")
    list_filter = ("agent", "is_active")
    raw_id_fields = ("user",)
    inlines = [CertificationInline]


@admin.register(Qualification)
class QualificationAdmin(admin.ModelAdmin):
    list_display = ("name", "validity_months", "is_active")


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "audience", "qualification", "is_active")


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    list_display = ("course", "starts_on", "ends_on", "status")
    list_filter = ("status",)


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ("session", "technician", "customer", "name", "status", "certificate_number")
    raw_id_fields = ("session", "technician", "customer", "certification")


@admin.register(Asset)
class AssetAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "plate", "is_active")
    list_filter = ("kind", "is_active")


@admin.register(Handover)
class HandoverAdmin(admin.ModelAdmin):
    list_display = ("number", "asset", "technician", "handed_at", "returned_at")
    raw_id_fields = ("asset", "technician")


@admin.register(MileageReading)
class MileageReadingAdmin(admin.ModelAdmin):
    list_display = ("vehicle", "read_on", "km")
