import { fold, sentenceEnd, sentences, sentenceStart, words } from './german';

describe('German text rules', () => {
  it('compares words folded: case, umlauts written out or not, accents', () => {
    expect(fold('Blättner')).toBe(fold('Blaettner'));
    expect(fold('Straße')).toBe('strasse');
    expect(fold('René')).toBe('rene');
  });

  it('reads words with their hyphens and places', () => {
    expect(words('Finanz- und IHK-Vizepräsidentin, e.V').map((w) => [w.text, w.start])).toEqual([
      ['Finanz-', 0],
      ['und', 8],
      ['IHK-Vizepräsidentin', 12],
      ['e', 33],
      ['V', 35],
    ]);
  });

  it('ends no sentence at an abbreviation, an initial or an ordinal, and one after a closing quotation mark', () => {
    const text = 'Dr. Anna Berg kam am 10. Mai. Sie sagte: „Wir sind bereit.“ Danach ging sie. J. Alex Kelly blieb.';
    expect(sentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      'Dr. Anna Berg kam am 10. Mai.',
      'Sie sagte: „Wir sind bereit.“',
      'Danach ging sie.',
      'J. Alex Kelly blieb.',
    ]);
    expect(sentenceStart(text, text.indexOf('bereit'))).toBe(text.indexOf('Sie'));
    expect(sentenceEnd(text, 0)).toBe(text.indexOf(' Sie'));
  });

  it('never crosses a paragraph break', () => {
    const text = 'Erster Absatz ohne Punkt\n\nZweiter Absatz';
    expect(sentenceEnd(text, 0)).toBe(text.indexOf('\n'));
    expect(sentenceStart(text, text.length)).toBe(text.indexOf('Zweiter'));
  });
});
