import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars';
import { AgreementStatus, CommitmentKind } from './agreement.enums';

@ObjectType({ description: 'A cooperation agreement between alliances, e.g. between the state alliance and a regional one.' })
export class Agreement {
  @Field(() => ID, { description: 'The agreement id.' })
  id: string;

  @Field({
    description: 'Its title, e.g. Kooperationsvereinbarung Allianz für Fachkräfte Baden-Württemberg – Fachkräftebündnis Heilbronn-Franken.',
  })
  title: string;

  @Field(() => AgreementStatus, {
    description: 'Draft, signed or terminated on the day asked: DRAFT before signedOn, SIGNED from signedOn, TERMINATED from terminatedOn.',
  })
  status: AgreementStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was signed; null while it is a draft.' })
  signedOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The first day it no longer binds (terminateAgreement); null unless TERMINATED. From this day on it owes nothing; as of an earlier day it still owes.',
  })
  terminatedOn: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion when you change the agreement.' })
  version: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When it was archived; an archived agreement leaves the agreement list, Alliance.agreements and the dashboards until restored, while meetings held under it still name it.',
  })
  archivedAt: Date | null;
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

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion when you change the commitment.' })
  version: number;

  agreementId: string;
}
