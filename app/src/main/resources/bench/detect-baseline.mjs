// Baseline of `./otodoke bench detect`: getTracking() of the npm package ts-tracking-number over
// the same inputs, single-threaded, cycling through them in order like the JMH benchmark does.
// Usage: node detect-baseline.mjs <folder holding node_modules> <inputs file, one per line>
//        <warm-up seconds> <measurement seconds>
// Prints "recognised=<n>/<total>" and then "ops/s=<number>".
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [prefix, inputsFile, warmupSeconds, measureSeconds] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(prefix), 'package.json'));
const { getTracking } = require('ts-tracking-number');
const inputs = readFileSync(inputsFile, 'utf8').split('\n');
if (inputs.length > 0 && inputs[inputs.length - 1] === '') inputs.pop();

let recognised = 0;
for (const s of inputs) if (getTracking(s) !== undefined) recognised++;
console.log(`recognised=${recognised}/${inputs.length}`);

let sink = 0;
let next = 0;
// Runs calls for about `seconds`, checking the clock every 256 calls; returns [calls, nanoseconds].
function run(seconds) {
  const limit = BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let calls = 0;
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let i = 0; i < 256; i++) {
      if (getTracking(inputs[next]) !== undefined) sink++;
      next = next + 1 === inputs.length ? 0 : next + 1;
    }
    calls += 256;
    elapsed = process.hrtime.bigint() - start;
  }
  return [calls, Number(elapsed)];
}

run(Number(warmupSeconds));
const [calls, nanos] = run(Number(measureSeconds));
console.log(`sink=${sink}`);
console.log(`ops/s=${(calls / (nanos / 1e9)).toFixed(1)}`);
