/** Simulated `aws sqs` commands (CreateQueue, SendMessage, GetQueueAttributes, SetQueueAttributes). */
import type { ArgValue } from './args';
import type { CommandDef } from './command';
import { ServiceError } from './errors';
import { problemsText, type Session } from './session';

type Obj = Record<string, unknown>;

const nonExistent = () => new ServiceError('AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.');
const invalidAttr = (msg: string) => new ServiceError('InvalidAttributeValue', msg);

function queueFromUrl(s: Session, url: string): string {
  const name = url.slice(url.lastIndexOf('/') + 1);
  if (!s.queue(name)) throw nonExistent();
  return name;
}

/** Applies SQS attributes (all strings, as the API takes them) to a scenario queue. */
function applyAttributes(s: Session, q: Obj, attrs: Record<string, unknown>): void {
  for (const [k, raw] of Object.entries(attrs)) {
    const v = String(raw);
    const num = (lo: number, hi: number) => {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < lo || n > hi) throw invalidAttr(`Invalid value for the parameter ${k}.`);
      return n;
    };
    if (k === 'VisibilityTimeout') q.visibilityTimeoutSeconds = num(0, 43200);
    else if (k === 'MessageRetentionPeriod') q.messageRetentionSeconds = num(60, 1209600);
    else if (k === 'DelaySeconds' || k === 'ReceiveMessageWaitTimeSeconds' || k === 'MaximumMessageSize') num(0, k === 'MaximumMessageSize' ? 1048576 : k === 'DelaySeconds' ? 900 : 20);
    else if (k === 'FifoQueue') {
      if (v !== 'true' && v !== 'false') throw invalidAttr('Invalid value for the parameter FifoQueue.');
      q.fifo = v === 'true';
    } else if (k === 'ContentBasedDeduplication') {
      /* accepted, not modelled */
    } else if (k === 'RedrivePolicy') {
      if (v === '') {
        delete q.redrivePolicy;
        continue;
      }
      let rp: Obj;
      try {
        rp = JSON.parse(v) as Obj;
      } catch {
        throw invalidAttr('Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.');
      }
      const arn = String(rp.deadLetterTargetArn ?? '');
      const max = Number(rp.maxReceiveCount);
      const dlq = /^arn:aws[a-zA-Z-]*:sqs:[a-z0-9-]+:\d{12}:(.+)$/.exec(arn)?.[1];
      if (!dlq) throw invalidAttr('Value {"deadLetterTargetArn":…} for parameter RedrivePolicy is invalid. Reason: Invalid value for deadLetterTargetArn.');
      if (!s.queue(dlq)) throw invalidAttr(`Value ${v} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`);
      if (!Number.isInteger(max) || max < 1 || max > 1000) throw invalidAttr(`Value ${v} for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: ${String(rp.maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`);
      q.redrivePolicy = { deadLetterQueue: dlq, maxReceiveCount: max };
    } else if (k === 'Policy' || k === 'KmsMasterKeyId' || k === 'SqsManagedSseEnabled' || k === 'RedriveAllowPolicy') {
      /* accepted, not modelled */
    } else throw new ServiceError('InvalidAttributeName', `Unknown Attribute ${k}.`);
  }
}

function commit(s: Session, before: Obj): void {
  s.rejectInvalid(before, (problems) => invalidAttr(problemsText(problems)));
  s.configChanged();
}

function attrsArg(v: ArgValue): Record<string, unknown> {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidAttr('Attributes must be a map');
  return v as Record<string, unknown>;
}

const createQueue: CommandDef = {
  service: 'sqs',
  name: 'create-queue',
  operation: 'CreateQueue',
  options: [{ name: 'queue-name', type: 'string', required: true }, { name: 'attributes', type: 'structure' }, { name: 'tags', type: 'structure' }],
  run(s, a) {
    const name = String(a['queue-name']);
    if (!/^[A-Za-z0-9_-]{1,75}(\.fifo)?$/.test(name) || name.length > 80)
      throw new ServiceError('InvalidParameterValue', 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    const attrs = attrsArg(a.attributes);
    if (name.endsWith('.fifo') !== (String(attrs.FifoQueue ?? 'false') === 'true'))
      throw new ServiceError('InvalidParameterValue', name.endsWith('.fifo') ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix. Set FifoQueue=true' : 'The name of a FIFO queue must end with the .fifo suffix.');
    const existing = s.queue(name);
    if (existing) return { QueueUrl: s.queueUrl(name) };
    const before = structuredClone(s.scenario);
    const q: Obj = { name };
    s.queues().push(q);
    s.undoOnError(before, () => applyAttributes(s, q, attrs));
    commit(s, before);
    s.state.meta.queueCreated[name] = s.state.nowMs;
    return { QueueUrl: s.queueUrl(name) };
  },
};

const getQueueUrl: CommandDef = {
  service: 'sqs',
  name: 'get-queue-url',
  operation: 'GetQueueUrl',
  options: [{ name: 'queue-name', type: 'string', required: true }],
  run(s, a) {
    const name = String(a['queue-name']);
    if (!s.queue(name)) throw nonExistent();
    return { QueueUrl: s.queueUrl(name) };
  },
};

const listQueues: CommandDef = {
  service: 'sqs',
  name: 'list-queues',
  operation: 'ListQueues',
  options: [{ name: 'queue-name-prefix', type: 'string' }],
  run(s, a) {
    const p = String(a['queue-name-prefix'] ?? '');
    const urls = s
      .queues()
      .map((q) => String(q.name))
      .filter((n) => n.startsWith(p))
      .map((n) => s.queueUrl(n));
    return urls.length ? { QueueUrls: urls } : {};
  },
};

/** A deterministic MD5-shaped digest (the simulator does not need a real MD5). */
function digest(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 + text.charCodeAt(i), 2246822519) >>> 0;
  }
  return [h1, h2, h1 ^ h2, (h1 + h2) >>> 0].map((x) => x.toString(16).padStart(8, '0')).join('');
}

