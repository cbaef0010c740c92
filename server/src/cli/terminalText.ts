// Text from the audited files (a license value, a file name, the added terms
// of a LICENSE) printed to a terminal or a CI log: control characters would
// move the cursor, recolour or clear the screen, print hyperlinks to anywhere
// (OSC 8), or — after a line break — start a line that GitHub Actions reads
// as a workflow command (`::error …`, `::add-mask::`). Bidirectional
// overrides would make the text read as something else. Each such character
// is shown as an escape (`\u001b`), so the line stays one line and reads as
// what the file holds. JSON and SARIF output need none of this: JSON escapes
// control characters itself, and those formats are read by programs.

const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** `text` as one terminal-safe line: every control, line-separator and bidi character escaped. */
export function terminalSafe(text: string): string {
  return text.replace(unsafe, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
