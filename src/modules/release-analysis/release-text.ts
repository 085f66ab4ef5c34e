/**
 * A release as pasted from a ministry's web page holds more than the release: navigation labels
 * ("Berechne Lesezeit", "Teilen"), the source line and the teasers of other releases after it,
 * words broken across lines. The analysis reads only the release itself, and every mention it
 * finds must still point into the text as given, so the reading keeps a map back to it.
 */

/** The release as read, with the way back to the text as given. */
export interface ReleaseText {
  /**
   * The release itself: page chrome left out, everything from the source line ("Quelle:") or
   * "Weitere Meldungen" on cut off, words broken across lines joined ("Bundes-" / "agentur"),
   * runs of spaces as one, lines kept as "\n" and paragraphs separated by "\n\n".
   */
  text: string;
  /** The lines of `text`, as [start, end) pairs: the title is looked for among them. */
  lines: { start: number; end: number }[];
  /** What the source line names ("Quelle: Ministerium für …"), as an offset range into the text as given. */
  source: { text: string; start: number; end: number } | null;
  /** The span [start, end) of `text` as offsets into the text as given (UTF-16, end exclusive). */
  toGiven(start: number, end: number): { start: number; end: number };
}

/** Lines that belong to the page, not to the release (after list bullets are taken off). */
const CHROME =
  /^(?:Berechne Lesezeit|Lesezeit:?.*|\d+ Min(?:\.|uten)? Lesezeit|Teilen|Artikel teilen|Seite teilen|Drucken|Seite drucken|Link kopieren|Zurück|Nach oben|Zur Übersicht|Vorlesen|Merken|Schließen|Facebook|X|Twitter|LinkedIn|WhatsApp|E-Mail)$/i;

/** A line from which on nothing belongs to the release: the source line, the teasers of other releases. */
const END =
  /^(?:Quelle:|Quelle$|Weitere Meldungen|Weitere Pressemitteilungen|Mehr zum Thema|Das könnte Sie auch interessieren|Verwandte Meldungen)/i;

const BULLET = /^[•·▪◦*–-]\s+/;

interface Line {
  text: string;
  /** Offset of the line's first character in the text as given. */
  at: number;
}

function linesOf(given: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let match = pattern.exec(given); match && match[0] !== ''; match = pattern.exec(given)) {
    lines.push({ text: match[0].replace(/[\r\n]+$/, ''), at: match.index });
  }
  return lines;
}

/** Builds the release text one piece at a time, remembering for each character where it came from. */
class Writer {
  text = '';
  readonly from: number[] = [];

  put(piece: string, at: number): void {
    this.text += piece;
    for (let i = 0; i < piece.length; i++) this.from.push(at);
  }

  /** A line's characters, each mapped to its own place; white space runs as one space, soft hyphens dropped. */
  putLine(line: string, at: number, from: number, to: number): void {
    let space = false;
    for (let i = from; i < to; i++) {
      const char = line[i];
      if (char === '\u00AD') continue;
      if (/\s/.test(char)) {
        space = true;
        continue;
      }
      if (space) this.put(' ', at + i - 1);
      space = false;
      this.put(char, at + i);
    }
  }
}

/** Reads a release as pasted; see ReleaseText. */
export function readRelease(given: string): ReleaseText {
  const all = linesOf(given);
  const endIndex = all.findIndex((line) => END.test(line.text.trim()));
  const kept = endIndex < 0 ? all : all.slice(0, endIndex);
  const source = endIndex < 0 ? null : sourceOf(all, endIndex);

  const out = new Writer();
  const lines: { start: number; end: number }[] = [];
  let blank = true; // before the first line, and after an empty or chrome line
  for (const line of kept) {
    const trimmed = line.text.trim();
    const content = trimmed.replace(BULLET, '');
    if (content === '' || CHROME.test(content)) {
      blank = true;
      continue;
    }
    const leading = line.text.length - line.text.trimStart().length;
    const from = leading + (trimmed.length - content.length);
    const to = line.text.trimEnd().length;
    if (out.text.length > 0) {
      const previous = out.text[out.text.length - 1];
      if (blank) {
        out.put('\n\n', line.at);
      } else if (previous === '-' && /^\p{Ll}/u.test(content) && /\p{L}-$/u.test(out.text.slice(-2))) {
        // "Bundes-" / "agentur": a word broken at the line's end; the hyphen was the break's, not the word's.
        out.text = out.text.slice(0, -1);
        out.from.pop();
      } else if (previous !== '-') {
        out.put('\n', line.at - 1);
      }
      // "Baden-" / "Württemberg": a hyphenated word broken after its hyphen; it stays.
    }
    const start = out.text.length;
    out.putLine(line.text, line.at, from, to);
    if (lines.length && !blank && start === lines[lines.length - 1].end) lines[lines.length - 1].end = out.text.length;
    else lines.push({ start, end: out.text.length });
    blank = false;
  }

  const from = out.from;
  return {
    text: out.text,
    lines,
    source,
    toGiven(start, end) {
      if (end <= start) return { start: from[start] ?? given.length, end: from[start] ?? given.length };
      return { start: from[start], end: from[end - 1] + 1 };
    },
  };
}

/** The organisation a source line names: on the line itself ("Quelle: IHK") or on the next line that is not empty. */
function sourceOf(all: Line[], index: number): ReleaseText['source'] {
  const line = all[index];
  const match = /^(\s*Quelle:?\s*)(.*?)\s*$/i.exec(line.text);
  if (!match) return null;
  if (match[2]) return { text: match[2], start: line.at + match[1].length, end: line.at + match[1].length + match[2].length };
  const next = all.slice(index + 1).find((candidate) => candidate.text.trim() !== '');
  if (!next) return null;
  const leading = next.text.length - next.text.trimStart().length;
  const text = next.text.trim();
  return { text, start: next.at + leading, end: next.at + leading + text.length };
}

/** A line that dates the release rather than heads it: "PM 25.09.2012", "Stuttgart, 25. September 2012". */
export function isDateline(line: string): boolean {
  if (/^(?:PM|Pressemitteilung|Pressemeldung|Presseinformation|Stand|Datum)\b/i.test(line)) return true;
  const dated = /\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.\s\p{Lu}\p{Ll}+\s\d{4}/u.test(line);
  return dated && line.split(' ').length <= 6;
}

/**
 * The headline: the first line of three words or more that is not a dateline ("Fachkräfte" above
 * it is the page's rubric). Where body text comes first (a long line, or one that ends a
 * sentence), the release has no headline of its own.
 */
export function titleOf(release: ReleaseText): { start: number; end: number } | null {
  for (const line of release.lines) {
    const text = release.text.slice(line.start, line.end);
    if (text.split(' ').length < 3 || isDateline(text)) continue;
    return text.length > 300 || /[.:;,]$/.test(text) ? null : line;
  }
  return null;
}
