-- Core tables: pages fetched, articles kept, claims found, facts known, verdicts given.
CREATE TABLE IF NOT EXISTS pages (
    page_id        TEXT PRIMARY KEY,          -- sha1 of the canonical URL
    url            TEXT NOT NULL,
    canonical_url  TEXT NOT NULL,
    final_url      TEXT,
    status         INTEGER,
    content_type   TEXT,
    etag           TEXT,
    last_modified  TEXT,
    content_hash   TEXT,
    warc_file      TEXT,
    warc_record_id TEXT,
    warc_offset    BIGINT,
    article_id     TEXT,                      -- the article this page is an appearance of, if any
    fetched_at     TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    article_id     TEXT PRIMARY KEY,          -- sha1 of the canonical URL
    url            TEXT NOT NULL,
    canonical_url  TEXT NOT NULL,
    title          TEXT,
    author         TEXT,
    publisher      TEXT,
    published      DATE,
    modified       DATE,
    language       TEXT,
    source_type    TEXT NOT NULL DEFAULT 'unknown',
    description    TEXT,
    text           TEXT NOT NULL,
    text_hash      TEXT NOT NULL,
    revision       INTEGER NOT NULL DEFAULT 1,
    warc_file      TEXT,
    warc_record_id TEXT,
    is_demo        BOOLEAN NOT NULL DEFAULT FALSE,
    fetched_at     TIMESTAMP NOT NULL,
    tagged_at      TIMESTAMP,
    tag_status     TEXT                       -- 'tagged' or 'skipped: <reason>'
);

-- Older texts of an article whose page changed between crawls.
CREATE TABLE IF NOT EXISTS article_revisions (
    article_id     TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    title          TEXT,
    text           TEXT NOT NULL,
    text_hash      TEXT NOT NULL,
    warc_file      TEXT,
    warc_record_id TEXT,
    fetched_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (article_id, revision)
);

-- Every URL an article was seen at (syndicated and duplicate copies included).
CREATE TABLE IF NOT EXISTS appearances (
    article_id     TEXT NOT NULL,
    url            TEXT NOT NULL,
    publisher      TEXT,
    first_seen     TIMESTAMP NOT NULL,
    PRIMARY KEY (article_id, url)
);

-- One row per fetch outcome, with the reason for every skip or failure.
CREATE TABLE IF NOT EXISTS crawl_log (
    url            TEXT NOT NULL,
    outcome        TEXT NOT NULL,             -- stored | unchanged | duplicate | skipped | error
    reason         TEXT,
    status         INTEGER,
    crawl_id       TEXT,
    logged_at      TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id       TEXT PRIMARY KEY,          -- sha1 of article_id + span
    article_id     TEXT NOT NULL,
    text           TEXT NOT NULL,
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    sentence_index INTEGER,
    claimant_name  TEXT,
    claimant_role  TEXT NOT NULL DEFAULT 'unknown',
    claim_type     TEXT NOT NULL DEFAULT 'other',
    substances     TEXT[] NOT NULL DEFAULT [],
    conditions     TEXT[] NOT NULL DEFAULT [],
    doses          JSON,                      -- [{"value", "unit", "text", ...}]
    routes         TEXT[] NOT NULL DEFAULT [],
    frequency      TEXT,
    hedged         BOOLEAN NOT NULL DEFAULT FALSE,
    negated        BOOLEAN NOT NULL DEFAULT FALSE,
    stance         TEXT NOT NULL DEFAULT 'neutral',   -- endorses | neutral | disputes
    jurisdictions  TEXT[] NOT NULL DEFAULT [],
    cues           JSON,                      -- media-literacy cues and the words that showed them
    tagged_at      TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS mentions (
    claim_id       TEXT NOT NULL,
    article_id     TEXT NOT NULL,
    kind           TEXT NOT NULL,             -- person | substance | condition | dose | route | cue
    text           TEXT NOT NULL,
    value          TEXT,                      -- canonical id or normalised value
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS facts (
    fact_id        TEXT PRIMARY KEY,
    substance      TEXT NOT NULL,
    jurisdiction   TEXT NOT NULL,
    authority      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    product        TEXT,
    brand          TEXT,
    form           TEXT,
    route          TEXT,
    indication     TEXT,
    population     TEXT,
    conditions_of_use TEXT,
    date           DATE,
    summary        TEXT,
    source_url     TEXT NOT NULL,
    source_title   TEXT,
    verified       DATE,
    provenance     TEXT NOT NULL,             -- curated file path, or importer name + source file
    data           JSON NOT NULL              -- the whole fact as loaded
);

CREATE TABLE IF NOT EXISTS verdicts (
    claim_id       TEXT NOT NULL,
    fact_id        TEXT NOT NULL,             -- '' for not_covered
    substance      TEXT,
    jurisdiction   TEXT,
    verdict        TEXT NOT NULL,
    rationale      TEXT NOT NULL,
    source_url     TEXT,
    checked_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (claim_id, fact_id)
);

CREATE TABLE IF NOT EXISTS runs (
    stage          TEXT NOT NULL,
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP,
    summary        JSON
);
