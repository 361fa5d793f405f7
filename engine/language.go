package engine

import (
	"unicode"
	"unicode/utf8"
)

// englishWords and foreignWords are closed-class words (articles,
// pronouns, prepositions, conjunctions, auxiliaries) of each language
// (and English's two commonest reporting verbs), used to tell an English
// text from one in another language without a model.
// They are the grammar of the languages, never a story's vocabulary, so
// every rubric gets the same answer. Words two of the languages share
// ("a", "on", "in", "per", "con") are left out.
var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "is": true, "that": true, "for": true,
	"with": true, "was": true, "as": true, "by": true, "at": true, "it": true, "from": true,
	"its": true, "has": true, "have": true, "be": true, "were": true, "are": true, "an": true,
	"or": true, "not": true, "this": true, "but": true, "after": true, "over": true, "into": true,
	"about": true, "their": true, "they": true, "had": true, "will": true, "would": true,
	"could": true, "should": true, "may": true, "can": true, "been": true, "being": true,
	"which": true, "who": true, "what": true, "when": true, "than": true, "these": true,
	"those": true, "he": true, "she": true, "his": true, "her": true, "we": true, "our": true,
	"you": true, "your": true, "them": true, "there": true, "whether": true, "while": true,
	"said": true, "says": true, "does": true, "did": true,
}

