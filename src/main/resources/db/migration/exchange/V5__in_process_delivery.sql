-- Platform modules that consume a subscription in process (the base databases) take pages of stored records,
-- not signed JSON: nothing leaves the node, so there are no bytes to sign. Their pages are logged like any other,
-- with no signature.
alter table delivery alter column signature drop not null;
