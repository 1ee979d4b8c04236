import type { Story } from './stories';

/** Demo stories: expiring certificates and secrets, retry storms, monitoring gaps. */
export const EXPIRY_AND_SIGNALS: Story[] = [
  // Certificate / secret expiry
  {
    category: 'Certificate / secret expiry',
    services: ['cdn-edge', 'auth'],
    symptom: 'TLS handshake failures',
    rootCause:
      'The wildcard certificate on the edge load balancers expired at 00:00 UTC. Renewal was a manual yearly task owned by an engineer who had moved teams, and the calendar reminder went with them.',
    again:
      'A certificate on the edge expired at midnight again because its renewal still depended on a person remembering.',
    factors: {
      possible: 'Certificate renewal is manual and tracked in a personal calendar.',
      detection: 'External checks do not validate certificate expiry dates.',
      resolution: 'Issuing a new certificate needed approval from the security team, who were offline.',
    },
    lessons:
      'Anything that expires on a date will eventually expire unnoticed unless a machine renews it. Reminders are not a control.',
    actions: [
      'Automate certificate renewal with ACME',
      'Alert 30 days before any certificate expires',
      'Keep an inventory of certificates with owners',
    ],
  },
  {
    category: 'Certificate / secret expiry',
    services: ['payments-api', 'notifications'],
    symptom: 'authentication errors from provider',
    rootCause:
      'The payment provider rotated our API key on their 90-day schedule and the new key was never copied into the vault. Every charge was rejected with 401 until the key was updated.',
    again: "The provider's 90-day key rotation caught us out again: the vault still held the old key.",
    factors: {
      possible: 'Vendor-rotated secrets are not tracked anywhere.',
      detection: 'A 401 from the provider is logged as a customer card decline.',
      resolution: 'Vault write access required a ticket to the security team.',
    },
    lessons:
      'Secrets we do not rotate ourselves still have a lifecycle. We need to know every secret, who rotates it and when.',
    actions: [
      'Inventory vendor-rotated secrets with expiry dates',
      'Alert on provider 401 responses separately from declines',
      'Grant on-call emergency vault write access',
    ],
  },
  {
    category: 'Certificate / secret expiry',
    services: ['auth', 'search'],
    symptom: 'service-to-service calls rejected',
    rootCause:
      "The internal CA's intermediate certificate expired and mTLS between services failed. The new intermediate had been issued but not distributed to the trust stores of older images.",
    again: 'An intermediate certificate expired before older images had its successor, and mTLS calls failed.',
    factors: {
      possible: 'Trust stores are baked into images and only refreshed on rebuild.',
      detection: 'Handshake failures are not exported as a metric.',
      resolution: 'Rebuilding twenty old images took most of the day.',
    },
    lessons:
      'Trust material baked into images ages with the image. Long-lived images need their trust refreshed without a rebuild.',
    actions: [
      'Mount trust stores from a shared secret, not the image',
      'Export mTLS handshake failures as a metric',
      'Rebuild images older than 90 days automatically',
    ],
  },
  // Retry storm / cascading failure
  {
    category: 'Retry storm / cascading failure',
    services: ['auth', 'checkout'],
    symptom: 'retry storm',
    rootCause:
      'A 40 second blip in the token service made mobile clients retry immediately, with no backoff, up to 10 times. The retries multiplied load by eight and kept the token service down for 35 minutes after the blip ended.',
    again:
      'A short token service outage again turned into a long one as mobile clients retried instantly and multiplied the load.',
    factors: {
      possible: 'The mobile client retries without backoff or jitter.',
      detection: 'Request volume per client version is not visible on any dashboard.',
      resolution: 'We had no way to shed load by client version at the edge.',
    },
    lessons: 'Retries are load. Without backoff, jitter and a budget, every client becomes part of the outage.',
    actions: [
      'Add exponential backoff with jitter to the mobile client',
      'Add a retry budget per client',
      'Add an edge rule to shed load by client version',
    ],
  },
  {
    category: 'Retry storm / cascading failure',
    services: ['notifications', 'payments-api'],
    symptom: 'cascading timeouts',
    rootCause:
      'A poison message made the notification worker crash and restart in a loop, and each restart retried the same message. The worker pool never made progress, and the payments service, which waits on notification acknowledgements, backed up behind it.',
    again: 'A poison message put the worker into a crash loop once more and payments backed up waiting on it.',
    factors: {
      possible: 'Messages are retried forever with no dead-letter queue.',
      detection: 'Crash loops are visible only in the orchestrator, not in alerts.',
      resolution: 'Finding the poison message meant reading raw queue dumps.',
    },
    lessons:
      'One bad input should cost one message, not the whole pipeline. Every queue needs a place for the messages it cannot process.',
    actions: [
      'Add a dead-letter queue after 5 attempts',
      'Alert on pod restart loops',
      'Decouple payment confirmation from notification acknowledgement',
    ],
  },
  {
    category: 'Retry storm / cascading failure',
    services: ['search', 'cdn-edge'],
    symptom: 'thundering herd after recovery',
    rootCause:
      'When the search cluster came back after a restart, every cache entry had expired at once and all traffic hit it together. The cluster fell over again twice before traffic was ramped manually.',
    again: 'After a restart the cold cache let all traffic hit search at once and it collapsed again.',
    factors: {
      possible: 'Cache entries share one fixed TTL and expire together.',
      detection: 'Cache warm-up is not monitored.',
      resolution: 'Traffic could only be ramped by editing load balancer weights by hand.',
    },
    lessons:
      'Recovery is a load test we never planned. Systems must come back gradually, with caches that warm rather than stampede.',
    actions: [
      'Add jitter to cache TTLs',
      'Add request coalescing for cache misses',
      'Script a gradual traffic ramp after restarts',
    ],
  },
  // Monitoring gap
  {
    category: 'Monitoring gap',
    services: ['notifications', 'search'],
    symptom: 'customers reported outage first',
    rootCause:
      'The notification worker ran out of disk and stopped consuming, but its health check only answered HTTP 200 from the web process. For three hours nothing alerted while password-reset emails queued up.',
    again:
      'The worker stopped again while its shallow health check kept answering 200, and customers told us before any alert did.',
    factors: {
      possible: 'Health checks test that the process is up, not that it does its work.',
      detection: 'No alert on queue depth or on the age of the oldest message.',
      resolution: 'On-call had no access to the worker hosts to clear disk.',
    },
    lessons:
      'Green dashboards told us the process was alive, not that customers were served. We now measure outcomes (emails delivered) rather than liveness.',
    actions: [
      'Alert on queue depth and oldest message age',
      'Make health checks exercise the work path',
      'Give on-call access to worker hosts',
    ],
  },
  {
    category: 'Monitoring gap',
    services: ['payments-api', 'checkout'],
    symptom: 'silent data loss',
    rootCause:
      'The settlement export job failed for two nights in a row, writing errors only to a local log file on the job runner. Finance noticed the missing files on the third morning.',
    again: 'A nightly job failed silently again, its errors kept in a local log nobody read.',
    factors: {
      possible: 'The job has no owner after a team reorganisation.',
      detection: 'Job logs are not shipped centrally and failures raise no alert.',
      resolution: 'Rerunning two missed nights needed manual date arguments nobody knew.',
    },
    lessons:
      'A job without an owner and without an alert is a future incident with a date attached. Every scheduled job needs both.',
    actions: [
      'Assign owners to every scheduled job',
      'Ship job logs centrally and alert on failure',
      'Make jobs catch up on missed runs automatically',
    ],
  },
  {
    category: 'Monitoring gap',
    services: ['auth', 'cdn-edge'],
    symptom: 'elevated error rate unnoticed',
    rootCause:
      "Login errors rose to 8% for users in one region after a CDN route change, but our error-rate alert is global and the region's share kept the average under the threshold.",
    again: 'A regional error spike hid inside the global average again and no alert fired.',
    factors: {
      possible: 'CDN route changes are not announced to service owners.',
      detection: 'Alerts are global averages with no per-region breakdown.',
      resolution: 'Per-region logs needed a separate query tool that few people know.',
    },
    lessons:
      'Averages hide the customers who suffer. Alerts should follow the way users experience the service: per region, per client.',
    actions: [
      'Add per-region error-rate alerts',
      'Announce CDN route changes to service owners',
      'Add a per-region view to the on-call dashboard',
    ],
  },
];
