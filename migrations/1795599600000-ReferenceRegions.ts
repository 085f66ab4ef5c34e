import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Baden-Württemberg (Regionalschlüssel 08), its 12 regions (Regionalverbände; codes of the
 * Raumordnungsregionen, 0801..0812) and its 44 Stadt- and Landkreise (Kreisschlüssel 08xxx).
 * Idempotent: rows whose code exists already are left as they are.
 */
const REGIONS: [code: string, name: string, districts: [code: string, name: string][]][] = [
  [
    '0801',
    'Stuttgart',
    [
      ['08111', 'Stuttgart'],
      ['08115', 'Böblingen'],
      ['08116', 'Esslingen'],
      ['08117', 'Göppingen'],
      ['08118', 'Ludwigsburg'],
      ['08119', 'Rems-Murr-Kreis'],
    ],
  ],
  [
    '0802',
    'Heilbronn-Franken',
    [
      ['08121', 'Heilbronn (Stadtkreis)'],
      ['08125', 'Heilbronn'],
      ['08126', 'Hohenlohekreis'],
      ['08127', 'Schwäbisch Hall'],
      ['08128', 'Main-Tauber-Kreis'],
    ],
  ],
  [
    '0803',
    'Ostwürttemberg',
    [
      ['08135', 'Heidenheim'],
      ['08136', 'Ostalbkreis'],
    ],
  ],
  [
    '0804',
    'Mittlerer Oberrhein',
    [
      ['08211', 'Baden-Baden'],
      ['08212', 'Karlsruhe (Stadtkreis)'],
      ['08215', 'Karlsruhe'],
      ['08216', 'Rastatt'],
    ],
  ],
  [
    '0805',
    'Rhein-Neckar',
    [
      ['08221', 'Heidelberg'],
      ['08222', 'Mannheim'],
      ['08225', 'Neckar-Odenwald-Kreis'],
      ['08226', 'Rhein-Neckar-Kreis'],
    ],
  ],
  [
    '0806',
    'Nordschwarzwald',
    [
      ['08231', 'Pforzheim'],
      ['08235', 'Calw'],
      ['08236', 'Enzkreis'],
      ['08237', 'Freudenstadt'],
    ],
  ],
  [
    '0807',
    'Südlicher Oberrhein',
    [
      ['08311', 'Freiburg im Breisgau'],
      ['08315', 'Breisgau-Hochschwarzwald'],
      ['08316', 'Emmendingen'],
      ['08317', 'Ortenaukreis'],
    ],
  ],
  [
    '0808',
    'Schwarzwald-Baar-Heuberg',
    [
      ['08325', 'Rottweil'],
      ['08326', 'Schwarzwald-Baar-Kreis'],
      ['08327', 'Tuttlingen'],
    ],
  ],
  [
    '0809',
    'Hochrhein-Bodensee',
    [
      ['08335', 'Konstanz'],
      ['08336', 'Lörrach'],
      ['08337', 'Waldshut'],
    ],
  ],
  [
    '0810',
    'Neckar-Alb',
    [
      ['08415', 'Reutlingen'],
      ['08416', 'Tübingen'],
      ['08417', 'Zollernalbkreis'],
    ],
  ],
  [
    '0811',
    'Donau-Iller',
    [
      ['08421', 'Ulm'],
      ['08425', 'Alb-Donau-Kreis'],
      ['08426', 'Biberach'],
    ],
  ],
  [
    '0812',
    'Bodensee-Oberschwaben',
    [
      ['08435', 'Bodenseekreis'],
      ['08436', 'Ravensburg'],
      ['08437', 'Sigmaringen'],
    ],
  ],
];

export class ReferenceRegions1795599600000 implements MigrationInterface {
  name = 'ReferenceRegions1795599600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const insert = `INSERT INTO region (name, kind, code, parent_id)
      VALUES ($1, $2, $3, (SELECT id FROM region WHERE code = $4))
      ON CONFLICT (code) DO NOTHING`;
    await queryRunner.query(insert, ['Baden-Württemberg', 'STATE', '08', null]);
    for (const [regionCode, regionName, districts] of REGIONS) {
      await queryRunner.query(insert, [regionName, 'REGION', regionCode, '08']);
      for (const [districtCode, districtName] of districts) {
        await queryRunner.query(insert, [districtName, 'DISTRICT', districtCode, regionCode]);
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const codes = REGIONS.flatMap(([code, , districts]) => [code, ...districts.map(([districtCode]) => districtCode)]);
    await queryRunner.query(`DELETE FROM region WHERE kind = 'DISTRICT' AND code = ANY($1)`, [codes]);
    await queryRunner.query(`DELETE FROM region WHERE kind = 'REGION' AND code = ANY($1)`, [codes]);
    await queryRunner.query(`DELETE FROM region WHERE code = '08'`);
  }
}
