import { z } from 'zod';

// Forge serves Custom UI with `script-src 'self'` (no 'unsafe-eval'): zod's JIT would probe `new Function` when the
// first object schema parses and raise a CSP violation. This module is imported first by main-entry.tsx, so it runs
// before any module of the UI bundle builds a schema.
z.config({ jitless: true });
