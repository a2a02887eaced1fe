-- Administrative division codes (GB/T 2260). Loaded from the national list by V2; codes the platform
-- operator adds (a new district, a demo city) are marked with their own source.
create table division_code (
    code       char(6) primary key check (code ~ '^[0-9]{6}$'),
    name       text not null,
    level      text not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY')),
    parent     char(6),
    source     text not null,
    retired_on date
);
