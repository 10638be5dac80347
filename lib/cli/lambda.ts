/**
 * Simulated `aws lambda` commands. Responses follow the Lambda API reference shapes (FunctionConfiguration,
 * AliasConfiguration, EventSourceMappingConfiguration…); errors use Lambda's exception names and wording.
 * Constraints are the documented ones (memory 128–10,240 MB, timeout 1–900 s, 100 unreserved concurrency…).
 */
import type { ArgValue } from './args';
import { type CommandDef, int, str } from './command';
import { conflict, invalidParam, notFound, ServiceError } from './errors';
import { base64, fromBase64, problemsText, type Session } from './session';
import type { InjectCommand } from '../sim/index';
import { RUNTIMES } from '../sim/index';

type Obj = Record<string, unknown>;

const NAME_RE = /^[a-zA-Z0-9-_]{1,64}$/;
const ROLE_RE = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

export function validation(value: unknown, field: string, constraint: string): ServiceError {
  return new ServiceError('ValidationException', `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`);
}

function checkFunctionName(name: string, input = name): void {
  if (!NAME_RE.test(name)) throw validation(input, 'functionName', 'Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?');
}

function checkRole(role: string): void {
  if (!ROLE_RE.test(role)) throw validation(role, 'role', 'Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+');
}

function checkRuntime(runtime: string): void {
  if (!(RUNTIMES as readonly string[]).includes(runtime)) throw invalidParam(`Value ${runtime} at 'runtime' failed to satisfy constraint: the simulator supports ${RUNTIMES.join(', ')}`);
}

/** Accepts a name, a partial ARN (123456789012:function:name) or a full ARN, with an optional qualifier. */
export function parseFunctionName(s: Session, input: string): { name: string; qualifier?: string } {
  let rest = input;
  const arn = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:(.+)$/.exec(input);
  const partial = /^(\d{12}):function:(.+)$/.exec(input);
  if (arn) rest = arn[3]!;
  else if (partial) rest = partial[2]!;
  const [name, qualifier] = rest.split(':') as [string, string | undefined];
  checkFunctionName(name, input);
  void s;
  return { name, qualifier };
}

function requireFn(s: Session, input: string): { f: Obj; name: string; qualifier?: string } {
  const { name, qualifier } = parseFunctionName(s, input);
  const f = s.fn(name);
  if (!f) throw notFound(`Function not found: ${s.fnArn(name)}`);
  return { f, name, qualifier };
}

const versionsOf = (f: Obj) => (f.versions as Obj[] | undefined) ?? [];
const aliasesOf = (f: Obj) => (f.aliases as Obj[] | undefined) ?? [];

/** Checks a qualifier exists: $LATEST, a published version or an alias. */
function requireQualifier(s: Session, f: Obj, name: string, q: string | undefined): void {
  if (q === undefined || q === '$LATEST') return;
  if (/^\d+$/.test(q) ? !versionsOf(f).some((v) => v.version === q) : !aliasesOf(f).some((a) => a.name === q)) throw notFound(`Function not found: ${s.fnArn(name, q)}`);
}

/** The function a command names, qualified by --qualifier or by the name itself (orders:live); the qualifier must exist. */
function requireQualifiedFn(s: Session, a: Record<string, ArgValue>): { f: Obj; name: string; q?: string } {
  const { f, name, qualifier } = requireFn(s, String(a['function-name']));
  const q = str(a, 'qualifier') ?? qualifier;
  requireQualifier(s, f, name, q);
  return { f, name, q };
}

/** The version a qualifier stands for: an alias's version, or the qualifier itself. */
function versionOf(f: Obj, q: string | undefined): string | undefined {
  return q && !/^\d+$/.test(q) && q !== '$LATEST' ? String(aliasesOf(f).find((x) => x.name === q)!.version) : q;
}

/** Resolves an ARN of an SQS queue, SNS topic, EventBridge bus or Lambda function to the scenario's sink name. */
function sinkFromArn(s: Session, arn: string, allowed: readonly string[], what: string): string {
  const m = /^arn:aws[a-zA-Z-]*:(sqs|sns|events|lambda|s3):([a-z0-9-]*):(\d{12})?:(.+)$/.exec(arn);
  if (!m) throw invalidParam(`The provided ${what} ARN is not valid: ${arn}`);
  const svc = m[1]!;
  const kind = svc === 'events' ? 'eventbridge' : svc;
  if (!allowed.includes(kind)) throw invalidParam(`The destination ARN ${arn} is invalid for ${what}: use ${allowed.join(', ')}`);
  let name = m[4]!;
  if (kind === 'eventbridge') name = name.replace(/^event-bus\//, '');
  if (kind === 'lambda') name = name.replace(/^function:/, '').split(':')[0]!;
  if (kind === 'sqs') {
    if (!s.queue(name)) throw invalidParam(`The provided ${what} target does not exist: ${arn}`);
    return name;
  }
  // SNS topics, buses and buckets have no create command here: referencing one by ARN creates its record.
  const dests = s.scenario.destinations as Obj[];
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);
  if (!dests.some((d) => d.name === safe)) dests.push({ name: safe, type: kind });
  return safe;
}

function sinkArn(s: Session, name: string): string {
  if (s.queue(name)) return s.queueArn(name);
  const d = (s.scenario.destinations as Obj[]).find((x) => x.name === name);
  const type = String(d?.type ?? 'sns');
  if (type === 'eventbridge') return `arn:aws:events:${s.region}:${s.account}:event-bus/${name}`;
  if (type === 's3') return `arn:aws:s3:::${name}`;
  if (type === 'lambda') return s.fnArn(name);
  return `arn:aws:sns:${s.region}:${s.account}:${name}`;
}

const refuseEdit = (problems: string[]) => invalidParam(problemsText(problems));

/** Runs the scenario check after an edit; an edit the simulator refuses is undone and reported. */
function commit(s: Session, before: Obj): void {
  s.rejectInvalid(before, refuseEdit);
  s.configChanged();
}

const snapshot = (s: Session) => structuredClone(s.scenario);

function bumpRevision(s: Session, name: string): void {
  const m = s.meta(name);
  m.revision++;
  m.lastModified = s.lambdaTime(s.state.nowMs);
}

