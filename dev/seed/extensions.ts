import type { SeedExtension } from './world';

/**
 * Additions to the demo, run in order after the generator for demo-shaped seeds (varied action counts), each with
 * its own random stream. Add a case by appending a function here (see SeedContext in ./world for what it gets).
 */
export const SEED_EXTENSIONS: SeedExtension[] = [];
