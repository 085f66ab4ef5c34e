import { fold } from './german';

/**
 * A German ministry is named two ways: "Ministerium für Finanzen und Wirtschaft" and, in running
 * text, "Finanz- und Wirtschaftsministerium". Both name the same portfolio, so a ministry is
 * recognised by its topics, whichever way it is written.
 */

/** A ministry named in a text: where, its topics, and the name it would be created under. */
export interface MinistryPhrase {
  start: number;
  end: number;
  /** The topics as compared, sorted: "finanz|wirtschaft". */
  topics: string;
  name: string;
}

const CAPITALISED = '\\p{Lu}[\\p{L}-]*';
// Lists of topics are bounded ({0,8}): a portfolio has a few, and an unbounded list would let a text
// of many capitalised words and hyphens cost its length squared.
const LONG_FORM = new RegExp(
  `(?<![\\p{L}])((?:Bundes|Landes)?)[Mm]inisterium(?:s)? für (${CAPITALISED}(?:(?:,| und| sowie) ${CAPITALISED}){0,8})(?: (Baden-Württemberg))?`,
  'gu',
);
const COMPOUND = /(?<![\p{L}-])((?:\p{Lu}\p{L}*-(?:,| und| sowie)? ){0,8})(\p{Lu}\p{L}*?)ministerium(?:s)?(?![\p{L}])/gu;

/** Topic words whose two forms differ by more than a linking s. */
const TOPIC_FORMS: Record<string, string> = { finanzen: 'finanz', soziales: 'sozial', inneres: 'innen', laendlichen: 'laendlich' };
/** Endings after which a final s is the linking s of a compound ("Wirtschafts-", "Arbeits-"). */
const LINKING_S = /(?:schaft|arbeit|ung|heit|keit|taet|ion|verkehr|recht)s$/;

/** One topic word as compared: "Finanzen" and "Finanz-" are "finanz", "Wirtschafts" and "Wirtschaft" are "wirtschaft". */
export function topicOf(word: string): string {
  let key = fold(word).replace(/-$/, '');
  key = TOPIC_FORMS[key] ?? key;
  if (LINKING_S.test(key)) key = key.slice(0, -1);
  return key;
}

const topicsOf = (level: string, parts: string[]) =>
  [...new Set(parts.map(topicOf).filter((topic) => topic && topic !== 'und' && topic !== 'sowie'))]
    .sort()
    .map((topic) => (level ? `${fold(level)}:${topic}` : topic))
    .join('|');

/** Every ministry named in a text, in either form. */
export function findMinistries(text: string): MinistryPhrase[] {
  const found: MinistryPhrase[] = [];
  for (const match of text.matchAll(LONG_FORM)) {
    const [whole, level, list] = match;
    const parts = list.split(/,? (?:und|sowie) |, /);
    const name = whole.replace(/^(\p{L}*)ministeriums/u, '$1ministerium').replace(/^(\p{L}*)Ministeriums/u, '$1Ministerium');
    found.push({ start: match.index, end: match.index + whole.length, topics: topicsOf(level, parts), name });
  }
  for (const match of text.matchAll(COMPOUND)) {
    const [whole, list, last] = match;
    if (found.some((phrase) => phrase.start <= match.index && match.index < phrase.end)) continue;
    const parts = [...list.split(/[ ,]+/).filter((part) => part.endsWith('-')), last];
    const level = /^(Bundes|Landes)/.exec(parts[0])?.[1] ?? '';
    if (level && parts.length === 1 && parts[0] === level) parts[0] = '';
    const name = whole.replace(/ministeriums$/, 'ministerium');
    found.push({ start: match.index, end: match.index + whole.length, topics: topicsOf(level, parts.filter(Boolean)), name });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The topics of a ministry's registered name, or null when the name is not a ministry's. */
export function ministryTopics(name: string): string | null {
  const [phrase] = findMinistries(name);
  return phrase && phrase.start === 0 && phrase.end >= name.replace(/\s+Baden-Württemberg$/, '').length ? phrase.topics : null;
}
