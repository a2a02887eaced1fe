-- Service items (政务服务事项) and their public guides (办事指南).
-- An item's working copy lives in service_item.content (edited by its department); each publication freezes the content
-- as a numbered version in service_item_version, which is what the public guide and new cases read.
create table approval.service_item (
    id              bigserial primary key,
    code            text not null unique check (code ~ '^[0-9A-Za-z][0-9A-Za-z-]{2,63}$'),
    department      text not null,
    status          text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    name            text not null,
    type            text not null check (type in ('LICENSING', 'CONFIRMATION', 'BENEFIT', 'ADJUDICATION', 'REWARD', 'OTHER_POWER', 'PUBLIC_SERVICE')),
    content         jsonb not null,
    published_version int not null default 0,
    changed         boolean not null default true,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    edited_by       text not null,
    edited_at       timestamptz not null default now()
);
create index service_item_department on approval.service_item (department);

create table approval.service_item_version (
    item_id         bigint not null references approval.service_item (id),
    version         int not null check (version > 0),
    name            text not null,
    type            text not null,
    department      text not null,
    content         jsonb not null,
    published_by    text not null,
    published_at    timestamptz not null default now(),
    primary key (item_id, version)
);

-- Downloadable forms (申请表格) of an item, kept in the database so that a backup holds them.
create table approval.service_item_form (
    id              bigserial primary key,
    item_id         bigint not null references approval.service_item (id),
    file_name       text not null,
    content_type    text not null check (content_type in ('application/pdf',
                        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
    size            int not null check (size > 0 and size <= 10485760),
    content         bytea not null,
    uploaded_by     text not null,
    uploaded_at     timestamptz not null default now()
);
create index service_item_form_item on approval.service_item_form (item_id);
