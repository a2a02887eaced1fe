-- Share requests (共享申请) and the grants (授权) they lead to: the single source of truth for who may use what.
create table share_request (
    id            bigint generated always as identity primary key,
    resource_code text not null references resource (code),
    consumer      text not null,
    purpose       text not null check (length(purpose) between 1 and 1000),
    legal_basis   text not null default '',
    items         text[] not null check (cardinality(items) > 0),
    systems       text not null default '',
    valid_from    date not null,
    valid_until   date not null,
    status        text not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    requested_by  text not null,
    requested_at  timestamptz not null default now(),
    due_on        date not null,
    answered_by   text,
    answered_at   timestamptz,
    answer        text,
    check (valid_until >= valid_from)
);

create index share_request_resource on share_request (resource_code);
create index share_request_consumer on share_request (consumer, status);
create index share_request_pending on share_request (due_on) where status = 'PENDING';

create table share_grant (
    id            bigint generated always as identity primary key,
    resource_code text not null references resource (code),
    consumer      text not null,
    items         text[] not null,
    valid_from    date not null,
    valid_until   date not null,
    request_id    bigint references share_request (id),
    granted_by    text not null,
    granted_at    timestamptz not null default now(),
    revoked_by    text,
    revoked_at    timestamptz,
    revoke_reason text
);

create index share_grant_consumer on share_grant (consumer, resource_code) where revoked_at is null;
