#!/usr/bin/python3
"""The proven optimum of a whole-weapon assignment problem written by scripts/wta-instance.py, to
check `stratstab wta --integer` by hand (docs/methods.md §10, "Integer mode"); not run by the tests
(18 minutes on 100 x 200 with 1-3 weapons per kind).

  max sum_t V_t (1 - prod_w (1 - P[w,t])^x_wt),  sum_t x_wt <= a_w, x whole, >= 0

by outer approximation: every weapon a binary (unit) variable, each target's value bounded by
submodular cuts (Nemhauser, Wolsey & Fisher 1978: add-only, and with removal terms) and tangents of
its log form, added where the MILP's answer violates them; each MILP solved by HiGHS through
SciPy's `milp` (Debian's python3-scipy), first to a relative gap of 1e-6, then 1e-9. Every cut is
checked at the best answer known, so a wrong cut stops the run rather than give a false optimum.

Usage: scripts/wta-optimum.py BASE [total_seconds] [seconds_per_milp]   (BASE.yaml and BASE.csv)
Prints RESULT BASE best=... upper=... proven=...
"""
import re
import sys
import time
import numpy as np
import scipy.sparse as sp
from scipy.optimize import milp, LinearConstraint, Bounds


def load(base):
    """The problem in scripts/wta-instance.py's form: a, V, P (weapons x targets)."""
    available, value = [], []
    with open(base + '.yaml', encoding='utf-8') as f:
        for line in f:
            m = re.search(r'id: w(\d+), available: (\d+)', line)
            if m:
                available.append(int(m.group(2)))
            m = re.search(r'id: t(\d+), value: (\d+)', line)
            if m:
                value.append(int(m.group(2)))
    p = np.zeros((len(available), len(value)))
    with open(base + '.csv', encoding='utf-8') as f:
        next(f)
        for line in f:
            w, t, prob = line.strip().split(',')
            p[int(w[1:]), int(t[1:])] = float(prob)
    return np.array(available), np.array(value, dtype=float), p

def true_obj(x, V, Q):
    # x: W x T counts ; Q = 1-P
    S = np.prod(Q ** x, axis=0)
    return float(np.sum(V * (1 - S))), V * (1 - S)


def greedy(a, V, Q):
    W, T = Q.shape
    x = np.zeros((W, T), dtype=int)
    left = a.copy()
    S = np.ones(T)
    while left.sum() > 0:
        gain = (V * S)[None, :] * (1 - Q)
        gain[left == 0, :] = -1
        w, t = np.unravel_index(np.argmax(gain), gain.shape)
        x[w, t] += 1
        left[w] -= 1
        S[t] *= Q[w, t]
    return x


def local_search(x, a, V, Q):
    """Move single units (w: t->t') and swap units of two weapons while improving."""
    x = x.copy()
    W, T = Q.shape
    improved = True
    while improved:
        improved = False
        S = np.prod(Q ** x, axis=0)
        # unused ammo: add greedily
        for w in range(W):
            while x[w].sum() < a[w]:
                g = V * S * (1 - Q[w])
                t = int(np.argmax(g))
                x[w, t] += 1
                S[t] *= Q[w, t]
                improved = True
        # single-unit moves
        for w in range(W):
            for t in np.nonzero(x[w])[0]:
                loss = V[t] * S[t] * (1 / Q[w, t] - 1)  # value lost removing one unit of w from t
                Snew = S.copy()
                Snew[t] = S[t] / Q[w, t]
                g = V * Snew * (1 - Q[w])
                g[t] = -1e300
                t2 = int(np.argmax(g))
                if g[t2] - loss > 1e-10:
                    x[w, t] -= 1
                    x[w, t2] += 1
                    S = Snew
                    S[t2] *= Q[w, t2]
                    improved = True
                    break
        if improved:
            continue
        # pairwise swaps: unit of w1 on t1 <-> unit of w2 on t2
        units = [(w, t) for w in range(W) for t in np.nonzero(x[w])[0]]
        base, _ = true_obj(x, V, Q)
        for i in range(len(units)):
            w1, t1 = units[i]
            for k in range(i + 1, len(units)):
                w2, t2 = units[k]
                if t1 == t2 or w1 == w2:
                    continue
                s1 = S[t1] / Q[w1, t1] * Q[w2, t1]
                s2 = S[t2] / Q[w2, t2] * Q[w1, t2]
                d = V[t1] * (S[t1] - s1) + V[t2] * (S[t2] - s2)
                if d > 1e-10:
                    x[w1, t1] -= 1; x[w2, t1] += 1
                    x[w2, t2] -= 1; x[w1, t2] += 1
                    improved = True
                    break
            if improved:
                break
    return x