const sendMessage: CommandDef = {
  service: 'sqs',
  name: 'send-message',
  operation: 'SendMessage',
  options: [{ name: 'queue-url', type: 'string', required: true }, { name: 'message-body', type: 'string', required: true }, { name: 'delay-seconds', type: 'integer' }, { name: 'message-group-id', type: 'string' }, { name: 'message-deduplication-id', type: 'string' }, { name: 'message-attributes', type: 'structure' }],
  run(s, a) {
    const name = queueFromUrl(s, String(a['queue-url']));
    const body = String(a['message-body']);
    if (body.length === 0) throw new ServiceError('MissingParameter', 'The request must contain the parameter MessageBody.');
    if (new TextEncoder().encode(body).length > 1_048_576) throw new ServiceError('InvalidParameterValue', 'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.');
    const q = s.queue(name)!;
    if (q.fifo === true && a['message-group-id'] === undefined) throw new ServiceError('MissingParameter', 'The request must contain the parameter MessageGroupId.');
    if (s.simulation() === null) throw new ServiceError('InvalidParameterValue', 'The simulated account has no function yet: create one first (the simulator runs only with at least one function)');
    try {
      s.act({ type: 'sqs-send', queue: name, count: 1, name: 'cli-msg' });
    } catch (err) {
      throw new ServiceError('InvalidParameterValue', `The simulator cannot send to ${name}: ${(err as Error).message}`);
    }
    const id = s.uuid();
    return { MD5OfMessageBody: digest(body), MessageId: id };
  },
};

const ALL_ATTRS = ['QueueArn', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed', 'CreatedTimestamp', 'LastModifiedTimestamp', 'VisibilityTimeout', 'MaximumMessageSize', 'MessageRetentionPeriod', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds', 'RedrivePolicy', 'SqsManagedSseEnabled', 'FifoQueue', 'ContentBasedDeduplication'];

const getQueueAttributes: CommandDef = {
  service: 'sqs',
  name: 'get-queue-attributes',
  operation: 'GetQueueAttributes',
  options: [{ name: 'queue-url', type: 'string', required: true }, { name: 'attribute-names', type: 'strings' }],
  run(s, a) {
    const name = queueFromUrl(s, String(a['queue-url']));
    const want = (a['attribute-names'] as string[] | undefined) ?? [];
    // With no attribute names the API returns no attributes (and the CLI prints nothing).
    if (want.length === 0) return undefined;
    const names = want.includes('All') ? ALL_ATTRS : want;
    for (const n of names) if (!ALL_ATTRS.includes(n)) throw new ServiceError('InvalidAttributeName', `Unknown Attribute ${n}.`);
    const q = s.queue(name)!;
    const snap = s.simulation()?.snapshot().queues.find((x) => x.name === name);
    const created = String(Math.floor((s.startEpochMs + (s.state.meta.queueCreated[name] ?? 0)) / 1000));
    const rp = q.redrivePolicy as Obj | undefined;
    const all: Record<string, string | undefined> = {
      QueueArn: s.queueArn(name),
      ApproximateNumberOfMessages: String(snap?.visible ?? 0),
      ApproximateNumberOfMessagesNotVisible: String(snap?.inFlight ?? 0),
      ApproximateNumberOfMessagesDelayed: '0',
      CreatedTimestamp: created,
      LastModifiedTimestamp: created,
      VisibilityTimeout: String(q.visibilityTimeoutSeconds ?? 30),
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: String(q.messageRetentionSeconds ?? 345600),
      DelaySeconds: '0',
      ReceiveMessageWaitTimeSeconds: '0',
      RedrivePolicy: rp ? JSON.stringify({ deadLetterTargetArn: s.queueArn(String(rp.deadLetterQueue)), maxReceiveCount: Number(rp.maxReceiveCount) }) : undefined,
      SqsManagedSseEnabled: 'true',
      FifoQueue: q.fifo === true ? 'true' : undefined,
      ContentBasedDeduplication: q.fifo === true ? 'false' : undefined,
    };
    const out: Record<string, string> = {};
    for (const n of names) if (all[n] !== undefined) out[n] = all[n]!;
    return { Attributes: out };
  },
};

const setQueueAttributes: CommandDef = {
  service: 'sqs',
  name: 'set-queue-attributes',
  operation: 'SetQueueAttributes',
  options: [{ name: 'queue-url', type: 'string', required: true }, { name: 'attributes', type: 'structure', required: true }],
  run(s, a) {
    const name = queueFromUrl(s, String(a['queue-url']));
    const attrs = attrsArg(a.attributes);
    if ('FifoQueue' in attrs) throw new ServiceError('InvalidAttributeName', 'Unknown Attribute FifoQueue.');
    const before = structuredClone(s.scenario);
    s.undoOnError(before, () => applyAttributes(s, s.queue(name)!, attrs));
    commit(s, before);
    return undefined;
  },
};

export const SQS_COMMANDS: CommandDef[] = [createQueue, getQueueUrl, listQueues, sendMessage, getQueueAttributes, setQueueAttributes];
