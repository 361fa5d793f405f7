package bot_test

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
)

// The roles of TestRoles: a standards editor listed by id, one who is a
// member of the standards editors' user group, a workspace admin, the
// editor who asked for a grade (editor), another member and a guest.
const (
	chief       = "U0CHIEF"
	grouped     = "U0GROUPED"
	wsAdmin     = "U0ADMIN"
	otherMember = "U0OTHER"
	guest       = "U0GUEST"
	editorGroup = "S0STANDARDS"
)

// rolesHarness is a harness whose standards editors are chief and the
// members of editorGroup, with every role known to the fake Slack.
func rolesHarness(t *testing.T) *harness {
	h := newHarness(t, func(c *bot.Config) { c.Editors = []string{chief, editorGroup} })
	for _, u := range []slacktest.User{{ID: chief}, {ID: grouped}, {ID: wsAdmin, Admin: true}, {ID: editor}, {ID: otherMember}, {ID: guest, Guest: true}} {
		h.slack.AddUser(u)
	}
	h.slack.SetUserGroup(editorGroup, grouped, "U0SOMEONE")
	return h
}

// roleCase is one member and whether they may do something.
type roleCase struct {
	user    string
	allowed bool
}

// TestRoles proves, per role, who may change a channel's settings and
// dispute a grade when standards editors are configured: standards editors
// (listed, through their user group, or workspace admins) may do both; the
// editor who asked may dispute their own grade but not change the channel;
// any other member and a guest may do neither, and are told so and who to
// ask. Nothing a refused member sends is saved.
func TestRoles(t *testing.T) {
	h := rolesHarness(t)
	checkRoles(t, h,
		[]roleCase{{chief, true}, {editor, false}, {otherMember, false}, {guest, false}, {grouped, true}, {wsAdmin, true}},
		[]roleCase{{otherMember, false}, {guest, false}, {editor, true}, {chief, true}, {grouped, true}, {wsAdmin, true}},
		func(body string) bool {
			return strings.Contains(body, "Only the desk's standards editors can change how this channel is graded") &&
				strings.Contains(body, "@U0CHIEF") && strings.Contains(body, "!subteam^S0STANDARDS") && strings.Contains(body, "workspace admin")
		},
		func(body string) bool {
			return strings.Contains(body, "Only the editor who asked for this grade and the desk's standards editors can dispute it")
		})
	// Slack's directory was asked once per user and group within a minute.
	if n := len(h.slack.Calls("usergroups.users.list")); n != 1 {
		t.Errorf("usergroups.users.list called %d times, want 1 (cached)", n)
	}
}

// TestRolesUnset proves, per role, that a deployment without
// FACTGRADE_STANDARDS_EDITORS is closed, not open: only workspace admins
// and owners change a channel's settings, and a grade is disputed only by
// them and the editor who asked; everyone else (a member, a guest, the
// former standards editors) is refused with who may and how the operator
// names standards editors.
func TestRolesUnset(t *testing.T) {
	const owner = "U0OWNER"
	h := newHarness(t)
	for _, u := range []slacktest.User{{ID: chief}, {ID: wsAdmin, Admin: true}, {ID: owner, Owner: true}, {ID: editor}, {ID: otherMember}, {ID: guest, Guest: true}} {
		h.slack.AddUser(u)
	}
	explains := func(body string) bool {
		return strings.Contains(body, "No standards editors are configured, so only the workspace's admins and owners may") &&
			strings.Contains(body, "the operator sets FACTGRADE_STANDARDS_EDITORS")
	}
	checkRoles(t, h,
		[]roleCase{{editor, false}, {otherMember, false}, {guest, false}, {chief, false}, {wsAdmin, true}, {owner, true}},
		[]roleCase{{otherMember, false}, {guest, false}, {chief, false}, {editor, true}, {wsAdmin, true}, {owner, true}},
		func(body string) bool {
			return strings.Contains(body, "Only the desk's standards editors can change how this channel is graded") && explains(body)
		},
		func(body string) bool {
			return strings.Contains(body, "Only the editor who asked for this grade and the desk's standards editors can dispute it") && explains(body)
		})
	if n := len(h.slack.Calls("usergroups.users.list")); n != 0 {
		t.Errorf("usergroups.users.list called %d times with no user group configured", n)
	}
}

