import { findMinistries, ministryTopics, topicOf } from './ministries';

describe('ministries', () => {
  it('gives both ways of naming a portfolio the same topics', () => {
    const [long] = findMinistries('Das Ministerium für Finanzen und Wirtschaft Baden-Württemberg lädt ein.');
    const [compound] = findMinistries('Das Finanz- und Wirtschaftsministerium lädt ein.');
    expect(long).toMatchObject({ topics: 'finanz|wirtschaft', name: 'Ministerium für Finanzen und Wirtschaft Baden-Württemberg' });
    expect(compound).toMatchObject({ topics: 'finanz|wirtschaft', name: 'Finanz- und Wirtschaftsministerium' });
  });

  it('reads lists of topics, the genitive, single compounds and federal ministries', () => {
    const text =
      'Vertreter des Ministeriums für Wirtschaft, Arbeit und Tourismus, des Sozialministeriums und des Bundesministeriums für Arbeit und Soziales';
    expect(findMinistries(text).map(({ topics, name }) => [topics, name])).toEqual([
      ['arbeit|tourismus|wirtschaft', 'Ministerium für Wirtschaft, Arbeit und Tourismus'],
      ['sozial', 'Sozialministerium'],
      ['bundes:arbeit|bundes:sozial', 'Bundesministerium für Arbeit und Soziales'],
    ]);
    expect(topicOf('Wirtschafts-')).toBe('wirtschaft');
    expect(topicOf('Arbeits')).toBe('arbeit');
    expect(topicOf('Tourismus')).toBe('tourismus');
  });

  it('tells the topics of a registered ministry name, and null for other names', () => {
    expect(ministryTopics('Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg')).toBe('arbeit|wirtschaft|wohnungsbau');
    expect(ministryTopics('Handwerkskammer Ulm')).toBeNull();
  });
});
