import { registerEnumType } from '@nestjs/graphql';

export enum ProposalStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: 'Where a change proposal stands: OPEN until ministry staff accept or reject it, or its proposer withdraws it.',
  valuesMap: {
    OPEN: { description: 'Waiting for a decision.' },
    ACCEPTED: { description: 'Accepted: the proposed change was written to the record.' },
    REJECTED: { description: 'Rejected, with a reason; nothing was written to the record.' },
    WITHDRAWN: { description: 'Withdrawn by its proposer; nothing was written to the record.' },
  },
});

/** The records a change can be proposed for, as the API and the audit trail name them. */
export enum ProposalEntityType {
  ORGANISATION = 'Organisation',
  PERSON = 'Person',
}
