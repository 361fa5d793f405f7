package sqlstore

import (
	"context"
	"errors"

	"github.com/factgrade/factgrade/storage"
)

// ChannelSettings implements storage.Settings.
func (s *Store) ChannelSettings(ctx context.Context, teamID, channelID string) (cs storage.ChannelSettings, err error) {
	defer wrap(&err, "ChannelSettings(%q, %q)", teamID, channelID)
	cs = storage.ChannelSettings{TeamID: teamID, ChannelID: channelID}
	err = s.b.Pool.QueryRow(ctx, `SELECT default_rubric, ephemeral, updated_by, updated_at FROM channel_settings
		WHERE team_id = ? AND channel_id = ?`, teamID, channelID).Scan(&cs.DefaultRubric, &cs.Ephemeral, &cs.UpdatedBy, &cs.UpdatedAt)
	if errors.Is(err, storage.ErrNotFound) {
		return storage.ChannelSettings{TeamID: teamID, ChannelID: channelID}, nil
	}
	return cs, err
}

// SetChannelSettings implements storage.Settings; the store sets UpdatedAt.
func (s *Store) SetChannelSettings(ctx context.Context, cs storage.ChannelSettings) (err error) {
	defer wrap(&err, "SetChannelSettings(%q, %q)", cs.TeamID, cs.ChannelID)
	if cs.ChannelID == "" {
		return errors.New("no channel id")
	}
	// Settings are changed by a command Slack waits to acknowledge.
	return s.b.Write(Urgent(ctx), func(tx DB) error {
		_, err := tx.Exec(ctx, `INSERT INTO channel_settings (team_id, channel_id, default_rubric, ephemeral, updated_by, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (team_id, channel_id) DO UPDATE SET default_rubric = excluded.default_rubric,
				ephemeral = excluded.ephemeral, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
			cs.TeamID, cs.ChannelID, cs.DefaultRubric, cs.Ephemeral, cs.UpdatedBy, s.now())
		return err
	})
}
