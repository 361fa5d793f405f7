-- Leases on submissions, so that of several processes only one works on a
-- submission at a time, and a record that a post was started, so that a
-- process taking over an expired lease looks in Slack before posting.
-- Times are Unix microseconds, 0 when unset.
ALTER TABLE submissions ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN claim_expires INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN post_started INTEGER NOT NULL DEFAULT 0;

-- Digest runs: the lease of the process posting one.
ALTER TABLE digest_runs ADD COLUMN claim_expires INTEGER NOT NULL DEFAULT 0;
