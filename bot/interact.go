package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/blockkit"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// Modal block ids of the dispute form; each input's action id is the same.
const (
	disputeCriterion = "criterion"
	disputeVerdict   = "verdict"
	disputeReason    = "reason"
	maxReasonRunes   = 500
)

// disputeMeta is the dispute modal's private_metadata: where to acknowledge.
type disputeMeta struct {
	Submission int64  `json:"submission"`
	Channel    string `json:"channel"`
	Thread     string `json:"thread"`
	Ephemeral  bool   `json:"ephemeral,omitempty"`
}

// HandleInteraction answers an interactivity payload: the message
// shortcut, a button on a graded reply, or the dispute modal's submission.
func (b *Bot) HandleInteraction(ctx context.Context, cb slack.InteractionCallback) Reply {
	switch cb.Type {
	case slack.InteractionTypeMessageAction:
		if cb.CallbackID != CallbackShortcut {
			return Reply{Outcome: "ignored"}
		}
		return b.handleShortcut(ctx, cb)
	case slack.InteractionTypeBlockActions:
		return b.handleButtons(ctx, cb)
	case slack.InteractionTypeViewSubmission:
		if cb.View.CallbackID != CallbackDisputeView {
			return Reply{Outcome: "ignored"}
		}
		return b.handleDispute(ctx, cb)
	}
	return Reply{Outcome: "ignored"}
}

// handleButtons handles Dispute (open the modal) and Source (post the cited
// paragraphs in the thread). The Slack calls run in the background so the
// acknowledgement is not held up.
func (b *Bot) handleButtons(ctx context.Context, cb slack.InteractionCallback) Reply {
	if len(cb.ActionCallback.BlockActions) == 0 {
		return Reply{Outcome: "bad_request"}
	}
	act := cb.ActionCallback.BlockActions[0]
	switch act.ActionID {
	case ActionDispute, ActionSource, ActionDetails, ActionShare:
	default:
		return Reply{Outcome: "ignored"}
	}
	if !b.seen.firstTime("action:" + cb.TriggerID + ":" + act.ActionTs) {
		return Reply{Outcome: "duplicate"}
	}
	id, err := strconv.ParseInt(act.Value, 10, 64)
	if err != nil {
		return Reply{Outcome: "bad_request"}
	}
	channel := cb.Container.ChannelID
	if channel == "" {
		channel = cb.Channel.ID
	}
	item, err := b.store.GradedItem(ctx, id)
	if err != nil || item.Grade == nil || !ours(item.Submission, cb, channel) {
		text := "factgrade could not find that grade here; it may belong to another workspace's factgrade. Ask whoever posted it."
		outcome := "refused"
		if isStorageErr(err) {
			b.log.Error("loading grade for button", "submission", id, "err", err)
			text, outcome = UserMessage(errStorage, b.cfg.Rubrics), "error"
		}
		b.refuseAction(cb, text)
		return Reply{Outcome: outcome}
	}
	thread := cb.Container.ThreadTs
	if thread == "" {
		thread = cb.Container.MessageTs
	}
	r, _ := b.cfg.Rubrics.Get(item.Grade.Rubric)
	var ovs []storage.Override
	if act.ActionID == ActionDispute || act.ActionID == ActionDetails {
		if ovs, err = b.store.OverridesFor(ctx, id); err != nil {
			b.log.Error("loading overrides for button", "submission", id, "err", err)
			b.refuseAction(cb, UserMessage(errStorage, b.cfg.Rubrics))
			return Reply{Outcome: "error"}
		}
	}
	if act.ActionID == ActionDispute {
		if ok, err := b.mayDispute(ctx, cb.User.ID, item.Submission.UserID); !ok {
			b.refuseAction(cb, b.disputeRefusal(err))
			return Reply{Outcome: "refused"}
		}
	}
	switch act.ActionID {
	case ActionDispute:
		meta, _ := json.Marshal(disputeMeta{Submission: id, Channel: channel, Thread: thread, Ephemeral: cb.Container.IsEphemeral})
		view := disputeModal(item, r, string(meta), storage.Verdicts(ovs))
		trigger := cb.TriggerID
		b.goBackground("open_dispute", func(ctx context.Context) error {
			return b.callSlack(ctx, "views.open", "", func(ctx context.Context) error {
				_, err := b.slack.OpenViewContext(ctx, trigger, view)
				return err
			})
		})
	case ActionDetails:
		msg := RenderDetails(item, r, ovs)
		b.goBackground("post_details", func(ctx context.Context) error {
			return b.showOnly(ctx, cb, channel, thread, msg)
		})
	case ActionShare:
		shared := item
		shared.Submission.Ephemeral = false
		msg := RenderGrade(shared, r)
		url := cb.ResponseURL
		if sub := item.Submission; sub.ChannelID != "" && sub.ChannelID != channel {
			// The reply reached the editor somewhere else (a direct
			// message, when factgrade could not post where they asked):
			// it is shared where they asked, never where they clicked.
			b.goBackground("share_grade", func(ctx context.Context) error {
				return b.shareInto(ctx, sub, url, msg)
			})
			break
		}
		b.goBackground("share_grade", func(ctx context.Context) error {
			return b.share(ctx, channel, item.Submission.ThreadTS, url, msg)
		})
	case ActionSource:
		msg := RenderSource(item.Grade, r)
		user, eph := cb.User.ID, cb.Container.IsEphemeral
		b.goBackground("post_source", func(ctx context.Context) error {
			return b.postThread(ctx, channel, thread, user, eph, msg)
		})
	}
	return Reply{Outcome: "ok"}
}

