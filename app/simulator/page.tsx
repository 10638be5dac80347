import type { Metadata } from 'next';
import { SimulatorPage } from '@/components/simulator/simulator-page';

export const metadata: Metadata = {
  title: 'Lambda simulator',
  description: 'Run Lambda scenarios in your browser: concurrency and throttles, cold starts, async retries and DLQs, SQS and stream event source mappings, with lanes, metrics, logs and cost.',
};

export default function Page() {
  return <SimulatorPage />;
}
