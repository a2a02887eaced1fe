-- The data sharing and exchange hub (数据共享交换平台): datasets, batches, the exchange store, the quarantine,
-- subscriptions and the delivery log.

-- A dataset is a published catalog resource shared as 库表 or 文件; its schema is that resource's data items.
-- last_seq orders every change to the dataset: a batch takes its sequence numbers under this row's lock, so
-- changes commit in sequence order and a subscriber's cursor never skips one.
create table dataset (
    code              text primary key,
    provider          text not null,
    last_seq          bigint not null default 0,
    lag_alert_minutes int not null default 60 check (lag_alert_minutes > 0),
    registered_at     timestamptz not null default now()
);

-- One batch per publication, whatever way it came (push, pull or file drop).
create table batch (
    id               bigint generated always as identity primary key,
    dataset          text not null references dataset (code),
    provider         text not null,
    channel          text not null check (channel in ('PUSH', 'PULL', 'FILE', 'RESUBMIT')),
    idempotency_key  text,
    format           text not null check (format in ('CSV', 'JSONL', 'XML', 'ROWS')),
    charset          text not null,
    status           text not null check (status in ('RECEIVING', 'SPOOLED', 'DONE', 'FAILED', 'ABANDONED')),
    bytes            bigint not null default 0,
    body_digest      text,
    signature        text not null default 'UNSIGNED' check (signature in ('UNSIGNED', 'VALID', 'INVALID')),
    received         int not null default 0,
    accepted         int not null default 0,
    corrected        int not null default 0,
    quarantined      int not null default 0,
    changed          int not null default 0,
    corrections      jsonb not null default '{}',
    failure          text,
    submitted_by     text not null,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz,
    check (status <> 'DONE' or accepted + quarantined = received)
);

create unique index batch_idempotency on batch (dataset, idempotency_key) where idempotency_key is not null and status not in ('ABANDONED', 'FAILED');
create index batch_dataset on batch (dataset, id desc);
create index batch_open on batch (status) where status in ('RECEIVING', 'SPOOLED');

-- The exchange store: the current value of every record, upserted by the dataset's key; a delete is a tombstone.
-- payload holds the values in the order of the dataset's data items; seq is the change that last touched it.
create table record (
    dataset     text not null,
    record_key  text not null,
    seq         bigint not null,
    payload     text[] not null,
    deleted     boolean not null default false,
    batch_id    bigint not null,
    source      text not null,
    updated_at  timestamptz not null,
    primary key (dataset, record_key)
);

create index record_seq on record (dataset, seq);

-- Rejected records, kept with their reason, original bytes and line number until fixed or discarded.
create table quarantine (
    id              bigint generated always as identity primary key,
    dataset         text not null references dataset (code),
    batch_id        bigint not null references batch (id),
    line_no         bigint not null,
    raw             bytea not null,
    charset         text not null,
    format          text not null,
    field           text,
    reason_code     text not null,
    reason_args     text[] not null default '{}',
    status          text not null default 'OPEN' check (status in ('OPEN', 'RESUBMITTED', 'DISCARDED')),
    handled_by      text,
    handled_at      timestamptz,
    resubmit_batch  bigint references batch (id)
);

create index quarantine_open on quarantine (dataset, id) where status = 'OPEN';
create index quarantine_batch on quarantine (batch_id);

-- A consumer department's subscription: the granted items it receives, an optional filter, and how.
create table subscription (
    id              bigint generated always as identity primary key,
    dataset         text not null references dataset (code),
    consumer        text not null,
    items           text[] not null,
    filter_item     text,
    filter_prefix   text,
    mode            text not null check (mode in ('PULL', 'WEBHOOK', 'JDBC')),
    target          text,
    target_table    text,
    target_user     text,
    target_secret   text,
    cursor          bigint not null default 0,
    delivered       bigint not null default 0,
    failures        int not null default 0,
    last_error      text,
    last_success    timestamptz,
    next_attempt_at timestamptz not null default now(),
    status          text not null default 'ACTIVE' check (status in ('ACTIVE', 'CANCELLED')),
    created_by      text not null,
    created_at      timestamptz not null default now(),
    check ((filter_item is null) = (filter_prefix is null))
);

create unique index subscription_once on subscription (dataset, consumer, mode, coalesce(target, '')) where status = 'ACTIVE';

-- The delivery log: every page handed to a subscriber, signed by the hub, and when the subscriber acknowledged it.
create table delivery (
    id            bigint generated always as identity primary key,
    subscription  bigint not null references subscription (id),
    after_seq     bigint not null,
    until_seq     bigint not null,
    records       int not null,
    digest        text not null,
    delivered_at  timestamptz not null default now(),
    acked_at      timestamptz
);

create index delivery_open on delivery (subscription, until_seq) where acked_at is null;

-- Each department node's SM2 public key, and the hub's own key pair for signing what it delivers.
create table node_key (
    department   text primary key,
    public_key   text not null,
    private_key  text,
    registered_by text not null,
    registered_at timestamptz not null default now()
);