// ours reports whether a click or a modal about sub may act on it. The
// workspace is the one factgrade is installed in: in a Slack Connect
// channel the user (and cb.Team) may belong to another organisation, so
// Slack's view.app_installed_team_id is checked too, and a click on the
// reply itself (in sub's channel, signed by Slack) is ours whatever the
// clicker's workspace.
func ours(sub storage.Submission, cb slack.InteractionCallback, channel string) bool {
	switch {
	case sub.TeamID == cb.Team.ID:
		return true
	case cb.View.AppInstalledTeamID != "" && sub.TeamID == cb.View.AppInstalledTeamID:
		return true
	}
	return channel != "" && (channel == sub.ChannelID || channel == sub.ReplyChannel)
}

// refuseAction tells whoever clicked a button that it was refused, through
// the click's response_url, shown only to them.
func (b *Bot) refuseAction(cb slack.InteractionCallback, text string) {
	if cb.ResponseURL == "" {
		return
	}
	url := cb.ResponseURL
	b.goBackground("refuse_action", func(ctx context.Context) error {
		return b.callSlack(ctx, "response_url", "", func(ctx context.Context) error {
			_, _, err := b.slack.PostMessageContext(ctx, "", slack.MsgOptionResponseURL(url, slack.ResponseTypeEphemeral), slack.MsgOptionText(text, false))
			return err
		})
	})
}

// showOnly shows msg only to whoever clicked: through the click's
// response_url (which reaches channels factgrade has not joined and direct
// messages), else as an ephemeral message in the channel.
func (b *Bot) showOnly(ctx context.Context, cb slack.InteractionCallback, channel, thread string, msg Message) error {
	if cb.ResponseURL != "" {
		opts := append([]slack.MsgOption{slack.MsgOptionResponseURL(cb.ResponseURL, slack.ResponseTypeEphemeral)}, msgOptions(msg, "")...)
		err := b.callSlack(ctx, "response_url", "", func(ctx context.Context) error {
			_, _, err := b.slack.PostMessageContext(ctx, channel, opts...)
			return err
		})
		if err == nil {
			return nil
		}
	}
	return b.postThread(ctx, channel, thread, cb.User.ID, true, msg)
}

