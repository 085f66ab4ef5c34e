import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ArchivableEntity } from '../../database/versioned.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ExistsFrom } from '../../database/day-columns';

/** As of a day before it is published (publishedOn), a release is left out of lists, sources and counts. */
@Entity('release')
@ExistsFrom('published_on')
export class ReleaseEntity extends ArchivableEntity {
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Index('release_published_on_idx')
  @Column({ name: 'published_on', type: 'date' })
  publishedOn: string;

  @Index('release_publisher_idx')
  @Column({ name: 'publisher_id', type: 'uuid', nullable: true })
  publisherId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publisher_id', foreignKeyConstraintName: 'release_publisher_fkey' })
  publisher?: OrganisationEntity;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** The token sub that created it: a coordinator may edit only the releases it created. */
  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  /** German full text of title and body, kept by PostgreSQL itself. */
  @Index('release_search_idx', { synchronize: false })
  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: "setweight(to_tsvector('german', coalesce(title, '')), 'A') || setweight(to_tsvector('german', coalesce(body, '')), 'B')",
  })
  search?: string;
}
