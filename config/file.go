package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // time zones load the same on every host, the distroless image included

	"github.com/robfig/cron/v3"
	"go.yaml.in/yaml/v3"

	"github.com/factgrade/factgrade/rubric"
)

// Digest is one scheduled digest, from the config file.
type Digest struct {
	// Name identifies the digest; each run is stored under it, so renaming
	// a digest starts its windows afresh.
	Name string
	// Spec is the cron spec as written, in the standard five fields
	// (minute hour day-of-month month day-of-week) or a descriptor such as
	// @daily, optionally prefixed by CRON_TZ=ZONE.
	Spec string
	// TimeZone is the IANA zone the spec is read in, from time_zone or the
	// spec's CRON_TZ= prefix; one of them is required.
	TimeZone string
	// Location is TimeZone loaded.
	Location *time.Location
	// Schedule is Spec parsed in Location, ready for cron.Cron.Schedule or
	// Next with an injected clock.
	Schedule cron.Schedule
	// Channel is the Slack channel ID the digest is posted in.
	Channel string
	// Rubric, when set, restricts the digest to grades against that rubric.
	Rubric string
	// Channels, when set, restricts the digest to grades from those channel
	// IDs.
	Channels []string
	// PostEmpty posts a one-line "nothing new" for an empty window; false
	// posts nothing (post_empty, default true).
	PostEmpty bool
}

// CronSpec returns the spec with its time zone as a CRON_TZ= prefix, the form
// cron.ParseStandard and cron.Cron.AddFunc read.
func (d Digest) CronSpec() string {
	if _, rest, ok := cutTZ(d.Spec); ok {
		return "CRON_TZ=" + d.TimeZone + " " + rest
	}
	return "CRON_TZ=" + d.TimeZone + " " + d.Spec
}

// fileConfig is the YAML config file's shape.
type fileConfig struct {
	// RubricDirs are extra rubric directories; relative paths are read
	// from the config file's directory.
	RubricDirs []string     `yaml:"rubric_dirs"`
	Digests    []fileDigest `yaml:"digests"`
}

type fileDigest struct {
	Name      string `yaml:"name"`
	Schedule  string `yaml:"schedule"`
	TimeZone  string `yaml:"time_zone"`
	Channel   string `yaml:"channel"`
	PostEmpty *bool  `yaml:"post_empty"`
	Filters   struct {
		Rubric   string   `yaml:"rubric"`
		Channels []string `yaml:"channels"`
	} `yaml:"filters"`
}

var (
	digestNamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	channelIDPattern  = regexp.MustCompile(`^[CG][A-Z0-9]+$`)
)

// file reads FACTGRADE_CONFIG into c.
func (r *reader) file(c *Config) {
	const setting = "FACTGRADE_CONFIG"
	b, err := r.readFile(c.ConfigFile)
	if err != nil {
		r.problems.add(setting, "cannot read %s (%v); put the path of a readable YAML file there, or unset it", c.ConfigFile, cause(err))
		return
	}
	var fc fileConfig
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&fc); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, e := range te.Errors {
				r.problems.add(setting, "%s: %s; see docs/OPERATIONS.md for the file's fields", c.ConfigFile, e)
			}
			return
		}
		r.problems.add(setting, "%s is not valid YAML (%v); fix the file", c.ConfigFile, strings.TrimPrefix(err.Error(), "yaml: "))
		return
	}
	base := filepath.Dir(c.ConfigFile)
	for _, d := range fc.RubricDirs {
		if d = strings.TrimSpace(d); d == "" {
			continue
		}
		if !filepath.IsAbs(d) {
			d = filepath.Join(base, d)
		}
		c.RubricDirs = append(c.RubricDirs, d)
	}
	if len(fc.RubricDirs) > 0 {
		r.sources["rubric_dirs"] = sourceFile
	}
	seen := map[string]bool{}
	for i, fd := range fc.Digests {
		d, ok := r.digest(fmt.Sprintf("digests[%d]", i), fd)
		if !ok {
			continue
		}
		if seen[d.Name] {
			r.problems.add(fmt.Sprintf("digests[%d].name", i), "%q is used by an earlier digest; give each digest its own name", d.Name)
			continue
		}
		seen[d.Name] = true
		c.Digests = append(c.Digests, d)
	}
}

