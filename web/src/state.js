// The page's state and its encoding in the URL hash: #s=<base64url of the JSON state>.
// A link with that hash reproduces the view (scenario, overrides, tab and each tab's inputs).
'use strict';

(function (global) {
  function toBase64Url(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(text) {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    const binary = atob(b64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder().decode(bytes);
  }

  function defaults() {
    return {
      scenario: null, // a bundled scenario id; null: the catalog's first default
      yaml: null, // scenario YAML text used instead of the bundled scenario
      set: {}, // key path -> value, only the keys the user changed
      tab: 'assess',
      sweep: null, // {param, values, samples}
      unc: null, // {samples, sobol, seed}
      sens: null, // {upload, horizon}
      upload: null, // {force, horizon, treaty}
      pathway: null,
      compare: null, // [scenario ids]
      snapshot: null,
    };
  }

  function encode(state) {
    const out = {};
    const d = defaults();
    for (const k of Object.keys(d)) {
      const v = state[k];
      if (v === null || v === undefined) continue;
      if (k === 'set' && Object.keys(v).length === 0) continue;
      if (k === 'tab' && v === 'assess') continue;
      out[k] = v;
    }
    return 's=' + toBase64Url(JSON.stringify(out));
  }

  function decode(hash) {
    const state = defaults();
    const text = (hash || '').replace(/^#/, '');
    const m = text.match(/(?:^|&)s=([A-Za-z0-9_-]+)/);
    if (!m) return state;
    try {
      const parsed = JSON.parse(fromBase64Url(m[1]));
      if (parsed && typeof parsed === 'object') {
        for (const k of Object.keys(state)) if (k in parsed) state[k] = parsed[k];
      }
      if (!state.set || typeof state.set !== 'object' || Array.isArray(state.set)) state.set = {};
    } catch (e) {
      console.warn('stratstab: ignoring a malformed #s= state', e);
    }
    return state;
  }

  global.StratState = { encode, decode, defaults, toBase64Url, fromBase64Url };
})(window);
