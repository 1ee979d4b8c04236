import type { Story } from './stories';

/** Demo stories: deploys and config, capacity, dependencies, data and migrations. */
export const CHANGE_AND_LOAD: Story[] = [
  // Deploy / config change
  {
    category: 'Deploy / config change',
    services: ['checkout', 'payments-api'],
    symptom: '5xx errors after deploy',
    rootCause:
      'A config change lowered the database connection pool from 50 to 5 per pod and shipped to every region at once. Under normal afternoon load requests queued for a connection and timed out after 3 seconds.',
    again:
      'The pool size in the Helm values was overwritten again by a shared config template. Checkout pods started with 5 connections and timed out under ordinary load.',
    factors: {
      possible: 'Config changes skip the canary stage that code deploys go through.',
      detection: 'The 5xx alert averages over 15 minutes, so it fired 11 minutes after errors began.',
      resolution: 'Rolling back config needs a second approver, and both were in a planning meeting.',
    },
    lessons:
      'We treated configuration as safer than code, but a single number took checkout down faster than any bad build has. Config now needs the same canary and the same fast rollback as code.',
    actions: [
      'Route config changes through the canary stage',
      'Allow single-approver rollback of config during incidents',
      'Alert on 5xx rate over 2 minutes instead of 15',
    ],
  },
  {
    category: 'Deploy / config change',
    services: ['search', 'cdn-edge'],
    symptom: 'stale results after release',
    rootCause:
      'The release flipped the feature flag "search.v2-ranking" on by default, and the v2 path reads from an index alias that had not been created in production. Queries fell back to a week-old snapshot.',
    again:
      'Another flag defaulted on in a release before its index alias existed in production, and search served a stale snapshot for most of the morning.',
    factors: {
      possible: 'Flag defaults live in code and change with releases without a separate review.',
      detection: 'Nothing checks result freshness; customers noticed missing new products first.',
      resolution: 'The flag service UI was down for maintenance, so the flag had to be reverted by a redeploy.',
    },
    lessons:
      'A feature flag is only a safety net if flipping it is independent of the deploy it protects. Defaults that change in a release are deploys in disguise.',
    actions: [
      'Require flag defaults to stay off in releases',
      'Add a freshness check on search results',
      'Keep a CLI path to the flag service when the UI is down',
    ],
  },
  {
    category: 'Deploy / config change',
    services: ['auth', 'notifications'],
    symptom: 'login failures for SSO users',
    rootCause:
      'A deploy removed a redirect URI from the identity provider allow-list while renaming environments. SAML logins for enterprise tenants were rejected with "invalid redirect" until the entry was restored.',
    again:
      'An environment rename once more dropped a redirect URI from the identity provider allow-list, and enterprise SSO logins failed.',
    factors: {
      possible: 'Identity provider settings are edited by hand and not kept in version control.',
      detection: 'Synthetic login checks only cover password logins, not SSO.',
      resolution: 'Only two people have admin rights on the identity provider, and neither was on call.',
    },
    lessons:
      'Settings that live outside our repositories drift silently. Anything a deploy depends on should be declared next to the deploy, reviewed and testable.',
    actions: [
      'Manage identity provider settings as code',
      'Add synthetic SSO login checks per tenant type',
      'Give the on-call rotation break-glass IdP access',
    ],
  },
  // Capacity / saturation
  {
    category: 'Capacity / saturation',
    services: ['checkout', 'search'],
    symptom: 'timeouts under peak load',
    rootCause:
      'The Black Friday campaign tripled traffic within ten minutes and the autoscaler, capped at 12 replicas, could not add capacity. CPU stayed above 95% and p99 latency passed the 5 second timeout.',
    again:
      'A flash sale again pushed traffic past the autoscaler ceiling of 12 replicas; pods pinned at full CPU and requests timed out.',
    factors: {
      possible: 'Marketing campaigns are not shared with the platform team ahead of time.',
      detection: 'The latency alert fires on p50, which stayed normal while p99 collapsed.',
      resolution: 'Raising the replica ceiling needed a change request to the infrastructure repository.',
    },
    lessons:
      'Our capacity plan was a number nobody owned. Peak events are predictable; the fix is a shared calendar and headroom, not heroics during the sale.',
    actions: [
      'Load test two weeks before every campaign',
      'Raise the replica ceiling and alert at 80% of it',
      'Alert on p99 latency, not p50',
    ],
  },
  {
    category: 'Capacity / saturation',
    services: ['payments-api', 'notifications'],
    symptom: 'queue backlog',
    rootCause:
      'Consumers of the payment-events queue are pinned at 4 instances, and a batch of 2 million refund events from a partner backfill arrived at once. The backlog reached 6 hours, delaying receipts and ledger updates.',
    again: 'A partner backfill flooded the payment-events queue again and the 4 fixed consumers fell hours behind.',
    factors: {
      possible: 'Partners can push unlimited batches with no rate agreement.',
      detection: 'Queue age is graphed but not alerted on.',
      resolution: 'Consumer count is hard-coded in the deployment, so scaling needed a release.',
    },
    lessons:
      'A fixed consumer count is a capacity decision made once and forgotten. Backlogs are fine if they are visible and drain on their own; ours was neither.',
    actions: [
      'Autoscale consumers on queue age',
      'Alert when the oldest message is older than 10 minutes',
      'Agree batch rate limits with partners',
    ],
  },
  {
    category: 'Capacity / saturation',
    services: ['search', 'cdn-edge'],
    symptom: 'latency spike',
    rootCause:
      'The Redis cache node ran out of memory and began evicting hot keys, so every request went to the database. The eviction policy was allkeys-random, which threw away the most used keys as readily as the rest.',
    again: 'The cache hit its memory limit once more and random eviction dropped the hottest keys.',
    factors: {
      possible: 'Cache memory was sized two years ago and never revisited.',
      detection: 'Hit ratio is not monitored; we only alert on the node being down.',
      resolution: 'Resizing the managed cache forces a failover that nobody had rehearsed.',
    },
    lessons:
      'A cache that is full behaves like no cache at all. We now treat hit ratio as a service level indicator, not a curiosity.',
    actions: [
      'Switch eviction to allkeys-lru and resize the cache',
      'Alert on cache hit ratio below 85%',
      'Rehearse a cache failover in staging',
    ],
  },
  // Dependency failure
  {
    category: 'Dependency failure',
    services: ['payments-api', 'checkout'],
    symptom: 'payment provider timeouts',
    rootCause:
      'The payment provider degraded in one region and answered in 20-30 seconds. Our client has a 30 second timeout and no circuit breaker, so checkout threads piled up waiting and the whole service stalled.',
    again:
      'The card provider slowed down again and, still without a circuit breaker, our client held threads for 30 seconds each until checkout stalled.',
    factors: {
      possible: 'The provider call runs synchronously in the checkout request with a 30 second timeout.',
      detection: "We do not watch the provider's status page or its latency from our side.",
      resolution: 'Failing over to the backup provider is a manual change that nobody had practised.',
    },
    lessons:
      'A slow dependency is worse than a dead one: it holds our resources while looking alive. Timeouts must match what the user will wait for, and a breaker must decide for us.',
    actions: [
      'Add a circuit breaker to the payment client',
      'Cut the provider timeout to 4 seconds',
      'Script failover to the backup provider',
    ],
  },
  {
    category: 'Dependency failure',
    services: ['search', 'auth'],
    symptom: 'third-party API errors',
    rootCause:
      'The geolocation API we call on every search changed its response format without notice, and our parser threw on the new field. Search requests failed instead of continuing without a location.',
    again: 'The geolocation vendor changed its response again and our strict parser failed every search request.',
    factors: {
      possible: 'A non-essential enrichment call sits in the critical path and fails the request.',
      detection: 'Errors were logged as "unknown" and grouped with routine noise.',
      resolution: 'The vendor contact listed in the runbook had left the company.',
    },
    lessons:
      'Optional data must fail optional. We should have been able to serve search without a location the moment the vendor misbehaved.',
    actions: [
      'Make geolocation optional in the search path',
      'Contract-test vendor responses nightly',
      'Keep vendor escalation contacts current',
    ],
  },
  {
    category: 'Dependency failure',
    services: ['notifications', 'payments-api'],
    symptom: 'webhook delivery failures',
    rootCause:
      "The email provider's regional outage made every send fail, and our notification worker has no second provider. Retries exhausted after 3 attempts and 40,000 messages were dropped.",
    again: 'Another outage at the email provider failed every send, and with a single provider messages were dropped.',
    factors: {
      possible: 'One email provider, with no fallback configured.',
      detection: 'Dropped messages are counted but the counter has no alert.',
      resolution: 'Dropped messages could not be replayed because they were not kept.',
    },
    lessons:
      'At-most-once delivery was an accident of implementation, not a decision. Messages customers rely on need to survive the provider being down.',
    actions: [
      'Keep failed notifications in a replayable queue',
      'Configure a second email provider',
      'Alert on dropped notification count',
    ],
  },
  // Data / migration
  {
    category: 'Data / migration',
    services: ['checkout', 'payments-api'],
    symptom: 'checkout writes blocked',
    rootCause:
      'An ALTER TABLE adding a column with a default rewrote the 80 GB orders table and held an exclusive lock for twelve minutes. Every checkout write waited on the lock and timed out.',
    again:
      'Another migration added a column with a default to the orders table, rewriting it under an exclusive lock and blocking checkout writes.',
    factors: {
      possible: 'Migrations run automatically on deploy with no review for locking behaviour.',
      detection: 'There is no alert on lock waits; we saw only the resulting timeouts.',
      resolution: 'The migration could not be cancelled safely once the rewrite had started.',
    },
    lessons:
      'Schema changes on large tables are operations, not code. They need a plan, a time and a way to stop, like any other production change.',
    actions: [
      'Lint migrations for table rewrites in CI',
      'Alert on lock waits over 30 seconds',
      'Run large migrations with an online schema tool',
    ],
  },
  {
    category: 'Data / migration',
    services: ['search', 'notifications'],
    symptom: 'stale search index',
    rootCause:
      'The nightly reindex job was moved to a new scheduler and its cron expression ran it monthly instead of daily. The index aged for nine days before customers reported missing products.',
    again: 'The reindex job silently stopped running daily after a scheduler change, and the index went stale.',
    factors: {
      possible: 'Scheduler migrations are done by hand, job by job.',
      detection: 'No check compares index age with the catalogue.',
      resolution: 'A full reindex takes six hours and cannot be sped up.',
    },
    lessons: 'Jobs that run rarely fail silently. The only reliable signal is the freshness of what they produce.',
    actions: [
      'Alert when the index is older than 26 hours',
      'Support incremental reindexing',
      'Review scheduler expressions in code review',
    ],
  },
  {
    category: 'Data / migration',
    services: ['auth', 'checkout'],
    symptom: 'missing orders in reports',
    rootCause:
      'A backfill to normalise currency codes updated 3 million rows without batching, and replication lag on the reporting replica reached 50 minutes. Finance reports showed orders as missing until the replica caught up.',
    again: 'An unbatched backfill again pushed replica lag past half an hour and reports showed orders as missing.',
    factors: {
      possible: 'Backfills are run as single transactions from a laptop.',
      detection: 'Replica lag alerts go to a channel nobody watches at night.',
      resolution: 'The backfill could not be paused without rolling back all its work.',
    },
    lessons:
      'Bulk data changes need throttling and checkpoints by default. A backfill is a production workload and must behave like one.',
    actions: [
      'Provide a throttled backfill framework with checkpoints',
      'Route replica lag alerts to on-call',
      'Run backfills from the job runner, not laptops',
    ],
  },
];
