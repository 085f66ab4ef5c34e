import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars';
import { AgreementStatus, CommitmentKind } from './agreement.enums';

@ObjectType({ description: 'A cooperation agreement between alliances, e.g. between the state alliance and a regional one.' })
export class Agreement {
  @Field(() => ID, { description: 'The agreement id.' })
  id: string;

  @Field({
    description: 'Its title, e.g. Kooperationsvereinbarung Allianz für Fachkräfte Baden-Württemberg – Fachkräftebündnis Heilbronn-Franken.',
  })
  title: string;

  @Field(() => AgreementStatus, { description: 'Draft, signed or terminated.' })
  status: AgreementStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was signed; null while it is a draft.' })
  signedOn: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version of the agreement record.' })
  version: number;
}

@ObjectType({ description: 'An alliance that is party to an agreement, with who represented it and who signed for it.' })
export class AgreementParty {
  agreementId: string;
  allianceId: string;
  representedById: string | null;
  signatoryId: string | null;
}

@ObjectType({ description: 'A promise the parties of an agreement made, e.g. an annual top-level meeting.' })
export class Commitment {
  @Field(() => ID, { description: 'The commitment id.' })
  id: string;

  @Field(() => CommitmentKind, { description: 'What kind of promise it is.' })
  kind: CommitmentKind;

  @Field({ description: 'The promise in the words of the agreement.' })
  description: string;

  @Field(() => [String], {
    description: 'The instruments it names, e.g. Arbeitsmarktmonitor der Bundesagentur für Arbeit, IHK-Fachkräftemonitor.',
  })
  instruments: string[];

  agreementId: string;
}
