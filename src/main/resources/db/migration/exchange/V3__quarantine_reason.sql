-- Why a data officer discarded a rejected record: a record is discarded only with a reason, which stays with it.
alter table quarantine add column discard_reason text;
alter table quarantine add constraint quarantine_discard_reason check (status <> 'DISCARDED' or discard_reason is not null);
