-- The information resource catalog (政务信息资源目录, GB/T 21063 and the 2017 cataloguing guide).

-- The classification tree: 类 (基础 1 / 主题 2 / 部门 3), then 项 (2 digits), 目 (3), 细目 (3).
create table classification (
    code   text primary key check (code ~ '^[123]([0-9]{2}([0-9]{3}([0-9]{3})?)?)?$'),
    name   text not null,
    parent text references classification (code)
);

-- A resource is known by its code for life; its content lives in versions.
create table resource (
    id              bigint generated always as identity primary key,
    code            text not null unique check (code ~ '^[123][0-9]{8}/[0-9]{6}$'),
    classification  text not null references classification (code),
    provider        text not null,
    provider_code   text not null,
    status          text not null check (status in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REVOKED')),
    published_version int,
    created_by      text not null,
    created_at      timestamptz not null default now()
);

create index resource_provider on resource (provider);
create index resource_classification on resource (classification);

create table resource_version (
    resource_id      bigint not null references resource (id),
    version          int not null check (version >= 1),
    status           text not null check (status in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'SUPERSEDED', 'REVOKED')),
    name             text not null check (length(name) between 1 and 200),
    summary          text not null check (length(summary) <= 2000),
    format           text not null,
    share_type       text not null check (share_type in ('UNCONDITIONAL', 'CONDITIONAL', 'NONE')),
    share_conditions text,
    share_ways       text[] not null default '{}',
    share_basis      text,
    open_type        text not null check (open_type in ('OPEN', 'CONDITIONAL', 'NONE')),
    open_conditions  text,
    update_cycle     text not null,
    publish_date     date,
    related_codes    text[] not null default '{}',
    keywords         text[] not null default '{}',
    contact_name     text,
    contact_phone    text,
    contact_email    text,
    edited_by        text not null,
    edited_at        timestamptz not null default now(),
    submitted_by     text,
    submitted_at     timestamptz,
    reviewed_by      text,
    reviewed_at      timestamptz,
    review_comment   text,
    primary key (resource_id, version),
    check (share_type <> 'NONE' or (share_basis is not null and length(share_basis) > 0))
);

create table data_item (
    resource_id  bigint not null,
    version      int not null,
    seq          int not null,
    name         text not null check (length(name) between 1 and 100),
    data_type    text not null,
    length       int check (length is null or length > 0),
    description  text,
    is_key       boolean not null default false,
    is_required  boolean not null default false,
    is_personal  boolean not null default false,
    standard     text check (standard in ('ID_NUMBER', 'CREDIT_CODE', 'DIVISION_CODE', 'DATE')),
    primary key (resource_id, version, seq),
    foreign key (resource_id, version) references resource_version (resource_id, version) on delete cascade
);

-- Next sequence number within each classification, for the 后段码 of new codes.
create table code_sequence (
    classification text primary key references classification (code),
    next_value     int not null
);