// share posts a grade shown only to its editor for the whole channel (in
// its thread), then removes the private copy. Where factgrade may not post
// (a channel it has not joined), the click's response_url posts it.
func (b *Bot) share(ctx context.Context, channel, thread, responseURL string, msg Message) error {
	err := b.postThread(ctx, channel, thread, "", false, msg)
	if err != nil && permanent(err) && responseURL != "" {
		opts := append([]slack.MsgOption{slack.MsgOptionResponseURL(responseURL, slack.ResponseTypeInChannel)}, msgOptions(msg, thread)...)
		err = b.callSlack(ctx, "response_url", "", func(ctx context.Context) error {
			_, _, err := b.slack.PostMessageContext(ctx, channel, opts...)
			return err
		})
	}
	if err != nil || responseURL == "" {
		return err
	}
	return b.callSlack(ctx, "response_url", "", func(ctx context.Context) error {
		_, _, err := b.slack.PostMessageContext(ctx, channel, slack.MsgOptionDeleteOriginal(responseURL))
		return err
	})
}

// shareInto shares sub's grade, clicked on where it was delivered instead
// (a direct message), in the channel the editor asked in (and its thread):
// posted there, else through the request's own response_url while it
// lives. The copy clicked on is kept (it is not a private copy in that
// channel); the editor is told, through the click's response_url, where
// it went or why it could not.
func (b *Bot) shareInto(ctx context.Context, sub storage.Submission, responseURL string, msg Message) error {
	err := b.postThread(ctx, sub.ChannelID, sub.ThreadTS, "", false, msg)
	if err != nil && permanent(err) {
		if rerr := b.viaResponseURL(ctx, sub, msg, false); rerr == nil {
			err = nil
		}
	}
	tell := fmt.Sprintf("Shared in <#%s>.", blockkit.Escape(sub.ChannelID))
	if err != nil {
		tell = fmt.Sprintf("factgrade could not share this grade in <#%s>: %s. Nothing was posted there; this copy stays yours.", blockkit.Escape(sub.ChannelID), whyNotPosted(err))
		if !permanent(err) {
			tell = fmt.Sprintf("factgrade could not share this grade in <#%s>: Slack did not answer. Nothing was posted there; click Share in channel again in a minute.", blockkit.Escape(sub.ChannelID))
		}
	}
	if responseURL != "" {
		if terr := b.callSlack(ctx, "response_url", "", func(ctx context.Context) error {
			_, _, err := b.slack.PostMessageContext(ctx, "", slack.MsgOptionResponseURL(responseURL, slack.ResponseTypeEphemeral), slack.MsgOptionText(tell, false))
			return err
		}); terr != nil && err == nil {
			return terr
		}
	}
	return err
}

// postThread posts msg in a thread, or shows it only to user when the
// message it answers was itself shown only to them.
func (b *Bot) postThread(ctx context.Context, channel, thread, user string, ephemeral bool, msg Message) error {
	opts := msgOptions(msg, thread)
	if ephemeral {
		return b.callSlack(ctx, "chat.postEphemeral", channel, func(ctx context.Context) error {
			_, err := b.slack.PostEphemeralContext(ctx, channel, user, opts...)
			return err
		})
	}
	return b.callSlack(ctx, "chat.postMessage", channel, func(ctx context.Context) error {
		_, _, err := b.slack.PostMessageContext(ctx, channel, opts...)
		return err
	})
}

