-- Schema licence: electronic licences. Later migrations add its tables (see docs/licence.md).
select 1;
