package bot

import "github.com/factgrade/factgrade/internal/cpuslot"

// CPUGate returns the CPU slots b's workers hold (for bot_test).
func CPUGate(b *Bot) *cpuslot.Gate { return b.cpu }