// checkRoles has each of settings change the channel's settings (twice:
// its reply mode and its rubric), then each of disputes dispute a grade
// asked for by editor, and checks that exactly the allowed ones succeed,
// in the store as well as in the answer; refused tells a refusal.
func checkRoles(t *testing.T, h *harness, settings, disputes []roleCase, settingsRefused, disputeRefused func(body string) bool) {
	t.Helper()
	slash := func(user, text, trig string) string {
		t.Helper()
		s := slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: user, Text: text, TriggerID: trig, ResponseURL: h.slack.ResponseURL(trig)}
		code, body := h.post("/slack/commands", slacktest.FormType, s.Body())
		if code != 200 {
			t.Fatalf("%s: status %d", text, code)
		}
		return body
	}
	// Channel settings.
	before, err := h.store.ChannelSettings(context.Background(), teamID, channel)
	if err != nil {
		t.Fatal(err)
	}
	last := before.UpdatedBy
	for _, c := range settings {
		for _, cmd := range []string{"reply private", "use test-story"} {
			body := slash(c.user, cmd, "roles."+cmd+c.user)
			if settingsRefused(body) == c.allowed {
				t.Errorf("%s: %s answered %s (allowed %t)", c.user, cmd, body, c.allowed)
			}
		}
		if c.allowed {
			last = c.user
		}
		s, err := h.store.ChannelSettings(context.Background(), teamID, channel)
		if err != nil || s.UpdatedBy != last {
			t.Errorf("after %s: channel settings updated by %q (%v), want %q", c.user, s.UpdatedBy, err, last)
		}
	}

	// A grade asked for by editor.
	h.command("China admits hacking", trigger(1))
	sub := h.waitState(1, storage.Posted)
	time.Sleep(200 * time.Millisecond)
	id := strconv.FormatInt(sub.ID, 10)
	meta, _ := json.Marshal(map[string]any{"submission": sub.ID, "channel": channel})
	var want []string
	verdicts := []string{"pass", "partial", "na"}
	for i, c := range disputes {
		p := slacktest.ViewSubmission(teamID, c.user, "V1", "h"+c.user, "dispute", string(meta), map[string]map[string]any{
			"criterion": {"criterion": slacktest.Selected("admission")},
			"verdict":   {"verdict": slacktest.Selected(verdicts[i%len(verdicts)])},
			"reason":    {"reason": slacktest.TextInput("the source says it was indirect")},
		})
		_, body := h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(p))
		if disputeRefused(body) == c.allowed {
			t.Errorf("%s: dispute answered %q (allowed %t)", c.user, body, c.allowed)
		}
		if c.allowed {
			want = append(want, c.user)
		}
		// The Dispute button says the same before the modal opens.
		click := slacktest.BlockAction(teamID, channel, c.user, trigger(10+i), sub.PostedTS, bot.ActionDispute, id, false)
		h.post("/slack/interactivity", slacktest.FormType, slacktest.InteractionBody(click))
	}
	ovs, err := h.store.OverridesFor(context.Background(), sub.ID)
	var got []string
	for _, o := range ovs {
		got = append(got, o.UserID)
	}
	if err != nil || strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("overrides by %v, %v; want %v", got, err, want)
	}
	if opens := h.slack.WaitCalls("views.open", len(want), 5*time.Second); len(opens) != len(want) {
		t.Errorf("%d dispute modals opened, want %d", len(opens), len(want))
	}
}

// TestRolesSlackDown: when Slack cannot say whether a member is a standards
// editor, nothing is changed and the member is told to try again.
func TestRolesSlackDown(t *testing.T) {
	h := rolesHarness(t)
	for range 3 { // callSlack tries three times
		h.slack.FailNext("users.info", "fatal_error")
	}
	for range 5 {
		h.slack.FailNext("usergroups.users.list", "fatal_error")
	}
	s := slacktest.Slash{TeamID: teamID, ChannelID: channel, UserID: wsAdmin, Text: "reply private", TriggerID: "down1", ResponseURL: h.slack.ResponseURL("down1")}
	_, body := h.post("/slack/commands", slacktest.FormType, s.Body())
	if !strings.Contains(body, "could not check with Slack") || !strings.Contains(body, "Nothing was changed") {
		t.Errorf("answer %s, want a try-again", body)
	}
	if st, _ := h.store.ChannelSettings(context.Background(), teamID, channel); st.UpdatedBy != editor {
		t.Errorf("channel settings updated by %q while Slack was down", st.UpdatedBy)
	}
}

