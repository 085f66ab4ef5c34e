// The floor: a bare Node http server that answers every POST with the result of one SQL statement
// (bench/floor/<query>.sql) run through pg. Usage: node bench/floor/server.mjs <database-url> <port> <query> [pool]
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const pg = require('pg');
const [url, port, name = 'alliance-list', pool = '10'] = process.argv.slice(2);
const sql = readFileSync(new URL(`./${name}.sql`, import.meta.url), 'utf8');
const db = new pg.Pool({ connectionString: url, max: Number(pool) });
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
http
  .createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      let first = 50;
      try {
        first = JSON.parse(body || '{}').variables?.first ?? 50;
      } catch {
        // not JSON: the default page size
      }
      try {
        const { rows } = await db.query({ name: 'floor', text: sql, values: [first, today()] });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(rows[0].body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      }
    });
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`floor listening on ${port}`));