// disputeModal is the form an editor records an override with.
func disputeModal(item storage.GradedItem, r *rubric.Rubric, meta string, standing map[string]rubric.Verdict) slack.ModalViewRequest {
	var crit []*slack.OptionBlockObject
	for _, cg := range item.Grade.Criteria {
		label := cg.Criterion
		if r != nil {
			if c := r.Criterion(cg.Criterion); c != nil {
				label = c.Question
			}
		}
		now := cg.Verdict
		if v, ok := standing[cg.Criterion]; ok {
			now = v
		}
		crit = append(crit, slack.NewOptionBlockObject(cg.Criterion, blockkit.Plain(optionLabel(label, fmt.Sprintf(" (now %s)", now))), nil))
	}
	var verdicts []*slack.OptionBlockObject
	for _, v := range rubric.Verdicts {
		verdicts = append(verdicts, slack.NewOptionBlockObject(string(v), blockkit.Plain(string(v)), nil))
	}
	reason := slack.NewPlainTextInputBlockElement(blockkit.Plain("Why the grade is wrong, citing the source"), disputeReason)
	reason.Multiline = true
	reason.MaxLength = maxReasonRunes
	intro := fmt.Sprintf("Submission #%d, graded %s. Your override is recorded beside the original grade, which is kept; the letter is computed again with it.", item.Submission.ID, letterScore(item.Grade))
	return slack.ModalViewRequest{
		Type:            slack.VTModal,
		Title:           blockkit.Plain("Dispute grade"),
		Submit:          blockkit.Plain("Record"),
		Close:           blockkit.Plain("Cancel"),
		CallbackID:      CallbackDisputeView,
		PrivateMetadata: meta,
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			blockkit.Section("dispute_intro", blockkit.Escape(intro)),
			slack.NewInputBlock(disputeCriterion, blockkit.Plain("Criterion"), nil,
				slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, blockkit.Plain("Choose a criterion"), disputeCriterion, crit...)),
			slack.NewInputBlock(disputeVerdict, blockkit.Plain("The verdict it should have"), nil,
				slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, blockkit.Plain("Choose a verdict"), disputeVerdict, verdicts...)),
			slack.NewInputBlock(disputeReason, blockkit.Plain("Reason"), nil, reason),
		}},
	}
}

// maxOptionText is Slack's limit on an option's text in a select menu.
const maxOptionText = 75

// optionLabel fits label and its suffix in a select option: the label is
// shortened at a word with an ellipsis, the suffix kept whole. It is read
// by an editor choosing what to dispute, so it carries no note about
// Slack's limits.
func optionLabel(label, suffix string) string {
	room := maxOptionText - utf8.RuneCountInString(suffix)
	if utf8.RuneCountInString(label) > room {
		r := []rune(label)[:room-1]
		cut := string(r)
		if i := strings.LastIndexByte(cut, ' '); i > room/2 {
			cut = cut[:i]
		}
		label = strings.TrimRight(cut, " ,;:") + "…"
	}
	return label + suffix
}

// letterScore is a grade's letter and score ("D · 43/100"), or why it has none.
func letterScore(g *rubric.Grade) string {
	if g.Status != rubric.Graded {
		return strings.ToLower(gradeHeadline(g))
	}
	return fmt.Sprintf("%s · %d/100", g.Letter, g.Score)
}

