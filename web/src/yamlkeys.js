// A small reader of a scenario file's key paths: for each scalar or figure the value, and for a
// figure written `{value: V, ..., range: [low, high]}` its stated range. Only for showing the
// scenario's current values and the sliders' ends; the server parses and validates the file.
'use strict';

(function (global) {
  function unquote(s) {
    s = s.trim();
    if ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'"))) return s.slice(1, -1);
    return s;
  }

  function scalar(s) {
    const t = unquote(s);
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
    return t;
  }

  // Splits "a: 1, b: [1, 2], c: 'x, y'" at the top-level commas.
  function splitFlow(text) {
    const parts = [];
    let depth = 0;
    let quote = null;
    let start = 0;
    for (let i = 0; i < text.length; ++i) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') ++depth;
      else if (c === ']' || c === '}') --depth;
      else if (c === ',' && depth === 0) {
        parts.push(text.slice(start, i));
        start = i + 1;
      }
    }
    parts.push(text.slice(start));
    return parts.map((p) => p.trim()).filter(Boolean);
  }

  function stripComment(s) {
    let quote = null;
    for (let i = 0; i < s.length; ++i) {
      const c = s[i];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i).trimEnd();
    }
    return s;
  }

  function flowMap(path, body, out) {
    const entries = {};
    for (const part of splitFlow(body)) {
      const m = /^([A-Za-z0-9_.-]+)\s*:\s*(.*)$/.exec(part);
      if (m) entries[m[1]] = m[2];
    }
    if ('value' in entries) {
      const fig = { value: scalar(entries.value) };
      if (entries.range) {
        const r = /^\[\s*([^,\]]+)\s*,\s*([^\]]+)\]$/.exec(entries.range.trim());
        if (r) fig.range = [Number(r[1]), Number(r[2])];
      }
      out[path] = fig;
      return;
    }
    for (const [k, v] of Object.entries(entries)) {
      const t = v.trim();
      if (t.startsWith('{') && t.endsWith('}')) flowMap(path + '.' + k, t.slice(1, -1), out);
      else out[path + '.' + k] = { value: scalar(t) };
    }
  }

  function figures(text) {
    const out = {};
    const stack = [{ indent: -1, path: '' }];
    const counters = {};
    const join = (p, k) => (p ? p + '.' + k : k);
    let blockIndent = null; // inside a multi-line string (key: >- or |)
    for (const raw of String(text || '').split(/\r?\n/)) {
      if (!raw.trim() || raw.trim().startsWith('#')) continue;
      let indent = raw.length - raw.trimStart().length;
      if (blockIndent !== null) {
        if (indent > blockIndent) continue;
        blockIndent = null;
      }
      let content = stripComment(raw.trim());
      while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
      if (content.startsWith('- ') || content === '-') {
        const parent = stack[stack.length - 1];
        const idx = counters[parent.path] || 0;
        counters[parent.path] = idx + 1;
        const itemPath = parent.path + '[' + idx + ']';
        stack.push({ indent, path: itemPath });
        content = content.slice(2).trim();
        indent += 2;
        if (!content) continue;
        if (!/^[A-Za-z0-9_.-]+\s*:/.test(content)) {
          out[itemPath] = { value: scalar(content) };
          continue;
        }
      }
      const m = /^([A-Za-z0-9_.-]+)\s*:\s*(.*)$/.exec(content);
      if (!m) continue;
      const parent = stack[stack.length - 1];
      const path = join(parent.path, m[1]);
      const rest = m[2].trim();
      if (rest === '') {
        stack.push({ indent, path });
      } else if (/^[>|][-+]?$/.test(rest)) {
        blockIndent = indent;
      } else if (rest.startsWith('{') && rest.endsWith('}')) {
        flowMap(path, rest.slice(1, -1), out);
      } else if (rest.startsWith('[')) {
        out[path] = { value: rest };
      } else {
        out[path] = { value: scalar(rest) };
      }
    }
    return out;
  }

  global.StratYaml = { figures };
})(window);
