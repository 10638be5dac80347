import { domainById, type DomainId } from '@/lib/content/domains';

export function domainLabel(id: number): string {
  try {
    return domainById(id as DomainId).short;
  } catch {
    return `Domain ${id}`;
  }
}
