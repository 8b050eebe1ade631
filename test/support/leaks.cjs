// Leak tracking for the mocha run (loaded first with --require, so it sees every resource the
// tests and the code under test create). Each async resource that can keep the process alive
// (sockets, servers, child processes, pipes, timers, immediates, workers, watchers, pending
// requests) is recorded with its creation stack and the test or hook that was running, and
// forgotten when it is destroyed. After the run, `leakedResources()` lists those still alive and
// still holding the event loop: the reporter fails the run with them (scripts/test.mjs runs mocha
// without --exit, so a leak would otherwise hang the run or hide).
'use strict';
const asyncHooks = require('node:async_hooks');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/**
 * The resource types that can keep the process alive: handles, timers, workers, and the requests
 * that create handles (connects, DNS lookups: a handle created in their callback inherits their
 * creation stack, which holds the caller). File system requests are left out (short, frequent).
 */
const TRACKED = new Set([
  'TCPWRAP', 'TCPSERVERWRAP', 'PIPEWRAP', 'PIPESERVERWRAP', 'PROCESSWRAP', 'TTYWRAP', 'UDPWRAP', 'SIGNALWRAP',
  'FSEVENTWRAP', 'STATWATCHER', 'Timeout', 'Immediate', 'WORKER', 'MESSAGEPORT',
  'TCPCONNECTWRAP', 'PIPECONNECTWRAP', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP', 'QUERYWRAP', 'HTTPCLIENTREQUEST',
]);

/** A stack frame of our code or a dependency's (not node's, not the test runner's). */
const isUserFrame = (line) => line.startsWith('at ') && !line.includes('node:') && !line.includes('leaks.cjs') && !line.includes('(<anonymous>)')
  && !/[\\/]node_modules[\\/](mocha|tsx)[\\/]/.test(line);

/** asyncId -> { type, resource, stack, during } */
const live = new Map();
/** The test or hook running now (set by the reporter), so a leak names where it was created. */
let current = 'loading the test files';

function creationStack() {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const holder = {};
  Error.captureStackTrace(holder, creationStack);
  Error.stackTraceLimit = limit;
  return holder.stack;
}

const hook = asyncHooks.createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    if (!TRACKED.has(type)) return;
    let stack = creationStack();
    if (!stack.split('\n').some((l) => isUserFrame(l.trim()))) stack = live.get(triggerAsyncId)?.stack ?? stack;
    live.set(asyncId, { type, resource, stack, during: current });
  },
  destroy(asyncId) {
    live.delete(asyncId);
  },
});
hook.enable();

/** Frames worth reading: the code's and its dependencies' (else node's public ones), not mocha's. */
function usefulFrames(stack) {
  const lines = stack.split('\n').map((l) => l.trim());
  const user = lines.filter(isUserFrame);
  const frames = user.length > 0 ? user : lines.filter((l) => l.startsWith('at ') && !l.includes('node:internal') && !l.includes('leaks.cjs'));
  return frames.map((l) => l.replace(root + path.sep, '')).slice(0, 8);
}

function holdsLoop(resource) {
  if (resource === null || typeof resource !== 'object') return true;
  // Timers and handles say whether they are ref'd; pending requests always hold the loop.
  if (typeof resource.hasRef === 'function') return resource.hasRef();
  return true;
}

/** Resources still alive that keep the process from ending (the process's own stdout/stderr excluded). */
function leakedResources() {
  const stdio = new Set([process.stdout, process.stderr].map((s) => s._handle).filter(Boolean));
  const out = [];
  for (const [, r] of live) {
    if (stdio.has(r.resource) || !holdsLoop(r.resource)) continue;
    out.push({ type: r.type, during: r.during, frames: usefulFrames(r.stack) });
  }
  return out;
}

module.exports = {
  setCurrent(title) {
    current = title;
  },
  leakedResources,
  /** What the process itself reports as holding the loop (types only). */
  activeResourceTypes: () => process.getActiveResourcesInfo(),
  stopTracking: () => hook.disable(),
};
