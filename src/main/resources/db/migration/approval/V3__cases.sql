-- Cases (办件): one row per application, its materials, its timeline and its rating.
create sequence case_serial;

create table case_file (
    number            text primary key,                 -- 办件编号: yyyyMMdd + 6-digit serial
    query_code        text not null,                    -- 查询码: with the number, lets anyone see progress
    item_code         text not null,
    item_name         text not null,
    item_version      int not null,
    department        text not null,                    -- the implementing (or lead) department
    shape             text not null check (shape in ('SINGLE', 'PARALLEL', 'SEQUENCE')),
    legal_days        int not null check (legal_days > 0),
    promised_days     int not null check (promised_days > 0 and promised_days <= legal_days),
    step_limits       jsonb not null,                   -- department code -> working days
    item_materials    jsonb not null,                   -- the materials the item asked for when the case was submitted
    issues_licence    text,                             -- licence type issued on approval, if any
    applicant         text not null,                    -- the applicant account's login name
    holder_kind       text not null check (holder_kind in ('PERSON', 'ENTERPRISE')),
    holder_id         text not null,
    holder_name       text not null,
    form              jsonb not null,
    submission_key    text not null unique,             -- one submission per application form
    status            text not null check (status in ('SUBMITTED', 'SUPPLEMENT_REQUESTED', 'IN_REVIEW', 'REFUSED',
                                                      'APPROVED', 'REJECTED')),
    supplement_note   text,                             -- 一次性告知: everything missing, said once
    process_instance  text,
    submitted_at      timestamptz not null,
    accepted_at       timestamptz,
    finished_at       timestamptz,
    result_reason     text,
    licence_number    text
);
create index case_file_applicant on case_file (applicant, submitted_at desc);
create index case_file_status on case_file (status, submitted_at);
create index case_file_item on case_file (item_code, status);

create table case_material (
    id               bigserial primary key,
    case_number      text not null references case_file (number),
    material_code    text not null,
    material_name    text not null,
    source           text not null check (source in ('UPLOAD', 'LICENCE', 'BASEDATA')),
    file_name        text,
    content_type     text,
    size_bytes       bigint,
    sm3              text,                              -- digest of the content, for integrity
    content          bytea,
    licence_number   text,
    added_at         timestamptz not null,
    replaced         boolean not null default false
);
create index case_material_case on case_material (case_number);

create table case_event (
    id           bigserial primary key,
    case_number  text not null references case_file (number),
    at           timestamptz not null,
    actor        text not null,
    department   text,
    kind         text not null,                         -- SUBMITTED, SUPPLEMENT_REQUESTED, SUPPLEMENTED, ACCEPTED, ...
    step         text,
    decision     text,
    comment      text,
    public_text  boolean not null default true          -- whether the applicant and the progress page see it
);
create index case_event_case on case_event (case_number, id);
