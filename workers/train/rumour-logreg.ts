/**
 * Dense binary logistic regression with an L2 penalty, fitted by Newton's method (a few dozen
 * features, a few thousand rows: exact, deterministic, well under a second).
 */
export function fitLogistic(X: readonly number[][], y: readonly number[], l2: number, iterations = 30): { weights: number[]; bias: number } {
  const d = X[0]?.length ?? 0;
  const p = d + 1; // last coefficient is the bias (not penalised)
  const beta = new Array<number>(p).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(p).fill(0);
    const hess = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let n = 0; n < X.length; n++) {
      const x = X[n]!;
      let z = beta[d]!;
      for (let j = 0; j < d; j++) z += beta[j]! * x[j]!;
      const mu = 1 / (1 + Math.exp(-z));
      const r = mu - y[n]!;
      const w = Math.max(mu * (1 - mu), 1e-9);
      for (let j = 0; j < p; j++) {
        const xj = j === d ? 1 : x[j]!;
        grad[j]! += r * xj;
        for (let k = 0; k <= j; k++) hess[j]![k]! += w * xj * (k === d ? 1 : x[k]!);
      }
    }
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) hess[k]![j] = hess[j]![k]!;
      if (j < d) {
        grad[j]! += l2 * beta[j]!;
        hess[j]![j]! += l2;
      }
    }
    const step = solve(hess, grad);
    let change = 0;
    for (let j = 0; j < p; j++) {
      beta[j]! -= step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-7) break;
  }
  return { weights: beta.slice(0, d), bias: beta[d]! };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    const pv = M[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / pv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / (M[r]![r]! || 1e-12);
  }
  return x;
}
