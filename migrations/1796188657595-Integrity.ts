import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records that are kept true: archive columns for every record that can be archived, a version on
 * commitments, terminated agreements, and the rules the database holds so that racing writers
 * cannot break them (no overlapping memberships of one organisation in one alliance, one LEAD per
 * alliance a day, no period that ends before it starts). Generated, then reviewed: the generator
 * also proposed re-creating release.search, which has not changed, and does not know that the
 * exclusion constraints need btree_gist (for "=" on uuid inside a GiST index).
 */
export class Integrity1796188657595 implements MigrationInterface {
  name = 'Integrity1796188657595';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`ALTER TABLE "agreement" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "agreement" ADD "terminated_on" date`);
    await queryRunner.query(`ALTER TABLE "commitment" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "commitment" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "commitment" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "person" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "membership" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "meeting" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "release" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "agreement_termination_check" CHECK ("terminated_on" IS NULL OR ("signed_on" IS NOT NULL AND "terminated_on" >= "signed_on"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "membership_period_check" CHECK ("left_on" IS NULL OR "joined_on" IS NULL OR "left_on" >= "joined_on")`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_name" ADD CONSTRAINT "organisation_name_period_check" CHECK ("valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from")`,
    );
    await queryRunner.query(
      `ALTER TABLE "role" ADD CONSTRAINT "role_period_check" CHECK ("valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from")`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "membership_one_lead" EXCLUDE USING gist ("alliance_id" WITH =, daterange("joined_on", "left_on") WITH &&) WHERE ("role" = 'LEAD' AND "archived_at" IS NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "membership_no_overlap" EXCLUDE USING gist ("alliance_id" WITH =, "organisation_id" WITH =, daterange("joined_on", "left_on") WITH &&) WHERE ("archived_at" IS NULL)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_no_overlap"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_one_lead"`);
    await queryRunner.query(`ALTER TABLE "role" DROP CONSTRAINT "role_period_check"`);
    await queryRunner.query(`ALTER TABLE "organisation_name" DROP CONSTRAINT "organisation_name_period_check"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_period_check"`);
    await queryRunner.query(`ALTER TABLE "agreement" DROP CONSTRAINT "agreement_termination_check"`);
    await queryRunner.query(`ALTER TABLE "release" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "archived_at"`);
    await queryRunner.query(`ALTER TABLE "commitment" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "commitment" DROP COLUMN "created_at"`);
    await queryRunner.query(`ALTER TABLE "commitment" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "agreement" DROP COLUMN "terminated_on"`);
    await queryRunner.query(`ALTER TABLE "agreement" DROP COLUMN "archived_at"`);
  }
}
