-- The audit log: append-only, each record chained to the one before it by an SM3 hash.
create table audit_record (
    seq           bigint primary key,
    at            timestamptz not null,
    actor         text not null,
    org_unit      text,
    action        text not null,
    target        text not null,
    detail        text not null default '',
    address       text,
    outcome       text not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    previous_hash char(64) not null,
    hash          char(64) not null unique
);

create index audit_record_at on audit_record (at);
create index audit_record_actor on audit_record (actor, at);
create index audit_record_action on audit_record (action, at);

-- The last record written; lets verification notice records removed from the end of the log.
create table chain_head (
    id   int primary key check (id = 1),
    seq  bigint not null,
    hash char(64) not null
);

insert into chain_head (id, seq, hash) values (1, 0, repeat('0', 64));
