/**
 * Small rules of written German that every finder of the analysis shares: how words are compared,
 * where a sentence begins and ends, which capitalised words are not names.
 */

/** A word of the text with its place: letters and digits, inner hyphens kept ("Heilbronn-Franken"), a trailing one too ("Finanz-"). */
export interface Word {
  text: string;
  /** The word as compared: see fold. */
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-?/gu;

/**
 * A word or name as compared: lower case, umlauts and ß written out (so "Blättner" and
 * "Blaettner" are one name, as Germans write them either way), other accents dropped.
 */
export function fold(text: string): string {
  const written = text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  // Most words are plain ASCII by now; only the others need decomposing (a measured third of the analysis' time).
  return /[^ -~]/.test(written) ? written.normalize('NFD').replace(/\p{M}/gu, '') : written;
}

/** The words of text[from, to). */
export function words(text: string, from = 0, to = text.length): Word[] {
  const found: Word[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    const end = Math.min(match.index + match[0].length, to);
    const word = text.slice(match.index, end);
    found.push({ text: word, key: fold(word), start: match.index, end });
  }
  return found;
}

/**
 * Whether two neighbouring words belong to one name: only spaces, a line break or a comma between
 * them ("Ministerium für Wirtschaft, Arbeit und Tourismus"), or the period of an abbreviation
 * ("e. V."); never a paragraph break or the end of a sentence.
 */
export function joinable(text: string, left: Word, right: Word): boolean {
  const gap = text.slice(left.end, right.start);
  if (gap.includes('\n\n')) return false;
  if (/^[ \n]*,?[ \n]*$/.test(gap)) return gap.length > 0 || left.text.endsWith('-');
  return /^\.[ \n]?$/.test(gap) && left.text.length === 1;
}

/** Abbreviations whose period ends no sentence ("Dr. Andreas Schumm", "e. V. betonte"). */
const ABBREVIATIONS = new Set([
  'dr',
  'prof',
  'dipl',
  'ing',
  'st',
  'nr',
  'bzw',
  'ca',
  'usw',
  'vgl',
  'abs',
  'mio',
  'mrd',
  'hr',
  'fr',
  'inkl',
  'ggf',
  'rer',
  'nat',
  'med',
  'phil',
]);

/** Whether the period at `dot` ends a sentence: not after an abbreviation, an initial or an ordinal ("10. Februar"). */
function endsSentence(text: string, dot: number): boolean {
  const mark = text[dot];
  if (mark === '!' || mark === '?') return true;
  const before = /([\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(0, dot - 20), dot));
  if (!before) return true;
  const word = before[1];
  if (/^\d+$/.test(word) || word.length === 1) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

const CLOSING = /[“”"«»]/;

/**
 * How far a sentence is looked for from a place: longer runs without a sentence's end are not
 * prose, and an unbounded look would make a pasted text without periods cost its length squared.
 */
const SENTENCE_MAX = 2_000;

/** Where the sentence around `position` begins: after the last sentence end or paragraph break before it. */
export function sentenceStart(text: string, position: number): number {
  for (let i = position - 1, stop = Math.max(0, position - SENTENCE_MAX); i > stop; i--) {
    if (text[i] === '\n' && text[i - 1] === '\n') return i + 1;
    if (!/[ \n]/.test(text[i]) || i + 1 >= text.length || !/[\p{Lu}\p{N}„"»«“]/u.test(text[i + 1])) continue;
    // A sentence ends with its mark, perhaps followed by the quotation mark it closes, before a capital, a digit or a quotation mark.
    const mark = CLOSING.test(text[i - 1]) && i > 1 ? i - 2 : i - 1;
    if (/[.!?]/.test(text[mark]) && endsSentence(text, mark)) return i + 1;
  }
  return Math.max(0, position - SENTENCE_MAX);
}

/** Where the sentence around `position` ends (exclusive): after its final mark (and a quotation mark it closes), or at the paragraph's end. */
export function sentenceEnd(text: string, position: number): number {
  for (let i = position, stop = Math.min(text.length, position + SENTENCE_MAX); i < stop; i++) {
    if (text[i] === '\n' && text[i + 1] === '\n') return i;
    if (!/[.!?]/.test(text[i]) || !endsSentence(text, i)) continue;
    const end = CLOSING.test(text[i + 1] ?? '') ? i + 2 : i + 1;
    const after = text.slice(end, end + 3);
    if (after === '' || after.startsWith('\n\n') || /^[ \n]+[\p{Lu}\p{N}„"»«“]/u.test(after)) return end;
  }
  return Math.min(text.length, position + SENTENCE_MAX);
}

/** The sentences of a text, as [start, end) pairs. */
export function sentences(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    while (start < text.length && /[ \n]/.test(text[start])) start++;
    if (start >= text.length) break;
    const end = Math.max(sentenceEnd(text, start), start + 1);
    found.push({ start, end });
    start = end;
  }
  return found;
}

/**
 * Capitalised words that begin sentences or stand before names but are never names themselves
 * ("Und Guido Rebstock …", "Laut Rust …").
 */
export const NOT_NAMES = new Set(
  (
    'Und Oder Aber Auch Die Der Das Des Dem Den Ein Eine Einer Eines Einem Einen Mit Im In Am An Auf Aus Bei Beim Durch Für Nach ' +
    'Seit Von Vom Vor Zu Zum Zur Zudem Deshalb Daher Dabei Darüber Dazu Denn Doch So Laut Wie Wir Ich Sie Er Es Ihr Unser Unsere ' +
    'Diese Dieser Dieses Jetzt Heute Damit Dann Als Wenn Weil Dass Ob Ziel Alle Jeder Mehr Gemeinsam Zusammen Neben Sowie Bereits ' +
    'Januar Februar März April Mai Juni Juli August September Oktober November Dezember ' +
    'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Baden-Württemberg Stuttgart Land Region'
  ).split(' '),
);

/** Verbs that introduce or follow what someone said, past and present ("sagte", "erläutert", "so"). */
export const SPEECH_VERB =
  '(?:sagte|sagt|erklärte|erklärt|betonte|betont|erläuterte|erläutert|unterstrich|unterstreicht|ergänzte|ergänzt|meinte|meint|' +
  'so|führte|führt|fügte|fügt|hob|hebt|bekräftigte|bekräftigt|kommentierte|kommentiert|zeigte|zeigt|freute|freut|resümierte|' +
  'bilanzierte|versicherte|versichert|stellte|stellt|mahnte|mahnt|warnte|warnt|forderte|fordert|appellierte|kündigte|kündigt|' +
  'bestätigte|bestätigt|berichtete|berichtet|fasste|fasst|lobte|lobt|dankte|dankt|begrüßte|begrüßt|sprach|spricht|verwies|verweist)';
