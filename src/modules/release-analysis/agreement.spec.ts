import { CommitmentKind } from '../agreements/agreement.enums';
import { findAgreement } from './agreement';
import { findDates } from './dates';
import { findQuotedSpans } from './quotes';

const TEXT =
  'Land und Region schließen Vertrag\n\n' +
  'Die Allianz A und das Bündnis B haben am Montag eine Kooperationsvereinbarung unterzeichnet. ' +
  'Künftig findet jährlich ein Spitzengespräch statt. Die Partner unterstützen sich gegenseitig und informieren einander. ' +
  'Karl Hahn sagte: „Ein ständiger Vertreter kommt zu jeder Konferenz.“ ' +
  'Man will den Fachkräftemonitor der Kammer Nord gemeinsam nutzen und eine Kommunikationsplattform aufbauen.';

const alliancesIn = (text: string, ...names: string[]) =>
  names.map((name) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length }));

describe('agreement', () => {
  it('finds the agreement in the sentence that says when, its parties there, and its commitments one of each kind, in order', () => {
    const found = findAgreement(
      TEXT,
      findDates(TEXT, '2014-05-06'),
      alliancesIn(TEXT, 'Allianz A', 'Bündnis B'),
      findQuotedSpans(TEXT),
      (monitor, after) => (TEXT.slice(after, after + 16) === ' der Kammer Nord' ? `${monitor} der Kammer Nord` : monitor),
    );
    expect(found).toEqual({
      kind: 'Kooperationsvereinbarung',
      signedOn: '2014-05-05',
      parties: [0, 1],
      commitments: [
        {
          kind: CommitmentKind.ANNUAL_TOP_LEVEL_MEETING,
          description: 'Künftig findet jährlich ein Spitzengespräch statt.',
          instruments: [],
        },
        {
          kind: CommitmentKind.MUTUAL_SUPPORT,
          description: 'Die Partner unterstützen sich gegenseitig und informieren einander.',
          instruments: [],
        },
        {
          kind: CommitmentKind.MUTUAL_INFORMATION,
          description: 'Die Partner unterstützen sich gegenseitig und informieren einander.',
          instruments: [],
        },
        {
          kind: CommitmentKind.PERMANENT_REPRESENTATIVE,
          description: 'Ein ständiger Vertreter kommt zu jeder Konferenz.',
          instruments: [],
        },
        {
          kind: CommitmentKind.SHARED_MONITORING,
          description: expect.stringContaining('Fachkräftemonitor') as string,
          instruments: ['Fachkräftemonitor der Kammer Nord'],
        },
        {
          kind: CommitmentKind.COMMUNICATION_PLATFORM,
          description: expect.stringContaining('Kommunikationsplattform') as string,
          instruments: ['Fachkräftemonitor der Kammer Nord'],
        },
      ],
    });
  });

  it('finds none where the text concludes no agreement', () => {
    const text = 'Die Partner sprechen über eine Vereinbarung. Ein Spitzengespräch findet jährlich statt.';
    expect(findAgreement(text, [], [], [], (monitor) => monitor)).toBeNull();
  });
});
