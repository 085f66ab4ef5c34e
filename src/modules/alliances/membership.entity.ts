import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ArchivableEntity } from '../../database/versioned.entity';
import { MembershipRole } from './alliance.enums';
import { AllianceEntity } from './alliance.entity';

/**
 * An organisation's membership of an alliance over a half-open period [joinedOn, leftOn). The
 * database holds the rules that racing writers could otherwise break: one organisation's
 * memberships in one alliance never overlap, an alliance has one LEAD a day, and no period ends
 * before it starts (database/constraints.ts names the field each one is about).
 */
@Entity('membership')
@Check('membership_period_check', `"left_on" IS NULL OR "joined_on" IS NULL OR "left_on" >= "joined_on"`)
@Exclusion(
  'membership_no_overlap',
  `USING gist ("alliance_id" WITH =, "organisation_id" WITH =, daterange("joined_on", "left_on") WITH &&) WHERE ("archived_at" IS NULL)`,
)
@Exclusion(
  'membership_one_lead',
  `USING gist ("alliance_id" WITH =, daterange("joined_on", "left_on") WITH &&) WHERE ("role" = 'LEAD' AND "archived_at" IS NULL)`,
)
export class MembershipEntity extends ArchivableEntity {
  @Index('membership_alliance_idx')
  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @ManyToOne(() => AllianceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id', foreignKeyConstraintName: 'membership_alliance_fkey' })
  alliance?: AllianceEntity;

  @Index('membership_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  /**
   * The foreign key to the organisation, named by its table: the organisations module comes after
   * this one (it resolves Membership.organisation), so this module does not import its entity.
   */
  @ManyToOne('organisation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'membership_organisation_fkey' })
  organisation?: unknown;

  @Column({ type: 'enum', enum: MembershipRole, enumName: 'membership_role' })
  role: MembershipRole;

  @Column({ name: 'joined_on', type: 'date', nullable: true })
  joinedOn: string | null;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  /**
   * The coordinator that added it (its token's sub); null when ministry staff did. Only a
   * membership ministry staff recorded makes its organisation a coordinator's own (auth/policy.ts).
   */
  @Column({ name: 'created_by', type: 'varchar', length: 200, nullable: true })
  createdBy: string | null;
}
