-- Leases on submissions, so that of several replicas only one works on a
-- submission at a time, and a record that a post was started, so that a
-- replica taking over an expired lease looks in Slack before posting.
ALTER TABLE submissions ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE submissions ADD COLUMN claim_expires TIMESTAMPTZ NOT NULL DEFAULT '0001-01-01 00:00:00+00';
ALTER TABLE submissions ADD COLUMN post_started TIMESTAMPTZ NOT NULL DEFAULT '0001-01-01 00:00:00+00';

-- Digest runs: the lease of the replica posting one.
ALTER TABLE digest_runs ADD COLUMN claim_expires TIMESTAMPTZ NOT NULL DEFAULT '0001-01-01 00:00:00+00';
