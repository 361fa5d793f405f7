package engine

import (
	"testing"
)

// kindProgram compiles two signals and two decision lists: "hl" is
// consulted for headlines and reads "admits"; "sm" is consulted for
// summaries and reads "denies", so a headline's reading needs no "denies".
func kindProgram(t *testing.T) (p *Program, hl, sm *Decisions) {
	t.Helper()
	f := &YAMLFile{Name: "test.yaml"}
	p = Compile(f, Input{Signals: map[string]FileSignal{
		"admits": {Patterns: []string{"admits"}},
		"denies": {Patterns: []string{"denies"}},
	}, About: []string{"admits"}})
	hl, sm = p.NewDecisions(), p.NewDecisions()
	hl.For([]string{"headline"})
	sm.For([]string{"summary"})
	for _, x := range []struct {
		d    *Decisions
		cond string
	}{{hl, "admits"}, {sm, "denies"}} {
		c, err := p.Condition(x.cond)
		if err != nil {
			t.Fatal(err)
		}
		x.d.AddRule(nil, []Condition{c})
	}
	p.Finish()
	if len(f.Problems) > 0 {
		t.Fatal(f.Problems)
	}
	return p, hl, sm
}

// TestReadAsKind checks that a reading for one kind reads only the signals
// of the lists consulted for it, and that a list or kind it was not read
// for still decides as a full reading does.
func TestReadAsKind(t *testing.T) {
	p, hl, sm := kindProgram(t)
	if n, all := len(p.byKind["headline"].order), len(p.order); n != 1 || all != 2 {
		t.Fatalf("headline reads %d signals, all %d; want 1 of 2", n, all)
	}
	const text = "China admits nothing and denies everything"
	for _, kind := range []string{"headline", "summary", "other"} {
		for _, c := range []struct {
			d    *Decisions
			kind string
		}{{hl, "headline"}, {sm, "summary"}, {sm, "headline"}, {hl, "summary"}} {
			full := p.Read(text)
			want := full.Decide(c.d, c.kind)
			full.Release()
			rd := p.ReadAs(text, kind)
			if got := rd.Decide(c.d, c.kind); got != want || want != 0 {
				t.Errorf("read as %s, Decide(%s list, %s) = %d, a full reading %d; want 0", kind, c.d.kinds[0], c.kind, got, want)
			}
			rd.Release()
		}
	}
}
