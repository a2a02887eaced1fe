-- Indexes for the auditor's searches (审计查询), which list newest first by seq.
create index audit_record_org_unit on audit_record (org_unit, seq);

-- "Action begins with" is a LIKE prefix match; text_pattern_ops lets it use an index whatever the collation.
create index audit_record_action_prefix on audit_record (action text_pattern_ops);
