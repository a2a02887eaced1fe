-- The unified query's log (查询记录): every query of the base databases and every verification call, with who asked,
-- for which department, why (the stated purpose) and what, and how many subjects it answered. Each person sees their
-- own lines as their query history; the audit log holds the same queries in its chain.
create table query_log (
    id            bigint generated always as identity primary key,
    at            timestamptz not null,
    actor         text not null,
    department    text not null,
    base          text not null check (base in ('PERSON', 'LEGAL_PERSON')),
    kind          text not null check (kind in ('LOOKUP', 'SEARCH', 'VERIFY')),
    purpose       text not null check (purpose in ('HANDLING', 'ENFORCEMENT', 'STATISTICS', 'OTHER')),
    purpose_text  text,
    criteria      text not null,
    results       int not null
);

create index query_log_actor on query_log (actor, at desc);
