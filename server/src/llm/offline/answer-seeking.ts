// Requests for the answer itself, and prompt-injection attempts, in a student's question.
// The offline tutor has no solution to give, but it says so and turns to a hint, so a
// student is never left with a refusal alone.

const PATTERNS: RegExp[] = [
  /\b(?:ignore|disregard|forget)\b[^.?!\n]{0,40}\b(?:instructions?|rules?|prompts?|guidelines?|above|previous)\b/i,
  /\b(?:system prompt|developer mode|jailbreak|you are now|act as (?:the )?(?:teacher|instructor|grader))\b/i,
  // "give me the answer", "print the full solution" — but not "how do I write my answer in h?"
  /\b(?:print|show|give|tell|reveal|paste|send|output|display)\b(?:\s+(?:me|us|it|him|her|them|all))?\s+(?:the\s+|your\s+)?(?:(?:full|whole|complete|reference|correct|right|final|hidden|official|exact)\s+)*(?:solutions?|answers?|answer key)\b/i,
  /\b(?:what(?:'s| is) the (?:right |correct |final )?(?:answer|solution|value))\b/i,
  /\bjust (?:give|tell)\b/i,
  /\bsolve (?:it|this|the exercise) for me\b/i,
];

/** True when the text asks for the answer or tries to change the tutor's rules. */
export function asksForAnswer(text: string): boolean {
  return PATTERNS.some((p) => p.test(text));
}

const CONFIRM = /\b(?:is|are) (?:it|this|that|my (?:answer|value|result)|[-\d.]+(?:\s*[a-zA-Z/·*]+)?)\b[^?\n]{0,40}\b(?:right|correct|ok|okay)\b|\bam i (?:right|correct)\b|\bcan you (?:check|confirm|verify)\b/i;

/** True when the text asks the tutor to confirm a value ("Is 8 h the right half-life?"). */
export function asksToConfirm(text: string): boolean {
  return CONFIRM.test(text);
}
