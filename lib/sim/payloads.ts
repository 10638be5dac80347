/**
 * Event payloads in the shape each AWS source sends, kept small. They are only built for what a learner can
 * see (DLQ and destination samples, traces), never in the hot path.
 */
import type { SourcePort } from './engine/port';
import type { WorkloadRt } from './model';
import { uuidFor } from './rng';

export function eventPayload(e: SourcePort, wl: WorkloadRt, seq: number, t: number): unknown {
  const id = e.idOf(wl, seq);
  const extra = wl.payload ?? {};
  const time = e.iso(t);
  const region = e.region;
  const account = e.accountId;
  switch (wl.source) {
    case 's3': {
      const bucket = typeof extra.bucket === 'string' ? extra.bucket : 'uploads';
      return {
        Records: [
          {
            eventVersion: '2.1',
            eventSource: 'aws:s3',
            awsRegion: region,
            eventTime: time,
            eventName: 'ObjectCreated:Put',
            s3: { bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` }, object: { key: `${id}.json`, size: 1024 } },
          },
        ],
      };
    }
    case 'sns':
      return {
        Records: [
          {
            EventSource: 'aws:sns',
            EventVersion: '1.0',
            Sns: {
              Type: 'Notification',
              MessageId: uuidFor(e.seed, 3, wl.idx * 1_000_003 + seq),
              TopicArn: `arn:aws:sns:${region}:${account}:${typeof extra.topic === 'string' ? extra.topic : 'events'}`,
              Message: JSON.stringify({ id, ...extra }),
              Timestamp: time,
            },
          },
        ],
      };
    case 'eventbridge':
      return {
        version: '0',
        id: uuidFor(e.seed, 4, wl.idx * 1_000_003 + seq),
        'detail-type': typeof extra['detail-type'] === 'string' ? extra['detail-type'] : 'OrderPlaced',
        source: typeof extra.source === 'string' ? extra.source : 'app.orders',
        account,
        time: time.replace(/\.\d{3}Z$/, 'Z'),
        region,
        resources: [],
        detail: { id, ...extra },
      };
    case 'schedule':
      return {
        version: '0',
        id: uuidFor(e.seed, 4, wl.idx * 1_000_003 + seq),
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        account,
        time: time.replace(/\.\d{3}Z$/, 'Z'),
        region,
        resources: [`arn:aws:events:${region}:${account}:rule/${wl.name}`],
        detail: {},
      };
    case 'api':
      return { resource: '/orders', path: '/orders', httpMethod: 'POST', body: JSON.stringify({ id, ...extra }) };
    default:
      return { id, ...extra };
  }
}

/** An SQS message as a DLQ shows it. */
export function sqsMessage(e: SourcePort, wl: WorkloadRt, seq: number, sentAt: number, receiveCount: number): unknown {
  return {
    messageId: uuidFor(e.seed, 5, wl.idx * 1_000_003 + seq),
    body: JSON.stringify({ id: e.idOf(wl, seq), ...(wl.payload ?? {}) }),
    attributes: { ApproximateReceiveCount: String(receiveCount), SentTimestamp: String(Math.round(e.startEpoch + sentAt)) },
  };
}
