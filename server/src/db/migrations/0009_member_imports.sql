-- Spreadsheet imports of members into a membership drive run as import jobs too.
alter table import_job drop constraint import_job_kind_check;
alter table import_job add constraint import_job_kind_check check (kind in ('people-posts', 'members'));
