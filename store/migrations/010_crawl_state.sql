-- Crawl state: one row per crawl (so a killed crawl can resume), its frontier, and text fingerprints.
CREATE TABLE IF NOT EXISTS crawls (
    crawl_id       TEXT PRIMARY KEY,          -- hash of the sorted start URLs
    start_urls     JSON NOT NULL,
    status         TEXT NOT NULL,             -- running | finished
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP
);

-- Every URL a crawl has scheduled; 'queued' rows are fetched again when a killed crawl resumes.
CREATE TABLE IF NOT EXISTS crawl_frontier (
    crawl_id       TEXT NOT NULL,
    url            TEXT NOT NULL,             -- canonical URL, so a tracking-parameter variant is not fetched twice
    request_url    TEXT NOT NULL,
    depth          INTEGER NOT NULL,
    kind           TEXT NOT NULL,             -- start | link | listed (from a sitemap or feed)
    state          TEXT NOT NULL,             -- queued | done
    PRIMARY KEY (crawl_id, url)
);

-- A 64-bit simhash of each article's word shingles, split in four 16-bit bands: two texts within
-- 3 bits of each other share at least one band, so near-duplicates are found by band equality
-- (no secondary indexes: DuckDB scans four small integer columns fast, and its ART indexes
-- make INSERT OR REPLACE fragile).
CREATE TABLE IF NOT EXISTS article_fingerprints (
    article_id     TEXT PRIMARY KEY,
    simhash        UBIGINT NOT NULL,
    band0          USMALLINT NOT NULL,
    band1          USMALLINT NOT NULL,
    band2          USMALLINT NOT NULL,
    band3          USMALLINT NOT NULL
);
