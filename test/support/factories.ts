import { DataSource } from 'typeorm';

/**
 * Records written straight to the test's own database, for the data a test needs around what it
 * exercises. What a user does is tested through GraphQL; these only set the stage.
 */
type Row = { id: string };

async function insert(ds: DataSource, table: string, values: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(values);
  const rows: Row[] = await ds.query(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(values),
  );
  return rows[0].id;
}

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export async function regionId(ds: DataSource, code: string): Promise<string> {
  const rows: Row[] = await ds.query('SELECT id FROM region WHERE code = $1', [code]);
  if (!rows[0]) throw new Error(`no region with code ${code}`);
  return rows[0].id;
}

export async function insertAlliance(
  ds: DataSource,
  values: {
    name?: string;
    level?: string;
    status?: string;
    regionCode?: string;
    regionId?: string;
    foundedOn?: string | null;
    archivedAt?: Date | null;
  } = {},
): Promise<string> {
  return insert(ds, 'alliance', {
    name: values.name ?? unique('Fachkräfteallianz'),
    level: values.level ?? 'REGIONAL',
    status: values.status ?? 'ACTIVE',
    region_id: values.regionId ?? (await regionId(ds, values.regionCode ?? '0802')),
    founded_on: values.foundedOn ?? null,
    archived_at: values.archivedAt ?? null,
  });
}

export async function insertOrganisation(
  ds: DataSource,
  values: {
    name?: string;
    shortName?: string | null;
    kind?: string;
    regionCode?: string | null;
    archivedAt?: Date | null;
    /** The coordinator that created it; null (the default): ministry staff. */
    createdBy?: string | null;
  } = {},
): Promise<string> {
  const name = values.name ?? unique('Organisation');
  const id = await insert(ds, 'organisation', {
    name,
    short_name: values.shortName ?? null,
    kind: values.kind ?? 'CHAMBER_OF_COMMERCE',
    region_id: values.regionCode ? await regionId(ds, values.regionCode) : null,
    archived_at: values.archivedAt ?? null,
    created_by: values.createdBy ?? null,
  });
  await insert(ds, 'organisation_name', { organisation_id: id, name, valid_from: null, valid_to: null });
  return id;
}

/**
 * A rename as renameOrganisation writes it: the latest name ends on validFrom, the new one begins
 * there, and organisation.name holds the latest known name.
 */
export async function insertRename(ds: DataSource, organisationId: string, name: string, validFrom: string): Promise<void> {
  await ds.query('UPDATE organisation_name SET valid_to = $2 WHERE organisation_id = $1 AND valid_to IS NULL', [organisationId, validFrom]);
  await insert(ds, 'organisation_name', { organisation_id: organisationId, name, valid_from: validFrom, valid_to: null });
  await ds.query('UPDATE organisation SET name = $2 WHERE id = $1', [organisationId, name]);
}

export async function insertMembership(
  ds: DataSource,
  values: {
    allianceId: string;
    organisationId: string;
    role?: string;
    joinedOn?: string | null;
    leftOn?: string | null;
    archivedAt?: Date | null;
    /** The coordinator that added it; null (the default): ministry staff. */
    createdBy?: string | null;
  },
): Promise<string> {
  return insert(ds, 'membership', {
    alliance_id: values.allianceId,
    organisation_id: values.organisationId,
    role: values.role ?? 'PARTNER',
    joined_on: values.joinedOn ?? null,
    left_on: values.leftOn ?? null,
    archived_at: values.archivedAt ?? null,
    created_by: values.createdBy ?? null,
  });
}

export async function insertPerson(
  ds: DataSource,
  values: {
    givenName?: string;
    familyName?: string;
    honorificPrefix?: string | null;
    archivedAt?: Date | null;
    /** The coordinator that recorded the person; null (the default): ministry staff. */
    createdBy?: string | null;
  } = {},
): Promise<string> {
  return insert(ds, 'person', {
    given_name: values.givenName ?? unique('Vorname'),
    family_name: values.familyName ?? unique('Nachname'),
    honorific_prefix: values.honorificPrefix ?? null,
    archived_at: values.archivedAt ?? null,
    created_by: values.createdBy ?? null,
  });
}

