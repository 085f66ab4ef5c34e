import { Environment } from '../config/environment';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The server named by DATABASE_URL, or an embedded one in DATA_DIR when it is unset. */
export async function openDatabaseServer(env: Environment): Promise<DatabaseServer> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const server = await startEmbeddedPostgres(env.DATA_DIR);
  return { url: server.url, embedded: true, stop: () => server.stop() };
}
