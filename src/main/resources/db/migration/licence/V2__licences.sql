-- Licence types (证照类型), the departments' seal keys, and the issued licences (电子证照) with their seals.

create table licence_type (
    code           text primary key check (code ~ '^[A-Z]{2,8}$'),
    name           text not null check (length(name) between 1 and 100),
    issuer         text not null,
    holder_kind    text not null check (holder_kind in ('PERSON', 'ENTERPRISE')),
    validity_years int check (validity_years between 1 and 100),
    -- The licence's own data fields, in display order: [{"name": "address", "label": "经营场所"}, ...]
    fields         jsonb not null default '[]'::jsonb,
    sort_order     int not null default 0
);

-- One SM2 key pair per issuing department. The private key is kept here only until a signing device
-- (签章服务器) takes over; see docs/licence.md.
create table seal_key (
    department  text primary key,
    public_key  text not null,
    private_key text not null,
    created_at  timestamptz not null default now()
);

-- Numbers run per type and year: <type code><year><six-digit sequence>.
create table number_sequence (
    type_code text not null references licence_type (code),
    year      int  not null,
    last      int  not null,
    primary key (type_code, year)
);

create table licence (
    number       text primary key,
    type_code    text not null references licence_type (code),
    holder_id    text not null,
    holder_name  text not null,
    issuer       text not null,
    issued_on    date not null,
    valid_from   date not null,
    valid_until  date,
    data         jsonb not null default '{}'::jsonb,
    case_number  text,
    -- SM3 digest (hex) of the canonical form and the issuer's SM2 signature over it (base64 DER).
    digest       text not null,
    signature    text not null,
    issued_at    timestamptz not null default now(),
    issued_by    text not null,
    revoked_at   timestamptz,
    revoked_by   text,
    revoke_reason text,
    check (valid_until is null or valid_until >= valid_from),
    check ((revoked_at is null) = (revoke_reason is null))
);

create index licence_holder on licence (holder_id);
create index licence_issuer on licence (issuer, issued_at desc);
create index licence_case on licence (case_number) where case_number is not null;
