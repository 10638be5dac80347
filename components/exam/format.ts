import { domainById, type DomainId } from '@/lib/content/domains';

/** "26 Nov 2026, 15:04" in the learner's locale and time zone. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function domainLabel(id: number): string {
  try {
    return domainById(id as DomainId).short;
  } catch {
    return `Domain ${id}`;
  }
}

export function percent(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct / total) * 100);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
