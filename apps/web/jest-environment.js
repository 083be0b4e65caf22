// jsdom has no fetch, Request, Response or Headers; the app's API client is built on them, so the
// component tests lend jsdom Node's own (the ones the browser's behave like).
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    for (const name of ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'Blob', 'ReadableStream'])
      this.global[name] = globalThis[name];
  }
}

module.exports = JsdomWithFetchEnvironment;
