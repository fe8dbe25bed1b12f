// The plots (Observable Plot, SVG). Each function draws into its element and returns the data it
// drew as a table {columns, rows} for the CSV/JSON downloads.
'use strict';

(function (global) {
  const COLORS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8e44ad', '#d35400', '#7f8c8d'];

  function width(el, fallback) {
    const w = el.clientWidth || (el.parentElement && el.parentElement.clientWidth) || fallback || 560;
    return Math.max(320, Math.min(w, 900));
  }

  function mount(el, svg) {
    el.replaceChildren(svg);
    return svg;
  }

  function message(el, text) {
    const p = document.createElement('p');
    p.className = 'plot-empty muted';
    p.textContent = text;
    el.replaceChildren(p);
  }

  const fmt = (x, d) => (x === null || x === undefined || Number.isNaN(x) ? '' : (+x).toFixed(d === undefined ? 3 : d));

  // Nearest point of a curve to s (for marking s*).
  function at(curve, key, s) {
    let best = 0;
    for (let i = 1; i < curve.s.length; ++i) if (Math.abs(curve.s[i] - s) < Math.abs(curve.s[best] - s)) best = i;
    const i = best;
    // Linear interpolation between the neighbours around s.
    const j = curve.s[i] <= s ? Math.min(i + 1, curve.s.length - 1) : Math.max(i - 1, 0);
    if (j === i || curve.s[j] === curve.s[i]) return curve[key][i];
    const t = (s - curve.s[i]) / (curve.s[j] - curve.s[i]);
    return curve[key][i] + t * (curve[key][j] - curve[key][i]);
  }

  function curveRows(curves) {
    const rows = [];
    for (const c of curves) {
      const strike = c.striker + ' strikes ' + c.victim;
      for (let i = 0; i < c.s.length; ++i) {
        rows.push({
          strike,
          striker: c.striker,
          victim: c.victim,
          s: c.s[i],
          value_left: c.value_left[i],
          victim_surviving: c.victim_surviving[i],
          c_a: c.c_a[i],
          c_b: c.c_b[i],
        });
      }
    }
    return rows;
  }

  function starRows(curves) {
    return curves.map((c) => ({
      strike: c.striker + ' strikes ' + c.victim,
      s_star: c.s_star,
      value_left: at(c, 'value_left', c.s_star),
      victim_surviving: at(c, 'victim_surviving', c.s_star),
      c_a: at(c, 'c_a', c.s_star),
      c_b: at(c, 'c_b', c.s_star),
    }));
  }

  // (1) Draw-down in Kent and Thaler's weapons domain.
  function drawdown(el, curves) {
    if (!curves || !curves.length) {
      message(el, 'No draw-down curves in this result (the server did not return "curves").');
      return null;
    }
    const rows = curveRows(curves);
    const stars = starRows(curves);
    const strikes = curves.map((c) => c.striker + ' strikes ' + c.victim);
    mount(el, Plot.plot({
      width: width(el),
      height: 360,
      marginLeft: 60,
      grid: true,
      x: { label: 'Striker warheads left for value (warheads) →', nice: true },
      y: { label: '↑ Victim warheads surviving (warheads)', nice: true },
      color: { legend: true, domain: strikes, range: COLORS },
      marks: [
        Plot.ruleY([0]),
        Plot.ruleX([0]),
        Plot.line(rows, { x: 'value_left', y: 'victim_surviving', stroke: 'strike', strokeWidth: 2 }),
        Plot.dot(stars, { x: 'value_left', y: 'victim_surviving', stroke: 'strike', fill: 'white', r: 5, strokeWidth: 2 }),
        Plot.text(stars, {
          x: 'value_left', y: 'victim_surviving', dx: 8, dy: -10, textAnchor: 'start', fill: 'strike', stroke: 'white', strokeWidth: 4,
          text: (d) => 's* = ' + fmt(d.s_star, 0),
        }),
        Plot.tip(rows, Plot.pointer({
          x: 'value_left', y: 'victim_surviving', stroke: 'strike',
          title: (d) => `${d.strike}\ns = ${fmt(d.s, 0)} counterforce warheads\nleft for value ${fmt(d.value_left, 0)}\nvictim surviving ${fmt(d.victim_surviving, 1)}`,
        })),
      ],
    }));
    return {
      columns: ['strike', 's', 'value_left', 'victim_surviving', 'is_s_star'],
      rows: rows.map((r) => ({ strike: r.strike, s: r.s, value_left: r.value_left, victim_surviving: r.victim_surviving, is_s_star: false }))
        .concat(stars.map((r) => ({ strike: r.strike, s: r.s_star, value_left: r.value_left, victim_surviving: r.victim_surviving, is_s_star: true }))),
    };
  }

  // (2) C_A(s) and C_B(s) along s, s* marked.
  function costs(el, curves) {
    if (!curves || !curves.length) {
      message(el, 'No cost curves in this result (the server did not return "curves").');
      return null;
    }
    const rows = [];
    for (const r of curveRows(curves)) {
      rows.push({ series: r.strike + ': C_A (striker)', strike: r.strike, s: r.s, cost: r.c_a, who: 'striker' });
      rows.push({ series: r.strike + ': C_B (victim, dashed)', strike: r.strike, s: r.s, cost: r.c_b, who: 'victim' });
    }
    const stars = starRows(curves);
    const series = [];
    for (const c of curves) {
      const k = c.striker + ' strikes ' + c.victim;
      series.push(k + ': C_A (striker)', k + ': C_B (victim, dashed)');
    }
    const palette = [];
    curves.forEach((c, i) => palette.push(COLORS[(2 * i) % COLORS.length], COLORS[(2 * i + 1) % COLORS.length]));
    mount(el, Plot.plot({
      width: width(el),
      height: 360,
      marginLeft: 50,
      grid: true,
      x: { label: 'Counterforce warheads s (warheads) →', nice: true },
      y: { label: '↑ Cost (share of value, weighted)', nice: true },
      color: { legend: true, domain: series, range: palette },
      marks: [
        Plot.ruleY([0]),
        Plot.line(rows.filter((r) => r.who === 'striker'), { x: 's', y: 'cost', stroke: 'series', strokeWidth: 2 }),
        Plot.line(rows.filter((r) => r.who === 'victim'), { x: 's', y: 'cost', stroke: 'series', strokeWidth: 2, strokeDasharray: '5,3' }),
        Plot.ruleX(stars, { x: 's_star', stroke: '#555', strokeDasharray: '2,3' }),
        Plot.dot(stars, { x: 's_star', y: 'c_a', fill: 'black', r: 4 }),
        Plot.text(stars, { x: 's_star', y: 'c_a', dy: 12, dx: 4, textAnchor: 'start', stroke: 'white', strokeWidth: 4, fill: 'black', text: (d) => 's* = ' + fmt(d.s_star, 0) + ' (' + d.strike + ')' }),
        Plot.tip(rows, Plot.pointerX({ x: 's', y: 'cost', stroke: 'series', title: (d) => `${d.series}\ns = ${fmt(d.s, 0)}\ncost ${fmt(d.cost, 4)}` })),
      ],
    }));
    return { columns: ['strike', 's', 'c_a', 'c_b'], rows: curveRows(curves).map((r) => ({ strike: r.strike, s: r.s, c_a: r.c_a, c_b: r.c_b })) };
  }

  // (3) The probability square: r_A x r_B inside the unit square; its area is the index.
  function square(el, ids, sides, index) {
    if (!ids || ids.length < 2) {
      message(el, 'The probability square needs two sides.');
      return null;
    }
    const [a, b] = ids;
    const ra = sides[a].ratio;
    const rb = sides[b].ratio;
    const size = Math.min(width(el), 420);
    mount(el, Plot.plot({
      width: size,
      height: size,
      marginLeft: 60,
      marginBottom: 50,
      x: { domain: [0, 1], label: `${a}'s ratio r_${a} = C1/C2 →` },
      y: { domain: [0, 1], label: `↑ ${b}'s ratio r_${b} = C1/C2` },
      marks: [
        Plot.rect([{ x1: 0, x2: 1, y1: 0, y2: 1 }], { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: '#f3f3f3', stroke: '#999' }),
        Plot.rect([{ x1: 0, x2: ra, y1: 0, y2: rb }], { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: '#1f5fa8', fillOpacity: 0.35, stroke: '#1f5fa8' }),
        Plot.text([{ x: 0.5, y: 0.96 }], { x: 'x', y: 'y', text: () => `index = area = ${fmt(ra)} × ${fmt(rb)} = ${fmt(index)}`, fontSize: 13, fontWeight: 'bold', stroke: 'white', strokeWidth: 4, fill: 'black' }),
        Plot.text([{ x: ra, y: rb }], { x: 'x', y: 'y', dx: 6, dy: -8, textAnchor: 'start', text: () => `(r_${a}, r_${b})`, fill: '#1f5fa8' }),
        Plot.dot([{ x: ra, y: rb }], { x: 'x', y: 'y', fill: '#1f5fa8', r: 4 }),
      ],
    }));
    return { columns: ['side', 'ratio'], rows: [{ side: a, ratio: ra }, { side: b, ratio: rb }, { side: 'index (area)', ratio: index }] };
  }

  const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

  // (4) Sweep curve with its uncertainty band (q05..q95).
  function sweep(el, result) {
    if (!result || !result.points || !result.points.length) {
      message(el, 'No sweep points.');
      return null;
    }
    const param = result.param || (result.params && result.params[0]) || 'value';
    const valueOf = (p) => ('value' in p ? p.value : p.values && p.values[param]);
    const numeric = result.points.every((p) => isNum(valueOf(p)));
    const rows = result.points.map((p) => {
      const r = { value: valueOf(p), index: p.index };
      for (const [id, s] of Object.entries(p.sides || {})) r['ratio_' + id] = s.ratio;
      return r;
    });
    const bandRows = result.bands && result.bands.points ? result.bands.points.map((p) => ({ value: valueOf(p), point: p.point, mean: p.mean, q05: p.q05, q50: p.q50, q95: p.q95 })) : [];
    for (const r of rows) {
      const b = bandRows.find((x) => x.value === r.value);
      if (b) Object.assign(r, { q05: b.q05, q50: b.q50, q95: b.q95, mean: b.mean });
    }
    const marks = [Plot.ruleY([0])];
    if (bandRows.length) {
      marks.push(Plot.areaY(bandRows, { x: 'value', y1: 'q05', y2: 'q95', fill: '#1f5fa8', fillOpacity: 0.18, curve: numeric ? 'linear' : 'step' }));
      marks.push(Plot.line(bandRows, { x: 'value', y: 'q50', stroke: '#1f5fa8', strokeDasharray: '4,3' }));
    }
    marks.push(Plot.line(rows, { x: 'value', y: 'index', stroke: '#1f5fa8', strokeWidth: 2 }));
    if (bandRows.length) {
      const last = rows[rows.length - 1];
      const lastBand = bandRows[bandRows.length - 1];
      marks.push(Plot.text([{ value: last.value, y: last.index, t: 'point value' }, { value: lastBand.value, y: lastBand.q95, t: '95%' }, { value: lastBand.value, y: lastBand.q05, t: '5%' }, { value: lastBand.value, y: lastBand.q50, t: 'median' }], { x: 'value', y: 'y', text: 't', dx: 6, textAnchor: 'start', fill: '#1f5fa8' }));
    }
    marks.push(Plot.dot(rows, { x: 'value', y: 'index', fill: '#1f5fa8', r: 3.5 }));
    marks.push(Plot.tip(rows, Plot.pointerX({ x: 'value', y: 'index', title: (d) => `${param} = ${d.value}\nindex ${fmt(d.index, 4)}` + (d.q05 !== undefined ? `\nband ${fmt(d.q05)}–${fmt(d.q95)}` : '') })));
    mount(el, Plot.plot({
      width: width(el, 800),
      height: 380,
      marginLeft: 50,
      marginRight: 70,
      grid: true,
      x: numeric ? { label: param + ' →', nice: true } : { label: param, type: 'point' },
      y: { label: '↑ First-strike stability index', domain: [0, 1] },
      marks,
    }));
    const columns = Object.keys(rows.reduce((acc, r) => Object.assign(acc, r), {}));
    return { columns, rows };
  }

  // (5a) The upload path: deployed strategic warheads and each treaty count month by month.
  function upload(el, result) {
    if (!result || !result.steps || !result.steps.length) {
      message(el, 'No upload steps.');
      return null;
    }
    const rows = [];
    for (const st of result.steps) {
      rows.push({ month: st.month, series: 'deployed strategic warheads', warheads: st.deployed_strategic_warheads });
      for (const [id, c] of Object.entries(st.treaty_counts || {})) rows.push({ month: st.month, series: 'count: ' + id, warheads: c });
    }
    const limits = (result.crossings || []).filter((c) => isNum(c.max)).map((c) => ({ limit: c.limit, max: c.max, month: c.month }));
    mount(el, Plot.plot({
      width: width(el, 800),
      height: 360,
      marginLeft: 60,
      grid: true,
      x: { label: 'Months of upload →' },
      y: { label: '↑ Warheads', nice: true, zero: true },
      color: { legend: true },
      marks: [
        Plot.ruleY(limits, { y: 'max', stroke: '#c0392b', strokeDasharray: '6,3' }),
        Plot.text(limits, { y: 'max', x: result.horizon_months || 0, textAnchor: 'end', dy: -6, fill: '#c0392b', text: (d) => `limit ${d.limit}: ${d.max}` + (d.month !== null && d.month !== undefined ? ` (crossed at month ${d.month})` : '') }),
        Plot.line(rows, { x: 'month', y: 'warheads', stroke: 'series', strokeWidth: 2 }),
        Plot.tip(rows, Plot.pointerX({ x: 'month', y: 'warheads', stroke: 'series' })),
      ],
    }));
    return { columns: ['month', 'series', 'warheads'], rows };
  }

  function pathwayRuns(result) {
    if (Array.isArray(result)) return result;
    if (result && Array.isArray(result.runs)) return result.runs;
    if (result && Array.isArray(result.pathways) && result.pathways.length && typeof result.pathways[0] === 'object') return result.pathways;
    if (result && result.branches) return [result];
    return [];
  }

  // (5b) Pathways over years: each branch's index, the weighted index and its band.
  function pathways(el, result) {
    const runs = pathwayRuns(result);
    if (!runs.length) {
      message(el, 'No pathway results.');
      return null;
    }
    const rows = [];
    const weighted = [];
    for (const run of runs) {
      for (const br of run.branches || []) {
        const pr = br.probability && typeof br.probability === 'object' ? br.probability.value : br.probability;
        for (const p of br.points || []) {
          rows.push({ pathway: run.pathway, series: `${br.name || br.id} (p = ${fmt(pr, 2)})`, date: new Date(p.date), date_text: p.date, index: p.index, treaty: p.treaty || '' });
        }
      }
      for (const w of run.weighted || []) {
        weighted.push({ pathway: run.pathway, series: 'probability-weighted', date: new Date(w.date), date_text: w.date, index: w.index, low: w.low, high: w.high });
      }
    }
    mount(el, Plot.plot({
      width: width(el, 800),
      height: 380,
      marginLeft: 50,
      grid: true,
      x: { label: 'Date →', type: 'utc' },
      y: { label: '↑ First-strike stability index', domain: [0, 1] },
      color: { legend: true },
      marks: [
        Plot.areaY(weighted, { x: 'date', y1: 'low', y2: 'high', fill: '#444', fillOpacity: 0.12 }),
        Plot.line(weighted, { x: 'date', y: 'index', stroke: '#222', strokeWidth: 1.5, strokeDasharray: '6,4' }),
        Plot.line(rows, { x: 'date', y: 'index', stroke: 'series', strokeWidth: 2, marker: 'dot' }),
        Plot.text(weighted.slice(-1), { x: 'date', y: 'index', text: () => 'weighted', dx: -4, dy: -10, textAnchor: 'end' }),
        Plot.tip(rows, Plot.pointer({ x: 'date', y: 'index', stroke: 'series', title: (d) => `${d.series}\n${d.date_text}: index ${fmt(d.index)}\n${d.treaty}` })),
      ],
    }));
    const out = rows.map((r) => ({ pathway: r.pathway, series: r.series, date: r.date_text, index: r.index, low: '', high: '', treaty: r.treaty }))
      .concat(weighted.map((w) => ({ pathway: w.pathway, series: w.series, date: w.date_text, index: w.index, low: w.low, high: w.high, treaty: '' })));
    return { columns: ['pathway', 'series', 'date', 'index', 'low', 'high', 'treaty'], rows: out };
  }

  // (6a) Sensitivity tornado: the index change per launcher added and per warhead uploaded.
  function sensitivityTornado(el, result) {
    const systems = (result && result.systems) || [];
    const rows = [];
    for (const s of systems) {
      const label = `${s.side} ${s.system}`;
      if (s.per_launcher && isNum(s.per_launcher.index)) rows.push({ system: label, change: 'per launcher added', d_index: s.per_launcher.index, destabilising: !!s.per_launcher.destabilising });
      if (s.per_warhead && isNum(s.per_warhead.index)) rows.push({ system: label, name: s.name, change: 'per warhead uploaded', d_index: s.per_warhead.index, destabilising: !!s.per_warhead.destabilising });
    }
    if (!rows.length) {
      message(el, 'No sensitivity rows.');
      return null;
    }
    const order = [...new Set(rows.slice().sort((p, q) => Math.abs(q.d_index) - Math.abs(p.d_index)).map((r) => r.system))];
    mount(el, Plot.plot({
      width: width(el),
      height: 60 + order.length * 30,
      marginLeft: 110,
      grid: true,
      x: { label: 'Change in the index per launcher or per warhead (outlined: destabilising) →', tickFormat: '.1~e' },
      y: { axis: null, domain: ['per launcher added', 'per warhead uploaded'] },
      fy: { domain: order, label: null, padding: 0.1 },
      color: { legend: true, domain: ['per launcher added', 'per warhead uploaded'], range: ['#1f5fa8', '#d35400'] },
      marks: [
        Plot.barX(rows, { x: 'd_index', y: 'change', fy: 'system', fill: 'change', fillOpacity: 0.85 }),
        Plot.barX(rows.filter((r) => r.destabilising), { x: 'd_index', y: 'change', fy: 'system', stroke: 'black', strokeWidth: 1.5, fill: 'none' }),
        Plot.ruleX([0]),
        Plot.tip(rows, Plot.pointerY({ x: 'd_index', y: 'change', fy: 'system', title: (d) => `${d.name || d.system}, ${d.change}: ${(+d.d_index).toExponential(3)}${d.destabilising ? ' (destabilising)' : ''}` })),
      ],
    }));
    return { columns: ['system', 'name', 'change', 'd_index', 'destabilising'], rows };
  }

  function sensitivityPath(el, result) {
    const path = (result && result.upload_path) || [];
    if (!path.length) {
      message(el, 'No upload path (no side uploads).');
      return null;
    }
    const rows = path.map((p) => ({ month: p.month, index: p.index }));
    mount(el, Plot.plot({
      width: width(el),
      height: 300,
      marginLeft: 50,
      grid: true,
      x: { label: 'Months of upload →' },
      y: { label: '↑ Index', domain: [0, 1] },
      marks: [Plot.line(rows, { x: 'month', y: 'index', stroke: '#1f5fa8', strokeWidth: 2, marker: 'dot' }), Plot.tip(rows, Plot.pointerX({ x: 'month', y: 'index' }))],
    }));
    return { columns: ['month', 'index'], rows };
  }

  // (6b) The uncertainty run's tornado: the index at each input's low and high end.
  function uncertaintyTornado(el, result, top) {
    const t = ((result && result.tornado) || []).slice().sort((p, q) => Math.abs(q.swing) - Math.abs(p.swing)).slice(0, top || 15);
    if (!t.length) {
      message(el, 'No tornado in this result.');
      return null;
    }
    const point = result.index && isNum(result.index.point) ? result.index.point : null;
    const rows = t.map((d) => ({ factor: d.factor, low: Math.min(d.index_at_low, d.index_at_high), high: Math.max(d.index_at_low, d.index_at_high), index_at_low: d.index_at_low, index_at_high: d.index_at_high, swing: d.swing }));
    mount(el, Plot.plot({
      width: width(el),
      height: 40 + rows.length * 24,
      marginLeft: 230,
      grid: true,
      x: { label: 'Index with the input at its low … high end →' },
      y: { domain: rows.map((r) => r.factor), label: null },
      marks: [
        Plot.barX(rows, { x1: 'low', x2: 'high', y: 'factor', fill: '#1f5fa8', fillOpacity: 0.6, inset: 2 }),
        point !== null ? Plot.ruleX([point], { stroke: 'black', strokeDasharray: '3,2' }) : null,
        Plot.tip(rows, Plot.pointerY({ x1: 'low', x2: 'high', y: 'factor', title: (d) => `${d.factor}\nat low ${fmt(d.index_at_low, 4)}, at high ${fmt(d.index_at_high, 4)}` })),
      ].filter(Boolean),
    }));
    return { columns: ['factor', 'index_at_low', 'index_at_high', 'swing'], rows: rows.map(({ factor, index_at_low, index_at_high, swing }) => ({ factor, index_at_low, index_at_high, swing })) };
  }

  // (6c) Sobol bars: total effect (light) with the first-order index inside (dark).
  function sobol(el, result, top) {
    const ranking = ((result && result.sobol && result.sobol.ranking) || []).slice(0, top || 15);
    if (!ranking.length) {
      message(el, 'No Sobol ranking: run with Sobol base samples above 0.');
      return null;
    }
    const rows = ranking.map((r) => ({ factor: r.factor, first_order: r.first_order, total: r.total }));
    const long = [];
    for (const r of rows) long.push({ factor: r.factor, measure: 'total effect', value: r.total }, { factor: r.factor, measure: 'first order', value: r.first_order });
    mount(el, Plot.plot({
      width: width(el),
      height: 50 + rows.length * 24,
      marginLeft: 230,
      grid: true,
      x: { label: 'Sobol index (share of the index variance) →', domain: [0, Math.max(1e-9, ...rows.map((r) => Math.max(r.total, r.first_order)))], nice: true },
      y: { domain: rows.map((r) => r.factor), label: null },
      color: { legend: true, domain: ['total effect', 'first order'], range: ['#9ec3e6', '#1f5fa8'] },
      marks: [
        Plot.barX(long.filter((d) => d.measure === 'total effect'), { x: 'value', y: 'factor', fill: 'measure', inset: 1 }),
        Plot.barX(long.filter((d) => d.measure === 'first order'), { x: 'value', y: 'factor', fill: 'measure', insetTop: 6, insetBottom: 6 }),
        Plot.ruleX([0]),
        Plot.tip(rows, Plot.pointerY({ x: 'total', y: 'factor', title: (d) => `${d.factor}\nfirst order ${fmt(d.first_order)}, total ${fmt(d.total)}` })),
      ],
    }));
    return { columns: ['factor', 'first_order', 'total'], rows };
  }

  // Per-sample values of the index if the uncertainty JSON carries them.
  function sampleValues(result) {
    const idx = result && result.outputs && result.outputs.index;
    if (idx && Array.isArray(idx.values)) return idx.values;
    if (idx && Array.isArray(idx.samples)) return idx.samples;
    if (result && Array.isArray(result.sample_outputs)) return result.sample_outputs.map((r) => r.index);
    if (result && result.index && Array.isArray(result.index.values)) return result.index.values;
    return null;
  }

  // (7) The index histogram: binned per-sample values when the JSON has them, else the densities
  // between the reported quantiles (5, 25, 50, 75, 95%).
  function histogram(el, result) {
    const band = result && (result.index || (result.outputs && result.outputs.index));
    if (!band) {
      message(el, 'No index distribution in this result.');
      return null;
    }
    const values = sampleValues(result);
    const counted = result && result.index_histogram && Array.isArray(result.index_histogram.counts) ? result.index_histogram : null;
    const marks = [];
    let table;
    let source;
    if (counted && counted.counts.length) {
      // The server's bins (uncertainty --json index_histogram): equal bins from the least to the
      // greatest sample; each bar is the count of samples in it.
      const n = counted.counts.length;
      const w = n > 0 ? (counted.high - counted.low) / n : 0;
      const bins = counted.counts.map((c, i) => ({ x1: counted.low + i * w, x2: counted.low + (i + 1) * w, count: c }));
      if (w === 0) bins[0].x2 = counted.low + 1e-3;
      marks.push(Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'count', fill: '#1f5fa8', fillOpacity: 0.7, stroke: 'white' }));
      table = { columns: ['index_low', 'index_high', 'samples'], rows: bins.map((b) => ({ index_low: b.x1, index_high: b.x2, samples: b.count })) };
      source = 'histogram';
    } else if (values && values.length) {
      const data = values.map((v) => ({ index: v }));
      marks.push(Plot.rectY(data, Plot.binX({ y: 'count' }, { x: 'index', fill: '#1f5fa8', fillOpacity: 0.7, thresholds: 30 })));
      table = { columns: ['sample', 'index'], rows: values.map((v, i) => ({ sample: i, index: v })) };
      source = 'samples';
    } else {
      const q = [[0.05, band.q05], [0.25, band.q25], [0.5, band.q50], [0.75, band.q75], [0.95, band.q95]].filter((x) => isNum(x[1]));
      const bins = [];
      for (let i = 0; i + 1 < q.length; ++i) {
        const w = q[i + 1][1] - q[i][1];
        const mass = q[i + 1][0] - q[i][0];
        bins.push({ x1: q[i][1], x2: q[i + 1][1], probability: mass, density: w > 1e-12 ? mass / w : 0, from: q[i][0], to: q[i + 1][0] });
      }
      marks.push(Plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'density', fill: '#1f5fa8', fillOpacity: 0.6, stroke: 'white' }));
      table = { columns: ['from_quantile', 'to_quantile', 'index_low', 'index_high', 'probability', 'density'], rows: bins.map((b) => ({ from_quantile: b.from, to_quantile: b.to, index_low: b.x1, index_high: b.x2, probability: b.probability, density: b.density })) };
      source = 'quantiles';
    }
    if (isNum(band.point)) {
      marks.push(Plot.ruleX([band.point], { stroke: '#c0392b', strokeWidth: 2 }));
      marks.push(Plot.text([band.point], { x: (d) => d, frameAnchor: 'top', dy: 8, dx: 4, textAnchor: 'start', fill: '#c0392b', text: () => 'point value ' + fmt(band.point) }));
    }
    marks.push(Plot.ruleY([0]));
    mount(el, Plot.plot({
      width: width(el),
      height: 320,
      marginLeft: 55,
      grid: true,
      x: { label: 'First-strike stability index →' },
      y: { label: source === 'quantiles' ? '↑ Probability density (between the quantiles)' : '↑ Samples (count)' },
      marks,
    }));
    el.dataset.source = source;
    return table;
  }

  global.StratPlots = { drawdown, costs, square, sweep, upload, pathways, sensitivityTornado, sensitivityPath, uncertaintyTornado, sobol, histogram, message };
})(window);
