import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** Builds each Custom UI resource into static/<resource>/build, the folder manifest.yml points at. */
export const RESOURCES = ['panel', 'page'] as const;

export async function buildUi(): Promise<void> {
  const root = path.join(__dirname, '..');
  for (const resource of RESOURCES) {
    await build({
      root: path.join(root, 'static', resource),
      base: './', // Forge serves a resource from its own path: assets must be relative
      logLevel: 'warn',
      plugins: [react()],
      resolve: {
        alias: {
          '@shared': path.join(root, 'src', 'shared'),
          '@domain': path.join(root, 'src', 'domain'),
          '@ui': path.join(root, 'static', 'common'),
        },
      },
      build: {
        outDir: 'build',
        emptyOutDir: true,
        chunkSizeWarningLimit: 2000,
        target: 'es2020',
        modulePreload: { polyfill: false },
        // One stylesheet, linked by index.html: the CSS of lazily loaded chunks (the panel's form, the page's
        // settings) was split into files that this Vite build never links, so those controls rendered unstyled.
        cssCodeSplit: false,
      },
    });
    console.log(`built static/${resource}/build`);
  }
}

if (require.main === module) {
  buildUi().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
