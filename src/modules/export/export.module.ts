import { Module } from '@nestjs/common';
import { ExportController } from './export.controller';

/** Open data: GET /export/popolo.json and /export/{organisations,people,memberships}.csv. */
@Module({ controllers: [ExportController] })
export class ExportModule {}
