import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who created an organisation, a person, a membership or a role, for the scope policy
 * (src/auth/policy.ts): the sub of the coordinator that created it, NULL when ministry staff did.
 * Rows that exist already get NULL: created by no coordinator. Only what ministry staff recorded
 * (a membership, a role) makes a record a coordinator's own, so what a coordinator adds itself
 * never widens what it may change. Generated, then reviewed: the generator also proposed
 * re-creating release.search, which has not changed.
 */
export class CreatedBy1796193309840 implements MigrationInterface {
  name = 'CreatedBy1796193309840';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "created_by" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "person" ADD "created_by" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "membership" ADD "created_by" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "role" ADD "created_by" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "role" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "created_by"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "created_by"`);
  }
}
