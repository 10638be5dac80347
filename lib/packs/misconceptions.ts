/**
 * The controlled vocabulary of misconceptions: every wrong option in a built-in pack names the mistaken belief
 * that makes it attractive, so review and progress can say "you keep confusing reserved and provisioned
 * concurrency" instead of "you got 4 wrong". docs/authoring-packs.md lists these; the validator refuses any
 * tag not here, so a typo cannot silently start a new category.
 *
 * A tag names the wrong belief, not the right fact. Add a tag only when no existing one fits, and give it a
 * learner-facing sentence: it is shown as "Common mistake: …".
 */
export const MISCONCEPTIONS = {
  // Invocation and retries
  'sync-retries-by-lambda': 'Believing Lambda retries synchronous invocations itself (the caller or SDK retries).',
  'async-retry-count': 'Getting the asynchronous retry count or timing wrong (0–2 retries, about 1 then 2 minutes apart).',
  'async-throttle-uses-retry-attempts': 'Believing throttled asynchronous events consume MaximumRetryAttempts (they retry with backoff until the event age limit).',
  'event-age-vs-retries': 'Confusing MaximumEventAgeInSeconds with MaximumRetryAttempts.',
  'push-vs-poll': 'Confusing push (S3, SNS, EventBridge, API Gateway) with poll-based event source mappings (SQS, Kinesis, DynamoDB Streams).',
  'sync-vs-async-source': 'Getting the invocation type of an event source wrong (for example thinking S3 or SNS invoke synchronously).',
  'exactly-once-delivery': 'Assuming exactly-once delivery, so the handler need not be idempotent.',
  'http-status-mapping': 'Mapping errors to the wrong HTTP status (429 throttle, 200 with X-Amz-Function-Error, 502 through API Gateway).',
  // Failure handling
  'dlq-on-function-for-sqs': 'Configuring a Lambda function DLQ or destination for an SQS event source (the redrive policy on the source queue does that).',
  'dlq-vs-destination': 'Confusing a DLQ (payload only, failures only) with destinations (invocation record, success and failure).',
  'destination-targets': 'Naming a target that a destination or DLQ cannot use (or forgetting S3 is on-failure only, or that a DLQ is SQS or SNS only).',
  'dlq-fifo-target': 'Believing a FIFO queue or topic can be a Lambda DLQ.',
  'sns-payload-limit': 'Forgetting SNS takes at most 256 KB, so a larger event cannot reach an SNS DLQ or destination.',
  'stream-destination-contents': 'Thinking a stream on-failure destination receives the failed records themselves (SQS and SNS get metadata; S3 also the invocation record).',
  'failure-silently-lost': 'Assuming a failed event is kept somewhere when no DLQ or destination is configured.',
  'bisect-uses-retries': 'Believing BisectBatchOnFunctionError consumes retry attempts, or that it skips the bad record by itself.',
  'stream-error-skips-record': 'Believing a stream batch error skips the bad record instead of blocking the shard until success or expiry.',
  'partial-batch-response': 'Misusing ReportBatchItemFailures (an exception or a bad item id fails the whole batch; the setting must be enabled).',
  'visibility-timeout-sizing': 'Sizing the SQS visibility timeout below six times the function timeout, or thinking it does not matter.',
  'max-receive-count': 'Misunderstanding maxReceiveCount and when SQS moves a message to the DLQ.',
  'dlq-sent-metric': 'Alarming on NumberOfMessagesSent of a redrive DLQ (redriven messages are not counted; use ApproximateNumberOfMessagesVisible).',
  'fifo-ordering': 'Misunderstanding FIFO ordering: one batch per message group at a time, a failed batch blocks its group, batch size at most 10.',
  'recursion-detection': 'Misunderstanding recursive loop detection (about 16 invocations, Terminate by default, which services it tracks).',
  // Concurrency and scaling
  'reserved-vs-provisioned': 'Confusing reserved concurrency (a free cap and guarantee) with provisioned concurrency (paid, pre-initialised environments).',
  'reserved-is-only-cap': 'Treating reserved concurrency as only a cap, forgetting it also takes capacity away from every other function.',
  'provisioned-on-latest': 'Believing provisioned concurrency can be set on $LATEST (only on a version or an alias).',
  'provisioned-removes-throttles': 'Believing provisioned concurrency raises the concurrency limit or prevents throttling by itself.',
  'unreserved-minimum': 'Forgetting that at least 100 of the account concurrency must stay unreserved.',
  'concurrency-limit-hard': 'Believing the 1,000 account concurrency limit is hard (it is a soft quota raised through Service Quotas).',
  'scaling-rate': 'Getting the scaling rate wrong (1,000 new environments per function every 10 seconds; the old Region burst no longer applies).',
  'concurrency-formula': 'Estimating concurrency wrongly (concurrency ≈ requests per second × average duration in seconds).',
  'sqs-scaling-limits': 'Getting SQS mapping scaling wrong (default mode or provisioned pollers; MaximumConcurrency does not reserve capacity).',
  'stream-parallelism': 'Misunderstanding stream parallelism (one batch per shard times ParallelizationFactor; more memory does not add consumers).',
  'throttle-fix-wrong-layer': 'Fixing throttles at the wrong layer (for example adding memory or timeout when the limit is concurrency).',
  // Environment and performance
  'cold-start-causes': 'Misreading what causes or reduces cold starts (package size, INIT code, VPC myths, provisioned concurrency).',
  'memory-cpu-link': 'Forgetting CPU scales with memory (1,769 MB is one vCPU), so more memory can make a function faster and cheaper.',
  'timeout-limit': 'Getting the timeout limits wrong (default 3 s, maximum 900 s), or expecting Lambda to fit long jobs.',
  'init-phase-limits': 'Misunderstanding the INIT phase (10-second limit for on-demand, INIT is billed, Init Duration only on cold starts).',
  'tmp-and-reuse': 'Misunderstanding environment reuse (/tmp and globals survive between invocations; state is not shared across environments).',
  'package-limits': 'Getting deployment package or layer limits wrong (50 MB zipped direct, 250 MB unzipped, 10 GB image, 5 layers).',
  'payload-limits': 'Getting payload limits wrong (6 MB synchronous, 1 MB asynchronous).',
  'env-var-limits': 'Getting environment variable behaviour wrong (4 KB total, encryption, not for large config).',
  'snapstart-scope': 'Misunderstanding SnapStart (supported runtimes, published versions only, uniqueness after restore).',
  'managed-instances-differ': 'Applying on-demand Lambda behaviour to Lambda Managed Instances, or the reverse.',
  'runtime-deprecation': 'Relying on a deprecated runtime or misreading what deprecation means.',
  // Versions, aliases and deployment
  'latest-is-stable': 'Pointing production at $LATEST or believing $LATEST is immutable.',
  'versions-mutable': 'Believing a published version can be edited.',
  'alias-routing-rules': 'Misunderstanding alias routing (at most two versions, same role and DLQ, not $LATEST).',
  'codedeploy-rollback': 'Misunderstanding when CodeDeploy rolls back (alarm plus automatic rollback configuration) or what its hooks do.',
  'deployment-config-names': 'Confusing canary, linear and all-at-once deployment configurations.',
  'cfn-failure-behaviour': 'Misunderstanding CloudFormation stack failure behaviour (rollback, UPDATE_ROLLBACK_FAILED, drift, change sets).',
  'custom-resource-response': 'Forgetting a custom resource must send a response, so the stack waits for an hour.',
  'stacksets-scope': 'Misusing StackSets (permission models, target accounts and Regions, deployment options).',
  'sam-cdk-roles': 'Confusing what SAM, CDK and CloudFormation each do.',
  'manual-over-automation': 'Choosing a manual or scripted process where a managed automation meets the requirement with less overhead.',
  // Monitoring and remediation
  'metric-meaning': 'Misreading what a Lambda metric counts (for example Invocations excludes throttles, Duration excludes INIT).',
  'metric-statistic': 'Using the wrong statistic for a metric (Sum for counts, Maximum for ConcurrentExecutions and IteratorAge, percentiles for latency).',
  'iterator-age-meaning': 'Misreading IteratorAge (age of the last record in the batch; rising means the consumer falls behind).',
  'alarm-evaluation': 'Misunderstanding alarm evaluation (period, M of N datapoints, TreatMissingData, INSUFFICIENT_DATA).',
  'composite-vs-metric-alarm': 'Using several metric alarms or math where a composite alarm (or the reverse) fits the requirement.',
  'anomaly-vs-static': 'Choosing a static threshold where anomaly detection fits a metric with a daily pattern, or the reverse.',
  'logs-insights-vs-filters': 'Confusing Logs Insights (ad hoc queries) with metric filters and subscription filters (continuous).',
  'emf-usage': 'Misunderstanding embedded metric format (metrics from structured log lines, no PutMetricData calls).',
  'xray-permissions': 'Forgetting active tracing needs X-Ray write permissions, or expecting X-Ray to capture logs.',
  'lambda-insights-scope': 'Misunderstanding Lambda Insights (an extension layer with its own namespace and policy).',
  'log-retention': 'Assuming log groups expire by default or that logs cost nothing to keep.',
  'logs-permission': 'Forgetting the execution role needs CloudWatch Logs permissions to write logs.',
  'eventbridge-rule-vs-schedule': 'Confusing EventBridge rules, EventBridge Scheduler and cron or rate expression behaviour.',
  'ssm-automation-vs-run-command': 'Confusing Systems Manager Automation runbooks with Run Command, State Manager or Lambda alone.',
  'config-rule-remediation': 'Misunderstanding AWS Config rules and remediation (detective, not preventive; automatic remediation uses SSM Automation).',
  'cloudtrail-vs-cloudwatch': 'Confusing CloudTrail (API activity) with CloudWatch metrics and logs (function behaviour).',
  // Security
  'execution-vs-resource-policy': 'Confusing the execution role (what the function may call) with the resource-based policy (who may invoke it).',
  'least-privilege': 'Granting wider permissions than the task needs (wildcards, managed admin policies, shared roles).',
  'event-source-permissions': 'Putting event source mapping permissions in the wrong place (the execution role reads SQS and streams).',
  'kms-permissions': 'Forgetting KMS key permissions (kms:Decrypt, key policy) for encrypted variables, queues or secrets.',
  'secrets-in-env-vars': 'Storing secrets in plain environment variables or code instead of Secrets Manager or Parameter Store.',
  'secrets-rotation': 'Misunderstanding Secrets Manager rotation or caching.',
  'scp-effect': 'Misunderstanding SCPs (they limit what accounts may do and grant nothing).',
  'access-analyzer-scope': 'Misunderstanding what IAM Access Analyzer finds (external and unused access, policy validation).',
  'guardduty-inspector-scope': 'Confusing GuardDuty Lambda Protection (network activity threats) with Inspector Lambda scanning (vulnerable code and packages).',
  'security-hub-scope': 'Misunderstanding Security Hub (aggregates findings and checks controls; it does not fix them by itself).',
  'code-signing-scope': 'Misunderstanding code signing (signing profiles and policies on deployment, not at invoke time).',
  'public-function-url': 'Exposing a function URL with auth type NONE where IAM auth or a front door is required.',
  // Networking and content delivery
  'vpc-internet-access': 'Believing a VPC function in a public subnet gets internet access (it needs a NAT gateway from a private subnet).',
  'vpc-endpoint-choice': 'Choosing the wrong VPC endpoint type, or forgetting an endpoint keeps AWS traffic off the internet.',
  'vpc-eni-permissions': 'Forgetting the ENI permissions a VPC function needs (AWSLambdaVPCAccessExecutionRole).',
  'vpc-cold-start-myth': 'Believing VPC attachment still adds long cold starts (Hyperplane ENIs are created at configuration time).',
  'security-group-direction': 'Getting security group or NACL rules wrong (stateful vs stateless, inbound vs outbound).',
  'vpc-subnet-ip-exhaustion': 'Ignoring subnet IP capacity and Availability Zone spread for VPC functions.',
  'edge-function-choice': 'Choosing Lambda@Edge where CloudFront Functions fit (or the reverse), or forgetting Lambda@Edge limits.',
  'cloudfront-caching': 'Misunderstanding CloudFront caching, origin failover or invalidation.',
  'route53-routing': 'Choosing the wrong Route 53 routing policy or health check for failover.',
  'api-gateway-limits': 'Misunderstanding API Gateway behaviour (29-second integration timeout by default, throttling, caching, 502 on a bad Lambda response).',
  'api-gateway-vs-alb-vs-url': 'Choosing the wrong HTTP front door (API Gateway, ALB or a function URL) for the stated requirement.',
  'private-api-access': 'Misunderstanding private APIs and interface endpoints.',
  'waf-placement': 'Attaching AWS WAF where it cannot be attached, or expecting it to stop non-HTTP threats.',
  // Cost and general
  'cost-model': 'Getting Lambda pricing wrong (requests plus GB-seconds billed per 1 ms, INIT billed, timeouts bill the full timeout).',
  'overprovisioning-cost': 'Paying for capacity the requirement does not need (provisioned concurrency, larger memory, always-on alternatives).',
  'wrong-service': 'Choosing a service that does not do what the requirement asks.',
  'ignores-constraint': 'Choosing a working solution that breaks a stated constraint (overhead, cost, time, privilege).',
  'exam-format': 'Misunderstanding the exam format or scoring.',
} as const satisfies Record<string, string>;

export type MisconceptionId = keyof typeof MISCONCEPTIONS;

export const MISCONCEPTION_IDS: ReadonlySet<string> = new Set(Object.keys(MISCONCEPTIONS));

export function misconceptionText(id: string): string | undefined {
  return (MISCONCEPTIONS as Record<string, string>)[id];
}
