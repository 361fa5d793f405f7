package rubric

import (
	"unicode"
	"unicode/utf8"
)

// englishWords and foreignWords are frequent function words, used to tell
// an English text from one in another language without a model.
var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "a": true, "is": true, "that": true,
	"for": true, "on": true, "with": true, "was": true, "as": true, "by": true, "at": true, "it": true,
	"from": true, "its": true, "has": true, "have": true, "be": true, "were": true, "are": true, "an": true,
	"or": true, "not": true, "this": true, "but": true, "after": true, "over": true, "said": true,
	"says": true, "role": true, "report": true, "officials": true, "admits": true, "admitted": true,
	"hacks": true, "behind": true, "into": true, "about": true, "their": true, "they": true, "had": true,
}

var foreignWords = map[string]string{
	// Spanish
	"el": "Spanish", "los": "Spanish", "las": "Spanish", "y": "Spanish", "del": "Spanish", "por": "Spanish",
	"con": "Spanish", "para": "Spanish", "una": "Spanish", "su": "Spanish", "sus": "Spanish", "es": "Spanish",
	"como": "Spanish", "según": "Spanish", "reunión": "Spanish", "secreta": "Spanish", "ciberataques": "Spanish",
	// French
	"les": "French", "des": "French", "et": "French", "est": "French", "du": "French", "dans": "French",
	"pour": "French", "sur": "French", "une": "French", "au": "French", "aux": "French", "selon": "French",
	"réunion": "French", "avoue": "French", "été": "French", "qui": "French", "pas": "French",
	// German
	"der": "German", "die": "German", "das": "German", "und": "German", "ist": "German", "nicht": "German",
	"mit": "German", "auf": "German", "den": "German", "dem": "German", "ein": "German", "eine": "German",
	"hat": "German", "zu": "German", "im": "German", "von": "German", "bei": "German", "gibt": "German",
	// Italian
	"il": "Italian", "della": "Italian", "di": "Italian", "che": "Italian", "gli": "Italian", "nel": "Italian",
	"sono": "Italian", "alla": "Italian", "ha": "Italian", "degli": "Italian", "riunione": "Italian",
	// Portuguese
	"os": "Portuguese", "em": "Portuguese", "não": "Portuguese", "com": "Portuguese", "uma": "Portuguese",
	"ao": "Portuguese", "pelo": "Portuguese", "segundo": "Portuguese", "reunião": "Portuguese",
	// Shared Romance articles and prepositions
	"la": "Spanish", "de": "Spanish", "en": "Spanish", "que": "Spanish", "le": "French", "un": "French",
}

// languageWords maps each function word to its language, for one lookup a word.
var languageWords = func() map[string]string {
	m := make(map[string]string, len(englishWords)+len(foreignWords))
	for w, lang := range foreignWords {
		m[w] = lang
	}
	for w := range englishWords {
		m[w] = "English"
	}
	return m
}()

// maxFunctionWord is the longest function word, in bytes; longer words are
// not looked up.
const maxFunctionWord = 13

// foreignLanguage returns the name of the language d seems to be written in
// when that is not English, or "".
func foreignLanguage(d *doc) string {
	var letters, latin int
	for _, r := range d.f.text {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				letters++
				latin++
			}
		case unicode.IsLetter(r):
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	if letters == 0 {
		return ""
	}
	if latin*2 < letters {
		return scriptName(d.f.text)
	}
	var en, fo int
	var votes map[string]int
	for _, t := range d.toks {
		if t.punct || len(t.text) > maxFunctionWord {
			continue
		}
		lang, ok := languageWords[t.text]
		if !ok {
			continue
		}
		if lang == "English" {
			en++
			continue
		}
		fo++
		if votes == nil {
			votes = map[string]int{}
		}
		votes[lang]++
	}
	if fo < 2 || fo <= en {
		return ""
	}
	best, n := "another language", 0
	for _, lang := range []string{"Spanish", "French", "German", "Italian", "Portuguese"} {
		if votes[lang] > n {
			best, n = lang, votes[lang]
		}
	}
	return best
}

func scriptName(s string) string {
	counts := map[string]int{}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			counts["Chinese"]++
		case unicode.Is(unicode.Cyrillic, r):
			counts["Russian"]++
		case unicode.Is(unicode.Arabic, r):
			counts["Arabic"]++
		case unicode.Is(unicode.Hangul, r):
			counts["Korean"]++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			counts["Japanese"]++
		case unicode.Is(unicode.Greek, r):
			counts["Greek"]++
		case unicode.Is(unicode.Hebrew, r):
			counts["Hebrew"]++
		}
	}
	best, n := "a non-Latin script", 0
	for _, lang := range []string{"Chinese", "Japanese", "Korean", "Russian", "Arabic", "Greek", "Hebrew"} {
		if counts[lang] > n {
			best, n = lang, counts[lang]
		}
	}
	return best
}
