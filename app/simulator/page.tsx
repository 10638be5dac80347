import type { Metadata } from 'next';
import { SimulatorPage } from '@/components/simulator/simulator-page';

export const metadata: Metadata = {
  title: 'Lambda simulator',
  description: 'Run Lambda scenarios in your browser: concurrency and throttles, cold starts, async retries and DLQs, SQS and stream event source mappings, with lanes, metrics, logs and cost.',
};

/**
 * Runs while the HTML is parsed, before the first paint: a visit without a query (no preset, no share link) opens
 * the scenario gallery once the scenarios load, so the loading scenario bar reserves the open gallery's height
 * (app/globals.css, .sim-bar-loading) and nothing below it jumps. The script is allowed by its hash (scripts/csp.ts).
 */
const BARE_VISIT_SCRIPT = "if(!location.search)document.documentElement.setAttribute('data-sim-bare','')";

export default function Page() {
  return (
    <>
      <script dangerouslySetInnerHTML={{ __html: BARE_VISIT_SCRIPT }} />
      <SimulatorPage />
    </>
  );
}