export function functionConfiguration(s: Session, name: string, qualifier?: string, state: 'Active' | 'Pending' = 'Active', update: 'Successful' | 'InProgress' = 'Successful'): Obj {
  const f = s.fn(name)!;
  const m = s.meta(name);
  const ver = qualifier && /^\d+$/.test(qualifier) ? qualifier : '$LATEST';
  const vm = ver === '$LATEST' ? null : m.versions[ver];
  const async = (f.async as Obj | undefined) ?? {};
  const vcfg = versionsOf(f).find((v) => v.version === ver);
  const dlq = (vcfg?.deadLetterQueue as string | undefined) ?? (async.deadLetterQueue as string | undefined);
  const env = vm ? vm.environment : m.environment;
  const out: Obj = {
    FunctionName: name,
    FunctionArn: s.fnArn(name, qualifier && qualifier !== '$LATEST' ? qualifier : undefined),
    Runtime: f.runtime ?? 'nodejs22.x',
    Role: m.roleArn,
    Handler: m.handler,
    CodeSize: m.codeSize,
    Description: vm ? vm.description : m.description,
    Timeout: vm ? vm.timeout : (f.timeoutSeconds ?? 3),
    MemorySize: vm ? vm.memorySize : (f.memoryMb ?? 128),
    LastModified: vm ? vm.lastModified : m.lastModified,
    CodeSha256: vm ? vm.codeSha256 : m.codeSha256,
    Version: ver,
  };
  if (Object.keys(env).length) out.Environment = { Variables: { ...env } };
  if (dlq) out.DeadLetterConfig = { TargetArn: sinkArn(s, dlq) };
  Object.assign(out, {
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: s.revisionId(`${name}:${ver}:rev:${vm ? vm.revision : m.revision}`),
    State: state,
    ...(state === 'Pending' ? { StateReason: 'The function is being created.', StateReasonCode: 'Creating' } : {}),
    LastUpdateStatus: update,
    ...(update === 'InProgress' ? { LastUpdateStatusReason: 'The function is being created.', LastUpdateStatusReasonCode: 'Creating' } : {}),
    PackageType: 'Zip',
    Architectures: [f.architecture ?? 'x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
  });
  if (update === 'InProgress') {
    out.LastUpdateStatusReason = 'The function is being updated.';
    out.LastUpdateStatusReasonCode = 'InProgress';
  }
  return out;
}

function checkMemory(v: number | undefined): void {
  if (v === undefined) return;
  if (v < 128) throw validation(v, 'memorySize', 'Member must have value greater than or equal to 128');
  if (v > 10240) throw validation(v, 'memorySize', 'Member must have value less than or equal to 10240');
}
function checkTimeout(v: number | undefined): void {
  if (v === undefined) return;
  if (v < 1) throw validation(v, 'timeout', 'Member must have value greater than or equal to 1');
  if (v > 900) throw validation(v, 'timeout', 'Member must have value less than or equal to 900');
}

/** Environment={Variables={K=V}} (shorthand or JSON) to a string map; 4 KB total, as Lambda limits it. */
function environmentOf(v: ArgValue): Record<string, string> {
  const vars = ((v as Obj | undefined)?.Variables ?? {}) as Obj;
  if (typeof vars !== 'object' || Array.isArray(vars)) throw invalidParam('Environment.Variables must be a map of strings');
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(vars)) {
    if (!/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(k)) throw validation(k, 'environment.variables', 'Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+');
    if (/^AWS_/.test(k) || k === '_HANDLER' || k === 'LAMBDA_TASK_ROOT')
      throw invalidParam(`Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${k}`);
    out[k] = String(val);
  }
  if (new TextEncoder().encode(JSON.stringify(out)).length > 4096)
    throw invalidParam('Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.');
  return out;
}

function deadLetterOf(s: Session, v: ArgValue): string | null {
  const arn = String((v as Obj | undefined)?.TargetArn ?? '');
  if (arn === '') return null;
  return sinkFromArn(s, arn, ['sqs', 'sns'], 'dead-letter queue');
}

function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64) || 'role';
}

