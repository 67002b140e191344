// `npm run bench`: prints figures and ratios against baselines measured in the same run; no thresholds.
import { benchStore } from './store-bench';

console.log(`Outpost benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);
benchStore();
