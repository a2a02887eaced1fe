-- The delivery log keeps the hub's SM3withSM2 signature of each page, which already binds its exact bytes,
-- instead of a second SM3 digest of the same page.
alter table delivery rename column digest to signature;
