import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** The TypeORM CLI's entry (npm run typeorm -- migration:generate migrations/Name); needs DATABASE_URL. */
export default new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/allianzregister' }));
