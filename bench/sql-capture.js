'use strict';
/**
 * Preloaded into the API by bench/http.bench.ts (`node -r ./bench/sql-capture.js …`): records
 * every statement the `pg` driver sends, with its parameters, while capture is on. SIGWINCH (Nest's
 * shutdown hooks take SIGUSR2)
 * toggles it; turning it off writes what was recorded to BENCH_SQL_CAPTURE as JSON. The bench
 * turns it on, makes one request, turns it off, and replays those statements in the ceiling server.
 */
const { writeFileSync } = require('node:fs');
const pg = require('pg');

const target = process.env.BENCH_SQL_CAPTURE;
if (target) {
  let recording = null;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(config, values, callback) {
    const result = query.call(this, config, values, callback);
    if (recording) {
      const text = typeof config === 'string' ? config : config && config.text;
      const params = Array.isArray(values) ? values : (config && config.values) || [];
      if (text) {
        // The rows too (as text), so the replay can tell ids read from ids an INSERT makes up.
        const entry = { text, values: params, rows: '' };
        recording.push(entry);
        if (result && typeof result.then === 'function') {
          result.then(
            (r) => (entry.rows = JSON.stringify(r && r.rows)),
            () => undefined,
          );
        }
      }
    }
    return result;
  };
  process.on('SIGWINCH', () => {
    if (recording) {
      writeFileSync(target, JSON.stringify(recording));
      recording = null;
    } else {
      recording = [];
    }
  });
}
