import { isDateline, readRelease, titleOf } from './release-text';

const PAGE = `Arbeitsmarkt

Neue Partnerschaft für die Ausbildung in der Region

Berechne Lesezeit
  • Teilen

Die Handwerkskammer und die Bundes-
agentur für Arbeit in Baden-
Württemberg   arbeiten künftig enger zusammen.

Ein zweiter Absatz.

Quelle:

Handwerkskammer Musterstadt

Weitere Meldungen

Ganz andere Nachricht
`;

describe('readRelease', () => {
  const release = readRelease(PAGE);

  it('keeps the release only: no page chrome, nothing from the source line on', () => {
    expect(release.text).toBe(
      'Arbeitsmarkt\n\nNeue Partnerschaft für die Ausbildung in der Region\n\n' +
        'Die Handwerkskammer und die Bundesagentur für Arbeit in Baden-Württemberg arbeiten künftig enger zusammen.\n\nEin zweiter Absatz.',
    );
  });

  it('joins a word broken across lines and keeps the hyphen of a hyphenated word, mapping every offset back', () => {
    const at = release.text.indexOf('Bundesagentur');
    const given = release.toGiven(at, at + 'Bundesagentur für Arbeit'.length);
    expect(PAGE.slice(given.start, given.end)).toBe('Bundes-\nagentur für Arbeit');
    const state = release.text.indexOf('Baden-Württemberg');
    const mapped = release.toGiven(state, state + 'Baden-Württemberg'.length);
    expect(PAGE.slice(mapped.start, mapped.end)).toBe('Baden-\nWürttemberg');
    const spaced = release.text.indexOf('Württemberg arbeiten');
    const run = release.toGiven(spaced, spaced + 'Württemberg arbeiten'.length);
    expect(PAGE.slice(run.start, run.end)).toBe('Württemberg   arbeiten');
  });

  it('reads what the source line names, on its own line or after the colon', () => {
    expect(release.source).toEqual({
      text: 'Handwerkskammer Musterstadt',
      start: PAGE.indexOf('Handwerkskammer Musterstadt'),
      end: PAGE.indexOf('Handwerkskammer Musterstadt') + 27,
    });
    expect(readRelease('Text.\nQuelle: IHK Musterstadt\n').source).toMatchObject({ text: 'IHK Musterstadt' });
    expect(readRelease('Text ohne Quelle.').source).toBeNull();
  });

  it('takes the first line of three words or more that is no dateline as the headline, none where body text comes first', () => {
    expect(titleOf(release)).toEqual({ start: 14, end: 14 + 'Neue Partnerschaft für die Ausbildung in der Region'.length });
    const dated = readRelease('PM 01.02.2013\n\nKammern werben gemeinsam um Azubis\n\nText.');
    const headline = titleOf(dated)!;
    expect(dated.text.slice(headline.start, headline.end)).toBe('Kammern werben gemeinsam um Azubis');
    expect(titleOf(readRelease('Die Kammer hat heute mitgeteilt, dass sie wächst.'))).toBeNull();
  });

  it('tells datelines from headlines', () => {
    expect(isDateline('PM 25.09.2012')).toBe(true);
    expect(isDateline('Stuttgart, 3. Mai 2014')).toBe(true);
    expect(isDateline('Pressemitteilung')).toBe(true);
    expect(isDateline('Land und Region schließen Vertrag')).toBe(false);
  });
});
