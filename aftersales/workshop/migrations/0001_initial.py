
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('agents', '0001_initial'),
        ('parts', '0001_initial'),
        ('service', '0001_initial'),
        ('units', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Workshop',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=20, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('address', models.CharField(blank=True, max_length=300, verbose_name='address')),
                ('phone', models.CharField(blank=True, max_length=20, verbose_name='phone')),
                ('opening_hours', models.CharField(blank=True, max_length=200, verbose_name='opening hours')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('agent', models.ForeignKey(blank=True, help_text="Empty for the maker's own service centre.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='workshops', to='agents.agent', verbose_name='agent')),
                ('warehouse', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='parts.warehouse', verbose_name='parts warehouse')),
            ],
            options={
                'verbose_name': 'workshop',
                'verbose_name_plural': 'workshops',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='WorkshopJob',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.CharField(editable=False, max_length=30, unique=True, verbose_name='number')),
                ('status', models.CharField(choices=[('received', 'Received'), ('on_bench', 'On the bench'), ('waiting_parts', 'Waiting for parts'), ('ready', 'Ready'), ('returned', 'Returned'), ('cancelled', 'Cancelled')], default='received', max_length=15, verbose_name='status')),
                ('arrival', models.CharField(choices=[('carried_in', 'Carried in by the customer'), ('technician', 'Brought by our technician'), ('courier', 'By courier')], max_length=12, verbose_name='how it came')),
                ('reference', models.CharField(blank=True, max_length=100, verbose_name='courier reference')),
                ('received_at', models.DateTimeField(verbose_name='received')),
                ('condition', models.TextField(verbose_name='condition on arrival')),
                ('accessories', models.TextField(blank=True, verbose_name='accessories received')),
                ('intake_signature', models.ImageField(blank=True, upload_to='workshop/signatures/', verbose_name='customer signature at intake')),
                ('intake_signed_by', models.CharField(blank=True, max_length=200, verbose_name='signed at intake by')),
                ('ready_at', models.DateTimeField(blank=True, null=True, verbose_name='ready since')),
                ('handover', models.CharField(blank=True, choices=[('collection', 'Collection by the customer'), ('delivery', 'Delivery to the customer')], max_length=12, verbose_name='hand-over')),
                ('repaired', models.BooleanField(blank=True, null=True, verbose_name='repaired')),
                ('unrepaired_reason', models.TextField(blank=True, verbose_name='why it was not repaired')),
                ('returned_at', models.DateTimeField(blank=True, null=True, verbose_name='returned')),
                ('returned_to', models.CharField(blank=True, max_length=200, verbose_name='returned to')),
                ('return_signature', models.ImageField(blank=True, upload_to='workshop/signatures/', verbose_name='customer signature at return')),
                ('cancel_reason', models.TextField(blank=True, verbose_name='why it was cancelled')),
                ('bench_visits', models.ManyToManyField(blank=True, related_name='workshop_jobs', to='service.visit', verbose_name='bench visits')),
                ('received_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='received by')),
                ('request', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='workshop_jobs', to='service.servicerequest', verbose_name='service request')),
                ('returned_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='handed back by')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='units.unit', verbose_name='unit')),
                ('workshop', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='jobs', to='workshop.workshop', verbose_name='workshop')),
            ],
            options={
                'verbose_name': 'workshop job',
                'verbose_name_plural': 'workshop jobs',
                'ordering': ['-pk'],
            },
        ),
        migrations.CreateModel(
            name='JobStatusChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(blank=True, choices=[('received', 'Received'), ('on_bench', 'On the bench'), ('waiting_parts', 'Waiting for parts'), ('ready', 'Ready'), ('returned', 'Returned'), ('cancelled', 'Cancelled')], max_length=15, verbose_name='from')),
                ('to_status', models.CharField(choices=[('received', 'Received'), ('on_bench', 'On the bench'), ('waiting_parts', 'Waiting for parts'), ('ready', 'Ready'), ('returned', 'Returned'), ('cancelled', 'Cancelled')], max_length=15, verbose_name='to')),
                ('at', models.DateTimeField(verbose_name='at')),
                ('note', models.CharField(blank=True, max_length=500, verbose_name='note')),
                ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('job', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='status_changes', to='workshop.workshopjob')),
            ],
            options={
                'verbose_name': 'workshop status change',
                'verbose_name_plural': 'workshop status changes',
                'ordering': ['at', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='workshopjob',
            index=models.Index(fields=['status', 'received_at'], name='workshop_job_queue'),
        ),
        migrations.AddConstraint(
            model_name='workshopjob',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['on_bench', 'ready', 'received', 'waiting_parts'])), fields=('request',), name='workshop_one_job_per_request'),
        ),
        migrations.AddConstraint(
            model_name='workshopjob',
            constraint=models.UniqueConstraint(condition=models.Q(('status__in', ['on_bench', 'ready', 'received', 'waiting_parts'])), fields=('unit',), name='workshop_one_job_per_unit'),
        ),
    ]