// TestHomePerRole proves that App Home lists, for each viewer, only their
// own grades and grades posted for everyone in channels they are members
// of: never a private channel's grade to a non-member, a private reply or
// a direct message's grade to anyone but whoever asked.
func TestHomePerRole(t *testing.T) {
	h := rolesHarness(t)
	const secret, quiet, dm = "C0SECRET", "C0QUIET", "D0EDITOR"
	h.slack.SetMembers(channel, editor, otherMember)
	h.slack.SetMembers(secret, chief, grouped)
	h.slack.SetMembers(quiet, grouped, otherMember) // replies private (the default)
	// The private channel chose to post grades for its members.
	if err := h.store.SetChannelSettings(context.Background(), storage.ChannelSettings{TeamID: teamID, ChannelID: secret, UpdatedBy: chief, UpdatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	for i, s := range []struct{ user, ch, text string }{
		{editor, channel, "China admits hacking deskitem"},
		{chief, secret, "China admits hacking secretitem"},
		{grouped, quiet, "China admits hacking quietitem"},
		{editor, dm, "China admits hacking dmitem"},
	} {
		trig := "home" + strconv.Itoa(i)
		c := slacktest.Slash{TeamID: teamID, ChannelID: s.ch, UserID: s.user, Text: s.text, TriggerID: trig, ResponseURL: h.slack.ResponseURL(trig)}
		if code, body := h.post("/slack/commands", slacktest.FormType, c.Body()); code != 200 {
			t.Fatalf("%s: %d %s", s.text, code, body)
		}
		h.waitState(int64(i+1), storage.Posted)
	}
	all := []string{"deskitem", "secretitem", "quietitem", "dmitem"}
	for i, c := range []struct {
		user string
		sees []string
	}{
		{editor, []string{"deskitem", "dmitem"}},
		{otherMember, []string{"deskitem"}},
		{chief, []string{"secretitem"}},
		{grouped, []string{"secretitem", "quietitem"}},
		{wsAdmin, nil},
		{guest, nil},
	} {
		h.post("/slack/events", slacktest.JSONType, slacktest.AppHomeOpened(teamID, c.user, "EvHOME"+strconv.Itoa(i)))
		calls := h.slack.WaitCalls("views.publish", i+1, 5*time.Second)
		if len(calls) != i+1 {
			t.Fatalf("%s: no views.publish", c.user)
		}
		call := calls[i]
		if call.JSON["user_id"] != c.user {
			t.Fatalf("views.publish for %v, want %s", call.JSON["user_id"], c.user)
		}
		view, _ := json.Marshal(call.JSON["view"])
		for _, item := range all {
			if got, want := strings.Contains(string(view), item), slices.Contains(c.sees, item); got != want {
				t.Errorf("%s: home shows %s = %t, want %t", c.user, item, got, want)
			}
		}
		if len(c.sees) == 0 && !strings.Contains(string(view), "Nothing graded yet") {
			t.Errorf("%s: home view without grades lacks its note: %s", c.user, view)
		}
	}
	// Each channel's members were read once (cached for a minute); a
	// channel whose grades are private replies needs no asking.
	for ch, want := range map[string]int{channel: 1, secret: 1, quiet: 0} {
		n := 0
		for _, c := range h.slack.Calls("conversations.members") {
			if c.Form.Get("channel") == ch {
				n++
			}
		}
		if n != want {
			t.Errorf("conversations.members of %s read %d times, want %d", ch, n, want)
		}
	}
}

// TestVisibleInChannel proves the bot's digest.Visibility: a grade is
// shown in its own channel, and elsewhere only when its channel is public
// (conversations.info); a private channel's, a direct message's and an
// unknown channel's grades are not.
func TestVisibleInChannel(t *testing.T) {
	h := rolesHarness(t)
	h.slack.SetChannel("C0PUBLIC", false)
	h.slack.SetChannel("C0SECRET", true)
	ctx := context.Background()
	for _, c := range []struct {
		post, item string
		want       bool
	}{
		{"C0DIGEST", "C0PUBLIC", true},
		{"C0DIGEST", "C0SECRET", false},
		{"C0SECRET", "C0SECRET", true},
		{"C0DIGEST", "D0EDITOR", false},
		{"C0DIGEST", "C0GONE", false},
		{"C0PUBLIC", "C0SECRET", false},
	} {
		if got, _ := h.bot.Visible(ctx, c.post, c.item); got != c.want {
			t.Errorf("Visible(%s, %s) = %t, want %t", c.post, c.item, got, c.want)
		}
	}
	if n := len(h.slack.Calls("conversations.info")); n != 3 {
		t.Errorf("conversations.info called %d times, want 3 (once per channel: cached)", n)
	}
}
