import Mocha from 'mocha';

/**
 * The suite's mocha instance. Creating it puts `describe`/`it` on the global object, as mocha's
 * own file loading does; index.ts imports this module before the test files, and imports are
 * evaluated in order, so the test files find the globals when they run.
 */
export const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'extension-host-suite', mocha);
