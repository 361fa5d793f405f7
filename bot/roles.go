package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
)

// Who may do what. Channel settings (the rubric, where replies go) are the
// desk's standards editors' to change; a grade may be disputed by the
// editor who asked for it and by the standards editors. Config.Editors
// names the standards editors: Slack user ids (U…, W…) and user groups
// (S…, whose members are read with usergroups.users.list). Workspace
// admins and owners (users.info) count as standards editors too. While
// Config.Editors is empty they are the only standards editors: a
// deployment that names nobody is closed, not open (serve warns at start,
// and a refusal tells the member how the operator names editors).

// roleTTL is how long a user group's members, a user's admin flag and a
// channel's members are trusted before Slack is asked again.
const roleTTL = time.Minute

// errRoleLookup is a role that could not be checked: Slack did not answer.
var errRoleLookup = errors.New("could not ask Slack who may do this")

// roleCache remembers Slack's answers about people for roleTTL.
type roleCache struct {
	mu      sync.Mutex
	groups  map[string]cachedList // user group → members
	members map[string]cachedList // channel → members
	admins  map[string]cachedFlag // user → admin or owner
	public  map[string]cachedFlag // channel → a public channel
}

type cachedList struct {
	ids []string
	at  time.Time
}

type cachedFlag struct {
	yes bool
	at  time.Time
}

// editorGroups and editorUsers split Config.Editors.
func (b *Bot) editorGroups() []string {
	return slices.DeleteFunc(slices.Clone(b.cfg.Editors), func(id string) bool { return !strings.HasPrefix(id, "S") })
}

func (b *Bot) editorUsers() []string {
	return slices.DeleteFunc(slices.Clone(b.cfg.Editors), func(id string) bool { return strings.HasPrefix(id, "S") })
}

// editor reports whether user is a standards editor: listed, a member of a
// listed user group, or a workspace admin or owner (the only ones when no
// editors are configured). It fails (errRoleLookup) only when the answer
// needs Slack and Slack does not give it.
func (b *Bot) editor(ctx context.Context, user string) (bool, error) {
	if slices.Contains(b.editorUsers(), user) {
		return true, nil
	}
	var failed error
	for _, g := range b.editorGroups() {
		ids, err := b.roles.list(&b.roles.groups, g, func() ([]string, error) {
			var ids []string
			err := b.callSlack(ctx, "usergroups.users.list", "", func(ctx context.Context) (err error) {
				ids, err = b.slack.GetUserGroupMembersContext(ctx, g)
				return err
			})
			return ids, err
		})
		if err != nil {
			b.log.Warn("reading a standards editors' user group", "usergroup", g, "err", err)
			failed = errRoleLookup
			continue
		}
		if slices.Contains(ids, user) {
			return true, nil
		}
	}
	admin, err := b.admin(ctx, user)
	if err != nil {
		b.log.Warn("reading a member's admin flag", "user", user, "err", err)
		return false, errRoleLookup
	}
	return admin, failed
}

// admin reports whether user is a workspace admin or owner (users.info).
func (b *Bot) admin(ctx context.Context, user string) (bool, error) {
	return b.roles.flag(&b.roles.admins, user, func() (bool, error) {
		var u *slack.User
		err := b.callSlack(ctx, "users.info", "", func(ctx context.Context) (err error) {
			u, err = b.slack.GetUserInfoContext(ctx, user)
			return err
		})
		if err != nil {
			return false, err
		}
		return (u.IsAdmin || u.IsOwner || u.IsPrimaryOwner) && !u.IsRestricted && !u.IsUltraRestricted && !u.Deleted, nil
	})
}

// flag returns the cached flag for key in m, reading it with read when
// missing or stale.
func (r *roleCache) flag(m *map[string]cachedFlag, key string, read func() (bool, error)) (bool, error) {
	r.mu.Lock()
	if f, ok := (*m)[key]; ok && time.Since(f.at) < roleTTL {
		r.mu.Unlock()
		return f.yes, nil
	}
	r.mu.Unlock()
	yes, err := read()
	if err != nil {
		return false, err
	}
	r.mu.Lock()
	if *m == nil {
		*m = map[string]cachedFlag{}
	}
	(*m)[key] = cachedFlag{yes: yes, at: time.Now()}
	r.mu.Unlock()
	return yes, nil
}

