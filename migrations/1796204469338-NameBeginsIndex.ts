import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The names that begin after a day, found by an index: every read of an organisation's name on a
 * day (nameOnSql) takes organisation.name unless the organisation has such a name, and builds
 * that set once per statement. Only names with a known beginning are in it. Generated, then
 * reviewed: the generator also proposed re-creating release.search, which has not changed.
 */
export class NameBeginsIndex1796204469338 implements MigrationInterface {
  name = 'NameBeginsIndex1796204469338';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "organisation_name_begins_idx" ON "organisation_name" ("valid_from") WHERE valid_from IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."organisation_name_begins_idx"`);
  }
}
