import { attributeQuotes, findQuotedSpans } from './quotes';

describe('quotes', () => {
  it('finds quotes in German, French, Swiss, English and typewriter marks, within a paragraph', () => {
    const text = '„eins“ »zwei« «drei» “vier” "fünf" „offen\n\nnie geschlossen“';
    expect(findQuotedSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(
      ['eins', 'zwei', 'drei', 'vier', 'fünf', '\n\nnie geschlossen'.slice(2)].slice(0, 5),
    );
  });

  const people = (text: string, ...names: string[]) =>
    names.map((name) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length }));
  const said = (text: string, names: string[]) =>
    attributeQuotes(text, findQuotedSpans(text), people(text, ...names)).map((q) => [text.slice(q.start, q.end), names[q.speaker]]);

  it('gives each quote its speaker, named after it or before it, and a quote in several parts the same one', () => {
    const text =
      '„Wir fangen an“, sagte Ministerin Anna Berg. „Und wir bleiben dran.“\n\n' +
      'Karl Hahn, Präsident der Kammer: »Gut so.«\n\n' +
      'Lena Stein erläuterte: "Wir machen mit." Am Ende kam "Projekt Zukunft" zur Sprache.';
    expect(said(text, ['Anna Berg', 'Karl Hahn', 'Lena Stein'])).toEqual([
      ['Wir fangen an', 'Anna Berg'],
      ['Und wir bleiben dran.', 'Anna Berg'],
      ['Gut so.', 'Karl Hahn'],
      ['Wir machen mit.', 'Lena Stein'],
    ]);
  });

  it('does not carry a speaker past someone else named between two quotes', () => {
    const text = '„Wir fangen an“, sagte Anna Berg. Auch Karl Hahn war da. „Ein Satz ohne Sprecher.“';
    expect(said(text, ['Anna Berg', 'Karl Hahn'])).toEqual([['Wir fangen an', 'Anna Berg']]);
  });
});
