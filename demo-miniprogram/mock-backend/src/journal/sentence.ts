/**
 * `text` ending in one full stop: a message quoted at the end of a sentence (a refusal's, which
 * may bring its own) does not end it with two.
 */
export function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
