// A GNU license text (GPL, LGPL, AGPL) is the same for -only and -or-later:
// which one a file gives is said by its own notice ("Version 2 is the only
// version", "either version 3 of the License, or (at your option) any later
// version"). Without one, the text alone does not decide, and the answer says
// so (`GPL-2.0-only OR GPL-2.0-or-later`) instead of picking one.

const gnu = /^(A?GPL|LGPL)-(\d\.\d)-(?:only|or-later)$/u;
const onlyNotice = /\bonly\s+valid\s+version\b|\bversion\s+\d(?:\.\d)?\s+is\s+the\s+only\s+version\b|\bis\s+the\s+only\s+version\b|\b(?:version|v)\s*\d(?:\.\d)?\s*only\b|\bonly\s+(?:under\s+)?(?:version|v)\s*\d\b/iu;
const laterNotice = /\bor\s*\(?\s*at\s+your\s+option\s*\)?\s*any\s+later\s+version\b|\bor\s+any\s+later\s+version\b|\bversion\s+\d(?:\.\d)?\s+or\s+(?:any\s+)?later\b|\b(?:A?GPL|LGPL)\s*v?\d(?:\.\d)?\+/iu;

/** Whether an id is a GNU license id with a variant (`GPL-2.0-only`). */
export function isGnu(id: string): boolean {
  return gnu.test(id);
}

/** Whether a notice says -only or -or-later; undefined when it says neither. */
export function gnuNoticeVariant(notice: string): 'only' | 'or-later' | undefined {
  // only the paragraphs that say "only" or "later" can say either (a GNU text is long)
  const paragraphs = notice.split(/\n\s*\n/u).filter((paragraph) => /only|later|\+/iu.test(paragraph));
  if (paragraphs.some((paragraph) => onlyNotice.test(paragraph))) return 'only';
  if (paragraphs.some((paragraph) => laterNotice.test(paragraph))) return 'or-later';
  return undefined;
}

/** The id (or the undecided expression) for a GNU license `id` matched by its text, given the file's text around it. */
export function gnuVariant(id: string, notice: string): string {
  const match = gnu.exec(id);
  if (!match) return id;
  const base = `${match[1]}-${match[2]}`;
  const variant = gnuNoticeVariant(notice);
  return variant ? `${base}-${variant}` : `${base}-only OR ${base}-or-later`;
}
