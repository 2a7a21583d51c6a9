-- Items a distributed crawl's ingester has written: a redelivered item (ingester killed between its
-- store commit and its Redis acknowledgement) is recognised by its hash and not written twice.
CREATE TABLE IF NOT EXISTS ingested_items (
    item_hash      TEXT PRIMARY KEY,          -- sha1 of the item as it travelled through Redis
    worker         TEXT,                      -- the crawler worker that fetched it
    ingested_at    TIMESTAMP NOT NULL
);
