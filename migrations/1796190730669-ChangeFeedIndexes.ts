import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed's indexes: audit events newest first, (at, id) descending, unfiltered or by
 * actor, entity type or action, each read backwards in the feed's order so that a page stops
 * after its rows and a count reads one index alone (plans measured on 1.1M events, issue 13).
 * Generated, then reviewed: the generator also proposed re-creating release.search, which has not
 * changed. On 1.1M events each index took 1–2.5 s to build, writes to audit_event waiting meanwhile.
 */
export class ChangeFeedIndexes1796190730669 implements MigrationInterface {
  name = 'ChangeFeedIndexes1796190730669';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "audit_event_at_idx" ON "audit_event" ("at", "id")`);
    await queryRunner.query(`CREATE INDEX "audit_event_actor_idx" ON "audit_event" ("actor", "at", "id")`);
    await queryRunner.query(`CREATE INDEX "audit_event_entity_type_idx" ON "audit_event" ("entity_type", "at", "id")`);
    await queryRunner.query(`CREATE INDEX "audit_event_action_idx" ON "audit_event" ("action", "at", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."audit_event_action_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_entity_type_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_actor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_at_idx"`);
  }
}