class OA:
    def __init__(self, a, V, P, families=('nw1','nw2','log')):
        self.families = families
        self.a, self.V, self.P = a, V, P
        self.Q = 1 - P
        W, T = P.shape
        self.W, self.T = W, T
        # unit variables u[w,t,j], j < a_w
        idx = []
        self.uid = {}
        for w in range(W):
            for t in range(T):
                for j in range(a[w]):
                    self.uid[(w, t, j)] = len(idx)
                    idx.append((w, t, j))
        self.units = idx
        self.nu = len(idx)
        self.nz = T
        self.n = self.nu + T
        # per target: list of (w, j, varindex)
        self.tunits = [[] for _ in range(T)]
        for v, (w, t, j) in enumerate(idx):
            self.tunits[t].append((w, j, v))
        self.cut_rows, self.cut_cols, self.cut_vals, self.cut_ub = [], [], [], []
        self.ncuts = 0
        self.cutset = set()
        # static constraints
        rows, cols, vals, lb, ub = [], [], [], [], []
        r = 0
        for w in range(W):
            for t in range(T):
                for j in range(a[w]):
                    rows.append(r); cols.append(self.uid[(w, t, j)]); vals.append(1.0)
            lb.append(-np.inf); ub.append(a[w]); r += 1
        for w in range(W):
            for t in range(T):
                for j in range(a[w] - 1):
                    rows += [r, r]; cols += [self.uid[(w, t, j)], self.uid[(w, t, j + 1)]]
                    vals += [1.0, -1.0]
                    lb.append(0.0); ub.append(np.inf); r += 1
        self.static = sp.csr_matrix((vals, (rows, cols)), shape=(r, self.n))
        self.static_lb, self.static_ub = np.array(lb), np.array(ub)
        for t in range(T):
            self.add_cut(t, np.zeros(W, dtype=int))

    def _row(self, t, coefs, f):
        r = self.ncuts
        self.cut_rows.append(r); self.cut_cols.append(self.nu + t); self.cut_vals.append(1.0)
        for v, c in coefs.items():
            if c != 0:
                self.cut_rows.append(r); self.cut_cols.append(v); self.cut_vals.append(-c)
        self.cut_ub.append(f)
        self.ncuts += 1

    def add_cut(self, t, k):
        """Valid cuts for target t at K = {units (w,j): j < k_w}:
        NW1 (add-only submodular), NW2 (removal-aware submodular), LOG (tangent of exp in y=sum x ln q)."""
        key = (t, tuple(int(v) for v in k))
        if key in self.cutset:
            return False
        self.cutset.add(key)
        V, Q, P = self.V[t], self.Q[:, t], self.P[:, t]
        S = float(np.prod(Q ** k))
        f = V * (1 - S)
        fams = self.families
        # NW1: z <= f + sum_{j not in K} V S p u_j
        if 'nw1' in fams:
            self._row(t, {v: V * S * P[w] for (w, j, v) in self.tunits[t] if j >= k[w]}, f)
        if k.sum() > 0:
            # NW2: z <= f - sum_{j in K} V S (1-q)/q (1-u_j) + sum_{j not in K} V p u_j
            if 'nw2' in fams:
                co = {}; rhs = f
                for (w, j, v) in self.tunits[t]:
                    if j < k[w]:
                        c = V * S * P[w] / Q[w]
                        rhs -= c; co[v] = c
                    else:
                        co[v] = V * P[w]
                self._row(t, co, rhs)
            # LOG: z <= V (1 - S (1 + sum_w (x_w - k_w) ln q_w))
            #        = f + V S sum_w k_w ln q_w - sum_units V S ln q_w u
            if 'log' in fams:
                rhs = f + V * S * float(np.sum(k * np.log(Q)))
                self._row(t, {v: -V * S * np.log(Q[w]) for (w, j, v) in self.tunits[t]}, rhs)
        return True

    def add_log_tangent(self, t, S):
        V, Q = self.V[t], self.Q[:, t]
        y0 = np.log(S)
        # z <= V(1 - S(1 + y - y0)),  y = sum ln q u
        self._row(t, {v: -V * S * np.log(Q[w]) for (w, j, v) in self.tunits[t]}, V * (1 - S * (1 - y0)))

    def add_cuts_at(self, x, zt=None, tol=1e-9):
        _, ft = true_obj(x, self.V, self.Q)
        n = 0
        for t in range(self.T):
            if zt is None or zt[t] > ft[t] + tol:
                n += self.add_cut(t, x[:, t])
        return n

    def check(self, x):
        # every cut must hold at (u(x), z=f(x)) : sanity check of validity
        _, ft = true_obj(x, self.V, self.Q)
        u = np.zeros(self.n)
        for v, (w, t, j) in enumerate(self.units):
            u[v] = 1.0 if j < x[w, t] else 0.0
        u[self.nu:] = ft
        C = sp.csr_matrix((self.cut_vals, (self.cut_rows, self.cut_cols)), shape=(self.ncuts, self.n))
        viol = C @ u - np.array(self.cut_ub)
        assert viol.max() <= 1e-7, ('INVALID CUT', viol.max())

    def solve(self, time_limit, gap=1e-6):
        C = sp.csr_matrix((self.cut_vals, (self.cut_rows, self.cut_cols)), shape=(self.ncuts, self.n))
        A = sp.vstack([self.static, C]).tocsr()
        lb = np.concatenate([self.static_lb, np.full(self.ncuts, -np.inf)])
        ub = np.concatenate([self.static_ub, np.array(self.cut_ub)])
        c = np.zeros(self.n); c[self.nu:] = -1.0
        integrality = np.zeros(self.n); integrality[:self.nu] = 1
        bl = np.zeros(self.n)
        bu = np.concatenate([np.ones(self.nu), self.V])
        res = milp(c, constraints=LinearConstraint(A, lb, ub), integrality=integrality,
                   bounds=Bounds(bl, bu),
                   options={'time_limit': time_limit, 'mip_rel_gap': gap, 'disp': False})
        return res

    def counts(self, u):
        x = np.zeros((self.W, self.T), dtype=int)
        for v, (w, t, j) in enumerate(self.units):
            if u[v] > 0.5:
                x[w, t] += 1
        return x


