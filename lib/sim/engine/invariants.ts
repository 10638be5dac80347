/**
 * Rule 1's limits and rule 24's conservation, checked against the engine's counters. Used by the property
 * tests (EngineOptions.debugChecks runs it after every event) and by Simulation.checkInvariants().
 */
import type { Engine } from '../engine';
import { ENV_INIT_OR_BUSY } from '../model';

/** Throws an Error naming the first broken invariant. */
export function checkInvariants(e: Engine): void {
  const acct = e.acct;
  let busy = 0;
  let unreservedOnDemand = 0;
  // After a live configuration change, running work may exceed the new limits until it drains.
  const strict = e.now > e.relaxCapacityChecksUntil;
  for (const fn of e.fns) {
    busy += fn.busy;
    if (strict && fn.reserved !== null && fn.busy > fn.reserved) throw new Error(`${fn.name}: ${fn.busy} busy > reserved ${fn.reserved}`);
    if (fn.onDemandBusy < 0 || fn.busy < fn.onDemandBusy) throw new Error(`${fn.name}: bad busy counters`);
    if (fn.reserved === null) unreservedOnDemand += fn.onDemandBusy;
    let liveBusy = 0;
    for (const env of fn.live.values()) if (env.state === ENV_INIT_OR_BUSY) liveBusy++;
    if (liveBusy !== fn.busy) throw new Error(`${fn.name}: ${liveBusy} busy environments but counter says ${fn.busy}`);
  }
  if (busy !== acct.busy) throw new Error('account busy counter mismatch');
  if (busy > acct.limit) throw new Error(`account concurrency ${busy} > limit ${acct.limit}`);
  if (unreservedOnDemand !== acct.unreservedOnDemandBusy) throw new Error('unreserved counter mismatch');
  if (strict && acct.reservedTotal + acct.pcUnreserved + unreservedOnDemand > acct.limit) throw new Error('unreserved pool overcommitted');
  const f = e.fates;
  const pending = e.pendingCount();
  if (f.receivedTotal !== f.settled + pending)
    throw new Error(`conservation: received ${f.receivedTotal} != ${f.succeededTotal}+${f.dlqTotal}+${f.destinationTotal}+${f.droppedTotal}+${pending}`);
}
