#!/usr/bin/env node
// validate-statements.js FILE.json
//
// Validates xAPI statements (a JSON array, or one statement object) with
// Learning Locker's xapi-validation, the same package and version the test
// LRS (xapi-statements) validates with. Also flags ids repeated inside the
// file: the LRS refuses a batch with a duplicated id (400).
//
// Prints "statement N (id): <errors>" for each bad statement (N is the
// 0-based index, as in the LRS's "statements.N..." warning paths) and exits 1;
// prints "N statements valid" and exits 0 when all are valid; exits 2 when the
// file cannot be read or is not JSON.
'use strict';

const fs = require('fs');
const validate = require('xapi-validation').default;

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: validate-statements.js FILE.json');
  process.exit(2);
}

let data;
try {
  data = JSON.parse(fs.readFileSync(file === '-' ? 0 : file, 'utf8'));
} catch (e) {
  console.error(`validate-statements: ${file}: ${e.message}`);
  process.exit(2);
}
const statements = Array.isArray(data) ? data : [data];

const show = (v) => {
  const s = JSON.stringify(v);
  return s === undefined ? 'nothing' : s.length > 120 ? s.slice(0, 117) + '...' : s;
};

const IGNORED = new Set(['data', 'path', 'message', 'name', 'stack']);
function describe(w) {
  const where = w.path.join('.');
  const kind = w.constructor.name;
  let what;
  switch (kind) {
    case 'RequiredWarning': what = 'missing required value'; break;
    case 'RestrictedKeysWarning': what = `unknown keys (${w.keys.join(', ')})`; break;
    case 'TypeWarning':
      what = `expected ${w.typeName || (w.type && w.type.name) || 'another type'}, received ${show(w.data)}`;
      break;
    case 'NoIfiWarning': what = 'agent has no identifier (mbox, mbox_sha1sum, openid or account)'; break;
    default: {
      const extra = Object.keys(w).filter((k) => !IGNORED.has(k))
        .map((k) => `${k}=${show(w[k])}`).join(', ');
      what = `${kind}${extra ? ` (${extra})` : ''}, received ${show(w.data)}`;
    }
  }
  return `${where}: ${what}`;
}

const firstIndex = new Map();
let bad = 0;
statements.forEach((statement, i) => {
  const errors = validate(statement).map(describe);
  const id = statement && typeof statement === 'object' ? statement.id : undefined;
  if (typeof id === 'string') {
    if (firstIndex.has(id)) {
      errors.push(`duplicate id (also statement ${firstIndex.get(id)}): the LRS refuses the whole batch`);
    } else {
      firstIndex.set(id, i);
    }
  }
  if (errors.length > 0) {
    bad += 1;
    console.log(`statement ${i} (${id === undefined ? 'no id' : id}): ${errors.join('; ')}`);
  }
});

if (bad > 0) {
  console.log(`${bad} of ${statements.length} statements invalid`);
  process.exit(1);
}
console.log(`${statements.length} statements valid`);
