-- The base databases (基础数据库): population and legal persons, merged field by field from department feeds.
-- Macro economy and spatial data follow in later migrations.
--
-- Lineage is kept per field without repeating it per record: a source batch is one exchange batch as a base
-- database took it in (department, batch, time), and each merged row holds, for every field in its field order,
-- the id of the source batch its value came from.

-- Which department is authoritative (权威来源) for which field of which base database. Edited by the platform admin.
create table authority (
    base        text not null check (base in ('PERSON', 'LEGAL_PERSON')),
    field       text not null,
    department  text not null,
    changed_by  text not null,
    changed_at  timestamptz not null default now(),
    primary key (base, field)
);

-- A feed: an exchange dataset a base database subscribes to, with which of its data items fills which field.
create table feed (
    id            bigint generated always as identity primary key,
    base          text not null check (base in ('PERSON', 'LEGAL_PERSON', 'MACRO', 'SPATIAL')),
    dataset       text not null,
    department    text not null,
    subscription  bigint,
    -- {"公民身份号码": "id_number", "姓名": "name", ...}: data item name to field name
    mapping       jsonb not null,
    cursor        bigint not null default 0,
    received      bigint not null default 0,
    merged        bigint not null default 0,
    conflicts     bigint not null default 0,
    rejected      bigint not null default 0,
    status        text not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED')),
    last_run      timestamptz,
    last_error    text,
    created_at    timestamptz not null default now(),
    unique (base, dataset)
);

-- One exchange batch as a base database took it in: the lineage every merged field value points to.
create table source_batch (
    id              bigint generated always as identity primary key,
    base            text not null,
    feed            bigint references feed (id),
    department      text not null,
    dataset         text,
    exchange_batch  bigint,
    received_at     timestamptz not null,
    merged_at       timestamptz not null default now()
);

create unique index source_batch_once on source_batch (feed, exchange_batch) where feed is not null;

-- The population base database (人口基础库), one row per person, keyed by the 18-digit ID number (GB 11643).
-- lineage[i] is the source batch of the i-th field in PersonField order; valid_from is when this version began.
create table person (
    id_number           text primary key check (length(id_number) = 18),
    name                text,
    gender              text,
    ethnicity           text,
    birth_date          date,
    household_address   text,
    household_division  text,
    current_address     text,
    marital_status      text,
    education           text,
    social_insurance    text,
    death_date          date,
    phone               text,
    lineage             bigint[] not null,
    version             int not null default 1,
    valid_from          timestamptz not null
);

create index person_name on person (name);
create index person_division on person (household_division);

-- Earlier versions of a person: every field's value (by field name) and lineage, valid from and to.
create table person_history (
    id_number   text not null,
    version     int not null,
    fields      jsonb not null,
    lineage     bigint[] not null,
    valid_from  timestamptz not null,
    valid_to    timestamptz not null,
    primary key (id_number, version)
);

-- The legal-person base database (法人基础库), keyed by the unified social credit code (GB 32100).
create table legal_person (
    credit_code           text primary key check (length(credit_code) = 18),
    name                  text,
    type                  text,
    legal_representative  text,
    registered_capital    numeric(20, 4),
    established           date,
    address               text,
    division              text,
    business_scope        text,
    status                text,
    status_date           date,
    industry              text,
    tax_grade             text,
    last_tax_filing       date,
    lineage               bigint[] not null,
    version               int not null default 1,
    valid_from            timestamptz not null
);

create index legal_person_name on legal_person (name);
create index legal_person_division on legal_person (division);

create table legal_person_history (
    credit_code  text not null,
    version      int not null,
    fields       jsonb not null,
    lineage      bigint[] not null,
    valid_from   timestamptz not null,
    valid_to     timestamptz not null,
    primary key (credit_code, version)
);

-- A value from a department without authority for the field that disagrees with the authoritative value. It
-- waits for a data steward: keep the authoritative value, accept this one, or send it back to its source.
create table conflict (
    id                    bigint generated always as identity primary key,
    base                  text not null check (base in ('PERSON', 'LEGAL_PERSON')),
    subject               text not null,
    field                 text not null,
    department            text not null,
    value                 text,
    source_batch          bigint not null references source_batch (id),
    authority_department  text,
    authority_value       text,
    status                text not null default 'OPEN' check (status in ('OPEN', 'KEPT', 'ACCEPTED', 'RETURNED', 'SUPERSEDED')),
    opened_at             timestamptz not null default now(),
    resolved_by           text,
    resolved_at           timestamptz,
    note                  text
);

create index conflict_open on conflict (base, field) where status = 'OPEN';
create index conflict_subject on conflict (base, subject);

-- Feed records a base database could not take (an invalid ID number, a birth date the number contradicts, an
-- unknown division code...), kept whole with the reason.
create table rejected (
    id            bigint generated always as identity primary key,
    base          text not null,
    feed          bigint references feed (id),
    source_batch  bigint references source_batch (id),
    department    text not null,
    subject       text,
    field         text,
    reason_key    text not null,
    reason_args   text[] not null default '{}',
    record        jsonb not null,
    rejected_at   timestamptz not null default now()
);

create index rejected_feed on rejected (feed, rejected_at);

-- What each feed said about each field, for the quality dashboard: values received (non-empty), values that
-- agreed with the merged value or filled an empty one, values that became conflicts, and records rejected.
create table feed_field (
    feed        bigint not null references feed (id),
    field       text not null,
    received    bigint not null default 0,
    agreed      bigint not null default 0,
    changed     bigint not null default 0,
    conflicted  bigint not null default 0,
    primary key (feed, field)
);
