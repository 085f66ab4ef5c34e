import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Change proposals: a change to a shared organisation or person that waits for ministry staff to
 * accept or reject it. Generated, then reviewed: the generator also proposed re-creating
 * release.search, which has not changed. The record is named by type and id without a foreign
 * key (it is an organisation or a person); proposed_at is kept to the millisecond because it is
 * the newest-first list's cursor key.
 */
export class ChangeProposals1796190549313 implements MigrationInterface {
  name = 'ChangeProposals1796190549313';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."proposal_status" AS ENUM('OPEN', 'ACCEPTED', 'REJECTED', 'WITHDRAWN')`);
    await queryRunner.query(
      `CREATE TABLE "change_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "entity_type" character varying(100) NOT NULL, "entity_id" uuid NOT NULL, "base_version" integer NOT NULL, "changes" jsonb NOT NULL, "note" text, "status" "public"."proposal_status" NOT NULL DEFAULT 'OPEN', "proposed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "proposed_by" character varying(200) NOT NULL, "decided_by" character varying(200), "decided_at" TIMESTAMP WITH TIME ZONE, "reason" text, CONSTRAINT "change_proposal_decision_check" CHECK (("status" = 'OPEN') = ("decided_by" IS NULL AND "decided_at" IS NULL) AND ("reason" IS NULL OR "status" = 'REJECTED')), CONSTRAINT "PK_a7d1c84467089901c61677700cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "change_proposal_proposed_by_idx" ON "change_proposal" ("proposed_by", "proposed_at")`);
    await queryRunner.query(`CREATE INDEX "change_proposal_entity_idx" ON "change_proposal" ("entity_id", "proposed_at")`);
    await queryRunner.query(`CREATE INDEX "change_proposal_status_idx" ON "change_proposal" ("status", "proposed_at")`);
    await queryRunner.query(`CREATE INDEX "change_proposal_proposed_at_idx" ON "change_proposal" ("proposed_at", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."change_proposal_proposed_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."change_proposal_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."change_proposal_entity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."change_proposal_proposed_by_idx"`);
    await queryRunner.query(`DROP TABLE "change_proposal"`);
    await queryRunner.query(`DROP TYPE "public"."proposal_status"`);
  }
}
