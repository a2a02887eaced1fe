-- The unified directory (统一目录): org units, people, their roles, and department systems (API clients).

create table org_unit (
    id            bigint generated always as identity primary key,
    code          text not null unique check (code ~ '^[a-z][a-z0-9]{1,29}$'),
    name          text not null check (length(name) between 1 and 100),
    kind          text not null check (kind in ('GOVERNMENT', 'DEPARTMENT', 'DIVISION', 'DISTRICT', 'COUNTY')),
    parent_id     bigint references org_unit (id),
    credit_code   char(18) unique check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    division_code char(6) not null check (division_code ~ '^[0-9]{6}$'),
    sort_order    int not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check (parent_id is distinct from id)
);

create index org_unit_parent on org_unit (parent_id);

create table person (
    id                  bigint generated always as identity primary key,
    username            text not null check (username ~ '^[a-z][a-z0-9._-]{1,31}$'),
    full_name           text not null check (length(full_name) between 1 and 50),
    org_unit_id         bigint references org_unit (id),
    title               text check (length(title) <= 50),
    mobile              text check (mobile ~ '^1[3-9][0-9]{9}$'),
    email               text check (length(email) <= 100),
    password_hash       text,
    password_changed_at timestamptz,
    must_change_password boolean not null default false,
    enabled             boolean not null default true,
    failed_logins       int not null default 0,
    locked_until        timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);

create unique index person_username on person (lower(username));
create index person_org_unit on person (org_unit_id);

create table person_role (
    person_id bigint not null references person (id) on delete cascade,
    role      text not null,
    primary key (person_id, role)
);

create table api_client (
    id           bigint generated always as identity primary key,
    client_id    text not null unique check (client_id ~ '^[a-z][a-z0-9-]{2,63}$'),
    name         text not null check (length(name) between 1 and 100),
    org_unit_id  bigint references org_unit (id),
    secret_hash  text not null,
    privileges   text[] not null default '{}',
    enabled      boolean not null default true,
    secret_rotated_at timestamptz not null default now(),
    created_at   timestamptz not null default now()
);

-- Every import attempt, accepted or rejected, with the reasons for rejection.
create table import_batch (
    id          bigint generated always as identity primary key,
    kind        text not null check (kind in ('ORG_UNITS', 'PEOPLE')),
    file_name   text not null,
    uploaded_by text not null,
    uploaded_at timestamptz not null default now(),
    status      text not null check (status in ('APPLIED', 'REJECTED')),
    row_count   int not null,
    problems    jsonb not null default '[]'
);

-- Key pairs that sign access tokens, kept so tokens survive a restart.
create table signing_key (
    id          text primary key,
    private_key bytea not null,
    public_key  bytea not null,
    created_at  timestamptz not null default now()
);
