import { Column, Entity, Index } from 'typeorm';
import { ArchivableEntity } from '../../database/versioned.entity';

@Entity('person')
@Index('person_name_idx', ['familyName', 'givenName'])
export class PersonEntity extends ArchivableEntity {
  @Column({ name: 'honorific_prefix', type: 'varchar', length: 300, nullable: true })
  honorificPrefix: string | null;

  @Column({ name: 'given_name', type: 'varchar', length: 300 })
  givenName: string;

  @Column({ name: 'family_name', type: 'varchar', length: 300 })
  familyName: string;

  /** The coordinator that recorded the person (its token's sub); null when ministry staff did (auth/policy.ts). */
  @Column({ name: 'created_by', type: 'varchar', length: 200, nullable: true })
  createdBy: string | null;
}
