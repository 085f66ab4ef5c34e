import { allianceKey, findAlliances } from './alliance-mentions';

const alliances = [
  { id: 'state', name: 'Allianz für Fachkräfte Baden-Württemberg' },
  { id: 'ost', name: 'Fachkräftebündnis Ostwürttemberg' },
  { id: 'alb-1', name: 'Fachkräfteallianz Alb' },
  { id: 'alb-2', name: 'Bündnis für Fachkräfte Alb' },
];
const found = (text: string) => findAlliances(text, alliances).map((a) => [text.slice(a.start, a.end), a.allianceId]);

describe('alliance mentions', () => {
  it('matches alliances by name, in the genitive too, and by the usual variants', () => {
    expect(found('Die Fachkräfteallianz Baden-Württemberg und die Mitglieder des Fachkräftebündnisses Ostwürttemberg')).toEqual([
      ['Fachkräfteallianz Baden-Württemberg', 'state'],
      ['Fachkräftebündnisses Ostwürttemberg', 'ost'],
    ]);
    expect(found('Das Bündnis für Fachkräfte Ostwürttemberg tagt.')).toEqual([['Bündnis für Fachkräfte Ostwürttemberg', 'ost']]);
  });

  it('names an alliance the registry does not know, and one of two that fit a variant, without a match', () => {
    expect(found('Die Fachkräfteallianz Nordschwarzwald und das Fachkräftebündnis Alb')).toEqual([
      ['Fachkräfteallianz Nordschwarzwald', null],
      ['Fachkräftebündnis Alb', null],
    ]);
    expect(found('Die Fachkräfteallianz Alb tagt.')).toEqual([['Fachkräfteallianz Alb', 'alb-1']]);
  });

  it('takes an alliance without a place for none in particular', () => {
    expect(found('Sie ist die erste regionale Fachkräfteallianz in Baden-Württemberg; weitere Fachkräfteallianzen folgen.')).toEqual([]);
    expect(allianceKey('Allianz für Fachkräfte Baden-Württemberg')).toBe(allianceKey('Fachkräfte-Allianz Baden-Württemberg'));
  });
});
