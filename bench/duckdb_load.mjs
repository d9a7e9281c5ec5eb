// Peer benchmark (benchmark only, never a dependency of Tianping): loads a JSONL file of cases into a
// DuckDB table with its node API and prints the wall time. Install into bench/node_modules (not
// committed):  npm install --no-save @duckdb/node-api
//   node bench/duckdb_load.mjs FILE.jsonl DBFILE [THREADS]
import { DuckDBInstance } from '@duckdb/node-api';
import { statSync, rmSync } from 'node:fs';

const [file, dbFile, threads = '2'] = process.argv.slice(2);
if (!file || !dbFile) {
  console.error('usage: node duckdb_load.mjs FILE.jsonl DBFILE [THREADS]');
  process.exit(2);
}
rmSync(dbFile, { force: true });
rmSync(dbFile + '.wal', { force: true });
const start = process.hrtime.bigint();
const instance = await DuckDBInstance.create(dbFile, { threads });
const conn = await instance.connect();
await conn.run(`CREATE TABLE cases AS SELECT * FROM read_json('${file}', format = 'newline_delimited',
                maximum_object_size = 16777216)`);
await conn.run('CHECKPOINT');
const secs = Number(process.hrtime.bigint() - start) / 1e9;
const count = (await conn.runAndReadAll('SELECT count(*) FROM cases')).getRows()[0][0];
console.log(`duckdb ${count} rows in ${secs.toFixed(2)} s, file ${(statSync(dbFile).size / 1e6).toFixed(1)} MB`);
