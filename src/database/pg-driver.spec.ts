import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { isDatabaseUnavailable } from './database-unavailable';
import { isNotReached, registryPg } from './pg-driver';

/** A message of PostgreSQL's protocol: its type byte, its length and its body. */
function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([Buffer.from(type), length, body]);
}
const AUTHENTICATION_OK = message('R', Buffer.from([0, 0, 0, 0]));
const READY_FOR_QUERY = message('Z', Buffer.from('I'));
/** An ErrorResponse with a SQLSTATE, as a server refuses a statement. */
const refusal = (sqlstate: string) => message('E', Buffer.from(`SERROR\0C${sqlstate}\0Mrefused\0\0`));

/**
 * A stand-in for a server, on loopback: `silent` accepts and never answers; the others let the
 * client in and then, at its first statement, `hang up` or `refuse` it with SQLSTATE 42P01.
 */
async function fakeServer(behaviour: 'silent' | 'hang up' | 'refuse'): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    if (behaviour === 'silent') return;
    let started = false;
    socket.on('data', () => {
      if (!started) {
        started = true;
        socket.write(Buffer.concat([AUTHENTICATION_OK, READY_FOR_QUERY]));
      } else if (behaviour === 'hang up') socket.destroy();
      else socket.write(Buffer.concat([refusal('42P01'), READY_FOR_QUERY]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

describe("the registry's pg driver", () => {
  const servers: { server: Server; sockets: Socket[] }[] = [];
  const pools: InstanceType<typeof registryPg.Pool>[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end().catch(() => undefined)));
    for (const { server, sockets } of servers.splice(0)) {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });

  async function poolFor(behaviour: 'silent' | 'hang up' | 'refuse') {
    const fake = await fakeServer(behaviour);
    servers.push(fake);
    const pool = new registryPg.Pool({
      host: '127.0.0.1',
      port: fake.port,
      user: 'x',
      database: 'x',
      connectionTimeoutMillis: 300,
      max: 1,
    });
    pool.on('error', () => undefined);
    pools.push(pool);
    return pool;
  }

  const failureOf = (work: Promise<unknown>) =>
    work.then(
      () => undefined,
      (error: unknown) => error,
    );

  it('marks a connection the pool could not get in time as a database not reached', async () => {
    const pool = await poolFor('silent');
    const error = await failureOf(pool.query('SELECT 1'));
    expect(error).toBeInstanceOf(Error);
    expect([isNotReached(error), isDatabaseUnavailable(error)]).toEqual([true, true]);
  });

  it('marks a query whose connection broke under it, through the pool and on a client of its own', async () => {
    const pool = await poolFor('hang up');
    await expect(failureOf(pool.query('SELECT 1')).then(isDatabaseUnavailable)).resolves.toBe(true);
    const client = await (await poolFor('hang up')).connect();
    // A client checked out of the pool reports its lost connection as an event too (TypeORM listens).
    client.on('error', () => undefined);
    const error = await failureOf(client.query('SELECT 1'));
    client.release(true);
    expect([isNotReached(error), isDatabaseUnavailable(error)]).toEqual([true, true]);
  });

  it("leaves a server's refusal alone: a DatabaseError with its SQLSTATE, not a database that was not reached", async () => {
    const pool = await poolFor('refuse');
    const error = await failureOf(pool.query('SELECT 1'));
    expect(error).toBeInstanceOf(registryPg.DatabaseError);
    expect((error as { code: string }).code).toBe('42P01');
    expect([isNotReached(error), isDatabaseUnavailable(error)]).toEqual([false, false]);
  });
});
