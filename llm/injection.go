package llm

import (
	"strings"

	"github.com/factgrade/factgrade/engine"
)

// injectionPatterns are the shapes of an instruction addressed to the
// grader rather than written for a reader: a note to the grader, an order
// to ignore instructions or to give a grade, a role to play, a system or
// chat-template marker, a grade reply in JSON, in English and in the
// languages newsrooms most often meet. They are matched against the text
// as a reader sees it (engine.Normalize, lower case, white space folded),
// so invisible characters and look-alike letters do not hide them.
//
// Each pattern names a verb or address that news copy does not use in
// that form (an imperative "ignore … instructions", "grader:", "pass every
// criterion"); TestInjectionNotInCoverage checks every labelled case of
// real and written coverage against them.
var injectionPatterns = compileAll(
	// Orders to set aside what the grader was told.
	`\b(ignore|disregard|forget|override|bypass|skip)\b( (all|any|every|the|your|of|these|those|my))*( (previous|prior|above|earlier|preceding|original|system|existing|grading|standard))* (instructions?|prompts?|rules|rubric|guidelines|directions|criteria|constraints)\b`,
	// A note, memo or order addressed to the grader or the model.
	`\b(note|notes|message|instruction|instructions|memo|reminder|request|order|orders|directive)s? (to|for) (the )?(grader|grading (model|system|bot|tool)|evaluator|reviewer|model|ai|assistant|judge|llm|scorer|checker|bot|system|machine|factgrade)\b`,
	`(^|[.!?)\]\n] ?|\( ?|[—–] ?|-- ?)(grader|evaluator|assistant|ai|model|llm|chatgpt|gpt|claude|judge|bot|scorer|factgrade|system|developer|admin|administrator)s? ?:`,
	`(^|[.!?)\]\n] ?|\( ?|[—–] ?|-- ?)(grader|evaluator|assistant|llm|chatgpt|factgrade|scorer)s?,`,
	`\b(dear|hey|hi|attention|attn:?) (grader|evaluator|assistant|ai|model|llm|judge|bot|factgrade|system)\b`,
	// Orders to grade: "grade this A", "give it 100/100" (the letter in
	// upper case, so "give a warning" is not one; see letterOrder).
	`\b(grade|rate|score|mark|give|assign|award)\b( (this|it|the|my|our))?( (text|headline|summary|submission|article|story|piece|item|copy))?( (an?|as|with|at|the))*( (grade|letter|score|mark|rating))? ("|')?(100 ?(/ ?100|%|out of 100|points)|perfect (score|grade|mark|marks)|top marks|full marks|the highest (grade|score|mark))`,
	`\b(pass|approve|accept)\b (every|all|each|the) (criterion|criteria|check|checks|test|tests|rules|items|points)\b`,
	`\b(every|all|each) (criterion|criteria|checks?)\b (should|must|will|shall|is to|are to|has to|have to)?( be)? ?(pass|passes|passed|marked pass|graded pass)\b`,
	`\b(verdicts?|letter|grade|score) (should|must|shall|has to|is to) be\b`,
	`\bdeserves? (an? )?("|')?(100 ?(/ ?100|%)|perfect (score|grade|marks?)|full marks|top marks|to pass)`,
	`\bdo not (cite|flag|mark|penalize|penalise|fail|downgrade|lower|criticize|criticise|grade down|review)\b`,
	`\b(respond|reply|answer|output) (only )?(with|using) (the |a )?(json|verdicts?|pass|grade|letter)\b`,
	// Role play and a new system prompt.
	`\byou are (now )?(an? |the )?(grader|evaluator|assistant|model|ai|dan|helpful|lenient|generous|in developer mode|in debug mode|jailbroken|unrestricted|no longer)\b`,
	`\b(act|behave|respond) as (an? |the )?(grader|evaluator|assistant|model|ai|judge|lenient|generous|if you)\b`,
	`\bpretend (you are|you're|to be (an? |the )?(grader|evaluator|assistant|model|ai|judge))\b`,
	`\b(let'?s|let us|we will|you will|we'll) role ?-?play\b`,
	`\bfrom now on,? (you|grade|pass|ignore|treat|mark|answer|reply|respond)\b`,
	`\b(system|hidden|developer) prompt\b`,
	`\bnew (instructions|rubric|system message)\s*:`,
	`\b(developer|debug|god|admin|maintenance) mode\b`,
	`\bjailbreak`,
	`\bthe rubric (has changed|no longer applies|is (suspended|disabled|void|outdated)|says (to )?(pass|give))`,
	`\bgrading (is|has been) (disabled|suspended|turned off|off)\b`,
	// Chat-template and delimiter markers.
	`<\|(im_start|im_end|system|user|assistant|endoftext)\|>`,
	`\[/?inst\]|<</?sys>>`,
	`</?(system|submission|assistant|user|instructions?|prompt)>`,
	`(^|\n)\s*#+ ?(system|instructions?|criteria|how to answer|grading)\b`,
	`(^|\n)\s*(system|assistant|user|developer)\s*:`,
	"```json",
	`\b(grade|judge|score|evaluate|rate) (the|this) (json|text|headline|summary|following|version) (above|below|instead)\b`,
	`\binstead of this (text|headline|summary|submission)\b`,
	// A grade reply in JSON.
	`"(verdict|criterion|criteria|submission_quote|citations|rewrite)"\s*:`,
	// French, Spanish, Portuguese, Italian, German, Dutch.
	`\b(ignorez|ignore|oubliez|oublie)( toutes?)? (les|des) (instructions|consignes|règles)\b`,
	`\b(donnez|donne|attribuez|mettez|notez)\b.{0,40}\b(la note|note|une note)\b`,
	`\b(évaluateur|correcteur|notateur)\b`,
	`\b(ignora|ignore|ignoren|olvida|olvide|olviden)( todas)? (las|los) (instrucciones|reglas|indicaciones)\b`,
	`\b(califica|califique|calificar|puntúa|puntúe|evalúa|evalúe)\b.{0,40}\b(con|como) (una? )?(a|10|100|sobresaliente)\b`,
	`\b(nota|mensaje) (para|al) (el )?(evaluador|corrector|calificador|modelo|sistema)\b`,
	`\b(ignore|ignora)( todas)? as (instruções|instrucoes|regras)\b`,
	`\b(avalie|avalia|dê) .{0,30}\bnota\b`,
	`\bavaliador\b`,
	`\bignora( tutte)? le (istruzioni|regole)\b`,
	`\bvalutatore\b`,
	`\b(ignoriere|ignorieren sie|vergiss|vergessen sie)\b.{0,30}\b(anweisungen|regeln|vorgaben)\b`,
	`\b(bewerte|bewerten sie|benote)\b.{0,40}\b(note|mit)\b`,
	`\b(prüfer|bewerter|korrektor)\b`,
	`\b(negeer|vergeet)\b.{0,30}\b(instructies|regels)\b`,
	// Russian, Ukrainian, Chinese, Japanese, Korean, Arabic, Turkish.
	`(игнорируй|проигнорируй|игнорируйте|забудь|забудьте|ігноруй)`,
	`(инструкци|оцени |поставь |поставьте |оценку)`,
	`(忽略|无视|無視|忽視|指令|指示|打分|评分|評分|给这|給這|所有标准|所有標準|评为|評為|打a|打 a)`,
	`(評価して|採点|すべての基準)`,
	`(무시|지시|지침|채점|평가해)`,
	`(تجاهل|التعليمات|قيّم|قيم هذا)`,
	`(talimatları|yok say|görmezden gel)`,
)

