-- Programmes, part 2. A roll-out above 5,000 targets is built by the 'programme-rollout' job, all or
-- nothing: its row says 'creating' until the job commits the instances ('ready') or gives up
-- ('failed', nothing of it kept). Clusters are edited and soft-deleted (the in-charge tenures stay on
-- record). An overdue instance's in-charge and team are told once per planned date.
alter table programme_rollout add column status text not null default 'ready' check (status in ('creating', 'ready', 'failed'));
alter table programme_rollout add column total int check (total >= 0);
alter table programme_rollout add column error text check (length(error) <= 1000);
create index programme_rollout_creating_idx on programme_rollout (phase_id) where status = 'creating';

alter table programme_cluster add column updated_at timestamptz;
alter table programme_cluster add column deleted_at timestamptz;

-- The planned date an overdue notice was sent for: re-planning to a later date makes a new notice due.
alter table programme_instance add column overdue_notice_for date;
