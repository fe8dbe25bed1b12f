// The stratstab page: scenario editor, results, plots, data browser, state in the URL.
'use strict';

(function () {
  const $ = (sel) => document.querySelector(sel);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  };
  const fmt = (x, d) => (x === null || x === undefined || Number.isNaN(x) ? '—' : typeof x === 'number' ? x.toFixed(d === undefined ? 3 : d) : String(x));
  const idOf = (key) => key.replace(/[^A-Za-z0-9]+/g, '-');

  const Api = window.StratApi;
  const Plots = window.StratPlots;
  const S = window.StratState;

  const CURVE_POINTS = 41;
  let state = S.decode(location.hash);
  let catalog = null;
  let lastAssess = null; // the last successful assess JSON
  let yamlFigs = {}; // key path -> {value, range} read from the scenario's YAML text
  let curvesSupported = true;
  let assessSeq = 0;
  let assessAbort = null;
  const tables = {}; // name -> {columns, rows} for downloads
  const tabRuns = {}; // tab -> signature of the inputs it was last computed for

  // ---------------------------------------------------------------- helpers

  function saveState() {
    const hash = '#' + S.encode(state);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  function baseBody() {
    if (state.yaml !== null && state.yaml !== undefined) return { yaml: state.yaml };
    return { scenario: state.scenario };
  }

  function inputsSignature(extra) {
    return JSON.stringify([baseBody(), state.set, extra || null]);
  }

  function showError(box, err) {
    const target = typeof box === 'string' ? $(box) : box;
    if (!target) return;
    if (!err) {
      target.textContent = '';
      target.hidden = target.id === 'error-box';
      return;
    }
    const lines = [];
    if (err.diagnostics && err.diagnostics.length) for (const d of err.diagnostics) lines.push(d.text || d.message);
    else lines.push(err.message || String(err));
    target.replaceChildren(...lines.map((t) => el('div', { text: t })));
    target.hidden = false;
  }

  function csvCell(v) {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function toCsv(table) {
    const lines = [table.columns.map(csvCell).join(',')];
    for (const r of table.rows) lines.push(table.columns.map((c) => csvCell(r[c])).join(','));
    return lines.join('\n') + '\n';
  }

  function download(filename, text, type) {
    const blob = new Blob([text], { type });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  }

  function scenarioLabel() {
    return state.yaml !== null ? 'pasted' : state.scenario || 'scenario';
  }

  // Download buttons (CSV, JSON, and SVG for plots) for a named table.
  function downloadButtons(name, opts) {
    const box = el('div', { class: 'downloads controls' });
    box.append(
      el('button', { type: 'button', class: 'dl', 'data-format': 'csv', 'data-table': name, text: 'CSV', title: 'Download ' + name + ' as CSV', onclick: () => {
        const t = tables[name];
        if (t) download(`${scenarioLabel()}-${name}.csv`, toCsv(t), 'text/csv');
      } }),
      el('button', { type: 'button', class: 'dl', 'data-format': 'json', 'data-table': name, text: 'JSON', title: 'Download ' + name + ' as JSON', onclick: () => {
        const t = tables[name];
        if (t) download(`${scenarioLabel()}-${name}.json`, JSON.stringify(t.rows, null, 2) + '\n', 'application/json');
      } }),
    );
    if (opts && opts.svg) {
      box.append(el('button', { type: 'button', class: 'dl', 'data-format': 'svg', 'data-table': name, text: 'SVG', title: 'Download the plot as SVG', onclick: () => {
        const svg = document.querySelector(`#plot-${name} svg`);
        if (svg) download(`${scenarioLabel()}-${name}.svg`, new XMLSerializer().serializeToString(svg), 'image/svg+xml');
      } }));
    }
    return box;
  }

  // A table with its downloads, into container `where`.
  function renderTable(where, name, table, opts) {
    tables[name] = table;
    const container = typeof where === 'string' ? $(where) : where;
    if (!table || !table.rows.length) {
      container.replaceChildren(el('p', { class: 'muted', text: (opts && opts.empty) || 'Nothing to show.' }));
      return;
    }
    const labels = (opts && opts.labels) || {};
    const cellFor = (opts && opts.cell) || null;
    const thead = el('thead', null, el('tr', null, ...table.columns.map((c) => el('th', { scope: 'col', text: labels[c] || c }))));
    const tbody = el('tbody');
    for (const r of table.rows) {
      const tr = el('tr');
      for (const c of table.columns) {
        const custom = cellFor ? cellFor(c, r) : undefined;
        const td = el('td', { class: typeof r[c] === 'number' ? 'num' : null });
        if (custom instanceof Node) td.append(custom);
        else td.textContent = custom !== undefined ? custom : typeof r[c] === 'number' ? fmtNum(r[c]) : r[c] === null || r[c] === undefined ? '' : typeof r[c] === 'object' ? JSON.stringify(r[c]) : String(r[c]);
        tr.append(td);
      }
      tbody.append(tr);
    }
    const tableEl = el('table', { id: 'table-' + name, 'data-table': name }, thead, tbody);
    if (opts && opts.caption) tableEl.prepend(el('caption', { text: opts.caption }));
    container.replaceChildren(downloadButtons(name), tableEl);
  }

  function fmtNum(x) {
    if (!Number.isFinite(x)) return String(x);
    if (Number.isInteger(x)) return String(x);
    const a = Math.abs(x);
    if (a >= 100) return x.toFixed(1);
    if (a >= 1) return x.toFixed(3);
    if (a === 0) return '0';
    if (a < 1e-3) return x.toExponential(2);
    return x.toFixed(4);
  }

  // Plot download buttons in the figure's .downloads[data-for] box.
  function plotDone(name, table) {
    tables[name] = table || { columns: [], rows: [] };
    const box = document.querySelector(`.downloads[data-for="${name}"]`);
    if (box) box.replaceChildren(...downloadButtons(name, { svg: true }).childNodes);
  }

  function drawPlot(name, fn) {
    const target = $('#plot-' + name);
    try {
      const t = fn(target);
      plotDone(name, t);
    } catch (e) {
      console.error(e);
      Plots.message(target, 'Could not draw this plot: ' + e.message);
    }
  }

  // A progress bar and Cancel button for a job, in `box`.
  function jobUi(box, handle) {
    const bar = el('progress', { max: 1, value: 0, 'aria-label': 'progress' });
    const text = el('span', { class: 'muted small', text: 'queued' });
    const cancel = el('button', { type: 'button', class: 'cancel', text: 'Cancel', onclick: () => { handle.cancel(); text.textContent = 'cancelling…'; } });
    box.replaceChildren(bar, text, cancel);
    box.hidden = false;
    return (job) => {
      if (job.total) {
        bar.max = job.total;
        bar.value = job.done || 0;
      }
      text.textContent = `${job.state}${job.total ? `: ${job.done || 0} of ${job.total} ${job.what || ''}` : ''}`;
    };
  }

  // Runs a command directly, or as a job with progress when asked (or when the server says 504).
  async function runCommand(command, body, opts) {
    const jobBox = opts && opts.jobBox ? $(opts.jobBox) : null;
    const asJob = opts && opts.job;
    const viaJob = async () => {
      let update = null;
      const handle = Api.job(command, body, (j) => update && update(j));
      if (jobBox) update = jobUi(jobBox, handle);
      try {
        return await handle.promise;
      } finally {
        if (jobBox) setTimeout(() => { jobBox.hidden = true; }, 400);
      }
    };
    if (asJob) return viaJob();
    try {
      return await Api.post(command, body);
    } catch (e) {
      if (e.status === 504) return viaJob();
      throw e;
    }
  }

  // ---------------------------------------------------------------- the input fields

  // Each field edits one key path through `set`. `value` is what the scenario has now (shown
  // until the user changes it); only changed keys are sent.
  function fieldSpecs(result) {
    const groups = [];
    const opt = (result && result.options) || {};
    const real = !result || !result.scenario || result.scenario.form !== 'abstract';
    const ids = result ? sideIds(result) : [];
    const sideInfo = (result && result.sides) || {};
    const defences = (result && result.defences) || {};

    const general = [
      { key: 'options.launch_under_attack', label: 'Launch under attack (victim launches on warning)', type: 'bool', value: opt.launch_under_attack },
      { key: 'options.lua_share', label: 'Share of silo warheads launched under attack', unit: 'share', type: 'range', min: 0, max: 1, step: 0.05, value: opt.lua_share },
    ];
    if (real) {
      general.unshift({ key: 'options.posture', label: 'Posture case', type: 'select', choices: ['day_to_day', 'generated', 'striker_generated'], value: opt.posture });
      general.push(
        { key: 'options.warning', label: 'Warning-based launch under attack (from the warning and flight times)', type: 'bool', value: opt.warning },
        { key: 'options.damage', label: 'Damage model', type: 'select', choices: ['exponential', 'cities'], value: damageValue(sideInfo) },
        { key: 'options.w80', label: 'w80 of the exponential', type: 'select', choices: ['derived', 'snapshot'], value: w80Value(sideInfo) },
        { key: 'options.draw_down', label: 'Counterforce draw-down', type: 'select', choices: ['exact', 'greedy'], value: opt.draw_down },
      );
    }
    general.push({ key: 'options.max_warheads_per_target', label: 'Most warheads per target', unit: 'warheads', type: 'range', min: 1, max: 6, step: 1, value: opt.max_warheads_per_target });
    groups.push({ title: 'Options', fields: general });

    if (real) {
      const treaties = catalog && catalog.treaties ? catalog.treaties : [];
      const t = result && result.compliance ? result.compliance.treaty : yamlFigs.treaty ? yamlFigs.treaty.value : undefined;
      groups.push({ title: 'Treaty and compliance', fields: [
        { key: 'treaty', label: 'Treaty regime', type: 'select', choices: treaties, value: t, blank: '(scenario default)' },
        { key: 'comply', label: 'Bring each force within the treaty by its stated rule (comply)', type: 'bool', value: !!(result && result.compliance) },
      ] });
    }

    for (const id of ids) {
      const fields = [];
      if (real) {
        if (!(result && result.three_sided)) fields.push({ key: `sides.${id}.withheld`, label: `${id}: share of warheads withheld against a third country`, unit: 'share', type: 'range', min: 0, max: 1, step: 0.05, dflt: 0 });
        fields.push(
          { key: `sides.${id}.upload_months`, label: `${id}: months of upload`, unit: 'months', type: 'range', min: 0, max: 60, step: 1, dflt: 0 },
          { key: `sides.${id}.warning.detection_minutes`, label: `${id}: warning, from launch to a warning acted on`, unit: 'minutes', type: 'range', min: 0, max: 15, step: 0.5, dflt: 2, help: 'used with warning-based launch under attack' },
          { key: `sides.${id}.warning.decision_minutes_max`, label: `${id}: warning, longest time to a launch decision`, unit: 'minutes', type: 'range', min: 0, max: 30, step: 0.5, dflt: 12, help: 'used with warning-based launch under attack' },
        );
        const d = defences[id];
        if (d) {
          const hi = Math.max(2000, Math.ceil((d.interceptors * 2) / 100) * 100);
          fields.push({ key: `sides.${id}.defence.interceptors`, label: `${id}: missile-defence interceptors`, unit: 'interceptors', type: 'range', min: 0, max: hi, step: 50, value: d.interceptors });
          fields.push({ key: `sides.${id}.defence.covers`, label: `${id}: what the defence protects`, type: 'select', choices: ['value', 'silos', 'both'] });
          (d.layers || []).forEach((l, i) => {
            fields.push({ key: `sides.${id}.defence.layers[${i}].sspk`, label: `${id}: layer “${l.name}”, single-shot kill probability`, unit: 'probability', type: 'range', min: 0, max: 1, step: 0.05 });
            fields.push({ key: `sides.${id}.defence.layers[${i}].shots`, label: `${id}: layer “${l.name}”, interceptors per object`, unit: 'interceptors', type: 'range', min: 1, max: 8, step: 1, dflt: 1 });
          });
        }
      } else {
        fields.push(
          { key: `sides.${id}.abstract.alert`, label: `${id}: share of survivable launchers untargetable (alert)`, unit: 'share', type: 'range', min: 0, max: 1, step: 0.05 },
          { key: `sides.${id}.abstract.de`, label: `${id}: kill probability of one warhead on one launcher`, unit: 'probability', type: 'range', min: 0, max: 1, step: 0.05 },
          { key: `sides.${id}.abstract.w80`, label: `${id}: w80, arriving warheads that destroy 80% of value`, unit: 'warheads', type: 'number', min: 1, step: 10 },
        );
      }
      if (sideInfo[id] && sideInfo[id].damage && real) {
        fields.push({ key: `sides.${id}.w80`, label: `${id}: snapshot w80 (with w80 = snapshot)`, unit: 'warheads', type: 'number', min: 1, step: 10, value: sideInfo[id].damage.w80_snapshot });
      }
      groups.push({ title: `Side ${id}`, fields });
    }
    // The scenario file's own values and stated ranges, where the JSON does not echo them.
    for (const g of groups) {
      for (const f of g.fields) {
        const y = yamlFigs[f.key];
        if (f.value === undefined && y) f.value = y.value;
        if (f.value === undefined && f.dflt !== undefined) f.value = f.dflt;
        if (y && y.range && f.type === 'range' && Number.isFinite(y.range[0]) && Number.isFinite(y.range[1]) && y.range[1] > y.range[0]) {
          f.min = y.range[0];
          f.max = y.range[1];
          if ((f.max - f.min) / f.step < 4) f.step = (f.max - f.min) / 20;
          f.help = (f.help ? f.help + '; ' : '') + `stated range [${f.min}, ${f.max}]`;
        }
      }
    }
    return groups;
  }

  // Side ids in the scenario's order (the first exchange's striker first), not the JSON's sorted keys.
  function sideIds(r) {
    const ids = [];
    for (const e of r.exchanges || []) for (const id of [e.striker, e.victim]) if (!ids.includes(id)) ids.push(id);
    for (const id of Object.keys((r.stability && r.stability.sides) || {})) if (!ids.includes(id)) ids.push(id);
    const t = r.three_sided;
    if (t) {
      for (const o of t.ordered_pairs || []) for (const id of [o.striker, o.victim]) if (!ids.includes(id)) ids.push(id);
      for (const id of Object.keys(t.sides || {})) if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  // The figures the results show, for two sides or three (`three_sided`: each pair's exchange,
  // the ordered pairs' costs, the least stable pair for the probability square).
  function view(r) {
    const t = r.three_sided;
    if (!t) {
      const ids = sideIds(r);
      return {
        ids,
        sideRows: ids.map((id) => Object.assign({ side: id }, r.stability.sides[id])),
        exchanges: r.exchanges || [],
        square: { ids: ids.slice(0, 2), sides: r.stability.sides, index: r.stability.index },
        note: null,
      };
    }
    const same = (p, q) => p && q && p.length === q.length && p.every((x) => q.includes(x));
    const pair = (t.pairs || []).find((p) => same(p.sides, t.least_pair)) || (t.pairs || [])[0];
    return {
      ids: sideIds(r),
      sideRows: (t.ordered_pairs || []).map((o) => ({ side: `${o.striker} striking ${o.victim}`, c1: o.c1, c2: o.c2, ratio: o.ratio })),
      exchanges: (t.pairs || []).flatMap((p) => p.exchanges || []),
      square: pair ? { ids: pair.sides, sides: pair.ratios, index: pair.index } : null,
      note: `Three sides: the system index is ${fmt(t.system_index, 6)}; pair indices ${(t.pairs || []).map((p) => p.sides.join('–') + ' ' + fmt(p.index, 4)).join(', ')}. The probability square shows the least stable pair${pair ? ' (' + pair.sides.join('–') + ')' : ''}.`,
    };
  }

  function damageValue(sides) {
    for (const s of Object.values(sides)) if (s.damage && s.damage.form) return s.damage.form === 'cities' ? 'cities' : s.damage.form === 'exponential' ? 'exponential' : undefined;
    return undefined;
  }

  function w80Value(sides) {
    for (const s of Object.values(sides)) {
      if (s.damage && s.damage.w80_derived && Math.abs(s.damage.w80 - s.damage.w80_derived.value) < 1e-9) return 'derived';
      if (s.damage && s.damage.w80_snapshot !== undefined && Math.abs(s.damage.w80 - s.damage.w80_snapshot) < 1e-9) return 'snapshot';
    }
    return undefined;
  }

  let fieldsSignature = null;

  function renderFields(result) {
    const groups = fieldSpecs(result);
    const sig = JSON.stringify(groups.map((g) => g.fields.map((f) => [f.key, f.type, f.max])));
    const container = $('#fields');
    if (sig === fieldsSignature) {
      // Same fields: refresh the shown values of the keys the user has not changed.
      for (const g of groups) for (const f of g.fields) if (!(f.key in state.set)) setFieldValue(f, f.value);
      updateChangedMarks();
      return;
    }
    fieldsSignature = sig;
    container.replaceChildren();
    for (const g of groups) {
      const fs = el('fieldset', { class: 'group' }, el('legend', { text: g.title }));
      for (const f of g.fields) fs.append(fieldElement(f));
      container.append(fs);
    }
    updateChangedMarks();
  }

  function currentOr(f) {
    return f.key in state.set ? state.set[f.key] : f.value;
  }

  function setFieldValue(f, v) {
    const wrap = document.querySelector(`.field[data-key="${CSS.escape(f.key)}"]`);
    if (!wrap) return;
    if (f.type === 'bool') wrap.querySelector('input').checked = !!v;
    else if (f.type === 'select') wrap.querySelector('select').value = v === undefined || v === null ? '' : String(v);
    else {
      const num = wrap.querySelector('input.num');
      const range = wrap.querySelector('input[type=range]');
      num.value = v === undefined || v === null ? '' : String(v);
      num.placeholder = v === undefined || v === null ? '(scenario value)' : '';
      if (range && v !== undefined && v !== null && v !== '') range.value = String(v);
    }
  }

  function fieldElement(f) {
    const fid = 'f-' + idOf(f.key);
    const wrap = el('div', { class: 'field', 'data-key': f.key, id: 'field-' + idOf(f.key) });
    const label = el('label', { for: fid }, f.label + (f.unit ? ` (${f.unit})` : ''));
    const err = el('div', { class: 'field-error', id: 'err-' + idOf(f.key), role: 'alert', 'aria-live': 'polite' });
    const reset = el('button', { type: 'button', class: 'reset controls', title: 'Back to the scenario value', 'aria-label': 'Reset ' + f.key, text: '↺', onclick: () => {
      delete state.set[f.key];
      setFieldValue(f, f.value);
      changed();
    } });
    const keyText = el('code', { class: 'key small', text: f.key });
    const v = currentOr(f);
    if (f.type === 'bool') {
      const input = el('input', { type: 'checkbox', id: fid, 'aria-describedby': err.id });
      input.checked = !!v;
      input.addEventListener('change', () => { state.set[f.key] = input.checked; changed(); });
      label.classList.add('inline');
      wrap.append(el('div', { class: 'row' }, input, label, reset), keyText, err);
    } else if (f.type === 'select') {
      const sel = el('select', { id: fid, 'aria-describedby': err.id });
      if (v === undefined || f.blank) sel.append(el('option', { value: '', text: f.blank || '(scenario value)' }));
      for (const c of f.choices) sel.append(el('option', { value: c, text: c }));
      sel.value = v === undefined || v === null ? '' : String(v);
      sel.addEventListener('change', () => {
        if (sel.value === '') delete state.set[f.key];
        else state.set[f.key] = sel.value;
        changed();
      });
      wrap.append(label, el('div', { class: 'row' }, sel, reset), keyText, err);
    } else {
      const num = el('input', { type: 'text', inputmode: 'decimal', class: 'num', id: fid, 'aria-describedby': err.id, autocomplete: 'off' });
      num.value = v === undefined || v === null ? '' : String(v);
      if (v === undefined || v === null) num.placeholder = '(scenario value)';
      const row = el('div', { class: 'row' });
      let range = null;
      if (f.type === 'range') {
        range = el('input', { type: 'range', min: f.min, max: f.max, step: f.step, id: fid + '-slider', 'aria-label': f.label + ' slider' });
        range.value = v === undefined || v === null ? String(f.min) : String(v);
        if (v === undefined || v === null) range.classList.add('unset');
        range.addEventListener('input', () => {
          num.value = range.value;
          range.classList.remove('unset');
          state.set[f.key] = Number(range.value);
          changed(true);
        });
        row.append(range);
      }
      const commit = () => {
        const text = num.value.trim();
        if (text === '') {
          delete state.set[f.key];
        } else {
          const n = Number(text);
          state.set[f.key] = Number.isFinite(n) && /^[-+0-9.eE]+$/.test(text) ? n : text;
          if (range && Number.isFinite(n)) range.value = String(n);
        }
        changed();
      };
      num.addEventListener('change', commit);
      num.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); commit(); } });
      row.append(num, reset);
      wrap.append(label, row, keyText, err);
      if (f.help) wrap.append(el('div', { class: 'muted small', text: f.help }));
    }
    return wrap;
  }

  function updateChangedMarks() {
    for (const w of document.querySelectorAll('.field')) w.classList.toggle('changed', w.dataset.key in state.set);
    const n = Object.keys(state.set).length;
    $('#changed-count').textContent = n ? `${n} changed key${n > 1 ? 's' : ''}: ${Object.keys(state.set).join(', ')}` : 'no keys changed';
  }

  function clearFieldErrors() {
    for (const e of document.querySelectorAll('.field .field-error')) e.textContent = '';
    for (const w of document.querySelectorAll('.field.invalid')) w.classList.remove('invalid');
    $('#err-yaml').textContent = '';
  }

  // Puts each diagnostic beside the field whose key path it names; returns the rest.
  function placeDiagnostics(diags) {
    const rest = [];
    const fieldKeys = [...document.querySelectorAll('.field')].map((w) => w.dataset.key);
    for (const d of diags) {
      let key = null;
      const m = /^--set ([^=]+)=/.exec(d.text || '');
      const setKey = m ? m[1] : null;
      if (setKey && fieldKeys.includes(setKey)) key = setKey;
      else if (d.key && fieldKeys.includes(d.key)) key = d.key;
      else if (d.key) key = fieldKeys.find((k) => k in state.set && (k.startsWith(d.key + '.') || k.startsWith(d.key + '['))) || null;
      if (key) {
        const wrap = document.querySelector(`.field[data-key="${CSS.escape(key)}"]`);
        wrap.classList.add('invalid');
        const box = wrap.querySelector('.field-error');
        box.append(el('div', { text: d.message || d.text }));
      } else rest.push(d);
    }
    return rest;
  }

  // ---------------------------------------------------------------- assess

  let assessTimer = null;

  function changed(slider) {
    updateChangedMarks();
    saveState();
    clearTimeout(assessTimer);
    assessTimer = setTimeout(() => {
      assess();
      refreshVisibleTab();
    }, slider ? 250 : 0);
  }

  async function assess() {
    const seq = ++assessSeq;
    if (assessAbort) assessAbort.abort();
    assessAbort = new AbortController();
    $('#status').textContent = 'computing…';
    document.body.classList.add('busy');
    const body = Object.assign(baseBody(), { set: state.set });
    const sideCount = new Set(Object.keys(yamlFigs).filter((k) => k.startsWith('sides.')).map((k) => k.split('.')[1])).size;
    if (curvesSupported && sideCount !== 3) body.options = { curves: CURVE_POINTS };
    try {
      let result;
      try {
        result = await Api.post('assess', body, assessAbort.signal);
      } catch (e) {
        if (curvesSupported && e.status === 400 && /curves/.test(JSON.stringify(e.body))) {
          // A server without the option (usage error) never gets it again; a scenario the curves
          // do not cover (three sides) is assessed without them.
          if (e.body.error === 'usage') curvesSupported = false;
          delete body.options;
          result = await Api.post('assess', body, assessAbort.signal);
        } else throw e;
      }
      if (seq !== assessSeq) return;
      clearFieldErrors();
      showError('#error-box', null);
      lastAssess = result;
      renderAssess(result);
      renderFields(result);
      printSummary();
      tabRuns.assess = inputsSignature();
      $('#status').textContent = 'computed for ' + (state.yaml !== null ? 'the pasted YAML' : state.scenario) + (Object.keys(state.set).length ? ' with ' + Object.keys(state.set).length + ' override(s)' : '');
    } catch (e) {
      if (e.name === 'AbortError' || seq !== assessSeq) return;
      clearFieldErrors();
      const diags = e.diagnostics || [];
      const rest = placeDiagnostics(diags);
      // Problems located in the pasted text: by line and column under the YAML box.
      const inYaml = state.yaml !== null ? diags.filter((d) => d.line !== null && d.line !== undefined) : [];
      if (inYaml.length) {
        $('#yaml-box').open = true;
        $('#err-yaml').replaceChildren(...inYaml.map((d) => el('div', { text: `line ${d.line}${d.column ? ', column ' + d.column : ''}: ${d.key ? d.key + ': ' : ''}${d.message}` })));
      }
      const general = rest.filter((d) => !inYaml.includes(d));
      if (general.length || !diags.length) showError('#error-box', { diagnostics: general, message: e.message });
      else showError('#error-box', null);
      $('#status').textContent = 'not computed: ' + (e.status === 400 ? 'the input has a problem (see beside the field)' : e.message);
      document.body.classList.add('stale');
    } finally {
      if (seq === assessSeq) document.body.classList.remove('busy');
    }
  }

  function renderAssess(r) {
    document.body.classList.remove('stale');
    const stab = r.stability;
    const v = view(r);
    const ids = v.ids;
    $('#index').textContent = fmt(stab.index, 6);
    $('#index').dataset.value = String(stab.index);
    $('#index-note').textContent = v.note || "Each side's ratio C1/C2 is the belief that the other side is about to strike above which striking first costs it less than waiting; the index is the product of the clipped ratios.";

    renderTable('#sides-table', 'sides', {
      columns: ['side', 'c1', 'c2', 'ratio'].concat(v.sideRows.some((x) => 'ratio_unclipped' in x) ? ['ratio_unclipped'] : []),
      rows: v.sideRows,
    }, { labels: { side: 'side', c1: 'C1 (cost striking first)', c2: 'C2 (cost struck first)', ratio: 'ratio C1/C2 (clipped)', ratio_unclipped: 'unclipped ratio' } });

    const moved = (r.what_moved_it || []).map((m) => {
      const row = { without: m.without, index: m.index };
      for (const id of ids) if (m.sides && m.sides[id]) { row[id + ' C1'] = m.sides[id].c1; row[id + ' C2'] = m.sides[id].c2; row[id + ' ratio'] = m.sides[id].ratio; }
      return row;
    });
    const movedCols = ['without', 'index'];
    for (const id of ids) movedCols.push(id + ' C1', id + ' C2', id + ' ratio');
    renderTable('#moved-table', 'what-moved', { columns: movedCols, rows: moved }, { empty: 'Nothing to switch off in this scenario.', labels: { without: 'without (each feature switched off in turn)' } });

    const exCols = ['striker', 'victim', 'striker_warheads', 'victim_warheads', 'counterforce_spent', 'victim_destroyed', 'victim_surviving', 'retaliation_arriving', 'striker_remaining', 'remaining_arriving', 'damage_to_striker', 'damage_to_victim', 'cost_striker', 'cost_victim', 'exchange_ratio'];
    const ex = v.exchanges.map((e) => {
      const row = {};
      for (const c of exCols) row[c] = e[c];
      return row;
    });
    renderTable('#exchanges-table', 'exchanges', { columns: exCols, rows: ex }, { labels: {
      striker_warheads: 'striker warheads available', victim_warheads: 'victim warheads', counterforce_spent: 's* counterforce spent (warheads)', victim_destroyed: 'victim destroyed (warheads)', victim_surviving: 'victim surviving (warheads)', retaliation_arriving: 'retaliation arriving (warheads)', striker_remaining: 'left for value (warheads)', remaining_arriving: 'arriving on value (warheads)', damage_to_striker: 'damage to striker', damage_to_victim: 'damage to victim', cost_striker: 'C1 striker', cost_victim: 'C2 victim', exchange_ratio: 'exchange ratio',
    } });

    const postures = (r.postures || []).map((p) => {
      const row = { posture: p.posture, index: p.index };
      for (const id of ids) if (p.sides && p.sides[id]) row[id + ' ratio'] = p.sides[id].ratio;
      return row;
    });
    const pCols = ['posture', 'index'].concat(ids.map((id) => id + ' ratio'));
    renderTable('#postures-table', 'postures', { columns: pCols, rows: postures }, { empty: 'No posture cases (abstract sides).' });

    const curves = r.curves || null;
    const why = r.three_sided ? 'The draw-down and cost curves are drawn for two sides; this scenario has three.' : null;
    drawPlot('drawdown', (t) => (why && !curves ? Plots.message(t, why) : Plots.drawdown(t, curves)));
    drawPlot('costs', (t) => (why && !curves ? Plots.message(t, why) : Plots.costs(t, curves)));
    drawPlot('square', (t) => (v.square ? Plots.square(t, v.square.ids, v.square.sides, v.square.index) : Plots.message(t, 'No pair to show.')));
  }

  // ---------------------------------------------------------------- the other tabs

  const tabRunners = {
    sweep: { cheap: () => !(Number($('#sweep-samples').value) > 0), run: runSweep },
    uncertainty: { cheap: () => false, run: runUncertainty },
    sensitivity: { cheap: () => false, run: runSensitivity },
    paths: { cheap: () => true, run: runPaths },
    compare: { cheap: () => true, run: runCompare },
    data: { cheap: () => true, run: runData },
  };

  function tabParams(tab) {
    switch (tab) {
      case 'sweep': return state.sweep;
      case 'uncertainty': return state.unc;
      case 'sensitivity': return state.sens;
      case 'paths': return [state.upload, state.pathway];
      case 'compare': return state.compare;
      case 'data': return state.snapshot;
      default: return null;
    }
  }

  function signatureFor(tab) {
    // Upload, pathways, compare and data do not depend on the scenario's overrides.
    if (tab === 'paths' || tab === 'compare' || tab === 'data') return JSON.stringify(tabParams(tab));
    return inputsSignature(tabParams(tab));
  }

  function refreshVisibleTab(fromLink) {
    const tab = state.tab;
    const runner = tabRunners[tab];
    if (!runner) return;
    if (tabRuns[tab] === signatureFor(tab)) return;
    if (runner.cheap() || (fromLink && tabParams(tab))) runner.run();
  }

  function showTab(tab, fromLink) {
    if (!document.getElementById('panel-' + tab)) tab = 'assess';
    state.tab = tab;
    for (const b of document.querySelectorAll('[role=tab]')) {
      const on = b.dataset.tab === tab;
      b.setAttribute('aria-selected', on ? 'true' : 'false');
      b.tabIndex = on ? 0 : -1;
    }
    for (const p of document.querySelectorAll('.tabpanel')) p.hidden = p.id !== 'panel-' + tab;
    saveState();
    refreshVisibleTab(fromLink);
  }

  function sweepSuggestions() {
    const ids = lastAssess ? sideIds(lastAssess) : [];
    const list = ['options.lua_share', 'options.posture', 'options.launch_under_attack', 'options.max_warheads_per_target'];
    for (const id of ids) list.push(`sides.${id}.withheld`, `sides.${id}.upload_months`, `sides.${id}.defence.interceptors`, `sides.${id}.abstract.alert`);
    $('#sweep-params').replaceChildren(...list.map((k) => el('option', { value: k })));
  }

  function defaultSweep() {
    const d = lastAssess && lastAssess.defences ? Object.keys(lastAssess.defences)[0] : null;
    if (d) return { param: `sides.${d}.defence.interceptors`, values: '0,250,500,1000,1500,2000', samples: 0 };
    if (lastAssess && lastAssess.scenario && lastAssess.scenario.form === 'abstract') {
      const id = sideIds(lastAssess)[0];
      return { param: `sides.${id}.abstract.alert`, values: '0:1:0.1', samples: 0 };
    }
    return { param: 'options.lua_share', values: '0:1:0.1', samples: 0 };
  }

  function fillSweepForm() {
    const s = state.sweep || defaultSweep();
    $('#sweep-param').value = s.param;
    $('#sweep-values').value = s.values;
    $('#sweep-samples').value = String(s.samples || 0);
  }

  async function runSweep() {
    if (!state.sweep) fillSweepForm();
    const s = { param: $('#sweep-param').value.trim(), values: $('#sweep-values').value.trim(), samples: Number($('#sweep-samples').value) || 0 };
    state.sweep = s;
    saveState();
    const options = { param: s.param };
    if (/^[^,]*:[^,]*:[^,]*$/.test(s.values)) options.range = s.values;
    else options.values = s.values;
    if (s.samples > 0) options.samples = s.samples;
    const body = Object.assign(baseBody(), { set: state.set, options });
    const sig = signatureFor('sweep');
    showError('#err-sweep', null);
    $('#sweep-run').disabled = true;
    try {
      const r = await runCommand('sweep', body, { job: s.samples > 0, jobBox: '#sweep-job' });
      tabRuns.sweep = sig;
      $('#sweep-caption').textContent = `Index against ${r.param || s.param}` + (r.bands ? `, with the 5%–95% band over ${r.bands.samples} samples per value` : '') + (r.inactive ? ` (note: ${typeof r.inactive === 'string' ? r.inactive : JSON.stringify(r.inactive)})` : '');
      let table = null;
      drawPlot('sweep', (t) => { table = Plots.sweep(t, r); return table; });
      renderTable('#sweep-table', 'sweep-points', table || { columns: [], rows: [] });
    } catch (e) {
      if (e.body && e.body.error === 'cancelled') showError('#err-sweep', { message: 'The sweep was cancelled.' });
      else showError('#err-sweep', e);
    } finally {
      $('#sweep-run').disabled = false;
    }
  }

  async function runUncertainty() {
    const u = { samples: Number($('#unc-samples').value) || 200, sobol: Math.max(0, Number($('#unc-sobol').value) || 0), seed: Number($('#unc-seed').value) || 1 };
    state.unc = u;
    saveState();
    const options = { samples: u.samples, seed: u.seed, sobol: u.sobol };
    const body = Object.assign(baseBody(), { set: state.set, options });
    const sig = signatureFor('uncertainty');
    showError('#err-unc', null);
    $('#unc-run').disabled = true;
    try {
      const r = await runCommand('uncertainty', body, { job: true, jobBox: '#unc-job' });
      tabRuns.uncertainty = sig;
      const rows = [];
      for (const [name, b] of Object.entries(r.outputs || { index: r.index })) {
        rows.push({ output: name, point: b.point, mean: b.mean, sd: b.sd, q05: b.q05, q25: b.q25, q50: b.q50, q75: b.q75, q95: b.q95 });
      }
      renderTable('#unc-summary', 'uncertainty-outputs', { columns: ['output', 'point', 'mean', 'sd', 'q05', 'q25', 'q50', 'q75', 'q95'], rows }, { caption: `${r.samples} samples (${r.method}, seed ${r.seed}); ${(r.inputs || []).length} uncertain inputs` + ((r.below || []).length ? '; ' + r.below.map((b) => `P(index < ${b.threshold}) = ${fmt(b.probability, 3)}`).join(', ') : '') });
      drawPlot('histogram', (t) => Plots.histogram(t, r));
      drawPlot('unc-tornado', (t) => Plots.uncertaintyTornado(t, r, 15));
      drawPlot('sobol', (t) => Plots.sobol(t, r, 15));
    } catch (e) {
      if (e.body && e.body.error === 'cancelled') showError('#err-unc', { message: 'The uncertainty run was cancelled.' });
      else showError('#err-unc', e);
    } finally {
      $('#unc-run').disabled = false;
    }
  }

  async function runSensitivity() {
    const s = { upload: $('#sens-upload').value.trim() || 'both', horizon: Number($('#sens-horizon').value) };
    state.sens = s;
    saveState();
    const body = Object.assign(baseBody(), { set: state.set, options: { upload: s.upload, 'horizon-months': s.horizon } });
    const sig = signatureFor('sensitivity');
    showError('#err-sens', null);
    $('#sens-run').disabled = true;
    try {
      const r = await runCommand('sensitivity', body, { jobBox: '#sens-job' });
      tabRuns.sensitivity = sig;
      let t1 = null;
      drawPlot('tornado', (t) => { t1 = Plots.sensitivityTornado(t, r); return t1; });
      drawPlot('sens-path', (t) => Plots.sensitivityPath(t, r));
      const rows = (r.systems || []).map((x) => ({
        side: x.side, system: x.system, name: x.name, basing: x.basing, launchers: x.launchers,
        d_index_per_launcher: x.per_launcher && x.per_launcher.index, d_index_per_launcher_removed: x.per_launcher_removed && x.per_launcher_removed.index, d_index_per_warhead: x.per_warhead && x.per_warhead.index,
        destabilising: Object.entries(x.destabilising || {}).filter(([, v]) => v === true).map(([k]) => k).join(' '),
      }));
      renderTable('#sens-table', 'sensitivity', { columns: ['side', 'system', 'name', 'basing', 'launchers', 'd_index_per_launcher', 'd_index_per_launcher_removed', 'd_index_per_warhead', 'destabilising'], rows });
    } catch (e) {
      showError('#err-sens', e);
    } finally {
      $('#sens-run').disabled = false;
    }
  }

  async function runUpload() {
    const u = { force: $('#upload-force').value, horizon: Number($('#upload-horizon').value), treaty: $('#upload-treaty').value };
    state.upload = u;
    saveState();
    const options = { 'horizon-months': u.horizon };
    if (u.treaty) options.treaty = u.treaty;
    showError('#err-upload', null);
    try {
      const r = await runCommand('upload', { args: [u.force], options });
      drawPlot('upload', (t) => Plots.upload(t, r));
      const rows = (r.systems || []).map((s) => ({ system: s.id, name: s.name, launchers_deployed: s.launchers_deployed, loaded_per_launcher: s.loaded_per_launcher, capacity_per_launcher: s.capacity_per_launcher, potential: s.potential, rate_per_month: s.rate_per_month, added: s.added, full_month: s.full_month, rate_assumed: s.rate_assumed }));
      renderTable('#upload-table', 'upload-systems', { columns: ['system', 'name', 'launchers_deployed', 'loaded_per_launcher', 'capacity_per_launcher', 'potential', 'rate_per_month', 'added', 'full_month', 'rate_assumed'], rows }, { caption: `${r.snapshot}: ${fmt(r.total_added, 0)} warheads added of a potential ${fmt(r.total_potential, 0)} over ${r.horizon_months} months` });
    } catch (e) {
      showError('#err-upload', e);
    }
    if (!u.treaty) {
      $('#treaty-count-table').replaceChildren(el('p', { class: 'muted', text: 'Pick a treaty to count the snapshot under its limits.' }));
      return;
    }
    try {
      const c = await runCommand('treaty-count', { args: [u.force], options: { treaty: u.treaty } });
      const rows = (c.limits || []).map((l) => ({ limit: l.id, name: l.name, count: l.count, max: l.limit, headroom: l.headroom, compliant: l.compliant }));
      renderTable('#treaty-count-table', 'treaty-count', { columns: ['limit', 'name', 'count', 'max', 'headroom', 'compliant'], rows }, { caption: `${c.snapshot} under ${c.treaty_name || c.treaty} (${c.treaty_status}): ${c.compliant ? 'within every limit' : 'over a limit'}`, labels: { max: 'limit' } });
    } catch (e) {
      showError('#err-upload', e);
    }
  }

  async function runPathway() {
    const id = $('#pathway').value;
    state.pathway = id;
    saveState();
    showError('#err-pathways', null);
    try {
      const r = await runCommand('pathways', { args: [id] }, { jobBox: '#pathways-job' });
      let table = null;
      drawPlot('pathways', (t) => { table = Plots.pathways(t, r); return table; });
      renderTable('#pathways-table', 'pathways-points', table || { columns: [], rows: [] });
    } catch (e) {
      showError('#err-pathways', e);
    }
  }

  async function runPaths() {
    const sig = signatureFor('paths');
    await Promise.all([runUpload(), runPathway()]);
    tabRuns.paths = sig;
  }

  async function runCompare() {
    const picked = [...document.querySelectorAll('#compare-list input:checked')].map((c) => c.value);
    state.compare = picked;
    saveState();
    const sig = signatureFor('compare');
    showError('#err-compare', null);
    if (!picked.length) return;
    try {
      const r = await runCommand('compare', { args: picked });
      tabRuns.compare = sig;
      const list = Array.isArray(r) ? r : r.columns || r.scenarios || [];
      const rows = list.map((c) => flatten(c));
      const cols = [...new Set(rows.flatMap((x) => Object.keys(x)))];
      renderTable('#compare-table', 'compare', { columns: cols, rows });
    } catch (e) {
      showError('#err-compare', e);
    }
  }

  function flatten(obj, prefix, out) {
    out = out || {};
    for (const [k, v] of Object.entries(obj || {})) {
      const key = prefix ? prefix + '.' + k : k;
      if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
      else out[key] = v;
    }
    return out;
  }

  // Every figure of a snapshot: an object with a value and provenance keys.
  function figures(node, path, out) {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        // Systems by id, as the --set paths name them (sides.<ID>.systems.mm3.cep_m); other lists by index.
        const label = path.endsWith('systems') && v && v.id ? `${path}.${v.id}` : `${path}[${i}]`;
        figures(v, label, out);
      });
    } else if (node && typeof node === 'object') {
      if ('value' in node && ('grade' in node || 'src' in node || 'date' in node)) {
        out.push({ figure: path, value: node.value, grade: node.grade, source: node.src, date: node.date, range: node.range ? `${node.range[0]} – ${node.range[1]}` : '', note: node.note || '' });
        return;
      }
      for (const [k, v] of Object.entries(node)) if (k !== 'sources') figures(v, path ? path + '.' + k : k, out);
    }
    return out;
  }

  async function runData() {
    const id = $('#snapshot').value;
    if (!id) return;
    state.snapshot = id;
    saveState();
    const sig = signatureFor('data');
    showError('#err-data', null);
    try {
      const r = await runCommand('data-show', { args: [id] });
      tabRuns.data = sig;
      const sources = r.sources || {};
      $('#snapshot-title').textContent = `${r.id}: ${r.title || ''} (${r.side}, ${r.date})`;
      const rows = figures({ inventory: r.inventory, w80: r.w80, systems: r.systems }, '', []);
      renderDataTable(rows, sources);
      const srcRows = Object.entries(sources).map(([sid, s]) => ({ id: sid, title: s.title, author: s.author || '', publisher: s.publisher || '', date: s.date, url: s.url || '' }));
      renderTable('#sources-table', 'sources', { columns: ['id', 'title', 'author', 'publisher', 'date', 'url'], rows: srcRows }, {
        cell: (c, row) => (c === 'url' && row.url ? el('a', { href: row.url, rel: 'noopener noreferrer', target: '_blank', text: row.url }) : undefined),
      });
    } catch (e) {
      showError('#err-data', e);
    }
  }

  let dataRows = [];
  let dataSources = {};
  function renderDataTable(rows, sources) {
    if (rows) { dataRows = rows; dataSources = sources; }
    const q = $('#data-filter').value.trim().toLowerCase();
    const shown = q ? dataRows.filter((r) => [r.figure, r.grade, r.source, r.note].some((x) => x && String(x).toLowerCase().includes(q))) : dataRows;
    renderTable('#data-table', 'figures', { columns: ['figure', 'value', 'grade', 'source', 'date', 'range', 'note'], rows: shown }, {
      caption: `${shown.length} of ${dataRows.length} figures`,
      cell: (c, row) => {
        if (c !== 'source' || !row.source) return undefined;
        const s = dataSources[row.source];
        if (s && s.url) return el('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank', title: s.title || row.source, text: row.source });
        return el('span', { title: s ? s.title : '', text: row.source });
      },
    });
  }

  // ---------------------------------------------------------------- scenario choice and YAML

  async function loadYamlText(id) {
    try {
      const r = await Api.get('api/scenarios/' + encodeURIComponent(id));
      if (state.yaml === null) {
        $('#yaml').value = r.yaml;
        setYamlFigs(r.yaml);
      }
      const block = /^description:[ \t]*[>|][-+]?[ \t]*\n((?:[ \t]+.*(?:\n|$))+)/m.exec(r.yaml);
      const line = /^description:[ \t]*(?![>|])(.+)$/m.exec(r.yaml);
      const text = block ? block[1] : line ? line[1].replace(/^["']|["']$/g, '') : '';
      $('#scenario-description').textContent = text.replace(/\s+/g, ' ').trim();
    } catch (e) {
      $('#scenario-description').textContent = '';
    }
  }

  function setYamlFigs(text) {
    yamlFigs = window.StratYaml.figures(text);
    if (lastAssess) renderFields(lastAssess);
  }

  function selectScenario(id) {
    state.scenario = id;
    state.yaml = null;
    state.set = {};
    $('#use-yaml').checked = false;
    fieldsSignature = null;
    for (const k of Object.keys(tabRuns)) delete tabRuns[k];
    if (state.sweep) state.sweep = null;
    saveState();
    yamlFigs = {};
    loadYamlText(id).then(assess).then(() => {
      if (state.tab === 'sweep') fillSweepForm();
      sweepSuggestions();
      refreshVisibleTab();
    });
  }

  // The report's head: what was computed, for the printout (the controls do not print).
  function printSummary() {
    const box = $('#print-summary');
    const sets = Object.entries(state.set);
    box.replaceChildren(
      el('h2', { text: 'stratstab report: ' + (state.yaml !== null ? 'pasted scenario YAML' : state.scenario) }),
      el('p', { class: 'small', text: `${catalog && catalog.version ? 'stratstab ' + catalog.version + ', ' : ''}${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Link: ${location.href}` }),
      el('p', { class: 'small', text: sets.length ? 'Overrides: ' + sets.map(([k, v]) => `--set ${k}=${v}`).join(' ') : 'No overrides: the scenario as bundled.' }),
    );
  }

  // ---------------------------------------------------------------- start

  function fillSelect(sel, items, value, labelOf) {
    sel.replaceChildren(...items.map((it) => el('option', { value: typeof it === 'string' ? it : it.id, text: labelOf ? labelOf(it) : typeof it === 'string' ? it : it.id })));
    if (value !== undefined && value !== null) sel.value = value;
  }

  function applyTabForms() {
    if (state.unc) {
      $('#unc-samples').value = String(state.unc.samples);
      $('#unc-sobol').value = String(state.unc.sobol);
      $('#unc-seed').value = String(state.unc.seed);
    }
    if (state.sens) {
      $('#sens-upload').value = state.sens.upload;
      $('#sens-horizon').value = String(state.sens.horizon);
    }
    if (state.upload) {
      $('#upload-force').value = state.upload.force;
      $('#upload-horizon').value = String(state.upload.horizon);
      $('#upload-treaty').value = state.upload.treaty || '';
    }
    if (state.pathway) $('#pathway').value = state.pathway;
    if (state.snapshot) $('#snapshot').value = state.snapshot;
    const picked = new Set(state.compare || [state.scenario, 'upload-both-24'].filter(Boolean));
    for (const c of document.querySelectorAll('#compare-list input')) c.checked = picked.has(c.value);
  }

  function wire() {
    $('#scenario').addEventListener('change', (e) => selectScenario(e.target.value));
    for (const b of document.querySelectorAll('[role=tab]')) b.addEventListener('click', () => showTab(b.dataset.tab));
    $('.tabs').addEventListener('keydown', (e) => {
      const tabs = [...document.querySelectorAll('[role=tab]')];
      const i = tabs.findIndex((t) => t.dataset.tab === state.tab);
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
        showTab(next.dataset.tab);
        next.focus();
      }
    });
    $('#sweep-form').addEventListener('submit', (e) => { e.preventDefault(); runSweep(); });
    $('#unc-form').addEventListener('submit', (e) => { e.preventDefault(); runUncertainty(); });
    $('#sens-form').addEventListener('submit', (e) => { e.preventDefault(); runSensitivity(); });
    $('#upload-form').addEventListener('submit', (e) => { e.preventDefault(); runUpload(); });
    $('#pathways-form').addEventListener('submit', (e) => { e.preventDefault(); runPathway(); });
    $('#compare-form').addEventListener('submit', (e) => { e.preventDefault(); runCompare(); });
    $('#data-form').addEventListener('submit', (e) => e.preventDefault());
    $('#snapshot').addEventListener('change', runData);
    $('#data-filter').addEventListener('input', () => renderDataTable());
    $('#reset-all').addEventListener('click', () => {
      state.set = {};
      fieldsSignature = null;
      changed();
    });
    $('#yaml-apply').addEventListener('click', () => {
      state.yaml = $('#yaml').value;
      yamlFigs = window.StratYaml.figures(state.yaml);
      $('#use-yaml').checked = true;
      fieldsSignature = null;
      changed();
    });
    $('#use-yaml').addEventListener('change', (e) => {
      state.yaml = e.target.checked ? $('#yaml').value : null;
      yamlFigs = window.StratYaml.figures($('#yaml').value);
      fieldsSignature = null;
      changed();
    });
    $('#yaml-reload').addEventListener('click', () => {
      state.yaml = null;
      $('#use-yaml').checked = false;
      loadYamlText(state.scenario);
      changed();
    });
    $('#print').addEventListener('click', () => {
      printSummary();
      window.print();
    });
    $('#copy-link').addEventListener('click', async () => {
      saveState();
      const url = location.href;
      try {
        await navigator.clipboard.writeText(url);
        $('#copy-link').textContent = 'Link copied';
      } catch (e) {
        window.prompt('Copy this link', url);
      }
      setTimeout(() => { $('#copy-link').textContent = 'Copy link'; }, 1500);
    });
    window.addEventListener('hashchange', () => {
      const next = S.decode(location.hash);
      if (S.encode(next) === S.encode(state)) return;
      state = next;
      start(true);
    });
    window.addEventListener('beforeprint', () => {
      document.body.classList.add('printing');
      printSummary();
    });
    window.addEventListener('afterprint', () => document.body.classList.remove('printing'));
  }

  async function start(fromLink) {
    if (!catalog) catalog = await Api.get('api/catalog');
    if (catalog.limits) Api.setSlots(catalog.limits.max_jobs);
    $('#version').textContent = catalog.version ? 'stratstab ' + catalog.version : '';
    const scenarios = catalog.scenarios || [];
    if (!state.scenario || !scenarios.includes(state.scenario)) state.scenario = scenarios.includes('us-ru-2026-11') ? 'us-ru-2026-11' : scenarios[0];
    fillSelect($('#scenario'), scenarios, state.scenario);
    fillSelect($('#upload-force'), catalog.snapshots || [], 'us-2026-11-01');
    fillSelect($('#upload-treaty'), [''].concat(catalog.treaties || []), 'new-start', (t) => t || '(none)');
    fillSelect($('#pathway'), catalog.pathways || [], (catalog.pathways || []).includes('alaska-success') ? 'alaska-success' : undefined);
    const cl = $('#compare-list');
    cl.replaceChildren(...scenarios.map((s) => el('label', { class: 'inline' }, el('input', { type: 'checkbox', value: s }), ' ' + s)));
    try {
      const list = await Api.post('data-list', {});
      const snaps = Array.isArray(list) ? list : list.snapshots || [];
      if (snaps.length) fillSelect($('#snapshot'), snaps, state.snapshot || 'us-2026-11-01', (s) => (typeof s === 'string' ? s : `${s.id}${s.title ? ' — ' + s.title : ''}`));
      else fillSelect($('#snapshot'), catalog.snapshots || [], state.snapshot || 'us-2026-11-01');
    } catch (e) {
      fillSelect($('#snapshot'), catalog.snapshots || [], state.snapshot || 'us-2026-11-01');
    }
    applyTabForms();
    if (state.yaml !== null) {
      $('#yaml').value = state.yaml;
      yamlFigs = window.StratYaml.figures(state.yaml);
      $('#use-yaml').checked = true;
      $('#yaml-box').open = true;
    }
    await loadYamlText(state.scenario);
    fieldsSignature = null;
    await assess();
    sweepSuggestions();
    fillSweepForm();
    showTab(state.tab || 'assess', fromLink);
  }

  function boot() {
    wire();
    start(true).catch((e) => showError('#error-box', e));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
