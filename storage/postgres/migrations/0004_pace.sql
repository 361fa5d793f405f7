-- The pacing of Slack posts shared by the replicas: per key (a channel),
-- the theoretical arrival time of the next call, in Unix nanoseconds.
CREATE TABLE pace (
    key TEXT PRIMARY KEY,
    tat BIGINT NOT NULL
);
