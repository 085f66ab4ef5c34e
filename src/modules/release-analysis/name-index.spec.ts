import { NameIndex, nameKeys, pickLongest, sameWord, similarity } from './name-index';
import { words } from './german';

describe('name index', () => {
  const index = new NameIndex([
    { keys: nameKeys('Agentur für Arbeit Aalen'), value: 'aalen', rank: 0 },
    { keys: nameKeys('Arbeitgeberverband Musterland e. V.'), value: 'employers', rank: 0 },
    { keys: nameKeys('Bundesagentur für Arbeit'), value: 'federal', rank: 0 },
  ]);
  const find = (text: string) => index.find(text, words(text)).map((m) => [text.slice(m.start, m.end), m.entry.value, m.exact]);

  it('finds names as written, in the genitive, and with a legal form written otherwise', () => {
    expect(find('Die Agentur für Arbeit Aalen und der Vorstand des Arbeitgeberverbandes Musterland e.V betonten')).toEqual([
      ['Agentur für Arbeit Aalen', 'aalen', true],
      ['Arbeitgeberverbandes Musterland e.V', 'employers', true],
    ]);
  });

  it('accepts one wrong letter in a name of several words, anchored on a word written right, never across a sentence', () => {
    expect(find('Daten der Bundesgentur für Arbeit')).toEqual([['Bundesgentur für Arbeit', 'federal', false]]);
    expect(find('Daten der Bundeskasse für Arbeit')).toEqual([]);
    expect(find('Die Agentur für Arbeit. Aalen')).toEqual([]);
  });

  it('compares words and strings', () => {
    expect(sameWord('fachkraeftebuendnisses', 'fachkraeftebuendnis')).toBe(true);
    expect(sameWord('ministeriums', 'ministerium')).toBe(true);
    expect(sameWord('ihkx', 'ihk')).toBe(false);
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('bundesgentur', 'bundesagentur')).toBeCloseTo(12 / 13);
  });

  it('keeps the longest of overlapping places, then the one read exactly, then the lower rank', () => {
    const picked = pickLongest(
      [
        { start: 0, end: 3, rank: 0 },
        { start: 0, end: 10, rank: 1 },
        { start: 12, end: 20, exact: false, rank: 0 },
        { start: 12, end: 20, exact: true, rank: 2 },
        { start: 30, end: 35, rank: 0 },
      ],
      [{ start: 31, end: 32 }],
    );
    expect(picked).toEqual([
      { start: 0, end: 10, rank: 1 },
      { start: 12, end: 20, exact: true, rank: 2 },
    ]);
  });
});
