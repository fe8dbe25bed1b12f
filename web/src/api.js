// The HTTP API of `stratstab serve`: every computation is POST /api/<command> with
// {scenario | yaml, set, options, args} and answers the CLI's --json; long runs are jobs.
'use strict';

(function (global) {
  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || 'HTTP ' + status);
      this.status = status;
      this.body = body || {};
      this.diagnostics = (body && Array.isArray(body.diagnostics)) ? body.diagnostics : [];
    }
  }

  function describeStatus(status) {
    switch (status) {
      case 400: return 'input error';
      case 403: return 'path outside the data directory';
      case 404: return 'not found';
      case 413: return 'request too large';
      case 429: return 'too many jobs running; try again in a moment';
      case 504: return 'over the per-request time limit (run it as a job)';
      default: return 'server error ' + status;
    }
  }

  // The server runs at most `limits.max_jobs` computations at once and answers 429 beyond; the
  // page queues its own so that it never asks for more (a job holds its slot until it ends).
  let slots = 2;
  let active = 0;
  const waiting = [];
  function setSlots(n) {
    if (Number.isInteger(n) && n > 0) slots = n;
    pump();
  }
  function pump() {
    while (active < slots && waiting.length) {
      ++active;
      waiting.shift()();
    }
  }
  function acquire() {
    return new Promise((resolve) => {
      waiting.push(resolve);
      pump();
    });
  }
  function release() {
    --active;
    pump();
  }
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  async function request(method, path, body, signal) {
    // A 429 (another client holds the slots) is retried with a growing wait.
    for (let attempt = 0; ; ++attempt) {
      try {
        return await requestOnce(method, path, body, signal);
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 429 || attempt >= 12) throw e;
        await sleep(250 * (attempt + 1));
      }
    }
  }

  async function requestOnce(method, path, body, signal) {
    const init = { method, headers: {}, signal };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, { error: 'network', message: 'cannot reach the stratstab server: ' + e.message });
    }
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!res.ok) {
      const b = json && typeof json === 'object' ? json : { message: text || describeStatus(res.status) };
      if (!b.message) b.message = describeStatus(res.status);
      throw new ApiError(res.status, b);
    }
    if (json === null && text) throw new ApiError(res.status, { message: 'the server did not answer JSON' });
    return json;
  }

  const get = (path, signal) => request('GET', path, undefined, signal);
  async function post(command, body, signal) {
    await acquire();
    try {
      return await request('POST', 'api/' + command, body, signal);
    } finally {
      release();
    }
  }

  // Runs `command` as a job, calling onProgress(job) on each poll; resolves with the CLI JSON.
  // handle.cancel() sends DELETE /api/jobs/<id>.
  function job(command, body, onProgress) {
    let id = null;
    let cancelled = false;
    let timer = null;
    let held = false;
    let rejectJob = null;
    const promise = new Promise((resolve, reject) => {
      rejectJob = reject;
      acquire().then(() => {
        held = true;
        if (cancelled) throw new ApiError(0, { error: 'cancelled', message: 'cancelled' });
        return request('POST', 'api/jobs/' + command, body);
      }).then((started) => {
        id = started.id;
        if (cancelled) {
          request('DELETE', 'api/jobs/' + id).catch(() => {});
          reject(new ApiError(0, { error: 'cancelled', message: 'cancelled' }));
          return;
        }
        const poll = async () => {
          try {
            const j = await get('api/jobs/' + id);
            if (onProgress) onProgress(j);
            if (j.state === 'done') return resolve(j.result);
            if (j.state === 'failed') {
              const err = j.error || { message: 'the job failed' };
              return reject(new ApiError(err.error === 'input' ? 400 : 500, err));
            }
            if (j.state === 'cancelled') return reject(new ApiError(0, { error: 'cancelled', message: 'cancelled' }));
            timer = setTimeout(poll, 300);
          } catch (e) {
            reject(e);
          }
        };
        if (onProgress) onProgress(started);
        poll();
      }).catch(reject);
    }).finally(() => {
      if (held) release();
    });
    return {
      promise,
      cancel() {
        cancelled = true;
        if (timer) clearTimeout(timer);
        const done = id !== null ? request('DELETE', 'api/jobs/' + id).catch(() => {}) : Promise.resolve();
        return done.then(() => {
          if (id !== null) rejectJob(new ApiError(0, { error: 'cancelled', message: 'cancelled' }));
        });
      },
      get id() { return id; },
    };
  }

  global.StratApi = { get, post, job, setSlots, ApiError, describeStatus };
})(window);
