#!/usr/bin/env node
// Runs Learning Locker's xAPI statements service (npm "xapi-statements",
// dist/server.js, unmodified) for tests, in its memory models mode, with:
//
//  * Basic auth against one known key/secret. The service's "fetch" auth repo
//    asks an HTTP endpoint (LL_CLIENT_INFO_ENDPOINT) for the client that owns
//    the request's Authorization header; 200 + client JSON = authorised,
//    404 = "Unauthorised" (HTTP 401). This file serves that endpoint on an
//    OS-chosen loopback port inside the same process. A second, read-only
//    client (scope statements/read) lets tests provoke 403 Forbidden on writes.
//  * Statements persisted to a JSON file (LRS_STATE_FILE), written
//    synchronously every time the memory repo changes, so the statements
//    stored before a stop are still there after a restart (the memory repo
//    alone forgets everything when the process exits; MongoDB is not available).
//  * Two fixes that make the memory repo behave like the production (mongo)
//    repo, see README.md: cursor ids that sort in stored order (the memory repo
//    uses uuid v1 strings, whose order wraps every ~7 minutes and then breaks
//    "more" paging), and since/until compared as dates rather than as strings.
//
// Configuration is by environment (set by lrs.sh):
//   LRS_PORT, LRS_DIR, LRS_KEY, LRS_SECRET, LRS_RO_KEY, LRS_RO_SECRET,
//   LRS_STATE_FILE, REDIS_URL, LRS_REDIS_PIDFILE, LRS_TTL_SECONDS
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');

const env = process.env;
const dir = env.LRS_DIR;
const port = Number(env.LRS_PORT);
if (!dir || !port) {
  console.error('lrs-server: LRS_DIR and LRS_PORT are required');
  process.exit(2);
}
const stateFile = env.LRS_STATE_FILE || path.join(dir, 'lrs-state.json');
const ttlSeconds = Number(env.LRS_TTL_SECONDS || 7200);

const pkg = (p) => require.resolve('xapi-statements/dist/' + p);

// ---------------------------------------------------------------- auth
const client = (id, title, scopes) => ({
  _id: id,
  title,
  authority: { objectType: 'Agent', name: title, mbox: 'mailto:' + id + '@lrs.test' },
  isTrusted: true,
  lrs_id: '5a0000000000000000000001',
  organisation: '5a0000000000000000000002',
  scopes,
});
const credentials = new Map([
  [`${env.LRS_KEY}:${env.LRS_SECRET}`, client('5a0000000000000000000010', 'threshold-test', ['all'])],
  [`${env.LRS_RO_KEY}:${env.LRS_RO_SECRET}`, client('5a0000000000000000000011', 'threshold-readonly', ['statements/read'])],
]);

function clientFor(authorization) {
  const m = /^\s*basic\s+(\S+)\s*$/i.exec(authorization || '');
  if (!m) return undefined;
  return credentials.get(Buffer.from(m[1], 'base64').toString('utf8'));
}

const authServer = http.createServer((req, res) => {
  const c = clientFor(req.headers.authorization);
  res.writeHead(c ? 200 : 404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(c || { message: 'No client' }));
});

// ---------------------------------------------------------------- persistence
function loadState() {
  try {
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    for (const m of saved.statements) {
      m.stored = new Date(m.stored);
      m.timestamp = new Date(m.timestamp);
    }
    return saved;
  } catch (e) {
    if (e.code !== 'ENOENT') console.error('lrs-server: cannot read ' + stateFile + ': ' + e.message);
    return { statements: [], fullActivities: [], seq: 0 };
  }
}

function persist(state) {
  const saved = loadState();
  let statements = saved.statements;
  let fullActivities = saved.fullActivities;
  let seq = saved.seq || 0;
  const save = () => {
    const tmp = stateFile + '.tmp';
    fs.writeFileSync(tmp, JSON.stringify({ seq, statements, fullActivities }));
    fs.renameSync(tmp, stateFile);
  };
  // Ids that sort like (stored, insertion order): the repo sorts results by
  // statement.stored then _id, but pages with "_id < cursor" only.
  const sortableId = (m) =>
    String(Date.parse(m.statement.stored)).padStart(15, '0') + '-' + String(++seq).padStart(10, '0');
  Object.defineProperty(state, 'statements', {
    enumerable: true,
    get: () => statements,
    set: (v) => {
      for (const m of v) {
        if (!/^\d{15}-\d{10}$/.test(m._id)) m._id = sortableId(m);
      }
      statements = v;
      save();
    },
  });
  Object.defineProperty(state, 'fullActivities', {
    enumerable: true,
    get: () => fullActivities,
    set: (v) => { fullActivities = v; save(); },
  });
  save();
}

const memoryModels = require(pkg('repo/modelsRepo/utils/memoryModels/facade'));
const makeMemoryModels = memoryModels.default;
memoryModels.default = (config) => {
  persist(config.state);
  return makeMemoryModels(config);
};

const since = require(pkg('repo/modelsRepo/getStatements/memory/matchesSinceOption'));
since.default = (statement, opts) =>
  opts.since === undefined || new Date(statement.stored) > new Date(opts.since);
const until = require(pkg('repo/modelsRepo/getStatements/memory/matchesUntilOption'));
until.default = (statement, opts) =>
  opts.until === undefined || new Date(statement.stored) <= new Date(opts.until);

// ---------------------------------------------------------------- watchdog
// Don't outlive the test: exit (taking our Redis with us) when the state
// directory is removed or after LRS_TTL_SECONDS.
let redisPid = 0;
try {
  redisPid = Number(fs.readFileSync(env.LRS_REDIS_PIDFILE, 'utf8').trim()) || 0;
} catch (e) { /* no redis pid: nothing to reap */ }
function giveUp(why) {
  console.error('lrs-server: ' + why + '; exiting');
  if (redisPid) {
    try { process.kill(redisPid, 'SIGTERM'); } catch (e) { /* already gone */ }
  }
  process.exit(0);
}
setInterval(() => { if (!fs.existsSync(dir)) giveUp(dir + ' is gone'); }, 2000).unref();
setTimeout(() => giveUp('LRS_TTL_SECONDS (' + ttlSeconds + ') elapsed'), ttlSeconds * 1000).unref();

// ---------------------------------------------------------------- start
authServer.listen(0, '127.0.0.1', () => {
  Object.assign(env, {
    EXPRESS_PORT: String(port),
    AUTH_REPO: 'fetch',
    LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${authServer.address().port}/auth`,
    MODELS_REPO: 'memory',
    STORAGE_REPO: 'local',
    EVENTS_REPO: 'redis',
    FS_LOCAL_STORAGE_DIR: path.join(dir, 'storage'),
    EXPRESS_MORGAN_DIRECTORY: path.join(dir, 'access-logs'),
    SERVICE_AWAIT_UPDATES: 'true',
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  });
  // server.js calls app.listen(port), i.e. on every interface: loopback only.
  const express = require(require.resolve('express', { paths: [path.dirname(pkg('server'))] }));
  express.application.listen = function listen(p, cb) {
    return http.createServer(this)
      .on('error', (e) => {
        console.error('lrs-server: cannot listen on 127.0.0.1:' + p + ': ' + e.message);
        process.exit(3);
      })
      .listen(p, '127.0.0.1', cb);
  };
  process.chdir(dir); // dotenv reads ./.env: keep it out of the repo
  require(pkg('server'));
});
