-- Applicant accounts (申请人账号, 外网用户): citizens and enterprises who apply for services online.
-- They sign in on the same page as staff, so a sign-in name is either a person's username or an applicant's
-- login name, never both: the triggers below keep the two sets of names apart.

create table applicant (
    id                  bigint generated always as identity primary key,
    login_name          text not null check (login_name ~ '^[a-z][a-z0-9._-]{1,31}$'),
    kind                text not null check (kind in ('PERSON', 'ENTERPRISE')),
    -- An 18-character citizen ID number (GB 11643) or unified social credit code (GB 32100); the application
    -- checks the check characters, the database the shape.
    holder_id           char(18) not null check (holder_id ~ '^[0-9A-Z]{18}$'),
    name                text not null check (length(name) between 1 and 100),
    contact_name        text check (length(contact_name) between 1 and 50),
    phone               text not null check (phone ~ '^1[3-9][0-9]{9}$'),
    password_hash       text not null,
    password_changed_at timestamptz not null default now(),
    locked              boolean not null default false,
    failed_logins       int not null default 0,
    locked_until        timestamptz,
    created_at          timestamptz not null default now(),
    check ((kind = 'ENTERPRISE') = (contact_name is not null)),
    check (kind = 'ENTERPRISE' or holder_id ~ '^[0-9]{17}[0-9X]$')
);

create unique index applicant_login_name on applicant (lower(login_name));
create unique index applicant_holder_id on applicant (holder_id);

-- One sign-in name, one account: an applicant may not take a staff username and a new person may not take an
-- applicant's login name. The advisory lock makes two concurrent inserts of the same name wait for each other.
create function directory.applicant_name_free() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('directory.sign-in-name:' || lower(new.login_name)));
    if exists (select 1 from directory.person where lower(username) = lower(new.login_name)) then
        raise exception 'sign-in name % is a staff username', new.login_name using errcode = 'unique_violation';
    end if;
    return new;
end $$;

create function directory.person_name_free() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(hashtext('directory.sign-in-name:' || lower(new.username)));
    if exists (select 1 from directory.applicant where lower(login_name) = lower(new.username)) then
        raise exception 'sign-in name % is an applicant login name', new.username using errcode = 'unique_violation';
    end if;
    return new;
end $$;

create trigger applicant_name_free before insert or update of login_name on applicant
    for each row execute function directory.applicant_name_free();
create trigger person_name_free before insert or update of username on person
    for each row execute function directory.person_name_free();
