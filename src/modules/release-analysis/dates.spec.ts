import { findDates, weekdayFrom, yearOf } from './dates';

const on = (text: string, publishedOn: string | null) => findDates(text, publishedOn).map((d) => [text.slice(d.start, d.end), d.on]);

describe('dates', () => {
  it('resolves a weekday alone against the day of publication: the last such day, looking ahead only when the text does', () => {
    // Tuesday 25 September 2012
    expect(on('Die Partner haben am Montag unterschrieben.', '2012-09-25')).toEqual([['am Montag', '2012-09-24']]);
    expect(on('Sie trafen sich am Dienstag.', '2012-09-25')).toEqual([['am Dienstag', '2012-09-25']]);
    expect(on('Das Treffen war am vergangenen Freitag.', '2012-09-25')).toEqual([['am vergangenen Freitag', '2012-09-21']]);
    expect(on('Die Messe wird am Freitag eröffnet.', '2012-09-25')).toEqual([['am Freitag', '2012-09-28']]);
    expect(on('Am kommenden Montag beginnt es.', '2012-09-25')).toEqual([['Am kommenden Montag', '2012-10-01']]);
    expect(weekdayFrom('2012-09-25', 2, true)).toBe('2012-10-02');
  });

  it('gives a day without a year the year of publication, or the next or previous one where only that fits the weekday', () => {
    expect(on('Am 10. Februar ging es los.', '2012-09-25')).toEqual([['Am 10. Februar', '2012-02-10']]);
    expect(on('am Donnerstag, 10. Februar', '2011-03-01')).toEqual([['am Donnerstag, 10. Februar', '2011-02-10']]);
    // 10 February 2012 was a Friday; of the years around it, 2011 has it on a Thursday.
    expect(yearOf('2012-09-25', 2, 10, 4)).toBe(2011);
  });

  it('reads numeric dates and dates with the month written out', () => {
    expect(on('PM 25.09.2012', null)).toEqual([['25.09.2012', '2012-09-25']]);
    expect(on('Das Gespräch fand am 29. Oktober 2013 statt.', '2020-01-01')).toEqual([['am 29. Oktober 2013', '2013-10-29']]);
    expect(findDates('PM 25.09.2012', null)[0].withYear).toBe(true);
  });

  it('leaves out what names no day: times, years, abbreviations that are words, and days that need a date of publication it does not have', () => {
    expect(on('So geht es jetzt weiter, von 2026 bis 2028, um 10 Uhr.', '2012-09-25')).toEqual([]);
    expect(on('Die Partner haben am Montag unterschrieben.', null)).toEqual([]);
    expect(on('Am 10. Februar ging es los.', null)).toEqual([]);
  });
});