// member reports whether user is a member of channel (conversations.members).
func (b *Bot) member(ctx context.Context, channel, user string) (bool, error) {
	ids, err := b.roles.list(&b.roles.members, channel, func() ([]string, error) {
		var all []string
		cursor := ""
		for {
			var page []string
			err := b.callSlack(ctx, "conversations.members", "", func(ctx context.Context) (err error) {
				page, cursor, err = b.slack.GetUsersInConversationContext(ctx, &slack.GetUsersInConversationParameters{ChannelID: channel, Cursor: cursor, Limit: 1000})
				return err
			})
			if err != nil {
				return nil, err
			}
			all = append(all, page...)
			if cursor == "" {
				return all, nil
			}
		}
	})
	if err != nil {
		return false, err
	}
	return slices.Contains(ids, user), nil
}

// list returns the cached list for key in m, reading it with read when
// missing or stale.
func (r *roleCache) list(m *map[string]cachedList, key string, read func() ([]string, error)) ([]string, error) {
	r.mu.Lock()
	if l, ok := (*m)[key]; ok && time.Since(l.at) < roleTTL {
		r.mu.Unlock()
		return l.ids, nil
	}
	r.mu.Unlock()
	ids, err := read()
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	if *m == nil {
		*m = map[string]cachedList{}
	}
	(*m)[key] = cachedList{ids: ids, at: time.Now()}
	r.mu.Unlock()
	return ids, nil
}

// mayDispute reports whether user may dispute the grade of a submission
// made by submitter.
func (b *Bot) mayDispute(ctx context.Context, user, submitter string) (bool, error) {
	if user == submitter {
		return true, nil
	}
	return b.editor(ctx, user)
}

// editorsUnset is how a refusal ends when no standards editors are
// configured: who may, and how the operator names others.
const editorsUnset = "No standards editors are configured, so only the workspace's admins and owners may. " +
	"To name the desk's standards editors, the operator sets FACTGRADE_STANDARDS_EDITORS to their Slack user ids or a user group."

// editorsMention names the standards editors for a refusal.
func (b *Bot) editorsMention() string {
	var names []string
	for _, id := range b.cfg.Editors[:min(len(b.cfg.Editors), 5)] {
		if strings.HasPrefix(id, "S") {
			names = append(names, "<!subteam^"+id+">")
		} else {
			names = append(names, "<@"+id+">")
		}
	}
	return strings.Join(append(names, "or a workspace admin"), ", ")
}

// settingsRefusal is what a member who is not a standards editor is told
// when changing a channel's settings.
func (b *Bot) settingsRefusal(err error) string {
	if err != nil {
		return "factgrade could not check with Slack that you are one of the desk's standards editors, who alone change how this channel is graded. Nothing was changed; try again in a minute."
	}
	if len(b.cfg.Editors) == 0 {
		return "Only the desk's standards editors can change how this channel is graded. " + editorsUnset + " Nothing was changed."
	}
	return fmt.Sprintf("Only the desk's standards editors can change how this channel is graded. Ask one of them (%s).", b.editorsMention())
}

// disputeRefusal is what a member is told when disputing someone else's
// grade without being a standards editor.
func (b *Bot) disputeRefusal(err error) string {
	if err != nil {
		return "factgrade could not check with Slack that you are one of the desk's standards editors, who may dispute others' grades. Try again in a minute."
	}
	if len(b.cfg.Editors) == 0 {
		return "Only the editor who asked for this grade and the desk's standards editors can dispute it. " + editorsUnset
	}
	return fmt.Sprintf("Only the editor who asked for this grade and the desk's standards editors can dispute it. Ask one of them (%s).", b.editorsMention())
}

// Visible reports whether a grade made in itemChannel may be shown in
// postChannel (digest.Visibility): always in its own channel; elsewhere
// only when itemChannel is a public channel (conversations.info), never a
// private channel's, a group DM's or a direct message's.
func (b *Bot) Visible(ctx context.Context, postChannel, itemChannel string) (bool, error) {
	if itemChannel == postChannel {
		return true, nil
	}
	if directMessage(itemChannel) {
		return false, nil
	}
	return b.roles.flag(&b.roles.public, itemChannel, func() (bool, error) {
		var ch *slack.Channel
		err := b.callSlack(ctx, "conversations.info", "", func(ctx context.Context) (err error) {
			ch, err = b.slack.GetConversationInfoContext(ctx, &slack.GetConversationInfoInput{ChannelID: itemChannel})
			return err
		})
		if err != nil {
			return false, err
		}
		return !ch.IsPrivate && !ch.IsIM && !ch.IsMpIM && !ch.IsGroup, nil
	})
}