def run(name, budget=1800.0, per_solve=600.0):
    t0 = time.time()
    a, V, P = load(name)
    Q = 1 - P
    fams = ('nw1', 'nw2', 'log')
    oa = OA(a, V, P, fams)
    # incumbent: greedy + local search, initial cuts there
    xg = greedy(a, V, Q)
    xl = local_search(xg, a, V, Q)
    best, _ = true_obj(xl, V, Q)
    bestx = xl
    oa.add_cuts_at(xg)
    oa.add_cuts_at(xl)
    print(f'{name}: W={oa.W} T={oa.T} units={a.sum()} binaries={oa.nu} greedy={true_obj(xg,V,Q)[0]:.6f} LS={best:.6f}', flush=True)
    ub = np.inf
    it = 0
    proven = False
    stage_tol = [1e-6, 1e-9]
    stage = 0
    while True:
        it += 1
        remaining = budget - (time.time() - t0)
        if remaining < 5:
            break
        tl = min(per_solve, remaining)
        ts = time.time()
        res = oa.solve(tl, gap=stage_tol[stage])
        if res.x is None:
            print(f'  it {it}: no solution status={res.status} {res.message}', flush=True)
            db = getattr(res, 'mip_dual_bound', None)
            if db is not None and np.isfinite(db):
                ub = min(ub, -db)
            break
        zt = res.x[oa.nu:]
        oa.check(bestx); oa.check(oa.counts(res.x))
        mval = float(-res.fun)
        db = getattr(res, 'mip_dual_bound', None)
        itub = -db if (db is not None and np.isfinite(db)) else (mval if res.status == 0 else np.inf)
        ub = min(ub, itub)
        x = oa.counts(res.x)
        assert np.all(x.sum(1) <= a)
        tv, _ = true_obj(x, V, Q)
        if tv > best:
            best, bestx = tv, x
        xl = local_search(x, a, V, Q)
        lv, _ = true_obj(xl, V, Q)
        if lv > best:
            best, bestx = lv, xl
        nc = oa.add_cuts_at(x, zt)
        nc += oa.add_cuts_at(xl, None) if lv > tv + 1e-12 else 0
        print(f'  it {it}: status={res.status} milp={mval:.6f} itUB={itub:.6f} true={tv:.6f} LS={lv:.6f} '
              f'best={best:.6f} UB={ub:.6f} relgap={(ub-best)/best:.2e} newcuts={nc} totcuts={oa.ncuts} '
              f'solve={time.time()-ts:.1f}s total={time.time()-t0:.1f}s', flush=True)
        assert ub >= best - 1e-6 * abs(best), 'UB below incumbent: invalid cuts'
        if (ub - best) <= stage_tol[stage] * abs(best) or (nc == 0 and res.status == 0):
            proven = True
            print(f'  PROVEN at tol {stage_tol[stage]:g}: best={best:.9f} UB={ub:.9f} it={it} t={time.time()-t0:.1f}s', flush=True)
            if stage + 1 < len(stage_tol):
                stage += 1
                continue
            break
        if nc == 0:
            break  # time limit hit, no new cuts
    el = time.time() - t0
    print(f'RESULT {name} best={best:.9f} upper={ub:.9f} proven={proven} iters={it} time={el:.1f}s', flush=True)
    return name, best, ub, proven, it, el, bestx


if __name__ == '__main__':
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    run(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 1800,
        float(sys.argv[3]) if len(sys.argv) > 3 else 600)
