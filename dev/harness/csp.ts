import fs from 'node:fs';
import path from 'node:path';
import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import { load } from 'cheerio/slim';
import { parse } from 'yaml';
import { z } from 'zod';

/** What manifest.yml declares about Custom UI content: only inline styles, and no external hosts. */
const ManifestPermissions = z.object({
  permissions: z.object({
    content: z.object({ styles: z.array(z.literal('unsafe-inline')).optional() }).optional(),
    external: z.never().optional(),
  }),
});

/**
 * The Content-Security-Policy Forge serves a Custom UI resource with, built by Atlassian's own @forge/csp as the
 * platform does: the page's inline script hashes and the manifest's content permissions (here only
 * `styles: [unsafe-inline]`), then Forge's default policy for production (`script-src 'self'` plus Forge's CDN, no
 * 'unsafe-eval'; `style-src 'self'`...). Only two things differ locally: the site is the harness's origin, and
 * violation reports go to the harness (POST /__harness/csp-report) rather than to Atlassian.
 */
export function customUiCsp(indexHtml: string, origin: string, manifestFile = defaultManifest()): string {
  const manifest = ManifestPermissions.parse(parse(fs.readFileSync(manifestFile, 'utf8')));
  const logger = { info: (m: string) => console.log(m) };
  const existingCSPDetails = new CSPProcessingService(logger, load).getCspDetails(indexHtml, {
    content: { styles: manifest.permissions.content?.styles ?? [] },
  });
  return new CSPInjectionService()
    .getInjectableCSP({ existingCSPDetails, microsEnv: 'prod', hostname: origin })
    .map((d) => (d.startsWith('report-uri ') ? `report-uri ${origin}/__harness/csp-report` : d))
    .join('; ');
}

function defaultManifest(): string {
  return path.join(__dirname, '..', '..', 'manifest.yml');
}
