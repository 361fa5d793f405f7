package config

import (
	"strings"
)

// validateSlack checks the Slack settings for the transport they select:
// HTTP mode needs the signing secret, Socket Mode an app-level token.
func (c *Config) validateSlack(ps *problems) {
	s := c.Slack
	switch {
	case !s.BotToken.IsSet():
		ps.add("SLACK_BOT_TOKEN", "missing; put the app's Bot User OAuth Token (xoxb-…, from OAuth & Permissions) there, or its file's path in SLACK_BOT_TOKEN_FILE")
	case !strings.HasPrefix(s.BotToken.Reveal(), "xoxb-"):
		ps.add("SLACK_BOT_TOKEN", "is not a bot token (it does not start with xoxb-); put the Bot User OAuth Token from OAuth & Permissions there")
	}
	if s.SocketMode() {
		if !strings.HasPrefix(s.AppToken.Reveal(), "xapp-") {
			ps.add("SLACK_APP_TOKEN", "is not an app-level token (it does not start with xapp-); for Socket Mode put an app-level token with the connections:write scope (Basic Information → App-Level Tokens) there, or unset it for HTTP mode")
		}
		return
	}
	if !s.SigningSecret.IsSet() {
		ps.add("SLACK_SIGNING_SECRET", "missing; HTTP mode needs it to verify Slack's requests: put the Signing Secret (Basic Information → App Credentials) there or its file's path in SLACK_SIGNING_SECRET_FILE, or set SLACK_APP_TOKEN (xapp-…) to use Socket Mode instead")
	}
}

// validateJudge checks that an LLM judge has a model and a server.
func (c *Config) validateJudge(ps *problems) {
	if !c.Judge.UsesLLM() {
		return
	}
	o := c.OpenAI
	why := "FACTGRADE_JUDGE=" + string(c.Judge)
	if c.sources["FACTGRADE_JUDGE"] == sourceDefault {
		why += " (the default when OPENAI_API_KEY or OPENAI_BASE_URL is set)"
	}
	if o.Model == "" {
		if o.APIType == APIAzure {
			ps.add("OPENAI_MODEL", "missing; %s needs a model: put the model your Azure deployment serves there, such as gpt-4o-mini (and its deployment name in OPENAI_DEPLOYMENT if different)", why)
		} else {
			ps.add("OPENAI_MODEL", "missing; %s needs a model: put its name there, such as gpt-4o-mini for OpenAI or llama3.1 for Ollama, or set FACTGRADE_JUDGE=rules", why)
		}
	}
	if o.APIType == APIAzure {
		if o.BaseURL == "" {
			ps.add("OPENAI_BASE_URL", "missing; Azure OpenAI needs the resource endpoint there, such as https://NAME.openai.azure.com/")
		}
		if !o.APIKey.IsSet() {
			ps.add("OPENAI_API_KEY", "missing; Azure OpenAI needs the resource's key there (Keys and Endpoint), or its file's path in OPENAI_API_KEY_FILE")
		}
		if o.APIVersion == "" {
			ps.add("OPENAI_API_VERSION", "missing; Azure OpenAI needs an api-version there, such as 2024-10-21 (structured outputs need 2024-08-01-preview or later)")
		}
		return
	}
	if !o.APIKey.IsSet() && o.BaseURL == "" {
		ps.add("OPENAI_API_KEY", "missing; %s needs a server: put an OpenAI API key there (or its file's path in OPENAI_API_KEY_FILE), or a local server's URL in OPENAI_BASE_URL, or set FACTGRADE_JUDGE=rules", why)
	}
	if o.APIVersion != "" || o.Deployment != "" {
		ps.add("OPENAI_API_TYPE", "is openai but OPENAI_API_VERSION or OPENAI_DEPLOYMENT is set; set OPENAI_API_TYPE=azure for Azure OpenAI, or unset them")
	}
}
