-- The macro-economy (宏观经济) and spatial (空间地理) base databases.
--
-- Macro economy: indicators, and one value per indicator x region x period. A new value for the same cell is a
-- revision: the value it replaces moves to indicator_revision with its source batch and when it was valid, so the
-- figures published first stay readable beside the revised ones.

-- An indicator (指标) as 统计局 defines it: code, name, unit and definition, last said by the feed.
create table indicator (
    code          text primary key check (code ~ '^[A-Za-z0-9._-]{1,32}$'),
    name          text not null,
    unit          text,
    definition    text,
    source_batch  bigint references source_batch (id),
    updated_at    timestamptz not null default now()
);

-- The current value of each cell. period is yyyy (a year), yyyy-MM (a month) or yyyy-Qn (a quarter), so a
-- series of one kind sorts by its text; revision counts the values the cell has had.
create table indicator_value (
    indicator     text not null references indicator (code),
    region        text not null check (region ~ '^[0-9]{6}$'),
    period        text not null check (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
    period_kind   text not null check (period_kind in ('YEAR', 'QUARTER', 'MONTH')),
    value         numeric not null,
    revision      int not null default 1,
    source_batch  bigint not null references source_batch (id),
    valid_from    timestamptz not null,
    primary key (indicator, region, period)
);

create index indicator_value_series on indicator_value (indicator, period_kind, region, period);

-- Values a later value replaced: revision n of the cell, from its source batch, valid from and to.
create table indicator_revision (
    indicator     text not null,
    region        text not null,
    period        text not null,
    revision      int not null,
    value         numeric not null,
    source_batch  bigint not null references source_batch (id),
    valid_from    timestamptz not null,
    valid_to      timestamptz not null,
    primary key (indicator, region, period, revision)
);

-- Spatial: the GB/T 2260 division tree itself is shared.division_code (with retired_on); what replaced a retired
-- code is known only from the State's announcements, so it is kept here where it is known.
create table division_successor (
    code        text not null check (code ~ '^[0-9]{6}$'),
    successor   text not null check (successor ~ '^[0-9]{6}$'),
    note        text,
    primary key (code, successor)
);

-- The boundary of a division as a GeoJSON geometry (Polygon or MultiPolygon, WGS-84 lon/lat), with its box.
create table boundary (
    division    text primary key check (division ~ '^[0-9]{6}$'),
    geometry    jsonb not null,
    min_lon     numeric(10, 7) not null,
    min_lat     numeric(10, 7) not null,
    max_lon     numeric(10, 7) not null,
    max_lat     numeric(10, 7) not null,
    source      text not null,
    updated_at  timestamptz not null default now()
);

-- Addresses and points of interest (兴趣点) with WGS-84 coordinates.
create table place (
    id          bigint generated always as identity primary key,
    kind        text not null check (kind in ('SERVICE_HALL', 'SCHOOL', 'HOSPITAL', 'ADDRESS', 'OTHER')),
    name        text not null,
    address     text,
    division    text not null check (division ~ '^[0-9]{6}$'),
    lon         numeric(10, 7) not null check (lon between -180 and 180),
    lat         numeric(10, 7) not null check (lat between -90 and 90),
    source      text not null,
    created_at  timestamptz not null default now(),
    unique (division, kind, name)
);

create index place_division on place (division, kind);
