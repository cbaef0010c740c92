// Text from the workspace (a license value, a file name, a message quoting
// them) shown inside Markdown the editor renders (hover): it must read as
// itself. Left raw, `![x](https://…)` would make the editor fetch an image
// (a request License Claims never makes itself), `<img>` or a link would
// render. Everything Markdown would interpret is escaped, except code spans,
// which stay code spans: they are found the way CommonMark finds them (a
// backtick run closes only on a run of the same length), so a crafted run
// cannot leave a span's content unescaped outside a real span.

const special = /[\\`*_[\]<>|#!~&(){}+.=:-]/gu;
const escape = (text: string) => text.replace(special, '\\$&');

/** `text` as one line of Markdown that renders literally, its `code spans` kept. */
export function literalMarkdown(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/gu, ' ');
  let out = '';
  let at = 0;
  while (at < flat.length) {
    const tick = flat.indexOf('`', at);
    if (tick < 0) {
      out += escape(flat.slice(at));
      break;
    }
    out += escape(flat.slice(at, tick));
    const run = /^`+/u.exec(flat.slice(tick))![0];
    const runs = /`+/gu;
    runs.lastIndex = tick + run.length;
    let close = -1;
    for (let match = runs.exec(flat); match; match = runs.exec(flat)) {
      if (match[0].length === run.length) {
        close = match.index;
        break;
      }
    }
    if (close < 0) {
      out += escape(run);
      at = tick + run.length;
    } else {
      out += flat.slice(tick, close + run.length);
      at = close + run.length;
    }
  }
  return out;
}
