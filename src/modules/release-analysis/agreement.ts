import { CommitmentKind } from '../agreements/agreement.enums';
import { DateFinding } from './dates';
import { sentences } from './german';

type Span = { start: number; end: number };

/** An agreement the release announces, as far as the text tells. */
export interface AgreementFinding {
  /** "Kooperationsvereinbarung" as the text calls it; the parties' names are added by the caller. */
  kind: string;
  signedOn: string | null;
  /** Indexes of the alliances (among those found) that are its parties. */
  parties: number[];
  commitments: { kind: CommitmentKind; description: string; instruments: string[] }[];
}

const AGREEMENT =
  /(?<![\p{L}])((?:Kooperations|Rahmen|Ziel|Partnerschafts)?[Vv]ereinbarung|Kooperationsvertrag|Absichtserklärung|Vertrag)(?![\p{L}])/u;
const CONCLUDED =
  /(?<![\p{L}])(?:unterzeichne\w*|unterschrieben|unterschreiben|verabschiedet\w*|geschlossen|schließen|schließt|abgeschlossen|abschließ\w*|besiegelt\w*|vereinbart)(?![\p{L}])/u;

/** What the agreement's sentences promise, by the words German releases use for each kind of commitment. */
const COMMITMENTS: [CommitmentKind, RegExp][] = [
  [
    CommitmentKind.ANNUAL_TOP_LEVEL_MEETING,
    /(?:jährlich(?:e[sn]?)?|einmal im Jahr|jedes Jahr)[^.]{0,80}Spitzengespräch|Spitzengespräch[^.]{0,60}(?:jährlich|einmal im Jahr|jedes Jahr)/iu,
  ],
  [
    CommitmentKind.MUTUAL_SUPPORT,
    /gegenseitige[n]? Unterstützung|unterstützen sich gegenseitig|einander unterstützen|unterstützen einander/iu,
  ],
  [
    CommitmentKind.MUTUAL_INFORMATION,
    /gegenseitige[n]? Information|informieren sich gegenseitig|einander informieren|informieren einander/iu,
  ],
  [CommitmentKind.PERMANENT_REPRESENTATIVE, /ständige[rn]? Vertreter|ständige Vertreterin|dauerhaft vertreten/iu],
  [
    CommitmentKind.SHARED_MONITORING,
    /\p{L}*[Mm]onitor\w*[^.]{0,160}(?:nutzen|einsetzen|auswerten|verwenden)|(?:gemeinsam|Analyse)[^.]{0,160}[Mm]onitor/iu,
  ],
  [CommitmentKind.COMMUNICATION_PLATFORM, /Kommunikationsplattform|Plattform[^.]{0,120}Kommunikation|Kommunikation[^.]{0,120}Plattform/iu],
];

/** An instrument of monitoring: "Arbeitsmarktmonitor der Bundesagentur für Arbeit", "IHK-Fachkräftemonitor". */
const INSTRUMENT = /(?<![\p{L}])(?:\p{Lu}{2,6}-)?\p{Lu}\p{L}*monitor(?:s)?(?![\p{L}])/gu;

/**
 * The agreement a release announces: a sentence that names an agreement as concluded
 * ("… haben am Montag eine Kooperationsvereinbarung verabschiedet"). Its parties are the
 * alliances that sentence names (else every alliance of the text), it was signed on the day that
 * sentence names, and its commitments are read from every sentence of the text, one of each kind,
 * in the order the text makes them, each described by its sentence (or by the quote it stands in).
 * `instrumentName` names an instrument with its owner, when the text names one right after it (`after`: where the word ends).
 */
export function findAgreement(
  text: string,
  dates: DateFinding[],
  alliances: Span[],
  quotes: Span[],
  instrumentName: (monitor: string, after: number) => string,
): AgreementFinding | null {
  const all = sentences(text);
  const within = (sentence: Span) => (span: Span) => span.start >= sentence.start && span.end <= sentence.end;
  const concluding = all.filter(({ start, end }) => {
    const sentence = text.slice(start, end);
    return AGREEMENT.test(sentence) && CONCLUDED.test(sentence);
  });
  // A headline announces too, but the sentence that says when, and between whom, tells more.
  const announcing = concluding.find((sentence) => dates.some(within(sentence))) ?? concluding[0];
  if (!announcing) return null;
  const partiesIn = (sentence: Span) => alliances.flatMap((alliance, index) => (within(sentence)(alliance) ? [index] : []));
  const named = [announcing, ...concluding].map(partiesIn).find((parties) => parties.length >= 2);
  const signed = dates.find(within(announcing));

  const commitments: AgreementFinding['commitments'] = [];
  for (const { start, end } of all) {
    const sentence = text.slice(start, end);
    for (const [kind, pattern] of COMMITMENTS) {
      if (commitments.some((c) => c.kind === kind) || !pattern.test(sentence)) continue;
      const instruments =
        kind === CommitmentKind.SHARED_MONITORING || kind === CommitmentKind.COMMUNICATION_PLATFORM
          ? [
              ...new Set(
                [...sentence.matchAll(INSTRUMENT)].map((m) =>
                  instrumentName(m[0].replace(/monitors$/, 'monitor'), start + m.index + m[0].length),
                ),
              ),
            ]
          : [];
      const at = start + pattern.exec(sentence)!.index;
      const quote = quotes.find((q) => q.start <= at && at < q.end);
      commitments.push({ kind, description: describe(quote ? text.slice(quote.start, quote.end) : sentence), instruments });
    }
  }
  return {
    kind: AGREEMENT.exec(text.slice(announcing.start, announcing.end))![1],
    signedOn: signed?.on ?? null,
    parties: named ?? alliances.map((_, index) => index),
    commitments,
  };
}

/** A sentence as a commitment's description: quotation marks and line breaks left out. */
function describe(sentence: string): string {
  return sentence
    .replace(/[„“”"»«]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