export async function insertRole(
  ds: DataSource,
  values: {
    personId: string;
    organisationId: string;
    title?: string;
    validFrom?: string | null;
    validTo?: string | null;
    /** The coordinator that assigned it; null (the default): ministry staff. */
    createdBy?: string | null;
  },
): Promise<string> {
  return insert(ds, 'role', {
    person_id: values.personId,
    organisation_id: values.organisationId,
    title: values.title ?? 'Geschäftsführer',
    valid_from: values.validFrom ?? null,
    valid_to: values.validTo ?? null,
    created_by: values.createdBy ?? null,
  });
}

export async function insertAgreement(
  ds: DataSource,
  values: {
    title?: string;
    status?: string;
    signedOn?: string | null;
    terminatedOn?: string | null;
    archivedAt?: Date | null;
    parties: { allianceId: string; representedById?: string | null; signatoryId?: string | null }[];
    commitments?: { kind: string; description?: string; instruments?: string[] }[];
  },
): Promise<string> {
  const id = await insert(ds, 'agreement', {
    title: values.title ?? unique('Kooperationsvereinbarung'),
    status: values.status ?? 'SIGNED',
    signed_on: values.signedOn === undefined ? '2012-09-24' : values.signedOn,
    terminated_on: values.terminatedOn ?? null,
    archived_at: values.archivedAt ?? null,
  });
  for (const [position, party] of values.parties.entries()) {
    await ds.query(
      'INSERT INTO agreement_party (agreement_id, alliance_id, represented_by_id, signatory_id, position) VALUES ($1, $2, $3, $4, $5)',
      [id, party.allianceId, party.representedById ?? null, party.signatoryId ?? null, position],
    );
  }
  for (const [position, commitment] of (values.commitments ?? []).entries()) {
    await insert(ds, 'commitment', {
      agreement_id: id,
      kind: commitment.kind,
      description: commitment.description ?? commitment.kind,
      instruments: commitment.instruments ?? [],
      position,
    });
  }
  return id;
}

export async function insertMeeting(
  ds: DataSource,
  values: {
    kind?: string;
    status?: string;
    title?: string;
    heldOn: string;
    agreementId?: string | null;
    allianceId?: string | null;
    participantIds?: string[];
    archivedAt?: Date | null;
  },
): Promise<string> {
  const id = await insert(ds, 'meeting', {
    kind: values.kind ?? 'TOP_LEVEL_MEETING',
    status: values.status ?? 'HELD',
    title: values.title ?? unique('Spitzengespräch'),
    held_on: values.heldOn,
    agreement_id: values.agreementId ?? null,
    alliance_id: values.allianceId ?? null,
    archived_at: values.archivedAt ?? null,
  });
  for (const [position, personId] of (values.participantIds ?? []).entries()) {
    await ds.query('INSERT INTO meeting_participant (meeting_id, person_id, position) VALUES ($1, $2, $3)', [id, personId, position]);
  }
  return id;
}

export async function insertRelease(
  ds: DataSource,
  values: {
    title?: string;
    publishedOn?: string;
    url?: string | null;
    body?: string | null;
    publisherId?: string | null;
    createdBy?: string;
    links?: { relation?: string; entityType: string; entityId: string }[];
    archivedAt?: Date | null;
  } = {},
): Promise<string> {
  const id = await insert(ds, 'release', {
    title: values.title ?? unique('Pressemitteilung'),
    published_on: values.publishedOn ?? '2012-09-24',
    url: values.url ?? null,
    body: values.body ?? null,
    publisher_id: values.publisherId ?? null,
    created_by: values.createdBy ?? 'admin',
    archived_at: values.archivedAt ?? null,
  });
  for (const [position, link] of (values.links ?? []).entries()) {
    await insert(ds, 'release_link', {
      release_id: id,
      relation: link.relation ?? 'MENTIONS',
      entity_type: link.entityType,
      entity_id: link.entityId,
      position,
    });
  }
  return id;
}

/** An OPEN change proposal of an organisation or a person, against its version 1 unless told. */
export async function insertProposal(
  ds: DataSource,
  values: {
    entityType: 'Organisation' | 'Person';
    entityId: string;
    proposedBy: string;
    changes: Record<string, unknown>;
    baseVersion?: number;
  },
): Promise<string> {
  return insert(ds, 'change_proposal', {
    entity_type: values.entityType,
    entity_id: values.entityId,
    base_version: values.baseVersion ?? 1,
    changes: JSON.stringify(values.changes),
    proposed_by: values.proposedBy,
  });
}

export async function rowCount(ds: DataSource, table: string): Promise<number> {
  const rows: { count: number }[] = await ds.query(`SELECT count(*)::int AS count FROM "${table}"`);
  return rows[0].count;
}
