import { MigrationInterface, QueryRunner } from 'typeorm';

/** The registry's tables as generated from the entities, plus the search index and function that TypeORM does not generate. */

export class Schema1795599513228 implements MigrationInterface {
  name = 'Schema1795599513228';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // TypeORM records generated columns here; it creates the table only when entities are loaded, which a bare migration run does not do.
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor" character varying(200) NOT NULL, "action" character varying(100) NOT NULL, "entity_type" character varying(100) NOT NULL, "entity_id" uuid NOT NULL, "changes" jsonb NOT NULL, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_event_entity_idx" ON "audit_event"  ("entity_id", "at") `);
    await queryRunner.query(`CREATE TYPE "public"."region_kind" AS ENUM('STATE', 'REGION', 'DISTRICT')`);
    await queryRunner.query(
      `CREATE TABLE "region" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(300) NOT NULL, "kind" "public"."region_kind" NOT NULL, "code" character varying(20), "parent_id" uuid, CONSTRAINT "PK_5f48ffc3af96bc486f5f3f3a6da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "region_kind_idx" ON "region"  ("kind") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "region_code_key" ON "region"  ("code") `);
    await queryRunner.query(`CREATE INDEX "region_parent_idx" ON "region"  ("parent_id") `);
    await queryRunner.query(`CREATE TYPE "public"."alliance_level" AS ENUM('STATE', 'REGIONAL', 'LOCAL')`);
    await queryRunner.query(`CREATE TYPE "public"."alliance_status" AS ENUM('ACTIVE', 'DISSOLVED')`);
    await queryRunner.query(
      `CREATE TABLE "alliance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(300) NOT NULL, "level" "public"."alliance_level" NOT NULL, "status" "public"."alliance_status" NOT NULL DEFAULT 'ACTIVE', "region_id" uuid NOT NULL, "founded_on" date, "description" text, "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4ca41472d33b43df4e3ac16c7a3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "alliance_level_idx" ON "alliance"  ("level") `);
    await queryRunner.query(`CREATE INDEX "alliance_status_idx" ON "alliance"  ("status") `);
    await queryRunner.query(`CREATE INDEX "alliance_region_idx" ON "alliance"  ("region_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('MINISTRY', 'CHAMBER_OF_COMMERCE', 'CHAMBER_OF_CRAFTS', 'EMPLOYMENT_AGENCY', 'TRADE_UNION', 'EMPLOYERS_ASSOCIATION', 'ECONOMIC_DEVELOPMENT', 'MUNICIPALITY', 'EDUCATION', 'WELCOME_CENTER', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(300) NOT NULL, "short_name" character varying(300), "kind" "public"."organisation_kind" NOT NULL, "region_id" uuid, "website" character varying(2000), "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "organisation_kind_idx" ON "organisation"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "organisation_region_idx" ON "organisation"  ("region_id") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "honorific_prefix" character varying(300), "given_name" character varying(300) NOT NULL, "family_name" character varying(300) NOT NULL, CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "person_name_idx" ON "person"  ("family_name", "given_name") `);
    await queryRunner.query(`CREATE TYPE "public"."agreement_status" AS ENUM('DRAFT', 'SIGNED', 'TERMINATED')`);
    await queryRunner.query(
      `CREATE TABLE "agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" character varying(300) NOT NULL, "status" "public"."agreement_status" NOT NULL, "signed_on" date, CONSTRAINT "PK_e7537188219eeef56233a609753" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "agreement_status_idx" ON "agreement"  ("status") `);
    await queryRunner.query(`CREATE INDEX "agreement_signed_on_idx" ON "agreement"  ("signed_on") `);
    await queryRunner.query(
      `CREATE TABLE "agreement_party" ("agreement_id" uuid NOT NULL, "alliance_id" uuid NOT NULL, "represented_by_id" uuid, "signatory_id" uuid, "position" integer NOT NULL, CONSTRAINT "PK_56d39060273bac91393ad13213a" PRIMARY KEY ("agreement_id", "alliance_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "agreement_party_alliance_idx" ON "agreement_party"  ("alliance_id") `);
    await queryRunner.query(`CREATE INDEX "agreement_party_represented_by_idx" ON "agreement_party"  ("represented_by_id") `);
    await queryRunner.query(`CREATE INDEX "agreement_party_signatory_idx" ON "agreement_party"  ("signatory_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."commitment_kind" AS ENUM('ANNUAL_TOP_LEVEL_MEETING', 'PERMANENT_REPRESENTATIVE', 'MUTUAL_SUPPORT', 'MUTUAL_INFORMATION', 'SHARED_MONITORING', 'COMMUNICATION_PLATFORM', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "commitment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "kind" "public"."commitment_kind" NOT NULL, "description" text NOT NULL, "instruments" text array NOT NULL DEFAULT '{}', "position" integer NOT NULL, CONSTRAINT "PK_7a0899978d100f72269b3045d7e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "commitment_kind_idx" ON "commitment"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "commitment_agreement_idx" ON "commitment"  ("agreement_id", "position") `);
    await queryRunner.query(`CREATE TYPE "public"."membership_role" AS ENUM('LEAD', 'PARTNER')`);
    await queryRunner.query(
      `CREATE TABLE "membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "alliance_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" "public"."membership_role" NOT NULL, "joined_on" date, "left_on" date, CONSTRAINT "PK_83c1afebef3059472e7c37e8de8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "membership_alliance_idx" ON "membership"  ("alliance_id") `);
    await queryRunner.query(`CREATE INDEX "membership_organisation_idx" ON "membership"  ("organisation_id") `);
    await queryRunner.query(`CREATE TYPE "public"."meeting_kind" AS ENUM('TOP_LEVEL_MEETING', 'SKILLED_LABOUR_CONFERENCE', 'OTHER')`);
    await queryRunner.query(`CREATE TYPE "public"."meeting_status" AS ENUM('PLANNED', 'HELD', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."meeting_kind" NOT NULL, "status" "public"."meeting_status" NOT NULL, "title" character varying(300) NOT NULL, "held_on" date NOT NULL, "location" character varying(300), "agreement_id" uuid, "alliance_id" uuid, "outcome" text, CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "meeting_kind_idx" ON "meeting"  ("kind") `);
    await queryRunner.query(`CREATE INDEX "meeting_status_idx" ON "meeting"  ("status") `);
    await queryRunner.query(`CREATE INDEX "meeting_held_on_idx" ON "meeting"  ("held_on") `);
    await queryRunner.query(`CREATE INDEX "meeting_alliance_idx" ON "meeting"  ("alliance_id", "held_on") `);
    await queryRunner.query(`CREATE INDEX "meeting_agreement_idx" ON "meeting"  ("agreement_id", "held_on") `);
    await queryRunner.query(
      `CREATE TABLE "meeting_participant" ("meeting_id" uuid NOT NULL, "person_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_f998ea5f6a6a131cda7ded71e51" PRIMARY KEY ("meeting_id", "person_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "meeting_participant_person_idx" ON "meeting_participant"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "organisation_name" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" character varying(300) NOT NULL, "valid_from" date, "valid_to" date, CONSTRAINT "PK_b101a39d172f58c02a56d59ae6c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "organisation_name_organisation_idx" ON "organisation_name"  ("organisation_id", "valid_from") `);
    await queryRunner.query(
      `CREATE TABLE "role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "person_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "valid_from" date, "valid_to" date, CONSTRAINT "PK_b36bcfe02fc8de3c57a8b2391c2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "role_person_idx" ON "role"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "role_organisation_idx" ON "role"  ("organisation_id") `);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        'postgres',
        'public',
        'release',
        'GENERATED_COLUMN',
        'search',
        "setweight(to_tsvector('german', coalesce(title, '')), 'A') || setweight(to_tsvector('german', coalesce(body, '')), 'B')",
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "release" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" character varying(300) NOT NULL, "published_on" date NOT NULL, "publisher_id" uuid, "url" character varying(2000), "body" text, "created_by" character varying(200) NOT NULL, "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('german', coalesce(title, '')), 'A') || setweight(to_tsvector('german', coalesce(body, '')), 'B')) STORED NOT NULL, CONSTRAINT "PK_1a2253436964eea9c558f9464f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "release_published_on_idx" ON "release"  ("published_on") `);
    await queryRunner.query(`CREATE INDEX "release_publisher_idx" ON "release"  ("publisher_id") `);
    await queryRunner.query(`CREATE TYPE "public"."release_relation" AS ENUM('ANNOUNCES', 'MENTIONS')`);
    await queryRunner.query(
      `CREATE TYPE "public"."linked_entity_type" AS ENUM('ALLIANCE', 'ORGANISATION', 'PERSON', 'AGREEMENT', 'MEETING')`,
    );
    await queryRunner.query(
      `CREATE TABLE "release_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "release_id" uuid NOT NULL, "relation" "public"."release_relation" NOT NULL, "entity_type" "public"."linked_entity_type" NOT NULL, "entity_id" uuid NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_06c8a0780239c44274591295bd5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "release_link_entity_idx" ON "release_link"  ("entity_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "release_link_key" ON "release_link"  ("release_id", "entity_id") `);
    await queryRunner.query(
      `CREATE TABLE "release_quote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "release_id" uuid NOT NULL, "person_id" uuid NOT NULL, "text" text NOT NULL, "position" integer NOT NULL, CONSTRAINT "PK_a7d01cdad0af66de62d6e705f9c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "release_quote_person_idx" ON "release_quote"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "release_quote_release_idx" ON "release_quote"  ("release_id", "position") `);
    await queryRunner.query(
      `ALTER TABLE "region" ADD CONSTRAINT "region_parent_fkey" FOREIGN KEY ("parent_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alliance" ADD CONSTRAINT "alliance_region_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation" ADD CONSTRAINT "organisation_region_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_agreement_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_alliance_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliance"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_represented_by_fkey" FOREIGN KEY ("represented_by_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_signatory_fkey" FOREIGN KEY ("signatory_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "commitment" ADD CONSTRAINT "commitment_agreement_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "membership_alliance_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliance"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "membership_organisation_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "meeting_agreement_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting" ADD CONSTRAINT "meeting_alliance_fkey" FOREIGN KEY ("alliance_id") REFERENCES "alliance"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_meeting_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_participant" ADD CONSTRAINT "meeting_participant_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organisation_name" ADD CONSTRAINT "organisation_name_organisation_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role" ADD CONSTRAINT "role_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role" ADD CONSTRAINT "role_organisation_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "release" ADD CONSTRAINT "release_publisher_fkey" FOREIGN KEY ("publisher_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "release_link" ADD CONSTRAINT "release_link_release_fkey" FOREIGN KEY ("release_id") REFERENCES "release"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "release_quote" ADD CONSTRAINT "release_quote_release_fkey" FOREIGN KEY ("release_id") REFERENCES "release"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "release_quote" ADD CONSTRAINT "release_quote_person_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written: German full text over releases, and a case- and umlaut-folding key for name search.
    await queryRunner.query(`CREATE INDEX "release_search_idx" ON "release" USING GIN ("search")`);
    await queryRunner.query(
      `CREATE FUNCTION registry_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN replace(replace(replace(replace(lower(value), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')`,
    );
    await queryRunner.query(
      `CREATE FUNCTION registry_strip(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN replace(translate(lower(value), 'äöüáàâéèêëíìîïóòôúùûç', 'aouaaaeeeeiiiiooouuuc'), 'ß', 'ss')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION registry_strip(text)`);
    await queryRunner.query(`DROP FUNCTION registry_fold(text)`);
    await queryRunner.query(`DROP INDEX "public"."release_search_idx"`);
    await queryRunner.query(`ALTER TABLE "release_quote" DROP CONSTRAINT "release_quote_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "release_quote" DROP CONSTRAINT "release_quote_release_fkey"`);
    await queryRunner.query(`ALTER TABLE "release_link" DROP CONSTRAINT "release_link_release_fkey"`);
    await queryRunner.query(`ALTER TABLE "release" DROP CONSTRAINT "release_publisher_fkey"`);
    await queryRunner.query(`ALTER TABLE "role" DROP CONSTRAINT "role_organisation_fkey"`);
    await queryRunner.query(`ALTER TABLE "role" DROP CONSTRAINT "role_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "organisation_name" DROP CONSTRAINT "organisation_name_organisation_fkey"`);
    await queryRunner.query(`ALTER TABLE "meeting_participant" DROP CONSTRAINT "meeting_participant_person_fkey"`);
    await queryRunner.query(`ALTER TABLE "meeting_participant" DROP CONSTRAINT "meeting_participant_meeting_fkey"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "meeting_alliance_fkey"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP CONSTRAINT "meeting_agreement_fkey"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_organisation_fkey"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_alliance_fkey"`);
    await queryRunner.query(`ALTER TABLE "commitment" DROP CONSTRAINT "commitment_agreement_fkey"`);
    await queryRunner.query(`ALTER TABLE "agreement_party" DROP CONSTRAINT "agreement_party_signatory_fkey"`);
    await queryRunner.query(`ALTER TABLE "agreement_party" DROP CONSTRAINT "agreement_party_represented_by_fkey"`);
    await queryRunner.query(`ALTER TABLE "agreement_party" DROP CONSTRAINT "agreement_party_alliance_fkey"`);
    await queryRunner.query(`ALTER TABLE "agreement_party" DROP CONSTRAINT "agreement_party_agreement_fkey"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "organisation_region_fkey"`);
    await queryRunner.query(`ALTER TABLE "alliance" DROP CONSTRAINT "alliance_region_fkey"`);
    await queryRunner.query(`ALTER TABLE "region" DROP CONSTRAINT "region_parent_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."release_quote_release_idx"`);
    await queryRunner.query(`DROP INDEX "public"."release_quote_person_idx"`);
    await queryRunner.query(`DROP TABLE "release_quote"`);
    await queryRunner.query(`DROP INDEX "public"."release_link_key"`);
    await queryRunner.query(`DROP INDEX "public"."release_link_entity_idx"`);
    await queryRunner.query(`DROP TABLE "release_link"`);
    await queryRunner.query(`DROP TYPE "public"."linked_entity_type"`);
    await queryRunner.query(`DROP TYPE "public"."release_relation"`);
    await queryRunner.query(`DROP INDEX "public"."release_publisher_idx"`);
    await queryRunner.query(`DROP INDEX "public"."release_published_on_idx"`);
    await queryRunner.query(`DROP TABLE "release"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`,
      ['GENERATED_COLUMN', 'search', 'postgres', 'public', 'release'],
    );
    await queryRunner.query(`DROP INDEX "public"."role_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."role_person_idx"`);
    await queryRunner.query(`DROP TABLE "role"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_name_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "organisation_name"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_participant_person_idx"`);
    await queryRunner.query(`DROP TABLE "meeting_participant"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_agreement_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_alliance_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_held_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meeting_kind_idx"`);
    await queryRunner.query(`DROP TABLE "meeting"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_status"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_kind"`);
    await queryRunner.query(`DROP INDEX "public"."membership_organisation_idx"`);
    await queryRunner.query(`DROP INDEX "public"."membership_alliance_idx"`);
    await queryRunner.query(`DROP TABLE "membership"`);
    await queryRunner.query(`DROP TYPE "public"."membership_role"`);
    await queryRunner.query(`DROP INDEX "public"."commitment_agreement_idx"`);
    await queryRunner.query(`DROP INDEX "public"."commitment_kind_idx"`);
    await queryRunner.query(`DROP TABLE "commitment"`);
    await queryRunner.query(`DROP TYPE "public"."commitment_kind"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_party_signatory_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_party_represented_by_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_party_alliance_idx"`);
    await queryRunner.query(`DROP TABLE "agreement_party"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_signed_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_status_idx"`);
    await queryRunner.query(`DROP TABLE "agreement"`);
    await queryRunner.query(`DROP TYPE "public"."agreement_status"`);
    await queryRunner.query(`DROP INDEX "public"."person_name_idx"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_region_idx"`);
    await queryRunner.query(`DROP INDEX "public"."organisation_kind_idx"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
    await queryRunner.query(`DROP INDEX "public"."alliance_region_idx"`);
    await queryRunner.query(`DROP INDEX "public"."alliance_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."alliance_level_idx"`);
    await queryRunner.query(`DROP TABLE "alliance"`);
    await queryRunner.query(`DROP TYPE "public"."alliance_status"`);
    await queryRunner.query(`DROP TYPE "public"."alliance_level"`);
    await queryRunner.query(`DROP INDEX "public"."region_parent_idx"`);
    await queryRunner.query(`DROP INDEX "public"."region_code_key"`);
    await queryRunner.query(`DROP INDEX "public"."region_kind_idx"`);
    await queryRunner.query(`DROP TABLE "region"`);
    await queryRunner.query(`DROP TYPE "public"."region_kind"`);
    await queryRunner.query(`DROP INDEX "public"."audit_event_entity_idx"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
