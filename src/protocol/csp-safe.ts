/**
 * Imported first by the page and by each worker: zod would probe `new Function('')` to decide whether to
 * compile its validators, which the Content-Security-Policy (csp.config.ts, no 'unsafe-eval') reports as
 * a violation. Jitless validation is plain code, and the same results.
 */
import { z } from 'zod';

z.config({ jitless: true });
