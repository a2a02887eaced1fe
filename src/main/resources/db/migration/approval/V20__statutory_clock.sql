-- The statutory clock (法定时限) of every case and its steps, keyed by case number so that it does not depend on
-- the case engine's tables. Deadlines are stored precomputed (working days already counted with the calendar and
-- the pauses), so that the e-supervision board (电子监察) tells a case's colour by comparing dates:
--   RED    today > promised_due            (the deadline day itself is still on time)
--   YELLOW today >= yellow_on              (80 % of the promised limit used)
--   GREEN  otherwise.
-- A date is null while an open pause (暂停计时) stops the clock before the date is reached. The dates are
-- recomputed on pause, resume, step start and whenever the working-day calendar changes (see docs/approval-clock.md).
create table case_clock (
    case_number   text primary key check (btrim(case_number) <> '' and length(case_number) <= 64),
    item_code     text not null check (btrim(item_code) <> ''),
    item_name     text not null check (btrim(item_name) <> ''),
    department    text not null check (btrim(department) <> ''),
    accepted_on   date not null,
    legal_days    int  not null check (legal_days between 1 and 1000),
    promised_days int  not null check (promised_days >= 0 and promised_days <= legal_days),
    status        text not null check (status in ('RUNNING', 'PAUSED', 'FINISHED')),
    yellow_on     date,
    promised_due  date,
    legal_due     date,
    finished_on   date,
    -- Counted when the case finishes: working days used and working days paused.
    elapsed_days  int,
    paused_days   int,
    started_at    timestamptz not null default now(),
    check ((status = 'FINISHED') = (finished_on is not null)),
    check (finished_on is null or finished_on >= accepted_on)
);

-- The board reads only running clocks (running or paused): partial indexes keep it small and fast.
create index case_clock_running_department on case_clock (department, promised_due) where finished_on is null;
create index case_clock_running_item on case_clock (item_code) where finished_on is null;
create index case_clock_running_due on case_clock (promised_due, case_number) where finished_on is null;
create index case_clock_running_yellow on case_clock (yellow_on) where finished_on is null;
create index case_clock_finished on case_clock (department, finished_on) where finished_on is not null;

-- A pause (暂停计时): 补正, expert review, hearing, public notice or another special procedure. The working days
-- after started_on up to and including ended_on do not count; ended_on is null while the pause lasts.
create table clock_pause (
    id          bigint generated always as identity primary key,
    case_number text not null references case_clock (case_number),
    kind        text not null check (kind in ('SUPPLEMENT', 'EXPERT_REVIEW', 'HEARING', 'PUBLIC_NOTICE', 'OTHER')),
    reason      text not null check (btrim(reason) <> '' and length(reason) <= 500),
    started_on  date not null,
    ended_on    date,
    check (ended_on is null or ended_on >= started_on)
);
create index clock_pause_case on clock_pause (case_number, started_on);
create unique index clock_pause_one_open on clock_pause (case_number) where ended_on is null;

-- A step's own clock (环节时限): a department's part of the case with its own limit; the case's pauses stop it too.
create table clock_step (
    id          bigint generated always as identity primary key,
    case_number text not null references case_clock (case_number),
    step_key    text not null check (btrim(step_key) <> '' and length(step_key) <= 100),
    department  text not null check (btrim(department) <> ''),
    limit_days  int  not null check (limit_days between 0 and 1000),
    started_on  date not null,
    ended_on    date,
    yellow_on   date,
    due_on      date,
    check (ended_on is null or ended_on >= started_on)
);
create unique index clock_step_one_open on clock_step (case_number, step_key) where ended_on is null;
create index clock_step_case on clock_step (case_number);
create index clock_step_open_due on clock_step (department, due_on) where ended_on is null;

-- Warnings (预警) as first raised: one row per case (step_key '') or step and deadline, so the warning list can
-- say since when a deadline has been close. A deadline that moves (a pause) is a new warning.
create table clock_warning (
    id          bigint generated always as identity primary key,
    case_number text not null references case_clock (case_number),
    step_key    text not null default '',
    department  text not null,
    due_on      date not null,
    raised_on   date not null,
    raised_at   timestamptz not null default now(),
    unique (case_number, step_key, due_on)
);

-- Which working-day calendar the stored dates were counted with (a fingerprint of its listed days).
create table clock_calendar (
    id            int primary key check (id = 1),
    fingerprint   text not null,
    recomputed_at timestamptz not null default now()
);