// digest checks one digest definition; ok is false when it has problems.
func (r *reader) digest(at string, fd fileDigest) (Digest, bool) {
	n := len(r.problems)
	d := Digest{
		Name:     strings.TrimSpace(fd.Name),
		Spec:     strings.TrimSpace(fd.Schedule),
		TimeZone: strings.TrimSpace(fd.TimeZone),
		Channel:  strings.TrimSpace(fd.Channel),
		Rubric:   strings.TrimSpace(fd.Filters.Rubric),
		Channels: fd.Filters.Channels,
	}
	d.PostEmpty = fd.PostEmpty == nil || *fd.PostEmpty
	if !digestNamePattern.MatchString(d.Name) {
		r.problems.add(at+".name", "%q is not a digest name; put a short name of lower-case letters, digits, - or _ there, such as morning", d.Name)
	}
	if !channelIDPattern.MatchString(d.Channel) {
		r.problems.add(at+".channel", "%q is not a Slack channel ID; put the ID of the channel to post in (C…, shown at the bottom of the channel's details) there", d.Channel)
	}
	for j, ch := range d.Channels {
		if !channelIDPattern.MatchString(ch) {
			r.problems.add(fmt.Sprintf("%s.filters.channels[%d]", at, j), "%q is not a Slack channel ID; put channel IDs (C…) there", ch)
		}
	}
	if d.Rubric != "" && !rubric.ValidID(d.Rubric) {
		r.problems.add(at+".filters.rubric", "%q is not a rubric id (%s); put an id from 'factgrade rubric list' there, or remove it", d.Rubric, rubric.IDRule)
	}

	spec := d.Spec
	if tz, rest, ok := cutTZ(d.Spec); ok {
		switch {
		case rest == "":
			r.problems.add(at+".schedule", "%q has a time zone but no schedule; put five cron fields after it, such as CRON_TZ=%s 0 8 * * 1-5", d.Spec, tz)
		case d.TimeZone != "" && d.TimeZone != tz:
			r.problems.add(at+".time_zone", "%q disagrees with the schedule's CRON_TZ=%s; keep one of them", d.TimeZone, tz)
		}
		d.TimeZone, spec = tz, rest
	}
	switch {
	case spec == "" && d.Spec == "":
		r.problems.add(at+".schedule", "missing; put a cron spec there, such as \"0 8 * * 1-5\" (08:00 on weekdays)")
	case spec == "":
	case d.TimeZone == "":
		r.problems.add(at+".time_zone", "missing; put the newsroom's IANA time zone there, such as Europe/London, so the digest does not run on the server's UTC")
	default:
		loc, err := time.LoadLocation(d.TimeZone)
		if err != nil {
			r.problems.add(at+".time_zone", "%q is not a known time zone; put an IANA name such as Europe/London or America/New_York there", d.TimeZone)
			break
		}
		d.Location = loc
		sched, err := cron.ParseStandard("CRON_TZ=" + d.TimeZone + " " + spec)
		if err != nil {
			r.problems.add(at+".schedule", "%q does not parse (%v); put five cron fields (minute hour day-of-month month day-of-week) or a descriptor such as @daily there", spec, err)
			break
		}
		d.Schedule = sched
	}
	if len(r.problems) > n {
		return Digest{}, false
	}
	r.sources["digests"] = sourceFile
	return d, true
}

// cutTZ splits a "CRON_TZ=ZONE rest" or "TZ=ZONE rest" spec.
func cutTZ(spec string) (tz, rest string, ok bool) {
	for _, p := range []string{"CRON_TZ=", "TZ="} {
		if after, found := strings.CutPrefix(spec, p); found {
			tz, rest, _ = strings.Cut(after, " ")
			return tz, strings.TrimSpace(rest), true
		}
	}
	return "", "", false
}
