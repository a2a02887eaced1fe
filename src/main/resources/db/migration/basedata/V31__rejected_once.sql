-- A feed record is rejected once. Taking a page again (a rewound cursor, a retried page) meets the same records
-- in the same source batch at the same exchange position: they are already kept, so they are not kept twice.
-- Copies an earlier re-take may have left are exact repeats of a kept record, so only the first is kept.
delete from rejected r using rejected o
where r.feed = o.feed and r.source_batch = o.source_batch and r.record ->> '_position' = o.record ->> '_position' and r.id > o.id;

create unique index rejected_once on rejected (feed, source_batch, ((record ->> '_position'))) where feed is not null;
