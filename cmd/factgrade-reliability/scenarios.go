package main

// group is a set of tests run with one 'go test' command.
type group struct {
	Title string
	Pkg   string
	// Run is the -run expression.
	Run string
	// Note says why tests outside package reliability are listed.
	Note string
}

// suite is what RELIABILITY.md covers, in order.
var suite = []group{
	{Title: "Faults and hostile input (package reliability)", Pkg: "./reliability", Run: "^TestReliability"},
	{Title: "The process killed", Pkg: "./cmd/factgrade", Run: "^(TestReliabilitySIGKILL|TestServeSIGTERM)$",
		Note: "The real program ('factgrade serve', a child process of the test binary) killed with SIGKILL, or stopped with SIGTERM, while grades are in flight, then restarted on the same database."},
	{Title: "Leases and locks on PostgreSQL (package storage/postgres)", Pkg: "./storage/postgres", Run: "^(TestConformance|TestLockLostWithItsSession)$",
		Note: "The storage conformance suite on PostgreSQL, claims with leases among it (ClaimUnfinished by three owners at once, FOR UPDATE SKIP LOCKED; a digest run reclaimed only after its lease); a lock lost with its session (pg_terminate_backend on that session only). SQLite runs the same suite in go test ./storage/sqlite."},
	{Title: "The digest leader (package digest)", Pkg: "./digest", Run: "^(TestLeaderStopsWhenItLosesTheLock|TestCrashAfterClaimBeforePost|TestStandbyTakesOver|TestConcurrentRuns|TestClockSteps)$",
		Note: "A leader that loses its lock stops at once, counts it, posts nothing more (a run it had begun included) and the standby takes over; a claimed run is resumed only after its lease. Digest windows survive the wall clock stepped back an hour, forward a day and back across a window boundary, on two replicas (SQLite and PostgreSQL) whose leader hands over mid-way: each run holds what was stored after the previous run's marks, so every grade is in exactly one posted digest."},
	{Title: "Several replicas on one PostgreSQL database", Pkg: "./cmd/factgrade", Run: "^TestReplicas$",
		Note: "Two and three 'factgrade serve' processes (children of the test binary) on one PostgreSQL schema behind one fake Slack, a digest every two seconds, each submission claimed with a lease of 4 s. PostgreSQL is \"restarted\" by a TCP proxy between the replicas and the server that drops every connection and refuses new ones for two seconds, so the server other tests share is left alone; the leader's lock session is ended with pg_terminate_backend on that session only."},
	{Title: "Requests Slack did not send, Slack's retries, Socket Mode drops (package bot)", Pkg: "./bot",
		Run:  "^(TestBadRequestsRejected|TestSocketMode|TestCommandGradesAndPostsOnce|TestRateLimitHonoured|TestPostFailureResumedAfterRestart|TestPermanentPostErrorUsesResponseURL|TestGradingFailureTellsEditor|TestBusyQueueQueues|TestPacerPausesOneMethod|TestWriteFailureBacksOff|TestSubmissionLimits|TestRoles|TestRolesUnset|TestLogLimiter|TestParseCommand)$",
		Note: "Written with the bot; listed here rather than repeated. TestBadRequestsRejected covers forged signatures, altered bodies, stale and future timestamps (a replay older than 5 minutes), missing headers, oversized and malformed bodies, the wrong content type and `payload` smuggled in the query string; a replay within 5 minutes is a Slack retry and is answered without a second grade (TestReliabilitySlackRetries). TestSocketMode drops the connection mid-envelope and after refresh_requested."},
	{Title: "Slack as it really behaves (package bot)", Pkg: "./bot",
		Run:  "^(TestFaultsEveryAcceptedAnswered|TestAcceptedThenFailedReachesEditor|TestHistoryRateLimitHoldsOnlyTheSearch|TestHistorySearchResumes|TestSlackConnect|TestSocketModeAcksConcurrently|TestSSLCheck|TestUnknownEventsAcknowledged|TestPacerBursts|TestPacerSharedAcrossReplicas)$",
		Note: "The fake Slack plays what real Slack does and factgrade once failed silently on: conversations.history limited to one call a minute and 15 messages a page, channels factgrade has not joined (channel_not_found), response_urls that expire, Slack Connect users, 40,000-character messages, posts whose answers are lost, slow inserts under Socket Mode."},
	{Title: "Real Slack payloads replayed (command factgrade)", Pkg: "./cmd/factgrade", Run: "^TestReplaySlackPayloads$",
		Note: "The payloads of testdata/slack, taken from bolt-python's and python-slack-sdk's test suites (each file says where from), sent to the real program over HTTP and Socket Mode."},
	{Title: "The model's answers (package llm)", Pkg: "./llm",
		Run:  "^(TestRedTeam|TestInjectionDetected|TestInjectionNotInCoverage|TestInjectionNotInSources|TestGuardRaisesOnlyOnGroundedWords|TestGuardNAStaysNA|TestGuardOffStoryStaysUngraded|TestCitationsWholeWords|TestJudgeScenarios|TestJudgeTimeout|TestJudgeUnreachable|TestJudgeUnverifiedQuotes|TestJudgeInjectionObeyed|TestHybridFallback|TestKeyNeverLogged)$",
		Note: "Written with the LLM judge: every malformed, unverifiable or injected model reply ends in a verified grade or a rule-judge fallback that says so; the API key never reaches a log."},
	{Title: "Hostile rubric files and hostile text (package rubric)", Pkg: "./rubric", Run: "^(TestLoadRejectsHostileFiles|TestLoadDirHostileFiles|TestBadInput|TestGradeWhatAReaderSees|TestSupports)$",
		Note: "Huge files, deep nesting, YAML aliases (refused outright, so no alias bomb), malformed YAML, a named pipe and a link to /dev/zero in a rubric directory; hostile patterns are TestReliabilityHostileRubricPatterns. Invisible and look-alike characters (soft hyphen, zero-width space, Cyrillic and Greek letters, full-width and mathematical letters) are graded as a reader sees them, spans in the text as written."},
	{Title: "Text as a reader sees it (package engine)", Pkg: "./engine", Run: "^(TestNormalize|TestNormalizeSpansPointIntoOriginal)$",
		Note: "The rule engine reads invisible and look-alike characters (soft hyphen, zero-width space, Cyrillic and Greek letters, full-width and mathematical letters) as a reader sees them, and maps every normalised byte back to the text as written."},
	{Title: "Load, a few seconds of it (command factgrade-load)", Pkg: "./cmd/factgrade-load", Run: "^TestRun$",
		Note: "The load tool run briefly against the real program: steady commands and bursts, a fake Slack failing 5% of posts and a fake model failing 20% of answers, two replicas on one PostgreSQL schema sent commands in turn, then the checks at the fake Slack and in the database. The full-size runs (200 commands a second for 60 seconds, one server and two and three replicas) and stalled connections (-stalled) are in BENCHMARKS.md."},
}
