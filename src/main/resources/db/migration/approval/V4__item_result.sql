-- What an approved case of an item issues: the e-licence type (办理结果), set on the item's process page.
create table item_result (
    item_code     text primary key,
    licence_type  text not null,
    set_by        text not null,
    set_at        timestamptz not null default now()
);
