import { sentenceEnd, sentenceStart, SPEECH_VERB } from './german';

/** Quoted words: [start, end) is inside the marks; open and close are the marks' places. */
export interface QuotedSpan {
  open: number;
  start: number;
  end: number;
}

/** A quote and who said it: the index of the speaker among the people found. */
export interface QuoteFinding extends QuotedSpan {
  speaker: number;
}

/** The closing mark of each opening one: German „…“ (also closed by ”), »…«, Swiss «…», English “…”, typewriter "…". */
const CLOSERS: Record<string, string> = { '„': '“”', '»': '«', '«': '»', '“': '”', '"': '"' };

/**
 * The quoted spans of a text, each within one paragraph. Marks inside a quote (a quote within a
 * quote, a name in other marks) are part of it; a mark that is never closed in its paragraph
 * quotes nothing.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const closers = CLOSERS[text[i]];
    if (!closers) {
      i++;
      continue;
    }
    const paragraphEnd = text.indexOf('\n\n', i);
    const limit = paragraphEnd < 0 ? text.length : paragraphEnd;
    let close = -1;
    for (let j = i + 1; j < limit; j++) {
      if (closers.includes(text[j])) {
        close = j;
        break;
      }
    }
    if (close < 0) {
      i++;
      continue;
    }
    spans.push({ open: i, start: i + 1, end: close });
    i = close + 1;
  }
  return spans;
}

const AFTER = new RegExp(`^[,.]? ?${SPEECH_VERB}(?![\\p{L}])`, 'u');

/**
 * Who said each quote. Named after it ("…“, sagte Staatssekretär Rust."): the first person named
 * in the rest of that sentence. Named before it ("Ulrich Bopp, Präsident der Handwerkskammer: „…“",
 * "… erläuterte: „…“"): the last person named in the sentence up to the colon. Neither: the
 * speaker of the quote just before in the paragraph, or of the one that ended the paragraph
 * before, when nobody else was named between (a quote in several parts). A quote with no speaker
 * is none: short quoted names ("Umweltfinanzierung") stay out.
 */
export function attributeQuotes(text: string, spans: QuotedSpan[], people: { start: number; end: number }[]): QuoteFinding[] {
  // Spans and people come in the order of the text: neighbours are found by index and by halving, not by search.
  const found: QuoteFinding[] = [];
  spans.forEach((span, index) => {
    const close = span.end + 1;
    let speaker = -1;
    if (AFTER.test(text.slice(close, close + 30))) {
      const next = spans[index + 1];
      const limit = Math.min(sentenceEnd(text, close), next ? next.open : text.length);
      const first = firstFrom(people, close);
      if (first < people.length && people[first].start < limit) speaker = first;
    }
    if (speaker < 0 && /: ?$/.test(text.slice(Math.max(0, span.open - 2), span.open))) {
      const previous = spans[index - 1];
      const from = Math.max(sentenceStart(text, span.open), previous ? previous.end + 1 : 0);
      const last = firstFrom(people, span.open) - 1;
      if (last >= 0 && people[last].start >= from && people[last].end <= span.open) speaker = last;
    }
    if (speaker < 0) {
      const previous = found[found.length - 1];
      if (previous && continues(text, previous, span, people)) speaker = previous.speaker;
    }
    if (speaker >= 0) found.push({ ...span, speaker });
  });
  return found;
}

/** The index of the first of `items` (in the order of the text) that starts at `position` or later. */
function firstFrom(items: { start: number }[], position: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle].start < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

const INSERTED = new RegExp(`^,? ?${SPEECH_VERB}(?![\\p{L}])[^.!?]*, ?$`, 'u');

/**
 * Whether a quote goes on from the previous one: it opens a sentence, or follows the words that
 * named the speaker in the same sentence ("…“, sagte sie, „…“), in the previous quote's paragraph
 * or the next, with nobody else named between. A quoted name inside a sentence ("Projekt Zukunft") does not.
 */
function continues(text: string, previous: QuoteFinding, span: QuotedSpan, people: { start: number; end: number }[]): boolean {
  const between = text.slice(previous.end + 1, span.open);
  if (sentenceStart(text, span.open + 1) !== span.open && !INSERTED.test(between)) return false;
  if ((between.match(/\n\n/g) ?? []).length > 1) return false;
  if (between.includes('\n\n') && !/^[ ,.]*(?:\S+ ){0,6}\S*[.]?\n\n$/u.test(between)) return false;
  for (let i = firstFrom(people, previous.end); i < people.length && people[i].start < span.open; i++)
    if (i !== previous.speaker) return false;
  return true;
}