var foreignWords = map[string]string{
	// Spanish
	"el": "Spanish", "los": "Spanish", "las": "Spanish", "y": "Spanish", "del": "Spanish", "por": "Spanish",
	"para": "Spanish", "una": "Spanish", "su": "Spanish", "sus": "Spanish", "es": "Spanish",
	"como": "Spanish", "según": "Spanish", "pero": "Spanish", "sobre": "Spanish", "fue": "Spanish",
	"este": "Spanish", "esta": "Spanish", "entre": "Spanish", "sin": "Spanish", "también": "Spanish",
	// French
	"les": "French", "des": "French", "et": "French", "est": "French", "du": "French", "dans": "French",
	"pour": "French", "sur": "French", "une": "French", "au": "French", "aux": "French", "selon": "French",
	"été": "French", "qui": "French", "pas": "French", "avec": "French", "ce": "French", "cette": "French",
	"sont": "French", "mais": "French", "ont": "French", "leur": "French",
	// German
	"der": "German", "die": "German", "das": "German", "und": "German", "ist": "German", "nicht": "German",
	"mit": "German", "auf": "German", "den": "German", "dem": "German", "ein": "German", "eine": "German",
	"hat": "German", "zu": "German", "im": "German", "von": "German", "bei": "German", "gibt": "German",
	"sich": "German", "wird": "German", "nach": "German", "auch": "German",
	// Italian
	"il": "Italian", "della": "Italian", "di": "Italian", "che": "Italian", "gli": "Italian", "nel": "Italian",
	"sono": "Italian", "alla": "Italian", "ha": "Italian", "degli": "Italian", "dei": "Italian",
	"questo": "Italian", "anche": "Italian", "essere": "Italian",
	// Portuguese
	"os": "Portuguese", "em": "Portuguese", "não": "Portuguese", "com": "Portuguese",
	"ao": "Portuguese", "pelo": "Portuguese", "segundo": "Portuguese", "foi": "Portuguese",
	"pela": "Portuguese", "são": "Portuguese", "também": "Portuguese", "uma": "Portuguese",
	// Romance articles and prepositions several languages share: a vote for one
	"la": "Spanish", "de": "Spanish", "en": "Spanish", "que": "Spanish", "le": "French", "un": "French",
	// Hindi and Urdu written in Latin letters (postpositions, auxiliaries,
	// conjunctions, negation), as in Hinglish posts that mix in English
	// nouns; "the", "to", "main" and "par" are left out (English words).
	"ka": "Hindi", "ki": "Hindi", "ke": "Hindi", "ko": "Hindi", "ne": "Hindi", "se": "Hindi",
	"mein": "Hindi", "hai": "Hindi", "hain": "Hindi", "tha": "Hindi", "thi": "Hindi", "aur": "Hindi",
	"bhi": "Hindi", "nahi": "Hindi", "nahin": "Hindi", "kya": "Hindi", "yeh": "Hindi", "woh": "Hindi",
	"ye": "Hindi", "hum": "Hindi", "humne": "Hindi", "unhone": "Hindi", "abhi": "Hindi", "sakta": "Hindi",
	"sakti": "Hindi", "raha": "Hindi", "rahi": "Hindi", "rahe": "Hindi", "kiya": "Hindi", "diya": "Hindi",
	// Tagalog (markers, linkers, pronouns, particles), as in Taglish posts;
	// "at" and "man" are left out (English words).
	"ang": "Tagalog", "ng": "Tagalog", "mga": "Tagalog", "sa": "Tagalog", "ay": "Tagalog",
	"ito": "Tagalog", "nito": "Tagalog", "iyan": "Tagalog", "rin": "Tagalog", "din": "Tagalog",
	"hindi": "Tagalog", "kung": "Tagalog", "lang": "Tagalog", "siya": "Tagalog", "niya": "Tagalog",
	"nila": "Tagalog", "natin": "Tagalog", "namin": "Tagalog", "kami": "Tagalog", "tayo": "Tagalog",
	"po": "Tagalog", "ni": "Tagalog", "pa": "Tagalog", "na": "Tagalog", "sabi": "Tagalog",
	// Dutch
	"het": "Dutch", "een": "Dutch", "van": "Dutch", "zijn": "Dutch", "niet": "Dutch", "voor": "Dutch",
	"dat": "Dutch", "wordt": "Dutch", "naar": "Dutch", "ook": "Dutch", "maar": "Dutch", "werd": "Dutch",
	"heeft": "Dutch", "deze": "Dutch", "volgens": "Dutch",
	// Indonesian and Malay; "dan" is left out (a name in English)
	"yang": "Indonesian", "dari": "Indonesian", "untuk": "Indonesian", "dengan": "Indonesian",
	"tidak": "Indonesian", "ini": "Indonesian", "itu": "Indonesian", "akan": "Indonesian",
	"dalam": "Indonesian", "pada": "Indonesian", "oleh": "Indonesian", "bahwa": "Indonesian",
	"juga": "Indonesian", "telah": "Indonesian", "sudah": "Indonesian", "adalah": "Indonesian",
	"menurut": "Indonesian",
	// Turkish
	"ve": "Turkish", "bir": "Turkish", "bu": "Turkish", "için": "Turkish", "ile": "Turkish",
	"olarak": "Turkish", "olan": "Turkish", "ama": "Turkish", "gibi": "Turkish", "daha": "Turkish",
	"değil": "Turkish", "göre": "Turkish",
	// Polish
	"się": "Polish", "nie": "Polish", "jest": "Polish", "że": "Polish", "przez": "Polish",
	"oraz": "Polish", "czy": "Polish", "jak": "Polish", "ale": "Polish", "według": "Polish",
	// Swedish, Danish and Norwegian
	"och": "Swedish", "att": "Swedish", "som": "Swedish", "är": "Swedish", "för": "Swedish",
	"på": "Swedish", "inte": "Swedish", "ikke": "Danish", "og": "Danish", "til": "Danish",
	// Romanian
	"și": "Romanian", "în": "Romanian", "că": "Romanian", "cu": "Romanian", "pentru": "Romanian",
	"care": "Romanian", "fost": "Romanian", "potrivit": "Romanian",
	// Vietnamese
	"của": "Vietnamese", "và": "Vietnamese", "các": "Vietnamese", "những": "Vietnamese",
	"là": "Vietnamese", "có": "Vietnamese", "được": "Vietnamese", "trong": "Vietnamese",
	"với": "Vietnamese", "cho": "Vietnamese", "này": "Vietnamese", "đã": "Vietnamese",
	"không": "Vietnamese", "người": "Vietnamese", "một": "Vietnamese", "về": "Vietnamese",
	"theo": "Vietnamese",
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
// when that is not English, or "". byID, when given, is languageWords by
// the word ids d was interned with (see Program.intern), so a word is
// looked up without hashing it.
func foreignLanguage(d *doc, byID []string) string {
	t := d.f.text
	if d.f.ascii {
		// Every letter of an ASCII text is a Latin letter.
		if !hasASCIILetter(t) {
			return ""
		}
	} else {
		var letters, latin int
		for _, r := range t {
			if unicode.IsLetter(r) {
				letters++
				if r < utf8.RuneSelf || unicode.Is(unicode.Latin, r) {
					latin++
				}
			}
		}
		if letters == 0 {
			return ""
		}
		if latin*2 < letters {
			return scriptName(t)
		}
	}
	var en, fo, function int
	var votes map[string]int
	for k, t := range d.toks {
		if t.punct {
			continue
		}
		lang, ok := "", false
		switch {
		case byID != nil:
			if t.id >= 0 {
				lang = byID[t.id]
				ok = lang != ""
			}
		case int(t.end-t.start) <= maxFunctionWord:
			lang, ok = languageWords[d.word(k)]
		}
		if ok && lang != "English" {
			function++
		}
		if !ok {
			// A word spelt with a letter only another language's
			// orthography has ("admitió", "reconnaît") votes too, but
			// only beside a function word of another language: names
			// such as José or Zürich do not make a text foreign.
			if d.f.ascii {
				continue // no letter of another orthography
			}
			if lang, ok = orthography(d.word(k)); !ok {
				continue
			}
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
	if fo < 2 || fo <= en || function == 0 {
		return ""
	}
	best, n := "another language", 0
	for _, lang := range []string{"Spanish", "French", "German", "Italian", "Portuguese", "Hindi", "Tagalog", "Dutch", "Indonesian", "Turkish", "Polish", "Swedish", "Danish", "Romanian", "Vietnamese"} {
		if votes[lang] > n {
			best, n = lang, votes[lang]
		}
	}
	return best
}

// hasASCIILetter reports whether s has an ASCII letter.
func hasASCIILetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// orthography returns the language whose spelling a word's letters show,
// when one of them belongs to only a few languages' alphabets: ñ and the
// acute vowels but é of Spanish, ç and the circumflex and grave vowels of
// French, ã and õ of Portuguese, the umlauts and ß of German, ì and ò of
// Italian, the ogonek and stroke letters of Polish, dotless ı, ş and ğ of
// Turkish, the comma-below letters of Romanian, å, ø and æ of the
// Scandinavian languages, and the horned and dotted-below vowels and đ of
// Vietnamese.
func orthography(w string) (string, bool) {
	for _, r := range w {
		if r < utf8.RuneSelf {
			continue
		}
		switch r {
		case 'ñ', 'á', 'í', 'ó', 'ú', '¿', '¡':
			return "Spanish", true
		case 'ç', 'è', 'ê', 'à', 'â', 'ô', 'û', 'ë', 'ï', 'œ':
			return "French", true
		case 'ã', 'õ':
			return "Portuguese", true
		case 'ä', 'ö', 'ü', 'ß':
			return "German", true
		case 'ì', 'ò':
			return "Italian", true
		case 'ł', 'ą', 'ę', 'ś', 'ż', 'ź', 'ć', 'ń':
			return "Polish", true
		case 'ı', 'ş', 'ğ':
			return "Turkish", true
		case 'ș', 'ț', 'ă':
			return "Romanian", true
		case 'å', 'ø', 'æ':
			return "Swedish", true
		case 'ư', 'ơ', 'đ', 'ạ', 'ả', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ', 'ẹ', 'ẻ', 'ẽ',
			'ế', 'ề', 'ể', 'ễ', 'ệ', 'ỉ', 'ị', 'ọ', 'ỏ', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ', 'ớ', 'ờ', 'ở', 'ỡ',
			'ợ', 'ụ', 'ủ', 'ứ', 'ừ', 'ử', 'ữ', 'ự', 'ỳ', 'ỵ', 'ỷ', 'ỹ':
			return "Vietnamese", true
		}
	}
	return "", false
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
