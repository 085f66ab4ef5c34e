import { distance } from 'fastest-levenshtein';
import { joinable, Word, words } from './german';

/** A name to look for, as words, with what it stands for. */
export interface NameEntry<T> {
  /** The name's words as compared (see fold). */
  keys: string[];
  value: T;
  /** Lower wins where names of different records stand at the same place (a name valid on the release's day: 0). */
  rank: number;
}

/** Where a name stands in the text: words first..last, offsets [start, end). */
export interface NameMatch<T> {
  entry: NameEntry<T>;
  first: number;
  last: number;
  start: number;
  end: number;
  /** Every word as written or inflected; false where a similar spelling was accepted. */
  exact: boolean;
}

/** How close a misspelt name must come, in its one misspelt word: one wrong letter in "Bundesagentur für Arbeit" passes. */
export const FUZZY_SIMILARITY = 0.9;

/** Words too common to anchor a misspelt name on. */
const WEAK = new Set(['fuer', 'und', 'der', 'die', 'das', 'des', 'dem', 'den', 'von', 'im', 'in', 'am', 'e', 'v', 'gmbh', 'ag', 'mbh']);

/** A name's words as compared; a legal form's periods and spaces do not count ("e. V." = "e.V"). */
export function nameKeys(name: string): string[] {
  return words(name).map((word) => word.key);
}

/**
 * Whether a word of the text is the name's word, or the name's word inflected as German nouns
 * are in the genitive: "Arbeitgeberverbandes" for "Arbeitgeberverband", "Fachkräftebündnisses"
 * for "Fachkräftebündnis", "Ministeriums" for "Ministerium".
 */
export function sameWord(text: string, name: string): boolean {
  if (text === name) return true;
  if (name.length < 3 || name.endsWith('-')) return false;
  const ending = text.slice(name.length);
  if (!text.startsWith(name)) return false;
  return ending === 's' || ending === 'es' || (name.endsWith('nis') && ending === 'ses');
}

/** Similarity of two strings, 1 for equal, from their Levenshtein distance. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/**
 * Finds names in a text: each as written, inflected (sameWord), or, for names of two words or
 * more, misspelt in one word (FUZZY_SIMILARITY) as long as one of its distinctive words is
 * written right. Names are indexed by their words, so a text is compared only with the names
 * that share a word with it, whatever the size of the registry.
 */
export class NameIndex<T> {
  private readonly byWord = new Map<string, { entry: NameEntry<T>; position: number }[]>();

  constructor(entries: Iterable<NameEntry<T>>) {
    for (const entry of entries) {
      if (entry.keys.length === 0) continue;
      entry.keys.forEach((key, position) => {
        // Common words ("für", "und") would tie every name to every place they stand; any other word of the name finds it.
        if (WEAK.has(key) && entry.keys.some((other) => !WEAK.has(other))) return;
        const list = this.byWord.get(key) ?? [];
        list.push({ entry, position });
        this.byWord.set(key, list);
      });
    }
  }

  /** Every place where a name stands; overlapping ones included (see pickLongest). */
  find(text: string, found: Word[]): NameMatch<T>[] {
    const matches: NameMatch<T>[] = [];
    const seen = new Set<string>();
    found.forEach((word, index) => {
      for (const key of stems(word.key)) {
        for (const { entry, position } of this.byWord.get(key) ?? []) {
          const match = this.at(text, found, entry, index - position);
          if (!match) continue;
          const signature = `${match.first}-${match.last}-${entry.keys.join(' ')}-${String(entry.rank)}`;
          if (seen.has(signature)) continue;
          seen.add(signature);
          matches.push(match);
        }
      }
    });
    return matches;
  }

  private at(text: string, found: Word[], entry: NameEntry<T>, first: number): NameMatch<T> | null {
    const last = first + entry.keys.length - 1;
    if (first < 0 || last >= found.length) return null;
    // Words first, the cheap test: a place that differs in more than one word is no place of this name.
    let wrong = 0;
    let anchored = false;
    for (let i = 0; i < entry.keys.length; i++) {
      if (sameWord(found[first + i].key, entry.keys[i])) {
        if (!WEAK.has(entry.keys[i])) anchored = true;
      } else if (++wrong > 1) {
        return null;
      }
    }
    for (let i = first; i < last; i++) if (!joinable(text, found[i], found[i + 1])) return null;
    const exact = wrong === 0;
    if (!exact) {
      if (entry.keys.length < 2 || !anchored) return null;
      const written = found
        .slice(first, last + 1)
        .map((word) => word.key)
        .join(' ');
      if (similarity(written, entry.keys.join(' ')) < FUZZY_SIMILARITY) return null;
    }
    return { entry, first, last, start: found[first].start, end: found[last].end, exact };
  }
}

/** The forms a word of the text may have in a name: itself, and itself without a genitive ending. */
function stems(key: string): string[] {
  const forms = [key];
  if (key.endsWith('ses') && key.length > 6) forms.push(key.slice(0, -2));
  if (key.endsWith('es') && key.length > 5) forms.push(key.slice(0, -2));
  if (key.endsWith('s') && key.length > 4) forms.push(key.slice(0, -1));
  return forms;
}

/**
 * Of overlapping places, the longest wins (a full name beats a short name inside it); then one
 * read exactly beats a misspelt one; then the lower rank.
 */
export function pickLongest<M extends { start: number; end: number; exact?: boolean; rank?: number }>(
  candidates: M[],
  taken: { start: number; end: number }[] = [],
): M[] {
  const order = [...candidates].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      Number(b.exact ?? true) - Number(a.exact ?? true) ||
      (a.rank ?? 0) - (b.rank ?? 0) ||
      a.start - b.start,
  );
  // The characters taken so far: a candidate is tested in its own length, not against every other.
  const occupied = new Occupied([...candidates, ...taken]);
  for (const span of taken) occupied.take(span);
  const chosen: M[] = [];
  for (const candidate of order) {
    if (occupied.overlaps(candidate)) continue;
    chosen.push(candidate);
    occupied.take(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Which characters of a text are taken by chosen findings. */
export class Occupied {
  private readonly taken: Uint8Array;

  constructor(spans: { end: number }[]) {
    this.taken = new Uint8Array(spans.reduce((end, span) => Math.max(end, span.end), 0));
  }

  overlaps({ start, end }: { start: number; end: number }): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return true;
    return false;
  }

  take({ start, end }: { start: number; end: number }): void {
    this.taken.fill(1, start, end);
  }
}
