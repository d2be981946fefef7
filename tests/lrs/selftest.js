#!/usr/bin/env node
// Self-test of the LRS harness and a record of how the LRS behaves.
// Run: tests/lrs/lrs.sh install && node --test tests/lrs/selftest.js
'use strict';

const { describe, before, after, test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const HERE = __dirname;
const LRS_SH = path.join(HERE, 'lrs.sh');
const samples = JSON.parse(fs.readFileSync(path.join(HERE, 'samples/valid-statements.json'), 'utf8'));
const clone = (x) => JSON.parse(JSON.stringify(x));
const uuid = (n) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let dir;
let lrs; // { endpoint, key, secret }

function lrsSh(...args) {
  const out = execFileSync(LRS_SH, [...args, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return Object.fromEntries(out.trim().split('\n').filter(Boolean).map((l) => {
    const i = l.indexOf('=');
    return [l.slice(0, i), l.slice(i + 1)];
  }));
}

async function xapi(method, resource, { body, auth, version = '1.0.3' } = {}) {
  const [key, secret] = auth || [lrs.key, lrs.secret];
  const headers = { 'Content-Type': 'application/json' };
  if (version) headers['X-Experience-API-Version'] = version;
  if (key !== null) headers.Authorization = 'Basic ' + Buffer.from(`${key}:${secret}`).toString('base64');
  const url = resource.startsWith('/') ? new URL(resource, lrs.endpoint).href : lrs.endpoint + resource;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch (e) { json = undefined; }
  return { status: res.status, json, text };
}

async function allStatements(query) {
  const ids = [];
  let next = 'statements?' + query;
  for (let pages = 0; next; pages += 1) {
    assert.ok(pages < 50, 'too many pages');
    const r = await xapi('GET', next);
    assert.equal(r.status, 200, r.text);
    ids.push(...r.json.statements.map((s) => s.id));
    next = r.json.more; // relative to the server: "/xAPI/statements?...&cursor=..."
  }
  return ids;
}

describe('test LRS', () => {
  before(() => {
    execFileSync(LRS_SH, ['install'], { stdio: 'inherit' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lrs-selftest-'));
    lrs = lrsSh('start');
    assert.match(lrs.endpoint, /^http:\/\/127\.0\.0\.1:\d+\/xAPI\/$/);
  });
  after(() => {
    if (dir) {
      spawnSync(LRS_SH, ['stop', dir], { stdio: 'inherit' });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('about', async () => {
    const r = await xapi('GET', 'about', { auth: [null] });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.version, ['1.0.3']);
  });

  test('POST a batch of valid statements: 200 and their ids', async () => {
    const r = await xapi('POST', 'statements', { body: samples });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, samples.map((s) => s.id));
  });

  test('re-sending an identical statement: 200, stored once', async () => {
    const r = await xapi('POST', 'statements', { body: samples[1] });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json, [samples[1].id]);
    const ids = await allStatements('limit=100');
    assert.equal(ids.filter((id) => id === samples[1].id).length, 1);
  });

  test('same id, different body: 409 "<id> is conflicting"', async () => {
    const s = clone(samples[1]);
    s.result.score.raw = 1;
    s.result.score.scaled = 0.5;
    const r = await xapi('POST', 'statements', { body: s });
    assert.equal(r.status, 409, r.text);
    assert.equal(r.json.message, `${s.id} is conflicting`);
  });

  test('invalid statement: 400 with warnings naming statements.0', async () => {
    const s = clone(samples[1]);
    s.id = uuid(1);
    s.verb.id = 'answered';
    const r = await xapi('POST', 'statements', { body: s });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.json.warnings, ["Problem in 'statements.0.verb.id'. Received '\"answered\"'"]);
  });

  test('batch with one invalid statement: 400, nothing of it stored', async () => {
    const good1 = { ...clone(samples[0]), id: uuid(2) };
    const bad = { ...clone(samples[0]), id: uuid(3), actor: { objectType: 'Agent', name: 'No IFI' } };
    const good2 = { ...clone(samples[0]), id: uuid(4) };
    const r = await xapi('POST', 'statements', { body: [good1, bad, good2] });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.warnings.length, 1);
    assert.match(r.json.warnings[0], /^Problem in 'statements\.1\.actor'/);
    for (const id of [uuid(2), uuid(4)]) {
      assert.equal((await xapi('GET', `statements?statementId=${id}`)).status, 404);
    }
  });

  test('batch with one conflicting statement: 409, nothing of it stored', async () => {
    const fresh = { ...clone(samples[0]), id: uuid(5) };
    const conflicting = clone(samples[1]);
    conflicting.result.response = 'b';
    const r = await xapi('POST', 'statements', { body: [fresh, conflicting] });
    assert.equal(r.status, 409, r.text);
    assert.equal((await xapi('GET', `statements?statementId=${uuid(5)}`)).status, 404);
  });

  test('same id twice in one batch: 400 "is duplicated in the current batch"', async () => {
    const s = { ...clone(samples[0]), id: uuid(6) };
    const r = await xapi('POST', 'statements', { body: [s, s] });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.json.message, `${uuid(6)} is duplicated in the current batch`);
  });

  test('wrong secret, unknown key, no Authorization: 401', async () => {
    for (const auth of [[lrs.key, 'wrong'], ['nobody', 'x'], [null]]) {
      const r = await xapi('POST', 'statements', { body: { ...clone(samples[0]), id: uuid(7) }, auth });
      assert.equal(r.status, 401, r.text);
      assert.equal(r.json.message, 'Unauthorised');
    }
  });

  test('read-only client writing: 403', async () => {
    const auth = ['threshold-readonly-key', 'threshold-readonly-secret'];
    const r = await xapi('POST', 'statements', { body: { ...clone(samples[0]), id: uuid(8) }, auth });
    assert.equal(r.status, 403, r.text);
    assert.equal((await xapi('GET', 'statements?limit=1', { auth })).status, 200);
  });

  test('missing X-Experience-API-Version: 400', async () => {
    const r = await xapi('GET', 'statements', { version: null });
    assert.equal(r.status, 400, r.text);
  });

  test('PUT statements?statementId=: 204, again 204, conflict 409', async () => {
    const s = { ...clone(samples[0]), id: uuid(9) };
    assert.equal((await xapi('PUT', `statements?statementId=${s.id}`, { body: s })).status, 204);
    assert.equal((await xapi('PUT', `statements?statementId=${s.id}`, { body: s })).status, 204);
    const c = { ...s, timestamp: '2026-07-12T15:00:00Z' };
    assert.equal((await xapi('PUT', `statements?statementId=${s.id}`, { body: c })).status, 409);
  });

  test('GET since=... with limit=2 pages through "more"', async () => {
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const ids = [];
    for (let i = 10; i < 15; i += 1) {
      const r = await xapi('POST', 'statements', { body: { ...clone(samples[1]), id: uuid(i) } });
      assert.equal(r.status, 200, r.text);
      ids.push(uuid(i));
    }
    const first = await xapi('GET', `statements?since=${encodeURIComponent(since)}&limit=2`);
    assert.equal(first.json.statements.length, 2);
    assert.match(first.json.more, /^\/xAPI\/statements\?.*cursor=/);
    assert.deepEqual(await allStatements(`since=${encodeURIComponent(since)}&limit=2`), ids.slice().reverse());
    assert.deepEqual(await allStatements(`since=${encodeURIComponent(since)}&limit=2&ascending=true`), ids);
  });

  test('stop-lrs / start-lrs: refused while down, same endpoint and statements after', async () => {
    const before = await allStatements('limit=100');
    lrsSh('stop-lrs');
    await assert.rejects(xapi('GET', 'statements'));
    const again = lrsSh('start-lrs');
    assert.deepEqual(again, lrs);
    assert.deepEqual(await allStatements('limit=3'), before);
    const s = clone(samples[1]);
    s.result.response = 'b';
    assert.equal((await xapi('POST', 'statements', { body: s })).status, 409);
    assert.equal((await xapi('POST', 'statements', { body: { ...clone(samples[0]), id: uuid(20) } })).status, 200);
  });

  test('validate-statements.js', () => {
    const run = (f) => spawnSync(process.execPath, [path.join(HERE, 'validate-statements.js'), f], { encoding: 'utf8' });
    const ok = run(path.join(HERE, 'samples/valid-statements.json'));
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.equal(ok.stdout, `${samples.length} statements valid\n`);
    const bad = run(path.join(HERE, 'samples/invalid-statements.json'));
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /^statement 0 \(1b1d6e2a-9a0e-4c2f-8b84-3a7f0d6e1c11\): statement\.verb\.id: /m);
    assert.match(bad.stdout, /^statement 5 \(.*\): duplicate id/m);
    assert.doesNotMatch(bad.stdout, /^statement 4 /m);
  });
});
