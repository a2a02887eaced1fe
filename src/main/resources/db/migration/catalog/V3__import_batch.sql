-- Catalog import attempts (目录导入批次), applied or rejected, each kept with its problems so that a rejected
-- workbook can be fixed from its problem report. The importer's department decides whose officers see it.
create table import_batch (
    id             bigint generated always as identity primary key,
    file_name      text not null,
    uploaded_by    text not null,
    department     text,
    uploaded_at    timestamptz not null default now(),
    status         text not null check (status in ('APPLIED', 'REJECTED')),
    resource_count int not null,
    item_count     int not null,
    submitted      boolean not null default false,
    codes          text[] not null default '{}',
    problems       jsonb not null default '[]'
);

create index import_batch_department on import_batch (department, id);