func compileAll(exprs ...string) []filteredRegexp {
	res := make([]filteredRegexp, len(exprs))
	for i, e := range exprs {
		res[i] = compileFiltered(e)
	}
	return res
}

// letterOrder is an order to give a letter, matched with case kept: the
// letter in upper case and closing its clause ("grade this A.", "give it
// an A+ and"), so an article ("give a warning") or a title-cased headline
// ("Give A Warning") is not one.
var letterOrder = compileFiltered(`(?i:\b(?:grade|rate|score|mark|give|assign|award|deserves?)\b(?: (?:this|it|the|my|our))?(?: (?:text|headline|summary|submission|article|story|piece|item|copy))?(?: (?:an?|as|with|at|the))*(?: (?:grade|letter|score|mark|rating))?) ?["'“”‘’]?(?:A\+?|A-)["'“”‘’]?(?:[.,!;:)]|$| (?i:grade|rating|letter|and|on|for|to|please|instead|with|because|now|whatever|regardless))`)

// maxInjectionQuote bounds the words of an injection shown to an editor.
const maxInjectionQuote = 80

// DetectInjection reports whether text carries instructions addressed to
// the grader, and returns the words that gave them away, as the reader
// sees them (at most maxInjectionQuote characters).
func DetectInjection(text string) (string, bool) {
	n := engine.Normalize(text)
	cased := strings.Join(strings.Fields(n.Text), " ")
	folded := strings.ToLower(cased)
	// Line starts matter to some markers: keep newlines in a second form.
	lines := strings.ToLower(n.Text)
	if loc := letterOrder.findStringIndex(cased, folded); loc != nil {
		return truncate(strings.TrimSpace(cased[loc[0]:loc[1]]), maxInjectionQuote), true
	}
	forms := []string{folded, lines}
	if lines == folded { // one line, single spaces: nothing to match twice
		forms = forms[:1]
	}
	for _, re := range injectionPatterns {
		for _, s := range forms {
			if loc := re.findStringIndex(s, s); loc != nil {
				return truncate(strings.TrimSpace(s[loc[0]:loc[1]]), maxInjectionQuote), true
			}
		}
	}
	return "", false
}
