-- Schema approval: one-stop online approval. Later migrations add its tables (see docs/approval.md).
select 1;
