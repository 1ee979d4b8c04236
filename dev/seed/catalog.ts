/** The demo's vocabulary: services, and per root-cause category the symptoms, causes and remedies teams write. */
export const SERVICES = ['checkout', 'payments-api', 'search', 'auth', 'notifications', 'cdn-edge'] as const;

export interface CategoryText {
  symptoms: string[];
  causes: string[];
  factors: [string[], string[], string[]];
  actions: string[];
}

export const CATEGORY_TEXT: Record<string, CategoryText> = {
  'Deploy / config change': {
    symptoms: ['5xx errors after deploy', 'elevated error rate', 'login failures'],
    causes: [
      'A configuration change shipped without a canary and disabled the connection pool limits.',
      'A deploy rolled out a feature flag default that broke request routing.',
      'A config push removed the timeout override for the upstream client.',
    ],
    factors: [
      ['No canary stage for config changes', 'Config is not validated in CI'],
      ['Error-rate alert threshold too high', 'Dashboards lacked deploy markers'],
      ['Rollback required a manual approval', 'Runbook for rollback was outdated'],
    ],
    actions: [
      'Add canary deploys for config changes',
      'Validate config schema in CI',
      'Automate one-click rollback',
      'Add deploy markers to dashboards',
    ],
  },
  'Capacity / saturation': {
    symptoms: ['latency spike', 'timeouts under peak load', 'queue backlog'],
    causes: [
      'Database connection pool exhausted under peak traffic because autoscaling lagged demand.',
      'CPU saturation on the cache tier after traffic doubled during a campaign.',
      'Worker queue backlog grew because consumers were capped at a fixed replica count.',
    ],
    factors: [
      ['No load test before the campaign', 'Autoscaling limits set too low'],
      ['Saturation alerts missing on the pool', 'Latency SLO alert fired late'],
      ['Scaling needed a manual ticket', 'No capacity runbook'],
    ],
    actions: [
      'Load test before marketing campaigns',
      'Raise autoscaling ceiling and add pool saturation alerts',
      'Document the capacity runbook',
    ],
  },
  'Dependency failure': {
    symptoms: ['payment provider timeouts', 'third-party API errors', 'degraded search results'],
    causes: [
      'The upstream payment provider timed out and our client retried without a circuit breaker.',
      'A third-party geolocation API returned errors and requests blocked on it synchronously.',
      'The managed queue service had a regional outage and there was no fallback.',
    ],
    factors: [
      ['No circuit breaker on the provider client', 'Synchronous call in the request path'],
      ['Provider status not monitored', 'Alerts only on our own error rate'],
      ['No fallback provider configured', 'Vendor escalation path unknown'],
    ],
    actions: [
      'Add circuit breaker to provider client',
      'Move provider call off the request path',
      'Add provider health monitoring',
    ],
  },
  'Data / migration': {
    symptoms: ['missing orders in reports', 'slow queries after migration', 'stale search index'],
    causes: [
      'A schema migration locked the orders table for twelve minutes during business hours.',
      'A backfill job rewrote index rows without throttling and starved production queries.',
      'A migration dropped an index that the reporting query depended on.',
    ],
    factors: [
      ['Migrations not reviewed for locking', 'No staging dataset of production size'],
      ['Lock-wait alerts absent', 'Slow query log not monitored'],
      ['Migration could not be paused', 'No rollback script'],
    ],
    actions: [
      'Review migrations for locks in CI',
      'Throttle backfill jobs',
      'Write rollback scripts for every migration',
    ],
  },
  'Certificate / secret expiry': {
    symptoms: ['TLS handshake failures', 'expired certificate errors', 'webhook delivery failures'],
    causes: [
      'The TLS certificate on the edge load balancer expired because renewal was manual.',
      'An API secret rotated by the vendor was not updated in our vault.',
      'An intermediate certificate expired and clients rejected the chain.',
    ],
    factors: [
      ['Manual certificate renewal', 'Secrets inventory incomplete'],
      ['No expiry monitoring', 'Synthetic checks skipped TLS validation'],
      ['Only one person could renew certificates', 'Vault access required approval'],
    ],
    actions: [
      'Automate certificate renewal',
      'Alert 30 days before certificate expiry',
      'Inventory and rotate secrets automatically',
    ],
  },
  'Retry storm / cascading failure': {
    symptoms: ['cascading timeouts', 'thundering herd after recovery', 'retry storm'],
    causes: [
      'Clients retried immediately without backoff and amplified a brief outage into a retry storm.',
      'Retry logic in the mobile client hammered auth after a token service blip.',
      'A queue consumer retried poison messages forever and starved other work.',
    ],
    factors: [
      ['Retries without exponential backoff', 'No retry budget'],
      ['No alert on retry volume', 'Traffic amplification not visible'],
      ['Could not shed load quickly', 'Feature kill switch missing'],
    ],
    actions: [
      'Fix retry logic with exponential backoff and jitter',
      'Add retry budgets to clients',
      'Add load shedding kill switch',
    ],
  },
  'Monitoring gap': {
    symptoms: ['silent data loss', 'customers reported outage first', 'delayed notifications'],
    causes: [
      'Notifications silently stopped because the worker crashed and no alert watched the queue depth.',
      'Customers reported the outage before any alert fired because health checks only hit the load balancer.',
      'A cron job failed for two days with errors written only to a local log.',
    ],
    factors: [
      ['Health checks too shallow', 'No ownership of the job'],
      ['No alert on queue depth', 'Logs not shipped centrally'],
      ['On-call lacked access to the worker', 'No dashboard for the pipeline'],
    ],
    actions: [
      'Add queue depth alerting',
      'Deep health checks through the full request path',
      'Ship job logs centrally with alerts',
    ],
  },
};

export const WENT_WELL = [
  'Fast escalation to the owning team',
  'Clear incident channel communication',
  'Rollback worked first time',
  'Status page updated within 10 minutes',
];
export const WENT_WRONG = [
  'Alert fired late',
  'Runbook was out of date',
  'Too many people debugging in parallel',
  'Customer support learned about it from customers',
];
export const PARKING_IDEAS = [
  'Chaos testing for dependencies',
  'Rewrite the deploy pipeline',
  'Hire a dedicated SRE',
  'Move to multi-region',
  'Quarterly game days',
  'Adopt an incident bot',
];
