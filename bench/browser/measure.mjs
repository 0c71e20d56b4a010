// What the media bench computes outside the browser: percentiles, image similarity of two luma planes, and the CPU
// this process's children spend (the browser's processes apart from the stack's), read from /proc.
import { readFileSync, readdirSync } from 'node:fs';

export function percentile(values, p) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summary(values) {
  const round = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return { count: values.length, p50_ms: round(percentile(values, 50)), p95_ms: round(percentile(values, 95)),
    p99_ms: round(percentile(values, 99)), max_ms: round(percentile(values, 100)) };
}

/** Peak signal-to-noise ratio of two 8-bit planes of the same size, dB (Infinity when identical). */
export function psnr(a, b) {
  let se = 0;
  for (let i = 0; i < a.length; i++) se += (a[i] - b[i]) ** 2;
  const mse = se / a.length;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

/** Mean SSIM over 8×8 blocks (no overlap, the usual constants) of two w×h 8-bit planes. */
export function ssim(a, b, w, h) {
  const c1 = (0.01 * 255) ** 2;
  const c2 = (0.03 * 255) ** 2;
  let sum = 0;
  let blocks = 0;
  for (let y = 0; y + 8 <= h; y += 8) {
    for (let x = 0; x + 8 <= w; x += 8) {
      let ma = 0;
      let mb = 0;
      for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) {
        ma += a[(y + j) * w + x + i];
        mb += b[(y + j) * w + x + i];
      }
      ma /= 64;
      mb /= 64;
      let va = 0;
      let vb = 0;
      let cov = 0;
      for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) {
        const da = a[(y + j) * w + x + i] - ma;
        const db = b[(y + j) * w + x + i] - mb;
        va += da * da;
        vb += db * db;
        cov += da * db;
      }
      va /= 63;
      vb /= 63;
      cov /= 63;
      sum += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
      blocks++;
    }
  }
  return blocks === 0 ? null : sum / blocks;
}

const TICKS_PER_S = 100;

/** Every descendant of this process: pid → {comm, ticks} (user + system CPU time so far). */
function descendants() {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const f = stat.slice(close + 2).split(' ');
      procs.set(Number(name), { ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const mine = new Map();
  const walk = (pid) => {
    for (const [child, p] of procs) {
      if (p.ppid === pid && !mine.has(child)) {
        mine.set(child, p);
        walk(child);
      }
    }
  };
  walk(process.pid);
  return mine;
}

/** The browser's CPU (every chromium process under this one) and the stack's, between start() and stop(), % of a core. */
export function cpuWindow() {
  const group = (comm) => (/chrom/i.test(comm) ? 'browser' : 'stack');
  const take = () => {
    const totals = { browser: 0, stack: 0 };
    for (const p of descendants().values()) totals[group(p.comm)] += p.ticks;
    return { at: process.hrtime.bigint(), totals, self: process.cpuUsage() };
  };
  const start = take();
  return {
    stop() {
      const end = take();
      const seconds = Number(end.at - start.at) / 1e9;
      const pct = (t) => Math.round((100 * t) / TICKS_PER_S / seconds);
      const self = (end.self.user + end.self.system - start.self.user - start.self.system) / 1e6;
      return { seconds: Math.round(seconds * 10) / 10, browser_cpu_pct: pct(end.totals.browser - start.totals.browser),
        stack_cpu_pct: pct(end.totals.stack - start.totals.stack), bench_node_cpu_pct: Math.round((100 * self) / seconds) };
    },
  };
}
