import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonEntity } from '../people/person.entity';
import { ReleaseEntity } from './release.entity';

@Entity('release_quote')
@Index('release_quote_release_idx', ['releaseId', 'position'])
export class ReleaseQuoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'release_id', type: 'uuid' })
  releaseId: string;

  @ManyToOne(() => ReleaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'release_id', foreignKeyConstraintName: 'release_quote_release_fkey' })
  release?: ReleaseEntity;

  @Index('release_quote_person_idx')
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'release_quote_person_fkey' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'int' })
  position: number;
}
