-- Ratings (好差评): one rating per finished case by its applicant, and the follow-up (差评整改) a bad one opens.
create table case_rating (
    case_number  text primary key references case_file (number),   -- one rating per case
    item_code    text not null,
    item_name    text not null,
    department   text not null,                                    -- the case's implementing (or lead) department
    applicant    text not null,
    grade        int not null check (grade between 1 and 5),       -- 5 非常满意 … 1 非常不满意
    comment      text,
    rated_at     timestamptz not null,
    check (grade > 2 or (comment is not null and length(btrim(comment)) > 0))
);
create index case_rating_item on case_rating (item_code);
create index case_rating_department on case_rating (department);

create table rating_follow_up (
    id           bigserial primary key,
    case_number  text not null unique references case_rating (case_number),   -- at most one per rating
    department   text not null,
    status       text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    opened_at    timestamptz not null,
    closed_by    text,
    closed_at    timestamptz,
    note         text,                                             -- 整改说明 / 回访 note the applicant reads
    check (status = 'OPEN' or (closed_by is not null and closed_at is not null and length(btrim(note)) > 0))
);
create index rating_follow_up_department on rating_follow_up (department, status, opened_at);