const createFunction: CommandDef = {
  service: 'lambda',
  name: 'create-function',
  operation: 'CreateFunction',
  options: [
    { name: 'function-name', type: 'string', required: true },
    { name: 'runtime', type: 'string' },
    { name: 'role', type: 'string', required: true },
    { name: 'handler', type: 'string' },
    { name: 'code', type: 'structure' },
    { name: 'zip-file', type: 'blob' },
    { name: 'description', type: 'string' },
    { name: 'timeout', type: 'integer' },
    { name: 'memory-size', type: 'integer' },
    { name: 'publish', type: 'boolean' },
    { name: 'environment', type: 'structure' },
    { name: 'dead-letter-config', type: 'structure' },
    { name: 'architectures', type: 'strings', choices: ['x86_64', 'arm64'] },
    { name: 'package-type', type: 'string', choices: ['Zip', 'Image'] },
    { name: 'tags', type: 'structure' },
  ],
  run(s, a) {
    const name = String(a['function-name']);
    checkFunctionName(name);
    const role = String(a.role);
    checkRole(role);
    if (a['package-type'] === 'Image') throw invalidParam('This simulator models .zip functions only: leave out --package-type or use Zip');
    const runtime = str(a, 'runtime');
    if (runtime === undefined) throw invalidParam('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
    checkRuntime(runtime);
    if (a.handler === undefined) throw invalidParam('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
    if (a.code === undefined && a['zip-file'] === undefined) throw invalidParam('Please provide a source for function code.');
    checkMemory(int(a, 'memory-size'));
    checkTimeout(int(a, 'timeout'));
    if (s.fn(name)) throw conflict(`Function already exist: ${name}`);
    const before = snapshot(s);
    const f: Obj = { name, runtime, role: roleName(role) };
    if (a.timeout !== undefined) f.timeoutSeconds = a.timeout;
    if (a['memory-size'] !== undefined) f.memoryMb = a['memory-size'];
    const arch = a.architectures as string[] | undefined;
    if (arch) {
      if (arch.length !== 1) throw validation(arch.join(','), 'architectures', 'Member must have length less than or equal to 1');
      f.architecture = arch[0];
    }
    const env = a.environment !== undefined ? environmentOf(a.environment) : {};
    s.functions().push(f);
    if (a['dead-letter-config'] !== undefined) {
      const dlq = deadLetterOf(s, a['dead-letter-config']);
      if (dlq) f.async = { deadLetterQueue: dlq };
    }
    commit(s, before);
    const m = s.newFnMeta(name, s.state.nowMs);
    m.roleArn = role;
    m.handler = String(a.handler);
    m.description = str(a, 'description') ?? '';
    m.environment = env;
    s.state.meta.functions[name] = m;
    if (a.publish === true) publish(s, name, '');
    return functionConfiguration(s, name, a.publish === true ? '1' : undefined, 'Pending');
  },
};

/** Publishes $LATEST as a new version, or returns the latest version if nothing changed since (as Lambda does). */
function publish(s: Session, name: string, description: string): string {
  const f = s.fn(name)!;
  const m = s.meta(name);
  const versions = versionsOf(f);
  const last = versions[versions.length - 1];
  if (last && m.versions[String(last.version)]?.revision === m.revision) return String(last.version);
  const n = String(versions.reduce((mx, v) => Math.max(mx, Number(v.version)), 0) + 1);
  const before = snapshot(s);
  const v: Obj = { version: n };
  for (const k of ['duration', 'failure', 'maxMemoryUsedMb', 'role'] as const) if (f[k] !== undefined) v[k] = structuredClone(f[k]);
  const dlq = (f.async as Obj | undefined)?.deadLetterQueue;
  if (dlq !== undefined) v.deadLetterQueue = dlq;
  f.versions = [...versions, v];
  commit(s, before);
  m.versions[n] = {
    revision: m.revision,
    description,
    codeSha256: m.codeSha256,
    lastModified: s.lambdaTime(s.state.nowMs),
    timeout: Number(f.timeoutSeconds ?? 3),
    memorySize: Number(f.memoryMb ?? 128),
    environment: { ...m.environment },
  };
  return n;
}

const fnOpt = { name: 'function-name', type: 'string', required: true } as const;
const qualOpt = { name: 'qualifier', type: 'string' } as const;

const getFunction: CommandDef = {
  service: 'lambda',
  name: 'get-function',
  operation: 'GetFunction',
  options: [fnOpt, qualOpt],
  run(s, a) {
    const { f, name, q } = requireQualifiedFn(s, a);
    const version = versionOf(f, q);
    const out: Obj = {
      Configuration: functionConfiguration(s, name, version),
      Code: { RepositoryType: 'S3', Location: `https://awslambda-${s.region}-tasks.s3.${s.region}.amazonaws.com/snapshots/${s.account}/${name}-${s.meta(name).codeSha256.slice(0, 8)}` },
    };
    if (f.reservedConcurrency !== undefined) out.Concurrency = { ReservedConcurrentExecutions: f.reservedConcurrency };
    return out;
  },
};

const getFunctionConfiguration: CommandDef = {
  service: 'lambda',
  name: 'get-function-configuration',
  operation: 'GetFunctionConfiguration',
  options: [fnOpt, qualOpt],
  run(s, a) {
    const { f, name, q } = requireQualifiedFn(s, a);
    const version = versionOf(f, q);
    const out = functionConfiguration(s, name, version);
    if (q && q !== version) out.FunctionArn = s.fnArn(name, q);
    return out;
  },
};

const listFunctions: CommandDef = {
  service: 'lambda',
  name: 'list-functions',
  operation: 'ListFunctions',
  options: [
    { name: 'max-items', type: 'integer' },
    { name: 'function-version', type: 'string', choices: ['ALL'] },
  ],
  run(s, a) {
    const all = a['function-version'] === 'ALL';
    let fns = s.functions().flatMap((f) => [functionConfiguration(s, String(f.name)), ...(all ? versionsOf(f).map((v) => functionConfiguration(s, String(f.name), String(v.version))) : [])]);
    const max = int(a, 'max-items');
    const out: Obj = {};
    if (max !== undefined && fns.length > max) {
      out.NextToken = base64(JSON.stringify({ Marker: null, boto_truncate_amount: max }));
      fns = fns.slice(0, max);
    }
    return { Functions: fns, ...out };
  },
};

const updateFunctionConfiguration: CommandDef = {
  service: 'lambda',
  name: 'update-function-configuration',
  operation: 'UpdateFunctionConfiguration',
  options: [
    fnOpt,
    { name: 'role', type: 'string' },
    { name: 'handler', type: 'string' },
    { name: 'description', type: 'string' },
    { name: 'timeout', type: 'integer' },
    { name: 'memory-size', type: 'integer' },
    { name: 'environment', type: 'structure' },
    { name: 'runtime', type: 'string' },
    { name: 'dead-letter-config', type: 'structure' },
  ],
  run(s, a) {
    const { f, name, qualifier } = requireFn(s, String(a['function-name']));
    if (qualifier !== undefined) throw invalidParam('Update is only supported on the unqualified function ($LATEST); versions are immutable');
    checkMemory(int(a, 'memory-size'));
    checkTimeout(int(a, 'timeout'));
    const role = str(a, 'role');
    if (role !== undefined) checkRole(role);
    const runtime = str(a, 'runtime');
    if (runtime !== undefined) checkRuntime(runtime);
    const env = a.environment !== undefined ? environmentOf(a.environment) : undefined;
    const before = snapshot(s);
    if (a.timeout !== undefined) f.timeoutSeconds = a.timeout;
    if (a['memory-size'] !== undefined) f.memoryMb = a['memory-size'];
    if (runtime !== undefined) f.runtime = runtime;
    if (role !== undefined) f.role = roleName(role);
    if (a['dead-letter-config'] !== undefined) {
      const dlq = deadLetterOf(s, a['dead-letter-config']);
      const asyncCfg = { ...((f.async as Obj | undefined) ?? {}) };
      if (dlq) asyncCfg.deadLetterQueue = dlq;
      else delete asyncCfg.deadLetterQueue;
      f.async = asyncCfg;
    }
    commit(s, before);
    const m = s.meta(name);
    if (role !== undefined) m.roleArn = role;
    if (a.handler !== undefined) m.handler = String(a.handler);
    if (a.description !== undefined) m.description = String(a.description);
    if (env !== undefined) m.environment = env;
    bumpRevision(s, name);
    return functionConfiguration(s, name, undefined, 'Active', 'InProgress');
  },
};

const updateFunctionCode: CommandDef = {
  service: 'lambda',
  name: 'update-function-code',
  operation: 'UpdateFunctionCode',
  options: [fnOpt, { name: 'zip-file', type: 'blob' }, { name: 's3-bucket', type: 'string' }, { name: 's3-key', type: 'string' }, { name: 'publish', type: 'boolean' }, { name: 'architectures', type: 'strings', choices: ['x86_64', 'arm64'] }],
  run(s, a) {
    const { name, qualifier } = requireFn(s, String(a['function-name']));
    if (qualifier !== undefined) throw invalidParam('Update is only supported on the unqualified function ($LATEST); versions are immutable');
    if (a['zip-file'] === undefined && a['s3-bucket'] === undefined) throw invalidParam('Please provide a source for function code.');
    if (a['s3-bucket'] !== undefined && a['s3-key'] === undefined) throw invalidParam('Please provide the S3 key of the deployment package (--s3-key).');
    const m = s.meta(name);
    bumpRevision(s, name);
    m.codeSha256 = s.sha(`${name}:code:${m.revision}:${String(a['zip-file'] ?? a['s3-key'])}`);
    if (a.publish === true) return functionConfiguration(s, name, publish(s, name, ''));
    return functionConfiguration(s, name, undefined, 'Active', 'InProgress');
  },
};

const publishVersion: CommandDef = {
  service: 'lambda',
  name: 'publish-version',
  operation: 'PublishVersion',
  options: [fnOpt, { name: 'description', type: 'string' }, { name: 'code-sha256', type: 'string' }, { name: 'revision-id', type: 'string' }],
  run(s, a) {
    const { name } = requireFn(s, String(a['function-name']));
    const sha = str(a, 'code-sha256');
    if (sha !== undefined && sha !== s.meta(name).codeSha256) throw invalidParam(`CodeSHA256 (${sha}) is different from current CodeSHA256 in $LATEST (${s.meta(name).codeSha256}). Please try again with the CodeSHA256 in $LATEST.`);
    const v = publish(s, name, str(a, 'description') ?? '');
    return functionConfiguration(s, name, v);
  },
};

const listVersions: CommandDef = {
  service: 'lambda',
  name: 'list-versions-by-function',
  operation: 'ListVersionsByFunction',
  options: [fnOpt, { name: 'max-items', type: 'integer' }],
  run(s, a) {
    const { f, name } = requireFn(s, String(a['function-name']));
    return { Versions: [functionConfiguration(s, name), ...versionsOf(f).map((v) => functionConfiguration(s, name, String(v.version)))] };
  },
};

/** RoutingConfig={AdditionalVersionWeights={"2"=0.1}} to a version → weight map, checked as Lambda does. */
function weightsOf(v: ArgValue): Record<string, number> {
  const w = ((v as Obj | undefined)?.AdditionalVersionWeights ?? {}) as Obj;
  const out: Record<string, number> = {};
  for (const [k, val] of Object.entries(w)) {
    const n = Number(val);
    if (!Number.isFinite(n)) throw invalidParam(`Invalid weight for version ${k}: ${String(val)}`);
    if (n < 0 || n > 1) throw validation(`{${k}=${n}}`, 'routingConfig.additionalVersionWeights', 'Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]');
    out[k] = n;
  }
  if (Object.keys(out).length > 1) throw validation(JSON.stringify(out), 'routingConfig.additionalVersionWeights', 'Member must have length less than or equal to 1');
  return out;
}

function aliasConfiguration(s: Session, name: string, alias: Obj): Obj {
  const m = s.meta(name);
  const out: Obj = {
    AliasArn: s.fnArn(name, String(alias.name)),
    Name: alias.name,
    FunctionVersion: alias.version,
    Description: m.aliasDescriptions[String(alias.name)] ?? '',
  };
  const w = alias.additionalVersionWeights as Record<string, number> | undefined;
  if (w && Object.keys(w).length) out.RoutingConfig = { AdditionalVersionWeights: { ...w } };
  out.RevisionId = s.revisionId(`${name}:alias:${String(alias.name)}:${String(alias.version)}:${JSON.stringify(w ?? {})}`);
  return out;
}

function checkAliasTarget(s: Session, f: Obj, name: string, version: string, weights: Record<string, number>): void {
  if (version === '$LATEST') throw invalidParam('The simulator routes aliases to published versions only: publish a version first (aws lambda publish-version)');
  if (!versionsOf(f).some((v) => v.version === version)) throw notFound(`Function not found: ${s.fnArn(name, version)}`);
  for (const v of Object.keys(weights)) {
    if (v === version) throw invalidParam(`Invalid function version ${v} in the routing config: it is the alias's primary version`);
    if (!versionsOf(f).some((x) => x.version === v)) throw invalidParam(`Function version ${v} in the routing config does not exist for ${s.fnArn(name)}`);
  }
}

const createAlias: CommandDef = {
  service: 'lambda',
  name: 'create-alias',
  operation: 'CreateAlias',
  options: [fnOpt, { name: 'name', type: 'string', required: true }, { name: 'function-version', type: 'string', required: true }, { name: 'description', type: 'string' }, { name: 'routing-config', type: 'structure' }],
  run(s, a) {
    const { f, name } = requireFn(s, String(a['function-name']));
    const alias = String(a.name);
    if (!/^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/.test(alias) || alias.length > 128) throw validation(alias, 'name', 'Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)');
    const version = String(a['function-version']);
    const weights = a['routing-config'] !== undefined ? weightsOf(a['routing-config']) : {};
    if (aliasesOf(f).some((x) => x.name === alias)) throw conflict(`Alias already exists: ${s.fnArn(name, alias)}`);
    checkAliasTarget(s, f, name, version, weights);
    const before = snapshot(s);
    const entry: Obj = { name: alias, version };
    if (Object.keys(weights).length) entry.additionalVersionWeights = weights;
    f.aliases = [...aliasesOf(f), entry];
    commit(s, before);
    s.meta(name).aliasDescriptions[alias] = str(a, 'description') ?? '';
    return aliasConfiguration(s, name, entry);
  },
};

const updateAlias: CommandDef = {
  service: 'lambda',
  name: 'update-alias',
  operation: 'UpdateAlias',
  options: [fnOpt, { name: 'name', type: 'string', required: true }, { name: 'function-version', type: 'string' }, { name: 'description', type: 'string' }, { name: 'routing-config', type: 'structure' }],
  run(s, a) {
    const { f, name } = requireFn(s, String(a['function-name']));
    const aliasName = String(a.name);
    const entry = aliasesOf(f).find((x) => x.name === aliasName);
    if (!entry) throw notFound(`Alias not found: ${s.fnArn(name, aliasName)}`);
    const version = str(a, 'function-version') ?? String(entry.version);
    const weights = a['routing-config'] !== undefined ? weightsOf(a['routing-config']) : ((entry.additionalVersionWeights as Record<string, number> | undefined) ?? {});
    checkAliasTarget(s, f, name, version, weights);
    const before = snapshot(s);
    entry.version = version;
    if (Object.keys(weights).length) entry.additionalVersionWeights = weights;
    else delete entry.additionalVersionWeights;
    s.rejectInvalid(before, refuseEdit);
    // Routing changes while traffic flows: an action at this time, not a change to the past.
    s.liveChange({ type: 'set-alias-routing', function: name, alias: aliasName, version, additionalVersionWeights: weights });
    if (a.description !== undefined) s.meta(name).aliasDescriptions[aliasName] = String(a.description);
    return aliasConfiguration(s, name, entry);
  },
};

const listAliases: CommandDef = {
  service: 'lambda',
  name: 'list-aliases',
  operation: 'ListAliases',
  options: [fnOpt, { name: 'function-version', type: 'string' }],
  run(s, a) {
    const { f, name } = requireFn(s, String(a['function-name']));
    const v = str(a, 'function-version');
    return { Aliases: aliasesOf(f).filter((x) => v === undefined || x.version === v).map((x) => aliasConfiguration(s, name, x)) };
  },
};

function accountLimits(s: Session): { limit: number; unreservedMin: number } {
  const acct = (s.scenario.account as Obj | undefined) ?? {};
  return { limit: Number(acct.concurrencyLimit ?? 1000), unreservedMin: Number(acct.unreservedMinimum ?? 100) };
}

const putFunctionConcurrency: CommandDef = {
  service: 'lambda',
  name: 'put-function-concurrency',
  operation: 'PutFunctionConcurrency',
  options: [fnOpt, { name: 'reserved-concurrent-executions', type: 'integer', required: true }],
  run(s, a) {
    const { f, name, qualifier } = requireFn(s, String(a['function-name']));
    if (qualifier !== undefined) throw invalidParam('Reserved concurrency applies to the whole function: give the function name without a qualifier');
    const n = Number(a['reserved-concurrent-executions']);
    if (n < 0) throw validation(n, 'reservedConcurrentExecutions', 'Member must have value greater than or equal to 0');
    const { limit, unreservedMin } = accountLimits(s);
    const others = s.functions().reduce((sum, g) => sum + (g !== f && g.reservedConcurrency !== undefined ? Number(g.reservedConcurrency) : 0), 0);
    if (others + n > limit - unreservedMin)
      throw invalidParam(`Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${unreservedMin}].`);
    const before = snapshot(s);
    f.reservedConcurrency = n;
    s.rejectInvalid(before, refuseEdit);
    s.liveChange({ type: 'set-reserved-concurrency', function: name, value: n });
    return { ReservedConcurrentExecutions: n };
  },
};

const deleteFunctionConcurrency: CommandDef = {
  service: 'lambda',
  name: 'delete-function-concurrency',
  operation: 'DeleteFunctionConcurrency',
  options: [fnOpt],
  run(s, a) {
    const { f, name } = requireFn(s, String(a['function-name']));
    delete f.reservedConcurrency;
    s.liveChange({ type: 'set-reserved-concurrency', function: name, value: null });
    return undefined;
  },
};

const getFunctionConcurrency: CommandDef = {
  service: 'lambda',
  name: 'get-function-concurrency',
  operation: 'GetFunctionConcurrency',
  options: [fnOpt],
  run(s, a) {
    const { f } = requireFn(s, String(a['function-name']));
    return f.reservedConcurrency === undefined ? {} : { ReservedConcurrentExecutions: f.reservedConcurrency };
  },
};

const putProvisioned: CommandDef = {
  service: 'lambda',
  name: 'put-provisioned-concurrency-config',
  operation: 'PutProvisionedConcurrencyConfig',
  options: [fnOpt, { name: 'qualifier', type: 'string', required: true }, { name: 'provisioned-concurrent-executions', type: 'integer', required: true }],
  run(s, a) {
    const { f, name } = requireFn(s, String(a['function-name']));
    const q = String(a.qualifier);
    const n = Number(a['provisioned-concurrent-executions']);
    if (n < 1) throw validation(n, 'provisionedConcurrentExecutions', 'Member must have value greater than or equal to 1');
    if (q === '$LATEST') throw invalidParam('Provisioned Concurrency Configs cannot be applied to unpublished function versions.');
    const target = /^\d+$/.test(q) ? versionsOf(f).find((v) => v.version === q) : aliasesOf(f).find((x) => x.name === q);
    if (!target) throw notFound(`Function not found: ${s.fnArn(name, q)}`);
    if (f.reservedConcurrency !== undefined && n > Number(f.reservedConcurrency))
      throw invalidParam(`Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function`);
    const before = snapshot(s);
    target.provisionedConcurrency = n;
    s.rejectInvalid(before, (problems) => invalidParam(`Requested Provisioned Concurrency exceeds what the account can allocate: ${problems.join('; ')}`));
    s.configChanged();
    const lm = s.lambdaTime(s.state.nowMs);
    s.meta(name).provisioned[q] = { requested: n, lastModified: lm };
    return { RequestedProvisionedConcurrentExecutions: n, AllocatedProvisionedConcurrentExecutions: 0, Status: 'IN_PROGRESS', LastModified: lm };
  },
};

const getProvisioned: CommandDef = {
  service: 'lambda',
  name: 'get-provisioned-concurrency-config',
  operation: 'GetProvisionedConcurrencyConfig',
  options: [fnOpt, { name: 'qualifier', type: 'string', required: true }],
  run(s, a) {
    const { name } = requireFn(s, String(a['function-name']));
    const q = String(a.qualifier);
    const p = s.meta(name).provisioned[q];
    if (!p) throw new ServiceError('ProvisionedConcurrencyConfigNotFoundException', `No Provisioned Concurrency Config found for this function`);
    // The simulator creates provisioned environments before traffic, so the config is READY once time has passed.
    return { RequestedProvisionedConcurrentExecutions: p.requested, AvailableProvisionedConcurrentExecutions: p.requested, AllocatedProvisionedConcurrentExecutions: p.requested, Status: 'READY', LastModified: p.lastModified };
  },
};

const getAccountSettings: CommandDef = {
  service: 'lambda',
  name: 'get-account-settings',
  operation: 'GetAccountSettings',
  options: [],
  run(s) {
    const { limit, unreservedMin } = accountLimits(s);
    const reserved = s.functions().reduce((sum, g) => sum + Number(g.reservedConcurrency ?? 0), 0);
    return {
      AccountLimit: {
        TotalCodeSize: 80530636800,
        CodeSizeUnzipped: 262144000,
        CodeSizeZipped: 52428800,
        ConcurrentExecutions: limit,
        UnreservedConcurrentExecutions: limit - reserved,
      },
      AccountUsage: { TotalCodeSize: s.functions().reduce((sum, g) => sum + s.meta(String(g.name)).codeSize, 0), FunctionCount: s.functions().length },
      ...(unreservedMin !== 100 ? {} : {}),
    };
  },
};

function eventInvokeConfig(s: Session, name: string): Obj {
  const f = s.fn(name)!;
  const asyncCfg = (f.async as Obj | undefined) ?? {};
  const dc: Obj = {};
  dc.OnSuccess = asyncCfg.onSuccess ? { Destination: sinkArn(s, String(asyncCfg.onSuccess)) } : {};
  dc.OnFailure = asyncCfg.onFailure ? { Destination: sinkArn(s, String(asyncCfg.onFailure)) } : {};
  return {
    LastModified: Math.round((s.startEpochMs + s.state.nowMs) / 1000),
    FunctionArn: s.fnArn(name, '$LATEST'),
    MaximumRetryAttempts: asyncCfg.maximumRetryAttempts ?? 2,
    MaximumEventAgeInSeconds: asyncCfg.maximumEventAgeInSeconds ?? 21600,
    DestinationConfig: dc,
  };
}

const putEventInvokeConfig: CommandDef = {
  service: 'lambda',
  name: 'put-function-event-invoke-config',
  operation: 'PutFunctionEventInvokeConfig',
  options: [fnOpt, qualOpt, { name: 'maximum-retry-attempts', type: 'integer' }, { name: 'maximum-event-age-in-seconds', type: 'integer' }, { name: 'destination-config', type: 'structure' }],
  run(s, a) {
    const { f, name, qualifier } = requireFn(s, String(a['function-name']));
    const q = str(a, 'qualifier') ?? qualifier;
    if (q !== undefined && q !== '$LATEST') throw invalidParam('The simulator keeps one asynchronous configuration per function: leave out --qualifier (or use $LATEST)');
    const r = int(a, 'maximum-retry-attempts');
    if (r !== undefined && (r < 0 || r > 2)) throw validation(r, 'maximumRetryAttempts', r < 0 ? 'Member must have value greater than or equal to 0' : 'Member must have value less than or equal to 2');
    const age = int(a, 'maximum-event-age-in-seconds');
    if (age !== undefined && (age < 60 || age > 21600)) throw validation(age, 'maximumEventAgeInSeconds', age < 60 ? 'Member must have value greater than or equal to 60' : 'Member must have value less than or equal to 21600');
    const before = snapshot(s);
    // PutFunctionEventInvokeConfig replaces the whole configuration; the DLQ belongs to the function configuration.
    const prev = (f.async as Obj | undefined) ?? {};
    const next: Obj = {};
    if (prev.deadLetterQueue !== undefined) next.deadLetterQueue = prev.deadLetterQueue;
    if (r !== undefined) next.maximumRetryAttempts = r;
    if (age !== undefined) next.maximumEventAgeInSeconds = age;
    const dc = (a['destination-config'] as Obj | undefined) ?? {};
    s.undoOnError(before, () => {
      const succ = (dc.OnSuccess as Obj | undefined)?.Destination;
      const fail = (dc.OnFailure as Obj | undefined)?.Destination;
      if (succ) next.onSuccess = sinkFromArn(s, String(succ), ['sqs', 'sns', 'eventbridge', 'lambda'], 'OnSuccess destination');
      if (fail) next.onFailure = sinkFromArn(s, String(fail), ['sqs', 'sns', 'eventbridge', 'lambda', 's3'], 'OnFailure destination');
    });
    f.async = next;
    commit(s, before);
    s.meta(name).eventInvokeConfig = { lastModified: s.lambdaTime(s.state.nowMs) };
    return eventInvokeConfig(s, name);
  },
};

const getEventInvokeConfig: CommandDef = {
  service: 'lambda',
  name: 'get-function-event-invoke-config',
  operation: 'GetFunctionEventInvokeConfig',
  options: [fnOpt, qualOpt],
  run(s, a) {
    const { name } = requireFn(s, String(a['function-name']));
    if (!s.meta(name).eventInvokeConfig) throw notFound(`The function ${s.fnArn(name)} doesn't have an EventInvokeConfig`);
    return eventInvokeConfig(s, name);
  },
};

// ---------------------------------------------------------------- event source mappings

/** The index of the mapping with this UUID. */
function requireMapping(s: Session, uuid: string): number {
  const i = s.state.meta.mappingIds.indexOf(uuid);
  if (i < 0) throw notFound(`The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: ${s.uuid()})`);
  return i;
}

function mappingConfiguration(s: Session, i: number): Obj {
  const m = s.mappings()[i]!;
  const uuid = s.state.meta.mappingIds[i]!;
  const [fnName, q] = String(m.function).split(':') as [string, string | undefined];
  const isQueue = m.queue !== undefined;
  const out: Obj = {
    UUID: uuid,
    BatchSize: m.batchSize ?? (isQueue ? 10 : 100),
    MaximumBatchingWindowInSeconds: m.maximumBatchingWindowInSeconds ?? 0,
    EventSourceArn: isQueue ? s.queueArn(String(m.queue)) : `arn:aws:kinesis:${s.region}:${s.account}:stream/${String(m.stream)}`,
    FunctionArn: s.fnArn(fnName, q),
    LastModified: Math.round((s.startEpochMs + (s.state.meta.mappingModified[i] ?? 0)) / 1000),
    State: m.enabled === false ? 'Disabled' : 'Enabled',
    StateTransitionReason: 'USER_INITIATED',
    FunctionResponseTypes: (m.functionResponseTypes as string[] | undefined) ?? [],
  };
  const sc = m.scalingConfig as Obj | undefined;
  if (sc) out.ScalingConfig = { MaximumConcurrency: sc.maximumConcurrency };
  const pp = m.provisionedPollerConfig as Obj | undefined;
  if (pp) out.ProvisionedPollerConfig = { MinimumPollers: pp.minimumPollers, MaximumPollers: pp.maximumPollers };
  return out;
}

const esmOptions = [
  { name: 'batch-size', type: 'integer' },
  { name: 'maximum-batching-window-in-seconds', type: 'integer' },
  { name: 'function-response-types', type: 'strings', choices: ['ReportBatchItemFailures'] },
  { name: 'scaling-config', type: 'structure' },
  { name: 'provisioned-poller-config', type: 'structure' },
  { name: 'enabled', type: 'boolean' },
] as const;

function applyMappingOptions(m: Obj, a: Record<string, ArgValue>): void {
  const bs = int(a, 'batch-size');
  if (bs !== undefined) {
    if (bs < 1 || bs > 10000) throw validation(bs, 'batchSize', bs < 1 ? 'Member must have value greater than or equal to 1' : 'Member must have value less than or equal to 10000');
    m.batchSize = bs;
  }
  const w = int(a, 'maximum-batching-window-in-seconds');
  if (w !== undefined) {
    if (w < 0 || w > 300) throw validation(w, 'maximumBatchingWindowInSeconds', w < 0 ? 'Member must have value greater than or equal to 0' : 'Member must have value less than or equal to 300');
    m.maximumBatchingWindowInSeconds = w;
  }
  if (a['function-response-types'] !== undefined) m.functionResponseTypes = a['function-response-types'];
  if (a['scaling-config'] !== undefined) {
    const mc = (a['scaling-config'] as Obj).MaximumConcurrency;
    if (mc === undefined) delete m.scalingConfig;
    else {
      const n = Number(mc);
      if (!(n >= 2 && n <= 1000)) throw validation(n, 'scalingConfig.maximumConcurrency', n < 2 ? 'Member must have value greater than or equal to 2' : 'Member must have value less than or equal to 1000');
      m.scalingConfig = { maximumConcurrency: n };
    }
  }
  if (a['provisioned-poller-config'] !== undefined) {
    const p = a['provisioned-poller-config'] as Obj;
    m.provisionedPollerConfig = { minimumPollers: Number(p.MinimumPollers ?? 2), maximumPollers: Number(p.MaximumPollers ?? 200) };
  }
  if (a.enabled !== undefined) m.enabled = a.enabled;
}

/** Turns the simulator's refusal of a mapping into Lambda's own message where AWS documents one. */
function commitMapping(s: Session, before: Obj, fnName: string, queue: string | undefined): void {
  s.rejectInvalid(before, (problems) => {
    const vt = problems.find((p) => p.includes("visibility timeout"));
    if (vt && queue) {
      const q = s.queue(queue)!;
      const f = s.fn(fnName)!;
      return invalidParam(`Queue visibility timeout: ${Number(q.visibilityTimeoutSeconds ?? 30)} seconds is less than Function timeout: ${Number(f.timeoutSeconds ?? 3)} seconds`);
    }
    if (problems.some((p) => p.includes('already has a mapping'))) return conflict(`An event source mapping with SQS arn (" ${s.queueArn(queue ?? '')} ") and function (" ${fnName} ") already exists. Please update or delete the existing mapping with UUID ${s.state.meta.mappingIds[s.mappings().findIndex((m) => m.queue === queue)] ?? ''}`);
    return refuseEdit(problems);
  });
  s.configChanged();
}

const createEsm: CommandDef = {
  service: 'lambda',
  name: 'create-event-source-mapping',
  operation: 'CreateEventSourceMapping',
  options: [fnOpt, { name: 'event-source-arn', type: 'string', required: true }, ...esmOptions, { name: 'starting-position', type: 'string', choices: ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'] }],
  run(s, a) {
    const { f, name, qualifier } = requireFn(s, String(a['function-name']));
    requireQualifier(s, f, name, qualifier);
    const arn = String(a['event-source-arn']);
    const sqs = /^arn:aws[a-zA-Z-]*:sqs:[a-z0-9-]+:\d{12}:(.+)$/.exec(arn);
    if (!sqs) throw invalidParam('The simulated CLI creates mappings for SQS queues (arn:aws:sqs:…); stream mappings come from the scenario');
    const queue = sqs[1]!;
    if (!s.queue(queue)) throw invalidParam(`Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist for this wsdl version.`);
    if (a['starting-position'] !== undefined) throw invalidParam('Unsupported starting position for arn type: sqs');
    const before = snapshot(s);
    const m: Obj = { function: qualifier ? `${name}:${qualifier}` : name, queue };
    applyMappingOptions(m, a);
    s.mappings().push(m);
    commitMapping(s, before, name, queue);
    s.state.meta.mappingIds.push(s.uuid());
    s.state.meta.mappingModified.push(s.state.nowMs);
    const out = mappingConfiguration(s, s.mappings().length - 1);
    out.State = 'Creating';
    return out;
  },
};

const updateEsm: CommandDef = {
  service: 'lambda',
  name: 'update-event-source-mapping',
  operation: 'UpdateEventSourceMapping',
  options: [{ name: 'uuid', type: 'string', required: true }, { name: 'function-name', type: 'string' }, ...esmOptions],
  run(s, a) {
    const i = requireMapping(s, String(a.uuid));
    const before = snapshot(s);
    const m = s.mappings()[i]!;
    applyMappingOptions(m, a);
    if (a['function-name'] !== undefined) {
      const { f, name, qualifier } = requireFn(s, String(a['function-name']));
      requireQualifier(s, f, name, qualifier);
      m.function = qualifier ? `${name}:${qualifier}` : name;
    }
    commitMapping(s, before, String(m.function).split(':')[0]!, m.queue as string | undefined);
    s.state.meta.mappingModified[i] = s.state.nowMs;
    const out = mappingConfiguration(s, i);
    out.State = 'Updating';
    return out;
  },
};

const listEsm: CommandDef = {
  service: 'lambda',
  name: 'list-event-source-mappings',
  operation: 'ListEventSourceMappings',
  options: [{ name: 'function-name', type: 'string' }, { name: 'event-source-arn', type: 'string' }],
  run(s, a) {
    const fnFilter = a['function-name'] !== undefined ? parseFunctionName(s, String(a['function-name'])).name : undefined;
    const arn = str(a, 'event-source-arn');
    const out = s
      .mappings()
      .map((_, i) => mappingConfiguration(s, i))
      .filter((m) => (fnFilter === undefined || String(m.FunctionArn).split(':')[6] === fnFilter) && (arn === undefined || m.EventSourceArn === arn));
    return { EventSourceMappings: out };
  },
};

const getEsm: CommandDef = {
  service: 'lambda',
  name: 'get-event-source-mapping',
  operation: 'GetEventSourceMapping',
  options: [{ name: 'uuid', type: 'string', required: true }],
  run(s, a) {
    const i = requireMapping(s, String(a.uuid));
    return mappingConfiguration(s, i);
  },
};

// ---------------------------------------------------------------- invoke

/** Lambda returns the last 4 KB of the invocation's log as LogResult. */
function tail4k(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return bytes.length <= 4096 ? text : new TextDecoder().decode(bytes.slice(bytes.length - 4096));
}

const invoke: CommandDef = {
  service: 'lambda',
  name: 'invoke',
  operation: 'Invoke',
  positional: 'outfile',
  options: [fnOpt, qualOpt, { name: 'invocation-type', type: 'string', choices: ['Event', 'RequestResponse', 'DryRun'] }, { name: 'log-type', type: 'string', choices: ['None', 'Tail'] }, { name: 'payload', type: 'blob' }, { name: 'client-context', type: 'string' }],
  run(s, a, ctx) {
    const { f, name, q } = requireQualifiedFn(s, a);
    const outfile = ctx.positionals[0]!;
    let payload = '{}';
    if (a.payload !== undefined) {
      const raw = String(a.payload);
      // AWS CLI v2 reads blobs as base64 unless --cli-binary-format raw-in-base64-out is given.
      if (ctx.globals.cliBinaryFormat === 'base64') {
        const dec = fromBase64(raw);
        if (dec === null) throw new InvalidBase64(raw);
        payload = dec;
      } else payload = raw;
      try {
        JSON.parse(payload);
      } catch {
        throw new ServiceError('InvalidRequestContentException', 'Could not parse request body into json: Could not parse payload into json: Unexpected character: was expecting a JSON value');
      }
    }
    if (new TextEncoder().encode(payload).length > (a['invocation-type'] === 'Event' ? 1_048_576 : 6_291_456))
      throw new ServiceError('RequestEntityTooLargeException', `Request must be smaller than ${a['invocation-type'] === 'Event' ? '1048576' : '6291456'} bytes for the InvokeFunction operation`);
    const target = q && q !== '$LATEST' ? `${name}:${q}` : name;
    const type = str(a, 'invocation-type') ?? 'RequestResponse';
    if (type === 'DryRun') return { StatusCode: 204 };
    if (type === 'Event') {
      const cmd: InjectCommand = { type: 'invoke-async', target, count: 1, name: 'cli-event' };
      s.act(cmd);
      ctx.writeFile(outfile, '');
      return { StatusCode: 202 };
    }
    // The CLI's standard retry mode: 3 attempts in all, retrying throttles with backoff.
    const { sim, firstEventId } = s.act({ type: 'invoke', target, count: 1, name: 'cli', clientRetry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000, jitter: 'full', retryOn: ['throttle'] } });
    const trace = sim.eventsSince(0, 1_000_000).events.filter((e) => e.eventId === firstEventId || e.requestId !== undefined);
    let requestId: string | undefined;
    let result: { outcome: string; version: string } | null = null;
    let throttled = false;
    let cursor = sim.eventsSince(0, 0).next;
    void trace;
    for (let steps = 0; steps < 1_000_000 && result === null && !throttled; steps++) {
      const batch = sim.eventsSince(cursor, 100_000);
      cursor = batch.next;
      for (const ev of batch.events) {
        if (ev.eventId === firstEventId && ev.kind === 'invoke-start') requestId = ev.requestId;
        if (ev.eventId === firstEventId && ev.kind === 'dropped' && ev.reason === 'sync-throttled') throttled = true;
        if (requestId !== undefined && ev.kind === 'invoke-end' && ev.requestId === requestId) result = { outcome: String(ev.outcome), version: String(ev.version) };
      }
      if (result || throttled) break;
      const next = sim.nextEventTime();
      if (next === null || next > s.horizonMs) break;
      s.state.nowMs = Math.max(s.state.nowMs, next);
      sim.advanceTo(s.state.nowMs);
    }
    if (throttled) throw new ServiceError('TooManyRequestsException', 'Rate Exceeded.', '', ' (reached max retries: 2)');
    if (!result || requestId === undefined) throw new ServiceError('ServiceException', 'The simulated account reached the end of its time: start a new session or raise durationSeconds');
    const logs = sim.logsSince(0, 1_000_000).logs.filter((l) => l.requestId === requestId || l.message.includes(requestId!));
    const logText = logs.map((l) => `${l.message}\n`).join('');
    let body = 'null';
    const out: Obj = { StatusCode: 200 };
    if (result.outcome === 'error' || result.outcome === 'timeout') {
      out.FunctionError = 'Unhandled';
      const fnTimeout = Number(f.timeoutSeconds ?? 3);
      body =
        result.outcome === 'timeout'
          ? JSON.stringify({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: Task timed out after ${fnTimeout.toFixed(2)} seconds` })
          : logs.some((l) => l.message.includes('Runtime.OutOfMemory'))
            ? JSON.stringify({ errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed` })
            : JSON.stringify({ errorType: 'Error', errorMessage: 'Simulated function error', trace: [] });
    }
    if (a['log-type'] === 'Tail') out.LogResult = base64(tail4k(logText));
    out.ExecutedVersion = result.version;
    ctx.writeFile(outfile, body);
    return out;
  },
};

/** The CLI's own check of a base64 blob: no request is sent (return code 252). */
export class InvalidBase64 extends Error {
  constructor(readonly value: string) {
    super(`Invalid base64: "${value}"`);
    this.name = 'InvalidBase64';
  }
}

export const LAMBDA_COMMANDS: CommandDef[] = [
  createFunction,
  getFunction,
  getFunctionConfiguration,
  listFunctions,
  updateFunctionConfiguration,
  updateFunctionCode,
  invoke,
  publishVersion,
  listVersions,
  createAlias,
  updateAlias,
  listAliases,
  putFunctionConcurrency,
  getFunctionConcurrency,
  deleteFunctionConcurrency,
  putProvisioned,
  getProvisioned,
  getAccountSettings,
  putEventInvokeConfig,
  getEventInvokeConfig,
  createEsm,
  updateEsm,
  listEsm,
  getEsm,
];
