-- The working-day calendar (工作日历): the public holidays and make-up workdays (调休上班) the State Council
-- publishes for each year. A day is a working day if it is listed as a WORKDAY, or it is Monday to Friday and not
-- listed as a HOLIDAY. Every day of a holiday period is listed, weekends included, so that the period can be shown
-- and named whole. The platform administrator maintains later years on the calendar page.
create table calendar_day (
    day  date primary key check (day between date '2000-01-01' and date '2100-12-31'),
    kind text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name text not null,
    -- A make-up workday is a Saturday or Sunday; Monday to Friday are working days anyway.
    check (kind = 'HOLIDAY' or extract(isodow from day) in (6, 7)),
    check (kind = 'WORKDAY' or btrim(name) <> '')
);

-- The years whose schedule has been entered, and where it came from. For any other year the platform counts
-- Monday to Friday as working days, and callers can warn that the year's holidays are not known yet.
create table calendar_year (
    year   int primary key check (year between 2000 and 2100),
    source text not null
);

-- 2025
insert into calendar_year (year, source) values (2025, '国务院办公厅关于2025年部分节假日安排的通知');

insert into calendar_day (day, kind, name)
select d::date, 'HOLIDAY', p.name
from (values ('元旦',           date '2025-01-01', date '2025-01-01'),
             ('春节',           date '2025-01-28', date '2025-02-04'),
             ('清明节',         date '2025-04-04', date '2025-04-06'),
             ('劳动节',         date '2025-05-01', date '2025-05-05'),
             ('端午节',         date '2025-05-31', date '2025-06-02'),
             ('国庆节、中秋节', date '2025-10-01', date '2025-10-08')) as p (name, first_day, last_day),
     generate_series(p.first_day, p.last_day, interval '1 day') as d;

insert into calendar_day (day, kind, name) values
    (date '2025-01-26', 'WORKDAY', '春节'),
    (date '2025-02-08', 'WORKDAY', '春节'),
    (date '2025-04-27', 'WORKDAY', '劳动节'),
    (date '2025-09-28', 'WORKDAY', '国庆节、中秋节'),
    (date '2025-10-11', 'WORKDAY', '国庆节、中秋节');

-- 2026
insert into calendar_year (year, source) values (2026, '国务院办公厅关于2026年部分节假日安排的通知');

insert into calendar_day (day, kind, name)
select d::date, 'HOLIDAY', p.name
from (values ('元旦',   date '2026-01-01', date '2026-01-03'),
             ('春节',   date '2026-02-15', date '2026-02-23'),
             ('清明节', date '2026-04-04', date '2026-04-06'),
             ('劳动节', date '2026-05-01', date '2026-05-05'),
             ('端午节', date '2026-06-19', date '2026-06-21'),
             ('中秋节', date '2026-09-25', date '2026-09-27'),
             ('国庆节', date '2026-10-01', date '2026-10-07')) as p (name, first_day, last_day),
     generate_series(p.first_day, p.last_day, interval '1 day') as d;

insert into calendar_day (day, kind, name) values
    (date '2026-01-04', 'WORKDAY', '元旦'),
    (date '2026-02-14', 'WORKDAY', '春节'),
    (date '2026-02-28', 'WORKDAY', '春节'),
    (date '2026-05-09', 'WORKDAY', '劳动节'),
    (date '2026-09-20', 'WORKDAY', '国庆节'),
    (date '2026-10-10', 'WORKDAY', '国庆节');
