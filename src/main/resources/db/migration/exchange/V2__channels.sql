-- Pull sources (同步策略): how the hub reads a dataset from its provider department's own database over JDBC,
-- when, and how far the last run got. One per dataset. Columns map to data items by name.

create table source (
    dataset            text primary key references dataset (code),
    jdbc_url           text not null,
    jdbc_user          text,
    jdbc_secret        text,
    -- a table (schema.table) or a select statement
    query              text not null,
    mode               text not null check (mode in ('FULL', 'INCREMENTAL')),
    incremental_column text,
    -- the largest value of the incremental column of the last batch that committed, and how many rows had it
    watermark          text,
    watermark_rows     int not null default 0,
    -- INTERVAL: seconds; CRON: a Spring cron expression; WINDOW: HH:mm-HH:mm, run every window_interval seconds inside it
    schedule_kind      text not null check (schedule_kind in ('INTERVAL', 'CRON', 'WINDOW')),
    schedule_value     text not null,
    window_interval    int check (window_interval > 0),
    enabled            boolean not null default true,
    next_run_at        timestamptz,
    -- progress of the current or last run
    state              text not null default 'IDLE' check (state in ('IDLE', 'READING', 'PUBLISHING', 'DONE', 'FAILED')),
    rows_read          bigint not null default 0,
    started_at         timestamptz,
    finished_at        timestamptz,
    last_error_code    text,
    last_error_args    text[] not null default '{}',
    last_batch         bigint references batch (id),
    updated_by         text not null,
    updated_at         timestamptz not null default now(),
    check (mode = 'FULL' or incremental_column is not null),
    check (schedule_kind <> 'WINDOW' or window_interval is not null)
);

create index source_due on source (next_run_at) where enabled;