// handleDispute stores the override from a submitted dispute modal and
// acknowledges it in the grade's thread. Invalid input is returned to the
// modal as field errors.
func (b *Bot) handleDispute(ctx context.Context, cb slack.InteractionCallback) Reply {
	var meta disputeMeta
	if err := json.Unmarshal([]byte(cb.View.PrivateMetadata), &meta); err != nil || meta.Submission == 0 {
		return Reply{Outcome: "bad_request"}
	}
	item, err := b.store.GradedItem(ctx, meta.Submission)
	if err != nil || item.Grade == nil || !ours(item.Submission, cb, meta.Channel) {
		if isStorageErr(err) {
			b.log.Error("loading grade for dispute", "submission", meta.Submission, "err", err)
			return Reply{Outcome: "error", Body: slack.NewErrorsViewSubmissionResponse(map[string]string{disputeReason: "factgrade could not save this now; try again in a minute."})}
		}
		// Refused: say so in the modal rather than close it as if saved.
		return Reply{Outcome: "refused", Body: slack.NewErrorsViewSubmissionResponse(map[string]string{disputeReason: "factgrade cannot record this dispute: the grade was not found in this workspace. Nothing was saved."})}
	}
	if ok, err := b.mayDispute(ctx, cb.User.ID, item.Submission.UserID); !ok {
		return Reply{Outcome: "refused", Body: slack.NewErrorsViewSubmissionResponse(map[string]string{disputeReason: b.disputeRefusal(err) + " Nothing was saved."})}
	}
	value := func(block string) (string, string) {
		if cb.View.State == nil {
			return "", ""
		}
		a := cb.View.State.Values[block][block]
		return a.SelectedOption.Value, a.Value
	}
	earlier, err := b.store.OverridesFor(ctx, meta.Submission)
	if err != nil {
		b.log.Error("loading overrides for dispute", "submission", meta.Submission, "err", err)
		return Reply{Outcome: "error", Body: slack.NewErrorsViewSubmissionResponse(map[string]string{disputeReason: "factgrade could not save this now; try again in a minute."})}
	}
	standing := storage.Verdicts(earlier)
	// current is a criterion's verdict after the disputes that stand.
	current := func(cg *rubric.CriterionGrade) rubric.Verdict {
		if v, ok := standing[cg.Criterion]; ok {
			return v
		}
		return cg.Verdict
	}
	critID, _ := value(disputeCriterion)
	verdictText, _ := value(disputeVerdict)
	_, reason := value(disputeReason)
	reason = strings.TrimSpace(reason)
	problems := map[string]string{}
	cg := item.Grade.Criterion(critID)
	if cg == nil {
		problems[disputeCriterion] = "Choose one of the grade's criteria."
	}
	verdict, err := rubric.ParseVerdict(verdictText)
	if err != nil {
		problems[disputeVerdict] = "Choose pass, partial, fail or na."
	} else if cg != nil && verdict == current(cg) {
		problems[disputeVerdict] = fmt.Sprintf("The grade already says %s; choose the verdict it should have.", verdict)
	}
	if reason == "" {
		problems[disputeReason] = "Say why, so the desk can review it."
	} else if len([]rune(reason)) > maxReasonRunes {
		problems[disputeReason] = fmt.Sprintf("Keep it under %d characters.", maxReasonRunes)
	}
	if len(problems) > 0 {
		return Reply{Outcome: "invalid", Body: slack.NewErrorsViewSubmissionResponse(problems)}
	}
	if !b.seen.firstTime("view:" + cb.View.ID + ":" + cb.View.Hash) {
		return Reply{Outcome: "duplicate"}
	}
	o, err := b.store.AddOverride(ctx, storage.Override{
		SubmissionID: meta.Submission,
		Criterion:    critID,
		Verdict:      verdict,
		Reason:       reason,
		UserID:       cb.User.ID,
	})
	if err != nil {
		b.log.Error("storing override", "submission", meta.Submission, "err", err)
		return Reply{Outcome: "error", Body: slack.NewErrorsViewSubmissionResponse(map[string]string{disputeReason: "factgrade could not save this now; try again in a minute."})}
	}
	b.log.Info("override recorded", "submission", meta.Submission, "override", o.ID, "criterion", critID, "verdict", verdict)
	question := critID
	if r, ok := b.cfg.Rubrics.Get(item.Grade.Rubric); ok {
		if c := r.Criterion(critID); c != nil {
			question = c.Question
		}
	}
	replaced := ""
	for _, e := range earlier {
		if e.UserID == cb.User.ID && e.Criterion == critID {
			replaced = fmt.Sprintf(", replacing their override #%d", e.ID)
		}
	}
	text := fmt.Sprintf(":memo: <@%s> disputed *%s*: %s → %s%s.\n%s",
		blockkit.Escape(cb.User.ID), blockkit.Escape(question), current(cg), verdict, replaced, blockkit.Blockquote(blockkit.EscapeText(reason)))
	if r, ok := b.cfg.Rubrics.Get(item.Grade.Rubric); ok {
		after := r.Regrade(item.Grade, storage.Verdicts(append(earlier, o)))
		text += fmt.Sprintf("\nAfter disputes: *%s* (graded %s; the original grade is kept). _Override #%d._", letterScore(after), letterScore(item.Grade), o.ID)
	} else {
		text += fmt.Sprintf("\n_Recorded as override #%d; the original grade is kept._", o.ID)
	}
	msg := Message{Text: text, Blocks: []slack.Block{blockkit.Section("dispute_ack", text)}}
	user := cb.User.ID
	b.goBackground("ack_dispute", func(ctx context.Context) error {
		return b.postThread(ctx, meta.Channel, meta.Thread, user, meta.Ephemeral, msg)
	})
	return Reply{Outcome: "ok"}
}
